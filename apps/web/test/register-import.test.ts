// The person register 实有人口 in the console, as a community operator keeps it: the import template downloaded, a
// spreadsheet of new residents (GBK, as older Excel saves CSV) imported with its bad rows skipped, the errors read by
// row and column and downloaded as a report, then one imported person found, opened, corrected, and the correction
// seen in the record's change history.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildIdNumber } from '@civicgrid/domain';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import type { Download, Page } from 'playwright-core';
import type { Database } from '../../server/src/database/database.js';
import { csrfTokenOf, fullPageScreenshot, resultsDirectory, signIn, startConsole, TIMEOUT, type ConsoleHarness } from './support/console-harness.js';

const GRID_CODE = '370303001001001';
// Compound surnames the demo city's name generator never uses, so that each name finds exactly one person.
const GOOD_ROWS = [
  { name: '欧阳书瑶', birthDate: '1986-03-12', sequence: 2, residency: '户籍人口', mobile: '13905331201', address: '新华路18号3单元201' },
  { name: '司马清远', birthDate: '1979-11-02', sequence: 3, residency: '流动人口', mobile: '13905331202', address: '新华路18号3单元202' },
  { name: '上官明哲', birthDate: '1992-07-25', sequence: 5, residency: '户籍人口', mobile: '', address: '新华路20号1单元101' },
  { name: '慕容雅琴', birthDate: '1958-01-30', sequence: 4, residency: '户籍人口', mobile: '0533-2861234', address: '新华路20号1单元102' },
  { name: '诸葛晓东', birthDate: '2001-09-09', sequence: 7, residency: '流动人口', mobile: '13905331205', address: '新华路22号2单元301' },
];
const EDITED = GOOD_ROWS[1]!;
const NEW_OCCUPATION = '快递员';

let harness: ConsoleHarness;
let database: Database;
let page: Page;
let baseUrl: string;
let pageErrors: string[];

before(async () => {
  harness = await startConsole();
  ({ database, page, baseUrl, pageErrors } = harness);
}, TIMEOUT);

after(async () => {
  await harness?.close();
});

/** Saves the whole page (the console scrolls inside its content area), once messages have gone. */
const screenshot = (name: string) => fullPageScreenshot(page, `register-${name}.png`);

async function downloaded(click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  assert.ok(file, `${download.suggestedFilename()} was saved`);
  return { download, bytes: fs.readFileSync(file) };
}

const quoted = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The operator's spreadsheet, laid out by the template's own header row: five good rows, then two bad ones. */
function residentsCsv(templateHeader: string[]): Buffer {
  const rows: Record<string, string>[] = GOOD_ROWS.map((row) => ({
    姓名: row.name,
    证件类型: '居民身份证',
    证件号码: buildIdNumber('370303', row.birthDate, row.sequence),
    联系电话: row.mobile,
    人口类型: row.residency,
    现住址: row.address,
    所属网格: GRID_CODE,
  }));
  const wrongCheckDigit = buildIdNumber('370303', '1990-05-05', 9);
  rows.push({ 姓名: '东方未明', 证件号码: wrongCheckDigit.slice(0, 17) + (wrongCheckDigit.endsWith('0') ? '1' : '0'), 人口类型: '户籍人口', 所属网格: GRID_CODE });
  rows.push({ 姓名: '', 证件号码: buildIdNumber('370303', '1990-05-06', 11), 人口类型: '户籍人口', 所属网格: GRID_CODE });
  // Headers as the template has them (required ones marked *), without its UTF-8 byte-order mark: the file is GBK.
  const headers = templateHeader.map((header) => header.replace(/^\uFEFF/, '').trim());
  const fields = headers.map((header) => header.replace(/[*＊]$/, ''));
  const lines = [headers.join(','), ...rows.map((row) => fields.map((field) => quoted(row[field] ?? '')).join(','))];
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk');
}

test('a community operator imports a GBK spreadsheet of residents, skipping the bad rows, and reads the errors by row and column', TIMEOUT, async () => {
  const names = GOOD_ROWS.map((row) => row.name);
  const existing = (await sql<{ count: number }>`SELECT count(*)::int AS count FROM persons WHERE name = ANY(${names})`.execute(database.db)).rows;
  assert.equal(existing[0]?.count, 0, 'the residents are new to the demo city');

  await signIn(page, baseUrl, 'community.operator');
  await page.getByTestId('app-navigation').getByText('基础数据', { exact: true }).hover();
  await page.locator('.ant-menu-submenu-popup').getByText('批量导入', { exact: true }).click();
  await page.getByTestId('import-upload-step').waitFor();
  await page.getByTestId('recent-imports').getByText('还没有导入过').waitFor();

  const xlsxTemplate = await downloaded(() => page.getByTestId('import-templates').getByRole('link', { name: /Excel 模板/ }).click());
  assert.match(xlsxTemplate.download.suggestedFilename(), /\.xlsx$/);
  assert.equal(xlsxTemplate.bytes.subarray(0, 2).toString('latin1'), 'PK', 'the Excel template is an xlsx file');
  const csvTemplate = await downloaded(() => page.getByTestId('import-templates').getByRole('link', { name: /CSV 模板/ }).click());
  const templateHeader = csvTemplate.bytes.toString('utf8').split(/\r?\n/)[0]!.split(',');
  assert.ok(templateHeader.some((header) => header.replace(/^\uFEFF/, '').startsWith('姓名')), 'the template has a 姓名 column');

  await page.getByTestId('import-file').locator('input[type="file"]').setInputFiles({
    name: '新华社区新登记人员.csv', mimeType: 'text/csv', buffer: residentsCsv(templateHeader),
  });
  await page.getByTestId('import-upload-step').getByText('新华社区新登记人员.csv').waitFor();
  await page.getByTestId('import-mode').getByText('跳过错误行', { exact: false }).click();
  await screenshot('1-import-file-chosen');

  await page.getByTestId('import-start').click();
  // The progress step shows while the server reads the file; a small file may be done before it is drawn.
  await page.getByTestId('import-progress').or(page.getByTestId('import-result')).first().waitFor();
  if (await page.getByTestId('import-progress').isVisible()) {
    await page.screenshot({ path: path.join(resultsDirectory, 'register-2-import-progress.png') });
  }
  const result = page.getByTestId('import-result');
  await result.waitFor({ timeout: 60_000 });
  await screenshot('3-import-result');
  const [job] = (await sql<{ status: string; failure: unknown }>`SELECT status, failure FROM import_jobs ORDER BY id DESC LIMIT 1`.execute(database.db)).rows;
  assert.equal(await result.getAttribute('data-status'), 'succeeded', `the import job ended: ${JSON.stringify(job)}`);
  const count = async (key: string) => (await result.locator(`[data-count="${key}"] .ant-statistic-content-value`).innerText()).trim();
  assert.equal(await count('inserted'), '5');
  assert.equal(await count('invalid'), '2');

  // Header on line 1: the bad rows are lines 7 and 8 of the file, as the operator's spreadsheet numbers them.
  const errorRows = await page.getByTestId('import-errors').locator('tbody tr.ant-table-row').evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? '')));
  const byRow = new Map(errorRows.map(([row, column, value, message]) => [row, { column, value, message }]));
  assert.equal(byRow.get('7')?.column, '证件号码', `row 7 is refused for its ID number: ${JSON.stringify(errorRows)}`);
  assert.match(byRow.get('7')?.message ?? '', /校验码/);
  assert.equal(byRow.get('8')?.column, '姓名', `row 8 is refused for its missing name: ${JSON.stringify(errorRows)}`);

  const report = await downloaded(() => page.getByTestId('import-error-report').click());
  assert.match(report.download.suggestedFilename(), /\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(report.bytes).buffer);
  const reportRows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => reportRows.push((row.values as unknown[]).slice(1).map((cell) => String(cell ?? ''))));
  const reported = reportRows.slice(1).map(([row, column]) => `${row} ${column}`);
  assert.deepEqual(reported, ['7 证件号码', '8 姓名'], 'the report names each refused row and column');

  await page.getByTestId('recent-imports').getByText('新华社区新登记人员.csv').waitFor();
  const stored = (await sql<{ name: string; gridCode: string }>`
    SELECT p.name, g.code AS "gridCode" FROM persons p JOIN grids g ON g.id = p.grid_id WHERE p.name = ANY(${names}) ORDER BY p.name`
    .execute(database.db)).rows;
  assert.equal(stored.length, 5);
  assert.ok(stored.every((person) => person.gridCode === GRID_CODE));
  assert.deepEqual(pageErrors, []);
});

test('the operator finds an imported resident in 实有人口, corrects the occupation, and sees the change in the history', TIMEOUT, async () => {
  await page.getByRole('button', { name: '查看实有人口' }).click();
  const table = page.getByTestId('person-table');
  await table.locator('tbody tr.ant-table-row').first().waitFor();
  await page.getByTestId('person-search').locator('input').fill(EDITED.name);
  await page.getByTestId('person-search').locator('input').press('Enter');
  const row = table.locator('tbody tr.ant-table-row').filter({ hasText: EDITED.name });
  await row.waitFor();
  assert.equal(await table.locator('tbody tr.ant-table-row').count(), 1, 'the name finds one person');
  const rowText = await row.innerText();
  assert.match(rowText, /370303\*+\d{3}[\dX]/, 'the ID number is masked');
  assert.match(rowText, /139\*+1202/, 'the phone is masked');
  assert.match(rowText, /流动人口/);
  await screenshot('4-person-list');

  // 导出 what the list shows, as CSV in GBK: the ID number stays masked.
  await page.getByRole('button', { name: '导出' }).click();
  const exportModal = page.getByTestId('person-export-modal');
  await exportModal.getByRole('radio', { name: 'CSV（.csv）' }).check();
  await exportModal.getByRole('radio', { name: 'GBK' }).check();
  await screenshot('4a-export');
  const exported = await downloaded(() => page.locator('.ant-modal-footer').getByRole('button', { name: '导出' }).click());
  assert.match(exported.download.suggestedFilename(), /\.csv$/);
  const exportedLines = iconv.decode(exported.bytes, 'gbk').trim().split(/\r?\n/);
  assert.equal(exportedLines.length, 2, 'the header and the one person found');
  assert.match(exportedLines[1]!, new RegExp(`${EDITED.name}.*370303\\*+\\d{3}[\\dX]`));
  assert.ok(!exportedLines[1]!.includes(buildIdNumber('370303', EDITED.birthDate, EDITED.sequence)), 'the ID number is not exported in full');

  await row.click();
  await page.getByTestId('person-name').getByText(EDITED.name).waitFor();
  await page.getByTestId('person-facts').locator('[data-field="currentAddress"]').getByText(EDITED.address).waitFor();
  await page.getByTestId('record-history').waitFor();
  await screenshot('5-person-page');

  await page.getByTestId('person-actions').getByRole('button', { name: '编辑' }).click();
  const form = page.getByTestId('person-form');
  await form.waitFor();
  await form.getByLabel('职业').fill(NEW_OCCUPATION);
  await screenshot('6-person-edit');
  await page.getByTestId('person-form-save').click();
  await page.locator('.ant-message').getByText(`已保存 ${EDITED.name} 的信息`).waitFor();
  await form.waitFor({ state: 'detached' });
  await page.getByTestId('person-facts').locator('[data-field="occupation"]').getByText(NEW_OCCUPATION).waitFor();

  const change = page.getByTestId('record-history').getByTestId('record-change').filter({ hasText: '职业' });
  await change.waitFor();
  assert.match(await change.innerText(), new RegExp(`职业\\s*（空）\\s*→\\s*${NEW_OCCUPATION}`));
  await page.getByTestId('record-history-entry').first().getByText('新华社区坐席').waitFor();
  await screenshot('7-person-history');

  const [stored] = (await sql<{ occupation: string | null; version: number }>`
    SELECT occupation, version FROM persons WHERE name = ${EDITED.name}`.execute(database.db)).rows;
  assert.equal(stored?.occupation, NEW_OCCUPATION);
  assert.deepEqual(pageErrors, []);
});

test('a second record of an imported resident, without an ID number, shows as a suspected duplicate and is merged into the first', TIMEOUT, async () => {
  const kept = GOOD_ROWS[0]!;
  const created = await page.request.post(`${baseUrl}/api/persons`, {
    headers: { 'x-csrf-token': await csrfTokenOf(page) },
    data: { name: kept.name, birthDate: kept.birthDate, residency: '户籍人口', gridCode: GRID_CODE, currentAddress: kept.address },
  });
  assert.equal(created.status(), 201, await created.text());
  const duplicateId = ((await created.json()) as { id: number }).id;

  await page.getByTestId('app-navigation').getByText('基础数据', { exact: true }).hover();
  await page.locator('.ant-menu-submenu-popup').getByText('实有人口', { exact: true }).click();
  await page.getByRole('button', { name: '疑似重复' }).click();
  const group = page.getByTestId('duplicate-group').filter({ hasText: kept.name });
  await group.waitFor();
  assert.match(await group.innerText(), /未登记证件号码/);
  await screenshot('8-duplicates');

  // The imported record (with its ID number) is kept; the one typed in without it is merged into it.
  const keptRow = group.locator('tr.ant-table-row').filter({ hasText: '370303' });
  await keptRow.getByRole('radio').check();
  await group.locator(`tr[data-row-key="${duplicateId}"]`).getByRole('button', { name: '合并到保留记录' }).click();
  const confirm = page.locator('.ant-modal-confirm');
  await confirm.getByText('不能撤销', { exact: false }).waitFor();
  await screenshot('9-merge-confirm');
  await confirm.getByRole('button', { name: '确认合并' }).click();
  await page.locator('.ant-message').getByText(`已将 ${kept.name} 合并`).waitFor();
  await group.waitFor({ state: 'detached' });

  const [merged] = (await sql<{ deregisteredOn: string | null }>`
    SELECT deregistered_on::text AS "deregisteredOn" FROM persons WHERE id = ${duplicateId}`.execute(database.db)).rows;
  assert.ok(merged?.deregisteredOn, 'the merged record is deregistered');
  assert.deepEqual(pageErrors, []);
});
