// 五级穿透 on the small demo city with bulk incidents: at every level the counts equal what plain SQL counts in the
// database, and every level is cut to the caller's jurisdiction.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DEMO_PASSWORD, seedDemoAccounts } from '../src/demo/demo-accounts.js';
import { generateBulkIncidents } from '../src/demo/demo-incident-bulk.js';
import { seedDemoCityIfEmpty } from '../src/demo/demo-seed.js';
import { startTestApp, type Session, type TestContext } from './support/test-app.js';

let context: TestContext;
let district: Session;
let street: Session;
let worker: Session;
let handler: Session;

before(async () => {
  context = await startTestApp();
  await seedDemoCityIfEmpty(context.database, () => {});
  // the test app's own administrator keeps the seed from adding the demo accounts
  await seedDemoAccounts(context.database);
  await generateBulkIncidents(context.database.db, { count: 3000, seed: 7 });
  // No deadline falls due while the test runs: what is overdue stays overdue between the page and the SQL.
  await sql`UPDATE incidents SET current_step_deadline = now() + interval '2 hours'
            WHERE current_step_deadline BETWEEN now() - interval '1 minute' AND now() + interval '1 hour'`.execute(context.database.db);
  district = await context.loginAs('district.operator', DEMO_PASSWORD);
  street = await context.loginAs('street.operator', DEMO_PASSWORD);
  worker = await context.loginAs('grid.worker', DEMO_PASSWORD);
  handler = await context.loginAs('department.handler', DEMO_PASSWORD);
});
after(async () => context.close());

const drill = async (query: string, as: Session) => {
  const response = await context.inject({ url: `/api/drill-down${query}`, as });
  assert.equal(response.statusCode, 200, `${query}: ${response.body}`);
  return response.json();
};

/** What plain SQL counts below a region path (the whole database: a city-wide view). */
async function sqlCountsBelow(path: string) {
  const prefix = `${path}/%`;
  const { rows } = await sql<Record<string, number>>`
    SELECT
      (SELECT count(*)::int FROM persons p JOIN grids g ON g.id = p.grid_id WHERE g.path LIKE ${prefix} AND p.deregistered_on IS NULL) AS population,
      (SELECT count(*)::int FROM persons p JOIN grids g ON g.id = p.grid_id WHERE g.path LIKE ${prefix} AND p.deregistered_on IS NULL AND p.residency = 'floating') AS floating,
      (SELECT count(*)::int FROM households h JOIN grids g ON g.id = h.grid_id WHERE g.path LIKE ${prefix}) AS households,
      (SELECT count(DISTINCT a.grid_member_id)::int FROM grid_member_assignments a JOIN grids g ON g.id = a.grid_id WHERE g.path LIKE ${prefix}) AS "gridMembers",
      (SELECT count(*)::int FROM incidents i JOIN regions r ON r.id = i.region_id
       WHERE (r.path = ${path} OR r.path LIKE ${prefix}) AND i.status NOT IN ('closed', 'rejected', 'voided', 'merged')) AS open,
      (SELECT count(*)::int FROM incidents i JOIN regions r ON r.id = i.region_id
       WHERE (r.path = ${path} OR r.path LIKE ${prefix}) AND i.status NOT IN ('closed', 'rejected', 'voided', 'merged', 'suspended')
         AND i.current_step_deadline < now()) AS overdue`.execute(context.database.db);
  return rows[0]!;
}

function assertCounts(counts: { population: { total: number; floating: number }; households: number; gridMembers: number; openIncidents: number; overdueIncidents: number }, expected: Record<string, number>, label: string) {
  assert.deepEqual(
    { population: counts.population.total, floating: counts.population.floating, households: counts.households, gridMembers: counts.gridMembers, open: counts.openIncidents, overdue: counts.overdueIncidents },
    expected, label);
}

test('from the city down to a person, each level’s counts and children are what the database holds', async () => {
  const city = await drill('', district);
  assert.equal(city.node.name, '淄博市');
  assert.deepEqual(city.children.map((child: { name: string }) => child.name), ['张店区'], 'a district operator walks down only into his district');
  assert.equal(city.childKind, 'region');

  let node = city;
  for (const name of ['张店区', '车站街道', '新华社区']) {
    const child = node.children.find((candidate: { name: string }) => candidate.name === name);
    assert.ok(child, `${name} is a child of ${node.node.name}`);
    node = await drill(`?regionCode=${child.key}`, district);
    const path = (await sql<{ path: string }>`SELECT path FROM regions WHERE code = ${child.key}`.execute(context.database.db)).rows[0]!.path;
    assertCounts(node.counts, await sqlCountsBelow(path), name);
    assertCounts(child.counts, await sqlCountsBelow(path), `${name} as a child`);
    assert.ok(node.counts.population.total > 0 && node.counts.openIncidents > 0, `${name} has people and open incidents`);
  }
  assert.deepEqual(node.breadcrumb.map((entry: { name: string }) => entry.name), ['淄博市', '张店区', '车站街道', '新华社区']);
  assert.equal(node.childKind, 'grid');

  const grid = await drill(`?gridCode=${node.children[0].key}`, district);
  const gridId = (await sql<{ id: number }>`SELECT id FROM grids WHERE code = ${grid.node.key}`.execute(context.database.db)).rows[0]!.id;
  const gridExpected = (await sql<{ population: number; households: number; open: number }>`
    SELECT (SELECT count(*)::int FROM persons WHERE grid_id = ${gridId} AND deregistered_on IS NULL) AS population,
           (SELECT count(*)::int FROM households WHERE grid_id = ${gridId}) AS households,
           (SELECT count(*)::int FROM incidents WHERE grid_id = ${gridId} AND status NOT IN ('closed', 'rejected', 'voided', 'merged')) AS open`.execute(context.database.db)).rows[0]!;
  assert.deepEqual({ population: grid.counts.population.total, households: grid.counts.households, open: grid.counts.openIncidents }, gridExpected);
  assert.ok(grid.gridMembers.some((member: { roleLabel: string }) => member.roleLabel === '专职网格员'));
  assert.equal(grid.childKind, 'building');
  const buildingPopulation = grid.children.reduce((sum: number, child: { counts: { population: { total: number } } }) => sum + child.counts.population.total, 0);
  assert.equal(buildingPopulation, gridExpected.population, 'the buildings hold everyone of the grid');

  const building = await drill(`?buildingId=${grid.children[0].key}`, district);
  assert.equal(building.counts.population.total, grid.children[0].counts.population.total);
  assert.equal(building.counts.households, building.children.length);
  const household = await drill(`?householdId=${building.children[0].key}`, district);
  assert.equal(household.children.length, building.children[0].counts.population.total);
  assert.equal(household.counts.population.total, household.children.length);
  const person = await drill(`?personId=${household.children[0].key}`, district);
  assert.match(person.person.idNumberMasked, /^\d{6}\*{8}\d{3}[\dX]$/, 'the ID number leaves masked');
  assert.ok(!JSON.stringify(person).includes((await sql<{ id: string }>`SELECT id_number AS id FROM persons WHERE id = ${person.person.id}`.execute(context.database.db)).rows[0]!.id));
  assert.deepEqual(person.breadcrumb.map((entry: { kind: string }) => entry.kind), ['region', 'region', 'region', 'region', 'grid', 'building', 'household', 'person']);
});

test('a street operator at the city sees only his street’s counts; outside it nothing opens', async () => {
  const city = await drill('', street);
  const ownStreet = await sqlCountsBelow((await sql<{ path: string }>`SELECT path FROM regions WHERE code = '370303001'`.execute(context.database.db)).rows[0]!.path);
  assert.equal(city.counts.population.total, ownStreet.population, 'the city, seen from 车站街道, holds 车站街道’s people');
  assert.equal(city.counts.openIncidents, ownStreet.open);
  const other = (await sql<{ code: string; id: number }>`
    SELECT g.code, b.id FROM grids g JOIN buildings b ON b.grid_id = g.id WHERE g.path NOT LIKE '%/370303001/%' ORDER BY g.code LIMIT 1`.execute(context.database.db)).rows[0]!;
  for (const query of [`?gridCode=${other.code}`, `?buildingId=${other.id}`, '?regionCode=370303002']) {
    assert.equal((await context.inject({ url: `/api/drill-down${query}`, as: street })).statusCode, 404, query);
  }
});

test('a grid worker walks down to his own grid only; a department handler stops at the grids', async () => {
  const city = await drill('', worker);
  assert.equal(city.counts.grids, 1);
  const own = await drill('?gridCode=370303001001001', worker);
  assert.ok(own.children.length > 0);
  assert.equal((await context.inject({ url: '/api/drill-down?gridCode=370303001001002', as: worker })).statusCode, 404);
  const building = own.children[0].key;
  assert.equal((await context.inject({ url: `/api/drill-down?buildingId=${building}`, as: handler })).statusCode, 403);
  assert.equal((await context.inject({ url: '/api/drill-down?regionCode=370303&gridCode=370303001001001', as: worker })).statusCode, 400);
});

test('the per-grid population counts follow additions, moves, residency changes, deregistrations and deletions, and the city’s counts with them', async () => {
  const { db } = context.database;
  const drifted = async () => (await sql<{ grid_id: number }>`
    WITH counted AS (
      SELECT g.id AS grid_id,
        (SELECT count(*) FROM persons p WHERE p.grid_id = g.id AND p.deregistered_on IS NULL AND p.residency = 'registered')::int AS registered,
        (SELECT count(*) FROM persons p WHERE p.grid_id = g.id AND p.deregistered_on IS NULL AND p.residency = 'floating')::int AS floating,
        (SELECT count(*) FROM persons p WHERE p.grid_id = g.id AND p.deregistered_on IS NULL AND p.residency = 'foreign')::int AS "foreign",
        (SELECT count(*) FROM households h WHERE h.grid_id = g.id)::int AS households
      FROM grids g)
    SELECT c.grid_id FROM counted c LEFT JOIN grid_population_counts k ON k.grid_id = c.grid_id
    WHERE (coalesce(k.registered, 0), coalesce(k.floating, 0), coalesce(k."foreign", 0), coalesce(k.households, 0))
          IS DISTINCT FROM (c.registered, c.floating, c."foreign", c.households)`.execute(db)).rows;
  assert.deepEqual(await drifted(), [], 'after the demo seed');

  const [from, to] = (await sql<{ id: number }>`SELECT id FROM grids WHERE parent_grid_id IS NULL ORDER BY code LIMIT 2`.execute(db)).rows.map((row) => row.id);
  const moved = await sql`UPDATE persons SET grid_id = ${to!} WHERE id IN (SELECT id FROM persons WHERE grid_id = ${from!} ORDER BY id LIMIT 5)`.execute(db);
  assert.equal(Number(moved.numAffectedRows), 5);
  await sql`UPDATE persons SET residency = CASE residency WHEN 'registered' THEN 'floating' ELSE 'registered' END
            WHERE id IN (SELECT id FROM persons WHERE grid_id = ${to!} ORDER BY id LIMIT 7)`.execute(db);
  await sql`UPDATE persons SET deregistered_on = current_date, deregistration_reason = 'moved_out'
            WHERE id IN (SELECT id FROM persons WHERE grid_id = ${from!} AND deregistered_on IS NULL ORDER BY id DESC LIMIT 3)`.execute(db);
  await sql`UPDATE persons SET updated_at = now() WHERE grid_id = ${to!}`.execute(db);
  await sql`UPDATE households SET grid_id = ${to!} WHERE id IN (SELECT id FROM households WHERE grid_id = ${from!} ORDER BY id LIMIT 2)`.execute(db);
  const added = await sql<{ id: number }>`
    INSERT INTO persons (grid_id, name, residency) VALUES (${from!}, '测试甲', 'foreign'), (${to!}, '测试乙', 'floating') RETURNING id`.execute(db);
  await sql`DELETE FROM persons WHERE id = ${added.rows[0]!.id}`.execute(db);
  assert.deepEqual(await drifted(), [], 'after moves, residency changes, deregistrations, additions and a deletion');

  const city = await drill('', district);
  const cityPath = (await sql<{ path: string }>`SELECT path FROM regions WHERE code = '370300'`.execute(db)).rows[0]!.path;
  const expected = await sqlCountsBelow(cityPath);
  assert.deepEqual({ population: city.counts.population.total, floating: city.counts.population.floating, households: city.counts.households },
    { population: expected.population, floating: expected.floating, households: expected.households });
});
