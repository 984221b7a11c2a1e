import {
  FACILITY_CLASS_LABELS, FACILITY_FIELDS, ORGANIZATION_FIELDS, ORGANIZATION_KIND_LABELS, PLACE_FIELDS, PLACE_KIND_LABELS, RECORD_STATE_FIELDS,
  type RecordField,
} from '@civicgrid/domain';

/**
 * A register of records placed in grids (organizations, key places, facilities), as the console shows it: the
 * server serves every one of them the same way, from the register's field table in domain. Its words are in the
 * catalog by its name: `record.noun.<name>` (one record, as in 新增单位), `record.kind.<name>` (the kind filter),
 * `record.search.<name>` (the search box).
 */
export interface RecordRegisterView {
  name: 'organization' | 'place' | 'facility';
  /** the console page */
  path: string;
  /** the API's collection */
  apiPath: string;
  /** the page's own (Chinese) name, as the navigation has it */
  label: string;
  fields: readonly RecordField[];
  /** the options of the list's `kind` filter (for facilities, the class the code carries) */
  kindOptions: Readonly<Record<string, string>>;
  /** where the catalog names those options, by code: `<kindCatalog>.<code>` */
  kindCatalog: string;
  /** the field naming a record in its title */
  titleKey: string;
  /** fields shown as the list's columns, after the title */
  columnKeys: string[];
  /** the code one record only may hold, and the error the server refuses a second one with */
  unique?: { key: string; errorCode: string };
}

export const RECORD_REGISTERS: RecordRegisterView[] = [
  {
    name: 'organization',
    path: '/registers/organizations',
    apiPath: '/api/organizations',
    label: '单位组织',
    fields: ORGANIZATION_FIELDS,
    kindOptions: ORGANIZATION_KIND_LABELS,
    kindCatalog: 'field.organization.kind',
    titleKey: 'name',
    columnKeys: ['kind', 'unifiedSocialCreditCode', 'legalRepresentative', 'phone', 'address'],
    unique: { key: 'unifiedSocialCreditCode', errorCode: 'organization.credit_code_taken' },
  },
  {
    name: 'place',
    path: '/registers/places',
    apiPath: '/api/places',
    label: '重点场所',
    fields: PLACE_FIELDS,
    kindOptions: PLACE_KIND_LABELS,
    kindCatalog: 'field.place.kind',
    titleKey: 'name',
    columnKeys: ['kind', 'responsiblePerson', 'phone', 'address'],
  },
  {
    name: 'facility',
    path: '/registers/facilities',
    apiPath: '/api/facilities',
    label: '部件',
    fields: FACILITY_FIELDS,
    kindOptions: FACILITY_CLASS_LABELS,
    kindCatalog: 'facilityClass',
    titleKey: 'facilityCode',
    columnKeys: ['name', 'status', 'ownerUnit', 'address'],
    unique: { key: 'facilityCode', errorCode: 'facility.code_taken' },
  },
];

const STATE_KEYS: ReadonlySet<string> = new Set(RECORD_STATE_FIELDS.map((field) => field.key));
const DEREGISTRATION_KEYS = new Set(['deregisteredOn', 'deregistrationReason']);

/**
 * A register's fields (its table, or the table as shown in a language) in two groups, its own (`own`: 单位信息) and
 * where it is and how closely it is watched (`state`: 网格与关注); 注销 sets the rest.
 */
export function recordFieldGroups(fields: readonly RecordField[], withDeregistration: boolean): { group: 'own' | 'state'; fields: RecordField[] }[] {
  const shown = fields.filter((field) => withDeregistration || !DEREGISTRATION_KEYS.has(field.key));
  return [
    { group: 'own', fields: shown.filter((field) => !STATE_KEYS.has(field.key)) },
    { group: 'state', fields: shown.filter((field) => STATE_KEYS.has(field.key)) },
  ];
}

export const recordRegisterAt = (path: string) => RECORD_REGISTERS.find((register) => register.path === path);
