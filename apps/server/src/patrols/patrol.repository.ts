import { sql, type RawBuilder } from 'kysely';
import type { Jurisdiction } from '@civicgrid/domain';
import { gridInJurisdiction } from '../database/jurisdiction.sql.js';
import type { DatabaseExecutor } from '../database/schema.js';

export interface PatrolRow {
  id: number;
  clientId: string | null;
  gridMemberId: number;
  gridMemberName: string;
  gridCode: string | null;
  gridName: string | null;
  startedAt: Date;
  endedAt: Date | null;
  distanceMetres: number | null;
  pointCount: number;
  note: string | null;
}

/** Who reads patrols: their own grid member's (a grid worker), and those in grids of the jurisdiction. */
export interface PatrolReader {
  jurisdiction: Jurisdiction;
  gridMemberId: number | null;
}

/** A track as GeoJSON: a line through the kept fixes, or the one fix. */
export type TrackGeometry = { type: 'LineString'; coordinates: [number, number][] } | { type: 'Point'; coordinates: [number, number] };

const geometryOf = (track: TrackGeometry) => sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(track)}), 4326)`;

function readable(reader: PatrolReader): RawBuilder<unknown> {
  if (reader.jurisdiction.kind === 'everywhere') return sql`true`;
  return sql`(p.grid_member_id = ${reader.gridMemberId ?? -1} OR (g.id IS NOT NULL AND ${gridInJurisdiction(reader.jurisdiction, 'g')}))`;
}

const COLUMNS = sql`
  p.id, p.client_id AS "clientId", p.grid_member_id AS "gridMemberId", m.name AS "gridMemberName", g.code AS "gridCode", g.name AS "gridName",
  p.started_at AS "startedAt", p.ended_at AS "endedAt", p.distance_metres AS "distanceMetres", p.point_count AS "pointCount", p.note`;
const FROM = sql`FROM patrols p JOIN grid_members m ON m.id = p.grid_member_id LEFT JOIN grids g ON g.id = p.grid_id`;

/** Patrols 巡查 and their tracks. SQL only. */
export class PatrolRepository {
  async idOfClientId(executor: DatabaseExecutor, clientId: string): Promise<{ id: number; gridMemberId: number } | undefined> {
    const result = await sql<{ id: number; gridMemberId: number }>`
      SELECT id, grid_member_id AS "gridMemberId" FROM patrols WHERE client_id = ${clientId}`.execute(executor);
    return result.rows[0];
  }

  /** Of the grids, the one holding the longest stretch of the track (or the fix); null when it touches none. */
  async gridAlong(executor: DatabaseExecutor, gridIds: readonly number[], track: TrackGeometry): Promise<number | null> {
    const result = await sql<{ id: number }>`
      WITH track AS (SELECT ${geometryOf(track)} AS geom)
      SELECT g.id FROM grids g, track
      WHERE g.id = ANY(${[...gridIds]}::int[]) AND ST_Intersects(g.boundary, track.geom)
      ORDER BY ST_Length(ST_Intersection(g.boundary, track.geom)::geography) DESC, g.code LIMIT 1`.execute(executor);
    return result.rows[0]?.id ?? null;
  }

  /** Inserts the patrol; null when its client id is taken (a retry that raced the first upload). */
  async insert(executor: DatabaseExecutor, patrol: {
    gridMemberId: number; gridId: number | null; clientId: string; startedAt: Date; endedAt: Date; track: TrackGeometry | null;
    distanceMetres: number; pointCount: number; note: string | null;
  }): Promise<number | null> {
    // a single fix is kept for the grid it was in, but is no line to draw
    const line = patrol.track?.type === 'LineString' ? geometryOf(patrol.track) : sql`NULL`;
    const result = await sql<{ id: number }>`
      INSERT INTO patrols (grid_member_id, grid_id, client_id, started_at, ended_at, track, distance_metres, point_count, note)
      VALUES (${patrol.gridMemberId}, ${patrol.gridId}, ${patrol.clientId}, ${patrol.startedAt}, ${patrol.endedAt}, ${line},
              ${patrol.distanceMetres}, ${patrol.pointCount}, ${patrol.note})
      ON CONFLICT (client_id) DO NOTHING RETURNING id`.execute(executor);
    return result.rows[0]?.id ?? null;
  }

  async find(executor: DatabaseExecutor, id: number, reader: PatrolReader): Promise<PatrolRow | undefined> {
    const result = await sql<PatrolRow>`SELECT ${COLUMNS} ${FROM} WHERE p.id = ${id} AND ${readable(reader)}`.execute(executor);
    return result.rows[0];
  }

  async list(executor: DatabaseExecutor, filter: { gridMemberId?: number | undefined; gridId?: number | undefined }, reader: PatrolReader, page: { limit: number; offset: number }) {
    const conditions = [readable(reader)];
    if (filter.gridMemberId !== undefined) conditions.push(sql`p.grid_member_id = ${filter.gridMemberId}`);
    if (filter.gridId !== undefined) conditions.push(sql`(g.id = ${filter.gridId} OR g.parent_grid_id = ${filter.gridId})`);
    const where = sql.join(conditions, sql` AND `);
    const items = await sql<PatrolRow>`
      SELECT ${COLUMNS} ${FROM} WHERE ${where} ORDER BY p.started_at DESC, p.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`.execute(executor);
    const total = await sql<{ total: number }>`SELECT count(*)::int AS total ${FROM} WHERE ${where}`.execute(executor);
    return { items: items.rows, total: total.rows[0]!.total };
  }

  async track(executor: DatabaseExecutor, id: number): Promise<unknown> {
    const result = await sql<{ geometry: unknown }>`SELECT ST_AsGeoJSON(track, 7)::json AS geometry FROM patrols WHERE id = ${id}`.execute(executor);
    return result.rows[0]?.geometry ?? null;
  }
}
