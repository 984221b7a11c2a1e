import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SeededRandom, systemActor, type Rectangle } from '@civicgrid/domain';
import { sql } from 'kysely';
import { createServices } from '../apps/server/src/http/services.js';
import type { BenchContext, BenchResult } from './run.js';
import { compare } from './timing.js';

export const name = 'incident-intake';

const SEED = 20261123;
const CLIENT_PREFIX = 'bench-intake-';
const integer = new Intl.NumberFormat('en-US');

function reportCount(kind: 'pglite' | 'postgres'): number {
  const requested = Number(process.env.BENCH_REPORTS);
  if (Number.isInteger(requested) && requested > 0) return requested;
  return kind === 'postgres' ? 2_000 : 500;
}

/**
 * Reports through the real intake service, one after another as grid workers' phones send them: each in its
 * own transaction, placed in its grid, community, street, district and center by PostGIS, with its reporter,
 * its timeline step, its deadline on the working calendar, the center's notification and the webhook outbox.
 * The reference inserts the same rows' bare incident (code, client id, source, text, point) one by one.
 */
export async function run(context: BenchContext): Promise<BenchResult> {
  const { db } = context.database;
  const total = reportCount(context.database.kind);
  const extent = (await sql<Rectangle>`
    SELECT ST_XMin(e) AS west, ST_YMin(e) AS south, ST_XMax(e) AS east, ST_YMax(e) AS north
    FROM (SELECT ST_Extent(boundary)::geometry AS e FROM grids WHERE parent_grid_id IS NULL) extent`.execute(db)).rows[0]!;
  const random = new SeededRandom(SEED);
  const points = Array.from({ length: total }, () => ({
    lon: extent.west + random.next() * (extent.east - extent.west),
    lat: extent.south + random.next() * (extent.north - extent.south),
  }));
  // A city without centers cannot receive reports; the ones added here are removed at the end.
  const addedCenters = await sql<{ id: number }>`
    INSERT INTO centers (region_id, name) SELECT id, name || '社会治理中心' FROM regions WHERE level IN ('city', 'district', 'street')
    ON CONFLICT (region_id) DO NOTHING RETURNING id`.execute(db);
  const filesDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-bench-files-'));
  const services = createServices(context.database, { filesDirectory, duplicateWindow: { metres: 100, hours: 72 } });
  const actor = systemActor('bench');
  let round = 0;

  try {
    const { task, reference } = await compare(async () => {
      round += 1;
      for (const [index, point] of points.entries()) {
        await services.incidentIntakeService.report(actor, {
          clientId: `${CLIENT_PREFIX}service-${round}-${index}`, description: '基准测试：暴露垃圾', ...point, source: 'resident',
        });
      }
    }, async () => {
      round += 1;
      for (const [index, point] of points.entries()) {
        await sql`
          INSERT INTO incidents (code, client_id, source, description, location)
          VALUES (${`B${round}-${index}`}, ${`${CLIENT_PREFIX}plain-${round}-${index}`}, 'resident', '基准测试：暴露垃圾',
                  ST_SetSRID(ST_MakePoint(${point.lon}, ${point.lat}), 4326))`.execute(db);
      }
    }, { runs: 3 });
    const placed = await sql<{ inGrid: number; flagged: number }>`
      SELECT count(*) FILTER (WHERE grid_id IS NOT NULL)::int AS "inGrid", count(*) FILTER (WHERE flagged_outside_grids)::int AS flagged
      FROM incidents WHERE client_id LIKE ${`${CLIENT_PREFIX}service-%`}`.execute(db);
    return {
      figures: [{
        label: `${integer.format(total)} reports, one transaction each, through the intake service`,
        timing: task,
        reference: { label: 'plain INSERT of the same rows', timing: reference },
        items: { count: total, unit: 'reports' },
      }],
      notes: [
        `${integer.format(total)} points uniform in the grids' extent (seed ${SEED}; BENCH_REPORTS overrides), sent one after another`,
        `each report: grid at the point (lowest code on borders), its regions and center, reporter, timeline step, step deadline on the working calendar, center notification, webhook outbox`,
        `placed over all runs: ${integer.format(placed.rows[0]!.inGrid)} in a grid, ${integer.format(placed.rows[0]!.flagged)} outside every grid (sent to the nearest center, flagged)`,
        `the bench's incidents${addedCenters.rows.length ? ` and the ${addedCenters.rows.length} centers it added` : ''} are deleted afterwards`,
      ],
    };
  } finally {
    await sql`DELETE FROM webhook_deliveries WHERE payload->>'incidentId' IN (SELECT id::text FROM incidents WHERE client_id LIKE ${`${CLIENT_PREFIX}%`})`.execute(db);
    await sql`DELETE FROM notifications WHERE subject_table = 'incidents' AND subject_id IN (SELECT id FROM incidents WHERE client_id LIKE ${`${CLIENT_PREFIX}%`})`.execute(db);
    await sql`DELETE FROM incidents WHERE client_id LIKE ${`${CLIENT_PREFIX}%`}`.execute(db);
    if (addedCenters.rows.length) await sql`DELETE FROM centers WHERE id = ANY(${addedCenters.rows.map((row) => row.id)}::int[])`.execute(db);
    fs.rmSync(filesDirectory, { recursive: true, force: true });
  }
}
