import { parsePersonResidencyValues, parsePersonValues, type Residency } from '@civicgrid/domain';
import { DEREGISTRATION_KEYS, fieldApplies, PERSON_FIELD_LIST } from './person-field-groups';
import {
  changedValuesOf, fieldProblemOf, formValuesOf, requestValuesOf, type FieldProblem, type RegisterFormValues,
} from './register-form-values';
import type { PersonDetail } from './register-types';

/** The fields the person form edits: all but those 注销 sets. */
export const FORM_FIELDS = PERSON_FIELD_LIST.filter((field) => !DEREGISTRATION_KEYS.has(field.key));

const NEW_PERSON: RegisterFormValues = {
  idType: 'resident_id_card',
  residency: 'registered',
  leftBehind: false,
  attentionLevel: '1',
  underAttention: false,
  dataSource: 'entered',
};

const storedOf = (person: PersonDetail) => person as unknown as Record<string, unknown>;

/** The form's starting values: the person's own (ID number and phone left blank: they arrive masked), or a new person's defaults. */
export function initialFormValues(person: PersonDetail | null): RegisterFormValues {
  return person ? formValuesOf(FORM_FIELDS, storedOf(person)) : NEW_PERSON;
}

/** The values as the API takes them; a field that does not apply (an inflow date once no longer floating) is cleared. */
export function requestValues(values: RegisterFormValues): Record<string, unknown> {
  const request = requestValuesOf(FORM_FIELDS, values);
  for (const field of FORM_FIELDS) if (!fieldApplies(field.key, request)) request[field.key] = null;
  return request;
}

/** What an edit changed, compared with the person as loaded. */
export function changedValues(person: PersonDetail, values: RegisterFormValues): Record<string, unknown> {
  return changedValuesOf(FORM_FIELDS, requestValues(initialFormValues(person)), requestValues(values));
}

/** The domain's own rules, before sending: every problem at once, each under its own field. */
export function checkPersonValues(values: Record<string, unknown>): FieldProblem[] {
  const main = parsePersonValues(values);
  const residency = parsePersonResidencyValues(
    { residency: values.residency as Residency, leftBehind: values.leftBehind === true },
    values,
    new Set(Object.keys(values).filter((key) => values[key] !== null)),
  );
  const errors = [...('errors' in main ? main.errors : []), ...('errors' in residency ? residency.errors : [])];
  return errors.map((error) => fieldProblemOf(FORM_FIELDS, error));
}
