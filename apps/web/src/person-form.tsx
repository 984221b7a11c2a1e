import { Alert, Col, Form, Row, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { ApiError } from './api-client';
import { useI18n } from './i18n/i18n-context';
import { personApi } from './person-api';
import { fieldApplies, PERSON_FIELD_GROUPS, useShownPersonField } from './person-field-groups';
import { RegisterFieldItem } from './register-field-item';
import { changedValues, checkPersonValues, FORM_FIELDS, initialFormValues, requestValues } from './person-form-values';
import { serverFieldProblems, type FieldProblem, type RegisterFormValues } from './register-form-values';
import type { PersonDetail } from './register-types';
import { errorMessageOf } from './use-error-message';

const FORM_KEYS = new Set<string>(FORM_FIELDS.map((field) => field.key));

function maskedValue(sensitive: 'id_number' | 'phone' | undefined, person: PersonDetail | null): string | null {
  if (!person || !sensitive) return null;
  return sensitive === 'id_number' ? person.idNumberMasked : person.mobileMasked;
}

interface PersonFormProps {
  form: FormInstance<RegisterFormValues>;
  /** The person edited; none to register a new one. */
  person: PersonDetail | null;
  onSaving: (saving: boolean) => void;
  onSaved: (person: PersonDetail, changed: boolean) => void;
  /** Two columns in a page, one in a narrow drawer. */
  columns?: 1 | 2;
}

/**
 * The person register's form, made from PERSON_FIELDS and grouped as the person page shows them. The domain's own
 * rules run first; what the server still refuses comes back under the field it names.
 */
export function PersonForm({ form, person, onSaving, onSaved, columns = 2 }: PersonFormProps) {
  const { t } = useI18n();
  const personField = useShownPersonField();
  const [problem, setProblem] = useState<string | null>(null);
  // The fields only some persons have appear with the residency (or left-behind flag) they belong to.
  const residency = Form.useWatch('residency', form);
  const leftBehind = Form.useWatch('leftBehind', form);

  const showProblems = (problems: FieldProblem[]) => {
    const byField = new Map<string, string[]>();
    for (const { field, message } of problems) byField.set(field, [...(byField.get(field) ?? []), message]);
    form.setFields([...byField].filter(([name]) => FORM_KEYS.has(name)).map(([name, errors]) => ({ name: name as keyof RegisterFormValues, errors })));
    const first = problems[0];
    if (first && FORM_KEYS.has(first.field)) form.scrollToField(first.field, { block: 'center' });
    // A problem with a field the form does not show (e.g. 注销原因) is said above the form.
    const elsewhere = problems.filter((entry) => !FORM_KEYS.has(entry.field));
    return elsewhere
      .map((entry) => t('common.labelled', { label: personField(entry.field)?.header ?? entry.field, value: entry.message }))
      .join(t('common.sentenceSeparator'));
  };

  const submit = async (values: RegisterFormValues) => {
    setProblem(null);
    const all = requestValues(values);
    const local = checkPersonValues(all);
    if (local.length > 0) {
      setProblem(showProblems(local) || null);
      return;
    }
    const changes = person ? changedValues(person, values) : all;
    if (person && Object.keys(changes).length === 0) {
      onSaved(person, false);
      return;
    }
    onSaving(true);
    try {
      onSaved(person ? await personApi.update(person.id, person.version, changes) : await personApi.create(all), true);
    } catch (error) {
      const taken = error instanceof ApiError && error.code === 'person.id_number_taken';
      const fieldProblems = taken ? [{ field: 'idNumber', message: errorMessageOf(error) }] : serverFieldProblems(FORM_FIELDS, error);
      if (fieldProblems.length > 0) setProblem(showProblems(fieldProblems) || errorMessageOf(error));
      else if (error instanceof ApiError && error.code === 'person.version_conflict') {
        setProblem(t('person.versionConflict'));
      } else setProblem(errorMessageOf(error));
    } finally {
      onSaving(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={initialFormValues(person)}
      scrollToFirstError={{ block: 'center' }}
      data-testid="person-form"
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="person-form-error" />}
      {PERSON_FIELD_GROUPS.map((group) => {
        const fields = group.keys
          .filter((key) => FORM_KEYS.has(key) && fieldApplies(key, { residency, leftBehind }))
          .map((key) => personField(key)!);
        return (
          <section key={group.title}>
            <Typography.Title level={5} style={{ margin: '4px 0 12px' }}>
              {t(group.title)}
            </Typography.Title>
            <Row gutter={16}>
              {fields.map((field) => (
                <Col key={field.key} span={columns === 2 && (field.max ?? 0) < 200 ? 12 : 24}>
                  <RegisterFieldItem field={field} masked={maskedValue(field.sensitive, person)} />
                </Col>
              ))}
            </Row>
          </section>
        );
      })}
    </Form>
  );
}
