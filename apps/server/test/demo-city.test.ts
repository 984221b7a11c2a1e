import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkIdNumber } from '@civicgrid/domain';
import { sql } from 'kysely';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts } from '../src/demo/demo-accounts.js';
import { seedDemoCityIfEmpty } from '../src/demo/demo-seed.js';
import { GridLayoutRepository } from '../src/grids/grid-layout.repository.js';
import { GridLayoutService } from '../src/grids/grid-layout.service.js';
import { startTestApp, type TestContext } from './support/test-app.js';

let context: TestContext;
before(async () => {
  context = await startTestApp();
  await seedDemoCityIfEmpty(context.database, () => undefined);
});
after(async () => context.close());

test('the small demo city has about 50 grids and 20,000 persons on the real tree of 淄博市张店区', async () => {
  const totals = await sql<{ grids: number; persons: number; members: number; communities: number }>`
    SELECT (SELECT count(*)::int FROM grids) AS grids, (SELECT count(*)::int FROM persons) AS persons,
           (SELECT count(*)::int FROM grid_members) AS members,
           (SELECT count(*)::int FROM regions WHERE level = 'community' AND path LIKE '370300/370303/%') AS communities`.execute(context.database.db);
  const row = totals.rows[0]!;
  assert.equal(row.grids, 50);
  assert.ok(row.persons > 18_000 && row.persons < 23_000, `persons ${row.persons}`);
  assert.equal(row.communities, 304);
  assert.ok(row.members > 100);
  const district = (await context.inject({ url: '/api/regions/370303' })).json();
  assert.equal(district.name, '张店区');
  assert.equal(district.gridCount, 50);
});

test('every ID number has a valid check digit and appears once', async () => {
  const rows = await sql<{ idNumber: string; birthDate: string; gender: string }>`
    SELECT id_number AS "idNumber", birth_date AS "birthDate", gender FROM persons WHERE id_type = 'resident_id_card'`.execute(context.database.db);
  assert.ok(rows.rows.length > 18_000);
  for (const person of rows.rows) {
    const check = checkIdNumber(person.idNumber);
    assert.ok(check.valid, `invalid ${person.idNumber}`);
    assert.equal(check.valid && check.birthDate, person.birthDate);
    assert.equal(check.valid && check.gender, person.gender);
  }
  assert.equal(new Set(rows.rows.map((person) => person.idNumber)).size, rows.rows.length);
});

test('every building lies in the grid it is recorded in, and households and persons follow it', async () => {
  const misplaced = await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM buildings b JOIN grids g ON g.id = b.grid_id
    WHERE NOT ST_Contains(g.boundary, b.location)`.execute(context.database.db);
  assert.equal(misplaced.rows[0]!.count, 0);
  const strays = await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM persons p JOIN households h ON h.id = p.household_id
    JOIN houses house ON house.id = h.house_id JOIN buildings b ON b.id = house.building_id
    WHERE p.grid_id <> b.grid_id OR h.grid_id <> b.grid_id`.execute(context.database.db);
  assert.equal(strays.rows[0]!.count, 0);
});

test('the grids of every gridded community tile it with no overlap and no gap', async () => {
  const communities = await sql<{ id: number; code: string }>`
    SELECT DISTINCT c.id, c.code FROM grids g JOIN regions c ON c.id = g.community_id ORDER BY c.code`.execute(context.database.db);
  assert.ok(communities.rows.length >= 15);
  const layout = new GridLayoutService(new GridLayoutRepository());
  for (const community of communities.rows) {
    const grids = await sql<{ code: string; geometry: unknown }>`
      SELECT code, ST_AsGeoJSON(boundary)::json AS geometry FROM grids WHERE community_id = ${community.id}`.execute(context.database.db);
    const problems = await layout.check(context.database.db, community.id, grids.rows.map((grid) => ({ code: grid.code, geometry: grid.geometry })), { checkGaps: true });
    assert.deepEqual(problems, [], `community ${community.code}`);
  }
});

test('a grid leader serves every grid of the community', async () => {
  const leaders = await sql<{ grids: number; communityGrids: number }>`
    SELECT count(DISTINCT a.grid_id)::int AS grids,
           (SELECT count(*)::int FROM grids g2 WHERE g2.community_id = min(g.community_id)) AS "communityGrids"
    FROM grid_member_assignments a JOIN grids g ON g.id = a.grid_id
    WHERE a.role = 'grid_leader' GROUP BY a.grid_member_id`.execute(context.database.db);
  assert.ok(leaders.rows.some((leader) => leader.grids > 1));
  for (const leader of leaders.rows) assert.equal(leader.grids, leader.communityGrids);
});

test('seeding again leaves an existing city alone', async () => {
  await seedDemoCityIfEmpty(context.database, () => undefined);
  const grids = await sql<{ count: number }>`SELECT count(*)::int AS count FROM grids`.execute(context.database.db);
  assert.equal(grids.rows[0]!.count, 50);
});

test('every demo account signs in with the documented password and sees its own jurisdiction', { timeout: 60_000 }, async () => {
  await seedDemoAccounts(context.database);
  await seedDemoAccounts(context.database);
  for (const account of DEMO_ACCOUNTS) {
    const response = await context.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: account.username, password: DEMO_PASSWORD } });
    assert.equal(response.statusCode, 200, `${account.username}: ${response.body}`);
    assert.equal(response.json().user.role, account.role);
  }
  const session = await context.loginAs('grid.worker', DEMO_PASSWORD);
  const grids = (await context.inject({ url: '/api/grids', query: { regionCode: '370303' }, as: session })).json();
  assert.deepEqual(grids.map((grid: { code: string }) => grid.code), ['370303001001001']);
});
