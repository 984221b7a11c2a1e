import { sql, type RawBuilder } from 'kysely';
import type { Jurisdiction } from '@civicgrid/domain';
import { gridInJurisdiction, incidentInJurisdiction } from '../database/jurisdiction.sql.js';
import type { DatabaseExecutor } from '../database/schema.js';
import { TILE_EXTENT, type TileAddress } from './tile-address.js';
import { pointInTile, tileEnvelope } from './tile-geometry.sql.js';

export type IncidentScope = 'open' | 'all';

export interface IncidentClusterRow {
  x: number;
  y: number;
  count: number;
  /** 3 red, 2 yellow, 1 green, 0 none (nothing open in the cluster). */
  worst: number;
  pending: number;
  handling: number;
  checking: number;
  suspended: number;
  ended: number;
  urgent: number;
  /** The one incident of a cluster of one. */
  id: number;
  code: string;
  status: string;
}

export interface PointFeatureRow {
  id: number;
  x: number;
  y: number;
  properties: Record<string, string | number | boolean | null>;
}

/** Statuses no longer open; a merged incident is drawn under the one it was merged into. */
const CLOSED_STATUSES = sql`('closed', 'rejected', 'voided', 'merged')`;
/** Whether an incident (by its status column) is drawn: open only, or every one but the merged. */
export const drawnInScope = (status: RawBuilder<unknown>, scope: IncidentScope) =>
  (scope === 'open' ? sql`${status} NOT IN ${CLOSED_STATUSES}` : sql`${status} <> 'merged'`);
const OPEN = drawnInScope(sql.ref('i.status'), 'open');

/** The stages a cluster counts, and the statuses in each. */
export const STAGE_STATUSES = {
  pending: ['reported', 'registered', 'returned'], handling: ['dispatched', 'handling'], checking: ['handled', 'verified'],
  suspended: ['suspended'], ended: ['closed', 'rejected', 'voided'],
} as const;

/** A cluster's count per stage: `amount` (one per incident, or a cell's count) added up over the rows of each stage. */
export function stageCounts(status: RawBuilder<unknown>, amount: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql.join(Object.entries(STAGE_STATUSES).map(([stage, statuses]) =>
    sql`coalesce(sum(${amount}) FILTER (WHERE ${status} = ANY(${[...statuses]}::text[])), 0)::int AS ${sql.ref(stage)}`));
}

/** Screen pixels of one cluster cell when a tile is drawn 512 px wide: 64 px, then single incidents close up. */
export function clusterCellSize(z: number): number {
  return z >= 17 ? 16 : 512;
}

/** Points of one tile (not buffered: a cluster belongs to exactly one tile), in tile units. */
function pointsIn(location: RawBuilder<unknown>, tile: TileAddress) {
  const { x, y } = pointInTile(location, tile);
  return { x, y, inTile: sql`${location} && ${tileEnvelope(tile, 0)}` };
}

/** Who may see a grid member: someone whose jurisdiction holds a grid the member serves now. */
function servesGridIn(jurisdiction: Jurisdiction, memberId: RawBuilder<unknown>) {
  return sql`EXISTS (SELECT 1 FROM grid_member_assignments a JOIN grids ag ON ag.id = a.grid_id
                     WHERE a.grid_member_id = ${memberId} AND (a.ended_on IS NULL OR a.ended_on >= current_date)
                       AND ${gridInJurisdiction(jurisdiction, 'ag')})`;
}

/**
 * The joins the jurisdiction's condition reads (`ir` the incident's region, `ig` its grid), and only those: a city-wide
 * tile reads a quarter of a million incidents, and a join per incident is most of its time.
 */
function jurisdictionJoins(jurisdiction: Jurisdiction): RawBuilder<unknown> {
  switch (jurisdiction.kind) {
    case 'everywhere':
      return sql``;
    case 'region':
    case 'department':
      return sql`JOIN regions ir ON ir.id = i.region_id`;
    case 'grids':
      return sql`LEFT JOIN grids ig ON ig.id = i.grid_id`;
  }
}

/** Incidents clustered on a grid of cells, grid workers, cameras and key places of one tile. SQL only. */
export class PointTileRepository {
  /**
   * Incidents binned into square cells of the tile, each with its count, the worst deadline colour of its open
   * incidents and the number in each stage, at the mean position of its incidents.
   */
  async incidentClusters(executor: DatabaseExecutor, tile: TileAddress, viewer: { jurisdiction: Jurisdiction; userId: number | null }, scope: IncidentScope): Promise<IncidentClusterRow[]> {
    const { x, y, inTile } = pointsIn(sql.ref('i.location'), tile);
    const cell = clusterCellSize(tile.z);
    const result = await sql<IncidentClusterRow>`
      WITH points AS (
        SELECT i.id, i.code, i.status, i.urgent, ${x} AS x, ${y} AS y,
          CASE WHEN NOT (${OPEN}) OR i.current_step_deadline IS NULL THEN 0 WHEN now() >= i.current_step_deadline THEN 3
               WHEN now() >= i.current_step_warning_at THEN 2 ELSE 1 END AS colour
        FROM incidents i ${jurisdictionJoins(viewer.jurisdiction)}
        WHERE ${inTile} AND ${drawnInScope(sql.ref('i.status'), scope)}
          AND ${incidentInJurisdiction(viewer, { incident: 'i', region: 'ir', grid: 'ig' })})
      SELECT round(avg(x))::int AS x, round(avg(y))::int AS y, count(*)::int AS count, max(colour)::int AS worst,
        ${stageCounts(sql.ref('status'), sql`1`)},
        count(*) FILTER (WHERE urgent)::int AS urgent,
        min(id) AS id, min(code) AS code, min(status) AS status
      FROM points
      WHERE x >= 0 AND x < ${TILE_EXTENT} AND y >= 0 AND y < ${TILE_EXTENT}
      GROUP BY floor(x / ${cell}), floor(y / ${cell})`.execute(executor);
    return result.rows;
  }

  /** Last known positions of the grid members the viewer's jurisdiction holds. */
  async positions(executor: DatabaseExecutor, tile: TileAddress, jurisdiction: Jurisdiction): Promise<PointFeatureRow[]> {
    const { x, y, inTile } = pointsIn(sql.ref('p.location'), tile);
    const result = await sql<PointFeatureRow>`
      SELECT m.id, round(${x})::int AS x, round(${y})::int AS y,
             json_build_object('name', m.name, 'reportedAt', to_char(p.reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                               'minutesAgo', floor(extract(epoch FROM now() - p.reported_at) / 60)::int) AS properties
      FROM grid_member_positions p JOIN grid_members m ON m.id = p.grid_member_id
      WHERE ${inTile} AND ${servesGridIn(jurisdiction, sql.ref('m.id'))}
      ORDER BY m.id`.execute(executor);
    return result.rows;
  }

  async cameras(executor: DatabaseExecutor, tile: TileAddress, jurisdiction: Jurisdiction): Promise<PointFeatureRow[]> {
    const { x, y, inTile } = pointsIn(sql.ref('c.location'), tile);
    const result = await sql<PointFeatureRow>`
      SELECT c.id, round(${x})::int AS x, round(${y})::int AS y,
             json_build_object('name', c.name, 'status', c.status) AS properties
      FROM cameras c LEFT JOIN grids g ON g.id = c.grid_id LEFT JOIN regions r ON r.id = c.region_id
      WHERE ${inTile} AND c.status <> 'decommissioned'
        AND ((g.id IS NOT NULL AND ${gridInJurisdiction(jurisdiction, 'g')}) OR (r.id IS NOT NULL AND ${regionAtOrBelow(jurisdiction, 'r')}))
      ORDER BY c.id`.execute(executor);
    return result.rows;
  }

  async places(executor: DatabaseExecutor, tile: TileAddress, jurisdiction: Jurisdiction): Promise<PointFeatureRow[]> {
    const { x, y, inTile } = pointsIn(sql.ref('p.location'), tile);
    const result = await sql<PointFeatureRow>`
      SELECT p.id, round(${x})::int AS x, round(${y})::int AS y,
             json_build_object('name', p.name, 'kind', p.kind, 'attentionLevel', p.attention_level) AS properties
      FROM places p JOIN grids g ON g.id = p.grid_id
      WHERE p.location IS NOT NULL AND ${inTile} AND ${gridInJurisdiction(jurisdiction, 'g')}
      ORDER BY p.id`.execute(executor);
    return result.rows;
  }
}

/** A region (by alias) at or below the jurisdiction's region; grid workers hold grids, not regions. */
function regionAtOrBelow(jurisdiction: Jurisdiction, alias: string): RawBuilder<unknown> {
  const path = sql.ref(`${alias}.path`);
  switch (jurisdiction.kind) {
    case 'everywhere':
      return sql`true`;
    case 'region':
    case 'department':
      return sql`(${path} = ${jurisdiction.regionPath} OR ${path} LIKE ${jurisdiction.regionPath + '/%'})`;
    case 'grids':
      return sql`false`;
  }
}
