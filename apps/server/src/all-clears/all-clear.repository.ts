import { sql } from 'kysely';
import type { AllClearGridState, MissingAllClears } from '@civicgrid/domain';
import type { DatabaseExecutor } from '../database/schema.js';

/** The grid members who owe a daily all-clear: the full-time grid workers of each grid. */
const EXPECTED_ROLE = 'full_time_grid_worker';

export interface AllClearView {
  id: number;
  gridCode: string;
  reportDate: string;
  nothingToReport: boolean;
  note: string | null;
  reportedAt: string;
}

export class AllClearRepository {
  /** Inserts the day's all-clear; a retry (same client id) or a second one the same day returns the first. */
  async insert(executor: DatabaseExecutor, allClear: {
    gridMemberId: number; gridId: number; reportDate: string; nothingToReport: boolean; note: string | null; clientId: string; lon?: number | undefined; lat?: number | undefined;
  }): Promise<{ id: number; created: boolean }> {
    const location = allClear.lon !== undefined && allClear.lat !== undefined ? sql`ST_SetSRID(ST_MakePoint(${allClear.lon}, ${allClear.lat}), 4326)` : sql`NULL`;
    const inserted = await sql<{ id: number }>`
      INSERT INTO daily_all_clears (grid_member_id, grid_id, report_date, nothing_to_report, note, client_id, location)
      VALUES (${allClear.gridMemberId}, ${allClear.gridId}, ${allClear.reportDate}, ${allClear.nothingToReport}, ${allClear.note}, ${allClear.clientId}, ${location})
      ON CONFLICT DO NOTHING RETURNING id`.execute(executor);
    if (inserted.rows[0]) return { id: inserted.rows[0].id, created: true };
    const existing = await sql<{ id: number }>`
      SELECT id FROM daily_all_clears
      WHERE client_id = ${allClear.clientId} OR (grid_member_id = ${allClear.gridMemberId} AND grid_id = ${allClear.gridId} AND report_date = ${allClear.reportDate})
      ORDER BY (client_id = ${allClear.clientId}) DESC LIMIT 1`.execute(executor);
    return { id: existing.rows[0]!.id, created: false };
  }

  async find(executor: DatabaseExecutor, id: number): Promise<AllClearView | undefined> {
    const result = await sql<AllClearView>`
      SELECT a.id, g.code AS "gridCode", a.report_date::text AS "reportDate", a.nothing_to_report AS "nothingToReport", a.note, a.reported_at AS "reportedAt"
      FROM daily_all_clears a JOIN grids g ON g.id = a.grid_id WHERE a.id = ${id}`.execute(executor);
    return result.rows[0];
  }

  async mine(executor: DatabaseExecutor, userId: number, gridMemberId: number, day: string): Promise<AllClearGridState[]> {
    const result = await sql<AllClearGridState>`
      SELECT g.code AS "gridCode", g.name AS "gridName", a.reported_at AS "reportedAt"
      FROM user_grids ug JOIN grids g ON g.id = ug.grid_id
      LEFT JOIN daily_all_clears a ON a.grid_id = g.id AND a.grid_member_id = ${gridMemberId} AND a.report_date = ${day}
      WHERE ug.user_id = ${userId} ORDER BY g.code`.execute(executor);
    return result.rows;
  }

  /** Grid workers of a region who have not sent the day's all-clear, with the totals. */
  async missing(executor: DatabaseExecutor, regionPath: string | null, day: string, limit: number): Promise<Omit<MissingAllClears, 'date'>> {
    const scope = regionPath === null ? sql`true` : sql`(g.path LIKE ${regionPath + '/%'})`;
    const expected = sql`
      FROM grid_member_assignments ga JOIN grids g ON g.id = ga.grid_id JOIN grid_members m ON m.id = ga.grid_member_id
      JOIN regions community ON community.id = g.community_id
      WHERE ga.role = ${EXPECTED_ROLE} AND ga.started_on <= ${day}::date AND (ga.ended_on IS NULL OR ga.ended_on > ${day}::date) AND ${scope}`;
    const notReported = sql`NOT EXISTS (SELECT 1 FROM daily_all_clears a WHERE a.grid_id = g.id AND a.grid_member_id = m.id AND a.report_date = ${day}::date)`;
    const items = await sql<MissingAllClears['items'][number]>`
      SELECT g.code AS "gridCode", g.name AS "gridName", community.name AS "communityName", m.name AS "gridMemberName"
      ${expected} AND ${notReported} ORDER BY g.code, m.name LIMIT ${limit}`.execute(executor);
    const totals = await sql<{ expected: number; missing: number }>`
      SELECT count(*)::int AS expected, count(*) FILTER (WHERE ${notReported})::int AS missing ${expected}`.execute(executor);
    const { expected: expectedCount, missing } = totals.rows[0]!;
    return { items: items.rows, expected: expectedCount, reported: expectedCount - missing, missing };
  }
}
