// The incident loop (事件全流程) in the console, as the people in it do it: a grid worker reports a problem with a photo,
// the street center registers and dispatches it, the department signs for it and handles it with an after-photo, the
// grid worker verifies the fix, and the center closes the case and records the follow-up. Each step is checked by what
// the next person sees: the status tag, the timeline, the photos.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { INCIDENT_STATUS_LABELS, type IncidentStatus } from '@civicgrid/domain';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import type { Database } from '../../server/src/database/database.js';
import { csrfTokenOf, fullPageScreenshot, signIn, startConsole, TIMEOUT, type ConsoleHarness } from './support/console-harness.js';

const GRID_CODE = '370303001001001';
const DEPARTMENT = '张店区综合行政执法局';
const DESCRIPTION = '新华路与人民路路口东侧人行道上有一堆暴露垃圾，影响通行';

let harness: ConsoleHarness;
let database: Database;
let page: Page;
let baseUrl: string;
let pageErrors: string[];
let incidentId: number;
let incidentCode: string;

before(async () => {
  harness = await startConsole();
  ({ database, page, baseUrl, pageErrors } = harness);
}, TIMEOUT);

after(async () => {
  await harness?.close();
});

/** A real photo, as a phone would send it: a JPEG with something drawn on it. */
async function photo(colour: { r: number; g: number; b: number }, name: string) {
  const buffer = await sharp({ create: { width: 800, height: 600, channels: 3, background: colour } }).jpeg({ quality: 80 }).toBuffer();
  return { name, mimeType: 'image/jpeg', buffer };
}

/**
 * Saves the whole page: the console scrolls inside its content area, so the window is made as tall as that content
 * for the picture. Messages and closing dialogs are let go first, so they do not cover what the step changed.
 */
const screenshot = (name: string) => fullPageScreenshot(page, `incident-${name}.png`);

async function switchUser(username: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, baseUrl, username);
}

async function expectStatus(status: IncidentStatus): Promise<void> {
  await page.getByTestId('incident-status-tag').first().getByText(INCIDENT_STATUS_LABELS[status], { exact: true }).waitFor();
}

/** The timeline's step labels, oldest first. */
async function timelineLabels(): Promise<string[]> {
  return page.getByTestId('incident-step').evaluateAll((steps) => steps.map((step) => step.querySelector('strong')?.textContent ?? ''));
}

/** Every photo in the element has loaded from the server (a broken image has no natural width). */
async function assertPhotosLoaded(testId: string, count: number): Promise<void> {
  const images = page.getByTestId(testId).locator('img');
  await images.nth(count - 1).waitFor();
  assert.equal(await images.count(), count, `${testId} shows ${count} photo(s)`);
  await page.waitForFunction(
    (id) => [...document.querySelectorAll(`[data-testid="${id}"] img`)].every((image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0),
    testId,
  );
}

/** Opens the incident from a queue tab of 事件中心, as its row is listed there. */
async function openFromQueue(tab: string): Promise<void> {
  await page.getByTestId('app-navigation').getByText('事件中心', { exact: true }).click();
  await page.getByTestId('incident-queue-tabs').getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
  const row = page.getByTestId('incident-table').locator(`tr[data-row-key="${incidentId}"]`);
  await row.waitFor();
  assert.ok((await row.innerText()).includes(incidentCode), 'the row shows the incident code');
}

/** Clicks an action button, fills the modal with `fill`, and confirms it with the button named like the action. */
async function act(label: string, fill?: (dialog: ReturnType<Page['locator']>) => Promise<void>, shot?: string): Promise<void> {
  await page.getByTestId('incident-actions').getByRole('button', { name: label, exact: true }).click();
  const dialog = page.locator('.ant-modal').filter({ has: page.getByTestId('incident-action-form') });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  if (shot) await screenshot(shot);
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: label, exact: true }).click();
  try {
    await dialog.waitFor({ state: 'hidden' });
  } catch (error) {
    // keep what the user saw (an error message in the dialog, a spinner that never ends) for the report
    await screenshot(`failed-${label}`);
    throw error;
  }
}

test('a grid worker reports an incident with a photo inside his grid and sees it waiting for the center', TIMEOUT, async () => {
  await switchUser('grid.worker');
  await page.getByTestId('app-navigation').getByText('事件中心', { exact: true }).click();
  const allClear = page.getByTestId('all-clear-today');
  await allClear.waitFor();
  await allClear.getByRole('button', { name: '报平安' }).click();
  await page.getByTestId('all-clear-form').waitFor();
  await page.locator('.ant-modal').getByRole('button', { name: '提交' }).click();
  await allClear.getByText(/^已报 \d\d:\d\d$/).waitFor();
  await page.getByTestId('all-clear-form').waitFor({ state: 'detached' });
  await screenshot('1-grid-worker-queues');

  const [grid] = (await sql<{ name: string; lon: number; lat: number }>`
    SELECT name, ST_X(ST_PointOnSurface(boundary)) AS lon, ST_Y(ST_PointOnSurface(boundary)) AS lat FROM grids WHERE code = ${GRID_CODE}`
    .execute(database.db)).rows;
  assert.ok(grid, `the demo grid ${GRID_CODE} exists`);

  const gridsLoaded = page.waitForResponse((response) => response.url().includes('/api/grids.geojson'));
  await page.getByRole('button', { name: '上报事件' }).click();
  const form = page.getByTestId('incident-report-form');
  await form.waitFor();
  await gridsLoaded;
  await form.getByTestId('incident-category-cascader').click();
  await page.locator('.ant-cascader-menu-item').filter({ hasText: '市容环境（事件）' }).click();
  await page.locator('.ant-cascader-menu-item').filter({ hasText: /^暴露垃圾$/ }).click();
  await form.getByText(/处置时限 4 工作时/).waitFor();
  await form.getByLabel('问题描述').fill(DESCRIPTION);

  // The map shows only his grid, fitted to its box: its centre lies inside it.
  await page.waitForTimeout(800);
  const map = page.getByTestId('location-picker-map');
  const box = await map.boundingBox();
  assert.ok(box);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await form.getByTestId('located-grid').getByText(grid.name, { exact: false }).waitFor();
  assert.notEqual(await form.getByLabel('地址').inputValue(), '', 'the address is suggested from the place');
  await form.locator('input[type="file"]').setInputFiles(await photo({ r: 190, g: 120, b: 60 }, 'before.jpg'));
  await form.locator('.ant-upload-list-item').first().waitFor();
  await screenshot('2-report-form');

  await form.getByRole('button', { name: '上报', exact: true }).click();
  await page.getByTestId('incident-code').waitFor();
  incidentId = Number(new URL(page.url()).pathname.split('/').pop());
  incidentCode = (await page.getByTestId('incident-code').innerText()).trim();
  assert.ok(incidentId > 0 && incidentCode.length > 0);
  await expectStatus('reported');
  await page.getByTestId('incident-description').getByText(DESCRIPTION).waitFor();
  await page.getByTestId('incident-facts').getByText('暴露垃圾').waitFor();
  await page.getByTestId('incident-facts').getByText(new RegExp(` / ${grid.name}$`)).waitFor();
  await assertPhotosLoaded('incident-photos-before', 1);
  assert.deepEqual(await timelineLabels(), ['上报']);
  // Not yet handled by anyone: the reporter may fix it himself.
  await page.getByTestId('incident-actions').getByRole('button', { name: '自行处置' }).waitFor();
  await page.getByTestId('incident-location-map').locator('.maplibregl-marker').waitFor();
  await screenshot('3-reported');

  const [stored] = (await sql<{ status: string; gridCode: string }>`
    SELECT i.status, g.code AS "gridCode" FROM incidents i JOIN grids g ON g.id = i.grid_id WHERE i.id = ${incidentId}`.execute(database.db)).rows;
  assert.deepEqual(stored, { status: 'reported', gridCode: GRID_CODE });
  assert.deepEqual(pageErrors, []);
});

test('the street operator finds it in 待办, registers it and dispatches it to the department', TIMEOUT, async () => {
  await switchUser('street.operator');
  await openFromQueue('待办');
  await screenshot('4-operator-queue');
  await page.getByTestId('incident-table').locator(`tr[data-row-key="${incidentId}"]`).click();
  await expectStatus('reported');
  await assertPhotosLoaded('incident-photos-before', 1);

  // Someone else acts first (a comment from another desk): the page still holds the old version, so its 受理立案 is
  // refused with the server's message, and the page reloads to show the newer state before anyone tries again.
  const detail = (await (await page.request.get(`${baseUrl}/api/incidents/${incidentId}`)).json()) as { version: number };
  const comment = await page.request.post(`${baseUrl}/api/incidents/${incidentId}/actions`, {
    headers: { 'x-csrf-token': await csrfTokenOf(page) },
    data: { action: 'comment', note: '已电话联系网格员核实', version: detail.version },
  });
  assert.equal(comment.status(), 200);
  await page.getByTestId('incident-actions').getByRole('button', { name: '受理立案', exact: true }).click();
  const stale = page.locator('.ant-modal').filter({ has: page.getByTestId('incident-action-form') });
  await stale.locator('.ant-modal-footer').getByRole('button', { name: '受理立案', exact: true }).click();
  await page.locator('.ant-message').getByText('已刷新为最新状态', { exact: false }).waitFor();
  await page.getByTestId('incident-timeline').getByText('已电话联系网格员核实').waitFor();
  await expectStatus('reported');

  await act('受理立案');
  await expectStatus('registered');
  await act('派遣', async (dialog) => {
    await dialog.getByTestId('lead-department-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: DEPARTMENT }).click();
    await dialog.getByLabel('派遣意见').fill('请于时限内清理');
  }, '5a-dispatch-form');
  await expectStatus('dispatched');
  await page.getByTestId('incident-assignment').filter({ hasText: DEPARTMENT }).getByText('待签收').waitFor();
  assert.deepEqual(await timelineLabels(), ['上报', '留言', '受理立案', '派遣']);
  await page.getByTestId('incident-timeline').getByText('请于时限内清理').waitFor();
  await screenshot('5-dispatched');
  assert.deepEqual(pageErrors, []);
});

test('the department handler opens it from the notification, signs for it and handles it with an after-photo', TIMEOUT, async () => {
  await switchUser('department.handler');
  const bell = page.getByTestId('notification-bell');
  await bell.locator('.ant-badge-count').waitFor();
  await bell.click();
  const notification = page.getByTestId('notification-item').first();
  await notification.waitFor();
  await screenshot('6-department-notification');
  await notification.click();
  await page.getByTestId('incident-code').getByText(incidentCode).waitFor();
  // Opened, so read: the bell no longer counts it.
  await bell.locator('.ant-badge-count').waitFor({ state: 'detached' });
  await expectStatus('dispatched');

  await act('签收');
  await expectStatus('handling');
  await act('处置完毕', async (dialog) => {
    await dialog.locator('input[type="file"]').setInputFiles(await photo({ r: 70, g: 150, b: 90 }, 'after.jpg'));
    await dialog.locator('.ant-upload-list-item').first().waitFor();
    await dialog.getByLabel('处置结果').fill('已组织清运，现场已清理干净');
  }, '7a-handle-form');
  await expectStatus('handled');
  await assertPhotosLoaded('incident-photos-before', 1);
  await assertPhotosLoaded('incident-photos-after', 1);
  const handled = page.getByTestId('incident-step').filter({ hasText: '处置完毕' });
  await handled.getByText('已组织清运，现场已清理干净').waitFor();
  assert.equal(await handled.locator('img').count(), 1, 'the after-photo is shown with the step');
  await screenshot('7-handled');
  assert.deepEqual(pageErrors, []);
});

test('the grid worker verifies the fix from 待核查', TIMEOUT, async () => {
  await switchUser('grid.worker');
  await openFromQueue('待核查');
  await page.getByTestId('incident-table').locator(`tr[data-row-key="${incidentId}"]`).click();
  await expectStatus('handled');
  await assertPhotosLoaded('incident-photos-after', 1);
  await act('核查通过', async (dialog) => dialog.getByLabel('核查意见').fill('现场已清理'));
  await expectStatus('verified');
  await screenshot('8-verified');
  assert.deepEqual(pageErrors, []);
});

test('the street operator closes the case and records a satisfied follow-up', TIMEOUT, async () => {
  await switchUser('street.operator');
  await openFromQueue('待办');
  await page.getByTestId('incident-table').locator(`tr[data-row-key="${incidentId}"]`).click();
  await expectStatus('verified');
  await act('结案');
  await expectStatus('closed');
  await act('回访', async (dialog) => {
    await dialog.getByRole('radio', { name: '满意', exact: true }).check();
    await dialog.getByLabel('回访情况').fill('反映人表示满意');
  });
  await page.getByTestId('incident-follow-ups').getByText('满意', { exact: true }).waitFor();
  assert.deepEqual(await timelineLabels(), ['上报', '留言', '受理立案', '派遣', '签收', '处置完毕', '核查通过', '结案', '回访']);
  assert.equal(await page.getByTestId('incident-actions').getByRole('button', { name: '结案' }).count(), 0, 'closed once only');
  await screenshot('9-closed');

  // A thumbnail opens the full-size photo.
  await page.getByTestId('incident-photos-after').locator('img').first().click();
  const preview = page.locator('.ant-image-preview-img');
  await preview.waitFor();
  assert.match((await preview.getAttribute('src')) ?? '', /\/api\/attachments\/\d+\/file/);
  await page.waitForFunction(() => (document.querySelector('.ant-image-preview-img') as HTMLImageElement | null)?.naturalWidth === 800);
  await screenshot('9a-photo-preview');
  await page.keyboard.press('Escape');
  await preview.waitFor({ state: 'detached' });

  const [stored] = (await sql<{ status: string; satisfaction: string }>`
    SELECT i.status, f.satisfaction FROM incidents i JOIN follow_ups f ON f.incident_id = i.id WHERE i.id = ${incidentId}`
    .execute(database.db)).rows;
  assert.deepEqual(stored, { status: 'closed', satisfaction: 'satisfied' });

  await page.getByTestId('app-navigation').getByText('报平安', { exact: true }).click();
  await page.getByTestId('missing-all-clears').waitFor();
  await page.getByText(/^未报平安的网格（\d+）$/).waitFor();
  // The grid worker reported his grid this morning: it is not among the missing.
  await page.getByTestId('missing-all-clears').locator('tbody tr.ant-table-row').first().waitFor();
  assert.equal(await page.getByTestId('missing-all-clears').getByText(GRID_CODE, { exact: true }).count(), 0);
  await screenshot('10-all-clears');
  assert.deepEqual(pageErrors, []);
});
