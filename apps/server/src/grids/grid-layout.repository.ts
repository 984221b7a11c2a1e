import { sql, type RawBuilder } from 'kysely';
import { storedAreaFromGeoJson } from '../database/area-geometry.sql.js';
import type { DatabaseExecutor } from '../database/schema.js';

/** Overlaps and gaps smaller than this are drawing noise, not a layout problem. */
export const LAYOUT_TOLERANCE_SQUARE_METRES = 0.5;

export interface LayoutCandidate {
  code: string;
  parentCode: string | null;
  geoJson: string;
}

export interface ValidityRow {
  code: string;
  valid: boolean;
  reason: string;
  where: unknown;
}

export interface OverlapRow {
  first: string;
  second: string;
  where: unknown;
  area: number;
}

export interface AreaProblemRow {
  codes: string[];
  where: unknown;
  area: number;
}

/** Validity is judged on the polygons as drawn; overlaps and gaps on the polygons as they would be stored. */
function candidateTable(candidates: LayoutCandidate[], communityId: number, form: 'as_drawn' | 'as_stored'): RawBuilder<unknown> {
  const geometry = form === 'as_drawn' ? sql`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(v.geojson), 4326))` : storedAreaFromGeoJson(sql`v.geojson`);
  return sql`
    SELECT v.code, v.parent_code, ${communityId}::int AS community_id, ${geometry} AS geom
    FROM unnest(${candidates.map((candidate) => candidate.code)}::text[],
                ${candidates.map((candidate) => candidate.parentCode)}::text[],
                ${candidates.map((candidate) => candidate.geoJson)}::text[]) AS v(code, parent_code, geojson)`;
}

/** The candidates together with the grids already stored that they are to live beside. */
function layoutTable(candidates: LayoutCandidate[], communityId: number): RawBuilder<unknown> {
  const codes = candidates.map((candidate) => candidate.code);
  return sql`
    candidate AS (${candidateTable(candidates, communityId, 'as_stored')}),
    layout AS (
      SELECT code, parent_code, community_id, geom, true AS is_candidate FROM candidate
      UNION ALL
      SELECT g.code, p.code, g.community_id, g.boundary, false FROM grids g LEFT JOIN grids p ON p.id = g.parent_grid_id
      WHERE g.code <> ALL(${codes}::text[])
        AND (g.community_id = ${communityId} OR EXISTS (SELECT 1 FROM candidate c WHERE c.geom && g.boundary)))`;
}

export class GridLayoutRepository {
  async checkValidity(executor: DatabaseExecutor, candidates: LayoutCandidate[], communityId: number): Promise<ValidityRow[]> {
    const result = await sql<ValidityRow>`
      SELECT c.code, ST_IsValid(c.geom) AS valid, ST_IsValidReason(c.geom) AS reason,
             ST_AsGeoJSON((ST_IsValidDetail(c.geom)).location, 7)::json AS "where"
      FROM (${candidateTable(candidates, communityId, 'as_drawn')}) c`.execute(executor);
    return result.rows;
  }

  /** Pairs of sibling grids (top-level with top-level, micro-grids of one parent) whose interiors meet. */
  async findOverlaps(executor: DatabaseExecutor, candidates: LayoutCandidate[], communityId: number): Promise<OverlapRow[]> {
    const result = await sql<OverlapRow>`
      WITH ${layoutTable(candidates, communityId)},
      pairs AS (
        SELECT a.code AS first, b.code AS second, ST_Intersection(a.geom, b.geom) AS overlap
        FROM layout a JOIN layout b ON a.code < b.code AND a.geom && b.geom
        WHERE (a.is_candidate OR b.is_candidate)
          AND coalesce(a.parent_code, '') = coalesce(b.parent_code, '')
          AND ST_Relate(a.geom, b.geom, 'T********'))
      SELECT first, second, ST_AsGeoJSON(overlap, 7)::json AS "where", ST_Area(overlap::geography) AS area
      FROM pairs WHERE ST_Area(overlap::geography) > ${LAYOUT_TOLERANCE_SQUARE_METRES}
      ORDER BY first, second`.execute(executor);
    return result.rows;
  }

  /** Parts of the community that no top-level grid covers, each with the grids around it. */
  async findGaps(executor: DatabaseExecutor, candidates: LayoutCandidate[], communityId: number): Promise<AreaProblemRow[]> {
    const result = await sql<AreaProblemRow>`
      WITH ${layoutTable(candidates, communityId)},
      own AS (SELECT code, geom FROM layout WHERE parent_code IS NULL AND community_id = ${communityId}),
      gap AS (
        SELECT (ST_Dump(ST_Difference(r.boundary,
                  coalesce((SELECT ST_Union(geom) FROM own), ST_SetSRID('POLYGON EMPTY'::geometry, 4326))))).geom AS geom
        FROM regions r WHERE r.id = ${communityId} AND r.boundary IS NOT NULL)
      SELECT coalesce((SELECT array_agg(own.code ORDER BY own.code) FROM own WHERE ST_Intersects(own.geom, gap.geom)),
                      ARRAY[]::text[]) AS codes,
             ST_AsGeoJSON(gap.geom, 7)::json AS "where", ST_Area(gap.geom::geography) AS area
      FROM gap WHERE ST_Area(gap.geom::geography) > ${LAYOUT_TOLERANCE_SQUARE_METRES}
      ORDER BY area DESC`.execute(executor);
    return result.rows;
  }

  /** Candidate grids reaching outside their community, and micro-grids reaching outside their grid. */
  async findSpills(executor: DatabaseExecutor, candidates: LayoutCandidate[], communityId: number): Promise<(AreaProblemRow & { kind: 'outside_community' | 'outside_parent_grid' })[]> {
    const result = await sql<AreaProblemRow & { kind: 'outside_community' | 'outside_parent_grid' }>`
      WITH ${layoutTable(candidates, communityId)},
      spill AS (
        SELECT 'outside_community' AS kind, c.code, ST_Difference(c.geom, r.boundary) AS geom
        FROM candidate c JOIN regions r ON r.id = c.community_id
        WHERE c.parent_code IS NULL AND r.boundary IS NOT NULL
        UNION ALL
        SELECT 'outside_parent_grid', c.code, ST_Difference(c.geom, parent.geom)
        FROM candidate c JOIN layout parent ON parent.code = c.parent_code)
      SELECT kind, ARRAY[code] AS codes, ST_AsGeoJSON(geom, 7)::json AS "where", ST_Area(geom::geography) AS area
      FROM spill WHERE NOT ST_IsEmpty(geom) AND ST_Area(geom::geography) > ${LAYOUT_TOLERANCE_SQUARE_METRES}
      ORDER BY code`.execute(executor);
    return result.rows;
  }
}
