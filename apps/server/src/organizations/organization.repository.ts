import { sql, type RawBuilder } from 'kysely';
import type { CenterView, DepartmentView, Jurisdiction } from '@civicgrid/domain';
import { regionVisibleInJurisdiction } from '../database/jurisdiction.sql.js';
import type { DatabaseExecutor } from '../database/schema.js';

/** Departments that can serve places of the jurisdiction: at its region, above it (a district bureau serves its streets) or below it. */
function departmentInReach(jurisdiction: Jurisdiction): RawBuilder<unknown> {
  switch (jurisdiction.kind) {
    case 'everywhere':
      return sql`true`;
    case 'department':
      return sql`d.id = ${jurisdiction.departmentId}`;
    case 'region':
      return sql`(r.path = ${jurisdiction.regionPath} OR ${jurisdiction.regionPath} LIKE r.path || '/%' OR r.path LIKE ${jurisdiction.regionPath + '/%'})`;
    case 'grids':
      return sql`EXISTS (SELECT 1 FROM unnest(${[...jurisdiction.gridPaths]}::text[]) AS own(path) WHERE own.path LIKE r.path || '/%')`;
  }
}

export class OrganizationRepository {
  async centers(executor: DatabaseExecutor, jurisdiction: Jurisdiction): Promise<CenterView[]> {
    const result = await sql<CenterView>`
      SELECT c.id, c.name, r.code AS "regionCode", r.name AS "regionName", r.level AS "regionLevel",
        (SELECT pc.id FROM centers pc JOIN regions pr ON pr.id = pc.region_id WHERE r.path LIKE pr.path || '/%'
         ORDER BY length(pr.path) DESC LIMIT 1) AS "parentCenterId"
      FROM centers c JOIN regions r ON r.id = c.region_id WHERE ${regionVisibleInJurisdiction(jurisdiction, 'r')}
      ORDER BY r.path`.execute(executor);
    return result.rows;
  }

  async departments(executor: DatabaseExecutor, jurisdiction: Jurisdiction, includeDisabled: boolean): Promise<DepartmentView[]> {
    const result = await sql<DepartmentView>`
      SELECT d.id, d.name, d.code, d.level, r.code AS "regionCode", r.name AS "regionName", d.phone, d.disabled
      FROM departments d JOIN regions r ON r.id = d.region_id
      WHERE ${departmentInReach(jurisdiction)} ${includeDisabled ? sql`` : sql`AND NOT d.disabled`}
      ORDER BY r.path, d.name`.execute(executor);
    return result.rows;
  }

  async findDepartment(executor: DatabaseExecutor, id: number): Promise<DepartmentView | undefined> {
    const result = await sql<DepartmentView>`
      SELECT d.id, d.name, d.code, d.level, r.code AS "regionCode", r.name AS "regionName", d.phone, d.disabled
      FROM departments d JOIN regions r ON r.id = d.region_id WHERE d.id = ${id}`.execute(executor);
    return result.rows[0];
  }

  async insertDepartment(executor: DatabaseExecutor, department: { name: string; regionId: number; level: string; code: string | null; phone: string | null }): Promise<number | undefined> {
    const result = await sql<{ id: number }>`
      INSERT INTO departments (name, region_id, level, code, phone)
      VALUES (${department.name}, ${department.regionId}, ${department.level}, ${department.code}, ${department.phone})
      ON CONFLICT DO NOTHING RETURNING id`.execute(executor);
    return result.rows[0]?.id;
  }

  async updateDepartment(executor: DatabaseExecutor, id: number, change: { name?: string | undefined; phone?: string | null | undefined; disabled?: boolean | undefined }): Promise<void> {
    const sets = [sql`updated_at = now()`];
    if (change.name !== undefined) sets.push(sql`name = ${change.name}`);
    if (change.phone !== undefined) sets.push(sql`phone = ${change.phone}`);
    if (change.disabled !== undefined) sets.push(sql`disabled = ${change.disabled}`);
    await sql`UPDATE departments SET ${sql.join(sets)} WHERE id = ${id}`.execute(executor);
  }
}
