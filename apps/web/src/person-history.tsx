import { useEffect, useState } from 'react';
import { ChangeTimeline } from './change-timeline';
import { formatFieldValue } from './format-field-value';
import { useI18n } from './i18n/i18n-context';
import { personApi } from './person-api';
import { useShownPersonField, type PersonField } from './person-field-groups';
import { groupOptionLabel, personChangeHeader, type CatalogText } from './register-field-text';
import type { RecordChangeView } from './register-types';
import { useErrorMessage } from './use-error-message';

/** A value of a person's history: a field's label, a group listed or not, a merged person by number; '' for none. */
function shownValue(field: string, value: unknown, personField: PersonField | undefined, text: CatalogText): string {
  if (value === null || value === undefined || value === '') return '';
  if (field === 'nationality' && value === 'CHN') return text.t('person.china');
  if (personField) return formatFieldValue(personField, value, text.t);
  if (/^(specialGroups|careGroups)\.[^.]+$/.test(field) && typeof value === 'boolean') {
    return value ? text.t('person.history.added') : text.t('person.history.removed');
  }
  const option = groupOptionLabel(field, value, text);
  if (option) return option;
  if (field === 'mergedFrom' || field === 'mergedInto') return text.t('person.history.person', { id: String(value) });
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** 变更记录 of one person, loaded again whenever `reloads` changes (after a save). */
export function PersonHistory({ personId, reloads }: { personId: number; reloads: number }) {
  const reportError = useErrorMessage();
  const text = useI18n();
  const personField = useShownPersonField();
  const [entries, setEntries] = useState<RecordChangeView[] | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    personApi.history(personId, controller.signal).then(setEntries).catch(reportError);
    return () => controller.abort();
  }, [personId, reloads, reportError]);

  return (
    <ChangeTimeline
      entries={entries}
      shownHeader={(change) => personChangeHeader(change.field, change.header, text)}
      shownValue={(field, value) => shownValue(field, value, personField(field), text)}
    />
  );
}
