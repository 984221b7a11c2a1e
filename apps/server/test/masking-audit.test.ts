import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { importZhangdian, polygon, setBoundary, rectangle } from './support/factories.js';
import { startTestApp, type Session, type TestContext } from './support/test-app.js';

const GRID = '370303001001001';
let context: TestContext;
let personId: number;
let operator: Session;
let leader: Session;

before(async () => {
  context = await startTestApp();
  await importZhangdian(context.database);
  await setBoundary(context.database, '370303001001', rectangle(118.0, 36.8, 118.01, 36.81));
  const grid = await context.inject({ method: 'POST', url: '/api/grids', payload: { code: GRID, name: '新华一格', boundary: polygon(118.0, 36.8, 118.01, 36.81) } });
  assert.equal(grid.statusCode, 201, grid.body);
  const person = await sql<{ id: number }>`
    INSERT INTO persons (grid_id, name, residency, id_number, mobile)
    SELECT id, '王小明', 'registered', '370302199001011234', '13812345678' FROM grids WHERE code = ${GRID} RETURNING id`.execute(context.database.db);
  personId = person.rows[0]!.id;
  await context.createUser('street.operator', { role: 'street_operator', regionCode: '370303001' });
  await context.createUser('city.leader', { role: 'leader', regionCode: '370300' });
  operator = await context.loginAs('street.operator');
  leader = await context.loginAs('city.leader');
});
after(async () => context.close());

test('a grid comes with the actions the user may take on it', async () => {
  assert.deepEqual((await context.inject({ url: `/api/grids/${GRID}`, as: leader })).json().actions, []);
  assert.deepEqual((await context.inject({ url: `/api/grids/${GRID}`, as: operator })).json().actions, ['edit', 'delete', 'manage_members', 'add_building']);
});

test('ID numbers and phones are masked by default', async () => {
  const response = await context.inject({ url: `/api/persons/${personId}`, as: leader });
  assert.equal(response.statusCode, 200);
  const person = response.json();
  assert.equal(person.idNumberMasked, '370302********1234');
  assert.equal(person.mobileMasked, '138****5678');
  assert.ok(!response.body.includes('370302199001011234') && !response.body.includes('13812345678'));
});

test('revealing one record needs the permission and a reason, and leaves an audit entry with both', async () => {
  const byLeader = await context.inject({ method: 'POST', url: `/api/persons/${personId}/reveal`, as: leader, payload: { reason: '核查' } });
  assert.equal(byLeader.statusCode, 403, 'a leader may not reveal');
  const noReason = await context.inject({ method: 'POST', url: `/api/persons/${personId}/reveal`, as: operator, payload: { reason: '' } });
  assert.equal(noReason.statusCode, 400);
  const revealed = await context.inject({ method: 'POST', url: `/api/persons/${personId}/reveal`, as: operator, payload: { reason: '入户走访核对身份' } });
  assert.equal(revealed.statusCode, 200);
  assert.equal(revealed.json().idNumber, '370302199001011234');
  const entries = (await context.inject({ url: '/api/audit-log', query: { action: 'person.reveal' } })).json();
  assert.equal(entries.length, 1);
  assert.equal(entries[0].actorUsername, 'street.operator');
  assert.equal(entries[0].targetTable, 'persons');
  assert.equal(entries[0].targetId, personId);
  assert.equal(entries[0].reason, '入户走访核对身份');
  assert.ok(entries[0].ip);
});

test('every successful write leaves an audit entry: who, what and from where, with passwords blanked', async () => {
  const before = await sql<{ count: number }>`SELECT count(*)::int AS count FROM audit_log`.execute(context.database.db);
  const writes = [
    await context.inject({ method: 'PATCH', url: `/api/grids/${GRID}`, as: operator, payload: { contactChannel: '微信群' } }),
    await context.inject({ method: 'POST', url: `/api/grids/${GRID}/members`, as: operator, payload: { name: '李四', role: 'volunteer' } }),
    await context.inject({ method: 'POST', url: '/api/users', payload: { username: 'new.user', displayName: '新用户', role: 'leader', regionCode: '370303', password: 'Zibo#2026-safe' } }),
  ];
  for (const write of writes) assert.ok(write.statusCode < 300, write.body);
  const refused = await context.inject({ method: 'PATCH', url: `/api/grids/${GRID}`, as: leader, payload: { name: 'x' } });
  assert.equal(refused.statusCode, 403);
  const after = await sql<{ count: number }>`SELECT count(*)::int AS count FROM audit_log`.execute(context.database.db);
  assert.equal(after.rows[0]!.count - before.rows[0]!.count, 3, 'one entry per successful write, none for the refused one');
  const entries = (await context.inject({ url: '/api/audit-log', query: { limit: '3' } })).json();
  assert.deepEqual(entries.map((entry: { action: string }) => entry.action), ['POST /api/users', 'POST /api/grids/:code/members', 'PATCH /api/grids/:code']);
  assert.equal(entries[1].actorUsername, 'street.operator');
  assert.deepEqual(entries[1].details.params, { code: GRID });
  assert.equal(entries[0].details.body.password, '***');
  assert.ok(!JSON.stringify(entries).includes('Zibo#2026-safe'));
});

test('the audit log cannot be changed or emptied, not even by the application’s own database connection', async () => {
  for (const statement of [sql`UPDATE audit_log SET action = 'x'`, sql`DELETE FROM audit_log`, sql`TRUNCATE audit_log`]) {
    await assert.rejects(() => statement.execute(context.database.db), /append-only/);
  }
  const count = await sql<{ count: number }>`SELECT count(*)::int AS count FROM audit_log`.execute(context.database.db);
  assert.ok(count.rows[0]!.count >= 4);
});

test('administrators export the audit log as CSV; others may not read it', async () => {
  const csv = await context.inject({ url: '/api/audit-log.csv' });
  assert.equal(csv.statusCode, 200);
  assert.match(csv.headers['content-type'] as string, /text\/csv/);
  assert.ok(csv.body.startsWith('\uFEFF编号 id,'));
  assert.match(csv.body, /person\.reveal/);
  assert.match(csv.body, /入户走访核对身份/);
  assert.equal((await context.inject({ url: '/api/audit-log', as: operator })).statusCode, 403);
});
