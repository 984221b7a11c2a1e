// The command map's vector tiles, decoded as MapLibre decodes them: boundaries where they lie, incidents clustered
// with their worst deadline colour, everything cut to the caller's jurisdiction, ETags that change when a grid does.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { sql } from 'kysely';
import { systemActor } from '@civicgrid/domain';
import { tileAt } from '../src/map/tile-address.js';
import { polygon, regionService } from './support/factories.js';
import { startTestApp, type Session, type TestContext } from './support/test-app.js';

const A_GRID = '370303001001001';
const B_GRID = '370302001001001';
const A_POINT = { lon: 118.005, lat: 36.805 };
const Z = 14;
const A_TILE = tileAt(A_POINT.lon, A_POINT.lat, Z);

let context: TestContext;
let aOperator: Session;
let bOperator: Session;
let handler: Session;
let codeCounter = 0;

before(async () => {
  context = await startTestApp();
  await regionService(context.database).importCity(systemActor('test'), '370300', { districtCodes: ['370303', '370302'] });
  for (const [code, box] of [[A_GRID, polygon(118.0, 36.8, 118.01, 36.81)], [B_GRID, polygon(118.011, 36.8, 118.02, 36.81)]] as const) {
    const created = await context.inject({ method: 'POST', url: '/api/grids', payload: { code, name: `网格${code.slice(-9)}`, boundary: box } });
    assert.equal(created.statusCode, 201, created.body);
  }
  await sql`UPDATE regions SET boundary = ST_Multi(ST_MakeEnvelope(117.9, 36.7, 118.1, 36.9, 4326)) WHERE code = '370303'`.execute(context.database.db);
  await context.createUser('a.operator', { role: 'district_operator', regionCode: '370303' });
  await context.createUser('b.operator', { role: 'district_operator', regionCode: '370302' });
  const department = await sql<{ id: number }>`
    INSERT INTO departments (region_id, name, level) SELECT id, '甲部门', 'district' FROM regions WHERE code = '370303' RETURNING id`.execute(context.database.db);
  await context.createUser('handler', { role: 'department_handler', departmentId: department.rows[0]!.id });
  [aOperator, bOperator, handler] = [await context.loginAs('a.operator'), await context.loginAs('b.operator'), await context.loginAs('handler')];
});
after(async () => context.close());

/** An incident placed straight into the table, its running step `deadlineHours` from now (negative: overdue). */
async function insertIncident(gridCode: string, lon: number, lat: number, status: string, deadlineHours: number | null) {
  codeCounter += 1;
  await sql`
    INSERT INTO incidents (code, source, status, description, location, grid_id, region_id, current_step_deadline, current_step_warning_at, status_before_suspension)
    SELECT ${`MAPTEST${codeCounter}`}, 'grid_worker', ${status}, '测试事件', ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326), g.id, g.community_id,
           now() + make_interval(hours => ${deadlineHours ?? 0}), now() + make_interval(hours => ${(deadlineHours ?? 0) - 2}),
           CASE WHEN ${status} = 'suspended' THEN 'dispatched' END
    FROM grids g WHERE g.code = ${gridCode}`.execute(context.database.db);
}

async function fetchTile(layer: string, tile = A_TILE, as: Session | null | undefined = undefined, query = '') {
  return context.inject({ url: `/api/tiles/${layer}/${tile.z}/${tile.x}/${tile.y}.mvt${query}`, as });
}

function decode(body: Buffer, layer: string) {
  const decoded = new VectorTile(new PbfReader(body)).layers[layer];
  if (!decoded) return [];
  return Array.from({ length: decoded.length }, (_, index) => {
    const feature = decoded.feature(index);
    return { properties: feature.properties, geometry: feature.loadGeometry().map((ring) => ring.map((point) => [point.x, point.y])), type: feature.type };
  });
}

/** Where a longitude/latitude falls in the tile, in tile units (4096 across). */
function inTile(lon: number, lat: number, tile = A_TILE) {
  const size = 2 ** tile.z;
  const radians = (lat * Math.PI) / 180;
  return [
    Math.round((((lon + 180) / 360) * size - tile.x) * 4096),
    Math.round((((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * size - tile.y) * 4096),
  ];
}

test('a grid tile holds the grid where it lies, in tile units, with its code and name; out-of-range tiles are refused', async () => {
  const response = await fetchTile('grids');
  assert.equal(response.statusCode, 200, response.body);
  assert.equal(response.headers['content-type'], 'application/vnd.mapbox-vector-tile');
  const grid = decode(response.rawPayload, 'grids').find((feature) => feature.properties.code === A_GRID);
  assert.ok(grid, 'grid A is in its tile');
  assert.equal(grid.type, 3, 'a polygon');
  assert.equal(grid.properties.name, '网格001001001');
  const corners = grid.geometry[0]!;
  const [west, north] = inTile(118.0, 36.81);
  const [east, south] = inTile(118.01, 36.8);
  // Clipped where it passes the tile's 64-unit buffer, otherwise exactly on its own edges.
  const onEdge = (value: number, edges: number[]) => edges.some((edge) => Math.abs(value - edge) <= 1);
  for (const [x, y] of corners) {
    assert.ok(onEdge(x!, [west!, east!, -64, 4160]), `x ${x} is on the west or east edge`);
    assert.ok(onEdge(y!, [north!, south!, -64, 4160]), `y ${y} is on the north or south edge`);
  }
  assert.ok(corners.some(([x]) => onEdge(x!, [west!])) && corners.some(([x]) => onEdge(x!, [east!])), 'both sides of the grid lie in the tile');
  const low = await fetchTile('grids', tileAt(A_POINT.lon, A_POINT.lat, 9));
  assert.equal(decode(low.rawPayload, 'grids').length, 0, 'no grids at city zoom');
  const regions = decode((await fetchTile('regions', tileAt(A_POINT.lon, A_POINT.lat, 9))).rawPayload, 'regions');
  assert.ok(regions.some((feature) => feature.properties.code === '370303' && feature.properties.level === 'district'));
  assert.equal((await context.inject({ url: '/api/tiles/grids/3/8/0.mvt' })).statusCode, 400);
});

test('boundary tiles carry a version ETag: unchanged they answer 304, a grid edit changes the tag and the tile', async () => {
  const first = await fetchTile('grids');
  const etag = String(first.headers.etag);
  assert.match(String(first.headers['cache-control']), /private/);
  const again = await context.inject({ url: `/api/tiles/grids/${Z}/${A_TILE.x}/${A_TILE.y}.mvt`, headers: { 'if-none-match': etag } });
  assert.equal(again.statusCode, 304);

  const index = (await context.inject({ url: '/api/tiles' })).json();
  const gridsUrl: string = index.layers.find((layer: { name: string }) => layer.name === 'grids').tiles[0];
  const versioned = await context.inject({ url: gridsUrl.replace('{z}/{x}/{y}', `${Z}/${A_TILE.x}/${A_TILE.y}`) });
  assert.match(String(versioned.headers['cache-control']), /max-age=86400/, 'a URL naming the current version may be cached');

  const edited = await context.inject({ method: 'PATCH', url: `/api/grids/${A_GRID}`, payload: { name: '改名后的网格' } });
  assert.equal(edited.statusCode, 200, edited.body);
  const after = await fetchTile('grids');
  assert.notEqual(after.headers.etag, etag);
  assert.equal(decode(after.rawPayload, 'grids').find((feature) => feature.properties.code === A_GRID)?.properties.name, '改名后的网格');
});

test('incidents are clustered per cell with their count, worst deadline colour and stages; close up each stands alone', async () => {
  await insertIncident(A_GRID, 118.0051, 36.8051, 'dispatched', -1);
  await insertIncident(A_GRID, 118.0052, 36.8052, 'registered', 1);
  await insertIncident(A_GRID, 118.0053, 36.8051, 'handling', 48);
  await insertIncident(A_GRID, 118.0054, 36.8053, 'closed', null);
  await insertIncident(B_GRID, 118.015, 36.805, 'reported', 48);

  const clusters = decode((await fetchTile('incidents')).rawPayload, 'incidents');
  const a = clusters.find((feature) => Number(feature.properties.count) === 3);
  assert.ok(a, `three open incidents of grid A in one cluster: ${JSON.stringify(clusters.map((feature) => feature.properties))}`);
  assert.equal(a.properties.colour, 'red', 'the overdue one colours the cluster');
  assert.equal(a.properties.handling, 2);
  assert.equal(a.properties.pending, 1);
  assert.equal(a.properties.stage, 'handling');
  const [x, y] = inTile(118.0052, (36.8051 + 36.8052 + 36.8051) / 3);
  assert.ok(Math.abs(a.geometry[0]![0]![0]! - x!) <= 2 && Math.abs(a.geometry[0]![0]![1]! - y!) <= 2, `at the mean position ${x},${y}: ${a.geometry[0]![0]}`);
  const total = clusters.reduce((sum, feature) => sum + Number(feature.properties.count), 0);
  assert.equal(total, 4, 'the closed one is left out');

  const all = decode((await fetchTile('incidents', A_TILE, undefined, '?scope=all')).rawPayload, 'incidents');
  assert.equal(all.reduce((sum, feature) => sum + Number(feature.properties.count), 0), 5, 'scope=all shows closed ones too');

  const close = decode((await fetchTile('incidents', tileAt(118.0052, 36.8052, 18))).rawPayload, 'incidents');
  assert.ok(close.length >= 2, 'far closer, the incidents come apart');
  const single = close.find((feature) => feature.properties.count === 1 && feature.properties.status === 'dispatched');
  assert.ok(single && String(single.properties.code).startsWith('MAPTEST'), 'a single incident names itself');
});

test('tiles hold only the caller’s jurisdiction, whatever another caller had cached', async () => {
  await sql`
    WITH member AS (INSERT INTO grid_members (name) VALUES ('甲网格员') RETURNING id),
    assigned AS (INSERT INTO grid_member_assignments (grid_member_id, grid_id, role) SELECT member.id, g.id, 'full_time_grid_worker' FROM member, grids g WHERE g.code = ${A_GRID})
    INSERT INTO grid_member_positions (grid_member_id, location, reported_at) SELECT id, ST_SetSRID(ST_MakePoint(118.004, 36.804), 4326), now() - interval '5 minutes' FROM member`.execute(context.database.db);
  await sql`
    INSERT INTO places (grid_id, name, kind, location) SELECT id, '甲农贸市场', 'market', ST_SetSRID(ST_MakePoint(118.006, 36.806), 4326) FROM grids WHERE code = ${A_GRID}`.execute(context.database.db);
  await fetchTile('grids');
  for (const [layer, marker] of [['grids', A_GRID], ['incidents', '"count"'], ['positions', '甲网格员'], ['places', '甲农贸市场']] as const) {
    const own = await fetchTile(layer, A_TILE, aOperator);
    assert.equal(own.statusCode, 200);
    assert.ok(decode(own.rawPayload, layer).length > 0, `${layer}: A's operator sees A`);
    const other = await fetchTile(layer, A_TILE, bOperator);
    assert.equal(other.statusCode, 200);
    const seen = decode(other.rawPayload, layer).map((feature) => feature.properties);
    assert.ok(seen.every((properties) => properties.code !== A_GRID && properties.name !== '甲网格员' && properties.name !== '甲农贸市场'), `${layer} of B: ${JSON.stringify(seen)}`);
    if (layer !== 'grids' && layer !== 'incidents') assert.ok(!other.body.includes(marker));
  }
  const bIncidents = decode((await fetchTile('incidents', A_TILE, bOperator)).rawPayload, 'incidents');
  assert.equal(bIncidents.reduce((sum, feature) => sum + Number(feature.properties.count), 0), 1, 'B sees only its own incident');
  const bGrids = decode((await fetchTile('grids', A_TILE, bOperator)).rawPayload, 'grids');
  assert.deepEqual(bGrids.map((feature) => feature.properties.code), [B_GRID]);
});

test('a layer needs its permission: a department handler sees no key places, an anonymous caller nothing', async () => {
  assert.equal((await fetchTile('places', A_TILE, handler)).statusCode, 403);
  assert.equal((await fetchTile('grids', A_TILE, null)).statusCode, 401);
  const index = (await context.inject({ url: '/api/tiles', as: handler })).json();
  assert.ok(!index.layers.some((layer: { name: string }) => layer.name === 'places'));
});

test('on PostgreSQL, the area geometry is what PostGIS’s own ST_AsMVTGeom makes of it', async (t) => {
  if (context.database.kind !== 'postgres') {
    t.skip('ST_AsMVTGeom exists only where PostGIS has protobuf (not in PGlite)');
    return;
  }
  const ours = decode((await fetchTile('grids')).rawPayload, 'grids').find((feature) => feature.properties.code === B_GRID)!;
  const reference = await sql<{ tile: Buffer }>`
    SELECT ST_AsMVT(q, 'grids') AS tile FROM (
      SELECT g.code, ST_AsMVTGeom(ST_Transform(g.boundary, 3857), ST_TileEnvelope(${Z}, ${A_TILE.x}, ${A_TILE.y}), 4096, 64, true) AS geom
      FROM grids g WHERE g.code = ${B_GRID}) q`.execute(context.database.db);
  const theirs = decode(reference.rows[0]!.tile, 'grids')[0]!;
  // The same corners (rings may start at another one) wound the same way.
  const corners = (rings: number[][][]) => rings.map((ring) => [...new Set(ring.map((point) => point.join(',')))].sort());
  const winding = (rings: number[][][]) => rings.map((ring) => Math.sign(ring.reduce((sum, [x, y], index) => {
    const [nextX, nextY] = ring[(index + 1) % ring.length]!;
    return sum + x! * nextY! - nextX! * y!;
  }, 0)));
  assert.deepEqual(corners(ours.geometry), corners(theirs.geometry));
  assert.deepEqual(winding(ours.geometry), winding(theirs.geometry));
});

test('the tile index gives the box the map opens at: where the caller’s drill-down opens, within their own region', async () => {
  for (const session of [aOperator, bOperator]) {
    const index = (await context.inject({ url: '/api/tiles', as: session })).json();
    const drill = (await context.inject({ url: '/api/drill-down', as: session })).json();
    assert.ok(Array.isArray(index.bounds) && index.bounds.length === 4, JSON.stringify(index.bounds));
    assert.deepEqual(index.bounds, drill.node.bbox);
  }
  // the district operator's city is seen through their district's one grid
  const bounds: number[] = (await context.inject({ url: '/api/tiles', as: aOperator })).json().bounds;
  [118.0, 36.8, 118.01, 36.81].forEach((expected, index) => assert.ok(Math.abs(bounds[index]! - expected) < 1e-9, `${bounds.join(',')}`));
});
