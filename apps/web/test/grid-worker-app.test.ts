// The grid worker's phone app (/m/) on an emulated phone, as a worker uses it outdoors: signs in once with signal,
// then, with none, reports three problems with photos and the day's all-clear; the app is closed and opened again
// with no network and still holds them; when the signal returns they reach the server once each. A cut in the
// middle of an upload makes no second incident or photo.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { request, type APIRequestContext, type BrowserContext, type Page } from 'playwright-core';
import type { Database } from '../../server/src/database/database.js';
import {
  cameraPhoto, DEMO_PASSWORD, PHONE_POSITION, phoneScreenshot, startConsole, submitLogin, TIMEOUT, type ConsoleHarness,
} from './support/console-harness.js';

const GRID_CODE = '370303001001001';
const MARK = '离线上报测试';
const REPORTS = [
  { description: `${MARK}一：新华路12号门口井盖缺失`, colour: { r: 200, g: 60, b: 40 }, search: '井盖' },
  { description: `${MARK}二：人民路口暴露垃圾堆积`, colour: { r: 60, g: 160, b: 70 }, search: '垃圾' },
  { description: `${MARK}三：小区东门路灯不亮`, colour: { r: 40, g: 90, b: 200 }, search: null },
];
const CUT_DESCRIPTION = '断网测试：上传照片时信号中断';
const DIRECTIVE = { title: '入户核查出租房屋消防隐患', content: '本周内走访辖区出租房屋，检查灭火器和电动车充电情况' };
const DIRECTIVE_NOTE = '已走访出租房屋8户，2户电动车室内充电已劝改';

let harness: ConsoleHarness;
let database: Database;
let page: Page;
let context: BrowserContext;
let baseUrl: string;
let pageErrors: string[];

before(async () => {
  harness = await startConsole({ mobile: true });
  ({ database, page, baseUrl, pageErrors } = harness);
  context = page.context();
}, TIMEOUT);

after(async () => {
  await harness?.close();
});

async function openTab(title: string, testId: string): Promise<void> {
  await page.locator('.m-tab-bar').getByText(title, { exact: true }).click();
  await page.getByTestId(testId).waitFor();
}

async function outboxStates(): Promise<string[]> {
  return page.getByTestId('outbox-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-state') ?? ''));
}

async function waitForOutbox(expected: string[], timeout = 60_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const states = await outboxStates();
    if (JSON.stringify([...states].sort()) === JSON.stringify([...expected].sort())) return;
    if (Date.now() > deadline) assert.fail(`outbox states ${JSON.stringify(states)}, expected ${JSON.stringify(expected)}`);
    await page.waitForTimeout(250);
  }
}

async function incidentsLike(pattern: string) {
  return (await sql<{ id: number; code: string; clientId: string; gridCode: string | null; photos: number }>`
    SELECT i.id, i.code, i.client_id AS "clientId", g.code AS "gridCode",
      (SELECT count(*)::int FROM incident_attachments a WHERE a.incident_id = i.id) AS photos
    FROM incidents i LEFT JOIN grids g ON g.id = i.grid_id
    WHERE i.description LIKE ${pattern} ORDER BY i.id`.execute(database.db)).rows;
}

async function allClearsToday() {
  return (await sql<{ clientId: string }>`
    SELECT c.client_id AS "clientId" FROM daily_all_clears c JOIN grids g ON g.id = c.grid_id
    WHERE g.code = ${GRID_CODE} AND c.report_date = (now() AT TIME ZONE 'Asia/Shanghai')::date`.execute(database.db)).rows;
}

/** Another person's session on the server (the street center, the department), as their console would call it. */
async function staffSession(username: string): Promise<{ api: APIRequestContext; write: (path: string, body: unknown) => Promise<unknown> }> {
  const api = await request.newContext({ baseURL: baseUrl });
  const login = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  assert.equal(login.status(), 200, await login.text());
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const write = async (path: string, body: unknown) => {
    const response = await api.post(path, { data: body, headers: { 'x-csrf-token': csrfToken } });
    assert.ok(response.ok(), `${path}: ${response.status()} ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  return { api, write };
}

/** Fills in and submits one report on the 上报 screen, and waits until the app says it is kept on the phone. */
async function report(entry: (typeof REPORTS)[number], index: number, { usePin = false, offline = true } = {}): Promise<void> {
  const form = page.getByTestId('report-form');
  await form.waitFor();
  await form.getByTestId('photo-input').setInputFiles(await cameraPhoto(entry.colour, `camera-${index}.jpg`));
  await form.getByTestId('report-photo').first().waitFor();
  if (usePin) {
    // A poor fix: the map opens by itself and the worker puts the pin where the problem is.
    await context.setGeolocation({ ...PHONE_POSITION, accuracy: 180 });
    await form.getByTestId('gps-status').getByText(/GPS 信号弱/).waitFor();
    const map = form.getByTestId('pin-map');
    await map.locator('canvas').waitFor();
    await page.waitForTimeout(800);
    const box = await map.boundingBox();
    assert.ok(box, 'the pin map is shown');
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await form.getByTestId('gps-status').getByText('已在地图上标出位置').waitFor();
    await form.getByTestId('located-grid').getByText('所在网格：新华社区第1网格').waitFor();
    await map.locator('.maplibregl-marker').waitFor();
    await form.getByTestId('located-grid').scrollIntoViewIfNeeded();
    await phoneScreenshot(page, 'grid-worker-app-3-report-pin-map.png');
    await context.setGeolocation(PHONE_POSITION);
  } else {
    await form.getByTestId('gps-status').getByText(/GPS 已定位，误差约 8 米/).waitFor();
    await form.getByTestId('located-grid').getByText('所在网格：新华社区第1网格').waitFor();
  }
  if (entry.search) {
    await form.getByTestId('category-field').click();
    const popup = page.getByTestId('category-popup');
    await page.locator('.m-category-popup').getByPlaceholder(/输入关键字/).fill(entry.search);
    await popup.locator('.adm-list-item').first().waitFor();
    if (index === 0) await phoneScreenshot(page, 'grid-worker-app-2a-category-search.png');
    await popup.locator('.adm-list-item').first().click();
    await popup.waitFor({ state: 'detached' });
  } else {
    // The category chosen before is one tap away under 最近使用.
    await form.getByTestId('recent-categories').locator('.m-chip').first().click();
  }
  await form.getByLabel('问题描述').fill(entry.description);
  if (index === 0) await phoneScreenshot(page, 'grid-worker-app-2b-report-form.png');
  await form.getByRole('button', { name: '提交' }).click();
  await page.getByTestId('report-submitted').waitFor();
  if (index === 0) await phoneScreenshot(page, 'grid-worker-app-2c-report-submitted.png');
  // Offline it waits; with signal it may be on its way already.
  if (offline) assert.equal(await page.getByTestId('submitted-state').innerText(), '待发送');
  await page.getByRole('button', { name: '再报一条' }).click();
}

test('the worker signs in with signal, and the app keeps itself and its reference data on the phone', TIMEOUT, async () => {
  await page.goto(`${baseUrl}/m/`);
  await page.getByTestId('login-page').waitFor();
  await phoneScreenshot(page, 'grid-worker-app-0-login.png');
  await submitLogin(page, 'grid.worker', DEMO_PASSWORD);
  await page.getByTestId('home-screen').waitFor();
  await page.getByTestId('sync-banner').and(page.locator('[data-state="synced"]')).waitFor();

  const manifest = await page.request.get(`${baseUrl}/m/manifest.webmanifest`);
  assert.equal(manifest.status(), 200);
  assert.equal(((await manifest.json()) as { start_url: string }).start_url, '/m/');
  // Any path of the app opens its page (it routes on the phone); /m alone goes to /m/.
  const deepLink = await page.request.get(`${baseUrl}/m/verify/1`);
  assert.equal(deepLink.status(), 200);
  assert.match(await deepLink.text(), /<title>网格通/);
  const bare = await page.request.get(`${baseUrl}/m`, { maxRedirects: 0 });
  assert.equal(bare.headers().location, '/m/');
  const worker = await page.request.get(`${baseUrl}/m/sw.js`);
  assert.equal(worker.headers()['cache-control'], 'no-cache');
  assert.match(await worker.text(), /const PRECACHE = \[/);

  // Installed and in control: from now on the app's own files come from the phone.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });

  // Open the screens once with signal, as a worker does on the first day: the categories and grid outlines stay.
  await openTab('上报', 'report-form');
  await page.getByTestId('report-form').getByTestId('located-grid').getByText('所在网格：新华社区第1网格').waitFor();
  await openTab('待办', 'tasks-screen');
  await openTab('首页', 'home-screen');
  await page.getByTestId('all-clear').getByRole('button', { name: '今日无事上报' }).waitFor();
  await phoneScreenshot(page, 'grid-worker-app-1-home.png');
  assert.deepEqual(pageErrors, []);
});

test('offline: three reports with photos and the all-clear wait on the phone, also after the app is opened again', TIMEOUT, async () => {
  await context.setOffline(true);
  await page.getByTestId('sync-banner').and(page.locator('[data-state="offline"]')).waitFor();

  await openTab('上报', 'report-form');
  for (const [index, entry] of REPORTS.entries()) await report(entry, index, { usePin: index === 2 });

  await openTab('首页', 'home-screen');
  await page.getByTestId('all-clear').getByRole('button', { name: '今日无事上报' }).click();
  await page.getByTestId('all-clear').getByText('今日已报平安 · 待发送').waitFor();

  await openTab('我的', 'me-screen');
  await waitForOutbox(['pending', 'pending', 'pending', 'pending']);
  await page.getByTestId('sync-banner').getByText('离线 · 4 条待发送，有信号后自动发送').waitFor();
  await phoneScreenshot(page, 'grid-worker-app-4-outbox-waiting.png');
  assert.equal((await incidentsLike(`${MARK}%`)).length, 0, 'nothing reached the server while offline');

  // The app is closed and opened again with no network: it opens, signed in, with everything still waiting.
  await page.reload();
  await page.getByTestId('me-screen').waitFor();
  await waitForOutbox(['pending', 'pending', 'pending', 'pending']);
  await openTab('首页', 'home-screen');
  await page.getByTestId('all-clear').getByText('今日已报平安 · 待发送').waitFor();
  // The counts read with signal, shown with the time they were read.
  await page.getByTestId('task-counts').getByTestId('kept-data-note').getByText(/^离线数据 · 更新于 \d\d:\d\d$/).waitFor();
  await openTab('我的', 'me-screen');
  const kinds = await page.getByTestId('outbox-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
  assert.deepEqual([...kinds].sort(), ['all_clear', 'incident_report', 'incident_report', 'incident_report']);
  const photos = await page.getByTestId('outbox-item').filter({ hasText: MARK }).evaluateAll((items) => items.map((item) => item.textContent ?? ''));
  assert.ok(photos.every((text) => text.includes('1 张照片')), 'each report keeps its photo');
  assert.deepEqual(pageErrors, []);
});

test('when the signal returns, exactly three incidents with their photos and one all-clear reach the server', TIMEOUT, async () => {
  await context.setOffline(false);
  await waitForOutbox(['sent', 'sent', 'sent', 'sent']);
  await page.getByTestId('sync-banner').and(page.locator('[data-state="synced"]')).waitFor();

  const incidents = await incidentsLike(`${MARK}%`);
  assert.equal(incidents.length, 3, 'three incidents, one per report');
  for (const incident of incidents) {
    assert.equal(incident.photos, 1, `incident ${incident.code} has its one photo`);
    assert.equal(incident.gridCode, GRID_CODE, `incident ${incident.code} lies in the worker's grid`);
  }
  assert.equal((await allClearsToday()).length, 1, 'one all-clear for the grid today');

  // The photos were kept at most 1600 px wide, as JPEG.
  const [stored] = (await sql<{ mimeType: string; byteSize: number }>`
    SELECT mime_type AS "mimeType", byte_size::int AS "byteSize" FROM incident_attachments WHERE incident_id = ${incidents[0]!.id}`
    .execute(database.db)).rows;
  assert.equal(stored?.mimeType, 'image/jpeg');
  const sentItem = page.getByTestId('outbox-item').filter({ hasText: REPORTS[0]!.description });
  await sentItem.getByTestId('outbox-item-result').getByText(`事件编号 ${incidents[0]!.code}`).waitFor();
  await phoneScreenshot(page, 'grid-worker-app-5-outbox-sent.png');

  await openTab('首页', 'home-screen');
  await page.getByTestId('all-clear').getByText('今日已报平安', { exact: true }).waitFor();
  await phoneScreenshot(page, 'grid-worker-app-6-home-reported.png');
  assert.deepEqual(pageErrors, []);
});

test('待办 lists what waits for the worker: the fixed incident to verify on the spot, and a directive', TIMEOUT, async () => {
  const [incident] = await incidentsLike(`${MARK}一%`);
  assert.ok(incident);
  const [department] = (await sql<{ id: number }>`SELECT id FROM departments WHERE name = '张店区综合行政执法局'`.execute(database.db)).rows;
  assert.ok(department);
  const center = await staffSession('street.operator');
  await center.write(`/api/incidents/${incident.id}/actions`, { action: 'register' });
  await center.write(`/api/incidents/${incident.id}/actions`, { action: 'dispatch', leadDepartmentId: department.id });
  await center.write('/api/directives', {
    ...DIRECTIVE, kind: 'inspection',
    regionCode: GRID_CODE.slice(0, 12), dueAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
  });
  const handler = await staffSession('department.handler');
  await handler.write(`/api/incidents/${incident.id}/actions`, { action: 'accept' });
  const after = await cameraPhoto({ r: 90, g: 90, b: 90 }, 'after.jpg');
  const uploaded = await handler.api.post(`/api/incidents/${incident.id}/attachments`, {
    multipart: { kind: 'after', file: after },
    headers: { 'x-csrf-token': (await handler.api.storageState()).cookies.find((cookie) => cookie.name === 'civicgrid_csrf')?.value ?? '' },
  });
  assert.equal(uploaded.status(), 201, await uploaded.text());
  const attachment = (await uploaded.json()) as { id: number };
  await handler.write(`/api/incidents/${incident.id}/actions`, { action: 'handle', note: '井盖已补齐', attachmentIds: [attachment.id] });
  await Promise.all([center.api.dispose(), handler.api.dispose()]);

  await openTab('待办', 'tasks-screen');
  const verification = page.getByTestId('verification-item');
  await verification.getByText(incident.code, { exact: false }).waitFor();
  await page.getByTestId('directive-item').getByText(DIRECTIVE.title).waitFor();
  await phoneScreenshot(page, 'grid-worker-app-7-tasks.png');
  await openTab('首页', 'home-screen');
  await page.getByTestId('task-count-verifications').getByText('1', { exact: true }).waitFor();
  await page.getByTestId('task-count-directives').getByText('1', { exact: true }).waitFor();
  await openTab('待办', 'tasks-screen');
  await verification.click();
  assert.equal(new URL(page.url()).pathname, `/m/verify/${incident.id}`);
  await page.locator('.adm-nav-bar-back').click();
  await page.getByTestId('tasks-screen').waitFor();
  assert.deepEqual(pageErrors, []);
});

test('offline, the directive is marked done and the incident verified from 待办; with signal both reach the server once', TIMEOUT, async () => {
  const [incident] = await incidentsLike(`${MARK}一%`);
  assert.ok(incident);
  await context.setOffline(true);
  await page.getByTestId('sync-banner').and(page.locator('[data-state="offline"]')).waitFor();

  const directive = page.getByTestId('directive-item').filter({ hasText: DIRECTIVE.title });
  await directive.click();
  const popup = page.getByTestId('directive-popup');
  await popup.getByText(DIRECTIVE.content).waitFor();
  await popup.getByTestId('directive-due').getByText(/前完成$/).waitFor();
  await popup.getByLabel('完成情况').fill(DIRECTIVE_NOTE);
  await phoneScreenshot(page, 'grid-worker-app-7a-directive-popup.png');
  await popup.getByRole('button', { name: '标记完成' }).click();
  await popup.waitFor({ state: 'detached' });
  await directive.getByText('已完成，待发送').waitFor();
  // Done on the phone: tapping it again opens nothing, so it cannot be sent twice.
  await directive.click();
  await page.waitForTimeout(500);
  assert.equal(await popup.count(), 0);

  // The fixed incident is checked on the spot; back in 待办 it no longer looks untouched.
  const verification = page.getByTestId('verification-item').filter({ hasText: incident.code });
  await verification.click();
  await page.getByTestId('verify-screen').waitFor();
  await page.getByRole('button', { name: '核查通过', exact: true }).click();
  const dialog = page.locator('.adm-dialog-body');
  await dialog.getByRole('button', { name: '核查通过', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await openTab('待办', 'tasks-screen');
  await verification.getByText('已核查，待发送').waitFor();
  await directive.getByText('已完成，待发送').waitFor();
  await phoneScreenshot(page, 'grid-worker-app-7b-tasks-waiting.png');
  const target = async () => (await sql<{ state: string; note: string | null; clientId: string | null }>`
    SELECT t.state, t.result_note AS note, t.details->>'clientId' AS "clientId" FROM directive_targets t
    JOIN directives d ON d.id = t.directive_id JOIN users u ON u.grid_member_id = t.grid_member_id
    WHERE d.title = ${DIRECTIVE.title} AND u.username = 'grid.worker'`.execute(database.db)).rows;
  assert.notEqual((await target())[0]?.state, 'completed', 'nothing reached the server while offline');

  await context.setOffline(false);
  await openTab('我的', 'me-screen');
  const sent = page.getByTestId('outbox-item').and(page.locator('[data-kind="directive_complete"]'));
  await sent.and(page.locator('[data-state="sent"]')).waitFor({ timeout: 60_000 });
  await sent.getByText(`${DIRECTIVE.title} 已完成`).waitFor();
  await page.getByTestId('outbox-item').and(page.locator('[data-kind="incident_action"][data-state="sent"]')).waitFor({ timeout: 60_000 });
  const targets = await target();
  assert.equal(targets.length, 1);
  assert.equal(targets[0]?.state, 'completed');
  assert.equal(targets[0]?.note, DIRECTIVE_NOTE);
  assert.ok(targets[0]?.clientId, 'the completion carries the phone\'s client id');
  const [verified] = (await sql<{ status: string }>`SELECT status FROM incidents WHERE id = ${incident.id}`.execute(database.db)).rows;
  assert.equal(verified?.status, 'verified');

  await openTab('待办', 'tasks-screen');
  await page.getByText('没有未完成的指令').waitFor();
  assert.deepEqual(pageErrors, []);
});

test('the lit 待办 tab, tapped on a screen opened from it, goes back to 待办', TIMEOUT, async () => {
  await openTab('待办', 'tasks-screen');
  await page.getByText('到期需要走访的人员和房屋').click();
  await page.getByTestId('visits-screen').waitFor();
  assert.equal(new URL(page.url()).pathname, '/m/visits');
  await openTab('待办', 'tasks-screen');
  assert.equal(new URL(page.url()).pathname, '/m/tasks');
  assert.deepEqual(pageErrors, []);
});

test('a cut in the middle of sending makes no second incident and no second photo', TIMEOUT, async () => {
  // Each request reaches the server, but its answer is lost on the way back, once: the worst moment to lose signal.
  let cutReport = false;
  let cutPhoto = false;
  await page.route('**/api/incidents', async (route) => {
    if (route.request().method() !== 'POST' || cutReport) return route.fallback();
    cutReport = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await page.route('**/api/incidents/*/attachments', async (route) => {
    if (cutPhoto) return route.fallback();
    cutPhoto = true;
    await route.fetch();
    await route.abort('connectionreset');
  });

  await openTab('上报', 'report-form');
  await report({ description: CUT_DESCRIPTION, colour: { r: 120, g: 120, b: 30 }, search: null }, 3, { offline: false });
  await openTab('我的', 'me-screen');
  const item = page.getByTestId('outbox-item').filter({ hasText: CUT_DESCRIPTION });
  await item.and(page.locator('[data-state="sent"]')).waitFor({ timeout: 90_000 });
  assert.ok(cutReport && cutPhoto, 'both answers were cut once');
  assert.match(await item.innerText(), /已尝试 3 次/);

  const incidents = await incidentsLike(CUT_DESCRIPTION);
  assert.equal(incidents.length, 1, 'one incident');
  assert.equal(incidents[0]?.photos, 1, 'one photo');
  await item.getByText(`事件编号 ${incidents[0]!.code}`).waitFor();
  await page.unrouteAll();
  assert.deepEqual(pageErrors, []);
});

test('a session ended on the server asks the worker to sign in again, and what waits is sent after it', TIMEOUT, async () => {
  const description = '重新登录测试：路边护栏倒伏';
  await context.setOffline(true);
  await openTab('上报', 'report-form');
  await report({ description, colour: { r: 30, g: 30, b: 30 }, search: null }, 4);
  // Meanwhile the session was ended (signed out everywhere from the console, or expired).
  await sql`UPDATE sessions SET revoked_at = now() WHERE revoked_at IS NULL`.execute(database.db);
  await context.setOffline(false);

  const login = page.getByTestId('login-page');
  await login.waitFor();
  await login.getByText(/登录已失效，请重新登录。未发送的内容仍保存在手机上/).waitFor();
  assert.equal(await login.getByLabel('用户名').inputValue(), 'grid.worker', 'the username is filled in');
  assert.equal((await incidentsLike(description)).length, 0);
  await phoneScreenshot(page, 'grid-worker-app-8-signed-out.png');

  await login.getByLabel('密码').fill(DEMO_PASSWORD);
  await login.getByRole('button', { name: '登录' }).click();
  await openTab('我的', 'me-screen');
  await page.getByTestId('outbox-item').filter({ hasText: description }).and(page.locator('[data-state="sent"]')).waitFor();
  assert.equal((await incidentsLike(description)).length, 1);
  assert.deepEqual(pageErrors, []);
});

test('a server error is retried later; signing out while something waits asks first, and keeps it for the next sign-in', TIMEOUT, async () => {
  const description = '退出登录测试：井盖松动有响声';
  await page.route('**/api/incidents', (route) =>
    route.request().method() === 'POST' ? route.fulfill({ status: 503, json: { code: 'http.unavailable', message: 'Service Unavailable' } }) : route.fallback());
  await openTab('上报', 'report-form');
  await report({ description, colour: { r: 250, g: 200, b: 20 }, search: null }, 5, { offline: false });
  await openTab('我的', 'me-screen');
  const item = page.getByTestId('outbox-item').filter({ hasText: description });
  await item.and(page.locator('[data-state="failed"]')).waitFor();
  await item.getByTestId('outbox-item-error').getByText('服务器暂时无法接收（503），稍后自动重试').waitFor();
  await item.getByRole('button', { name: '立即重试' }).waitFor();
  await phoneScreenshot(page, 'grid-worker-app-9-outbox-failed.png');

  await page.getByRole('button', { name: '退出登录' }).click();
  const dialog = page.locator('.adm-dialog');
  await dialog.getByText('还有 1 条没有发送').waitFor();
  await phoneScreenshot(page, 'grid-worker-app-10-sign-out-confirm.png', { withDialog: true });
  await dialog.getByRole('button', { name: '不退出' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: '退出登录' }).click();
  await dialog.getByRole('button', { name: '仍然退出' }).click();
  await page.getByTestId('login-page').waitFor();
  assert.equal((await incidentsLike(description)).length, 0);

  await page.unrouteAll();
  await submitLogin(page, 'grid.worker', DEMO_PASSWORD);
  // Back where the worker left: 我的, with the item on its way.
  await page.getByTestId('me-screen').waitFor();
  await item.and(page.locator('[data-state="sent"]')).waitFor();
  assert.equal((await incidentsLike(description)).length, 1);
  assert.deepEqual(pageErrors, []);
});
