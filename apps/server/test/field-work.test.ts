// The grid worker app's patrols and home screen: a patrol's track, distance and grid from the phone's fixes, retried
// uploads, what is waiting for the worker (counted as the database holds it), their grids, the visits due, and
// finding a person or house to visit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanTrack, trackDistanceMetres } from '@civicgrid/domain';
import { sql } from 'kysely';
import { chinaToday } from '../src/all-clears/all-clear.service.js';
import { buildFieldWorkFixture, chinaDay, countRows, GRID_A, GRID_A2, type FieldWorkFixture } from './support/field-work-fixture.js';
import { newClientId, report, STREET_A } from './support/incident-fixture.js';
import { startTestApp, type Session, type TestContext } from './support/test-app.js';

let context: TestContext;
let fixture: FieldWorkFixture;

before(async () => {
  context = await startTestApp();
  fixture = await buildFieldWorkFixture(context);
});
after(async () => context.close());

const get = (url: string, as: Session) => context.inject({ method: 'GET', url, as });
const minutesAgo = (minutes: number, seconds = 0) => new Date(Date.now() - minutes * 60_000 + seconds * 1000).toISOString();

/** A walk north through grid A, one fix a minute, with a poor fix and a GPS jump the server must leave out. */
const walkInGridA = [
  { lon: 118.005, lat: 36.801, at: minutesAgo(10), accuracy: 8 },
  { lon: 118.005, lat: 36.802, at: minutesAgo(9), accuracy: 12 },
  { lon: 118.0065, lat: 36.8025, at: minutesAgo(8, 30), accuracy: 150 },
  { lon: 118.09, lat: 36.8025, at: minutesAgo(8, 40), accuracy: 5 },
  { lon: 118.005, lat: 36.803, at: minutesAgo(8), accuracy: 10 },
];

const upload = (as: Session, payload: Record<string, unknown>) => context.inject({ method: 'POST', url: '/api/patrols', as, payload });

test('a patrol is stored with the distance of its good fixes, in the worker’s grid; a retry returns it and stores nothing more', async () => {
  const clientId = newClientId();
  const body = { clientId, startedAt: minutesAgo(10), endedAt: minutesAgo(7), points: walkInGridA, note: '沿新华路巡查' };
  const response = await upload(fixture.sessions.worker, body);
  assert.equal(response.statusCode, 201, response.body);
  const patrol = response.json();
  const expected = trackDistanceMetres(cleanTrack(walkInGridA.map((point) => ({ ...point, at: new Date(point.at) }))));
  assert.ok(Math.abs(patrol.distanceMetres - 222.4) < 1, `about 222 m walked, not ${patrol.distanceMetres}`);
  assert.ok(Math.abs(patrol.distanceMetres - expected) < 0.1, 'the same distance the phone shows');
  assert.deepEqual([patrol.gridCode, patrol.pointCount, patrol.durationSeconds, patrol.gridMemberName], [GRID_A, 3, 180, '甲网格员']);

  const patrols = await countRows(context, 'patrols');
  const again = await upload(fixture.sessions.worker, body);
  assert.equal(again.statusCode, 200);
  assert.deepEqual(again.json(), patrol);
  assert.equal(await countRows(context, 'patrols'), patrols);

  const track = await get(`/api/patrols/${patrol.id}/track.geojson`, fixture.sessions.worker);
  assert.equal(track.statusCode, 200, track.body);
  assert.equal(track.json().geometry.type, 'LineString');
  assert.deepEqual(track.json().geometry.coordinates, [[118.005, 36.801], [118.005, 36.802], [118.005, 36.803]]);
  assert.equal(track.json().properties.id, patrol.id);
});

test('a worker of two grids gets the patrol in the grid holding most of the track; a lone fix draws no track', async () => {
  const across = [
    { lon: 118.009, lat: 36.805, at: minutesAgo(20) },
    { lon: 118.011, lat: 36.805, at: minutesAgo(19) },
    { lon: 118.015, lat: 36.805, at: minutesAgo(17) },
    { lon: 118.018, lat: 36.805, at: minutesAgo(15) },
  ];
  const response = await upload(fixture.twoGridWorker, { clientId: newClientId(), startedAt: minutesAgo(20), endedAt: minutesAgo(15), points: across });
  assert.equal(response.statusCode, 201, response.body);
  assert.equal(response.json().gridCode, GRID_A2, '100 m in grid A, 700 m in grid A2');

  const lone = await upload(fixture.twoGridWorker, { clientId: newClientId(), startedAt: minutesAgo(5), endedAt: minutesAgo(4), points: [{ lon: 118.005, lat: 36.805, at: minutesAgo(5) }] });
  assert.equal(lone.statusCode, 201, lone.body);
  assert.deepEqual([lone.json().gridCode, lone.json().pointCount, lone.json().distanceMetres], [GRID_A, 1, 0]);
  assert.equal((await get(`/api/patrols/${lone.json().id}/track.geojson`, fixture.twoGridWorker)).json().geometry, null);
});

test('bad patrols are refused with a stable code and store nothing; only grid workers record patrols', async () => {
  const patrols = await countRows(context, 'patrols');
  const backwards = await upload(fixture.sessions.worker, { clientId: newClientId(), startedAt: minutesAgo(5), endedAt: minutesAgo(10), points: [] });
  assert.equal(backwards.statusCode, 400);
  assert.equal(backwards.json().code, 'request.invalid');
  const future = await upload(fixture.sessions.worker, { clientId: newClientId(), startedAt: minutesAgo(5), endedAt: new Date(Date.now() + 3_600_000).toISOString(), points: [] });
  assert.equal(future.json().code, 'patrol.in_future');
  const operator = await upload(fixture.sessions.operator, { clientId: newClientId(), startedAt: minutesAgo(5), endedAt: minutesAgo(1), points: [] });
  assert.equal(operator.statusCode, 403);
  assert.equal(await countRows(context, 'patrols'), patrols);
});

test('patrol lists: my own, a grid’s, and an operator’s area; another street sees none of them', async () => {
  const mine = (await get('/api/patrols?mine=true', fixture.sessions.worker)).json();
  assert.equal(mine.total, 1);
  assert.equal(mine.items[0].note, '沿新华路巡查');
  const gridA2 = (await get(`/api/patrols?gridCode=${GRID_A2}`, fixture.sessions.operator)).json();
  assert.deepEqual(gridA2.items.map((patrol: { gridCode: string }) => patrol.gridCode), [GRID_A2]);
  assert.equal((await get('/api/patrols', fixture.sessions.operator)).json().total, 3);
  assert.equal((await get('/api/patrols', fixture.sessions.otherOperator)).json().total, 0);
  assert.equal((await get('/api/patrols', fixture.sessions.otherWorker)).json().total, 0);
  const first = mine.items[0].id;
  assert.equal((await get(`/api/patrols/${first}/track.geojson`, fixture.sessions.otherWorker)).statusCode, 404);
  assert.equal((await get(`/api/patrols?gridCode=${GRID_A}`, fixture.sessions.otherOperator)).statusCode, 404);
});

/** What the database holds for a worker, counted the plain way, to hold the task counts against. */
async function expectedTasks(userId: number, gridMemberId: number) {
  const today = chinaToday();
  const { db } = context.database;
  const dueRows = await sql<{ count: number }>`
    SELECT (SELECT count(*) FROM persons p JOIN grids g ON g.id = p.grid_id JOIN user_grids ug ON ug.grid_id = g.id AND ug.user_id = ${userId}
            WHERE p.deregistered_on IS NULL AND p.next_visit_on <= ${today}::date AND p.last_visited_at IS NULL)
         + (SELECT count(*) FROM houses h JOIN buildings b ON b.id = h.building_id JOIN user_grids ug ON ug.grid_id = b.grid_id AND ug.user_id = ${userId}
            WHERE h.deregistered_on IS NULL AND h.next_visit_on <= ${today}::date AND h.last_visited_at IS NULL) AS count`.execute(db);
  const directives = await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM directive_targets t JOIN directives d ON d.id = t.directive_id
    WHERE t.grid_member_id = ${gridMemberId} AND t.state <> 'completed' AND d.status = 'issued'`.execute(db);
  const verifications = await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM incidents i JOIN user_grids ug ON ug.grid_id = i.grid_id AND ug.user_id = ${userId}
    WHERE i.status = 'handled' AND NOT i.self_handled`.execute(db);
  return { visitsDue: Number(dueRows.rows[0]!.count), directives: directives.rows[0]!.count, verifications: verifications.rows[0]!.count };
}

async function workerIds(username: string) {
  const result = await sql<{ id: number; gridMemberId: number }>`SELECT id, grid_member_id AS "gridMemberId" FROM users WHERE username = ${username}`.execute(context.database.db);
  return result.rows[0]!;
}

test('the task counts are what the database holds, and follow what the worker does', async () => {
  const worker = await workerIds('two.grid.worker');
  const session = fixture.twoGridWorker;
  const before = (await get('/api/field/tasks', session)).json();
  const expected = await expectedTasks(worker.id, worker.gridMemberId);
  assert.deepEqual(before, { ...expected, allClearsMissing: 2 });
  assert.equal(before.visitsDue, 2, 'the person due yesterday and the house due today; not tomorrow’s, the deregistered one or the other street’s');

  const directive = await context.inject({
    method: 'POST', url: '/api/directives', as: fixture.sessions.operator,
    payload: { title: '入户走访', content: '走访辖区独居老人', kind: 'visit', regionCode: STREET_A, dueAt: new Date(Date.now() + 86_400_000).toISOString() },
  });
  assert.equal(directive.statusCode, 201, directive.body);
  const allClear = await context.inject({ method: 'POST', url: '/api/all-clears', as: session, payload: { clientId: newClientId(), gridCode: GRID_A2 } });
  assert.equal(allClear.statusCode, 201, allClear.body);
  const reported = await report(context, session, {});
  assert.equal(reported.statusCode, 201, reported.body);
  await sql`UPDATE incidents SET status = 'handled' WHERE id = ${reported.json().id}`.execute(context.database.db);

  const after = (await get('/api/field/tasks', session)).json();
  assert.deepEqual(after, { ...(await expectedTasks(worker.id, worker.gridMemberId)), allClearsMissing: 0 });
  assert.deepEqual([after.directives, after.verifications], [before.directives + 1, before.verifications + 1]);
  const queue = (await get('/api/incidents?queue=verification', session)).json();
  assert.equal(after.verifications, queue.total, 'the same incidents the verification queue lists');

  const grids = (await get('/api/field/grids', session)).json();
  assert.deepEqual(grids.map((grid: { code: string; reportedToday: boolean; persons: number; openIncidents: number }) =>
    [grid.code, grid.reportedToday, grid.persons, grid.openIncidents]), [[GRID_A, true, 2, 1], [GRID_A2, true, 0, 0]]);
  assert.equal((await get('/api/field/tasks', fixture.sessions.operator)).statusCode, 403, 'an operator has no field tasks');
});

test('the visits due are the worker’s grids’ persons and houses planned for today or earlier, soonest first', async () => {
  const due = (await get('/api/field/visits-due', fixture.sessions.worker)).json();
  assert.equal(due.total, 2);
  assert.deepEqual(due.items.map((item: { targetKind: string; targetId: number; nextVisitOn: string }) => [item.targetKind, item.targetId, item.nextVisitOn]), [
    ['person', fixture.personDue, chinaDay(-1)],
    ['house', fixture.house, chinaDay(0)],
  ]);
  assert.equal(due.items[1].label, '甲楼-1-101');
  assert.equal(due.items[1].address, '新华路8号');
  const other = (await get('/api/field/visits-due', fixture.sessions.otherWorker)).json();
  assert.deepEqual(other.items.map((item: { targetId: number }) => item.targetId), [fixture.personElsewhere]);
});

test('search finds persons and houses of my grids only, with the values a visit may correct, phones masked', async () => {
  const byName = (await get(`/api/field/search?q=${encodeURIComponent('张建国')}`, fixture.sessions.worker)).json();
  assert.equal(byName.length, 1);
  assert.deepEqual({ ...byName[0], values: undefined }, {
    kind: 'person', id: fixture.personDue, label: '张建国', address: '新华路1号', gridCode: GRID_A, version: 1, values: undefined,
  });
  assert.equal(byName[0].values.mobile, '138****0001');
  assert.equal(byName[0].values.workplace, '齐鲁石化');
  assert.ok(!('name' in byName[0].values) && !('idNumber' in byName[0].values), 'identity is not corrected on a visit');
  assert.ok(!('residencePermitNumber' in byName[0].values), 'a registered person has no residence permit');

  const byPhoneTail = (await get('/api/field/search?q=0001', fixture.sessions.worker)).json();
  assert.deepEqual(byPhoneTail.map((result: { id: number }) => result.id), [fixture.personDue]);
  const byAddress = (await get(`/api/field/search?q=${encodeURIComponent('新华路8号')}`, fixture.sessions.worker)).json();
  assert.deepEqual(byAddress.map((result: { kind: string; id: number; values: unknown }) => [result.kind, result.id, result.values]), [
    ['house', fixture.house, { use: 'self_occupied', areaSquareMetres: null }],
  ]);
  assert.deepEqual((await get(`/api/field/search?q=${encodeURIComponent('张建国')}`, fixture.sessions.otherWorker)).json(), []);
  assert.equal((await get(`/api/field/search?q=${encodeURIComponent('张')}`, fixture.sessions.worker)).statusCode, 400);
});
