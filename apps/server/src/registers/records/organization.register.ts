import { sql } from 'kysely';
import { ORGANIZATION_FIELDS } from '@civicgrid/domain';
import { containing } from '../like-pattern.js';
import type { RecordRegister } from './record-register.js';

/** Organizations 单位/组织: the unified social credit code is checked (GB 32100) and held by one organization only. */
export const ORGANIZATION_REGISTER: RecordRegister = {
  name: 'organization',
  table: 'organizations',
  path: '/api/organizations',
  tag: 'organizations',
  label: { zh: '单位', en: 'organization' },
  fields: ORGANIZATION_FIELDS,
  defaults: { attentionLevel: 1, dataSource: 'entered' },
  unique: {
    key: 'unifiedSocialCreditCode', column: 'unified_social_credit_code', code: 'organization.credit_code_taken',
    zh: (code) => `统一社会信用代码 ${code} 已登记，一个代码只能登记一个单位`, en: (code) => `The unified social credit code ${code} is already registered`,
  },
  search: (q) => sql`(r.name ILIKE ${containing(q)} OR r.unified_social_credit_code = ${q.toUpperCase()} OR r.address ILIKE ${containing(q)})`,
};
