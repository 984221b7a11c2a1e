import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gridCodeKind, parentRegionCode, regionLevelOfCode, streetKind } from './region-code.js';

test('levels follow from the length and shape of the code', () => {
  assert.equal(regionLevelOfCode('370300'), 'city');
  assert.equal(regionLevelOfCode('370303'), 'district');
  assert.equal(regionLevelOfCode('370303001'), 'street');
  assert.equal(regionLevelOfCode('370303001001'), 'community');
  assert.equal(regionLevelOfCode('3703'), undefined);
});

test('each code names its parent', () => {
  assert.equal(parentRegionCode('370303001001'), '370303001');
  assert.equal(parentRegionCode('370303001'), '370303');
  assert.equal(parentRegionCode('370303'), '370300');
  assert.equal(parentRegionCode('370300'), undefined);
});

test('grid codes are 15 digits, micro-grid codes 17', () => {
  assert.equal(gridCodeKind('370303001001001'), 'grid');
  assert.equal(gridCodeKind('37030300100100101'), 'micro-grid');
  assert.equal(gridCodeKind('3703030010010'), undefined);
});

test('the town part tells a street office from a town and a township', () => {
  assert.equal(streetKind('370303001'), 'street');
  assert.equal(streetKind('370303101'), 'town');
  assert.equal(streetKind('370303201'), 'township');
});
