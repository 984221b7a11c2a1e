import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planDemoLayout, type DivisionNode } from './demo-layout.js';

const community = (code: string): DivisionNode => ({ code, name: `社区${code.slice(-3)}`, children: [] });
const tree: DivisionNode = {
  code: '370303', name: '张店区', children: [
    { code: '370303001', name: '车站街道', children: ['001', '002', '003'].map((suffix) => community(`370303001${suffix}`)) },
    { code: '370303002', name: '公园街道', children: ['001', '002'].map((suffix) => community(`370303002${suffix}`)) },
  ],
};
const extent = { west: 118, south: 36.75, east: 118.1, north: 36.85 };

test('the same seed draws the same city; grid codes extend their community codes', () => {
  const first = planDemoLayout(tree, { seed: 7, extent, gridTotal: 12, householdsPerGrid: 150, averageGridsPerCommunity: 2.5 });
  const second = planDemoLayout(tree, { seed: 7, extent, gridTotal: 12, householdsPerGrid: 150, averageGridsPerCommunity: 2.5 });
  assert.deepEqual(first, second);
  assert.ok(first.grids.length > 5 && first.grids.length <= 12);
  for (const grid of first.grids) assert.equal(grid.code.slice(0, 12), grid.communityCode);
  assert.equal(new Set(first.grids.map((grid) => grid.code)).size, first.grids.length);
});

test('the grids of each community cover exactly its rectangle', () => {
  const layout = planDemoLayout(tree, { seed: 3, extent, gridTotal: 100, householdsPerGrid: 150 });
  for (const region of layout.regions.filter((planned) => planned.code.length === 12)) {
    const area = (rectangle: typeof extent) => (rectangle.east - rectangle.west) * (rectangle.north - rectangle.south);
    const covered = layout.grids.filter((grid) => grid.communityCode === region.code).reduce((sum, grid) => sum + area(grid.rectangle), 0);
    assert.ok(Math.abs(covered - area(region.rectangle)) < 1e-12, `community ${region.code}`);
  }
});
