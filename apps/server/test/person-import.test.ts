import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import {
  buildImportFixture, countOf, GRID_A, GRID_B, importFile, personCsv, submitImport, waitForImport,
} from './support/person-import-fixture.js';
import { startTestApp, type Session, type TestContext } from './support/test-app.js';

let context: TestContext;
let operator: Session;
let leader: Session;

before(async () => {
  context = await startTestApp();
  ({ operator, leader } = await buildImportFixture(context));
});
after(async () => context.close());

const KEYS = ['name', 'idNumber', 'mobile', 'residency', 'gridCode', 'householdNumber', 'relationToHead', 'currentAddress', 'underAttention', 'birthDate'] as const;
const FAMILY = [
  ['王建国', '370303196505120013', '13905330001', '户籍人口', GRID_A, 'H001', '户主', '张店区新华路1号', '否', null],
  ['李秀兰', '370303196811230042', '0533-2876543', '户籍人口', GRID_A, 'H001', '配偶', '张店区新华路1号', '否', '1968/11/23'],
  ['王小明', null, null, '流动人口', GRID_A, 'H001', '子', '张店区新华路1号', '是', '2012-03-04'],
];

test('a GBK csv with Chinese headers imports: persons, their household and head, and each one’s history', async () => {
  const file = iconv.encode(personCsv([...KEYS], FAMILY), 'gbk');
  const job = await importFile(context, context.admin, '家庭.csv', file, 'all_or_nothing');
  assert.equal(job.status, 'succeeded', JSON.stringify(job));
  assert.equal(job.encoding, 'gbk');
  assert.deepEqual([job.totalRows, job.insertedRows, job.updatedRows, job.unchangedRows, job.invalidRows], [3, 3, 0, 0, 0]);
  assert.equal(job.progress, 1);

  const persons = await sql<{ name: string; birthDate: string; gender: string; mobile: string | null; householdNumber: string; head: string; underAttention: boolean }>`
    SELECT p.name, p.birth_date AS "birthDate", p.gender, p.mobile, h.household_number AS "householdNumber", head.name AS head, p.under_attention AS "underAttention"
    FROM persons p JOIN households h ON h.id = p.household_id JOIN persons head ON head.id = h.head_person_id ORDER BY p.id`.execute(context.database.db);
  assert.deepEqual(persons.rows.map((person) => [person.name, person.birthDate, person.gender, person.mobile, person.head, person.underAttention]), [
    ['王建国', '1965-05-12', 'male', '13905330001', '王建国', false],
    ['李秀兰', '1968-11-23', 'female', '0533-2876543', '王建国', false],
    ['王小明', '2012-03-04', null, null, '王建国', true],
  ]);
  const changes = await sql<{ before: unknown; after: Record<string, unknown>; source: string }>`
    SELECT before, after, change_source AS source FROM record_changes WHERE record_table = 'persons' ORDER BY id`.execute(context.database.db);
  assert.equal(changes.rows.length, 3);
  assert.ok(changes.rows.every((change) => change.before === null && change.source === 'import'));
  assert.equal(changes.rows[0]!.after.name, '王建国');
  assert.equal(changes.rows[0]!.after.gridCode, GRID_A);
  assert.equal(changes.rows[0]!.after.householdNumber, 'H001');
});

test('importing the same file again changes nothing; a changed value updates only that field, with its history', async () => {
  const file = iconv.encode(personCsv([...KEYS], FAMILY), 'gbk');
  const changesBefore = await countOf(context, 'record_changes');
  const again = await importFile(context, context.admin, '家庭.csv', file);
  assert.deepEqual([again.insertedRows, again.updatedRows, again.unchangedRows], [0, 0, 3]);
  assert.equal(await countOf(context, 'record_changes'), changesBefore, 'no history for unchanged rows');
  assert.equal(await countOf(context, 'persons'), 3);
  assert.equal(await countOf(context, 'households'), 1);

  const moved = FAMILY.map((row) => [...row]);
  moved[1]![7] = '张店区共青团路8号';
  const changed = await importFile(context, context.admin, '家庭-更新.csv', personCsv([...KEYS], moved));
  assert.deepEqual([changed.insertedRows, changed.updatedRows, changed.unchangedRows], [0, 1, 2]);
  const last = await sql<{ before: unknown; after: unknown }>`SELECT before, after FROM record_changes ORDER BY id DESC LIMIT 1`.execute(context.database.db);
  assert.deepEqual(last.rows[0], { before: { currentAddress: '张店区新华路1号' }, after: { currentAddress: '张店区共青团路8号' } });
  const version = await sql<{ version: number }>`SELECT version FROM persons WHERE id_number = '370303196811230042'`.execute(context.database.db);
  assert.equal(version.rows[0]!.version, 2);
});

test('skip_invalid imports the valid rows and reports each bad one by row and column, also as an xlsx', async () => {
  const rows = [
    ['赵一', '370303199001011239', null, '户籍人口', GRID_A, null, null, null, null, null],
    ['钱二', '370303199001011238', null, '户籍人口', GRID_A, null, null, null, null, null],
    ['孙三', null, '12345', '外来', GRID_A, null, null, null, null, null],
    ['李四', null, null, '户籍人口', '370303001001999', null, null, null, null, null],
    ['周五', null, null, '流动人口', GRID_A, null, null, null, null, '1990-02-30'],
  ];
  const job = await importFile(context, context.admin, '有错误.csv', `\uFEFF${personCsv([...KEYS], rows)}`);
  assert.equal(job.status, 'succeeded');
  assert.equal(job.encoding, 'utf-8');
  assert.deepEqual([job.insertedRows, job.invalidRows], [1, 4]);
  const problems = job.errors.map((error: { row: number; column: string }) => `${error.row}:${error.column}`);
  assert.deepEqual(problems, ['3:证件号码', '4:人口类型', '4:联系电话', '5:所属网格', '6:出生日期']);
  assert.match(job.errors[0].message, /校验码不正确/);
  assert.match(job.errors[3].message, /370303001001999.*不存在/);

  const report = await context.inject({ url: `/api/imports/${job.id}/errors.xlsx` });
  assert.equal(report.statusCode, 200);
  assert.match(String(report.headers['content-disposition']), /filename\*=UTF-8''/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(report.rawPayload as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['行号', '列', '值', '问题']);
  assert.deepEqual((sheet.getRow(3).values as unknown[]).slice(1, 4), [4, '人口类型', '外来']);
  assert.equal(sheet.rowCount, 6);
});

test('all_or_nothing writes nothing when one row is invalid, and says why', async () => {
  const persons = await countOf(context, 'persons');
  const rows = [
    ['吴六', null, null, '户籍人口', GRID_A, null, null, null, null, null],
    ['郑七', null, '138', '户籍人口', GRID_A, null, null, null, null, null],
  ];
  const job = await importFile(context, context.admin, '全部或无.csv', personCsv([...KEYS], rows), 'all_or_nothing');
  assert.equal(job.status, 'failed');
  assert.equal(job.failure.code, 'import.rows_invalid');
  assert.deepEqual([job.insertedRows, job.invalidRows], [0, 1]);
  assert.equal(job.errors[0].row, 3);
  assert.equal(await countOf(context, 'persons'), persons);
});

test('a grid outside the importer’s jurisdiction, or a person registered outside it, is refused row by row', async () => {
  const rows = [
    ['冯八', '370303199203040011', null, '户籍人口', GRID_A, null, null, null, null, null],
    ['陈九', '37030319920304002X', null, '户籍人口', GRID_B, null, null, null, null, null],
  ];
  const job = await importFile(context, operator, '街道.csv', personCsv([...KEYS], rows));
  assert.deepEqual([job.insertedRows, job.invalidRows], [1, 1]);
  assert.deepEqual(job.errors.map((error: { row: number; column: string; message: string }) => [error.row, error.column, error.message]),
    [[3, '所属网格', '所属网格：网格不在您的管辖范围']]);

  await importFile(context, context.admin, '乙街道.csv', personCsv([...KEYS], [rows[1]!]));
  const moving = await importFile(context, operator, '迁入.csv', personCsv([...KEYS], [[...rows[1]!.slice(0, 4), GRID_A, ...rows[1]!.slice(5)]]));
  assert.equal(moving.invalidRows, 1);
  assert.equal(moving.errors[0].column, '证件号码');
  assert.match(moving.errors[0].message, /管辖范围以外/);
});

test('the same ID number twice in one file: the second row is an error naming the first', async () => {
  const rows = [
    ['褚十', '370303198506150029', null, '户籍人口', GRID_A, null, null, null, null, null],
    ['卫十一', '370303198506150029', null, '户籍人口', GRID_A, null, null, null, null, null],
  ];
  const job = await importFile(context, context.admin, '重复.csv', personCsv([...KEYS], rows));
  assert.deepEqual([job.insertedRows, job.invalidRows], [1, 1]);
  assert.deepEqual([job.errors[0].row, job.errors[0].column, job.errors[0].message], [3, '证件号码', '证件号码：与第 2 行的证件号码重复']);
});

test('an upload larger than the request body limit is streamed to disk; blank lines keep the row numbers', async () => {
  const blank = '\r\n'.repeat(1_500_000);
  const file = `姓名,人口类型,所属网格\r\n许十八,户籍人口,${GRID_A}\r\n${blank}何十九,外来,${GRID_A}\r\n`;
  assert.ok(file.length > 2 * 1024 * 1024);
  const job = await importFile(context, context.admin, '大文件.csv', file);
  assert.deepEqual([job.status, job.totalRows, job.insertedRows, job.invalidRows], ['succeeded', 2, 1, 1]);
  assert.equal(job.errors[0].row, 1_500_003);
});

test('a file without a required column fails at once with a bilingual message; unknown columns are a warning', async () => {
  const missing = await importFile(context, context.admin, '缺列.csv', '姓名,联系电话\r\n蒋十二,13800000001\r\n');
  assert.equal(missing.status, 'failed');
  assert.equal(missing.failure.code, 'import.missing_columns');
  assert.match(missing.failure.messages.zh, /缺少必填列：人口类型、所属网格/);
  assert.match(missing.failure.messages.en, /gridCode/);

  const extra = await importFile(context, context.admin, '多列.csv', `姓名,人口类型,所属网格,备注\r\n沈十三,户籍人口,${GRID_A},新搬来\r\n`);
  assert.equal(extra.insertedRows, 1);
  assert.deepEqual(extra.warnings.map((warning: { code: string }) => warning.code), ['import.unknown_columns']);
  assert.match(extra.warnings[0].message, /备注/);
});

test('the template downloads with marked headers and a 说明 sheet, and a filled-in template imports', async () => {
  const template = await context.inject({ url: '/api/imports/templates/persons.xlsx' });
  assert.equal(template.statusCode, 200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template.rawPayload as unknown as ExcelJS.Buffer);
  assert.deepEqual(workbook.worksheets.map((sheet) => sheet.name), ['人员', '说明']);
  const sheet = workbook.getWorksheet('人员')!;
  assert.equal(sheet.getCell('A1').value, '姓名*');
  assert.match(String(workbook.getWorksheet('说明')!.getColumn(4).values.join('|')), /户籍人口、流动人口、境外人员/);

  const untouched = await importFile(context, context.admin, '模板.xlsx', template.rawPayload);
  assert.deepEqual([untouched.status, untouched.totalRows, untouched.insertedRows], ['succeeded', 0, 0]);
  assert.deepEqual(untouched.warnings.map((warning: { code: string }) => warning.code), ['import.example_row_skipped']);

  sheet.getRow(2).getCell(1).value = '韩十四';
  sheet.getRow(2).getCell(5).value = '370303200001010012';
  sheet.getRow(2).getCell(6).value = '2000-01-01';
  sheet.getRow(2).getCell(21).value = GRID_A;
  const filled = await importFile(context, context.admin, '模板.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
  assert.deepEqual([filled.status, filled.insertedRows, filled.invalidRows], ['succeeded', 1, 0], JSON.stringify(filled.errors));

  const csvTemplate = await context.inject({ url: '/api/imports/templates/persons.csv' });
  assert.deepEqual([...csvTemplate.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark, so that Excel reads UTF-8');
  assert.match(csvTemplate.body, /^\uFEFF姓名\*,曾用名,性别/);
});

test('a job left running by a crashed server is taken over and finished; one interrupted too often is failed', async () => {
  const runner = context.app.services.importJobRunner;
  await runner.stop();
  const crashed = await submitImport(context, context.admin, '崩溃.csv', `姓名,人口类型,所属网格\r\n朱十六,户籍人口,${GRID_A}\r\n`);
  const given = await submitImport(context, context.admin, '放弃.csv', `姓名,人口类型,所属网格\r\n秦十七,户籍人口,${GRID_A}\r\n`);
  const stale = sql`status = 'running', heartbeat_at = now() - interval '10 minutes', runner_token = gen_random_uuid()`;
  await sql`UPDATE import_jobs SET ${stale}, attempts = 1 WHERE id = ${crashed.json().id}`.execute(context.database.db);
  await sql`UPDATE import_jobs SET ${stale}, attempts = 3 WHERE id = ${given.json().id}`.execute(context.database.db);
  runner.start();
  const resumed = await waitForImport(context, context.admin, crashed.json().id);
  assert.deepEqual([resumed.status, resumed.insertedRows], ['succeeded', 1]);
  const failed = await waitForImport(context, context.admin, given.json().id);
  assert.deepEqual([failed.status, failed.failure.code], ['failed', 'import.interrupted']);
});

test('imports need base_data.manage; a job is seen only by whoever submitted it', async () => {
  const refused = await submitImport(context, leader, 'x.csv', personCsv(['name'], [['x']]));
  assert.equal(refused.statusCode, 403);
  const submitted = await submitImport(context, context.admin, 'y.csv', `姓名,人口类型,所属网格\r\n杨十五,户籍人口,${GRID_A}\r\n`);
  assert.equal(submitted.statusCode, 202);
  await waitForImport(context, context.admin, submitted.json().id);
  assert.equal((await context.inject({ url: `/api/imports/${submitted.json().id}`, as: operator })).statusCode, 404);
  const mine = (await context.inject({ url: '/api/imports', as: operator })).json();
  assert.ok(mine.every((job: { fileName: string }) => ['街道.csv', '迁入.csv'].includes(job.fileName)));
  const xls = await submitImport(context, context.admin, 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
  assert.equal(xls.json().code, 'import.xls_unsupported');
});
