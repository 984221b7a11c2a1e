import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAreaGeometry } from './check-area-geometry.js';

test('an unclosed ring, a point and out-of-range coordinates are refused before the database', () => {
  const open = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] };
  assert.equal(checkAreaGeometry(open).ok, false);
  assert.equal(checkAreaGeometry({ type: 'Point', coordinates: [0, 0] }).ok, false);
  const farAway = { type: 'Polygon', coordinates: [[[0, 0], [200, 0], [200, 1], [0, 0]]] };
  assert.equal(checkAreaGeometry(farAway).ok, false);
});

test('a closed polygon and a multipolygon pass', () => {
  const square = [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]];
  assert.equal(checkAreaGeometry({ type: 'Polygon', coordinates: square }).ok, true);
  assert.equal(checkAreaGeometry({ type: 'MultiPolygon', coordinates: [square] }).ok, true);
});
