import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildIdNumber, checkIdNumber, idNumberCheckCharacter } from './id-number.js';

test('the check character follows GB 11643 (published example 11010519491231002X)', () => {
  assert.equal(idNumberCheckCharacter('11010519491231002'), 'X');
  assert.deepEqual(checkIdNumber('11010519491231002x'), {
    valid: true, legacy: false, normalized: '11010519491231002X', birthDate: '1949-12-31', gender: 'female',
  });
});

test('a wrong check character, an impossible birth date and a bad format are told apart', () => {
  assert.deepEqual(checkIdNumber('110105194912310021'), { valid: false, reason: 'check_digit' });
  assert.deepEqual(checkIdNumber('11010519490231002X'), { valid: false, reason: 'birth_date' });
  assert.deepEqual(checkIdNumber('1101051949123100'), { valid: false, reason: 'format' });
});

test('15-digit legacy numbers are accepted and flagged', () => {
  const result = checkIdNumber('370303800101123');
  assert.equal(result.valid, true);
  assert.equal(result.valid && result.legacy, true);
  assert.equal(result.valid && result.birthDate, '1980-01-01');
});

test('an old address code that is no longer current is not a reason to reject', () => {
  const built = buildIdNumber('370301', '1990-05-17', 31);
  assert.equal(checkIdNumber(built).valid, true);
});

test('built numbers always carry a valid check character', () => {
  for (let sequence = 0; sequence < 1000; sequence += 7) {
    assert.equal(checkIdNumber(buildIdNumber('370303', '2001-02-28', sequence)).valid, true);
  }
});
