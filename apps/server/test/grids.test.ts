import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { countRows, importZhangdian, polygon, setBoundary, rectangle } from './support/factories.js';
import { startTestApp, type TestContext } from './support/test-app.js';

const COMMUNITY = '370303001001';
const GRID = `${COMMUNITY}001`;

let context: TestContext;
before(async () => {
  context = await startTestApp();
  await importZhangdian(context.database);
  await setBoundary(context.database, COMMUNITY, rectangle(118.0, 36.8, 118.02, 36.81));
});
after(async () => context.close());

const createGrid = (payload: Record<string, unknown>) => context.inject({ method: 'POST', url: '/api/grids', payload });

test('a grid is created, listed, shown, edited and, once empty, deleted', async () => {
  const created = await createGrid({ code: GRID, name: '新华社区第一网格', householdTarget: 280, boundary: polygon(118.0, 36.8, 118.01, 36.81) });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json().communityName, '新华社区');
  assert.equal(created.json().householdTarget, 280);

  const listed = (await context.inject({ url: '/api/grids?regionCode=370303001' })).json();
  assert.deepEqual(listed.map((grid: { code: string }) => grid.code), [GRID]);
  const street = (await context.inject({ url: '/api/regions/370303001' })).json();
  assert.equal(street.gridCount, 1);

  const edited = await context.inject({ method: 'PATCH', url: `/api/grids/${GRID}`, payload: { name: '新华一格', contactChannel: '微信群：新华一格' } });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.equal(edited.json().name, '新华一格');
  assert.equal(edited.json().contactChannel, '微信群：新华一格');
  const detail = (await context.inject({ url: `/api/grids/${GRID}` })).json();
  assert.deepEqual(detail.actions, ['edit', 'delete', 'manage_members', 'add_building'], 'a city-wide administrator may do everything');

  const building = await context.inject({ method: 'POST', url: '/api/buildings', payload: { name: '1号楼', lon: 118.005, lat: 36.805 } });
  assert.equal(building.statusCode, 201, building.body);
  assert.equal(building.json().gridCode, GRID);
  const refused = await context.inject({ method: 'DELETE', url: `/api/grids/${GRID}` });
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.json().code, 'grid.not_empty');
  assert.equal(await countRows(context.database, 'grids'), 1);
});

test('a new grid overlapping an existing one is refused and nothing is written', async () => {
  const response = await createGrid({ code: `${COMMUNITY}002`, name: '重叠网格', boundary: polygon(118.009, 36.8, 118.02, 36.81) });
  assert.equal(response.statusCode, 400);
  assert.equal(response.json().code, 'grid.layout_rejected');
  assert.deepEqual(response.json().details.problems[0].gridCodes, [GRID, `${COMMUNITY}002`]);
  assert.equal(await countRows(context.database, 'grids'), 1);
});

test('moving a grid boundary moves the buildings that now lie in another grid', async () => {
  const second = await createGrid({ code: `${COMMUNITY}002`, name: '新华社区第二网格', boundary: polygon(118.01, 36.8, 118.02, 36.81) });
  assert.equal(second.statusCode, 201, second.body);
  const shrink = await context.inject({ method: 'PATCH', url: `/api/grids/${GRID}`, payload: { boundary: polygon(118.0, 36.8, 118.004, 36.81) } });
  assert.equal(shrink.statusCode, 200, shrink.body);
  const grow = await context.inject({ method: 'PATCH', url: `/api/grids/${COMMUNITY}002`, payload: { boundary: polygon(118.004, 36.8, 118.02, 36.81) } });
  assert.equal(grow.statusCode, 200, grow.body);
  const buildings = (await context.inject({ url: `/api/grids/${COMMUNITY}002/buildings` })).json();
  assert.deepEqual(buildings.map((building: { name: string }) => building.name), ['1号楼']);
});

test('bad grid input gets a clear 4xx and changes nothing', async () => {
  const wrongCommunity = await createGrid({ code: '999999999999001', name: '无', boundary: polygon(118.0, 36.8, 118.01, 36.81) });
  assert.equal(wrongCommunity.statusCode, 400);
  assert.equal(wrongCommunity.json().code, 'grid.community_not_found');
  const badCode = await createGrid({ code: '12', name: '无', boundary: polygon(118.0, 36.8, 118.01, 36.81) });
  assert.equal(badCode.statusCode, 400);
  const duplicate = await createGrid({ code: GRID, name: '重复', boundary: polygon(118.0, 36.8, 118.001, 36.801) });
  assert.equal(duplicate.statusCode, 409);
  assert.equal(duplicate.json().code, 'grid.code_taken');
  const missing = await context.inject({ method: 'DELETE', url: `/api/grids/${COMMUNITY}009` });
  assert.equal(missing.statusCode, 404);
  const outside = await context.inject({ method: 'POST', url: '/api/buildings', payload: { name: '远处楼', lon: 100, lat: 30 } });
  assert.equal(outside.statusCode, 404);
  assert.equal(outside.json().code, 'grid.point_outside_grids');
  assert.equal(await countRows(context.database, 'grids'), 2);
  assert.equal(await countRows(context.database, 'buildings'), 1);
});

test('grid members: one person may serve several grids; the same role twice is refused', async () => {
  const added = await context.inject({ method: 'POST', url: `/api/grids/${GRID}/members`, payload: { name: '李网格', role: 'grid_leader', phone: '13800000001' } });
  assert.equal(added.statusCode, 201, added.body);
  const { gridMemberId } = added.json();
  const second = await context.inject({ method: 'POST', url: `/api/grids/${COMMUNITY}002/members`, payload: { name: '李网格', role: 'grid_leader', gridMemberId } });
  assert.equal(second.statusCode, 201, second.body);
  const again = await context.inject({ method: 'POST', url: `/api/grids/${GRID}/members`, payload: { name: '李网格', role: 'grid_leader', gridMemberId } });
  assert.equal(again.statusCode, 409);
  for (const code of [GRID, `${COMMUNITY}002`]) {
    const grid = (await context.inject({ url: `/api/grids/${code}` })).json();
    assert.deepEqual(grid.members.map((member: { id: number; roleLabel: string }) => [member.id, member.roleLabel]), [[gridMemberId, '网格长']]);
  }
  const badRole = await context.inject({ method: 'POST', url: `/api/grids/${GRID}/members`, payload: { name: '王', role: 'boss' } });
  assert.equal(badRole.statusCode, 400);
  const removed = await context.inject({ method: 'DELETE', url: `/api/grids/${GRID}/members/${gridMemberId}` });
  assert.equal(removed.statusCode, 204);
  assert.deepEqual((await context.inject({ url: `/api/grids/${GRID}` })).json().members, []);
});
