import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tileRectangle } from './tile-rectangle.js';

const area = (cell: { west: number; east: number; south: number; north: number }) =>
  (cell.east - cell.west) * (cell.north - cell.south);

test('cells cover the rectangle exactly, for awkward counts and weights', () => {
  const rectangle = { west: 118, south: 36.7, east: 118.13, north: 36.86 };
  for (const count of [1, 2, 3, 7, 11, 50]) {
    const weights = Array.from({ length: count }, (_, index) => 1 + (index % 3));
    const cells = tileRectangle(rectangle, count, weights);
    assert.equal(cells.length, count);
    const total = cells.reduce((sum, cell) => sum + area(cell), 0);
    assert.ok(Math.abs(total - area(rectangle)) < 1e-12, `count ${count}: area ${total}`);
    for (const [index, cell] of cells.entries()) {
      assert.ok(cell.east > cell.west && cell.north > cell.south, `cell ${index} is empty`);
      for (const other of cells.slice(index + 1)) {
        const overlapWidth = Math.min(cell.east, other.east) - Math.max(cell.west, other.west);
        const overlapHeight = Math.min(cell.north, other.north) - Math.max(cell.south, other.south);
        assert.ok(overlapWidth <= 0 || overlapHeight <= 0, `cells overlap in a ${count}-cell tiling`);
      }
    }
  }
});
