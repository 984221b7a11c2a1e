import { sql, type Kysely } from 'kysely';
import type { Jurisdiction } from '@civicgrid/domain';
import { storedAreaFromGeoJson } from '../database/area-geometry.sql.js';
import { gridInJurisdiction, regionVisibleInJurisdiction } from '../database/jurisdiction.sql.js';
import type { DatabaseExecutor, DatabaseSchema } from '../database/schema.js';

export interface RegionUpsert {
  code: string;
  name: string;
  level: 'city' | 'district' | 'street' | 'community';
  parentCode: string | null;
  path: string;
}

export interface RegionRow {
  id: number;
  code: string;
  name: string;
  level: 'city' | 'district' | 'street' | 'community';
  parentCode: string | null;
  path: string;
  childCount: number;
  gridCount: number;
  bbox: [number, number, number, number] | null;
  hasBoundary: boolean;
}

/** Regions with their counts; children and grids are counted only where the actor may see them. */
function selectRegions(jurisdiction: Jurisdiction) {
  return sql`
    SELECT r.id, r.code, r.name, r.level, p.code AS "parentCode", r.path, r.boundary IS NOT NULL AS "hasBoundary",
      (SELECT count(*)::int FROM regions c WHERE c.parent_id = r.id AND ${regionVisibleInJurisdiction(jurisdiction, 'c')}) AS "childCount",
      (SELECT count(*)::int FROM grids g WHERE g.path LIKE r.path || '/%' AND g.parent_grid_id IS NULL
         AND ${gridInJurisdiction(jurisdiction, 'g')}) AS "gridCount",
      (SELECT CASE WHEN e IS NULL THEN NULL ELSE json_build_array(ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)) END
         FROM (SELECT coalesce(ST_Envelope(r.boundary),
                 (SELECT ST_Extent(g.boundary)::geometry FROM grids g
                  WHERE g.path LIKE r.path || '/%' AND ${gridInJurisdiction(jurisdiction, 'g')})) AS e) extent) AS bbox
    FROM regions r LEFT JOIN regions p ON p.id = r.parent_id`;
}

export class RegionRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** Inserts or updates regions by code; parents must already exist or be earlier in the same call. */
  async upsertMany(executor: DatabaseExecutor, regions: RegionUpsert[]): Promise<{ inserted: number; updated: number }> {
    if (regions.length === 0) return { inserted: 0, updated: 0 };
    const result = await sql<{ inserted: boolean }>`
      INSERT INTO regions (code, name, level, parent_id, path)
      SELECT v.code, v.name, v.level, p.id, v.path
      FROM unnest(${regions.map((region) => region.code)}::text[], ${regions.map((region) => region.name)}::text[],
                  ${regions.map((region) => region.level)}::text[], ${regions.map((region) => region.parentCode)}::text[],
                  ${regions.map((region) => region.path)}::text[]) AS v(code, name, level, parent_code, path)
      LEFT JOIN regions p ON p.code = v.parent_code
      ON CONFLICT (code) DO UPDATE
        SET name = excluded.name, level = excluded.level, parent_id = excluded.parent_id, path = excluded.path,
            updated_at = CASE WHEN (regions.name, regions.parent_id, regions.path) IS DISTINCT FROM
                                   (excluded.name, excluded.parent_id, excluded.path) THEN now() ELSE regions.updated_at END
      RETURNING (xmax = 0) AS inserted`.execute(executor);
    const inserted = result.rows.filter((row) => row.inserted).length;
    return { inserted, updated: result.rows.length - inserted };
  }

  async listChildren(parentCode: string | undefined, jurisdiction: Jurisdiction): Promise<RegionRow[]> {
    const filter = parentCode === undefined ? sql`r.parent_id IS NULL` : sql`p.code = ${parentCode}`;
    const result = await sql<RegionRow>`
      ${selectRegions(jurisdiction)} WHERE ${filter} AND ${regionVisibleInJurisdiction(jurisdiction, 'r')} ORDER BY r.code`.execute(this.db);
    return result.rows;
  }

  async findByCode(code: string, jurisdiction: Jurisdiction): Promise<RegionRow | undefined> {
    const result = await sql<RegionRow>`
      ${selectRegions(jurisdiction)} WHERE r.code = ${code} AND ${regionVisibleInJurisdiction(jurisdiction, 'r')}`.execute(this.db);
    return result.rows[0];
  }

  /** Ancestors from the top down, found from the materialized path. */
  async findAncestors(path: string, jurisdiction: Jurisdiction): Promise<RegionRow[]> {
    return this.findOnPath(path.split('/').slice(0, -1).join('/'), jurisdiction);
  }

  /** Every region named on a path, from the top down, the last one included. */
  async findOnPath(path: string, jurisdiction: Jurisdiction): Promise<RegionRow[]> {
    const codes = path.split('/').filter(Boolean);
    if (codes.length === 0) return [];
    const result = await sql<RegionRow>`
      ${selectRegions(jurisdiction)} WHERE r.code = ANY(${codes}::text[]) AND ${regionVisibleInJurisdiction(jurisdiction, 'r')}
      ORDER BY length(r.path)`.execute(this.db);
    return result.rows;
  }

  async boundaryOf(code: string): Promise<unknown> {
    const result = await sql<{ boundary: unknown }>`
      SELECT ST_AsGeoJSON(boundary, 7)::json AS boundary FROM regions WHERE code = ${code}`.execute(this.db);
    return result.rows[0]?.boundary ?? null;
  }

  async setBoundary(executor: DatabaseExecutor, code: string, geoJson: string): Promise<void> {
    await sql`UPDATE regions SET boundary = ${storedAreaFromGeoJson(geoJson)}, updated_at = now()
              WHERE code = ${code}`.execute(executor);
  }
}
