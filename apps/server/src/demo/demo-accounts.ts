import { sql } from 'kysely';
import type { StaffRole } from '@civicgrid/domain';
import { hashPassword } from '../auth/password-hash.js';
import type { Database } from '../database/database.js';
import { UserRepository } from '../users/user.repository.js';

/** The password of every demo account; it meets the password policy. Listed in the README. */
export const DEMO_PASSWORD = 'Demo@2026-zibo';

interface DemoAccount {
  username: string;
  displayName: string;
  role: StaffRole;
  regionCode?: string;
  department?: string;
  gridCode?: string;
}

const DEPARTMENTS = ['张店区综合行政执法局', '张店区住房和城乡建设局', '张店区市场监督管理局', '淄博市公安局张店分局'];

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', role: 'administrator' },
  { username: 'city.operator', displayName: '市中心坐席', role: 'city_operator', regionCode: '370300' },
  { username: 'leader', displayName: '市领导', role: 'leader', regionCode: '370300' },
  { username: 'district.operator', displayName: '张店区中心坐席', role: 'district_operator', regionCode: '370303' },
  { username: 'street.operator', displayName: '车站街道中心坐席', role: 'street_operator', regionCode: '370303001' },
  { username: 'community.operator', displayName: '新华社区坐席', role: 'community_operator', regionCode: '370303001001' },
  { username: 'mediator', displayName: '车站街道调解员', role: 'mediator', regionCode: '370303001' },
  { username: 'department.handler', displayName: '执法局处置员', role: 'department_handler', department: DEPARTMENTS[0]! },
  { username: 'grid.worker', displayName: '新华社区第1网格网格员', role: 'grid_worker', gridCode: '370303001001001' },
];

/**
 * Centers, departments and one account per role on the demo city (淄博市张店区). Idempotent: existing
 * usernames and departments are left as they are.
 */
export async function seedDemoAccounts(database: Database): Promise<void> {
  const { db } = database;
  const users = new UserRepository(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (transaction) => {
    await sql`
      INSERT INTO centers (region_id, name)
      SELECT r.id, r.name || '社会治理中心' FROM regions r
      WHERE r.level IN ('city', 'district', 'street') AND (r.path = '370300' OR r.path LIKE '370300/370303%')
      ON CONFLICT (region_id) DO NOTHING`.execute(transaction);
    await sql`
      INSERT INTO departments (region_id, name, level)
      SELECT r.id, d.name, 'district' FROM regions r, unnest(${DEPARTMENTS}::text[]) AS d(name)
      WHERE r.code = '370303'
      ON CONFLICT (region_id, name) DO NOTHING`.execute(transaction);
    for (const account of DEMO_ACCOUNTS) {
      // Inside the transaction: on the embedded database it holds the only connection.
      if (await users.findByUsername(account.username, transaction)) continue;
      const region = account.regionCode
        ? await transaction.selectFrom('regions').select('id').where('code', '=', account.regionCode).executeTakeFirst() : undefined;
      const department = account.department
        ? await transaction.selectFrom('departments').select('id').where('name', '=', account.department).executeTakeFirst() : undefined;
      const grid = account.gridCode
        ? await sql<{ gridId: number; gridMemberId: number }>`
            SELECT g.id AS "gridId", a.grid_member_id AS "gridMemberId" FROM grids g
            JOIN grid_member_assignments a ON a.grid_id = g.id AND a.role = 'full_time_grid_worker'
            WHERE g.code = ${account.gridCode} LIMIT 1`.execute(transaction).then((result) => result.rows[0]) : undefined;
      if ((account.regionCode && !region) || (account.department && !department) || (account.gridCode && !grid)) continue;
      await users.insert(transaction, {
        username: account.username, passwordHash, displayName: account.displayName, phone: null, role: account.role,
        regionId: region?.id ?? null, departmentId: department?.id ?? null, gridMemberId: grid?.gridMemberId ?? null,
      }, grid ? [grid.gridId] : []);
    }
  });
}
