import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { importZhangdian } from './support/factories.js';
import { startTestApp, TEST_PASSWORD, type TestContext } from './support/test-app.js';

let context: TestContext;
before(async () => {
  context = await startTestApp();
  await importZhangdian(context.database);
  await context.createUser('operator', { role: 'district_operator', regionCode: '370303' });
  await context.createUser('victim', { role: 'street_operator', regionCode: '370303001' });
});
after(async () => context.close());

const login = (username: string, password: string, ip = '10.0.0.1') =>
  context.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

test('signing in sets an httpOnly, SameSite session cookie and a CSRF cookie; the session knows its user', async () => {
  const response = await login('operator', TEST_PASSWORD);
  assert.equal(response.statusCode, 200);
  const session = response.cookies.find((cookie) => cookie.name === 'civicgrid_session')!;
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Strict');
  assert.match(session.value, /^cgs_/);
  const csrf = response.cookies.find((cookie) => cookie.name === 'civicgrid_csrf')!;
  assert.equal(csrf.httpOnly, undefined);
  assert.equal(csrf.value, response.json().csrfToken);
  const stored = await sql<{ tokenHash: string }>`SELECT token_hash AS "tokenHash" FROM sessions`.execute(context.database.db);
  assert.ok(stored.rows.every((row) => row.tokenHash !== session.value), 'only hashes of session tokens are stored');
  const me = await context.inject({ url: '/api/auth/me', as: { cookie: `civicgrid_session=${session.value}`, csrfToken: csrf.value } });
  assert.equal(me.json().username, 'operator');
  assert.equal(me.json().roleLabel, '区县中心坐席');
  assert.deepEqual(me.json().jurisdiction, { kind: 'region', regionPath: '370300/370303' });
});

test('no session is a 401; a cookie write without the CSRF token is refused and changes nothing', async () => {
  const anonymous = await context.inject({ url: '/api/regions', as: null });
  assert.equal(anonymous.statusCode, 401);
  assert.equal(anonymous.json().code, 'auth.required');
  const session = await context.loginAs('operator');
  const forged = await context.app.inject({
    method: 'PATCH', url: '/api/grids/370303001001001', headers: { cookie: session.cookie }, payload: { name: '伪造' },
  });
  assert.equal(forged.statusCode, 403);
  assert.equal(forged.json().code, 'auth.csrf_failed');
  const wrongToken = await context.app.inject({
    method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie, 'x-csrf-token': 'guess' },
  });
  assert.equal(wrongToken.statusCode, 403);
  assert.equal((await context.inject({ url: '/api/auth/me', as: session })).statusCode, 200, 'the session survived');
});

test('five wrong passwords lock the account for a while, even against the right password', async () => {
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    const response = await login('victim', 'wrong-password', '10.0.0.2');
    assert.equal(response.statusCode, 401, `attempt ${attempt}`);
    assert.equal(response.json().code, 'auth.invalid_credentials');
  }
  const locked = await login('victim', TEST_PASSWORD, '10.0.0.2');
  assert.equal(locked.statusCode, 429);
  assert.equal(locked.json().code, 'auth.locked');
  assert.match(locked.json().messages.zh, /锁定/);
  await sql`UPDATE users SET locked_until = now() - interval '1 second' WHERE username = 'victim'`.execute(context.database.db);
  assert.equal((await login('victim', TEST_PASSWORD, '10.0.0.2')).statusCode, 200, 'the lock expires');
  const failures = await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM login_attempts WHERE username = 'victim' AND NOT succeeded`.execute(context.database.db);
  assert.equal(failures.rows[0]!.count, 6);
});

test('an address that keeps failing is throttled, whatever usernames it tries', async () => {
  for (let attempt = 0; attempt < 30; attempt += 1) await login(`nobody${attempt}`, 'x', '10.9.9.9');
  const throttled = await login('operator', TEST_PASSWORD, '10.9.9.9');
  assert.equal(throttled.statusCode, 429);
  assert.equal(throttled.json().code, 'auth.throttled');
  assert.equal((await login('operator', TEST_PASSWORD, '10.0.0.3')).statusCode, 200, 'other addresses are not affected');
});

test('logging out ends one session; logging out everywhere ends them all', async () => {
  const first = await context.loginAs('operator');
  const second = await context.loginAs('operator');
  assert.equal((await context.inject({ method: 'POST', url: '/api/auth/logout', as: first })).statusCode, 204);
  assert.equal((await context.inject({ url: '/api/auth/me', as: first })).statusCode, 401);
  assert.equal((await context.inject({ url: '/api/auth/me', as: second })).statusCode, 200);
  const third = await context.loginAs('operator');
  const everywhere = await context.inject({ method: 'POST', url: '/api/auth/logout-everywhere', as: third });
  assert.equal(everywhere.statusCode, 200);
  assert.ok(everywhere.json().revoked >= 2);
  assert.equal((await context.inject({ url: '/api/auth/me', as: second })).statusCode, 401);
});

test('a new password must meet the policy; changing it ends the sessions', async () => {
  const session = await context.loginAs('operator');
  const weak = await context.inject({ method: 'POST', url: '/api/auth/password', as: session, payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
  assert.equal(weak.statusCode, 400);
  assert.equal(weak.json().code, 'auth.weak_password');
  assert.deepEqual(weak.json().details.problems, ['too_short', 'too_simple']);
  const changed = await context.inject({ method: 'POST', url: '/api/auth/password', as: session, payload: { currentPassword: TEST_PASSWORD, newPassword: 'Zibo#2026-new' } });
  assert.equal(changed.statusCode, 204);
  assert.equal((await context.inject({ url: '/api/auth/me', as: session })).statusCode, 401);
  assert.equal((await login('operator', 'Zibo#2026-new', '10.0.0.4')).statusCode, 200);
});

test('API tokens: bearer access with named permissions in one region, revocable', async () => {
  const issued = await context.inject({
    method: 'POST', url: '/api/api-tokens', payload: { name: '12345热线', regionCode: '370303001', permissions: ['grid.read', 'region.read'] },
  });
  assert.equal(issued.statusCode, 201, issued.body);
  const { token, id } = issued.json();
  assert.match(token, /^cgt_/);
  const bearer = { authorization: `Bearer ${token}` };
  const inside = await context.app.inject({ url: '/api/regions/370303001', headers: bearer });
  assert.equal(inside.statusCode, 200);
  const outside = await context.app.inject({ url: '/api/regions/370303002', headers: bearer });
  assert.equal(outside.statusCode, 404);
  const notPermitted = await context.app.inject({ method: 'POST', url: '/api/buildings', headers: bearer, payload: { name: 'x', lon: 118, lat: 36.8 } });
  assert.equal(notPermitted.statusCode, 403);
  const listed = (await context.inject({ url: '/api/api-tokens' })).json();
  assert.equal(listed.find((row: { id: number }) => row.id === id).token, undefined, 'the token is shown only once');
  assert.equal((await context.inject({ method: 'POST', url: `/api/api-tokens/${id}/revoke` })).statusCode, 204);
  const revoked = await context.app.inject({ url: '/api/regions/370303001', headers: bearer });
  assert.equal(revoked.statusCode, 401);
  assert.equal(revoked.json().code, 'auth.invalid_token');
});
