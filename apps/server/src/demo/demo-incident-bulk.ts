import { sql, type RawBuilder } from 'kysely';
import type { DatabaseExecutor } from '../database/schema.js';
import type { DemoProgress } from './demo-city.service.js';

const BATCH = 100_000;

/** A number in [0, 1) drawn from the incident's number and a salt: the same on every run and both databases. */
const draw = (salt: number): RawBuilder<number> => sql<number>`((hashint8(n * 7919 + ${salt}::bigint) & 2147483647)::float8 / 2147483648)`;

/**
 * Incidents for benchmarks and for the command map at city scale, written by one INSERT … SELECT per batch: reported
 * over the last 90 days in every grid (some grids far busier than others), of every enabled subclass, most older
 * ones closed and the recent ones spread over the loop, each open one with a running step and its deadline.
 * Numbered from the seed, so that running it again adds nothing (client ids `bulk-<seed>-<n>`).
 */
export async function generateBulkIncidents(executor: DatabaseExecutor, options: { count: number; seed: number; onProgress?: DemoProgress }): Promise<number> {
  const progress = options.onProgress ?? (() => undefined);
  let inserted = 0;
  for (let start = 1; start <= options.count; start += BATCH) {
    const end = Math.min(options.count, start + BATCH - 1);
    const result = await sql<{ count: number }>`
      WITH grid AS MATERIALIZED (
        SELECT g.id, g.community_id, street.id AS street_id, street.parent_id AS district_id, center.id AS center_id,
               ST_XMin(g.boundary) AS west, ST_YMin(g.boundary) AS south, ST_XMax(g.boundary) - ST_XMin(g.boundary) AS width,
               ST_YMax(g.boundary) - ST_YMin(g.boundary) AS height, row_number() OVER (ORDER BY hashint4(g.id), g.id) - 1 AS position
        FROM grids g JOIN regions community ON community.id = g.community_id JOIN regions street ON street.id = community.parent_id
        LEFT JOIN centers center ON center.region_id = street.id
        WHERE g.parent_grid_id IS NULL),
      category AS MATERIALIZED (
        SELECT c.id, c.name, row_number() OVER (ORDER BY c.code) - 1 AS position,
               CASE c.time_limit_unit WHEN 'working_hours' THEN c.time_limit * interval '1 hour' WHEN 'working_days' THEN c.time_limit * interval '34 hours'
                    ELSE coalesce(c.time_limit, 3) * interval '1 day' END AS time_limit
        FROM incident_categories c WHERE c.parent_id IS NOT NULL AND c.enabled),
      drawn AS (
        SELECT n, now() - ${draw(1)} ^ 1.5 * interval '90 days' AS reported_at, ${draw(2)} AS status_draw, ${draw(3)} AS step_draw,
               floor(${draw(4)} ^ 2.2 * (SELECT count(*) FROM grid))::int AS grid_position,
               floor(${draw(5)} * (SELECT count(*) FROM category))::int AS category_position, ${draw(6)} AS x, ${draw(7)} AS y, ${draw(8)} AS source_draw
        FROM generate_series(${start}::bigint, ${end}::bigint) AS n),
      decided AS (
        SELECT d.*, CASE
            WHEN d.reported_at < now() - interval '10 days' THEN CASE
              WHEN d.status_draw < 0.86 THEN 'closed' WHEN d.status_draw < 0.89 THEN 'rejected' WHEN d.status_draw < 0.9 THEN 'voided'
              WHEN d.status_draw < 0.94 THEN 'handling' WHEN d.status_draw < 0.96 THEN 'handled' WHEN d.status_draw < 0.97 THEN 'verified'
              ELSE 'suspended' END
            ELSE CASE
              WHEN d.status_draw < 0.1 THEN 'reported' WHEN d.status_draw < 0.18 THEN 'registered' WHEN d.status_draw < 0.33 THEN 'dispatched'
              WHEN d.status_draw < 0.55 THEN 'handling' WHEN d.status_draw < 0.67 THEN 'handled' WHEN d.status_draw < 0.72 THEN 'verified'
              WHEN d.status_draw < 0.75 THEN 'returned' WHEN d.status_draw < 0.77 THEN 'rejected' ELSE 'closed' END
          END AS status
        FROM drawn d),
      -- a running step started at most 1.3 limits ago: about one open incident in five is overdue
      placed AS (
        SELECT d.*, g.id AS grid_id, g.community_id, g.street_id, g.district_id, g.center_id, c.id AS category_id, c.name AS category_name,
               ST_SetSRID(ST_MakePoint(g.west + g.width * (0.02 + 0.96 * d.x), g.south + g.height * (0.02 + 0.96 * d.y)), 4326) AS location,
               CASE d.status WHEN 'reported' THEN 'register' WHEN 'registered' THEN 'dispatch' WHEN 'returned' THEN 'dispatch'
                 WHEN 'dispatched' THEN 'accept' WHEN 'handling' THEN 'handle' WHEN 'handled' THEN 'verify' WHEN 'verified' THEN 'close' END AS step,
               now() - d.step_draw * least(now() - d.reported_at, c.time_limit * 1.3) AS step_started_at, c.time_limit
        FROM decided d JOIN grid g ON g.position = d.grid_position JOIN category c ON c.position = d.category_position),
      inserted AS (
      INSERT INTO incidents (code, client_id, source, category_id, status, description, location, grid_id, community_id, street_id,
        district_id, region_id, center_id, current_step, current_step_started_at, current_step_deadline, current_step_warning_at,
        status_before_suspension, suspended_at, reported_at, registered_at, dispatched_at, handled_at, closed_at, created_at, updated_at)
      SELECT to_char(p.reported_at AT TIME ZONE 'UTC' + interval '8 hours', 'YYYYMMDD') || lpad(p.number::text, greatest(6, length(p.number::text)), '0'),
        'bulk-' || ${options.seed}::text || '-' || p.n, CASE WHEN p.source_draw < 0.7 THEN 'grid_worker' WHEN p.source_draw < 0.85 THEN 'hotline' ELSE 'resident' END,
        p.category_id, p.status, p.category_name || '：网格巡查发现，请及时处置（批量演示数据）', p.location, p.grid_id, p.community_id, p.street_id,
        p.district_id, p.community_id, p.center_id, p.step, CASE WHEN p.step IS NOT NULL THEN p.step_started_at END,
        CASE WHEN p.step IS NOT NULL THEN p.step_started_at + p.time_limit END,
        CASE WHEN p.step IS NOT NULL THEN p.step_started_at + p.time_limit * 0.8 END,
        CASE WHEN p.status = 'suspended' THEN 'handling' END, CASE WHEN p.status = 'suspended' THEN p.step_started_at END,
        p.reported_at, CASE WHEN p.status NOT IN ('reported', 'rejected') THEN p.reported_at + interval '20 minutes' END,
        CASE WHEN p.status NOT IN ('reported', 'registered', 'rejected', 'voided') THEN p.reported_at + interval '1 hour' END,
        CASE WHEN p.status IN ('handled', 'verified', 'closed') THEN least(now(), p.reported_at + interval '2 days') END,
        CASE WHEN p.status = 'closed' THEN least(now(), p.reported_at + interval '3 days') END, p.reported_at, now()
      FROM (SELECT placed.*, nextval('incident_code_seq') AS number FROM placed) p
      ON CONFLICT (client_id) DO NOTHING
      RETURNING 1)
      SELECT count(*)::int AS count FROM inserted`.execute(executor);
    inserted += result.rows[0]!.count;
    progress('incidents', end, options.count);
  }
  await sql`ANALYZE incidents`.execute(executor);
  return inserted;
}
