import { sql, type RawBuilder } from 'kysely';
import type { Jurisdiction } from '@civicgrid/domain';
import { gridInJurisdiction, incidentInJurisdiction } from '../database/jurisdiction.sql.js';
import type { DatabaseExecutor } from '../database/schema.js';

/** Counts of one node or child; `key` null is the node's own total. */
export interface CountRow {
  key: string | null;
  registered?: number;
  floating?: number;
  foreign?: number;
  households?: number;
  gridMembers?: number;
  grids?: number;
  openIncidents?: number;
  overdueIncidents?: number;
}

export interface IncidentViewer {
  jurisdiction: Jurisdiction;
  userId: number | null;
}

const OPEN = sql`i.status NOT IN ('closed', 'rejected', 'voided', 'merged')`;
const OVERDUE = sql`i.status <> 'suspended' AND i.current_step_deadline < now()`;
const LIVING = sql`p.deregistered_on IS NULL`;
const RESIDENCY_COUNTS = sql`count(*) FILTER (WHERE p.residency = 'registered')::int AS registered,
  count(*) FILTER (WHERE p.residency = 'floating')::int AS floating, count(*) FILTER (WHERE p.residency = 'foreign')::int AS "foreign"`;

/** Rows of a grouped count as one JSON array: the groups, and the grand total with key null. */
const grouped = (select: RawBuilder<unknown>) => sql`(SELECT coalesce(json_agg(counted), '[]') FROM (${select}) counted)`;

/**
 * The drill-down's counts, one statement per level: each measure is counted once, grouped by the child it falls in
 * with a grand total (GROUPING SETS), and handed back as JSON arrays that the service lays side by side.
 */
export class DrillDownRepository {
  /**
   * A region's children (regions, or grids below a community), counted from the grids the viewer may see. Persons and
   * households are read per grid from grid_population_counts (kept by triggers), open incidents are counted per region
   * and grid: a city's five million persons are eight thousand rows before anything is joined.
   */
  async regionCounts(executor: DatabaseExecutor, region: { path: string; level: string }, viewer: IncidentViewer): Promise<CountRow[]> {
    const depth = region.path.split('/').length;
    const prefix = `${region.path}/%`;
    const incidentChild = region.level === 'community' ? sql`place_grid.code` : sql`nullif(split_part(place_region.path, '/', ${depth + 1}), '')`;
    const key = sql`CASE WHEN GROUPING(child) = 0 THEN child END AS key`;
    const result = await sql<{ measures: CountRow[][] }>`
      WITH scope AS MATERIALIZED (
        SELECT g.id, split_part(g.path, '/', ${depth + 1}) AS child FROM grids g
        WHERE g.path LIKE ${prefix} AND g.parent_grid_id IS NULL AND ${gridInJurisdiction(viewer.jurisdiction, 'g')}),
      per_grid AS (
        SELECT c.grid_id, c.registered, c.floating, c."foreign", c.households FROM grid_population_counts c WHERE c.grid_id IN (SELECT id FROM scope)),
      incidents_per_place AS MATERIALIZED (
        SELECT i.region_id, i.grid_id, count(*)::int AS open, count(*) FILTER (WHERE ${OVERDUE})::int AS overdue
        FROM incidents i JOIN regions ir ON ir.id = i.region_id
          ${viewer.jurisdiction.kind === 'grids' ? sql`LEFT JOIN grids ig ON ig.id = i.grid_id` : sql``}
        WHERE (ir.path = ${region.path} OR ir.path LIKE ${prefix}) AND ${OPEN}
          AND ${incidentInJurisdiction(viewer, { incident: 'i', region: 'ir', grid: 'ig' })}
        GROUP BY i.region_id, i.grid_id)
      SELECT json_build_array(
        ${grouped(sql`SELECT ${key}, count(*)::int AS grids FROM scope GROUP BY GROUPING SETS ((child), ())`)},
        ${grouped(sql`SELECT ${key}, sum(registered)::int AS registered, sum(floating)::int AS floating, sum("foreign")::int AS "foreign",
                             sum(households)::int AS households
                      FROM per_grid JOIN scope s ON s.id = per_grid.grid_id GROUP BY GROUPING SETS ((child), ())`)},
        ${grouped(sql`SELECT ${key}, count(DISTINCT a.grid_member_id)::int AS "gridMembers" FROM grid_member_assignments a JOIN scope s ON s.id = a.grid_id
                      WHERE a.ended_on IS NULL OR a.ended_on >= current_date GROUP BY GROUPING SETS ((child), ())`)},
        ${grouped(sql`SELECT ${key}, sum(open)::int AS "openIncidents", sum(overdue)::int AS "overdueIncidents"
                      FROM (SELECT ${incidentChild} AS child, place.open, place.overdue FROM incidents_per_place place
                            JOIN regions place_region ON place_region.id = place.region_id LEFT JOIN grids place_grid ON place_grid.id = place.grid_id) i
                      GROUP BY GROUPING SETS ((child), ())`)}) AS measures`.execute(executor);
    return result.rows[0]!.measures.flat();
  }

  /** A grid's buildings, counted; the grid's own members and incidents. */
  async gridCounts(executor: DatabaseExecutor, gridId: number, viewer: IncidentViewer): Promise<CountRow[]> {
    const key = sql`CASE WHEN GROUPING(house.building_id) = 0 THEN house.building_id::text END AS key`;
    const result = await sql<{ measures: CountRow[][] }>`
      SELECT json_build_array(
        ${grouped(sql`SELECT ${key}, ${RESIDENCY_COUNTS} FROM persons p LEFT JOIN households h ON h.id = p.household_id LEFT JOIN houses house ON house.id = h.house_id
                      WHERE p.grid_id = ${gridId} AND ${LIVING} GROUP BY GROUPING SETS ((house.building_id), ())`)},
        ${grouped(sql`SELECT ${key}, count(*)::int AS households FROM households h LEFT JOIN houses house ON house.id = h.house_id
                      WHERE h.grid_id = ${gridId} GROUP BY GROUPING SETS ((house.building_id), ())`)},
        ${grouped(sql`SELECT NULL AS key, count(DISTINCT a.grid_member_id)::int AS "gridMembers" FROM grid_member_assignments a
                      WHERE a.grid_id = ${gridId} AND (a.ended_on IS NULL OR a.ended_on >= current_date)`)},
        ${grouped(sql`SELECT NULL AS key, count(*)::int AS "openIncidents", count(*) FILTER (WHERE ${OVERDUE})::int AS "overdueIncidents"
                      FROM incidents i JOIN regions ir ON ir.id = i.region_id LEFT JOIN grids ig ON ig.id = i.grid_id
                      WHERE i.grid_id = ${gridId} AND ${OPEN} AND ${incidentInJurisdiction(viewer, { incident: 'i', region: 'ir', grid: 'ig' })}`)}) AS measures`.execute(executor);
    return result.rows[0]!.measures.flat();
  }

  /** A building's households with the living persons of each, and the building's totals. */
  async buildingCounts(executor: DatabaseExecutor, buildingId: number): Promise<CountRow[]> {
    const result = await sql<{ measures: CountRow[][] }>`
      WITH household AS MATERIALIZED (
        SELECT h.id FROM households h JOIN houses house ON house.id = h.house_id WHERE house.building_id = ${buildingId})
      SELECT json_build_array(
        ${grouped(sql`SELECT CASE WHEN GROUPING(p.household_id) = 0 THEN p.household_id::text END AS key, ${RESIDENCY_COUNTS}
                      FROM persons p JOIN household h ON h.id = p.household_id WHERE ${LIVING} GROUP BY GROUPING SETS ((p.household_id), ())`)},
        ${grouped(sql`SELECT NULL AS key, count(*)::int AS households FROM household`)}) AS measures`.execute(executor);
    return result.rows[0]!.measures.flat();
  }

  async gridMembers(executor: DatabaseExecutor, gridId: number) {
    const result = await sql<{ id: number; name: string; role: string }>`
      SELECT m.id, m.name, a.role FROM grid_member_assignments a JOIN grid_members m ON m.id = a.grid_member_id
      WHERE a.grid_id = ${gridId} AND (a.ended_on IS NULL OR a.ended_on >= current_date) ORDER BY a.role, m.id`.execute(executor);
    return result.rows;
  }

  async gridBox(executor: DatabaseExecutor, gridId: number): Promise<[number, number, number, number] | null> {
    const result = await sql<{ box: [number, number, number, number] }>`
      SELECT json_build_array(ST_XMin(boundary), ST_YMin(boundary), ST_XMax(boundary), ST_YMax(boundary)) AS box FROM grids WHERE id = ${gridId}`.execute(executor);
    return result.rows[0]?.box ?? null;
  }

  /** Child regions the viewer may walk into, or the grids of a community. */
  async childRegions(executor: DatabaseExecutor, regionId: number, visible: RawBuilder<unknown>) {
    const result = await sql<{ code: string; name: string; level: 'city' | 'district' | 'street' | 'community' }>`
      SELECT r.code, r.name, r.level FROM regions r WHERE r.parent_id = ${regionId} AND ${visible} ORDER BY r.code`.execute(executor);
    return result.rows;
  }

  async childGrids(executor: DatabaseExecutor, communityId: number, jurisdiction: Jurisdiction) {
    const result = await sql<{ code: string; name: string }>`
      SELECT g.code, g.name FROM grids g WHERE g.community_id = ${communityId} AND g.parent_grid_id IS NULL
        AND ${gridInJurisdiction(jurisdiction, 'g')} ORDER BY g.code`.execute(executor);
    return result.rows;
  }

  async buildingsOfGrid(executor: DatabaseExecutor, gridId: number) {
    const result = await sql<{ id: number; name: string; address: string | null; lon: number; lat: number }>`
      SELECT b.id, b.name, b.address, ST_X(b.location) AS lon, ST_Y(b.location) AS lat FROM buildings b
      WHERE b.grid_id = ${gridId} ORDER BY b.name, b.id`.execute(executor);
    return result.rows;
  }

  /** A building inside the jurisdiction, with its grid. */
  async building(executor: DatabaseExecutor, id: number, jurisdiction: Jurisdiction) {
    const result = await sql<{ id: number; name: string; address: string | null; lon: number; lat: number; gridCode: string }>`
      SELECT b.id, b.name, b.address, ST_X(b.location) AS lon, ST_Y(b.location) AS lat, g.code AS "gridCode"
      FROM buildings b JOIN grids g ON g.id = b.grid_id WHERE b.id = ${id} AND ${gridInJurisdiction(jurisdiction, 'g')}`.execute(executor);
    return result.rows[0];
  }

  async householdsOfBuilding(executor: DatabaseExecutor, buildingId: number) {
    const result = await sql<{ id: number; house: string; headName: string | null; householdNumber: string | null }>`
      SELECT h.id, concat_ws(' ', u.name, house.number) AS house, head.name AS "headName", h.household_number AS "householdNumber"
      FROM households h JOIN houses house ON house.id = h.house_id LEFT JOIN units u ON u.id = house.unit_id
      LEFT JOIN persons head ON head.id = h.head_person_id
      WHERE house.building_id = ${buildingId} ORDER BY u.name NULLS FIRST, house.floor NULLS FIRST, house.number, h.id`.execute(executor);
    return result.rows;
  }

  /** A household inside the jurisdiction, with the building it lives in (if any) and its grid. */
  async household(executor: DatabaseExecutor, id: number, jurisdiction: Jurisdiction) {
    const result = await sql<{ id: number; house: string | null; buildingId: number | null; gridCode: string }>`
      SELECT h.id, concat_ws(' ', u.name, house.number) AS house, house.building_id AS "buildingId", g.code AS "gridCode"
      FROM households h JOIN grids g ON g.id = h.grid_id LEFT JOIN houses house ON house.id = h.house_id LEFT JOIN units u ON u.id = house.unit_id
      WHERE h.id = ${id} AND ${gridInJurisdiction(jurisdiction, 'g')}`.execute(executor);
    return result.rows[0];
  }

  async personsOfHousehold(executor: DatabaseExecutor, householdId: number) {
    const result = await sql<PersonRow>`
      SELECT ${PERSON_COLUMNS} FROM persons p WHERE p.household_id = ${householdId} AND ${LIVING}
      ORDER BY p.relation_to_head = '户主' DESC, p.birth_date NULLS LAST, p.id`.execute(executor);
    return result.rows;
  }

  /** A person inside the jurisdiction. */
  async person(executor: DatabaseExecutor, id: number, jurisdiction: Jurisdiction) {
    const result = await sql<PersonRow & { householdId: number | null; gridCode: string; currentAddress: string | null }>`
      SELECT ${PERSON_COLUMNS}, p.household_id AS "householdId", g.code AS "gridCode", p.current_address AS "currentAddress"
      FROM persons p JOIN grids g ON g.id = p.grid_id WHERE p.id = ${id} AND ${gridInJurisdiction(jurisdiction, 'g')}`.execute(executor);
    return result.rows[0];
  }
}

export interface PersonRow {
  id: number;
  name: string;
  gender: string | null;
  residency: 'registered' | 'floating' | 'foreign';
  idNumber: string | null;
  mobile: string | null;
  birthDate: string | null;
  relationToHead: string | null;
}

const PERSON_COLUMNS = sql`p.id, p.name, p.gender, p.residency, p.id_number AS "idNumber", p.mobile, p.birth_date AS "birthDate",
  p.relation_to_head AS "relationToHead"`;
