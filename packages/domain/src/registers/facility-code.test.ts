import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFacilityCode } from './facility-code.js';

test('a manhole cover of 张店区: county, class, subclass and sequence read off the code', () => {
  const check = checkFacilityCode('3703030101000123');
  assert.ok(check.valid);
  assert.equal(check.countyCode, '370303');
  assert.equal(check.categoryCode, '0101');
  assert.equal(check.classLabel, '公用设施');
  assert.equal(check.sequence, '000123');
  const local = checkFacilityCode('3703030901000001');
  assert.ok(local.valid && local.classLabel === '地方扩展');
});

test('wrong length, letters, an unknown province, a zero class or a zero sequence are refused', () => {
  assert.deepEqual(checkFacilityCode('370303010100012'), { valid: false, reason: 'format' });
  assert.deepEqual(checkFacilityCode('37030301010001A3'), { valid: false, reason: 'format' });
  assert.deepEqual(checkFacilityCode('9903030101000123'), { valid: false, reason: 'county' });
  assert.deepEqual(checkFacilityCode('3700000101000123'), { valid: false, reason: 'county' });
  assert.deepEqual(checkFacilityCode('3703030001000123'), { valid: false, reason: 'category' });
  assert.deepEqual(checkFacilityCode('3703030100000123'), { valid: false, reason: 'category' });
  assert.deepEqual(checkFacilityCode('3703030101000000'), { valid: false, reason: 'sequence' });
});
