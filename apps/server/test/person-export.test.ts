import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { PERSON_FIELDS, type PersonFieldKey } from '@civicgrid/domain';
import { sql } from 'kysely';
import { buildImportFixture, GRID_A, GRID_B, importFile, personCsv, personSnapshot } from './support/person-import-fixture.js';
import { startTestApp, type Session, type TestContext } from './support/test-app.js';

let context: TestContext;
let operator: Session;
let leader: Session;
let cityOperator: Session;

const KEYS = PERSON_FIELDS.map((field) => field.key);
const row = (values: Partial<Record<PersonFieldKey, string>>) => KEYS.map((key) => values[key] ?? null);
const PERSONS = [
  row({
    name: '王建国', formerName: '王国', gender: '男', idType: '居民身份证', idNumber: '370303197808090012', birthDate: '1978-08-09',
    nationality: 'CHN', ethnicity: '回族', nativePlace: '山东淄博', maritalStatus: '已婚', politicalStatus: '中共党员', education: '大学本科',
    religion: '无', occupation: '工程师', workplace: '=淄博某厂', mobile: '13905330001', residency: '户籍人口', leftBehind: '是',
    registeredAddress: '张店区"新华"路, 1号', currentAddress: '张店区新华路1号\n2单元', gridCode: GRID_A, householdNumber: 'H9', relationToHead: '户主',
    attentionLevel: '严重', underAttention: '是', attentionReason: '独居', dataSource: '核实', nextVisitOn: '2026-12-01', lastVerifiedOn: '2026-11-01',
  }),
  row({ name: 'Anna Smith', gender: '女', idType: '护照', idNumber: 'E12345678', birthDate: '1990-07-01', nationality: 'USA', residency: '境外人员', gridCode: GRID_A }),
  row({ name: '老证件', idNumber: '370303650512001', residency: '户籍人口', gridCode: GRID_A, mobile: '0533-2876543', householdNumber: 'H9', relationToHead: '配偶' }),
  row({ name: '吉𠮷', birthDate: '2015-06-01', residency: '流动人口', gridCode: GRID_A, dataSource: '认领' }),
  row({ name: '已注销', idNumber: '370303195501010031', residency: '户籍人口', gridCode: GRID_A, deregisteredOn: '2026-01-02', deregistrationReason: '死亡' }),
  row({ name: '乙街道人', idNumber: '370303199203040038', residency: '户籍人口', gridCode: GRID_B }),
];

before(async () => {
  context = await startTestApp();
  ({ operator, leader } = await buildImportFixture(context));
  await context.createUser('city.operator', { role: 'city_operator', regionCode: '370300' });
  cityOperator = await context.loginAs('city.operator');
  const job = await importFile(context, context.admin, '全部字段.csv', personCsv(KEYS, PERSONS), 'all_or_nothing');
  assert.equal(job.insertedRows, PERSONS.length, JSON.stringify(job.errors));
});
after(async () => context.close());

const exportOf = (as: Session, query: Record<string, string>) => context.inject({ url: '/api/persons/export', query, as });

async function sheetOf(payload: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ExcelJS.Buffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((sheetRow) => rows.push((sheetRow.values as string[]).slice(1)));
  return rows;
}

test('an export is masked by default, in the template’s columns, named 人员_YYYYMMDD, and it cannot be imported as real', async () => {
  const response = await exportOf(leader, { format: 'xlsx' });
  assert.equal(response.statusCode, 200, response.body);
  assert.match(String(response.headers['content-disposition']), /filename\*=UTF-8''%E4%BA%BA%E5%91%98_\d{8}\.xlsx/);
  assert.equal(response.headers['x-total-count'], '5', 'the deregistered person is left out unless asked for');
  const rows = await sheetOf(response.rawPayload);
  assert.deepEqual(rows[0], PERSON_FIELDS.map((field) => field.header));
  const first = rows.find((sheetRow) => sheetRow[0] === '王建国')!;
  assert.equal(first[4], '370303********0012');
  assert.equal(first[15], '139****0001');
  assert.ok(!response.rawPayload.includes(Buffer.from('370303197808090012')));

  const csv = await exportOf(cityOperator, { format: 'csv' });
  const reimport = await importFile(context, cityOperator, '脱敏.csv', csv.rawPayload);
  assert.deepEqual([reimport.updatedRows, reimport.insertedRows], [0, 0]);
  assert.ok(reimport.errors.some((error: { message: string }) => error.message.includes('脱敏')));
});

test('revealing needs person.reveal and a reason, and is audited once with the count and the filters', async () => {
  assert.equal((await exportOf(leader, { reveal: 'true', reason: '核对' })).statusCode, 403);
  assert.equal((await exportOf(cityOperator, { reveal: 'true' })).statusCode, 400);
  const response = await exportOf(cityOperator, { reveal: 'true', reason: '上报市级平台', residency: 'foreign' });
  assert.equal(response.statusCode, 200);
  const rows = await sheetOf(response.rawPayload);
  assert.deepEqual(rows.slice(1).map((sheetRow) => [sheetRow[0], sheetRow[4]]), [['Anna Smith', 'E12345678']]);
  const audit = await sql<{ reason: string; details: { count: number; filters: Record<string, unknown> } }>`
    SELECT reason, details FROM audit_log WHERE action = 'person.export_revealed'`.execute(context.database.db);
  assert.equal(audit.rows.length, 1);
  assert.equal(audit.rows[0]!.reason, '上报市级平台');
  assert.equal(audit.rows[0]!.details.count, 1);
  assert.equal(audit.rows[0]!.details.filters.residency, 'foreign');
});

test('a revealed xlsx export imports back with every field equal', async () => {
  const before = await personSnapshot(context);
  const onRegister = await exportOf(cityOperator, { reveal: 'true', reason: '备份' });
  const deregistered = await exportOf(cityOperator, { reveal: 'true', reason: '备份', deregistered: 'true' });
  const again = await importFile(context, cityOperator, 'export.xlsx', onRegister.rawPayload, 'all_or_nothing');
  assert.deepEqual([again.status, again.insertedRows, again.updatedRows, again.unchangedRows], ['succeeded', 0, 0, 5]);

  await sql`UPDATE households SET head_person_id = NULL`.execute(context.database.db);
  await sql`DELETE FROM persons`.execute(context.database.db);
  for (const file of [onRegister, deregistered]) {
    const job = await importFile(context, cityOperator, 'export.xlsx', file.rawPayload, 'all_or_nothing');
    assert.equal(job.status, 'succeeded', JSON.stringify(job.errors));
  }
  assert.deepEqual(await personSnapshot(context), before);
});

test('a GBK csv export keeps rare characters (GB18030) and imports back unchanged', async () => {
  const response = await exportOf(cityOperator, { format: 'csv', encoding: 'gbk', reveal: 'true', reason: '备份' });
  assert.match(String(response.headers['content-type']), /charset=gbk/);
  const text = iconv.decode(response.rawPayload, 'gb18030');
  assert.ok(text.startsWith('姓名,曾用名,性别'));
  assert.ok(text.includes('吉𠮷'));
  assert.ok(text.includes("'=淄博某厂"), 'a value Excel would run as a formula is quoted');
  const job = await importFile(context, cityOperator, 'export.csv', response.rawPayload);
  assert.equal(job.encoding, 'gbk');
  assert.deepEqual([job.insertedRows, job.updatedRows, job.unchangedRows, job.invalidRows], [0, 0, 5, 0]);
});

test('an export holds only the caller’s jurisdiction and the list’s filters', async () => {
  const own = await sheetOf((await exportOf(operator, {})).rawPayload);
  assert.ok(own.slice(1).every((sheetRow) => sheetRow[20] === GRID_A));
  assert.equal((await exportOf(operator, { gridCode: GRID_B })).statusCode, 404);
  const byName = await sheetOf((await exportOf(leader, { q: '建国' })).rawPayload);
  assert.deepEqual(byName.slice(1).map((sheetRow) => sheetRow[0]), ['王建国']);
  const inB = await sheetOf((await exportOf(leader, { regionCode: '370303002' })).rawPayload);
  assert.deepEqual(inB.slice(1).map((sheetRow) => sheetRow[0]), ['乙街道人']);
});
