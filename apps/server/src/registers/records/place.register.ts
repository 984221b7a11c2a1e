import { sql } from 'kysely';
import { PLACE_FIELDS } from '@civicgrid/domain';
import { gridInJurisdiction } from '../../database/jurisdiction.sql.js';
import { invalidValues } from '../register-errors.js';
import { containing } from '../like-pattern.js';
import type { RecordRegister } from './record-register.js';

/** Key places 重点场所; the organization running one is named by its credit code and must be in the reader's area. */
export const PLACE_REGISTER: RecordRegister = {
  name: 'place',
  table: 'places',
  path: '/api/places',
  tag: 'places',
  label: { zh: '场所', en: 'place' },
  fields: PLACE_FIELDS,
  defaults: { attentionLevel: 1, dataSource: 'entered' },
  computed: { organizationCreditCode: sql`(SELECT o.unified_social_credit_code FROM organizations o WHERE o.id = r.organization_id)` },
  extras: sql`r.organization_id AS "organizationId", (SELECT o.name FROM organizations o WHERE o.id = r.organization_id) AS "organizationName"`,
  async extraColumns({ executor, actor, values }) {
    const code = values.organizationCreditCode;
    if (typeof code !== 'string') return { organization_id: null };
    const found = await sql<{ id: number }>`
      SELECT o.id FROM organizations o LEFT JOIN grids g ON g.id = o.grid_id
      WHERE o.unified_social_credit_code = ${code}
        AND (${gridInJurisdiction(actor.jurisdiction, 'g')} OR (g.id IS NULL AND ${actor.jurisdiction.kind === 'everywhere'}))`.execute(executor);
    if (!found.rows[0]) {
      throw invalidValues('place.invalid', { zh: '场所信息', en: 'place' }, [{
        field: 'organizationCreditCode', zh: `所属单位统一社会信用代码：未找到代码为 ${code} 的单位，请先登记单位`, en: `organizationCreditCode: no organization ${code} in your area`,
      }]);
    }
    return { organization_id: found.rows[0].id };
  },
  search: (q) => sql`(r.name ILIKE ${containing(q)} OR r.address ILIKE ${containing(q)})`,
};
