import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { countRows, gridFeature, importZhangdian, polygon, setBoundary, rectangle } from './support/factories.js';
import { startTestApp, type TestContext } from './support/test-app.js';

// 车站街道新华社区 (370303001001), given a 0.02° × 0.01° boundary for the test.
const COMMUNITY = '370303001001';
const boundary = rectangle(118.0, 36.8, 118.02, 36.81);
const code = (number: number) => `${COMMUNITY}${String(number).padStart(3, '0')}`;

let context: TestContext;
before(async () => {
  context = await startTestApp();
  await importZhangdian(context.database);
  await setBoundary(context.database, COMMUNITY, boundary);
});
after(async () => context.close());

const importGrids = (features: unknown[]) =>
  context.inject({ method: 'POST', url: `/api/regions/${COMMUNITY}/grids/import`, payload: { type: 'FeatureCollection', features } });

test('an import with one overlap and one gap is rejected with both reported, and nothing is written', async () => {
  const response = await importGrids([
    gridFeature(code(1), polygon(118.0, 36.8, 118.011, 36.81)), // reaches 0.001° into grid 2
    gridFeature(code(2), polygon(118.01, 36.8, 118.018, 36.81)), // leaves 118.018–118.02 uncovered
  ]);
  assert.equal(response.statusCode, 400);
  const body = response.json();
  assert.equal(body.code, 'grid.layout_rejected');
  assert.match(body.messages.en, /2 problem/);
  const problems = body.details.problems as { kind: string; gridCodes: string[]; where: { type: string; coordinates: number[][][] }; areaSquareMetres: number }[];
  assert.deepEqual(problems.map((problem) => problem.kind).sort(), ['gap', 'overlap']);
  const overlap = problems.find((problem) => problem.kind === 'overlap')!;
  assert.deepEqual(overlap.gridCodes, [code(1), code(2)]);
  assert.equal(overlap.where.type, 'Polygon');
  // 0.001° of longitude × 0.01° of latitude at 36.8° N ≈ 89 m × 1,110 m
  assert.ok(overlap.areaSquareMetres > 90_000 && overlap.areaSquareMetres < 110_000, `overlap area ${overlap.areaSquareMetres}`);
  const gap = problems.find((problem) => problem.kind === 'gap')!;
  assert.deepEqual(gap.gridCodes, [code(2)]);
  const gapLongitudes = gap.where.coordinates[0]!.map((position) => position[0]!);
  assert.ok(Math.min(...gapLongitudes) >= 118.018 - 1e-9 && Math.max(...gapLongitudes) <= 118.02 + 1e-9, 'the gap is located');
  assert.equal(await countRows(context.database, 'grids'), 0);
});

test('a self-intersecting polygon is reported with the point where it crosses itself', async () => {
  const bowTie = { type: 'Polygon', coordinates: [[[118.0, 36.8], [118.02, 36.81], [118.02, 36.8], [118.0, 36.81], [118.0, 36.8]]] };
  const response = await importGrids([gridFeature(code(1), bowTie)]);
  assert.equal(response.statusCode, 400);
  const [problem] = response.json().details.problems;
  assert.equal(problem.kind, 'invalid_geometry');
  assert.deepEqual(problem.gridCodes, [code(1)]);
  assert.match(problem.message, /Self-intersection/);
  assert.equal(problem.where.type, 'Point');
  assert.ok(Math.abs(problem.where.coordinates[0] - 118.01) < 1e-6 && Math.abs(problem.where.coordinates[1] - 36.805) < 1e-6);
  assert.equal(await countRows(context.database, 'grids'), 0);
});

test('codes outside the community, repeated codes and unclosed rings are all reported at once', async () => {
  const open = { type: 'Polygon', coordinates: [[[118.0, 36.8], [118.01, 36.8], [118.01, 36.81], [118.0, 36.81]]] };
  const response = await importGrids([
    gridFeature('370303001002001', polygon(118.0, 36.8, 118.01, 36.81)),
    gridFeature(code(3), open),
    gridFeature(code(4), polygon(118.0, 36.8, 118.01, 36.81)),
    gridFeature(code(4), polygon(118.01, 36.8, 118.02, 36.81)),
  ]);
  assert.equal(response.statusCode, 400);
  const kinds = response.json().details.problems.map((problem: { kind: string }) => problem.kind).sort();
  assert.deepEqual(kinds, ['duplicate_code', 'invalid_geometry', 'wrong_community']);
  assert.equal(await countRows(context.database, 'grids'), 0);
});

test('a grid reaching outside the community is reported', async () => {
  const response = await importGrids([
    gridFeature(code(1), polygon(118.0, 36.8, 118.01, 36.81)),
    gridFeature(code(2), polygon(118.01, 36.8, 118.021, 36.81)),
  ]);
  assert.equal(response.statusCode, 400);
  const [problem] = response.json().details.problems;
  assert.equal(problem.kind, 'outside_community');
  assert.deepEqual(problem.gridCodes, [code(2)]);
});

test('a clean layout imports; importing it again updates and never duplicates; micro-grids stay inside their grid', async () => {
  const clean = [
    gridFeature(code(1), polygon(118.0, 36.8, 118.01, 36.81), '新华社区第一网格'),
    gridFeature(code(2), polygon(118.01, 36.8, 118.02, 36.81), '新华社区第二网格'),
  ];
  const first = await importGrids(clean);
  assert.equal(first.statusCode, 200, first.body);
  assert.deepEqual(first.json(), { created: 2, updated: 0, warnings: [] });
  const second = await importGrids([...clean, gridFeature(`${code(1)}01`, polygon(118.0, 36.8, 118.005, 36.81), '微网格一')]);
  assert.equal(second.statusCode, 200, second.body);
  assert.deepEqual(second.json(), { created: 1, updated: 2, warnings: [] });
  assert.equal(await countRows(context.database, 'grids'), 3);
  const micro = (await context.inject({ url: `/api/grids/${code(1)}01` })).json();
  assert.equal(micro.kind, 'micro-grid');
  assert.equal(micro.parentGridCode, code(1));

  const spilling = await importGrids([gridFeature(`${code(1)}02`, polygon(118.005, 36.8, 118.012, 36.81))]);
  assert.equal(spilling.statusCode, 400);
  assert.deepEqual(spilling.json().details.problems.map((problem: { kind: string }) => problem.kind), ['outside_parent_grid']);
  assert.equal(await countRows(context.database, 'grids'), 3);
});
