import { sql, type RawBuilder } from 'kysely';
import type { CameraListQuery, CameraStatus, CameraView, Jurisdiction } from '@civicgrid/domain';
import { gridInJurisdiction } from '../database/jurisdiction.sql.js';
import type { DatabaseExecutor } from '../database/schema.js';
import { gridIdAt } from '../grids/grid.repository.js';

export interface CameraWrite {
  name: string;
  deviceCode: string | null;
  streamUrl: string | null;
  status: CameraStatus;
  lon: number;
  lat: number;
  gridId: number;
  regionId: number;
}

const COLUMNS = sql`
  c.id, c.name, c.device_code AS "deviceCode", c.stream_url AS "streamUrl", c.status, ST_X(c.location) AS lon, ST_Y(c.location) AS lat,
  g.code AS "gridCode", g.name AS "gridName", community.name AS "communityName", c.updated_at AS "updatedAt"`;
const FROM = sql`FROM cameras c JOIN grids g ON g.id = c.grid_id JOIN regions community ON community.id = g.community_id`;

const point = (lon: number, lat: number) => sql`ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)`;

type CameraRow = Omit<CameraView, 'updatedAt'> & { updatedAt: Date };

/** Video camera points 视频点位, each placed in the grid at its point. SQL only. */
export class CameraRepository {
  /** The grid (not micro-grid) at a point, by the one grid-at-a-point rule. */
  async gridAt(executor: DatabaseExecutor, lon: number, lat: number) {
    const result = await sql<{ id: number; path: string; communityId: number }>`
      SELECT g.id, g.path, g.community_id AS "communityId" FROM grids g WHERE g.id = ${gridIdAt(point(lon, lat))}`.execute(executor);
    return result.rows[0];
  }

  async list(executor: DatabaseExecutor, jurisdiction: Jurisdiction, query: CameraListQuery & { regionPath?: string }) {
    const conditions: RawBuilder<unknown>[] = [gridInJurisdiction(jurisdiction, 'g')];
    if (query.regionPath) conditions.push(sql`g.path LIKE ${`${query.regionPath}/%`}`);
    if (query.status) conditions.push(sql`c.status = ${query.status}`);
    if (query.q) {
      const pattern = `%${query.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      conditions.push(sql`(c.name ILIKE ${pattern} OR c.device_code ILIKE ${pattern})`);
    }
    const where = sql.join(conditions, sql` AND `);
    const items = await sql<CameraRow>`
      SELECT ${COLUMNS} ${FROM} WHERE ${where} ORDER BY g.code, c.name, c.id
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`.execute(executor);
    const total = await sql<{ total: number }>`SELECT count(*)::int AS total ${FROM} WHERE ${where}`.execute(executor);
    return { items: items.rows, total: total.rows[0]!.total };
  }

  async find(executor: DatabaseExecutor, id: number, jurisdiction: Jurisdiction): Promise<CameraRow | undefined> {
    const result = await sql<CameraRow>`SELECT ${COLUMNS} ${FROM} WHERE c.id = ${id} AND ${gridInJurisdiction(jurisdiction, 'g')}`.execute(executor);
    return result.rows[0];
  }

  async insert(executor: DatabaseExecutor, camera: CameraWrite): Promise<number> {
    const result = await sql<{ id: number }>`
      INSERT INTO cameras (name, device_code, stream_url, status, location, grid_id, region_id)
      VALUES (${camera.name}, ${camera.deviceCode}, ${camera.streamUrl}, ${camera.status}, ${point(camera.lon, camera.lat)}, ${camera.gridId}, ${camera.regionId})
      RETURNING id`.execute(executor);
    return result.rows[0]!.id;
  }

  async update(executor: DatabaseExecutor, id: number, camera: CameraWrite): Promise<void> {
    await sql`
      UPDATE cameras SET name = ${camera.name}, device_code = ${camera.deviceCode}, stream_url = ${camera.streamUrl}, status = ${camera.status},
        location = ${point(camera.lon, camera.lat)}, grid_id = ${camera.gridId}, region_id = ${camera.regionId}, updated_at = now()
      WHERE id = ${id}`.execute(executor);
  }

  async isReferenced(executor: DatabaseExecutor, id: number): Promise<boolean> {
    const result = await sql<{ used: boolean }>`SELECT EXISTS (SELECT 1 FROM incidents WHERE camera_id = ${id}) AS used`.execute(executor);
    return result.rows[0]!.used;
  }

  async delete(executor: DatabaseExecutor, id: number): Promise<void> {
    await sql`DELETE FROM cameras WHERE id = ${id}`.execute(executor);
  }

  /**
   * The working cameras nearest to an incident, inside the jurisdiction: a KNN search (`<->`) over the geography
   * index, so that the order is by metres on the ground, not by degrees (which are shorter east–west).
   */
  async nearest(executor: DatabaseExecutor, incidentId: number, jurisdiction: Jurisdiction, limit: number): Promise<(CameraRow & { distanceMetres: number })[]> {
    const result = await sql<CameraRow & { distanceMetres: number }>`
      SELECT near.* FROM incidents i CROSS JOIN LATERAL (
        SELECT ${COLUMNS}, round(ST_Distance(c.location::geography, i.location::geography))::int AS "distanceMetres"
        ${FROM}
        WHERE c.status <> 'decommissioned' AND ${gridInJurisdiction(jurisdiction, 'g')}
        ORDER BY c.location::geography <-> i.location::geography LIMIT ${limit}
      ) near
      WHERE i.id = ${incidentId} AND i.location IS NOT NULL
      ORDER BY near."distanceMetres", near.id`.execute(executor);
    return result.rows;
  }
}

