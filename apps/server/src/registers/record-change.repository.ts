import { sql } from 'kysely';
import type { ChangeDocument } from '@civicgrid/domain';
import type { DatabaseExecutor } from '../database/schema.js';

/** Where a write came from, shown beside each change (CHANGE_SOURCE_LABELS); a visit's corrections are 'visit'. */
export type ChangeSource = 'console' | 'import' | 'merge' | 'api' | 'visit';

export interface RecordChangeWrite {
  table: string;
  recordId: number;
  changedBy: number | null;
  source?: ChangeSource;
  before: ChangeDocument | null;
  after: ChangeDocument | null;
}

export interface RecordChangeRow {
  id: number;
  changedAt: Date;
  changedById: number | null;
  changedByName: string | null;
  source: string;
  before: ChangeDocument | null;
  after: ChangeDocument | null;
}

/** The change history of register records: one row per write, changed fields only (see record-changes.ts in domain). */
export class RecordChangeRepository {
  async insert(executor: DatabaseExecutor, change: RecordChangeWrite): Promise<void> {
    await sql`
      INSERT INTO record_changes (record_table, record_id, changed_by, change_source, before, after)
      VALUES (${change.table}, ${change.recordId}, ${change.changedBy}, ${change.source ?? 'console'},
              ${change.before === null ? null : JSON.stringify(change.before)}::jsonb, ${change.after === null ? null : JSON.stringify(change.after)}::jsonb)`.execute(executor);
  }

  async listFor(executor: DatabaseExecutor, table: string, recordId: number, limit: number): Promise<RecordChangeRow[]> {
    const result = await sql<RecordChangeRow>`
      SELECT rc.id::int AS id, rc.changed_at AS "changedAt", rc.changed_by AS "changedById", u.display_name AS "changedByName",
             rc.change_source AS source, rc.before, rc.after
      FROM record_changes rc LEFT JOIN users u ON u.id = rc.changed_by
      WHERE rc.record_table = ${table} AND rc.record_id = ${recordId}
      ORDER BY rc.changed_at DESC, rc.id DESC LIMIT ${limit}`.execute(executor);
    return result.rows;
  }
}
