// 指令: a task sent to every full-time grid worker of an area, completed grid by grid, watched per grid in a list and on
// the map, and kept inside each user's jurisdiction.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { polygon } from './support/factories.js';
import { buildIncidentFixture, GRID_A, GRID_B, newClientId, STREET_A, type IncidentFixture } from './support/incident-fixture.js';
import { startTestApp, type Session, type TestContext } from './support/test-app.js';

const GRID_A_EMPTY = '370303001001002';

let context: TestContext;
let fixture: IncidentFixture;
let directiveId: number;

before(async () => {
  context = await startTestApp();
  fixture = await buildIncidentFixture(context);
  // A second grid in street A with nobody to send a directive to (无人可派).
  const created = await context.inject({ method: 'POST', url: '/api/grids', payload: { code: GRID_A_EMPTY, name: '空缺网格', boundary: polygon(118.01, 36.8, 118.02, 36.81) } });
  assert.equal(created.statusCode, 201, created.body);
});
after(async () => context.close());

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
const issue = (as: Session, payload: Record<string, unknown>) =>
  context.inject({ method: 'POST', url: '/api/directives', as, payload: { title: '汛期隐患排查', content: '排查辖区低洼地带、地下空间积水隐患', kind: 'inspection', dueAt: inAWeek(), ...payload } });
const get = (url: string, as: Session) => context.inject({ method: 'GET', url, as });
const gridStates = (detail: { grids: { gridCode: string; state: string }[] }) => Object.fromEntries(detail.grids.map((grid) => [grid.gridCode, grid.state]));

test('a district operator sends a directive to every grid of the district; the grid workers are notified; a retry makes no second one', async () => {
  const clientId = newClientId();
  const response = await issue(fixture.sessions.districtOperator, { regionCode: '370303', clientId });
  assert.equal(response.statusCode, 201, response.body);
  const directive = response.json();
  directiveId = directive.id;
  assert.equal(directive.status, 'issued');
  assert.deepEqual(directive.progress, { grids: 3, completedGrids: 0, unassignedGrids: 1, targets: 2, completedTargets: 0 });
  assert.deepEqual(gridStates(directive), { [GRID_A]: 'pending', [GRID_A_EMPTY]: 'unassigned', [GRID_B]: 'pending' });
  assert.equal(directive.grids.find((grid: { gridCode: string }) => grid.gridCode === GRID_A).workers[0].name, '甲网格员');

  for (const worker of [fixture.sessions.worker, fixture.sessions.otherWorker]) {
    const notifications = (await get('/api/notifications?limit=10', worker)).json();
    assert.ok(notifications.items.some((item: { subjectTable: string; subjectId: number; title: string }) =>
      item.subjectTable === 'directives' && item.subjectId === directiveId && item.title.includes('汛期隐患排查')));
  }
  const again = await issue(fixture.sessions.districtOperator, { regionCode: '370303', clientId });
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().id, directiveId);
  const targets = await sql<{ count: number }>`SELECT count(*)::int AS count FROM directive_targets WHERE directive_id = ${directiveId}`.execute(context.database.db);
  assert.equal(targets.rows[0]!.count, 3);
});

test('issuing is kept to one’s own area, to issuers, to a future due time and to areas with grids', async () => {
  assert.equal((await issue(fixture.sessions.operator, { regionCode: '370303' })).statusCode, 404, 'a street operator cannot send to the district');
  assert.equal((await issue(fixture.sessions.operator, { regionCode: '370303002' })).statusCode, 404, 'nor to the next street');
  assert.equal((await issue(fixture.sessions.worker, { regionCode: STREET_A })).statusCode, 403);
  assert.equal((await issue(fixture.sessions.handler, { regionCode: STREET_A })).statusCode, 403);
  const past = await issue(fixture.sessions.operator, { regionCode: STREET_A, dueAt: '2026-01-01T00:00:00Z' });
  assert.equal(past.json().code, 'directive.due_in_past');
  const noGrids = await issue(fixture.sessions.districtOperator, { regionCode: '370303003' });
  assert.equal(noGrids.json().code, 'directive.no_grids');
});

test('a street operator follows the district’s directive over their own street’s grids only', async () => {
  const list = (await get('/api/directives', fixture.sessions.operator)).json();
  const item = list.items.find((entry: { id: number }) => entry.id === directiveId);
  assert.deepEqual(item.progress, { grids: 2, completedGrids: 0, unassignedGrids: 1, targets: 1, completedTargets: 0 });
  const other = (await get(`/api/directives/${directiveId}`, fixture.sessions.otherOperator)).json();
  assert.deepEqual(gridStates(other), { [GRID_B]: 'pending' });
  const own = await issue(fixture.sessions.operator, { regionCode: STREET_A, title: '甲街道走访' });
  assert.equal(own.statusCode, 201, own.body);
  assert.equal((await get(`/api/directives/${own.json().id}`, fixture.sessions.otherOperator)).statusCode, 404);
  const otherList = (await get('/api/directives', fixture.sessions.otherOperator)).json();
  assert.ok(!otherList.items.some((entry: { title: string }) => entry.title === '甲街道走访'));
});

test('the grid worker completes their task once; nobody else can complete it; completion shows per grid and on the map', async () => {
  const mine = (await get('/api/directives/mine', fixture.sessions.worker)).json();
  const task = mine.find((entry: { directiveId: number }) => entry.directiveId === directiveId);
  assert.equal(task.state, 'pending');
  assert.equal(task.gridCode, GRID_A);
  const url = `/api/directives/${directiveId}/targets/${task.targetId}/complete`;
  const intruder = await context.inject({ method: 'POST', url, as: fixture.sessions.otherWorker, payload: { note: '冒名' } });
  assert.equal(intruder.statusCode, 404);
  const done = await context.inject({ method: 'POST', url, as: fixture.sessions.worker, payload: { note: '已排查3处，无积水', clientId: newClientId() } });
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.json().state, 'completed');
  const completedAt = done.json().completedAt;
  const repeat = await context.inject({ method: 'POST', url, as: fixture.sessions.worker, payload: { note: '再次提交' } });
  assert.equal(repeat.json().completedAt, completedAt);
  assert.equal(repeat.json().note, '已排查3处，无积水');

  const detail = (await get(`/api/directives/${directiveId}`, fixture.sessions.districtOperator)).json();
  assert.deepEqual(gridStates(detail), { [GRID_A]: 'completed', [GRID_A_EMPTY]: 'unassigned', [GRID_B]: 'pending' });
  assert.deepEqual([detail.progress.completedGrids, detail.progress.completedTargets, detail.status], [1, 1, 'issued']);
  const map = (await get(`/api/directives/${directiveId}/completion.geojson`, fixture.sessions.districtOperator)).json();
  assert.equal(map.type, 'FeatureCollection');
  const features = Object.fromEntries(map.features.map((feature: { properties: { code: string; state: string }; geometry: { type: string } }) =>
    [feature.properties.code, [feature.properties.state, feature.geometry.type]]));
  assert.deepEqual(features, { [GRID_A]: ['completed', 'MultiPolygon'], [GRID_A_EMPTY]: ['unassigned', 'MultiPolygon'], [GRID_B]: ['pending', 'MultiPolygon'] });
});

test('the directive is completed when its last grid worker is done; a past due time shows open grids as overdue', async () => {
  const task = (await get('/api/directives/mine', fixture.sessions.otherWorker)).json().find((entry: { directiveId: number }) => entry.directiveId === directiveId);
  const done = await context.inject({ method: 'POST', url: `/api/directives/${directiveId}/targets/${task.targetId}/complete`, as: fixture.sessions.otherWorker, payload: {} });
  assert.equal(done.statusCode, 200, done.body);
  assert.equal((await get(`/api/directives/${directiveId}`, fixture.sessions.districtOperator)).json().status, 'completed');

  const late = (await issue(fixture.sessions.districtOperator, { regionCode: '370303', title: '逾期指令' })).json();
  await sql`UPDATE directives SET due_at = now() - interval '1 hour' WHERE id = ${late.id}`.execute(context.database.db);
  const detail = (await get(`/api/directives/${late.id}`, fixture.sessions.districtOperator)).json();
  assert.equal(detail.overdue, true);
  assert.deepEqual(gridStates(detail), { [GRID_A]: 'overdue', [GRID_A_EMPTY]: 'unassigned', [GRID_B]: 'overdue' });
  assert.equal((await get('/api/directives/mine', fixture.sessions.operator)).statusCode, 403, 'operators have no tasks of their own');
});
