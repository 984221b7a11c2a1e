// Personal data in the console: a grid's buildings, households and persons, with ID numbers and mobiles masked, and
// 查看原文 for users allowed to reveal one person's record — giving a reason the audit log keeps.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { maskIdNumber, maskPhone } from '@civicgrid/domain';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import type { Database } from '../../server/src/database/database.js';
import { resultsDirectory, signIn, startConsole, TIMEOUT, type ConsoleHarness } from './support/console-harness.js';

const GRID_CODE = '370303001001001';
const REASON = '核实流动人口登记信息';

let harness: ConsoleHarness;
let database: Database;
let page: Page;
let baseUrl: string;
let pageErrors: string[];

interface Target {
  buildingId: number;
  householdId: number;
  personId: number;
  name: string;
  idNumber: string;
  mobile: string;
}

let target: Target;

before(async () => {
  harness = await startConsole();
  ({ database, page, baseUrl, pageErrors } = harness);
  // The first household, in the order the console lists them, of the grid's first building that has a person with
  // both an ID number and a mobile; that person (the first such in the household's order) is the one revealed.
  const [row] = (await sql<Target>`
    SELECT b.id AS "buildingId", hh.id AS "householdId", p.id AS "personId", p.name, p.id_number AS "idNumber", p.mobile
    FROM persons p JOIN households hh ON hh.id = p.household_id JOIN houses h ON h.id = hh.house_id
    JOIN buildings b ON b.id = h.building_id LEFT JOIN units u ON u.id = h.unit_id JOIN grids g ON g.id = b.grid_id
    WHERE g.code = ${GRID_CODE} AND p.id_number IS NOT NULL AND p.mobile IS NOT NULL
    ORDER BY b.name, b.id, u.name, h.floor, h.number, p.relation_to_head = '户主' DESC, p.birth_date
    LIMIT 1`.execute(database.db)).rows;
  assert.ok(row, `the demo grid ${GRID_CODE} should have a person with an ID number and a mobile`);
  target = row;
}, TIMEOUT);

after(async () => {
  await harness?.close();
});

/** Opens the grid's panel through the grid list, then the target's building and household. */
async function openTargetHousehold(): Promise<void> {
  const gridList = page.getByTestId('grid-list');
  await gridList.locator('.grid-list-item').first().waitFor();
  await gridList.getByPlaceholder('按名称、编码或社区筛选').fill(GRID_CODE);
  await gridList.locator('.grid-list-item').nth(1).waitFor({ state: 'detached' });
  await gridList.locator('.grid-list-item').first().click();
  const panel = page.getByTestId('grid-panel');
  await panel.getByTestId('grid-panel-code').getByText(GRID_CODE, { exact: true }).waitFor();
  await panel.getByTestId('building-list').locator(`[data-building-id="${target.buildingId}"]`).click();
  const modal = page.getByTestId('building-modal');
  await modal.locator(`tr[data-row-key="${target.householdId}"]`).click();
  await modal.getByTestId('household-persons').locator(`tr[data-row-key="${target.personId}"]`).waitFor();
}

const personRow = () => page.getByTestId('household-persons').locator(`tr[data-row-key="${target.personId}"]`);

async function revealCount(): Promise<number> {
  const [{ count } = { count: -1 }] = (await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM audit_log
    WHERE action = 'person.reveal' AND target_table = 'persons' AND target_id = ${target.personId} AND reason = ${REASON}`
    .execute(database.db)).rows;
  return count;
}

test('a street operator sees a household’s persons masked, and 查看原文 with a reason shows one row in full and is audited', TIMEOUT, async () => {
  await signIn(page, baseUrl, 'street.operator');
  await openTargetHousehold();

  const grid = await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM buildings WHERE grid_id = (SELECT id FROM grids WHERE code = ${GRID_CODE})`.execute(database.db);
  await page.getByTestId('building-list').getByText(`楼栋（${grid.rows[0]?.count}）`, { exact: true }).waitFor();

  const persons = (await sql<{ idNumber: string | null; mobile: string | null }>`
    SELECT id_number AS "idNumber", mobile FROM persons WHERE household_id = ${target.householdId}`.execute(database.db)).rows;
  const table = page.getByTestId('household-persons');
  assert.equal(await table.locator('tbody tr.ant-table-row').count(), persons.length);
  const row = personRow();
  await row.getByText(maskIdNumber(target.idNumber), { exact: true }).waitFor();
  await row.getByText(maskPhone(target.mobile), { exact: true }).waitFor();
  const masked = (await page.locator('body').textContent()) ?? '';
  for (const person of persons) {
    if (person.idNumber) assert.ok(!masked.includes(person.idNumber), 'no full ID number is on the page');
    if (person.mobile) assert.ok(!masked.includes(person.mobile), 'no full mobile is on the page');
  }
  await page.screenshot({ path: path.join(resultsDirectory, 'person-masked.png') });

  assert.equal(await revealCount(), 0);
  await row.getByRole('button', { name: '查看原文' }).click();
  const dialog = page.getByTestId('reveal-person-modal');
  await dialog.getByLabel('查看理由').waitFor();
  // A reason is required: without one nothing is asked of the server.
  await page.locator('.ant-modal').filter({ has: dialog }).getByRole('button', { name: '查看原文' }).click();
  await dialog.getByText('请填写查看理由', { exact: true }).waitFor();
  await dialog.getByLabel('查看理由').fill(REASON);
  await page.locator('.ant-modal').filter({ has: dialog }).getByRole('button', { name: '查看原文' }).click();

  await row.getByText(target.idNumber, { exact: true }).waitFor();
  await row.getByText(target.mobile, { exact: true }).waitFor();
  await row.getByTestId('person-revealed-tag').waitFor();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await revealCount(), 1, 'the reveal is in the audit log with its reason');
  // Only that row is revealed: the others still show masked values only.
  const others = await table.locator(`tbody tr.ant-table-row:not([data-row-key="${target.personId}"])`).allTextContents();
  for (const person of persons) {
    if (person.idNumber && person.idNumber !== target.idNumber) assert.ok(!others.join('').includes(person.idNumber));
  }
  await page.waitForTimeout(300); // let the closing modal fade out
  await page.screenshot({ path: path.join(resultsDirectory, 'person-revealed.png') });
  assert.deepEqual(pageErrors, []);
});

test('a leader sees the persons masked and no 查看原文', TIMEOUT, async () => {
  await page.context().clearCookies();
  await signIn(page, baseUrl, 'leader');
  const me = (await (await page.request.get(`${baseUrl}/api/auth/me`)).json()) as { permissions: string[] };
  assert.ok(me.permissions.includes('base_data.read') && !me.permissions.includes('person.reveal'));
  await openTargetHousehold();
  const row = personRow();
  await row.getByText(maskIdNumber(target.idNumber), { exact: true }).waitFor();
  assert.equal(await page.getByTestId('household-persons').getByRole('button', { name: '查看原文' }).count(), 0);
  assert.ok(!((await page.locator('body').textContent()) ?? '').includes(target.idNumber));
  assert.deepEqual(pageErrors, []);
});
