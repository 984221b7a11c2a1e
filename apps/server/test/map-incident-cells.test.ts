// The map cells that serve city-wide incident tiles: after bulk intake, reports through the API, workflow actions,
// moves, deletions and concurrent reports, every cell holds exactly what COUNT(*) over the incidents says, and the
// clusters added up from cells are the clusters made from the incidents themselves.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Jurisdiction } from '@civicgrid/domain';
import { generateBulkIncidents } from '../src/demo/demo-incident-bulk.js';
import { CELL_ZOOM, IncidentCellRepository } from '../src/map/incident-cell.repository.js';
import { PointTileRepository, type IncidentClusterRow } from '../src/map/point-tile.repository.js';
import { tileAt } from '../src/map/tile-address.js';
import { actOk, buildIncidentFixture, IN_GRID_A, IN_GRID_B, report, STREET_A, type IncidentFixture } from './support/incident-fixture.js';
import { startTestApp, type TestContext } from './support/test-app.js';

let context: TestContext;
let fixture: IncidentFixture;

before(async () => {
  context = await startTestApp();
  fixture = await buildIncidentFixture(context);
  await generateBulkIncidents(context.database.db, { count: 2000, seed: 11 });
  // No deadline falls due while the test runs, so that both ways of counting see the same colours.
  await sql`UPDATE incidents SET current_step_deadline = now() + interval '3 hours'
            WHERE current_step_deadline BETWEEN now() - interval '1 minute' AND now() + interval '1 hour'`.execute(context.database.db);
});
after(async () => context.close());

/** Cells whose stored figures differ from what the incidents say now, both ways (a missing cell counts too). */
async function driftedCells() {
  const result = await sql<{ cell_x: number; cell_y: number; region_id: number; status: string; stored: number | null; counted: number | null }>`
    WITH counted AS (
      SELECT incident_map_cell_x(location) AS cell_x, incident_map_cell_y(location) AS cell_y, coalesce(region_id, 0) AS region_id, status,
             count(*)::int AS count, count(*) FILTER (WHERE urgent)::int AS urgent, sum(incident_map_x(location)) AS sum_x, sum(incident_map_y(location)) AS sum_y,
             min(current_step_deadline) FILTER (WHERE status NOT IN ('closed', 'rejected', 'voided', 'merged')) AS first_deadline,
             min(current_step_warning_at) FILTER (WHERE status NOT IN ('closed', 'rejected', 'voided', 'merged')) AS first_warning_at,
             min(id) AS first_id, min(code) AS first_code
      FROM incidents WHERE location IS NOT NULL GROUP BY 1, 2, 3, 4),
    stored AS (SELECT * FROM incident_map_cells WHERE count > 0)
    SELECT coalesce(s.cell_x, c.cell_x) AS cell_x, coalesce(s.cell_y, c.cell_y) AS cell_y, coalesce(s.region_id, c.region_id) AS region_id,
           coalesce(s.status, c.status) AS status, s.count AS stored, c.count AS counted
    FROM stored s FULL JOIN counted c USING (cell_x, cell_y, region_id, status)
    WHERE s.count IS DISTINCT FROM c.count OR s.urgent IS DISTINCT FROM c.urgent
       OR abs(s.sum_x - c.sum_x) > 1e-9 OR abs(s.sum_y - c.sum_y) > 1e-9 OR s.sum_x IS NULL OR c.sum_x IS NULL
       OR s.first_deadline IS DISTINCT FROM c.first_deadline OR s.first_warning_at IS DISTINCT FROM c.first_warning_at
       OR s.first_id IS DISTINCT FROM c.first_id OR s.first_code IS DISTINCT FROM c.first_code`.execute(context.database.db);
  return result.rows;
}

async function assertCellsExact(when: string) {
  const total = await sql<{ stored: number; counted: number }>`
    SELECT (SELECT coalesce(sum(count), 0)::int FROM incident_map_cells) AS stored,
           (SELECT count(*)::int FROM incidents WHERE location IS NOT NULL) AS counted`.execute(context.database.db);
  assert.deepEqual(await driftedCells(), [], `${when}: cells that differ from the incidents`);
  assert.equal(total.rows[0]!.stored, total.rows[0]!.counted, `${when}: incidents counted in cells`);
}

test('after bulk intake, API reports, workflow actions, moves, deletions and concurrent reports the cells equal the incidents', async () => {
  await assertCellsExact('after 2,000 bulk incidents');
  const { db } = context.database;

  const reported = await report(context, fixture.sessions.worker, { categoryId: await fixture.categoryId('SJ0102') });
  assert.equal(reported.statusCode, 201, reported.body);
  const incident = reported.json();
  await assertCellsExact('after a report through the API');
  await actOk(context, fixture.sessions.operator, incident.id, { action: 'register' });
  await actOk(context, fixture.sessions.operator, incident.id, { action: 'dispatch', leadDepartmentId: fixture.departments.lead });
  await actOk(context, fixture.sessions.operator, incident.id, { action: 'flag_urgent', urgent: true, note: '涉及学生上学通道' });
  await assertCellsExact('after register, dispatch and flag urgent');

  // Many at once, across cells and regions: closed, moved to the other street, one deadline brought forward.
  await sql`UPDATE incidents SET status = 'closed', closed_at = now(), current_step = NULL WHERE id % 7 = 0 AND status IN ('handling', 'handled')`.execute(db);
  await sql`UPDATE incidents SET location = ST_SetSRID(ST_MakePoint(${IN_GRID_B.lon} + (id % 10) * 0.0005, ${IN_GRID_B.lat}), 4326)
            WHERE id % 11 = 0`.execute(db);
  await sql`UPDATE incidents SET current_step_deadline = now() - interval '1 hour', current_step_warning_at = now() - interval '2 hours'
            WHERE id = (SELECT min(id) FROM incidents WHERE status = 'handling')`.execute(db);
  await assertCellsExact('after bulk updates');
  await sql`DELETE FROM incidents WHERE id % 13 = 0 AND id NOT IN (SELECT merged_into_incident_id FROM incidents WHERE merged_into_incident_id IS NOT NULL)
            AND NOT EXISTS (SELECT 1 FROM incident_steps s WHERE s.incident_id = incidents.id)`.execute(db);
  await assertCellsExact('after deletions');

  // Reports arriving together land in the same cells: none is lost or counted twice.
  const categoryId = await fixture.categoryId('SJ0102');
  const together = await Promise.all(Array.from({ length: 8 }, (_, index) =>
    report(context, index % 2 ? fixture.sessions.worker : fixture.sessions.operator, { categoryId, lon: IN_GRID_A.lon + index * 0.0001, lat: IN_GRID_A.lat })));
  for (const response of together) assert.equal(response.statusCode, 201, response.body);
  await assertCellsExact('after 8 concurrent reports');
});

const sortClusters = (rows: IncidentClusterRow[]) => [...rows].sort((a, b) => a.x - b.x || a.y - b.y);

/** What a cluster shows besides its position; the one incident's id, code and status only on a cluster of one. */
function figuresOf({ x: _x, y: _y, id, code, status, ...figures }: IncidentClusterRow) {
  return figures.count === 1 ? { ...figures, id, code, status } : figures;
}

test('clusters added up from cells are the clusters made from the incidents, at every zoom the cells serve', async () => {
  const cells = new IncidentCellRepository();
  const points = new PointTileRepository();
  const streetPath = (await sql<{ path: string }>`SELECT path FROM regions WHERE code = ${STREET_A}`.execute(context.database.db)).rows[0]!.path;
  const viewers: Jurisdiction[] = [{ kind: 'everywhere' }, { kind: 'region', regionPath: streetPath }];
  let compared = 0;
  for (let z = 6; z <= CELL_ZOOM; z += 1) {
    for (const jurisdiction of viewers) {
      for (const scope of ['open', 'all'] as const) {
        const tile = tileAt(IN_GRID_A.lon, IN_GRID_A.lat, z);
        const fromCells = sortClusters(await cells.incidentClusters(context.database.db, tile, jurisdiction, scope));
        const fromIncidents = sortClusters(await points.incidentClusters(context.database.db, tile, { jurisdiction, userId: null }, scope));
        const where = `z${z} ${jurisdiction.kind} ${scope}`;
        assert.ok(fromIncidents.length > 0, `${where}: the tile has incidents`);
        assert.equal(fromCells.length, fromIncidents.length, `${where}: clusters`);
        fromCells.forEach((cluster, index) => {
          const expected = fromIncidents[index]!;
          assert.ok(Math.abs(cluster.x - expected.x) <= 1 && Math.abs(cluster.y - expected.y) <= 1, `${where}: position ${cluster.x},${cluster.y} vs ${expected.x},${expected.y}`);
          assert.deepEqual(figuresOf(cluster), figuresOf(expected), `${where}: cluster at ${cluster.x},${cluster.y}`);
        });
        compared += fromCells.length;
      }
    }
  }
  assert.ok(compared > 50, `compared ${compared} clusters`);
});

test('a street operator\'s city-wide tile from cells holds only their street\'s incidents', async () => {
  const tile = tileAt(IN_GRID_A.lon, IN_GRID_A.lat, 8);
  const response = await context.inject({ url: `/api/tiles/incidents/${tile.z}/${tile.x}/${tile.y}.mvt?scope=all`, as: fixture.sessions.operator });
  assert.equal(response.statusCode, 200, response.body);
  const { VectorTile } = await import('@mapbox/vector-tile');
  const { PbfReader } = await import('pbf');
  const layer = new VectorTile(new PbfReader(response.rawPayload)).layers.incidents!;
  const shown = Array.from({ length: layer.length }, (_, index) => Number(layer.feature(index).properties.count)).reduce((sum, count) => sum + count, 0);
  const expected = await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM incidents i JOIN regions r ON r.id = i.region_id CROSS JOIN regions street
    WHERE i.status <> 'merged' AND i.location IS NOT NULL AND (r.path = street.path OR r.path LIKE street.path || '/%')
      AND street.code = ${STREET_A}`.execute(context.database.db);
  assert.ok(expected.rows[0]!.count > 0);
  assert.equal(shown, expected.rows[0]!.count);
});
