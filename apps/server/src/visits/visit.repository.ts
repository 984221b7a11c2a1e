import { sql, type RawBuilder } from 'kysely';
import type { Jurisdiction, VisitCorrectionOutcome, VisitListQuery, VisitTargetKind } from '@civicgrid/domain';
import { gridInJurisdiction } from '../database/jurisdiction.sql.js';
import type { DatabaseExecutor } from '../database/schema.js';

/** What a visit keeps beside its columns: the directive task it was made for, and how its corrections settled. */
export interface VisitDetails {
  directiveTargetId?: number | null;
  corrections?: VisitCorrectionOutcome | null;
}

export interface VisitRow {
  id: number;
  clientId: string | null;
  gridMemberId: number;
  targetKind: VisitTargetKind;
  targetId: number;
  targetLabel: string | null;
  gridCode: string | null;
  visitedAt: Date;
  visitorName: string;
  note: string | null;
  lon: number | null;
  lat: number | null;
  details: VisitDetails;
}

/** Who reads visits: their own grid member's (a grid worker), and those in grids of the jurisdiction. */
export interface VisitReader {
  jurisdiction: Jurisdiction;
  gridMemberId: number | null;
}

/** The column naming a visit's target, by its kind. */
export const TARGET_COLUMN: Record<VisitTargetKind, string> = {
  person: 'person_id', household: 'household_id', house: 'house_id', place: 'place_id', organization: 'organization_id',
};

function readable(reader: VisitReader): RawBuilder<unknown> {
  if (reader.jurisdiction.kind === 'everywhere') return sql`true`;
  return sql`(v.grid_member_id = ${reader.gridMemberId ?? -1} OR (g.id IS NOT NULL AND ${gridInJurisdiction(reader.jurisdiction, 'g')}))`;
}

const COLUMNS = sql`
  v.id, v.client_id AS "clientId", v.grid_member_id AS "gridMemberId", v.target_kind AS "targetKind",
  coalesce(v.person_id, v.household_id, v.house_id, v.place_id, v.organization_id) AS "targetId",
  CASE v.target_kind
    WHEN 'person' THEN tp.name
    WHEN 'house' THEN concat_ws('-', thb.name, thu.name, th.number)
    WHEN 'household' THEN coalesce(thh.household_number, thead.name)
    WHEN 'place' THEN tpl.name
    WHEN 'organization' THEN tor.name
  END AS "targetLabel",
  g.code AS "gridCode", v.visited_at AS "visitedAt", m.name AS "visitorName", v.note,
  ST_X(v.location) AS lon, ST_Y(v.location) AS lat, v.details`;

const FROM = sql`
  FROM visits v JOIN grid_members m ON m.id = v.grid_member_id LEFT JOIN grids g ON g.id = v.grid_id
  LEFT JOIN persons tp ON tp.id = v.person_id
  LEFT JOIN houses th ON th.id = v.house_id LEFT JOIN buildings thb ON thb.id = th.building_id LEFT JOIN units thu ON thu.id = th.unit_id
  LEFT JOIN households thh ON thh.id = v.household_id LEFT JOIN persons thead ON thead.id = thh.head_person_id
  LEFT JOIN places tpl ON tpl.id = v.place_id
  LEFT JOIN organizations tor ON tor.id = v.organization_id`;

/** Visits 走访. SQL only. */
export class VisitRepository {
  async idOfClientId(executor: DatabaseExecutor, clientId: string): Promise<{ id: number; gridMemberId: number } | undefined> {
    const result = await sql<{ id: number; gridMemberId: number }>`
      SELECT id, grid_member_id AS "gridMemberId" FROM visits WHERE client_id = ${clientId}`.execute(executor);
    return result.rows[0];
  }

  /** Inserts the visit; null when its client id is taken (the same visit, sent twice at once). */
  async insert(executor: DatabaseExecutor, visit: {
    gridMemberId: number; gridId: number; clientId: string; targetKind: VisitTargetKind; targetId: number; directiveId: number | null;
    visitedAt: Date; lon: number | null; lat: number | null; note: string; details: VisitDetails;
  }): Promise<number | null> {
    const location = visit.lon !== null && visit.lat !== null ? sql`ST_SetSRID(ST_MakePoint(${visit.lon}, ${visit.lat}), 4326)` : sql`NULL`;
    const result = await sql<{ id: number }>`
      INSERT INTO visits (grid_member_id, grid_id, client_id, target_kind, ${sql.ref(TARGET_COLUMN[visit.targetKind])}, directive_id, visited_at, location, note, details)
      VALUES (${visit.gridMemberId}, ${visit.gridId}, ${visit.clientId}, ${visit.targetKind}, ${visit.targetId}, ${visit.directiveId},
              ${visit.visitedAt}, ${location}, ${visit.note}, ${JSON.stringify(visit.details)}::jsonb)
      ON CONFLICT (client_id) DO NOTHING RETURNING id`.execute(executor);
    return result.rows[0]?.id ?? null;
  }

  async setDetails(executor: DatabaseExecutor, id: number, details: VisitDetails): Promise<void> {
    await sql`UPDATE visits SET details = ${JSON.stringify(details)}::jsonb WHERE id = ${id}`.execute(executor);
  }

  async find(executor: DatabaseExecutor, id: number, reader: VisitReader): Promise<VisitRow | undefined> {
    const result = await sql<VisitRow>`SELECT ${COLUMNS} ${FROM} WHERE v.id = ${id} AND ${readable(reader)}`.execute(executor);
    return result.rows[0];
  }

  async list(executor: DatabaseExecutor, query: VisitListQuery, reader: VisitReader): Promise<{ items: VisitRow[]; total: number }> {
    const conditions = [readable(reader)];
    if (query.mine) conditions.push(sql`v.grid_member_id = ${reader.gridMemberId ?? -1}`);
    if (query.targetKind !== undefined) conditions.push(sql`v.target_kind = ${query.targetKind}`);
    if (query.targetId !== undefined) {
      const target = query.targetKind === undefined
        ? sql`coalesce(v.person_id, v.household_id, v.house_id, v.place_id, v.organization_id)`
        : sql.ref(`v.${TARGET_COLUMN[query.targetKind]}`);
      conditions.push(sql`${target} = ${query.targetId}`);
    }
    const where = sql.join(conditions, sql` AND `);
    const items = await sql<VisitRow>`
      SELECT ${COLUMNS} ${FROM} WHERE ${where}
      ORDER BY v.visited_at DESC, v.id DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`.execute(executor);
    const total = await sql<{ total: number }>`SELECT count(*)::int AS total FROM visits v LEFT JOIN grids g ON g.id = v.grid_id WHERE ${where}`.execute(executor);
    return { items: items.rows, total: total.rows[0]!.total };
  }

  /** The grid member's task of a directive, with the directive's state. */
  async directiveTargetOf(executor: DatabaseExecutor, targetId: number, gridMemberId: number) {
    const result = await sql<{ id: number; directiveId: number; state: string; directiveStatus: string }>`
      SELECT t.id, t.directive_id AS "directiveId", t.state, d.status AS "directiveStatus"
      FROM directive_targets t JOIN directives d ON d.id = t.directive_id
      WHERE t.id = ${targetId} AND t.grid_member_id = ${gridMemberId}`.execute(executor);
    return result.rows[0];
  }

  /** A directive task the worker has started on by visiting: in progress, unless it is done already. */
  async startDirectiveTarget(executor: DatabaseExecutor, targetId: number): Promise<void> {
    await sql`
      UPDATE directive_targets SET state = 'in_progress', read_at = coalesce(read_at, now()), updated_at = now()
      WHERE id = ${targetId} AND state IN ('pending', 'read')`.execute(executor);
  }
}
