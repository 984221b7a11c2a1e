import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestContext } from './support/test-app.js';

let context: TestContext;
before(async () => {
  context = await startTestApp();
});
after(async () => context.close());

test('health answers with the database in use', async () => {
  const response = await context.inject({ url: '/api/health' });
  assert.equal(response.statusCode, 200);
  const expected = process.env.CIVICGRID_TEST_TEMPLATE?.startsWith('postgres') ? 'postgres' : 'pglite';
  assert.deepEqual(response.json(), { status: 'ok', database: expected });
});

test('the OpenAPI document describes the grid routes and the docs page is served', async () => {
  const document = (await context.inject({ url: '/api/openapi.json' })).json();
  assert.equal(document.openapi.slice(0, 2), '3.');
  for (const route of ['/api/grids/locate', '/api/regions/{code}/grids/import', '/api/grids/{code}', '/api/health']) {
    assert.ok(document.paths[route], `missing ${route}`);
  }
  assert.ok(document.paths['/api/grids/locate'].get.parameters.some((parameter: { name: string }) => parameter.name === 'lon'));
  const docs = await context.inject({ url: '/api/docs/' });
  assert.equal(docs.statusCode, 200);
  assert.match(docs.body, /swagger/i);
});

test('errors carry a stable code and messages in Chinese and English, in the language asked for', async () => {
  const chinese = await context.inject({ url: '/api/no-such-thing' });
  assert.equal(chinese.statusCode, 404);
  assert.equal(chinese.json().code, 'route.not_found');
  assert.match(chinese.json().message, /接口不存在/);
  const english = await context.inject({ url: '/api/no-such-thing', headers: { 'accept-language': 'en-GB,en;q=0.8' } });
  assert.match(english.json().message, /No such route/);
  assert.match(english.json().messages.zh, /接口不存在/);
  for (const traditional of ['zh-TW', 'zh-HK,zh;q=0.9,en;q=0.8']) {
    const answer = await context.inject({ url: '/api/no-such-thing', headers: { 'accept-language': traditional } });
    assert.match(answer.json().message, /接口不存在/, `${traditional} is answered in Chinese`);
  }
});

test('a body that is not JSON is a 400 with a stable code', async () => {
  const response = await context.inject({
    method: 'POST', url: '/api/grids', headers: { 'content-type': 'application/json' }, payload: '{"code": ',
  });
  assert.equal(response.statusCode, 400);
  assert.equal(response.json().code, 'request.unreadable_body');
});
