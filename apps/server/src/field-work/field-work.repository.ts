import { sql, type RawBuilder } from 'kysely';
import { OPEN_INCIDENT_STATUSES, type FieldGridView, type Jurisdiction, type VisitDueView } from '@civicgrid/domain';
import { gridInJurisdiction } from '../database/jurisdiction.sql.js';
import type { DatabaseExecutor } from '../database/schema.js';
import { containing } from '../registers/like-pattern.js';
import { PERSON_COLUMNS } from '../registers/persons/person-columns.js';

/** The day (in China, UTC+8) of a timestamptz, the way a grid worker counts days; 'UTC' needs no time zone data. */
const chinaDayOf = (column: RawBuilder<unknown>) => sql`((${column} AT TIME ZONE 'UTC') + interval '8 hours')::date`;

/**
 * Due: planned for today or earlier, and not visited since that day came (a visit without an interval to move the
 * next one on leaves it where it was, and the record is not due again until someone plans the next visit).
 */
const due = (alias: string, today: string) => {
  const next = sql.ref(`${alias}.next_visit_on`);
  const last = sql.ref(`${alias}.last_visited_at`);
  return sql`${sql.ref(`${alias}.deregistered_on`)} IS NULL AND ${next} <= ${today}::date AND (${last} IS NULL OR ${chinaDayOf(last)} < ${next})`;
};

const HOUSE_LABEL = sql`concat_ws('-', b.name, u.name, h.number)`;

/** A grid as the worker's home screen lists it, before today's reporting is known. */
export type FieldGridRow = Omit<FieldGridView, 'reportedToday'>;

export type HouseSearchRow = {
  id: number;
  label: string;
  address: string | null;
  gridCode: string;
  version: number;
  use: string;
  areaSquareMetres: number | null;
};

export type PersonValuesRow = { id: number; version: number; gridCode: string; residency: string; leftBehind: boolean } & Record<string, unknown>;

/** The SQL behind a grid worker's home screen: their grids, what is due in them, and the lookups of a visit. */
export class FieldWorkRepository {
  async gridMemberOfUser(executor: DatabaseExecutor, userId: number): Promise<{ id: number; name: string } | undefined> {
    const result = await sql<{ id: number; name: string }>`
      SELECT m.id, m.name FROM users u JOIN grid_members m ON m.id = u.grid_member_id WHERE u.id = ${userId}`.execute(executor);
    return result.rows[0];
  }

  /** Directive targets addressed to the grid member, of directives still open, not yet completed. */
  async openDirectiveTargets(executor: DatabaseExecutor, gridMemberId: number): Promise<number> {
    const result = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM directive_targets t JOIN directives d ON d.id = t.directive_id
      WHERE t.grid_member_id = ${gridMemberId} AND t.state <> 'completed' AND d.status = 'issued'`.execute(executor);
    return result.rows[0]!.count;
  }

  /** Persons and houses in the grids whose visit is due, soonest planned first. */
  async visitsDue(executor: DatabaseExecutor, jurisdiction: Jurisdiction, today: string, page: { limit: number; offset: number }): Promise<{ items: VisitDueView[]; total: number }> {
    const union = sql`
      SELECT 'person' AS "targetKind", p.id AS "targetId", p.name AS label, coalesce(p.current_address, p.registered_address) AS address,
             g.code AS "gridCode", p.next_visit_on AS "nextVisitOn", p.last_visited_at AS "lastVisitedAt"
      FROM persons p JOIN grids g ON g.id = p.grid_id
      WHERE ${gridInJurisdiction(jurisdiction, 'g')} AND p.next_visit_on IS NOT NULL AND ${due('p', today)}
      UNION ALL
      SELECT 'house', h.id, ${HOUSE_LABEL}, b.address, g.code, h.next_visit_on, h.last_visited_at
      FROM houses h JOIN buildings b ON b.id = h.building_id JOIN grids g ON g.id = b.grid_id LEFT JOIN units u ON u.id = h.unit_id
      WHERE ${gridInJurisdiction(jurisdiction, 'g')} AND h.next_visit_on IS NOT NULL AND ${due('h', today)}`;
    const items = await sql<Omit<VisitDueView, 'lastVisitedAt'> & { lastVisitedAt: Date | null }>`
      SELECT * FROM (${union}) due ORDER BY "nextVisitOn", "targetKind" DESC, "targetId" LIMIT ${page.limit} OFFSET ${page.offset}`.execute(executor);
    const total = await sql<{ total: number }>`SELECT count(*)::int AS total FROM (${union}) due`.execute(executor);
    return {
      items: items.rows.map((row) => ({ ...row, lastVisitedAt: row.lastVisitedAt ? row.lastVisitedAt.toISOString() : null })),
      total: total.rows[0]!.total,
    };
  }

  /** The grids with what they hold; a grid's micro-grids count with it. */
  async grids(executor: DatabaseExecutor, gridIds: readonly number[]): Promise<FieldGridRow[]> {
    const result = await sql<FieldGridRow>`
      SELECT g.id, g.code, g.name, c.name AS "regionName",
             (SELECT count(*)::int FROM households hh WHERE hh.grid_id IN (SELECT s.id FROM grids s WHERE s.id = g.id OR s.parent_grid_id = g.id)
                AND hh.deregistered_on IS NULL) AS households,
             (SELECT count(*)::int FROM persons p WHERE p.grid_id IN (SELECT s.id FROM grids s WHERE s.id = g.id OR s.parent_grid_id = g.id)
                AND p.deregistered_on IS NULL) AS persons,
             (SELECT count(*)::int FROM incidents i WHERE i.grid_id IN (SELECT s.id FROM grids s WHERE s.id = g.id OR s.parent_grid_id = g.id)
                AND i.status = ANY(${[...OPEN_INCIDENT_STATUSES]}::text[])) AS "openIncidents"
      FROM grids g JOIN regions c ON c.id = g.community_id
      WHERE g.id = ANY(${[...gridIds]}::int[]) ORDER BY g.code`.execute(executor);
    return result.rows;
  }

  /** Codes of the grids (of `gridIds`) the user reported an incident in during [from, to). */
  async gridsReportedIn(executor: DatabaseExecutor, userId: number, gridIds: readonly number[], from: Date, to: Date): Promise<Set<string>> {
    const result = await sql<{ code: string }>`
      SELECT DISTINCT g.code FROM grids g
      JOIN grids ig ON ig.id = g.id OR ig.parent_grid_id = g.id
      JOIN incidents i ON i.grid_id = ig.id
      WHERE g.id = ANY(${[...gridIds]}::int[]) AND i.reporter_user_id = ${userId} AND i.reported_at >= ${from} AND i.reported_at < ${to}`.execute(executor);
    return new Set(result.rows.map((row) => row.code));
  }

  /** Houses on the register in the grids whose building, address or number matches the text. */
  async searchHouses(executor: DatabaseExecutor, jurisdiction: Jurisdiction, text: string, limit: number): Promise<HouseSearchRow[]> {
    const pattern = containing(text);
    const result = await sql<HouseSearchRow>`
      SELECT h.id, ${HOUSE_LABEL} AS label, b.address, g.code AS "gridCode", h.version, h.use, h.area_square_metres AS "areaSquareMetres"
      FROM houses h JOIN buildings b ON b.id = h.building_id JOIN grids g ON g.id = b.grid_id LEFT JOIN units u ON u.id = h.unit_id
      WHERE ${gridInJurisdiction(jurisdiction, 'g')} AND h.deregistered_on IS NULL
        AND (b.address ILIKE ${pattern} OR ${HOUSE_LABEL} ILIKE ${pattern})
      ORDER BY b.name, u.name NULLS FIRST, h.number, h.id LIMIT ${limit}`.execute(executor);
    return result.rows;
  }

  /** The persons' values of the given fields (keys of PERSON_FIELDS), with what decides which of them apply. */
  async personValues(executor: DatabaseExecutor, ids: readonly number[], keys: readonly string[], jurisdiction: Jurisdiction): Promise<PersonValuesRow[]> {
    if (ids.length === 0) return [];
    const columns = PERSON_COLUMNS.filter(({ key }) => keys.includes(key)).map(({ key, column }) => sql`${sql.ref(`p.${column}`)} AS ${sql.ref(key)}`);
    const result = await sql<PersonValuesRow>`
      SELECT p.id, p.version, g.code AS "gridCode", p.residency, p.left_behind AS "leftBehind", ${sql.join(columns)}
      FROM persons p JOIN grids g ON g.id = p.grid_id
      WHERE p.id = ANY(${[...ids]}::int[]) AND ${gridInJurisdiction(jurisdiction, 'g')}`.execute(executor);
    return result.rows;
  }
}
