import { sql } from 'kysely';
import type { CategoryCreateInput, CategoryUpdateInput, CategoryView } from '@civicgrid/domain';
import type { DatabaseExecutor } from '../database/schema.js';

const COLUMNS = sql`id, code, name, kind, parent_id AS "parentId", default_department_id AS "defaultDepartmentId",
  time_limit::float8 AS "timeLimit", time_limit_unit AS "timeLimitUnit", urgency, register_condition AS "registerCondition",
  close_condition AS "closeCondition", open_to_public AS "openToPublic", enabled, sort_order AS "sortOrder"`;

export class IncidentCategoryRepository {
  async list(executor: DatabaseExecutor, includeDisabled: boolean): Promise<CategoryView[]> {
    const result = await sql<CategoryView>`
      SELECT ${COLUMNS} FROM incident_categories ${includeDisabled ? sql`` : sql`WHERE enabled`}
      ORDER BY sort_order, code`.execute(executor);
    return result.rows;
  }

  async findByCode(executor: DatabaseExecutor, code: string): Promise<CategoryView | undefined> {
    const result = await sql<CategoryView>`SELECT ${COLUMNS} FROM incident_categories WHERE code = ${code}`.execute(executor);
    return result.rows[0];
  }

  async findById(executor: DatabaseExecutor, id: number): Promise<CategoryView | undefined> {
    const result = await sql<CategoryView>`SELECT ${COLUMNS} FROM incident_categories WHERE id = ${id}`.execute(executor);
    return result.rows[0];
  }

  async insert(executor: DatabaseExecutor, category: CategoryCreateInput, parentId: number | null): Promise<number | undefined> {
    const result = await sql<{ id: number }>`
      INSERT INTO incident_categories (parent_id, code, name, kind, default_department_id, time_limit, time_limit_unit, urgency,
        register_condition, close_condition, open_to_public, sort_order)
      VALUES (${parentId}, ${category.code}, ${category.name}, ${category.kind}, ${category.defaultDepartmentId ?? null},
        ${category.timeLimit ?? null}, ${category.timeLimitUnit ?? null}, ${category.urgency}, ${category.registerCondition ?? null},
        ${category.closeCondition ?? null}, ${category.openToPublic}, ${category.sortOrder})
      ON CONFLICT (code) DO NOTHING RETURNING id`.execute(executor);
    return result.rows[0]?.id;
  }

  async update(executor: DatabaseExecutor, id: number, change: CategoryUpdateInput): Promise<void> {
    const columns: Record<keyof CategoryUpdateInput, string> = {
      name: 'name', defaultDepartmentId: 'default_department_id', urgency: 'urgency', registerCondition: 'register_condition',
      closeCondition: 'close_condition', openToPublic: 'open_to_public', enabled: 'enabled', sortOrder: 'sort_order',
      timeLimit: 'time_limit', timeLimitUnit: 'time_limit_unit',
    };
    const sets = Object.entries(change).filter(([, value]) => value !== undefined)
      .map(([key, value]) => sql`${sql.ref(columns[key as keyof CategoryUpdateInput])} = ${value}`);
    await sql`UPDATE incident_categories SET ${sql.join([...sets, sql`updated_at = now()`])} WHERE id = ${id}`.execute(executor);
  }
}
