import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCreditCode, checkCreditCode, creditCodeCheckCharacter } from './credit-code.js';

test('published codes pass, lower case and spaces around are accepted', () => {
  for (const code of ['91350100M000100Y43', '91110000802100433B', '91440300708461136T']) {
    assert.deepEqual(checkCreditCode(code), { valid: true, normalized: code, divisionCode: code.slice(2, 8) });
  }
  assert.equal(checkCreditCode(' 91350100m000100y43 ').valid, true);
});

test('a wrong check character, a forbidden letter, a wrong length or a non-numeric division code are refused', () => {
  assert.deepEqual(checkCreditCode('91350100M000100Y44'), { valid: false, reason: 'check_character' });
  assert.deepEqual(checkCreditCode('91350100M0001O0Y43'), { valid: false, reason: 'character' });
  assert.deepEqual(checkCreditCode('91350100M000100Y4'), { valid: false, reason: 'format' });
  assert.deepEqual(checkCreditCode('913A0100M000100Y43'), { valid: false, reason: 'format' });
});

test('every single-character typo of a code is caught', () => {
  const code = buildCreditCode('91370303MA3C4R7K0');
  assert.equal(checkCreditCode(code).valid, true);
  const characters = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  for (let position = 0; position < 18; position += 1) {
    for (const replacement of characters) {
      if (replacement === code[position]) continue;
      const typo = code.slice(0, position) + replacement + code.slice(position + 1);
      assert.equal(checkCreditCode(typo).valid, false, typo);
    }
  }
});

test('a check value of 31 becomes 0', () => {
  const first17 = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'].map((character) => `91370303${character}00000000`).find((candidate) => creditCodeCheckCharacter(candidate) === '0');
  assert.ok(first17, 'some code has 0 as its check character');
});
