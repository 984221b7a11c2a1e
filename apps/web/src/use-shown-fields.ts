import type { RecordField } from '@civicgrid/domain';
import { useMemo } from 'react';
import { useI18n } from './i18n/i18n-context';
import { shownField, type RegisterName } from './register-field-text';

/** A register's fields as the console shows them in its language (see shownField), made anew when the language changes. */
export function useShownFields<Field extends Pick<RecordField, 'key' | 'header' | 'options'>>(register: RegisterName, fields: readonly Field[]): Field[] {
  const { lookup } = useI18n();
  return useMemo(() => fields.map((field) => shownField(register, field, lookup)), [register, fields, lookup]);
}
