import { sql, type Kysely } from 'kysely';
import type { DatabaseExecutor, DatabaseSchema } from '../database/schema.js';

export interface GridMemberRow {
  id: number;
  name: string;
  role: string;
  phone: string | null;
  gridCode: string;
}

export class GridMemberRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async listForGrid(gridId: number): Promise<GridMemberRow[]> {
    const result = await sql<GridMemberRow>`
      SELECT m.id, m.name, a.role, m.phone, g.code AS "gridCode"
      FROM grid_member_assignments a JOIN grid_members m ON m.id = a.grid_member_id JOIN grids g ON g.id = a.grid_id
      WHERE a.grid_id = ${gridId} AND (a.ended_on IS NULL OR a.ended_on > current_date)
      ORDER BY a.role, m.name`.execute(this.db);
    return result.rows;
  }

  async findGridMember(id: number): Promise<{ id: number } | undefined> {
    return this.db.selectFrom('grid_members').select('id').where('id', '=', id).executeTakeFirst();
  }

  async insertGridMember(executor: DatabaseExecutor, member: { name: string; phone: string | null }): Promise<number> {
    const row = await executor.insertInto('grid_members').values(member).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async assign(executor: DatabaseExecutor, gridMemberId: number, gridId: number, role: string): Promise<boolean> {
    const result = await executor
      .insertInto('grid_member_assignments')
      .values({ grid_member_id: gridMemberId, grid_id: gridId, role })
      .onConflict((conflict) => conflict.columns(['grid_member_id', 'grid_id', 'role']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return result !== undefined;
  }

  async unassign(executor: DatabaseExecutor, gridMemberId: number, gridId: number): Promise<number> {
    const result = await executor
      .deleteFrom('grid_member_assignments')
      .where('grid_member_id', '=', gridMemberId)
      .where('grid_id', '=', gridId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
