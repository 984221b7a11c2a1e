import { SeededRandom, type Rectangle } from '@civicgrid/domain';
import { sql } from 'kysely';
import { gridIdAt } from '../apps/server/src/grids/grid.repository.js';
import type { BenchContext, BenchResult } from './run.js';
import { compare, timeIt } from './timing.js';

export const name = 'point-assignment';

const SEED = 20260101;
const INSERT_BATCH = 50_000;
const integer = new Intl.NumberFormat('en-US');

function pointCount(kind: 'pglite' | 'postgres'): number {
  const requested = Number(process.env.BENCH_POINTS);
  if (Number.isInteger(requested) && requested > 0) return requested;
  return kind === 'postgres' ? 1_000_000 : 100_000;
}

function randomPoints(count: number, extent: Rectangle): { lons: number[]; lats: number[] } {
  const random = new SeededRandom(SEED);
  const lons: number[] = new Array(count);
  const lats: number[] = new Array(count);
  for (let index = 0; index < count; index++) {
    lons[index] = extent.west + random.next() * (extent.east - extent.west);
    lats[index] = extent.south + random.next() * (extent.north - extent.south);
  }
  return { lons, lats };
}

export async function run(context: BenchContext): Promise<BenchResult> {
  const { db } = context.database;
  const total = pointCount(context.database.kind);
  const extentRows = await sql<Rectangle>`
    SELECT ST_XMin(e) AS west, ST_YMin(e) AS south, ST_XMax(e) AS east, ST_YMax(e) AS north
    FROM (SELECT ST_Extent(boundary)::geometry AS e FROM grids WHERE parent_grid_id IS NULL) extent`.execute(db);
  const extent = extentRows.rows[0]!;
  // The demo generation leaves grids without statistics, and autovacuum may never come (PGlite has none, and
  // it is off on some servers): the planner then sends the ST_Contains join through grids_parent_idx and the
  // reference runs several times slower than PostGIS can.
  await sql`ANALYZE grids`.execute(db);
  const { lons, lats } = randomPoints(total, extent);

  // A temporary table lives in one session: everything below runs on one pinned connection.
  return db.connection().execute(async (connection) => {
    await sql`CREATE TEMP TABLE bench_points (id integer NOT NULL, location geometry(Point, 4326) NOT NULL)`.execute(connection);
    try {
      context.log(`loading ${integer.format(total)} points …`);
      const load = await timeIt(async () => {
        for (let start = 0; start < total; start += INSERT_BATCH) {
          const end = Math.min(total, start + INSERT_BATCH);
          const ids = Array.from({ length: end - start }, (_, offset) => start + offset + 1);
          await sql`
            INSERT INTO bench_points (id, location)
            SELECT id, ST_SetSRID(ST_MakePoint(lon, lat), 4326)
            FROM unnest(${ids}::int[], ${lons.slice(start, end)}::float8[], ${lats.slice(start, end)}::float8[]) AS v(id, lon, lat)`.execute(connection);
        }
        await sql`ANALYZE bench_points`.execute(connection);
      });

      let ruleAssigned = 0;
      let containsAssigned = 0;
      const byRule = async () => {
        const result = await sql<{ assigned: number }>`
          SELECT count(located.grid_id)::int AS assigned
          FROM bench_points p CROSS JOIN LATERAL (SELECT ${gridIdAt(sql`p.location`)} AS grid_id) located`.execute(connection);
        ruleAssigned = result.rows[0]!.assigned;
      };
      const byContains = async () => {
        const result = await sql<{ assigned: number }>`
          SELECT count(*)::int AS assigned
          FROM bench_points p JOIN grids g ON g.parent_grid_id IS NULL AND ST_Contains(g.boundary, p.location)`.execute(connection);
        containsAssigned = result.rows[0]!.assigned;
      };
      context.log('timing the gridIdAt rule against a plain ST_Contains join …');
      const timings = await compare(byRule, byContains);

      context.log('comparing the two answers point by point …');
      const agreement = await sql<{ disagreements: number; onBorder: number }>`
        WITH answers AS MATERIALIZED (
          SELECT p.location, ${gridIdAt(sql`p.location`)} AS rule_id,
                 (SELECT g.id FROM grids g WHERE g.parent_grid_id IS NULL AND ST_Contains(g.boundary, p.location) ORDER BY g.code LIMIT 1) AS contains_id
          FROM bench_points p),
        disagreeing AS (SELECT location FROM answers WHERE rule_id IS DISTINCT FROM contains_id)
        SELECT (SELECT count(*)::int FROM disagreeing) AS disagreements,
               (SELECT count(*)::int FROM disagreeing d WHERE EXISTS (
                  SELECT 1 FROM grids g WHERE g.parent_grid_id IS NULL AND g.boundary && ST_Expand(d.location, ${sql.lit(1e-9)})
                    AND ST_DWithin(ST_Boundary(g.boundary), d.location, ${sql.lit(1e-9)}))) AS "onBorder"`.execute(connection);
      const { disagreements, onBorder } = agreement.rows[0]!;

      return {
        figures: [{
          label: `${integer.format(total)} points → grid, gridIdAt rule (LATERAL)`,
          timing: timings.task,
          reference: { label: 'plain ST_Contains join', timing: timings.reference },
          items: { count: total, unit: 'points' },
        }],
        notes: [
          `points: ${integer.format(total)} uniform in the grids' extent ${[extent.west, extent.south, extent.east, extent.north].map((value) => value.toFixed(4)).join(', ')} (seed ${SEED}; BENCH_POINTS overrides)`,
          'grids analyzed before timing, so both queries get the plans a maintained database would',
          `loaded in ${(load.ms / 1000).toFixed(1)} s by batched INSERT … SELECT FROM unnest (${integer.format(INSERT_BATCH)} a batch; pg-copy-streams is not a dependency)`,
          `assigned: ${integer.format(ruleAssigned)} by the rule, ${integer.format(containsAssigned)} by ST_Contains; outside every grid: ${integer.format(total - ruleAssigned)}`,
          `points whose grids differ: ${integer.format(disagreements)} (of them within 1e-9° of a grid border: ${integer.format(onBorder)})`,
        ],
      };
    } finally {
      await sql`DROP TABLE IF EXISTS bench_points`.execute(connection);
    }
  });
}
