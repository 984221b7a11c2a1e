import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCreditCode, systemActor } from '@civicgrid/domain';
import { polygon, regionService } from './support/factories.js';
import { startTestApp, type Session, type TestContext } from './support/test-app.js';

const GRID_A = '370303001001001';
const GRID_B = '370303002001001';
const IN_A = { lon: 118.005, lat: 36.805 };
const IN_B = { lon: 118.105, lat: 36.805 };
let context: TestContext;
let operator: Session;
let otherOperator: Session;
let leader: Session;

before(async () => {
  context = await startTestApp();
  await regionService(context.database).importCity(systemActor('test'), '370300', { districtCodes: ['370303'] });
  for (const [code, box] of [[GRID_A, polygon(118.0, 36.8, 118.01, 36.81)], [GRID_B, polygon(118.1, 36.8, 118.11, 36.81)]] as const) {
    const created = await context.inject({ method: 'POST', url: '/api/grids', payload: { code, name: `网格${code.slice(-6)}`, boundary: box } });
    assert.equal(created.statusCode, 201, created.body);
  }
  await context.createUser('operator', { role: 'street_operator', regionCode: '370303001' });
  await context.createUser('other.operator', { role: 'street_operator', regionCode: '370303002' });
  await context.createUser('leader', { role: 'leader', regionCode: '370303' });
  [operator, otherOperator, leader] = [await context.loginAs('operator'), await context.loginAs('other.operator'), await context.loginAs('leader')];
});
after(async () => context.close());

async function post(url: string, payload: object, as: Session = operator, status = 201) {
  const response = await context.inject({ method: 'POST', url, as, payload });
  assert.equal(response.statusCode, status, response.body);
  return response.json();
}

async function person(name: string) {
  return (await post('/api/persons', { name, residency: 'registered', gridCode: GRID_A })).id as number;
}

test('organizations: the unified social credit code is checked and held by one organization; changes are versioned and kept', async () => {
  const code = buildCreditCode('91370303MA3C4R7K0');
  const typo = `${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`;
  const refused = await post('/api/organizations', { name: '淄博甲公司', kind: '企业', unifiedSocialCreditCode: typo, gridCode: GRID_A }, operator, 400);
  assert.equal(refused.code, 'organization.invalid');
  assert.equal(refused.details.errors[0].zh, '统一社会信用代码：校验码不正确');
  assert.equal((await post('/api/organizations', { name: 'x', kind: '企业', unifiedSocialCreditCode: 'I1350100M000100Y43', gridCode: GRID_A }, operator, 400)).details.errors[0].field, 'unifiedSocialCreditCode');

  const created = await post('/api/organizations', { name: '淄博甲公司', kind: '企业', unifiedSocialCreditCode: code.toLowerCase(), employees: '35', ...IN_A });
  assert.equal(created.unifiedSocialCreditCode, code);
  assert.equal(created.kind, 'enterprise');
  assert.equal(created.gridCode, GRID_A, 'placed in the grid its location falls in');
  assert.equal(created.employees, 35);
  const taken = await post('/api/organizations', { name: '别家', kind: 'enterprise', unifiedSocialCreditCode: code, gridCode: GRID_A }, operator, 409);
  assert.equal(taken.code, 'organization.credit_code_taken');
  assert.equal(taken.details.organizationId, created.id);
  const elsewhere = await post('/api/organizations', { name: '别家', kind: 'enterprise', unifiedSocialCreditCode: code, gridCode: GRID_B }, otherOperator, 409);
  assert.equal(elsewhere.details, undefined, 'a holder outside the jurisdiction is not named');

  const changed = await context.inject({ method: 'PATCH', url: `/api/organizations/${created.id}`, as: operator, payload: { version: 1, legalRepresentative: '张三', attentionLevel: 2 } });
  assert.equal(changed.json().version, 2);
  const stale = await context.inject({ method: 'PATCH', url: `/api/organizations/${created.id}`, as: operator, payload: { version: 1, name: '改名' } });
  assert.equal(stale.json().code, 'organization.version_conflict');
  const history = (await context.inject({ url: `/api/organizations/${created.id}/history`, as: leader })).json();
  assert.deepEqual(history[0].changes.map((change: { header: string }) => change.header).sort(), ['关注程度', '法定代表人'].sort());
  assert.equal(history.length, 2);

  const found = (await context.inject({ url: '/api/organizations', query: { q: '甲公司' }, as: leader })).json();
  assert.deepEqual(found.items.map((item: { id: number }) => item.id), [created.id]);
  assert.equal((await context.inject({ url: '/api/organizations', query: { q: code }, as: operator })).json().total, 1);
  assert.equal((await context.inject({ url: '/api/organizations', query: { q: '甲公司' }, as: otherOperator })).json().total, 0);
  assert.equal((await context.inject({ url: `/api/organizations/${created.id}`, as: otherOperator })).statusCode, 404);
  const deregistered = await context.inject({ method: 'PATCH', url: `/api/organizations/${created.id}`, as: operator, payload: { version: 2, deregisteredOn: '2026-03-01' } });
  assert.equal(deregistered.json().details.errors[0].field, 'deregistrationReason');
});

test('places name their organization by its credit code; facilities are checked by their code and placed by location', async () => {
  const code = buildCreditCode('52370303MJD123450');
  await post('/api/organizations', { name: '甲社会组织', kind: 'social_organization', unifiedSocialCreditCode: code, gridCode: GRID_A });
  const place = await post('/api/places', { name: '甲农贸市场', kind: '集贸市场', organizationCreditCode: code, gridCode: GRID_A, attentionLevel: '严重' });
  assert.equal(place.organizationName, '甲社会组织');
  assert.equal(place.attentionLevel, 3);
  const unknown = await post('/api/places', { name: '乙', kind: 'market', organizationCreditCode: buildCreditCode('91370303MA3C4R7K1'), gridCode: GRID_A }, operator, 400);
  assert.equal(unknown.details.errors[0].field, 'organizationCreditCode');

  const badCode = await post('/api/facilities', { facilityCode: '3703030100000123', ...IN_A }, operator, 400);
  assert.match(badCode.details.errors[0].zh, /大类和小类不能为 00/);
  assert.equal((await post('/api/facilities', { facilityCode: '3703030101000123', lon: 118.005 }, operator, 400)).details.errors[0].field, 'lat');
  const facility = await post('/api/facilities', { facilityCode: '3703030101000123', name: '雨水井盖', ...IN_A });
  assert.deepEqual([facility.categoryCode, facility.status, facility.gridCode], ['0101', 'in_service', GRID_A]);
  assert.equal((await post('/api/facilities', { facilityCode: '3703030101000123', ...IN_A }, operator, 409)).code, 'facility.code_taken');
  assert.equal((await post('/api/facilities', { facilityCode: '3703030101000124', ...IN_A }, otherOperator, 404)).code, 'grid.point_outside_jurisdiction');
  const moved = await context.inject({ method: 'PATCH', url: `/api/facilities/${facility.id}`, as: operator, payload: { version: 1, ...IN_B } });
  assert.equal(moved.statusCode, 404, 'moving it out of the jurisdiction is refused');
  assert.equal((await context.inject({ url: '/api/facilities', query: { q: '370303010100' }, as: operator })).json().total, 1);
  assert.equal((await context.inject({ url: '/api/facilities', query: { kind: '01' }, as: operator })).json().total, 1);
});

test('buildings are edited on their version and keep a history; units are added by name', async () => {
  const building = await post('/api/buildings', { name: '甲小区9号楼', ...IN_A });
  const edited = await context.inject({ method: 'PATCH', url: `/api/buildings/${building.id}`, as: operator, payload: { version: 1, floors: 18, buildingType: '住宅' } });
  assert.deepEqual([edited.json().version, edited.json().floors], [2, 18]);
  assert.equal((await context.inject({ method: 'PATCH', url: `/api/buildings/${building.id}`, as: operator, payload: { version: 1, floors: 0 } })).statusCode, 409);
  assert.equal((await context.inject({ method: 'PATCH', url: `/api/buildings/${building.id}`, as: operator, payload: { version: 2, floors: 0 } })).json().details.errors[0].field, 'floors');
  const history = (await context.inject({ url: `/api/buildings/${building.id}/history`, as: leader })).json();
  assert.deepEqual(history[0].changes.map((change: { header: string }) => change.header), ['建筑类型', '层数']);
  assert.deepEqual((await post(`/api/buildings/${building.id}/units`, { name: '1单元' })).map((unit: { name: string }) => unit.name), ['1单元']);
  assert.equal((await post(`/api/buildings/${building.id}/units`, { name: '1单元' }, operator, 409)).code, 'unit.name_taken');
  assert.equal((await context.inject({ url: `/api/buildings/${building.id}/units`, as: otherOperator })).statusCode, 404);
});

test('houses: a rented house has its owner as landlord and tenancies; tenancies only for rented houses', async () => {
  const building = await post('/api/buildings', { name: '甲小区1号楼', ...IN_A });
  const owner = await person('房东甲');
  const tenant = await person('租客乙');
  const house = await post('/api/houses', { buildingId: building.id, unitName: '1单元', floor: 3, number: '301', use: '自住', ownerPersonId: owner });
  assert.deepEqual([house.unitName, house.gridCode, house.owner.name], ['1单元', GRID_A, '房东甲']);
  assert.equal((await post('/api/houses', { buildingId: building.id, unitName: '1单元', number: '301' }, operator, 409)).code, 'house.number_taken');
  assert.equal((await post(`/api/houses/${house.id}/tenancies`, { tenantPersonId: tenant }, operator, 409)).code, 'house.not_rented');
  const rented = await context.inject({ method: 'PATCH', url: `/api/houses/${house.id}`, as: operator, payload: { version: 1, use: 'rented' } });
  assert.equal(rented.json().use, 'rented');
  const withTenant = await post(`/api/houses/${house.id}/tenancies`, { tenantPersonId: tenant, startedOn: '2026-02-01', purpose: '居住' });
  assert.equal(withTenant.tenancies[0].tenant.name, '租客乙');
  assert.ok(withTenant.tenancies[0].tenant.idNumberMasked === null || !withTenant.tenancies[0].tenant.idNumber);
  assert.equal((await post(`/api/houses/${house.id}/tenancies`, { tenantPersonId: tenant }, operator, 409)).code, 'tenancy.already_living_here');
  const ended = await post(`/api/houses/${house.id}/tenancies/${withTenant.tenancies[0].id}/end`, { endedOn: '2026-05-01' }, operator, 200);
  assert.equal(ended.tenancies[0].endedOn, '2026-05-01');
  const history = (await context.inject({ url: `/api/houses/${house.id}/history`, as: leader })).json();
  assert.deepEqual(history.map((entry: { changes: { header: string }[] }) => entry.changes[0]!.header), ['租住人员', '租住人员', '房屋用途', '单元']);
  assert.equal((await context.inject({ url: '/api/houses', query: { use: 'rented' }, as: leader })).json().total, 1);
  assert.equal((await context.inject({ url: '/api/houses', query: { use: 'rented' }, as: otherOperator })).json().total, 0);
  assert.equal((await context.inject({ url: `/api/houses/${house.id}`, as: otherOperator })).statusCode, 404);
});

test('households: members with their relation to the head, each change in the person’s history', async () => {
  const building = await post('/api/buildings', { name: '甲小区2号楼', ...IN_A });
  const house = await post('/api/houses', { buildingId: building.id, number: '101' });
  const head = await person('户主丙');
  const spouse = await person('配偶丁');
  const household = await post('/api/households', { houseId: house.id, householdNumber: 'ZD-0001', headPersonId: head });
  assert.deepEqual([household.gridCode, household.headName, household.houseLabel], [GRID_A, '户主丙', '甲小区2号楼-101']);
  assert.deepEqual(household.persons.map((member: { name: string; relationToHead: string }) => [member.name, member.relationToHead]), [['户主丙', '户主']]);
  assert.equal((await post('/api/households', { gridCode: GRID_A, householdNumber: 'ZD-0001' }, operator, 409)).code, 'household.number_taken');

  const joined = await context.inject({ method: 'PUT', url: `/api/households/${household.id}/members/${spouse}`, as: operator, payload: { relationToHead: '配偶' } });
  assert.equal(joined.json().members, 2);
  const spouseRecord = (await context.inject({ url: `/api/persons/${spouse}`, as: operator })).json();
  assert.deepEqual([spouseRecord.householdNumber, spouseRecord.relationToHead], ['ZD-0001', '配偶']);
  const spouseHistory = (await context.inject({ url: `/api/persons/${spouse}/history`, as: operator })).json();
  assert.ok(spouseHistory[0].changes.some((change: { field: string; after: unknown }) => change.field === 'householdNumber' && change.after === 'ZD-0001'));

  const notMember = await context.inject({ method: 'PATCH', url: `/api/households/${household.id}`, as: operator, payload: { version: household.version, headPersonId: await person('外人') } });
  assert.equal(notMember.statusCode, 400);
  const left = await context.inject({ method: 'DELETE', url: `/api/households/${household.id}/members/${head}`, as: operator });
  assert.equal(left.json().headPersonId, null);
  assert.equal((await context.inject({ url: `/api/households/${household.id}`, as: otherOperator })).statusCode, 404);
  assert.equal((await context.inject({ url: '/api/households', query: { q: 'ZD-0001' }, as: leader })).json().total, 1);
  assert.equal((await context.inject({ url: '/api/households', query: { q: 'ZD-0001' }, as: otherOperator })).json().total, 0);
  const householdHistory = (await context.inject({ url: `/api/households/${household.id}/history`, as: operator })).json();
  assert.deepEqual(householdHistory[0].changes, [{ field: 'headPersonId', header: '户主（人员编号）', before: head, after: null }]);
});
