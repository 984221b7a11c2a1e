// 视频点位: cameras registered with a position (their grid found by it) and a stream address, kept inside each user's
// jurisdiction, and the cameras nearest to an incident by metres on the ground.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { buildIncidentFixture, GRID_A, GRID_B, IN_GRID_A, IN_GRID_B, report, type IncidentFixture } from './support/incident-fixture.js';
import { startTestApp, type Session, type TestContext } from './support/test-app.js';

let context: TestContext;
let fixture: IncidentFixture;

before(async () => {
  context = await startTestApp();
  fixture = await buildIncidentFixture(context);
});
after(async () => context.close());

const create = (as: Session, payload: Record<string, unknown>) =>
  context.inject({ method: 'POST', url: '/api/cameras', as, payload: { name: '测试点位', streamUrl: 'rtsp://10.0.0.8:554/stream1', ...IN_GRID_A, ...payload } });

test('an operator registers a camera in their street; its grid is found by the point; only rtsp/http(s) streams are taken', async () => {
  const response = await create(fixture.sessions.operator, { name: '新华路口东', deviceCode: '37030300001320000001' });
  assert.equal(response.statusCode, 201, response.body);
  const camera = response.json();
  assert.deepEqual([camera.gridCode, camera.status, camera.lon, camera.lat], [GRID_A, 'online', IN_GRID_A.lon, IN_GRID_A.lat]);
  for (const streamUrl of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://host/x', 'not a url']) {
    assert.equal((await create(fixture.sessions.operator, { streamUrl })).statusCode, 400, streamUrl);
  }
  assert.equal((await create(fixture.sessions.operator, { streamUrl: 'https://video.example.cn/live/1.m3u8' })).statusCode, 201);
  assert.equal((await create(fixture.sessions.operator, { lon: 117.5, lat: 36.5 })).json().code, 'camera.outside_grids');
  assert.equal((await create(fixture.sessions.operator, IN_GRID_B)).statusCode, 403, 'not in another street');
  assert.equal((await create(fixture.sessions.leader, {})).statusCode, 403, 'leaders look, operators keep the register');
});

test('lists, changes and removals stay inside the jurisdiction; a moved camera finds its new grid', async () => {
  const camera = (await create(fixture.sessions.districtOperator, { name: '待移动点位' })).json();
  const own = (await context.inject({ method: 'GET', url: '/api/cameras?q=待移动', as: fixture.sessions.operator })).json();
  assert.deepEqual(own.items.map((item: { id: number }) => item.id), [camera.id]);
  const other = (await context.inject({ method: 'GET', url: '/api/cameras', as: fixture.sessions.otherOperator })).json();
  assert.equal(other.total, 0);
  assert.equal((await context.inject({ method: 'PATCH', url: `/api/cameras/${camera.id}`, as: fixture.sessions.otherOperator, payload: { name: 'x' } })).statusCode, 404);
  const moved = await context.inject({ method: 'PATCH', url: `/api/cameras/${camera.id}`, as: fixture.sessions.districtOperator, payload: { ...IN_GRID_B, status: 'fault' } });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.deepEqual([moved.json().gridCode, moved.json().status, moved.json().name], [GRID_B, 'fault', '待移动点位']);
  assert.equal((await context.inject({ method: 'GET', url: `/api/cameras/${camera.id}`, as: fixture.sessions.operator })).statusCode, 404, 'now outside street A');

  const referenced = (await create(fixture.sessions.operator, { name: '告警点位' })).json();
  const incident = (await report(context, fixture.sessions.worker, {})).json();
  await sql`UPDATE incidents SET camera_id = ${referenced.id} WHERE id = ${incident.id}`.execute(context.database.db);
  assert.equal((await context.inject({ method: 'DELETE', url: `/api/cameras/${referenced.id}`, as: fixture.sessions.operator })).json().code, 'camera.in_use');
  assert.equal((await context.inject({ method: 'DELETE', url: `/api/cameras/${camera.id}`, as: fixture.sessions.otherOperator })).statusCode, 204);
  assert.equal((await context.inject({ method: 'GET', url: `/api/cameras/${camera.id}`, as: fixture.sessions.districtOperator })).statusCode, 404);
});

test('the nearest cameras to an incident are ordered by metres (not degrees), skip decommissioned ones and stay in the jurisdiction', async () => {
  await sql`DELETE FROM incidents WHERE camera_id IS NOT NULL`.execute(context.database.db);
  await sql`DELETE FROM cameras`.execute(context.database.db);
  const place = async (name: string, dLon: number, dLat: number, status = 'online') =>
    (await create(fixture.sessions.operator, { name, lon: IN_GRID_A.lon + dLon, lat: IN_GRID_A.lat + dLat, status })).json().id as number;
  // At 36.8°N a degree of longitude is about 89 km and one of latitude about 111 km: 0.0011° east is ~98 m, 0.00092° north ~102 m.
  const east = await place('东侧98米', 0.0011, 0);
  const north = await place('北侧102米', 0, 0.00092);
  const far = await place('西南400米', -0.003, -0.0015);
  await place('已停用近处', 0.0002, 0, 'decommissioned');
  const inB = (await create(fixture.sessions.otherOperator, { name: '乙街道点位', ...IN_GRID_B })).json().id as number;
  const incident = (await report(context, fixture.sessions.worker, {})).json();

  const response = await context.inject({ method: 'GET', url: `/api/incidents/${incident.id}/nearest-cameras?limit=3`, as: fixture.sessions.leader });
  assert.equal(response.statusCode, 200, response.body);
  const nearest = response.json();
  assert.deepEqual(nearest.map((camera: { id: number }) => camera.id), [east, north, far]);
  assert.ok(Math.abs(nearest[0].distanceMetres - 98) <= 2, `${nearest[0].distanceMetres} m`);
  assert.ok(Math.abs(nearest[1].distanceMetres - 102) <= 2, `${nearest[1].distanceMetres} m`);
  const all = (await context.inject({ method: 'GET', url: `/api/incidents/${incident.id}/nearest-cameras?limit=10`, as: fixture.sessions.districtOperator })).json();
  assert.deepEqual(all.map((camera: { id: number }) => camera.id), [east, north, far, inB], 'the district sees street B’s camera too');
  const streetOperator = (await context.inject({ method: 'GET', url: `/api/incidents/${incident.id}/nearest-cameras?limit=10`, as: fixture.sessions.operator })).json();
  assert.ok(!streetOperator.some((camera: { id: number }) => camera.id === inB), 'street A does not see street B’s camera');

  assert.equal((await context.inject({ method: 'GET', url: `/api/incidents/${incident.id}/nearest-cameras`, as: fixture.sessions.otherOperator })).statusCode, 404);
  assert.equal((await context.inject({ method: 'GET', url: `/api/incidents/${incident.id}/nearest-cameras`, as: fixture.sessions.worker })).statusCode, 403);
});
