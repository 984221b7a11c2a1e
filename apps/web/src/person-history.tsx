import { CARE_GROUP_FIELD_LABELS, SPECIAL_GROUP_FIELD_LABELS } from '@civicgrid/domain';
import { useEffect, useState } from 'react';
import { ChangeTimeline } from './change-timeline';
import { formatFieldValue } from './format-field-value';
import { useI18n, type Translate } from './i18n/i18n-context';
import { personApi } from './person-api';
import { personField } from './person-field-groups';
import type { RecordChangeView } from './register-types';
import { useErrorMessage } from './use-error-message';

/** A value of a person's history: a field's label, a group listed or not, a merged person by number; '' for none. */
function shownValue(field: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return '';
  if (field === 'nationality' && value === 'CHN') return t('person.china');
  const registerField = personField(field);
  if (registerField) return formatFieldValue(registerField, value, t);
  const [group, kind, ...rest] = field.split('.');
  if ((group === 'specialGroups' || group === 'careGroups') && kind) {
    if (rest.length === 0 && typeof value === 'boolean') return value ? t('person.history.added') : t('person.history.removed');
    const labels = group === 'specialGroups' ? SPECIAL_GROUP_FIELD_LABELS : CARE_GROUP_FIELD_LABELS;
    const option = labels[rest.join('.')]?.options?.[String(value)];
    if (option) return option;
  }
  if (field === 'mergedFrom' || field === 'mergedInto') return t('person.history.person', { id: String(value) });
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** 变更记录 of one person, loaded again whenever `reloads` changes (after a save). */
export function PersonHistory({ personId, reloads }: { personId: number; reloads: number }) {
  const reportError = useErrorMessage();
  const { t } = useI18n();
  const [entries, setEntries] = useState<RecordChangeView[] | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    personApi.history(personId, controller.signal).then(setEntries).catch(reportError);
    return () => controller.abort();
  }, [personId, reloads, reportError]);

  return <ChangeTimeline entries={entries} shownValue={(field, value) => shownValue(field, value, t)} />;
}
