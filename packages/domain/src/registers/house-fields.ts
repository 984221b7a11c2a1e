import { HOUSE_USE_LABELS } from '../base-data.schema.js';
import { RECORD_LIFECYCLE_FIELDS, RECORD_STATE_FIELDS, type FieldKeyOf, type RecordField } from './record-fields.js';

/** Buildings 楼栋: their place (and so their grid) is fixed when they are registered; these fields can change. */
export const BUILDING_FIELDS = [
  { key: 'name', header: '楼栋名称', kind: 'text', required: true, max: 100 },
  { key: 'address', header: '楼栋地址', kind: 'text', max: 200 },
  { key: 'buildingType', header: '建筑类型', kind: 'text', max: 20 },
  { key: 'floors', header: '层数', kind: 'integer', range: [1, 200] },
] as const satisfies readonly RecordField[];

/** Houses 房屋 of a building (and so of its grid); a rented house's landlord is its owner, its tenants are its tenancies. */
export const HOUSE_FIELDS = [
  { key: 'unitName', header: '单元', kind: 'text', max: 20 },
  { key: 'floor', header: '楼层', kind: 'integer', range: [-10, 300] },
  { key: 'number', header: '房号', kind: 'text', required: true, max: 20 },
  { key: 'use', header: '房屋用途', kind: 'enum', options: HOUSE_USE_LABELS },
  { key: 'areaSquareMetres', header: '建筑面积（平方米）', kind: 'decimal', range: [0, 1_000_000] },
  { key: 'ownerPersonId', header: '房主（人员编号）', kind: 'integer', range: [1, 2_147_483_647] },
  ...RECORD_LIFECYCLE_FIELDS,
] as const satisfies readonly RecordField[];
export type HouseFieldKey = FieldKeyOf<typeof HOUSE_FIELDS>;

export const HOUSEHOLD_KIND_LABELS = { family: '家庭户', collective: '集体户' } as const;

/** Households 户; their members are persons with a relation to the head. */
export const HOUSEHOLD_FIELDS = [
  { key: 'householdNumber', header: '户号', kind: 'text', max: 40 },
  { key: 'kind', header: '户别', kind: 'enum', options: HOUSEHOLD_KIND_LABELS },
  { key: 'houseId', header: '房屋编号', kind: 'integer', range: [1, 2_147_483_647] },
  { key: 'headPersonId', header: '户主（人员编号）', kind: 'integer', range: [1, 2_147_483_647] },
  ...RECORD_STATE_FIELDS,
] as const satisfies readonly RecordField[];
export type HouseholdFieldKey = FieldKeyOf<typeof HOUSEHOLD_FIELDS>;

/** Relations to the head of household as registers write them. */
export const RELATIONS_TO_HEAD = ['户主', '配偶', '子', '女', '父亲', '母亲', '孙子', '孙女', '兄弟', '姐妹', '儿媳', '女婿', '祖父母', '外孙子女', '其他亲属', '非亲属'] as const;
