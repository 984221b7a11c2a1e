// The grid worker's field work on the phone app (/m/), as a worker does it on an emulated phone: a patrol walked with
// the GPS moving (and the app reopened half way), a visit to a person found by search that corrects their phone
// number, recorded with no signal; a verification on the spot; and a rework sent offline for an incident a colleague
// verified meanwhile, which the server refuses and the phone shows plainly, with nothing changed on the server.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanTrack, trackDistanceMetres } from '@civicgrid/domain';
import { sql } from 'kysely';
import type { BrowserContext, Page } from 'playwright-core';
import type { Database } from '../../server/src/database/database.js';
import {
  cameraPhoto, DEMO_PASSWORD, PHONE_POSITION, phoneScreenshot, startConsole, submitLogin, TIMEOUT, type ConsoleHarness,
} from './support/console-harness.js';

const GRID_CODE = '370303001001001';
const DEPARTMENT = '张店区综合行政执法局';

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
  await page.goto(`${baseUrl}/m/`);
  await page.getByTestId('login-page').waitFor();
  await submitLogin(page, 'grid.worker', DEMO_PASSWORD);
  await page.getByTestId('home-screen').waitFor();
}, TIMEOUT);

// A test that fails with the phone offline must not leave the next one without signal.
afterEach(async () => {
  await context?.setOffline(false);
});

after(async () => {
  await harness?.close();
});

/** The title bar's 返回, as from a screen opened out of a tab. */
async function back(testId: string): Promise<void> {
  await page.locator('.m-title-bar .adm-nav-bar-back').click();
  await page.getByTestId(testId).waitFor();
}

async function openTab(title: string, testId: string): Promise<void> {
  await page.locator('.m-tab-bar').getByText(title, { exact: true }).click();
  await page.getByTestId(testId).waitFor();
}

/** Confirms antd-mobile's Dialog.confirm with its button named `label`. */
async function confirmDialog(label: string): Promise<void> {
  const dialog = page.locator('.adm-dialog-body');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function goOffline(): Promise<void> {
  await context.setOffline(true);
  await page.getByTestId('sync-banner').and(page.locator('[data-state="offline"]')).waitFor();
}

async function goOnline(): Promise<void> {
  await context.setOffline(false);
}

/** Every image in the element has loaded (a broken or missing image has no natural width). */
async function assertImagesLoaded(testId: string, count: number): Promise<void> {
  const images = page.getByTestId(testId).locator('img');
  await images.nth(count - 1).waitFor();
  assert.equal(await images.count(), count, `${testId} shows ${count} photo(s)`);
  await page.waitForFunction(
    (id) => [...document.querySelectorAll(`[data-testid="${id}"] img`)].every((image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0),
    testId,
    { timeout: 10_000 },
  );
}

interface ApiSession {
  call: <T = Record<string, unknown>>(method: 'GET' | 'POST', url: string, data?: unknown) => Promise<T>;
  photo: (incidentId: number, kind: 'before' | 'after', colour: { r: number; g: number; b: number }) => Promise<number>;
}

/** Someone else at a desk (or on another phone): signed in in their own browser context, calling the API as the console does. */
async function signedIn(username: string): Promise<ApiSession> {
  const desk = await harness.browser.newContext({ baseURL: baseUrl, locale: 'zh-CN' });
  const login = await desk.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  assert.equal(login.status(), 200, await login.text());
  const token = (await desk.cookies()).find((cookie) => cookie.name === 'civicgrid_csrf')?.value ?? '';
  const headers = { 'x-csrf-token': token, 'accept-language': 'zh-CN' };
  const session: ApiSession = {
    async call(method, url, data) {
      const response = await desk.request.fetch(url, { method, headers, data });
      assert.ok(response.ok(), `${username} ${method} ${url}: ${response.status()} ${await response.text()}`);
      return response.json();
    },
    async photo(incidentId, kind, colour) {
      const file = await cameraPhoto(colour, `${kind}.jpg`);
      const response = await desk.request.post(`/api/incidents/${incidentId}/attachments`, { headers, multipart: { kind, file } });
      assert.ok(response.ok(), await response.text());
      return ((await response.json()) as { id: number }).id;
    },
  };
  return session;
}

let reportCount = 0;

/** An incident in the worker's grid taken through the loop by the people in it, up to 处置完毕 with a before and an after photo. */
async function handledIncident(description: string): Promise<{ id: number; code: string; afterPhotoId: number; beforePhotoId: number }> {
  const [category] = (await sql<{ id: number }>`SELECT id FROM incident_categories WHERE name = '暴露垃圾' LIMIT 1`.execute(database.db)).rows;
  const [department] = (await sql<{ id: number }>`SELECT id FROM departments WHERE name = ${DEPARTMENT}`.execute(database.db)).rows;
  assert.ok(category && department);
  const worker = await signedIn('grid.worker');
  const operator = await signedIn('street.operator');
  const handler = await signedIn('department.handler');
  reportCount += 1;
  const incident = await worker.call<{ id: number; code: string }>('POST', '/api/incidents', {
    clientId: `field-work-test-${Date.now()}-${reportCount}`, categoryId: category.id, description,
    lon: PHONE_POSITION.longitude, lat: PHONE_POSITION.latitude,
  });
  const beforePhotoId = await worker.photo(incident.id, 'before', { r: 150, g: 110, b: 60 });
  await operator.call('POST', `/api/incidents/${incident.id}/actions`, { action: 'register' });
  await operator.call('POST', `/api/incidents/${incident.id}/actions`, { action: 'dispatch', leadDepartmentId: department.id, note: '请及时清理' });
  await handler.call('POST', `/api/incidents/${incident.id}/actions`, { action: 'accept' });
  const afterPhotoId = await handler.photo(incident.id, 'after', { r: 90, g: 170, b: 110 });
  await handler.call('POST', `/api/incidents/${incident.id}/actions`, {
    action: 'handle', note: '已组织人员清运，现场已清理干净', attachmentIds: [afterPhotoId],
  });
  return { ...incident, afterPhotoId, beforePhotoId };
}

async function incidentState(id: number) {
  const [row] = (await sql<{ status: string; version: number; steps: string[]; attachments: number }>`
    SELECT i.status, i.version,
      (SELECT array_agg(s.action ORDER BY s.id) FROM incident_steps s WHERE s.incident_id = i.id) AS steps,
      (SELECT count(*)::int FROM incident_attachments a WHERE a.incident_id = i.id) AS attachments
    FROM incidents i WHERE i.id = ${id}`.execute(database.db)).rows;
  assert.ok(row, `incident ${id} exists`);
  return row;
}

test('a patrol walked with the GPS moving, the app reopened half way: one patrol, measured as the phone showed it, in the grid', TIMEOUT, async () => {
  await openTab('待办', 'tasks-screen');
  await page.getByTestId('tasks-screen').getByText('开始巡查，记录轨迹和里程').click();
  await page.getByTestId('patrol-screen').waitFor();
  await page.getByTestId('patrol-gps').getByText(/GPS 已定位，误差约 8 米/).waitFor();
  await page.getByTestId('patrol-start').getByRole('button', { name: '开始巡查' }).click();
  await page.getByTestId('patrol-running').waitFor();

  // Northwards along a street, about 22 m every 2 s; the first fix is where the patrol starts.
  const walked: { lon: number; lat: number }[] = [{ lon: PHONE_POSITION.longitude, lat: PHONE_POSITION.latitude }];
  const fixes = page.getByTestId('patrol-fixes');
  await fixes.getByText(/^1/).waitFor();
  const step = async () => {
    await page.waitForTimeout(2_000);
    const next = { lon: PHONE_POSITION.longitude, lat: Math.round((walked.at(-1)!.lat + 0.0002) * 1e6) / 1e6 };
    walked.push(next);
    await context.setGeolocation({ longitude: next.lon, latitude: next.lat, accuracy: 8 });
    await fixes.getByText(new RegExp(`^${walked.length}`)).waitFor();
  };
  await step();
  await step();

  // The app is closed and opened again: the patrol carries on with what it had.
  await page.reload();
  await page.getByTestId('patrol-running').waitFor();
  await fixes.getByText(new RegExp(`^${walked.length}`)).waitFor();
  await step();
  await step();
  await step();

  const expected = trackDistanceMetres(cleanTrack(walked.map((point, index) => ({ ...point, at: new Date(Date.now() + index * 2_000), accuracy: 8 }))));
  const shown = Number((await page.getByTestId('patrol-distance').innerText()).replace(/[^\d.]/g, ''));
  assert.ok(Math.abs(shown - expected) <= 1, `the phone shows ${shown} m for a walk of ${expected.toFixed(1)} m`);
  await page.getByTestId('patrol-accuracy').getByText(/±8/).waitFor();
  await page.getByTestId('patrol-map').locator('canvas').waitFor();
  await page.getByTestId('patrol-map').locator('.m-patrol-here').waitFor();
  await phoneScreenshot(page, 'grid-worker-field-work-1-patrol-running.png');

  await page.getByTestId('patrol-running').getByRole('button', { name: '结束巡查' }).click();
  await confirmDialog('结束巡查');
  await page.getByTestId('patrol-start').waitFor();
  const row = page.getByTestId('patrol-row').first();
  await row.waitFor({ timeout: 30_000 });
  const rowText = await row.innerText();
  assert.match(rowText, /新华社区第1网格/);
  const listed = Number(/(\d+) 米/.exec(rowText)?.[1]);
  assert.ok(Math.abs(listed - expected) <= 1, `the list shows ${listed} m`);
  await phoneScreenshot(page, 'grid-worker-field-work-2-patrol-list.png');

  const patrols = (await sql<{ clientId: string; distance: number; pointCount: number; gridCode: string | null; seconds: number }>`
    SELECT p.client_id AS "clientId", p.distance_metres::float AS distance, p.point_count AS "pointCount", g.code AS "gridCode",
      extract(epoch FROM p.ended_at - p.started_at)::float AS seconds
    FROM patrols p LEFT JOIN grids g ON g.id = p.grid_id
    WHERE p.grid_member_id = (SELECT grid_member_id FROM users WHERE username = 'grid.worker')`.execute(database.db)).rows;
  assert.equal(patrols.length, 1, 'one patrol');
  const [patrol] = patrols;
  assert.equal(patrol!.gridCode, GRID_CODE);
  assert.equal(patrol!.pointCount, walked.length);
  assert.ok(Math.abs(patrol!.distance - expected) <= 2, `stored ${patrol!.distance} m, the domain measures ${expected.toFixed(1)} m`);
  assert.ok(patrol!.seconds >= 10, 'the patrol lasted the walk');
  assert.deepEqual(pageErrors, []);
});

interface PersonRow {
  id: number;
  name: string;
  mobile: string;
  version: number;
}

/** Persons of the grid with a phone whose name no other person's name contains: a search by name finds them alone. */
async function distinctPersons(count: number): Promise<PersonRow[]> {
  return (await sql<PersonRow>`
    SELECT p.id, p.name, p.mobile, p.version FROM persons p JOIN grids g ON g.id = p.grid_id
    WHERE g.code = ${GRID_CODE} AND p.mobile IS NOT NULL AND p.deregistered_on IS NULL AND char_length(p.name) >= 2
      AND NOT EXISTS (SELECT 1 FROM persons o WHERE o.id <> p.id AND o.name LIKE '%' || p.name || '%')
    ORDER BY p.id LIMIT ${count}`.execute(database.db)).rows;
}

async function person(id: number) {
  const [row] = (await sql<PersonRow & { visits: number; photos: number }>`
    SELECT p.id, p.name, p.mobile, p.version,
      (SELECT count(*)::int FROM visits v WHERE v.person_id = p.id) AS visits,
      (SELECT count(*)::int FROM visit_photos vp JOIN visits v ON v.id = vp.visit_id WHERE v.person_id = p.id) AS photos
    FROM persons p WHERE p.id = ${id}`.execute(database.db)).rows;
  assert.ok(row);
  return row;
}

async function searchFor(name: string): Promise<void> {
  await page.getByTestId('visit-search').locator('input').fill(name);
  await page.getByTestId('search-results').getByTestId('search-result').filter({ hasText: name }).first().waitFor();
}

test('a visit to a person found by search, recorded offline with a phone correction and a photo, reaches the register once', TIMEOUT, async () => {
  const [first, second] = await distinctPersons(2);
  assert.ok(first && second, 'two persons with phones in the grid');
  await sql`UPDATE persons SET next_visit_on = (now() AT TIME ZONE 'Asia/Shanghai')::date - 1 WHERE id IN (${first.id}, ${second.id})`.execute(database.db);

  await back('tasks-screen');
  await page.getByTestId('tasks-screen').getByText('到期需要走访的人员和房屋').click();
  await page.getByTestId('visits-screen').waitFor();
  const due = page.getByTestId('visit-due-item');
  await due.filter({ hasText: first.name }).waitFor();
  await due.filter({ hasText: second.name }).waitFor();
  await phoneScreenshot(page, 'grid-worker-field-work-3-visits-due.png');

  // Both looked up with signal: the phone keeps what it found.
  await searchFor(second.name);
  await searchFor(first.name);
  assert.equal(await page.getByTestId('search-result').count(), 1, `the search for ${first.name} finds one person`);
  await phoneScreenshot(page, 'grid-worker-field-work-4-visit-search.png');
  await page.getByTestId('search-result').filter({ hasText: first.name }).click();
  await page.getByTestId('visit-form').waitFor();
  await page.getByTestId('open-corrections').waitFor();

  await goOffline();
  const form = page.getByTestId('visit-form');
  await form.getByLabel('走访情况').fill('入户走访，本人在家，反映手机号已更换');
  await form.getByTestId('photo-input').setInputFiles(await cameraPhoto({ r: 80, g: 120, b: 190 }, 'visit.jpg'));
  await form.getByTestId('report-photo').first().waitFor();
  await form.getByTestId('open-corrections').click();
  const phone = form.getByTestId('correction-mobile');
  await phone.getByText(/现登记：1\d\d\*\*\*\*\d{4}/).waitFor();
  await phone.locator('input').fill('13912345678');
  await phone.getByText('已修改').waitFor();
  await form.getByTestId('corrections').evaluate((section) => section.scrollIntoView({ block: 'start' }));
  await phoneScreenshot(page, 'grid-worker-field-work-5-visit-form-corrections.png');
  await form.getByRole('button', { name: '提交走访' }).click();
  await page.getByTestId('visit-submitted').waitFor();
  assert.equal(await page.getByTestId('submitted-state').innerText(), '待发送');

  // Still offline: the second person from the visits due, with the values the phone kept from the search.
  await page.getByRole('button', { name: '返回走访名单' }).click();
  await page.getByTestId('visits-screen').waitFor();
  await page.getByTestId('search-offline').waitFor();
  await due.filter({ hasText: first.name }).getByText('已走访 · 待发送').waitFor();
  await due.filter({ hasText: second.name }).click();
  await page.getByTestId('visit-form').getByText(/保存在手机上的/).waitFor();
  await form.getByLabel('走访情况').fill('电话回访后上门核实');
  await form.getByTestId('open-corrections').click();
  await form.getByTestId('correction-mobile').locator('input').fill('13811112222');
  await form.getByRole('button', { name: '提交走访' }).click();
  await page.getByTestId('visit-submitted').waitFor();
  assert.equal((await person(first.id)).visits, 0, 'nothing reached the server while offline');

  // Meanwhile someone at the console corrects the second person's phone.
  await sql`UPDATE persons SET mobile = '13700000003', version = version + 1 WHERE id = ${second.id}`.execute(database.db);

  await goOnline();
  await page.getByTestId('submitted-state').getByText('已送达').waitFor({ timeout: 60_000 });
  const conflicts = page.getByTestId('visit-conflicts');
  await conflicts.getByText('联系电话：您填写 13811112222，但已被他人改为 137****0003，以登记为准').waitFor();
  await phoneScreenshot(page, 'grid-worker-field-work-6-visit-sent-with-conflict.png');

  const visited = await person(first.id);
  assert.equal(visited.visits, 1, 'one visit');
  assert.equal(visited.photos, 1, 'with its photo');
  assert.equal(visited.mobile, '13912345678', 'the phone number corrected');
  assert.equal(visited.version, first.version + 1, 'a new version of the person');
  const kept = await person(second.id);
  assert.equal(kept.visits, 1);
  assert.equal(kept.mobile, '13700000003', 'the newer number on the register stays');

  await openTab('我的', 'me-screen');
  const item = page.getByTestId('outbox-item').filter({ hasText: second.name });
  await item.getByTestId('outbox-item-notice').getByText(/联系电话：您填写 13811112222，但已被他人改为 137\*\*\*\*0003，以登记为准/).waitFor();
  await item.scrollIntoViewIfNeeded();
  await phoneScreenshot(page, 'grid-worker-field-work-7-outbox-visit-notice.png');
  assert.deepEqual(pageErrors, []);
});

test('a verification on the spot: before and after side by side, 核查通过 → verified', TIMEOUT, async () => {
  const incident = await handledIncident('核查测试：新华路口暴露垃圾');
  // The app opened anew, as each morning: the 待办 list reads the incidents to verify.
  await page.goto(`${baseUrl}/m/tasks`);
  const listed = page.getByTestId('verification-item').filter({ hasText: '核查测试：新华路口暴露垃圾' });
  await listed.waitFor();
  await listed.click();
  await page.getByTestId('verify-screen').waitFor();
  await assertImagesLoaded('verify-before', 1);
  await assertImagesLoaded('verify-after', 1);
  await page.getByTestId('verify-handled').getByText('已组织人员清运，现场已清理干净').waitFor();
  await phoneScreenshot(page, 'grid-worker-field-work-8-verify.png');

  await page.getByRole('button', { name: '核查通过', exact: true }).click();
  await confirmDialog('核查通过');
  await page.getByTestId('verify-not-needed').getByText('事件现为「待结案」').waitFor({ timeout: 30_000 });
  const state = await incidentState(incident.id);
  assert.equal(state.status, 'verified');
  assert.equal(state.steps.at(-1), 'verify');
  assert.deepEqual(pageErrors, []);
});

test('a rework sent offline for an incident a colleague verified meanwhile is refused, shown plainly, and changes nothing', TIMEOUT, async () => {
  const incident = await handledIncident('冲突测试：人民路口垃圾未清理');
  // A second grid worker of the grid, who will verify it while the phone has no signal.
  const admin = await signedIn('admin');
  const member = await admin.call<{ gridMemberId: number }>('POST', `/api/grids/${GRID_CODE}/members`, { name: '同网格网格员', role: 'full_time_grid_worker' });
  await admin.call('POST', '/api/users', {
    username: 'grid.worker.b', displayName: '同网格网格员', role: 'grid_worker', password: DEMO_PASSWORD,
    gridMemberId: member.gridMemberId, gridCodes: [GRID_CODE],
  });

  const thumbnails = [incident.beforePhotoId, incident.afterPhotoId].map((id) =>
    page.waitForResponse((response) => response.url().endsWith(`/api/attachments/${id}/thumbnail`) && response.ok()));
  await page.goto(`${baseUrl}/m/tasks`);
  const listed = page.getByTestId('verification-item').filter({ hasText: '冲突测试：人民路口垃圾未清理' });
  await listed.waitFor();
  await Promise.all(thumbnails);

  // At the spot, no signal: the incident and its photos open from the phone.
  await goOffline();
  await listed.click();
  await page.getByTestId('verify-screen').waitFor();
  await assertImagesLoaded('verify-before', 1);
  await assertImagesLoaded('verify-after', 1);
  await page.getByTestId('kept-data-note').getByText(/离线数据/).waitFor();
  await phoneScreenshot(page, 'grid-worker-field-work-9-verify-offline.png');
  await page.getByRole('button', { name: '不通过，返工' }).click();
  await page.getByTestId('verify-problem').getByText('返工请写明哪里没有处置好').waitFor();
  await page.getByLabel('核查意见').fill('路口东侧仍有垃圾堆放，未清理干净');
  await page.getByTestId('verify-screen').getByTestId('photo-input').setInputFiles(await cameraPhoto({ r: 170, g: 60, b: 60 }, 'site.jpg'));
  await page.getByTestId('verify-screen').getByTestId('report-photo').first().waitFor();
  await page.getByRole('button', { name: '不通过，返工' }).scrollIntoViewIfNeeded();
  await phoneScreenshot(page, 'grid-worker-field-work-10-verify-rework.png');
  await page.getByRole('button', { name: '不通过，返工' }).click();
  await confirmDialog('核查不通过，返工');
  await page.getByTestId('verify-submitted').and(page.locator('[data-state="pending"]')).waitFor();
  const before = await incidentState(incident.id);

  const colleague = await signedIn('grid.worker.b');
  await colleague.call('POST', `/api/incidents/${incident.id}/actions`, { action: 'verify', note: '现场已清理' });
  const verified = await incidentState(incident.id);
  assert.equal(verified.status, 'verified');

  await goOnline();
  await page.getByTestId('verify-submitted').and(page.locator('[data-state="conflict"]')).waitFor({ timeout: 60_000 });
  await page.getByTestId('verify-conflict').getByText('事件已被他人处理，请刷新后重试', { exact: false }).waitFor();
  await page.getByTestId('verify-submitted').scrollIntoViewIfNeeded();
  await phoneScreenshot(page, 'grid-worker-field-work-11-verify-conflict.png');

  const after = await incidentState(incident.id);
  assert.deepEqual(after, verified, 'the refused rework changed nothing: no step, no photo');
  assert.equal(after.attachments, before.attachments);
  assert.ok(!after.steps.includes('rework'));

  await openTab('我的', 'me-screen');
  const item = page.getByTestId('outbox-item').and(page.locator('[data-state="conflict"]'));
  await item.getByTestId('outbox-item-state').getByText('冲突').waitFor();
  await item.getByTestId('outbox-item-error').getByText('事件已被他人处理，请刷新后重试').waitFor();
  await item.scrollIntoViewIfNeeded();
  await phoneScreenshot(page, 'grid-worker-field-work-12-outbox-conflict.png');
  assert.deepEqual(pageErrors, []);
});
