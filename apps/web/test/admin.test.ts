// Signing in and the 系统管理 pages in a real browser, against the real server and database with the demo accounts.
// What the pages show is checked against the database or the server's own answers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { PASSWORD_PROBLEM_MESSAGES, STAFF_ROLE_LABELS, type StaffRole } from '@civicgrid/domain';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import type { Database } from '../../server/src/database/database.js';
import {
  csrfTokenOf, DEMO_PASSWORD, resultsDirectory, signIn, startConsole, submitLogin, TIMEOUT, type ConsoleHarness,
} from './support/console-harness.js';

const NEW_USER = { username: 'wang.wei', displayName: '王伟', phone: '13800000001', password: 'Zibo@2026!x' };
const INJECTION_NAME = `<img src=x onerror="window.__xss=1">'; DROP TABLE grids;--`;

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

/** The server's own (Chinese) answer to a sign-in, asked directly. */
async function loginAnswer(username: string, password: string): Promise<{ status: number; code: string; message: string }> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { code: string; message: string };
  return { status: response.status, code: body.code, message: body.message };
}

async function openAdminPage(label: string): Promise<void> {
  await page.getByTestId('app-navigation').getByText('系统管理', { exact: true }).hover();
  await page.getByRole('menuitem', { name: label, exact: true }).click();
  await page.locator('.admin-content').getByRole('heading', { name: label, exact: true }).waitFor();
}

const tableRows = (testId: string) => page.getByTestId(testId).locator('tbody tr.ant-table-row');

test('sign-in shows the server’s message for a wrong password and says plainly when an account is locked', TIMEOUT, async () => {
  await page.goto(baseUrl);
  await page.getByTestId('login-page').waitFor();
  await page.screenshot({ path: path.join(resultsDirectory, 'login-page.png') });

  const wrong = await loginAnswer('nobody.here', 'not-a-password');
  assert.equal(wrong.status, 401);
  await submitLogin(page, 'admin', 'not-the-password');
  assert.equal(await page.getByTestId('login-error').textContent(), wrong.message);

  // Five wrong passwords lock the account; from then on even the right password is refused.
  for (let attempt = 0; attempt < 5; attempt += 1) assert.equal((await loginAnswer('mediator', 'wrong-password')).status, 401);
  const locked = await loginAnswer('mediator', DEMO_PASSWORD);
  assert.equal(locked.code, 'auth.locked');
  await submitLogin(page, 'mediator', DEMO_PASSWORD);
  await page.getByTestId('login-error').getByText(locked.message, { exact: true }).waitFor();
  assert.equal(await page.getByTestId('user-menu').count(), 0, 'a locked account stays on the login page');
  await page.waitForTimeout(300); // let the button's loading state fade out
  await page.screenshot({ path: path.join(resultsDirectory, 'login-locked.png') });
  assert.deepEqual(pageErrors, []);
});

test('用户管理 lists the demo accounts as the users table holds them', TIMEOUT, async () => {
  await signIn(page, baseUrl, 'admin');
  await openAdminPage('用户管理');
  const users = (await sql<{ username: string; displayName: string; role: StaffRole }>`
    SELECT username, display_name AS "displayName", role FROM users ORDER BY username`.execute(database.db)).rows;
  assert.ok(users.length >= 9, 'the demo city should have one account per role');
  await tableRows('user-table').first().waitFor();
  const shown = await tableRows('user-table').evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('td')].slice(0, 3).map((cell) => cell.textContent ?? '')));
  assert.deepEqual(shown, users.map((user) => [user.username, user.displayName, STAFF_ROLE_LABELS[user.role]]));
  const lockedRow = tableRows('user-table').filter({ hasText: 'mediator' });
  await lockedRow.getByText('已锁定', { exact: true }).waitFor();
  assert.deepEqual(pageErrors, []);
});

test('an administrator creates a street operator through the form; the policy error is the server’s', TIMEOUT, async () => {
  await page.getByRole('button', { name: '新建用户' }).click();
  const drawer = page.locator('.ant-drawer-section').filter({ hasText: '新建用户' });
  await drawer.getByLabel('用户名').fill(NEW_USER.username);
  await drawer.getByLabel('姓名').fill(NEW_USER.displayName);
  await drawer.getByLabel('手机号').fill(NEW_USER.phone);
  await drawer.getByLabel('角色').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: STAFF_ROLE_LABELS.street_operator }).click();
  await drawer.getByLabel(/^管辖区划/).click();
  for (const name of ['淄博市', '张店区', '车站街道']) {
    await page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item').filter({ hasText: name }).click();
  }
  await drawer.getByLabel('初始密码').fill('wangwei12345');
  await drawer.getByRole('button', { name: '保存' }).click();
  await drawer.getByTestId('user-form-error').getByText(PASSWORD_PROBLEM_MESSAGES.too_simple.zh, { exact: false }).waitFor();
  await page.screenshot({ path: path.join(resultsDirectory, 'admin-user-form.png') });

  await drawer.getByLabel('初始密码').fill(NEW_USER.password);
  await drawer.getByRole('button', { name: '保存' }).click();
  await tableRows('user-table').filter({ hasText: NEW_USER.username }).waitFor();
  const [created] = (await sql<{ role: string; regionCode: string; phone: string }>`
    SELECT u.role, r.code AS "regionCode", u.phone FROM users u JOIN regions r ON r.id = u.region_id
    WHERE u.username = ${NEW_USER.username}`.execute(database.db)).rows;
  assert.deepEqual(created, { role: 'street_operator', regionCode: '370303001', phone: NEW_USER.phone });
  const row = tableRows('user-table').filter({ hasText: NEW_USER.username });
  assert.match((await row.textContent()) ?? '', /王伟镇街中心坐席车站街道13800000001正常从未登录/);
  assert.equal((await loginAnswer(NEW_USER.username, NEW_USER.password)).status, 200, 'the new account can sign in');
  await page.waitForTimeout(500); // let the drawer finish sliding away
  await page.screenshot({ path: path.join(resultsDirectory, 'admin-users.png') });
  assert.deepEqual(pageErrors, []);
});

test('审计日志 shows the creation, newest first, with the password blanked out, and exports it as CSV', TIMEOUT, async () => {
  await openAdminPage('审计日志');
  const [newest] = (await sql<{ action: string; username: string | null }>`
    SELECT a.action, u.username FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
    WHERE a.action NOT LIKE 'POST /api/auth/%' ORDER BY a.id DESC LIMIT 1`.execute(database.db)).rows;
  assert.deepEqual(newest, { action: 'POST /api/users', username: 'admin' });

  const filter = page.getByTestId('audit-filter');
  await filter.getByLabel('操作', { exact: true }).fill('POST /api/users');
  await filter.getByRole('button', { name: '查询' }).click();
  const [{ count } = { count: 0 }] = (await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM audit_log WHERE action ILIKE '%POST /api/users%'`.execute(database.db)).rows;
  await page.getByText(`已显示 ${count} 条`, { exact: true }).waitFor();
  const first = tableRows('audit-table').first();
  assert.equal(await first.locator('td').nth(3).textContent(), 'POST /api/users');
  assert.equal(await first.locator('td').nth(2).textContent(), '系统管理员（admin）');
  await first.locator('.ant-table-row-expand-icon').click();
  const details = (await page.locator('.audit-details').first().textContent()) ?? '';
  assert.match(details, new RegExp(`"username": "${NEW_USER.username.replace('.', '\\.')}"`));
  assert.match(details, /"password": "\*\*\*"/);
  assert.ok(!details.includes(NEW_USER.password), 'the password never reaches the audit log');
  await page.screenshot({ path: path.join(resultsDirectory, 'admin-audit-log.png') });

  const href = await page.getByRole('link', { name: /导出CSV/ }).getAttribute('href');
  assert.ok(href?.includes('action=POST'), `the export link should carry the filter, got ${href}`);
  const csv = await (await page.request.get(`${baseUrl}${href}`)).text();
  assert.equal(csv.trim().split('\n').length, 1 + count, 'a header line and one line per entry');
  assert.ok(csv.includes(NEW_USER.username));
  assert.deepEqual(pageErrors, []);
});

test('接口令牌: an issued token is shown once, can be copied, answers the API, and stops working when revoked', TIMEOUT, async () => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  await openAdminPage('接口令牌');
  await page.getByRole('button', { name: '签发令牌' }).click();
  const dialog = page.locator('.ant-modal').filter({ hasText: '签发接口令牌' });
  await dialog.getByLabel('名称').fill('12345 热线对接');
  await dialog.getByRole('button', { name: '签发', exact: true }).click();
  const token = (await page.getByTestId('issued-token').textContent()) ?? '';
  assert.match(token, /^cgt_/);
  await page.getByRole('button', { name: '复制令牌' }).click();
  await page.getByText('令牌已复制到剪贴板').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), token);
  await page.screenshot({ path: path.join(resultsDirectory, 'admin-api-token-issued.png') });

  const gridsOfStreet = () => fetch(`${baseUrl}/api/grids?regionCode=370303001`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal((await gridsOfStreet()).status, 200);
  await page.getByRole('button', { name: '我已复制保存' }).click();
  const row = tableRows('api-token-table').filter({ hasText: '12345 热线对接' });
  await row.getByText('有效', { exact: true }).waitFor();
  assert.ok((await row.textContent())?.includes(`${token.slice(0, 10)}…`), 'the list shows only the start of the token');
  // Closed means gone from the page, not merely hidden.
  await page.getByTestId('issued-token').waitFor({ state: 'detached' });
  assert.equal(await page.getByText(token).count(), 0, 'the token is not shown again');

  await row.getByRole('button', { name: '吊销' }).click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '吊销' }).click();
  await row.getByText('已吊销', { exact: true }).waitFor();
  assert.equal((await gridsOfStreet()).status, 401);
  assert.deepEqual(pageErrors, []);
});

test('a grid named with markup and SQL shows that exact text in the list and panel, and nothing runs', TIMEOUT, async () => {
  const gridCode = '370303001001001';
  const [before] = (await sql<{ count: number }>`SELECT count(*)::int AS count FROM grids`.execute(database.db)).rows;
  const renamed = await page.request.patch(`${baseUrl}/api/grids/${gridCode}`, {
    data: { name: INJECTION_NAME },
    headers: { 'x-csrf-token': await csrfTokenOf(page) },
  });
  assert.equal(renamed.status(), 200, await renamed.text());
  const [stored] = (await sql<{ name: string; count: number }>`
    SELECT name, (SELECT count(*)::int FROM grids) AS count FROM grids WHERE code = ${gridCode}`.execute(database.db)).rows;
  assert.deepEqual(stored, { name: INJECTION_NAME, count: before?.count });

  await page.getByTestId('app-navigation').getByText('网格地图', { exact: true }).click();
  const gridList = page.getByTestId('grid-list');
  await gridList.getByPlaceholder('按名称、编码或社区筛选').fill(gridCode);
  const item = gridList.locator('.grid-list-item');
  await item.getByText(INJECTION_NAME, { exact: true }).waitFor();
  await item.click();
  await page.getByTestId('grid-panel').getByTestId('grid-panel-code').waitFor();
  assert.equal(await page.locator('.ant-drawer-title').textContent(), INJECTION_NAME);
  await page.waitForTimeout(800); // let the map finish moving the selection out from under the panel
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined);
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'the name must not become an element');
  await page.screenshot({ path: path.join(resultsDirectory, 'xss-grid-panel.png') });
  assert.deepEqual(pageErrors, []);
});
