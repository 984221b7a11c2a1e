import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskIdNumber, maskPhone } from './masking.js';

test('ID numbers keep the address code and the last four characters', () => {
  assert.equal(maskIdNumber('370302199001011234'), '370302********1234');
});

test('mobile numbers keep the first three and last four digits', () => {
  assert.equal(maskPhone('13812345678'), '138****5678');
});
