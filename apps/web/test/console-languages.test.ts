// The console in English and in 繁體中文, as a person switching languages sees it: the language chosen on the login
// page, the incident list and page, the persons and the user admin in English, a refusal of the server in English;
// then 繁體中文, whose server messages arrive in Chinese and are shown converted to Traditional characters.
// First, the catalogs themselves: every locale has every key, and zh-CN says exactly what the domain says.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  ATTENTION_LEVEL_LABELS, CHANGE_SOURCE_LABELS, INCIDENT_SOURCE_LABELS, INCIDENT_STATUS_LABELS, INCIDENT_WORKFLOW, PASSWORD_PROBLEM_MESSAGES,
  RESIDENCY_LABELS, SATISFACTION_LABELS, STAFF_ROLE_LABELS, SUPERVISION_LEVEL_LABELS, TIME_LIMIT_UNIT_LABELS, URGENCY_LABELS,
} from '@civicgrid/domain';
import { sql } from 'kysely';
import * as OpenCC from 'opencc-js/cn2t';
import type { Page } from 'playwright-core';
import type { Database } from '../../server/src/database/database.js';
import { EN } from '../src/i18n/messages-en.js';
import { ZH_CN } from '../src/i18n/messages-zh-cn.js';
import { ZH_TW } from '../src/i18n/messages-zh-tw.js';
import {
  csrfTokenOf, DEMO_PASSWORD, fullPageScreenshot, resultsDirectory, startConsole, TIMEOUT, type ConsoleHarness,
} from './support/console-harness.js';

const GRID_CODE = '370303001001001';
const DESCRIPTION = '新华路12号门前井盖缺失，夜间行人容易踩空';
/** What the console converts the server's Chinese with for 繁體中文 (the same library, the same options). */
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'twp' });

let harness: ConsoleHarness;
let database: Database;
let page: Page;
let baseUrl: string;
let pageErrors: string[];
/** Every script the browser fetched, to tell whether the Traditional converter was loaded. */
const scripts: string[] = [];

before(async () => {
  harness = await startConsole();
  ({ database, page, baseUrl, pageErrors } = harness);
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) scripts.push(response.url());
  });
}, TIMEOUT);

after(async () => {
  await harness?.close();
});

const placeholdersOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const converterLoaded = () => scripts.some((url) => /\/cn2t-[^/]*\.js$/.test(url));

/** The server's own answer to a sign-in with a wrong password, in the language asked for. */
async function wrongPasswordMessage(language: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': language },
    body: JSON.stringify({ username: 'nobody.here', password: 'not-a-password' }),
  });
  return ((await response.json()) as { message: string }).message;
}

/** Signs in through the login page whatever its language: the form's fields by their names, not their labels. */
async function signInAs(username: string, password = DEMO_PASSWORD): Promise<void> {
  const form = page.getByTestId('login-page');
  await form.locator('#username').fill(username);
  await form.locator('#password').fill(password);
  await form.locator('button[type="submit"]').click();
}

async function chooseLanguage(name: 'English' | '繁體中文' | '简体中文'): Promise<void> {
  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name }).click();
}

async function headerTexts(testId: string): Promise<string[]> {
  return page.getByTestId(testId).locator('thead th').evaluateAll((cells) => cells.map((cell) => cell.textContent?.trim() ?? '').filter(Boolean));
}

/** Table cells and buttons must hold their text: a wider English word must not spill into the next column. */
async function assertNothingOverflows(selector: string): Promise<void> {
  const spilled = await page.locator(selector).evaluateAll((elements) =>
    elements.filter((element) => element.scrollWidth > element.clientWidth + 1).map((element) => element.textContent?.trim() ?? ''));
  assert.deepEqual(spilled, [], `${selector} whose text does not fit`);
}

test('every locale has every catalog key with the same placeholders, and zh-CN names coded values as the domain does', () => {
  for (const [name, catalog] of [['zh-TW', ZH_TW], ['en', EN]] as const) {
    for (const [key, chinese] of Object.entries(ZH_CN)) {
      const text = (catalog as Record<string, string>)[key];
      assert.ok(text && text.length > 0, `${name} has ${key}`);
      assert.deepEqual(placeholdersOf(text), placeholdersOf(chinese), `${name} ${key} fills the same placeholders`);
    }
  }
  const catalog = ZH_CN as Record<string, string>;
  const tables: [string, Record<string, string | { label: string }>][] = [
    ['status', INCIDENT_STATUS_LABELS], ['source', INCIDENT_SOURCE_LABELS], ['urgency', URGENCY_LABELS], ['role', STAFF_ROLE_LABELS],
    ['incident.action', INCIDENT_WORKFLOW], ['satisfaction', SATISFACTION_LABELS], ['supervision', SUPERVISION_LEVEL_LABELS],
    ['residency', RESIDENCY_LABELS], ['attentionLevel', ATTENTION_LEVEL_LABELS], ['timeLimitUnit', TIME_LIMIT_UNIT_LABELS],
    ['history.source', CHANGE_SOURCE_LABELS],
  ];
  for (const [prefix, table] of tables) {
    for (const [code, entry] of Object.entries(table)) {
      const label = typeof entry === 'string' ? entry : entry.label;
      assert.equal(catalog[`${prefix}.${code}`], label, `${prefix}.${code} is the domain's ${label}`);
    }
  }
});

test('in English: the login page, incidents, one incident, persons and users, and the server’s refusals', TIMEOUT, async () => {
  await page.goto(baseUrl);
  await page.getByTestId('login-page').waitFor();
  await chooseLanguage('English');
  const login = page.getByTestId('login-page');
  await login.getByRole('button', { name: 'Sign in' }).waitFor();
  await login.getByText('Username', { exact: true }).waitFor();

  // A refused sign-in says so in the server's own English words.
  const english = await wrongPasswordMessage('en');
  assert.equal(english, 'Wrong username or password');
  await signInAs('street.operator', 'not-the-password');
  assert.equal(await login.getByTestId('login-error').textContent(), english);
  await signInAs('street.operator');
  await page.getByTestId('user-menu').getByText('Street center operator').waitFor();

  const [grid] = (await sql<{ lon: number; lat: number }>`
    SELECT ST_X(ST_PointOnSurface(boundary)) AS lon, ST_Y(ST_PointOnSurface(boundary)) AS lat FROM grids WHERE code = ${GRID_CODE}`
    .execute(database.db)).rows;
  assert.ok(grid);
  const reported = await page.request.post(`${baseUrl}/api/incidents`, {
    headers: { 'x-csrf-token': await csrfTokenOf(page) },
    data: { clientId: 'languages-test-1', description: DESCRIPTION, lon: grid.lon, lat: grid.lat, source: 'resident' },
  });
  assert.equal(reported.status(), 201, await reported.text());
  const incident = (await reported.json()) as { id: number; code: string };

  await page.getByTestId('app-navigation').getByText('Incidents', { exact: true }).click();
  await page.locator('.admin-content').getByRole('heading', { name: 'Incidents', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Report incident' }).waitFor();
  await page.getByTestId('incident-queue-tabs').getByRole('tab', { name: /^To do \(\d+\)$/ }).waitFor();
  const row = page.getByTestId('incident-table').locator(`tr[data-row-key="${incident.id}"]`);
  await row.getByText('Awaiting intake', { exact: true }).waitFor();
  assert.ok((await row.innerText()).includes('Uncategorised'));
  assert.deepEqual(await headerTexts('incident-table'), ['Code', 'Incident', 'Category', 'Status', 'Source', 'Location', 'Department', 'Reported', 'Deadline']);
  await page.getByText(/^\d+ in total$/).waitFor();
  await assertNothingOverflows('[data-testid="incident-table"] :is(th, td):not(.ant-table-cell-ellipsis), .admin-content button');
  await fullPageScreenshot(page, 'languages-en-incidents.png');

  await row.click();
  await page.getByTestId('incident-code').getByText(incident.code).waitFor();
  const actions = page.getByTestId('incident-actions');
  await actions.getByRole('button', { name: 'Register', exact: true }).waitFor();
  await actions.getByRole('button', { name: 'Reject', exact: true }).waitFor();
  await page.getByTestId('incident-status-tag').first().getByText('Awaiting intake', { exact: true }).waitFor();
  await page.getByTestId('incident-facts').getByText('Urgency', { exact: true }).waitFor();
  await page.getByTestId('incident-timeline').getByText('Steps (1)', { exact: true }).waitFor();
  assert.deepEqual(
    await page.getByTestId('incident-step').evaluateAll((steps) => steps.map((step) => step.querySelector('strong')?.textContent)),
    ['Reported'],
  );
  await page.getByTestId('deadline-countdown').getByText(/ left$|^Overdue by /).waitFor();
  await page.getByTestId('incident-photos').getByText('No photos before handling').waitFor();
  await assertNothingOverflows('[data-testid="incident-actions"] button, .ant-tag');
  await fullPageScreenshot(page, 'languages-en-incident.png');

  await page.goto(`${baseUrl}/registers/persons`);
  await page.locator('.admin-content').getByRole('heading', { name: 'Persons', exact: true }).waitFor();
  // A button's name starts with its icon's (download Export): the words are its end.
  for (const name of ['Duplicates', 'Export', 'Import', 'New']) await page.getByRole('button', { name: new RegExp(` ${name}$`) }).waitFor();
  await page.getByTestId('person-table').locator('tbody tr.ant-table-row').first().waitFor();
  assert.deepEqual((await headerTexts('person-table')).slice(0, 4), ['Name', 'ID number', 'Phone', 'Residency']);
  await page.getByTestId('person-table').getByText('Registered', { exact: true }).first().waitFor();
  await page.getByText(/^\d+ in total$/).waitFor();
  await assertNothingOverflows('[data-testid="person-table"] :is(th, td):not(.ant-table-cell-ellipsis), .admin-content button');
  await fullPageScreenshot(page, 'languages-en-persons.png');

  // The user admin, as the administrator: the server refuses a weak password, and says why in English.
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/admin/users`);
  await page.getByTestId('login-page').getByRole('button', { name: 'Sign in' }).waitFor();
  await signInAs('admin');
  await page.locator('.admin-content').getByRole('heading', { name: 'Users', exact: true }).waitFor();
  await page.getByTestId('user-table').locator('tbody tr.ant-table-row').first().waitFor();
  assert.deepEqual((await headerTexts('user-table')).slice(0, 4), ['Username', 'Name', 'Role', 'Jurisdiction']);
  await page.getByTestId('user-table').getByText('Administrator', { exact: true }).waitFor();
  await page.getByTestId('user-table').getByText('Community center operator', { exact: true }).waitFor();
  await assertNothingOverflows('[data-testid="user-table"] td:not(.ant-table-cell-ellipsis), .admin-content button');
  await fullPageScreenshot(page, 'languages-en-users.png');
  await page.getByRole('button', { name: 'New user' }).click();
  const drawer = page.locator('.ant-drawer-section').filter({ has: page.getByTestId('user-form') });
  await drawer.getByLabel('Username').fill('li.na');
  await drawer.getByLabel('Name', { exact: true }).fill('李娜');
  await drawer.getByLabel('Role').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Administrator' }).click();
  await drawer.getByLabel('Initial password').fill('lina12345');
  await drawer.getByRole('button', { name: 'Save' }).click();
  const refusal = drawer.getByTestId('user-form-error');
  await refusal.getByText(PASSWORD_PROBLEM_MESSAGES.too_simple.en, { exact: false }).waitFor();
  assert.doesNotMatch((await refusal.textContent()) ?? '', /[\u4e00-\u9fff]/, 'the refusal has no Chinese in it');
  await page.screenshot({ path: path.join(resultsDirectory, 'languages-en-user-form.png') });
  await drawer.getByRole('button', { name: 'Cancel' }).click();

  assert.equal(converterLoaded(), false, 'English never fetches the Traditional converter');
  assert.deepEqual(pageErrors, []);
});

test('in 繁體中文: Traditional words throughout, and the server’s Chinese converted to Traditional characters', TIMEOUT, async () => {
  await chooseLanguage('繁體中文');
  await page.getByTestId('app-navigation').getByText('基礎資料', { exact: true }).waitFor();
  await page.locator('.admin-content').getByRole('heading', { name: '使用者管理', exact: true }).waitFor();
  await page.getByRole('button', { name: '新增使用者' }).waitFor();

  // A refusal written in Simplified characters by the server is shown in Traditional ones.
  await page.getByRole('button', { name: '新增使用者' }).click();
  const drawer = page.locator('.ant-drawer-section').filter({ has: page.getByTestId('user-form') });
  await drawer.getByLabel('使用者名稱').fill('li.na');
  await drawer.getByLabel('姓名').fill('李娜');
  await drawer.getByLabel('角色').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '系統管理員' }).click();
  await drawer.getByLabel('初始密碼').fill('lina12345');
  const asked = page.waitForRequest((request) => request.url().endsWith('/api/users') && request.method() === 'POST');
  await drawer.getByRole('button', { name: '儲存' }).click();
  assert.equal((await asked).headers()['accept-language'], 'zh-TW');
  const simplified = PASSWORD_PROBLEM_MESSAGES.too_simple.zh;
  const traditional = toTraditional(simplified);
  assert.notEqual(traditional, simplified, 'the policy message reads differently in Traditional characters');
  await drawer.getByTestId('user-form-error').getByText(traditional, { exact: false }).waitFor();
  assert.equal(converterLoaded(), true, '繁體中文 fetches the converter');
  await drawer.getByRole('button', { name: '取消' }).click();

  await page.getByTestId('app-navigation').getByText('事件中心', { exact: true }).click();
  await page.getByText('網格發現、中心匯集、分流處置、限期辦理', { exact: true }).waitFor();
  await page.getByTestId('incident-table').locator('tbody tr.ant-table-row').first().waitFor();
  assert.deepEqual((await headerTexts('incident-table')).slice(0, 3), ['事件編號', '事件', '分類']);
  await page.getByTestId('incident-table').getByText('待受理', { exact: true }).first().waitFor();
  await fullPageScreenshot(page, 'languages-zh-tw-incidents.png');

  // Signed out, the login page stays in 繁體中文, and its refusal comes converted too.
  await page.context().clearCookies();
  await page.goto(baseUrl);
  const login = page.getByTestId('login-page');
  await login.getByRole('button', { name: '登入' }).waitFor();
  await login.getByText('使用者名稱', { exact: true }).waitFor();
  const chinese = await wrongPasswordMessage('zh-TW');
  assert.equal(chinese, '用户名或密码错误', 'the server answers zh-TW in (Simplified) Chinese');
  await signInAs('street.operator', 'not-the-password');
  assert.equal(await login.getByTestId('login-error').textContent(), '使用者名稱或密碼錯誤');
  await page.waitForTimeout(300); // let the button's loading state fade out
  await page.screenshot({ path: path.join(resultsDirectory, 'languages-zh-tw-login.png') });

  // Back to 简体中文: the console reads as it always has.
  await chooseLanguage('简体中文');
  await login.getByRole('button', { name: '登录' }).waitFor();
  await signInAs('street.operator');
  await page.getByTestId('app-navigation').getByText('事件中心', { exact: true }).click();
  await page.getByText('网格发现、中心汇集、分流处置、限期办理', { exact: true }).waitFor();
  assert.deepEqual(pageErrors, []);
});
