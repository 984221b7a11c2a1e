// 数据看板、大屏、指令 and the language switch in the console, as the people who use them: a leader opens the dashboard
// and the big screen, the district center sends a directive to every grid worker of the district, a grid worker
// completes it, and the district sees that grid done in the table and on the map; then the console speaks English.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import type { Database } from '../../server/src/database/database.js';
import { seedDemoIncidentsIfNone } from '../../server/src/demo/demo-incidents.js';
import { createServices } from '../../server/src/http/services.js';
import { csrfTokenOf, fullPageScreenshot, resultsDirectory, signIn, startConsole, TIMEOUT, type ConsoleHarness } from './support/console-harness.js';

const GRID_CODE = '370303001001001';
const TITLE = '汛前隐患排查';

let harness: ConsoleHarness;
let database: Database;
let page: Page;
let baseUrl: string;
let directiveId: number;

before(async () => {
  harness = await startConsole();
  ({ database, page, baseUrl } = harness);
  // The demo's incidents in every state of the loop, as the server seeds them at start, for the figures to show something.
  const services = createServices(database, { filesDirectory: path.join(os.tmpdir(), 'civicgrid-dashboard-test'), duplicateWindow: { metres: 100, hours: 72 } });
  await seedDemoIncidentsIfNone(database, services, () => {});
}, TIMEOUT);

after(async () => {
  await harness?.close();
});

/** Saves the page; the console scrolls inside its content area, so the window is made as tall as that content for the picture. */
const screenshot = (name: string) => fullPageScreenshot(page, `dashboards-${name}.png`, 600);

async function switchUser(username: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, baseUrl, username);
}

/** Every chart in the element has drawn on its canvas. */
async function chartsDrawn(testId: string): Promise<void> {
  await page.getByTestId(testId).locator('canvas').first().waitFor();
}

test('a leader opens the dashboard: figures, charts, overdue list and rankings of the city', TIMEOUT, async () => {
  await switchUser('leader');
  await page.getByTestId('app-navigation').getByText('指挥调度', { exact: true }).hover();
  await page.getByRole('menuitem', { name: '数据看板' }).click();
  await page.getByTestId('dashboard-kpis').waitFor();
  const expected = await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM incidents WHERE reported_at >= now() - interval '29 days' - interval '1 day'`.execute(database.db);
  const total = Number((await page.getByTestId('dashboard-kpis').locator('.ant-statistic-content-value').first().innerText()).replace(/\D/g, ''));
  assert.ok(total > 0 && total <= expected.rows[0]!.count, `the demo's incidents are counted (${total})`);
  for (const chart of ['chart-by-day', 'chart-by-category', 'chart-by-source', 'chart-by-status']) await chartsDrawn(chart);
  assert.ok((await page.getByTestId('dashboard-region-ranking').locator('tbody tr').count()) > 0, 'districts are ranked');
  await page.getByTestId('dashboard-department-ranking').waitFor();
  await screenshot('1-dashboard');
});

test('the big screen fills 1920×1080 without scrolling', TIMEOUT, async () => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${baseUrl}/big-screen`);
  await chartsDrawn('big-screen-trend');
  const overflow = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight,
    stage: document.querySelector('[data-testid="big-screen"]')!.getBoundingClientRect().toJSON() as DOMRect,
  }));
  assert.deepEqual([overflow.width, overflow.height], [1920, 1080], 'nothing scrolls');
  assert.deepEqual([Math.round(overflow.stage.width), Math.round(overflow.stage.height)], [1920, 1080]);
  await screenshot('2-big-screen');
  await page.setViewportSize({ width: 1440, height: 900 });
});

test('the district center sends a directive to every grid of the district', TIMEOUT, async () => {
  await switchUser('district.operator');
  await page.goto(`${baseUrl}/directives`);
  await page.getByTestId('issue-directive').click();
  const form = page.getByTestId('directive-issue-form');
  await form.getByLabel('标题').fill(TITLE);
  await form.getByLabel('任务内容').fill('排查辖区低洼地带、地下车库和危旧房屋，发现隐患立即上报');
  await page.locator('.ant-modal-footer').getByRole('button', { name: '下发指令' }).click();
  await page.getByTestId('directive-title').getByText(TITLE).waitFor();
  directiveId = Number(new URL(page.url()).pathname.split('/').pop());
  const grids = await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM grids WHERE parent_grid_id IS NULL AND path LIKE '370300/370303/%'`.execute(database.db);
  const rows = page.getByTestId('directive-grid-table').locator('tbody tr.ant-table-row');
  await rows.first().waitFor();
  assert.ok(grids.rows[0]!.count > 0);
  assert.equal(await page.getByTestId('grid-state-tag').filter({ hasText: '已完成' }).count(), 0);
});

test('the grid worker sees the directive among his tasks and completes it with a note', TIMEOUT, async () => {
  await switchUser('grid.worker');
  await page.getByTestId('app-navigation').getByText('指挥调度', { exact: true }).hover();
  await page.getByRole('menuitem', { name: '我的指令' }).click();
  const card = page.getByTestId('my-directive').filter({ hasText: TITLE });
  await card.getByRole('button', { name: '完成' }).click();
  await page.getByTestId('directive-complete-form').getByLabel('完成说明').fill('已排查低洼地带 3 处、地下车库 2 处，无积水隐患');
  await page.locator('.ant-modal-footer').getByRole('button', { name: '完成' }).click();
  await card.getByText('已完成', { exact: true }).waitFor();
  await screenshot('3-my-directives');
});

test('the district sees the grid done in the table and on the map', TIMEOUT, async () => {
  await switchUser('district.operator');
  await page.goto(`${baseUrl}/directives/${directiveId}`);
  const row = page.getByTestId('directive-grid-table').locator('tr', { hasText: GRID_CODE });
  await row.getByText('已完成').waitFor();
  assert.ok((await row.innerText()).includes('无积水隐患'));
  await page.getByTestId('directive-completion-map').locator('canvas').waitFor();
  await page.waitForTimeout(1000);
  await screenshot('4-directive-detail');
});

test('the nearest cameras show beside an incident', TIMEOUT, async () => {
  const incident = await sql<{ id: number; lon: number; lat: number }>`
    SELECT id, ST_X(location) AS lon, ST_Y(location) AS lat FROM incidents WHERE grid_id IS NOT NULL ORDER BY id LIMIT 1`.execute(database.db);
  const { id, lon, lat } = incident.rows[0]!;
  const token = await csrfTokenOf(page);
  const created = await page.evaluate(async ({ lon, lat, token }) => {
    const response = await fetch('/api/cameras', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': token },
      body: JSON.stringify({ name: '路口高点监控', lon: lon + 0.0005, lat, streamUrl: 'rtsp://10.1.2.3:554/h264' }),
    });
    return response.status;
  }, { lon, lat, token });
  assert.equal(created, 201);
  await page.goto(`${baseUrl}/incidents/${id}`);
  const camera = page.getByTestId('nearest-camera').first();
  await camera.waitFor();
  assert.match(await camera.innerText(), /路口高点监控[\s\S]*4\d 米/);
  await screenshot('6-incident-nearest-cameras');

  await page.goto(`${baseUrl}/cameras`);
  const row = page.getByTestId('camera-table').locator('tr', { hasText: '路口高点监控' });
  await row.waitFor();
  assert.match(await row.innerText(), /新华社区第1网格[\s\S]*rtsp:\/\/10\.1\.2\.3:554\/h264[\s\S]*在线/);
  await page.getByTestId('add-camera').click();
  await page.getByTestId('camera-form').waitFor();
  await page.getByTestId('camera-form').getByLabel('视频流地址').fill('javascript:alert(1)');
  await page.locator('.ant-modal-footer').getByRole('button', { name: '保存' }).click();
  await page.getByText('仅支持 rtsp://、http:// 或 https:// 地址').first().waitFor();
  await screenshot('7-camera-form');
  await page.locator('.ant-modal-footer').getByRole('button', { name: '取消' }).click();
});

test('the console switches to English, remembers it, and switches back', TIMEOUT, async () => {
  await page.goto(`${baseUrl}/directives`);
  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  const navigation = page.getByTestId('app-navigation');
  await navigation.getByText('Command', { exact: true }).waitFor();
  await page.getByRole('heading', { name: 'Directives' }).waitFor();
  assert.ok((await page.locator('.app-header').innerText()).includes('District center operator'));
  await page.reload();
  await navigation.getByText('Incidents', { exact: true }).waitFor();
  await page.getByText('Issue directive').waitFor();
  await page.screenshot({ path: path.join(resultsDirectory, 'dashboards-5-english-header.png'), clip: { x: 0, y: 0, width: 1440, height: 400 } });
  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name: '简体中文' }).click();
  await navigation.getByText('指挥调度', { exact: true }).waitFor();
  await page.getByRole('heading', { name: '指令' }).waitFor();
  assert.deepEqual(harness.pageErrors, []);
});
