/**
 * The person register's fields, once: the Chinese column header of the import template and of exports,
 * the kind of value, and which fields are sensitive (masked by role). Forms, imports and exports are all
 * driven by this table.
 */
export type FieldKind = 'text' | 'date' | 'enum' | 'boolean' | 'integer';

export interface RegisterField {
  key: string;
  header: string;
  kind: FieldKind;
  required?: boolean;
  max?: number;
  /** enum: stored value → the Chinese label used in spreadsheets and forms */
  options?: Readonly<Record<string, string>>;
  /** masked in lists and exports unless the role may reveal it */
  sensitive?: 'id_number' | 'phone';
}

export const ID_TYPE_LABELS = {
  resident_id_card: '居民身份证',
  passport: '护照',
  hk_macao_pass: '港澳居民来往内地通行证',
  taiwan_pass: '台湾居民来往大陆通行证',
  foreign_permanent_resident: '外国人永久居留身份证',
  other: '其他证件',
} as const;
export type IdType = keyof typeof ID_TYPE_LABELS;

export const ATTENTION_LEVEL_LABELS = { 1: '一般', 2: '中等', 3: '严重' } as const;
export const DATA_SOURCE_LABELS = { entered: '录入', claimed: '认领', verified: '核实' } as const;
export type DataSource = keyof typeof DATA_SOURCE_LABELS;

export const PERSON_FIELDS = [
  { key: 'name', header: '姓名', kind: 'text', required: true, max: 50 },
  { key: 'formerName', header: '曾用名', kind: 'text', max: 50 },
  { key: 'gender', header: '性别', kind: 'enum', options: { male: '男', female: '女' } },
  { key: 'idType', header: '证件类型', kind: 'enum', options: ID_TYPE_LABELS },
  { key: 'idNumber', header: '证件号码', kind: 'text', max: 40, sensitive: 'id_number' },
  { key: 'birthDate', header: '出生日期', kind: 'date' },
  { key: 'nationality', header: '国籍', kind: 'text', max: 40 },
  { key: 'ethnicity', header: '民族', kind: 'text', max: 20 },
  { key: 'nativePlace', header: '籍贯', kind: 'text', max: 100 },
  { key: 'maritalStatus', header: '婚姻状况', kind: 'text', max: 20 },
  { key: 'politicalStatus', header: '政治面貌', kind: 'text', max: 20 },
  { key: 'education', header: '学历', kind: 'text', max: 20 },
  { key: 'religion', header: '宗教信仰', kind: 'text', max: 20 },
  { key: 'occupation', header: '职业', kind: 'text', max: 50 },
  { key: 'workplace', header: '工作单位', kind: 'text', max: 100 },
  { key: 'mobile', header: '联系电话', kind: 'text', max: 20, sensitive: 'phone' },
  { key: 'residency', header: '人口类型', kind: 'enum', required: true, options: { registered: '户籍人口', floating: '流动人口', foreign: '境外人员' } },
  { key: 'leftBehind', header: '留守人员', kind: 'boolean' },
  { key: 'registeredAddress', header: '户籍地址', kind: 'text', max: 200 },
  { key: 'currentAddress', header: '现住址', kind: 'text', max: 200 },
  { key: 'gridCode', header: '所属网格', kind: 'text', required: true, max: 17 },
  { key: 'householdNumber', header: '户号', kind: 'text', max: 40 },
  { key: 'relationToHead', header: '与户主关系', kind: 'text', max: 20 },
  { key: 'attentionLevel', header: '关注程度', kind: 'enum', options: { 1: '一般', 2: '中等', 3: '严重' } },
  { key: 'underAttention', header: '重点关注', kind: 'boolean' },
  { key: 'attentionReason', header: '关注原因', kind: 'text', max: 200 },
  { key: 'dataSource', header: '数据来源', kind: 'enum', options: DATA_SOURCE_LABELS },
  { key: 'deregisteredOn', header: '注销日期', kind: 'date' },
  { key: 'deregistrationReason', header: '注销原因', kind: 'text', max: 200 },
  { key: 'nextVisitOn', header: '下次走访日期', kind: 'date' },
  { key: 'lastVerifiedOn', header: '最近核实日期', kind: 'date' },
] as const satisfies readonly RegisterField[];

export type PersonFieldKey = (typeof PERSON_FIELDS)[number]['key'];
