import { sql } from 'kysely';
import { checkFacilityCode, FACILITY_FIELDS } from '@civicgrid/domain';
import { containing } from '../like-pattern.js';
import type { RecordRegister } from './record-register.js';

/** Public facilities 部件: the code (county + class + subclass + sequence) is checked and unique; the category is read off it. */
export const FACILITY_REGISTER: RecordRegister = {
  name: 'facility',
  table: 'facilities',
  path: '/api/facilities',
  tag: 'facilities',
  label: { zh: '部件', en: 'facility' },
  fields: FACILITY_FIELDS,
  defaults: { attentionLevel: 1, dataSource: 'entered', status: 'in_service' },
  extras: sql`r.category_code AS "categoryCode"`,
  async extraColumns({ values }) {
    const code = checkFacilityCode(String(values.facilityCode));
    return code.valid ? { category_code: code.categoryCode } : {};
  },
  unique: {
    key: 'facilityCode', column: 'facility_code', code: 'facility.code_taken',
    zh: (code) => `部件编码 ${code} 已登记`, en: (code) => `The facility code ${code} is already registered`,
  },
  // a code or the start of one (digits sort below Y), or a name or place fragment
  search: (q) => (/^\d{1,16}$/.test(q)
    ? sql`(r.facility_code >= ${q} AND r.facility_code < ${`${q}Y`})`
    : sql`(r.name ILIKE ${containing(q)} OR r.address ILIKE ${containing(q)})`),
};
