import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { buildIdNumber, systemActor } from '@civicgrid/domain';
import { polygon, regionService } from './support/factories.js';
import { startTestApp, type Session, type TestContext } from './support/test-app.js';

const GRID_A = '370303001001001';
const GRID_B = '370303002001001';
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

let sequence = 100;
const newId = (birthDate = '1985-06-15') => buildIdNumber('370303', birthDate, (sequence += 2) + 1);

async function createPerson(values: Record<string, unknown>, as: Session = operator) {
  const response = await context.inject({ method: 'POST', url: '/api/persons', as, payload: { residency: '户籍人口', gridCode: GRID_A, ...values } });
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

const list = async (query: Record<string, string>, as: Session = operator) => {
  const response = await context.inject({ url: '/api/persons', query, as });
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as { items: { id: number; name: string; idNumberMasked: string | null }[]; total: number };
};

test('a person is registered from field values: birth date and gender from the ID number, masked, with a first history entry', async () => {
  const idNumber = newId();
  const person = await createPerson({ name: '王建国', idNumber, mobile: '139 0533 1234', currentAddress: '安居小区1号楼1单元101室', attentionLevel: '中等' });
  assert.equal(person.birthDate, '1985-06-15');
  assert.equal(person.gender, 'male');
  assert.equal(person.attentionLevel, 2);
  assert.equal(person.gridCode, GRID_A);
  assert.equal(person.version, 1);
  assert.equal(person.idNumberMasked, `370303********${idNumber.slice(-4)}`);
  assert.equal(person.mobileMasked, '139****1234');
  assert.ok(!JSON.stringify(person).includes(idNumber));
  assert.ok(person.actions.includes('edit') && person.actions.includes('reveal'));

  const rows = await sql<{ changedBy: number; source: string; after: Record<string, unknown> }>`
    SELECT changed_by AS "changedBy", change_source AS source, after FROM record_changes WHERE record_table = 'persons' AND record_id = ${person.id}`.execute(context.database.db);
  assert.equal(rows.rows.length, 1);
  assert.equal(rows.rows[0]!.source, 'console');
  assert.equal(rows.rows[0]!.after.gridCode, GRID_A);
  assert.equal(rows.rows[0]!.after.idNumber, idNumber, 'the history keeps the value; readers get it masked');
  const history = (await context.inject({ url: `/api/persons/${person.id}/history`, as: operator })).json();
  assert.equal(history[0].changedBy.name, 'operator');
  assert.deepEqual(history[0].changes.find((change: { field: string }) => change.field === 'idNumber'), { field: 'idNumber', header: '证件号码', before: null, after: person.idNumberMasked });
});

test('ID numbers are checked by GB 11643: every problem is named by its field; a 15-digit number is accepted and flagged', async () => {
  const bad = await context.inject({ method: 'POST', url: '/api/persons', as: operator, payload: { name: '', residency: '户籍人口', gridCode: GRID_A, idNumber: `${newId().slice(0, 17)}0`, mobile: '12345' } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().code, 'person.invalid');
  assert.deepEqual(bad.json().details.errors.map((error: { field: string }) => error.field).sort(), ['idNumber', 'mobile', 'name']);
  assert.match(bad.json().messages.zh, /证件号码：校验码不正确/);
  const legacy = await createPerson({ name: '赵老汉', idNumber: '370303450101001' });
  assert.equal(legacy.idNumberLegacy, true);
  assert.equal(legacy.birthDate, '1945-01-01');
  const wrongKind = await context.inject({ method: 'POST', url: '/api/persons', as: operator, payload: { name: '钱', residency: '户籍人口', gridCode: GRID_A, visaType: 'Z' } });
  assert.equal(wrongKind.json().details.errors[0].zh, '签证（注）种类：只适用于境外人员');
  const floating = await createPerson({ name: '孙流动', residency: '流动人口', inflowReason: '务工', inflowOn: '2025/3/1' });
  assert.deepEqual([floating.inflowReason, floating.inflowOn], ['work', '2025-03-01']);
  const outside = await context.inject({ method: 'POST', url: '/api/persons', as: operator, payload: { name: '钱', residency: '户籍人口', gridCode: GRID_B } });
  assert.equal(outside.statusCode, 404, 'a grid outside the jurisdiction is answered as one that does not exist');
  assert.equal(outside.json().code, 'grid.not_found');
});

test('one person per ID number, its 15- and 18-digit forms included; a holder elsewhere is not named', async () => {
  const idNumber = newId();
  const first = await createPerson({ name: '周一', idNumber });
  const again = await context.inject({ method: 'POST', url: '/api/persons', as: operator, payload: { name: '周二', residency: 'registered', gridCode: GRID_A, idNumber: idNumber.toLowerCase() } });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().code, 'person.id_number_taken');
  assert.equal(again.json().details.personId, first.id);
  const modern = buildIdNumber('370303', '1945-01-01', 1);
  const upgraded = await context.inject({ method: 'POST', url: '/api/persons', as: operator, payload: { name: '赵老汉', residency: 'registered', gridCode: GRID_A, idNumber: modern } });
  assert.equal(upgraded.statusCode, 409, 'the 18-digit form of the registered 15-digit number');
  const elsewhere = await context.inject({ method: 'POST', url: '/api/persons', as: otherOperator, payload: { name: '周三', residency: 'registered', gridCode: GRID_B, idNumber } });
  assert.equal(elsewhere.statusCode, 409);
  assert.equal(elsewhere.json().details, undefined);
});

test('a change carries the version it was made on; only changed fields enter the history', async () => {
  const person = await createPerson({ name: '吴敏', mobile: '13800001111' });
  const changed = await context.inject({ method: 'PATCH', url: `/api/persons/${person.id}`, as: operator, payload: { version: 1, mobile: '13800002222', occupation: '教师', name: '吴敏' } });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.equal(changed.json().version, 2);
  assert.equal(changed.json().occupation, '教师');
  const stale = await context.inject({ method: 'PATCH', url: `/api/persons/${person.id}`, as: operator, payload: { version: 1, occupation: '医生' } });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().code, 'person.version_conflict');
  assert.equal(stale.json().details.currentVersion, 2);
  const unchanged = await context.inject({ method: 'PATCH', url: `/api/persons/${person.id}`, as: operator, payload: { version: 2, occupation: '教师' } });
  assert.equal(unchanged.json().version, 2, 'nothing changed, nothing written');
  const history = (await context.inject({ url: `/api/persons/${person.id}/history`, as: leader })).json();
  assert.equal(history.length, 2);
  assert.deepEqual(history[0].changes.map((change: { field: string }) => change.field).sort(), ['mobile', 'occupation']);
  assert.deepEqual(history[0].changes.find((change: { field: string }) => change.field === 'mobile'), { field: 'mobile', header: '联系电话', before: '138****1111', after: '138****2222' });
  const grid = await context.inject({ method: 'PATCH', url: `/api/persons/${person.id}`, as: operator, payload: { version: 2, householdNumber: 'HH-001', relationToHead: '户主' } });
  assert.equal(grid.json().household.householdNumber, 'HH-001');
  assert.equal(grid.json().household.headPersonId, person.id);
});

test('deregistration takes a reason and a date; lists show persons on the register unless asked', async () => {
  const person = await createPerson({ name: '郑离开' });
  const deregistered = await context.inject({ method: 'POST', url: `/api/persons/${person.id}/deregister`, as: operator, payload: { reason: '迁出', date: '2026-01-05' } });
  assert.equal(deregistered.statusCode, 200, deregistered.body);
  assert.equal(deregistered.json().deregisteredOn, '2026-01-05');
  assert.equal((await context.inject({ method: 'POST', url: `/api/persons/${person.id}/deregister`, as: operator, payload: { reason: '迁出', date: '2026-01-05' } })).statusCode, 409);
  assert.equal((await list({ q: '郑离开' })).total, 0);
  assert.equal((await list({ q: '郑离开', deregistered: 'true' })).total, 1);
});

test('search by name fragment, whole ID number, the last digits, phone and address; another street sees none of it', async () => {
  const idNumber = newId('1990-03-08');
  const person = await createPerson({ name: '欧阳明华', idNumber, mobile: '13912345678', currentAddress: '淄博市张店区共青团路77号金茂小区3号楼', registeredAddress: '山东省沂源县南麻街道' });
  for (const q of ['阳明华', '欧阳', '明华', idNumber, idNumber.slice(-4), idNumber.slice(-6).toLowerCase(), '13912345678', '1391234', '5678', '金茂小区3号', '沂源县南麻']) {
    const found = await list({ q });
    assert.ok(found.items.some((item) => item.id === person.id), `q=${q}`);
    assert.equal((await list({ q }, otherOperator)).total, 0, `another street, q=${q}`);
  }
  assert.ok(!(await list({ q: '阳明' })).items.some((item) => item.id === person.id), 'two characters match the start or end of a name only');
  const page = await list({ q: '欧阳明华', pageSize: '1' });
  assert.equal(page.items[0]!.idNumberMasked, `370303********${idNumber.slice(-4)}`);
  for (const url of [`/api/persons/${person.id}`, `/api/persons/${person.id}/history`]) {
    assert.equal((await context.inject({ url, as: otherOperator })).statusCode, 404, url);
  }
  assert.equal((await context.inject({ method: 'PATCH', url: `/api/persons/${person.id}`, as: otherOperator, payload: { version: 1, name: 'x' } })).statusCode, 404);
  assert.equal((await context.inject({ url: '/api/persons', query: { gridCode: GRID_A }, as: otherOperator })).statusCode, 404, 'a grid outside the jurisdiction');
});

test('special groups: each kind its fields, a guardian for severe mental disorder; labels hidden from roles that may not see them', async () => {
  const guardian = await createPerson({ name: '陈监护' });
  const patient = await createPerson({ name: '陈病人' });
  const url = `/api/persons/${patient.id}/special-groups/severe_mental_disorder`;
  const missing = await context.inject({ method: 'PUT', url, as: operator, payload: { riskLevel: 7, details: { crime: '盗窃' } } });
  assert.equal(missing.statusCode, 400);
  assert.deepEqual(missing.json().details.errors.map((error: { field: string }) => error.field).sort(), ['details.crime', 'guardianPersonId', 'riskLevel']);
  const listed = await context.inject({ method: 'PUT', url, as: operator, payload: { riskLevel: 3, guardianPersonId: guardian.id, details: { treatment: 'medication_at_home' } } });
  assert.equal(listed.statusCode, 200, listed.body);
  assert.equal(listed.json().guardianName, '陈监护');
  assert.equal((await context.inject({ method: 'PUT', url, as: operator, payload: { version: 9, riskLevel: 2, guardianPersonId: guardian.id } })).statusCode, 409);
  assert.equal((await context.inject({ method: 'PUT', url, as: operator, payload: { version: 1, riskLevel: 2, guardianPersonId: guardian.id } })).json().riskLevel, 2);

  assert.equal((await context.inject({ url, as: operator })).statusCode, 200);
  const audit = await sql<{ count: number }>`SELECT count(*)::int AS count FROM audit_log WHERE action = 'person.special_group.read'`.execute(context.database.db);
  assert.equal(audit.rows[0]!.count, 1);
  assert.equal((await context.inject({ url, as: leader })).statusCode, 403);
  assert.equal((await context.inject({ url: `/api/persons/${patient.id}`, as: leader })).json().specialGroups, null);
  assert.equal((await context.inject({ url: '/api/persons', query: { specialGroup: 'severe_mental_disorder' }, as: leader })).statusCode, 403);
  assert.deepEqual((await list({ specialGroup: 'severe_mental_disorder' })).items.map((item) => item.id), [patient.id]);
  const leaderHistory = (await context.inject({ url: `/api/persons/${patient.id}/history`, as: leader })).json();
  assert.ok(!JSON.stringify(leaderHistory).includes('specialGroups'), 'special-group changes are left out for the leader');
  const history = (await context.inject({ url: `/api/persons/${patient.id}/history`, as: operator })).json();
  assert.deepEqual(history[0].changes, [{ field: 'specialGroups.severe_mental_disorder.riskLevel', header: '严重精神障碍患者·风险等级', before: 3, after: 2 }]);

  assert.equal((await context.inject({ method: 'DELETE', url, as: operator })).statusCode, 204);
  assert.equal((await context.inject({ url, as: operator })).statusCode, 404);
  const care = await context.inject({ method: 'PUT', url: `/api/persons/${patient.id}/care-groups/disabled`, as: operator, payload: { details: { category: 'physical', grade: 2 } } });
  assert.equal(care.statusCode, 200, care.body);
  assert.deepEqual((await context.inject({ url: `/api/persons/${patient.id}`, as: leader })).json().careGroups.map((group: { label: string }) => group.label), ['残疾人']);
});

test('likely duplicates are listed by name and birth date, and merged: references moved, blanks filled, the duplicate deregistered', async () => {
  const kept = await createPerson({ name: '李秀英', idNumber: newId('1962-09-09') });
  const duplicate = await createPerson({ name: '李秀英', birthDate: '1962-09-09', mobile: '13700001234', householdNumber: 'HH-009', relationToHead: '户主' });
  await context.inject({ method: 'PUT', url: `/api/persons/${duplicate.id}/care-groups/elderly_alone`, as: operator, payload: { details: {} } });
  const groups = (await context.inject({ url: '/api/persons/duplicates', as: operator })).json();
  const group = groups.find((candidate: { name: string }) => candidate.name === '李秀英');
  assert.equal(group.reason, 'missing_id');
  assert.deepEqual(group.persons.map((person: { id: number }) => person.id), [kept.id, duplicate.id]);
  assert.ok(!(await context.inject({ url: '/api/persons/duplicates', as: otherOperator })).body.includes('李秀英'));
  const cityWide = (await context.inject({ url: '/api/persons/duplicates' })).json();
  assert.deepEqual(cityWide.find((candidate: { name: string }) => candidate.name === '李秀英').persons.map((person: { id: number }) => person.id), [kept.id, duplicate.id]);

  const merged = await context.inject({ method: 'POST', url: `/api/persons/${duplicate.id}/merge`, as: operator, payload: { intoPersonId: kept.id, version: duplicate.version } });
  assert.equal(merged.statusCode, 200, merged.body);
  assert.equal(merged.json().mobileMasked, '137****1234');
  assert.equal(merged.json().household.householdNumber, 'HH-009');
  assert.equal(merged.json().household.headPersonId, kept.id);
  assert.deepEqual(merged.json().careGroups.map((care: { kind: string }) => care.kind), ['elderly_alone']);
  assert.equal(merged.json().merge.moved.careGroups, 1);
  const gone = (await context.inject({ url: `/api/persons/${duplicate.id}`, as: operator })).json();
  assert.equal(gone.deregistrationReason, '合并重复');
  assert.equal(gone.householdId, null);
  const keptHistory = (await context.inject({ url: `/api/persons/${kept.id}/history`, as: operator })).json();
  assert.ok(keptHistory[0].changes.some((change: { field: string; after: unknown }) => change.field === 'mergedFrom' && change.after === duplicate.id));
  const mergedHistory = (await context.inject({ url: `/api/persons/${duplicate.id}/history`, as: operator })).json();
  assert.ok(mergedHistory[0].changes.some((change: { field: string; after: unknown }) => change.field === 'mergedInto' && change.after === kept.id));
  assert.equal((await context.inject({ method: 'POST', url: `/api/persons/${duplicate.id}/merge`, as: operator, payload: { intoPersonId: kept.id, version: gone.version } })).statusCode, 409);
  assert.ok(!(await context.inject({ url: '/api/persons/duplicates', as: operator })).body.includes('李秀英'));
});
