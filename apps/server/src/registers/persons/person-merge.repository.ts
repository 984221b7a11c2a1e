import { sql, type RawBuilder } from 'kysely';
import type { DatabaseExecutor } from '../../database/schema.js';

/** Everything that points at a person, moved to the person it is merged into. */
export class PersonMergeRepository {
  async moveReferences(executor: DatabaseExecutor, fromId: number, toId: number): Promise<Record<string, number>> {
    const moved: Record<string, number> = {};
    const move = async (label: string, statement: RawBuilder<unknown>) => {
      const result = await statement.execute(executor);
      const count = Number(result.numAffectedRows ?? 0);
      if (count > 0) moved[label] = count;
    };
    await move('visits', sql`UPDATE visits SET person_id = ${toId} WHERE person_id = ${fromId}`);
    await move('tenancies', sql`UPDATE rental_tenancies SET tenant_person_id = ${toId} WHERE tenant_person_id = ${fromId}`);
    await move('ownedHouses', sql`UPDATE houses SET owner_person_id = ${toId}, updated_at = now() WHERE owner_person_id = ${fromId}`);
    await move('guardianships', sql`UPDATE special_group_records SET guardian_person_id = ${toId} WHERE guardian_person_id = ${fromId}`);
    await move('keyPersons', sql`
      UPDATE key_persons k SET person_id = ${toId}, updated_at = now() WHERE k.person_id = ${fromId}
        AND NOT EXISTS (SELECT 1 FROM key_persons t WHERE t.person_id = ${toId} AND t.category = k.category)`);
    await move('disputeParties', sql`UPDATE dispute_parties SET person_id = ${toId}, updated_at = now() WHERE person_id = ${fromId}`);
    await move('petitions', sql`UPDATE petitions SET petitioner_person_id = ${toId} WHERE petitioner_person_id = ${fromId}`);
    await move('creditPoints', sql`UPDATE credit_point_entries SET person_id = ${toId} WHERE person_id = ${fromId}`);
    await move('residents', sql`
      UPDATE residents SET person_id = ${toId}, updated_at = now() WHERE person_id = ${fromId}
        AND NOT EXISTS (SELECT 1 FROM residents r WHERE r.person_id = ${toId})`);
    return moved;
  }

  /** Moves the group records of kinds the kept person lacks; returns the kinds moved and the kinds both had. */
  async moveGroupRecords(executor: DatabaseExecutor, table: 'special_group_records' | 'care_group_records', fromId: number, toId: number): Promise<{ moved: string[]; kept: string[] }> {
    const moved = await sql<{ kind: string }>`
      UPDATE ${sql.table(table)} r SET person_id = ${toId}, version = version + 1, updated_at = now()
      WHERE r.person_id = ${fromId} AND NOT EXISTS (SELECT 1 FROM ${sql.table(table)} t WHERE t.person_id = ${toId} AND t.group_kind = r.group_kind)
      RETURNING r.group_kind AS kind`.execute(executor);
    const kept = await sql<{ kind: string }>`SELECT group_kind AS kind FROM ${sql.table(table)} WHERE person_id = ${fromId} ORDER BY group_kind`.execute(executor);
    return { moved: moved.rows.map((row) => row.kind).sort(), kept: kept.rows.map((row) => row.kind) };
  }

  /** Households the merged person headed: the kept person heads the one it now belongs to; others lose their head. */
  async moveHeadships(executor: DatabaseExecutor, fromId: number, toId: number, toHouseholdId: number | null): Promise<void> {
    await sql`
      UPDATE households SET head_person_id = CASE WHEN id = ${toHouseholdId ?? 0} THEN ${toId}::int END, version = version + 1, updated_at = now()
      WHERE head_person_id = ${fromId}`.execute(executor);
  }
}
