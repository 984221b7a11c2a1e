import { sql, type Kysely } from 'kysely';
import type { Jurisdiction, StaffRole } from '@civicgrid/domain';
import type { DatabaseExecutor, DatabaseSchema } from '../database/schema.js';

export interface UserRow {
  id: number;
  username: string;
  passwordHash: string;
  displayName: string;
  phone: string | null;
  role: StaffRole;
  regionCode: string | null;
  regionName: string | null;
  regionPath: string | null;
  departmentId: number | null;
  departmentName: string | null;
  departmentRegionPath: string | null;
  gridMemberId: number | null;
  disabled: boolean;
  failedLoginCount: number;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  gridCodes: string[];
  gridIds: number[];
  gridPaths: string[];
}

export interface UserWrite {
  username: string;
  passwordHash: string;
  displayName: string;
  phone: string | null;
  role: StaffRole;
  regionId: number | null;
  departmentId: number | null;
  gridMemberId: number | null;
}

const userColumns = sql`
  u.id, u.username, u.password_hash AS "passwordHash", u.display_name AS "displayName", u.phone, u.role,
  r.code AS "regionCode", r.name AS "regionName", r.path AS "regionPath",
  u.department_id AS "departmentId", d.name AS "departmentName", dr.path AS "departmentRegionPath",
  u.grid_member_id AS "gridMemberId", u.disabled, u.failed_login_count AS "failedLoginCount",
  u.locked_until AS "lockedUntil", u.last_login_at AS "lastLoginAt",
  coalesce((SELECT array_agg(g.code ORDER BY g.code) FROM user_grids ug JOIN grids g ON g.id = ug.grid_id WHERE ug.user_id = u.id), ARRAY[]::text[]) AS "gridCodes",
  coalesce((SELECT array_agg(g.id ORDER BY g.code) FROM user_grids ug JOIN grids g ON g.id = ug.grid_id WHERE ug.user_id = u.id), ARRAY[]::int[]) AS "gridIds",
  coalesce((SELECT array_agg(g.path ORDER BY g.code) FROM user_grids ug JOIN grids g ON g.id = ug.grid_id WHERE ug.user_id = u.id), ARRAY[]::text[]) AS "gridPaths"`;

const userJoins = sql`
  FROM users u LEFT JOIN regions r ON r.id = u.region_id
  LEFT JOIN departments d ON d.id = u.department_id LEFT JOIN regions dr ON dr.id = d.region_id`;

/** The jurisdiction a stored user acts in. */
export function jurisdictionOf(user: UserRow): Jurisdiction {
  if (user.role === 'grid_worker') return { kind: 'grids', gridIds: user.gridIds, gridPaths: user.gridPaths };
  if (user.role === 'department_handler' && user.departmentId !== null) {
    return { kind: 'department', departmentId: user.departmentId, regionPath: user.departmentRegionPath ?? '' };
  }
  if (user.regionPath) return { kind: 'region', regionPath: user.regionPath };
  return user.role === 'administrator' ? { kind: 'everywhere' } : { kind: 'grids', gridIds: [], gridPaths: [] };
}

/** Users an actor may see: those whose region, department or grids lie inside the actor's jurisdiction. */
function userScope(jurisdiction: Jurisdiction) {
  if (jurisdiction.kind === 'everywhere') return sql`true`;
  if (jurisdiction.kind !== 'region') return sql`u.id IS NULL`;
  const prefix = `${jurisdiction.regionPath}/%`;
  return sql`(r.path = ${jurisdiction.regionPath} OR r.path LIKE ${prefix} OR dr.path = ${jurisdiction.regionPath} OR dr.path LIKE ${prefix}
    OR (u.role = 'grid_worker' AND EXISTS (SELECT 1 FROM user_grids ug JOIN grids g ON g.id = ug.grid_id
                                           WHERE ug.user_id = u.id AND g.path LIKE ${prefix})))`;
}

export class UserRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async findByUsername(username: string, executor: DatabaseExecutor = this.db): Promise<UserRow | undefined> {
    const result = await sql<UserRow>`SELECT ${userColumns} ${userJoins} WHERE u.username = ${username}`.execute(executor);
    return result.rows[0];
  }

  async findById(id: number, jurisdiction: Jurisdiction = { kind: 'everywhere' }): Promise<UserRow | undefined> {
    const result = await sql<UserRow>`SELECT ${userColumns} ${userJoins} WHERE u.id = ${id} AND ${userScope(jurisdiction)}`.execute(this.db);
    return result.rows[0];
  }

  async list(jurisdiction: Jurisdiction, filter: { search?: string | undefined; role?: string | undefined }, limit: number, offset: number): Promise<UserRow[]> {
    const search = filter.search ? `%${filter.search}%` : null;
    const result = await sql<UserRow>`
      SELECT ${userColumns} ${userJoins}
      WHERE ${userScope(jurisdiction)}
        AND (${search}::text IS NULL OR u.username ILIKE ${search} OR u.display_name ILIKE ${search})
        AND (${filter.role ?? null}::text IS NULL OR u.role = ${filter.role ?? null})
      ORDER BY u.username LIMIT ${limit} OFFSET ${offset}`.execute(this.db);
    return result.rows;
  }

  async insert(executor: DatabaseExecutor, user: UserWrite, gridIds: number[]): Promise<number> {
    const row = await executor.insertInto('users').values({
      username: user.username, password_hash: user.passwordHash, display_name: user.displayName, phone: user.phone,
      role: user.role, region_id: user.regionId, department_id: user.departmentId, grid_member_id: user.gridMemberId,
      password_changed_at: new Date(),
    }).returning('id').executeTakeFirstOrThrow();
    await this.setGrids(executor, row.id, gridIds);
    return row.id;
  }

  async update(executor: DatabaseExecutor, id: number, changes: { displayName?: string; phone?: string | null; disabled?: boolean }): Promise<void> {
    await executor.updateTable('users').set({
      ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
      ...(changes.phone !== undefined ? { phone: changes.phone } : {}),
      ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
      updated_at: new Date(),
    }).where('id', '=', id).execute();
  }

  async setGrids(executor: DatabaseExecutor, userId: number, gridIds: number[]): Promise<void> {
    await executor.deleteFrom('user_grids').where('user_id', '=', userId).execute();
    if (gridIds.length > 0) await executor.insertInto('user_grids').values(gridIds.map((gridId) => ({ user_id: userId, grid_id: gridId }))).execute();
  }

  async setPassword(executor: DatabaseExecutor, id: number, passwordHash: string): Promise<void> {
    await executor.updateTable('users').set({ password_hash: passwordHash, password_changed_at: new Date(), must_change_password: false, updated_at: new Date() })
      .where('id', '=', id).execute();
  }

  async recordFailedLogin(executor: DatabaseExecutor, id: number, lockUntil: Date | null): Promise<void> {
    await executor.updateTable('users')
      .set((builder) => ({ failed_login_count: sql`${builder.ref('failed_login_count')} + 1`, locked_until: lockUntil }))
      .where('id', '=', id).execute();
  }

  async recordSuccessfulLogin(executor: DatabaseExecutor, id: number): Promise<void> {
    await executor.updateTable('users').set({ failed_login_count: 0, locked_until: null, last_login_at: new Date() }).where('id', '=', id).execute();
  }
}
