import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './password-hash.js';

test('a password verifies against its own scrypt hash only', async () => {
  const hash = await hashPassword('Zibo@2026!x');
  assert.match(hash, /^scrypt\$32768\$8\$1\$/);
  assert.equal(await verifyPassword('Zibo@2026!x', hash), true);
  assert.equal(await verifyPassword('Zibo@2026!y', hash), false);
  assert.notEqual(await hashPassword('Zibo@2026!x'), hash, 'each hash has its own salt');
});

test('the dummy hash never verifies', async () => {
  assert.equal(await verifyPassword('', DUMMY_PASSWORD_HASH), false);
  assert.equal(await verifyPassword('anything', DUMMY_PASSWORD_HASH), false);
});
