import { ATTENTION_LEVEL_LABELS, DATA_SOURCE_LABELS, type FieldKind, type RegisterField } from './person-fields.js';

/**
 * A field of a register other than persons (organizations, places, facilities, houses, households): as the
 * person table, plus decimals and the national codes a value is checked by. One table per register drives
 * its forms, imports, exports and the headers of its change history.
 */
export interface RecordField extends Omit<RegisterField, 'kind'> {
  kind: FieldKind | 'decimal';
  /** integer and decimal fields: the allowed range */
  range?: readonly [number, number];
  /** checked (and normalized) by its standard */
  check?: 'phone' | 'credit_code' | 'facility_code' | 'grid_code';
}

/** What every register record carries besides its own fields ("9 + X": attention, source, deregistration, visits, verification). */
export const RECORD_LIFECYCLE_FIELDS = [
  { key: 'attentionLevel', header: '关注程度', kind: 'enum', options: ATTENTION_LEVEL_LABELS },
  { key: 'dataSource', header: '数据来源', kind: 'enum', options: DATA_SOURCE_LABELS },
  { key: 'deregisteredOn', header: '注销日期', kind: 'date' },
  { key: 'deregistrationReason', header: '注销原因', kind: 'text', max: 200 },
  { key: 'nextVisitOn', header: '下次走访日期', kind: 'date' },
  { key: 'lastVerifiedOn', header: '最近核实日期', kind: 'date' },
] as const satisfies readonly RecordField[];

/** The grid and the lifecycle fields, for registers whose records are placed in a grid directly. */
export const RECORD_STATE_FIELDS = [
  { key: 'gridCode', header: '所属网格', kind: 'text', max: 17, check: 'grid_code' },
  ...RECORD_LIFECYCLE_FIELDS,
] as const satisfies readonly RecordField[];

export const LOCATION_FIELDS = [
  { key: 'lon', header: '经度', kind: 'decimal', range: [-180, 180] },
  { key: 'lat', header: '纬度', kind: 'decimal', range: [-90, 90] },
] as const satisfies readonly RecordField[];

/** The field keys of a table, as a type. */
export type FieldKeyOf<Fields extends readonly RecordField[]> = Fields[number]['key'];

/** The header of a field key in any of the tables, for history and error messages. */
export function headerOf(fields: readonly { key: string; header: string }[], key: string): string {
  return fields.find((field) => field.key === key)?.header ?? key;
}
