import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { gridFeature, importZhangdian, polygon, setBoundary, rectangle } from './support/factories.js';
import { startTestApp, type TestContext } from './support/test-app.js';

// Four grids of 新华社区 meeting at (118.01, 36.805):  3 | 4  over  1 | 2
const COMMUNITY = '370303001001';
const code = (number: number) => `${COMMUNITY}00${number}`;

let context: TestContext;
before(async () => {
  context = await startTestApp();
  await importZhangdian(context.database);
  await setBoundary(context.database, COMMUNITY, rectangle(118.0, 36.8, 118.02, 36.81));
  const response = await context.inject({
    method: 'POST', url: `/api/regions/${COMMUNITY}/grids/import`,
    payload: {
      type: 'FeatureCollection',
      features: [
        gridFeature(code(1), polygon(118.0, 36.8, 118.01, 36.805)),
        gridFeature(code(2), polygon(118.01, 36.8, 118.02, 36.805)),
        gridFeature(code(3), polygon(118.0, 36.805, 118.01, 36.81)),
        gridFeature(code(4), polygon(118.01, 36.805, 118.02, 36.81)),
        gridFeature(`${code(4)}01`, polygon(118.015, 36.805, 118.02, 36.81)),
      ],
    },
  });
  assert.equal(response.statusCode, 200, response.body);
});
after(async () => context.close());

const locate = (lon: number, lat: number) => context.inject({ url: `/api/grids/locate?lon=${lon}&lat=${lat}` });

test('a point inside a grid gets that grid and all its regions', async () => {
  const response = await locate(118.005, 36.802);
  assert.equal(response.statusCode, 200);
  const body = response.json();
  assert.equal(body.grid.code, code(1));
  assert.equal(body.microGrid, null);
  assert.deepEqual(body.ancestors.map((region: { code: string }) => region.code), ['370300', '370303', '370303001', COMMUNITY]);
  assert.deepEqual(body.ancestors.map((region: { name: string }) => region.name), ['淄博市', '张店区', '车站街道', '新华社区']);
});

test('a point inside a micro-grid gets the grid and the micro-grid', async () => {
  const body = (await locate(118.017, 36.808)).json();
  assert.equal(body.grid.code, code(4));
  assert.equal(body.microGrid.code, `${code(4)}01`);
});

test('a point on a border shared by two grids always gets the same single grid', async () => {
  const answers = new Set<string>();
  for (let attempt = 0; attempt < 5; attempt += 1) answers.add((await locate(118.01, 36.802)).json().grid.code);
  assert.deepEqual([...answers], [code(1)]);
  assert.equal((await locate(118.005, 36.805)).json().grid.code, code(1));
});

test('a point on the vertex where four grids meet gets one grid, the lowest code', async () => {
  const response = await locate(118.01, 36.805);
  assert.equal(response.statusCode, 200);
  assert.equal(response.json().grid.code, code(1));
});

test('a point on the outer corner of a grid still belongs to it', async () => {
  assert.equal((await locate(118.02, 36.81)).json().grid.code, code(4));
});

test('a point outside every grid is told so clearly', async () => {
  const response = await locate(118.03, 36.805);
  assert.equal(response.statusCode, 404);
  assert.equal(response.json().code, 'grid.point_outside_grids');
  assert.match(response.json().messages.zh, /不在任何网格内/);
  assert.match(response.json().messages.en, /not in any grid/);
});

test('coordinates out of range are a 400, not a lookup', async () => {
  const response = await locate(200, 36.8);
  assert.equal(response.statusCode, 400);
  assert.equal(response.json().code, 'request.invalid');
});
