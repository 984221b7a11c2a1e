import { LOCATION_FIELDS, RECORD_STATE_FIELDS, type FieldKeyOf, type RecordField } from './record-fields.js';

export const ORGANIZATION_KIND_LABELS = {
  enterprise: '企业',
  individual_business: '个体工商户',
  social_organization: '社会组织',
  school: '学校',
  hospital: '医疗机构',
  market: '市场',
  government: '机关事业单位',
  other: '其他',
} as const;
export type OrganizationKind = keyof typeof ORGANIZATION_KIND_LABELS;

/** The organization register 单位/组织: enterprises, social organizations, schools, hospitals, markets … */
export const ORGANIZATION_FIELDS = [
  { key: 'name', header: '单位名称', kind: 'text', required: true, max: 100 },
  { key: 'kind', header: '单位类别', kind: 'enum', required: true, options: ORGANIZATION_KIND_LABELS },
  { key: 'unifiedSocialCreditCode', header: '统一社会信用代码', kind: 'text', max: 18, check: 'credit_code' },
  { key: 'legalRepresentative', header: '法定代表人', kind: 'text', max: 50 },
  { key: 'phone', header: '联系电话', kind: 'text', max: 20, check: 'phone' },
  { key: 'address', header: '单位地址', kind: 'text', max: 200 },
  { key: 'employees', header: '从业人数', kind: 'integer', range: [0, 1_000_000] },
  ...LOCATION_FIELDS,
  ...RECORD_STATE_FIELDS,
] as const satisfies readonly RecordField[];
export type OrganizationFieldKey = FieldKeyOf<typeof ORGANIZATION_FIELDS>;

export const PLACE_KIND_LABELS = {
  market: '集贸市场',
  station: '车站码头',
  school_surroundings: '校园周边',
  entertainment: '娱乐场所',
  internet_cafe: '网吧',
  hotel: '旅馆',
  religious: '宗教活动场所',
  construction_site: '建筑工地',
  hazardous_goods: '危险物品场所',
  crowded_place: '人员密集场所',
  other: '其他',
} as const;
export type PlaceKind = keyof typeof PLACE_KIND_LABELS;

/** Key places 重点场所; the organization that runs one is named by its credit code. */
export const PLACE_FIELDS = [
  { key: 'name', header: '场所名称', kind: 'text', required: true, max: 100 },
  { key: 'kind', header: '场所类别', kind: 'enum', required: true, options: PLACE_KIND_LABELS },
  { key: 'organizationCreditCode', header: '所属单位统一社会信用代码', kind: 'text', max: 18, check: 'credit_code' },
  { key: 'responsiblePerson', header: '负责人', kind: 'text', max: 50 },
  { key: 'phone', header: '联系电话', kind: 'text', max: 20, check: 'phone' },
  { key: 'address', header: '场所地址', kind: 'text', max: 200 },
  ...LOCATION_FIELDS,
  ...RECORD_STATE_FIELDS,
] as const satisfies readonly RecordField[];
export type PlaceFieldKey = FieldKeyOf<typeof PLACE_FIELDS>;

export const FACILITY_STATUS_LABELS = { in_service: '完好', damaged: '损坏', missing: '丢失', removed: '已拆除' } as const;
export type FacilityStatus = keyof typeof FACILITY_STATUS_LABELS;

/** Public facilities 部件: the code carries county, class and subclass; the place is required, the grid follows from it. */
export const FACILITY_FIELDS = [
  { key: 'facilityCode', header: '部件编码', kind: 'text', required: true, max: 16, check: 'facility_code' },
  { key: 'name', header: '部件名称', kind: 'text', max: 50 },
  { key: 'status', header: '部件状态', kind: 'enum', options: FACILITY_STATUS_LABELS },
  { key: 'ownerUnit', header: '权属单位', kind: 'text', max: 100 },
  { key: 'maintenanceUnit', header: '养护单位', kind: 'text', max: 100 },
  { key: 'address', header: '位置描述', kind: 'text', max: 200 },
  { key: 'lon', header: '经度', kind: 'decimal', required: true, range: [-180, 180] },
  { key: 'lat', header: '纬度', kind: 'decimal', required: true, range: [-90, 90] },
  ...RECORD_STATE_FIELDS,
] as const satisfies readonly RecordField[];
export type FacilityFieldKey = FieldKeyOf<typeof FACILITY_FIELDS>;
