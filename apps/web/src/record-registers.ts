import {
  FACILITY_CLASS_LABELS, FACILITY_FIELDS, ORGANIZATION_FIELDS, ORGANIZATION_KIND_LABELS, PLACE_FIELDS, PLACE_KIND_LABELS, RECORD_STATE_FIELDS,
  type RecordField,
} from '@civicgrid/domain';

/**
 * A register of records placed in grids (organizations, key places, facilities), as the console shows it: the
 * server serves every one of them the same way, from the register's field table in domain.
 */
export interface RecordRegisterView {
  name: 'organization' | 'place' | 'facility';
  /** the console page */
  path: string;
  /** the API's collection */
  apiPath: string;
  label: string;
  /** one record, as in 新增单位 */
  noun: string;
  fields: readonly RecordField[];
  /** the list's `kind` filter: its label and options (for facilities, the class the code carries) */
  kindFilter: { label: string; options: Readonly<Record<string, string>> };
  /** the field naming a record in its title */
  titleKey: string;
  /** fields shown as the list's columns, after the title */
  columnKeys: string[];
  searchPlaceholder: string;
  /** the code one record only may hold, and the error the server refuses a second one with */
  unique?: { key: string; errorCode: string };
}

export const RECORD_REGISTERS: RecordRegisterView[] = [
  {
    name: 'organization',
    path: '/registers/organizations',
    apiPath: '/api/organizations',
    label: '单位组织',
    noun: '单位',
    fields: ORGANIZATION_FIELDS,
    kindFilter: { label: '单位类别', options: ORGANIZATION_KIND_LABELS },
    titleKey: 'name',
    columnKeys: ['kind', 'unifiedSocialCreditCode', 'legalRepresentative', 'phone', 'address'],
    searchPlaceholder: '单位名称、地址或统一社会信用代码',
    unique: { key: 'unifiedSocialCreditCode', errorCode: 'organization.credit_code_taken' },
  },
  {
    name: 'place',
    path: '/registers/places',
    apiPath: '/api/places',
    label: '重点场所',
    noun: '场所',
    fields: PLACE_FIELDS,
    kindFilter: { label: '场所类别', options: PLACE_KIND_LABELS },
    titleKey: 'name',
    columnKeys: ['kind', 'responsiblePerson', 'phone', 'address'],
    searchPlaceholder: '场所名称或地址',
  },
  {
    name: 'facility',
    path: '/registers/facilities',
    apiPath: '/api/facilities',
    label: '部件',
    noun: '部件',
    fields: FACILITY_FIELDS,
    kindFilter: { label: '部件大类', options: FACILITY_CLASS_LABELS },
    titleKey: 'facilityCode',
    columnKeys: ['name', 'status', 'ownerUnit', 'address'],
    searchPlaceholder: '部件编码（或其开头）、名称、位置',
    unique: { key: 'facilityCode', errorCode: 'facility.code_taken' },
  },
];

const STATE_KEYS: ReadonlySet<string> = new Set(RECORD_STATE_FIELDS.map((field) => field.key));
const DEREGISTRATION_KEYS = new Set(['deregisteredOn', 'deregistrationReason']);

/** A register's fields in two groups, its own and where it is and how closely it is watched; 注销 sets the rest. */
export function recordFieldGroups(register: RecordRegisterView, withDeregistration: boolean): { title: string; fields: RecordField[] }[] {
  const shown = register.fields.filter((field) => withDeregistration || !DEREGISTRATION_KEYS.has(field.key));
  return [
    { title: `${register.noun}信息`, fields: shown.filter((field) => !STATE_KEYS.has(field.key)) },
    { title: '网格与关注', fields: shown.filter((field) => STATE_KEYS.has(field.key)) },
  ];
}

export const recordRegisterAt = (path: string) => RECORD_REGISTERS.find((register) => register.path === path);
