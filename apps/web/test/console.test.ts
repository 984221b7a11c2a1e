// The console in a real browser, served by the real server on a real database holding the small demo city.
// Everything the page shows is checked against the database (or the server's own answers), never hard-coded.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { PASSWORD_PROBLEM_MESSAGES, STAFF_ROLE_LABELS, type StaffRole } from '@civicgrid/domain';
import { sql, type RawBuilder } from 'kysely';
import type { Page } from 'playwright-core';
import type { Database } from '../../server/src/database/database.js';
import { DEMO_PASSWORD, resultsDirectory, signIn, startConsole, TIMEOUT, type ConsoleHarness } from './support/console-harness.js';

const ZHANGDIAN_CODE = '370303';
const numberFormat = new Intl.NumberFormat('zh-CN');

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

/** Selects `columns` from the top-level grids of 张店区, the district the console opens on. */
async function topLevelGridsOfZhangdian<Row>(columns: RawBuilder<unknown>, orderBy?: RawBuilder<unknown>): Promise<Row[]> {
  const result = await sql<Row>`
    SELECT ${columns} FROM grids g
    WHERE g.parent_grid_id IS NULL AND g.path LIKE (SELECT path || '/%' FROM regions WHERE code = ${ZHANGDIAN_CODE})
    ${orderBy ? sql`ORDER BY ${orderBy}` : sql``}`.execute(database.db);
  return result.rows;
}

/** Pixels of a screenshot tinted blue like the grid fill and outlines; the map's plain background is grey. */
async function countBluePixels(screenshot: Buffer): Promise<{ blue: number; total: number }> {
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    let blue = 0;
    for (let index = 0; index < data.length; index += 4) if (data[index + 2]! - data[index]! > 20) blue += 1;
    return { blue, total: data.length / 4 };
  }, screenshot.toString('base64'));
}

/** The open grid panel shows the grid's code, household count and grid force as the database has them. */
async function assertPanelMatchesDatabase(expectedCode: string): Promise<void> {
  const panel = page.getByTestId('grid-panel');
  await panel.getByTestId('grid-panel-code').waitFor();
  assert.equal(await panel.getByTestId('grid-panel-code').textContent(), expectedCode);
  const [households] = (await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM households WHERE grid_id = (SELECT id FROM grids WHERE code = ${expectedCode})`
    .execute(database.db)).rows;
  assert.ok(households && households.count > 0, `the demo grid ${expectedCode} should have households`);
  const shownHouseholds = await panel.getByTestId('grid-panel-households').textContent();
  assert.equal(shownHouseholds?.split(' / ')[0], numberFormat.format(households.count));
  const members = await sql<{ name: string }>`
    SELECT m.name FROM grid_member_assignments a JOIN grid_members m ON m.id = a.grid_member_id
    WHERE a.grid_id = (SELECT id FROM grids WHERE code = ${expectedCode})
      AND (a.ended_on IS NULL OR a.ended_on > current_date)`.execute(database.db);
  assert.ok(members.rows.length > 0, `the demo grid ${expectedCode} should have grid members`);
  await panel.getByText(`网格力量（${members.rows.length}）`, { exact: true }).waitFor();
  const shownNames = await panel.getByTestId('grid-panel-members').locator('strong').allTextContents();
  assert.deepEqual(shownNames.sort(), members.rows.map((member) => member.name).sort());
}

test('a district operator signs in and the console opens on 张店区 with its grids listed and drawn on the map', TIMEOUT, async () => {
  await signIn(page, baseUrl, 'district.operator');
  const [operator] = (await sql<{ displayName: string; role: StaffRole }>`
    SELECT display_name AS "displayName", role FROM users WHERE username = 'district.operator'`.execute(database.db)).rows;
  assert.ok(operator, 'the demo accounts should include district.operator');
  assert.equal(await page.getByTestId('user-menu').textContent(), `${operator.displayName}${STAFF_ROLE_LABELS[operator.role]}`);
  // Administration is for administrators: an operator's navigation does not offer it.
  await page.getByTestId('app-navigation').getByText('网格地图', { exact: true }).waitFor();
  assert.equal(await page.getByTestId('app-navigation').getByText('系统管理').count(), 0);

  const regionTree = page.getByTestId('region-tree');
  await regionTree.getByText('淄博市', { exact: true }).waitFor();
  await regionTree.locator('.ant-tree-node-selected').getByText('张店区', { exact: true }).waitFor();

  const [{ count: gridCount } = { count: 0 }] = await topLevelGridsOfZhangdian<{ count: number }>(sql`count(*)::int AS count`);
  assert.ok(gridCount > 0, 'the demo city should have grids in 张店区');
  const gridList = page.getByTestId('grid-list');
  await gridList.locator('.grid-list-item').first().waitFor();
  assert.equal(await gridList.getByText(/^网格（\d+）$/).textContent(), `网格（${gridCount}）`);
  assert.equal(await gridList.locator('.grid-list-item').count(), gridCount);

  // Until MapLibre has drawn the grid source the map is plain grey; then most of it is tinted blue.
  const map = page.getByTestId('grid-map');
  await map.locator('canvas.maplibregl-canvas').waitFor();
  const deadline = Date.now() + 60_000;
  let share = 0;
  while (share < 0.25 && Date.now() < deadline) {
    const { blue, total } = await countBluePixels(await map.screenshot());
    share = blue / total;
    if (share < 0.25) await page.waitForTimeout(250);
  }
  assert.ok(share >= 0.25, `the map should show the grids, but only ${(share * 100).toFixed(1)}% of it is tinted`);
  await page.screenshot({ path: path.join(resultsDirectory, 'console-initial.png') });
  assert.deepEqual(pageErrors, []);
});

test('clicking a grid on the map opens the panel of the grid the server locates there', TIMEOUT, async () => {
  // The map was fitted to the grids' box with 48 px padding (grid-map.tsx); project a point inside one grid the same
  // way MapLibre does (Web Mercator, 512 px world at zoom 0), so the click lands well inside that grid.
  const [extent] = await topLevelGridsOfZhangdian<{ west: number; south: number; east: number; north: number }>(
    sql`min(ST_XMin(g.boundary)) AS west, min(ST_YMin(g.boundary)) AS south,
        max(ST_XMax(g.boundary)) AS east, max(ST_YMax(g.boundary)) AS north`);
  const grids = await topLevelGridsOfZhangdian<{ longitude: number; latitude: number }>(
    sql`ST_X(ST_PointOnSurface(g.boundary)) AS longitude, ST_Y(ST_PointOnSurface(g.boundary)) AS latitude`, sql`g.code`);
  const target = grids[Math.floor(grids.length / 2)];
  assert.ok(extent && target);
  // Asked with the page's own session: the server answers only signed-in users.
  const located = await page.request.get(`${baseUrl}/api/grids/locate?lon=${target.longitude}&lat=${target.latitude}`);
  assert.equal(located.status(), 200);
  const { grid } = (await located.json()) as { grid: { code: string } };

  const box = await page.getByTestId('grid-map').boundingBox();
  assert.ok(box);
  const worldX = (longitude: number) => (longitude + 180) / 360;
  const worldY = (latitude: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (latitude * Math.PI) / 360)) / Math.PI) / 2;
  const worldSize = Math.min(
    (box.width - 96) / (worldX(extent.east) - worldX(extent.west)),
    (box.height - 96) / (worldY(extent.south) - worldY(extent.north)),
    512 * 2 ** 17,
  );
  const clickX = box.x + box.width / 2 + (worldX(target.longitude) - (worldX(extent.west) + worldX(extent.east)) / 2) * worldSize;
  const clickY = box.y + box.height / 2 + (worldY(target.latitude) - (worldY(extent.north) + worldY(extent.south)) / 2) * worldSize;
  await page.mouse.click(clickX, clickY);
  await assertPanelMatchesDatabase(grid.code);
  await page.locator('.grid-list-item-selected').waitFor();
  await page.waitForTimeout(800); // let the map finish moving the selection out from under the panel
  await page.screenshot({ path: path.join(resultsDirectory, 'console-grid-panel.png') });
  assert.deepEqual(pageErrors, []);
});

test('finding a grid by its code in the list opens its panel', TIMEOUT, async () => {
  const [busiest] = await topLevelGridsOfZhangdian<{ code: string; name: string }>(
    sql`g.code, g.name`, sql`(SELECT count(*) FROM households h WHERE h.grid_id = g.id) DESC, g.code`);
  assert.ok(busiest);
  const gridList = page.getByTestId('grid-list');
  await gridList.getByPlaceholder('按名称、编码或社区筛选').fill(busiest.code);
  await gridList.locator('.grid-list-item').filter({ hasText: busiest.name }).waitFor();
  assert.equal(await gridList.locator('.grid-list-item').count(), 1);
  await gridList.locator('.grid-list-item').click();
  await assertPanelMatchesDatabase(busiest.code);
  assert.equal(await page.locator('.ant-drawer-title').textContent(), busiest.name);
  assert.deepEqual(pageErrors, []);
});

test('changing one’s password shows the server’s policy message, then signs out everywhere; the new password works', TIMEOUT, async () => {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '修改密码' }).click();
  const dialog = page.locator('.ant-modal').filter({ hasText: '修改密码' });
  await dialog.getByLabel('当前密码').fill(DEMO_PASSWORD);
  await dialog.getByLabel('新密码', { exact: true }).fill('short');
  await dialog.getByLabel('确认新密码').fill('short');
  await dialog.getByRole('button', { name: '确认修改' }).click();
  await dialog.getByTestId('change-password-error').getByText(PASSWORD_PROBLEM_MESSAGES.too_short.zh, { exact: false }).waitFor();

  const newPassword = 'Zhangdian#2026';
  await dialog.getByLabel('新密码', { exact: true }).fill(newPassword);
  await dialog.getByLabel('确认新密码').fill(newPassword);
  await dialog.getByRole('button', { name: '确认修改' }).click();
  await page.getByTestId('login-page').getByText('密码已修改，请使用新密码重新登录').waitFor();
  const [{ count } = { count: -1 }] = (await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE u.username = 'district.operator' AND s.revoked_at IS NULL`.execute(database.db)).rows;
  assert.equal(count, 0, 'every session of the user has ended');

  await signIn(page, baseUrl, 'district.operator', newPassword);
  await page.getByTestId('region-tree').getByText('张店区', { exact: true }).waitFor();
  assert.deepEqual(pageErrors, []);
});
