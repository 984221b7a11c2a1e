import { sql, type RawBuilder } from 'kysely';
import type { GroupRecordWrite } from '@civicgrid/domain';
import type { DatabaseExecutor } from '../../database/schema.js';

export type GroupTable = 'special_group_records' | 'care_group_records';

export interface GroupRecordRow extends GroupRecordWrite {
  id: number;
  kind: string;
  guardianName: string | null;
  version: number;
  updatedAt: Date;
}

/** Special-group and care-group records of persons: one per person and kind. */
export class PersonGroupRepository {
  async listForPerson(executor: DatabaseExecutor, table: GroupTable, personId: number): Promise<GroupRecordRow[]> {
    return (await this.select(executor, table, sql`r.person_id = ${personId}`)).sort((left, right) => left.kind.localeCompare(right.kind));
  }

  async find(executor: DatabaseExecutor, table: GroupTable, personId: number, kind: string, options: { lock?: boolean } = {}): Promise<GroupRecordRow | undefined> {
    return (await this.select(executor, table, sql`r.person_id = ${personId} AND r.group_kind = ${kind}`, options.lock))[0];
  }

  private async select(executor: DatabaseExecutor, table: GroupTable, where: RawBuilder<unknown>, lock = false): Promise<GroupRecordRow[]> {
    const special = table === 'special_group_records';
    const result = await sql<GroupRecordRow>`
      SELECT r.id, r.group_kind AS kind, ${special ? sql`r.risk_level` : sql`NULL::smallint`} AS "riskLevel",
             ${special ? sql`r.guardian_person_id` : sql`NULL::int`} AS "guardianPersonId",
             ${special ? sql`guardian.name` : sql`NULL::text`} AS "guardianName",
             r.started_on AS "startedOn", r.ended_on AS "endedOn", r.next_visit_on AS "nextVisitOn", r.details, r.version, r.updated_at AS "updatedAt"
      FROM ${sql.table(table)} r ${special ? sql`LEFT JOIN persons guardian ON guardian.id = r.guardian_person_id` : sql``}
      WHERE ${where} ${lock ? sql`FOR UPDATE OF r` : sql``}`.execute(executor);
    return result.rows;
  }

  async insert(executor: DatabaseExecutor, table: GroupTable, personId: number, kind: string, record: GroupRecordWrite, userId: number | null): Promise<void> {
    const special = table === 'special_group_records';
    await sql`
      INSERT INTO ${sql.table(table)} (person_id, group_kind, ${special ? sql`risk_level, guardian_person_id,` : sql``}
                                       started_on, ended_on, next_visit_on, details, created_by, updated_by)
      VALUES (${personId}, ${kind}, ${special ? sql`${record.riskLevel}, ${record.guardianPersonId},` : sql``}
              ${record.startedOn}, ${record.endedOn}, ${record.nextVisitOn}, ${JSON.stringify(record.details)}::jsonb, ${userId}, ${userId})`.execute(executor);
  }

  async update(executor: DatabaseExecutor, table: GroupTable, id: number, record: GroupRecordWrite, userId: number | null): Promise<void> {
    const special = table === 'special_group_records';
    await sql`
      UPDATE ${sql.table(table)} SET ${special ? sql`risk_level = ${record.riskLevel}, guardian_person_id = ${record.guardianPersonId},` : sql``}
        started_on = ${record.startedOn}, ended_on = ${record.endedOn}, next_visit_on = ${record.nextVisitOn},
        details = ${JSON.stringify(record.details)}::jsonb, updated_by = ${userId}, version = version + 1, updated_at = now()
      WHERE id = ${id}`.execute(executor);
  }

  async delete(executor: DatabaseExecutor, table: GroupTable, id: number): Promise<void> {
    await sql`DELETE FROM ${sql.table(table)} WHERE id = ${id}`.execute(executor);
  }
}
