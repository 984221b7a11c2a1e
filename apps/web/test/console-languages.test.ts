// The console in English and in 繁體中文, as a person switching languages sees it: the language chosen on the login
// page, the incident list and page, the header's trail and the notifications, the persons, a register of
// organizations, the user admin and the API tokens' permissions in English, a refusal of the server in English;
// then 繁體中文, whose server messages arrive in Chinese and are shown converted to Traditional characters.
// First, the catalogs themselves: every locale has every key, and zh-CN says exactly what the domain says.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  ATTENTION_LEVEL_LABELS, CARE_GROUP_FIELD_LABELS, CARE_GROUP_KIND_LABELS, CATEGORY_KIND_LABELS, CHANGE_SOURCE_LABELS, FACILITY_CLASS_LABELS,
  FACILITY_FIELDS, GRID_MEMBER_ROLE_LABELS, INCIDENT_SOURCE_LABELS, INCIDENT_STATUS_LABELS, INCIDENT_WORKFLOW, ORGANIZATION_FIELDS,
  PASSWORD_PROBLEM_MESSAGES, PERMISSION_LABELS, PERSON_FIELDS, PERSON_MERGE_HEADERS, PERSON_RESIDENCY_FIELDS, PLACE_FIELDS, RESIDENCY_LABELS,
  SATISFACTION_LABELS, SPECIAL_GROUP_FIELD_LABELS, SPECIAL_GROUP_KIND_LABELS, STAFF_ROLE_LABELS, SUPERVISION_LEVEL_LABELS,
  TIME_LIMIT_UNIT_LABELS, URGENCY_LABELS, careGroupChangeKey, personChangeHeader, specialGroupChangeKey, type RecordField,
} from '@civicgrid/domain';
import { sql } from 'kysely';
import * as OpenCC from 'opencc-js/cn2t';
import type { Page } from 'playwright-core';
import type { Database } from '../../server/src/database/database.js';
import { EN } from '../src/i18n/messages-en.js';
import { ZH_CN } from '../src/i18n/messages-zh-cn.js';
import { ZH_TW } from '../src/i18n/messages-zh-tw.js';
import type { Locale } from '../src/i18n/locale.js';
import { isMessageKey, translate } from '../src/i18n/translate.js';
import { notificationTitle } from '../src/notification-title.js';
import { personChangeHeader as shownPersonChangeHeader, shownField, type CatalogText, type RegisterName } from '../src/register-field-text.js';
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
/** The catalogs as the console reads them in a locale; `missed` collects the keys looked up at run time that are not there. */
function catalogText(locale: Locale, missed: string[] = []): CatalogText {
  return {
    t: (key, values) => translate(locale, key, values),
    lookup: (key, fallback) => (isMessageKey(key) ? translate(locale, key) : (missed.push(key), fallback)),
  };
}
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

/** The header trail's entries: their words, and whether each is cut short with an ellipsis. */
async function trailEntries(): Promise<{ text: string; cut: boolean }[]> {
  return page.getByTestId('page-trail').locator('.ant-typography').evaluateAll((entries) =>
    entries.map((entry) => ({ text: entry.textContent ?? '', cut: entry.scrollWidth > entry.clientWidth + 1 })));
}

/** The trail stays in its place in the header: after the navigation, before the notification bell. */
async function assertTrailInPlace(): Promise<void> {
  const [trail, navigation, bell] = await Promise.all(['page-trail', 'app-navigation', 'notification-bell'].map((id) => page.getByTestId(id).boundingBox()));
  assert.ok(trail && navigation && bell && trail.width > 0);
  assert.ok(trail.x >= navigation.x + navigation.width && trail.x + trail.width <= bell.x, 'the trail lies between the navigation and the bell');
}

/** The texts of the options an open select lists. */
async function openOptions(): Promise<string[]> {
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await options.first().waitFor();
  return options.allInnerTexts();
}

const CJK = /[\u4e00-\u9fff]/;

test('every locale has every catalog key with the same placeholders, and zh-CN names coded values as the domain does', () => {
  for (const [name, catalog] of [['zh-TW', ZH_TW], ['en', EN]] as const) {
    for (const [key, chinese] of Object.entries(ZH_CN)) {
      const text = (catalog as Record<string, string>)[key];
      assert.ok(text && text.length > 0, `${name} has ${key}`);
      assert.deepEqual(placeholdersOf(text), placeholdersOf(chinese), `${name} ${key} fills the same placeholders`);
    }
  }
  const catalog = ZH_CN as Record<string, string>;
  const tables: [string, Record<string, string | { label: string; options?: Readonly<Record<string, string>> }>][] = [
    ['status', INCIDENT_STATUS_LABELS], ['source', INCIDENT_SOURCE_LABELS], ['urgency', URGENCY_LABELS], ['role', STAFF_ROLE_LABELS],
    ['incident.action', INCIDENT_WORKFLOW], ['satisfaction', SATISFACTION_LABELS], ['supervision', SUPERVISION_LEVEL_LABELS],
    ['residency', RESIDENCY_LABELS], ['attentionLevel', ATTENTION_LEVEL_LABELS], ['timeLimitUnit', TIME_LIMIT_UNIT_LABELS],
    ['history.source', CHANGE_SOURCE_LABELS], ['permission', PERMISSION_LABELS], ['gridMemberRole', GRID_MEMBER_ROLE_LABELS],
    ['categoryKind', CATEGORY_KIND_LABELS], ['facilityClass', FACILITY_CLASS_LABELS], ['specialGroup', SPECIAL_GROUP_KIND_LABELS],
    ['careGroup', CARE_GROUP_KIND_LABELS], ['specialGroup.field', SPECIAL_GROUP_FIELD_LABELS], ['careGroup.field', CARE_GROUP_FIELD_LABELS],
  ];
  for (const [prefix, table] of tables) {
    for (const [code, entry] of Object.entries(table)) {
      const label = typeof entry === 'string' ? entry : entry.label;
      assert.equal(catalog[`${prefix}.${code}`], label, `${prefix}.${code} is the domain's ${label}`);
      const options = typeof entry === 'string' ? {} : (entry.options ?? {});
      for (const [option, optionLabel] of Object.entries(options)) assert.equal(catalog[`${prefix}.${code}.${option}`], optionLabel, `${prefix}.${code}.${option}`);
    }
  }

  // Every register field's header and options, found in the catalog by key and code, read as the field table has them.
  const missed: string[] = [];
  const chinese = catalogText('zh-CN', missed);
  const personFields: readonly RecordField[] = [...PERSON_FIELDS, ...PERSON_RESIDENCY_FIELDS];
  const registers: [RegisterName, readonly RecordField[]][] = [
    ['person', personFields], ['organization', ORGANIZATION_FIELDS], ['place', PLACE_FIELDS], ['facility', FACILITY_FIELDS],
  ];
  for (const [register, fields] of registers) {
    for (const field of fields) assert.deepEqual(shownField(register, field, chinese.lookup), field, `${register}.${field.key} reads as in its table`);
  }
  // A person's history names fields, groups and merges as the server does.
  const groupKeys = [
    ...Object.keys(SPECIAL_GROUP_KIND_LABELS).flatMap((kind) => [specialGroupChangeKey(kind), ...Object.keys(SPECIAL_GROUP_FIELD_LABELS).map((field) => specialGroupChangeKey(kind, field))]),
    ...Object.keys(CARE_GROUP_KIND_LABELS).flatMap((kind) => [careGroupChangeKey(kind), ...Object.keys(CARE_GROUP_FIELD_LABELS).map((field) => careGroupChangeKey(kind, field))]),
  ];
  for (const key of [...personFields.map((field) => field.key), ...Object.keys(PERSON_MERGE_HEADERS), ...groupKeys]) {
    assert.equal(shownPersonChangeHeader(key, '', chinese), personChangeHeader(key), `the history header of ${key}`);
  }
  assert.deepEqual(missed, [], 'no field, option or group looked up is missing from the catalog');
});

test('notification titles built from fixed kinds read in each language; other titles stay as written', () => {
  const title = (kind: string, written: string) => ({
    'zh-CN': notificationTitle({ kind, title: written }, catalogText('zh-CN').t),
    en: notificationTitle({ kind, title: written }, catalogText('en').t),
  });
  // as the server writes them (incident-intake.service.ts, incident-effects.ts, deadline-watcher.ts, directive.service.ts)
  const reported = '新上报事件 370303202612030001（网格外）';
  assert.deepEqual(title('incident.report', reported), { 'zh-CN': reported, en: 'New incident 370303202612030001 (outside every grid)' });
  const dispatched = `事件 370303202612030001 ${INCIDENT_STATUS_LABELS.dispatched}`;
  assert.deepEqual(title('incident.dispatch', dispatched), { 'zh-CN': dispatched, en: 'Incident 370303202612030001: To accept' });
  const supervised = `事件 370303202612030001 ${INCIDENT_STATUS_LABELS.handling}（${SUPERVISION_LEVEL_LABELS.red}）`;
  assert.deepEqual(title('incident.supervise', supervised), { 'zh-CN': supervised, en: 'Incident 370303202612030001: Handling (Red card)' });
  const overdue = '事件 370303202612030001 已超期，黄牌督办';
  assert.deepEqual(title('incident.deadline_overdue', overdue), { 'zh-CN': overdue, en: 'Incident 370303202612030001 is overdue: yellow-card supervision' });
  const directive = '新指令：入户走访（第二批）';
  assert.deepEqual(title('directive_issued', directive), { 'zh-CN': directive, en: 'New directive: 入户走访（第二批）' });
  // A title the console does not know the shape of is shown as the server wrote it.
  assert.deepEqual(title('incident.dispatch', '事件已派遣'), { 'zh-CN': '事件已派遣', en: '事件已派遣' });
});

test('in English: the login page, incidents, one incident, persons, a register, users, API tokens, and the server’s refusals', TIMEOUT, async () => {
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

  // The header's trail: whole beside the English navigation; in a narrower window cut short, its words in a tooltip.
  assert.deepEqual(await trailEntries(), [{ text: 'Incidents', cut: false }, { text: incident.code, cut: false }]);
  await assertTrailInPlace();
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="page-trail"] .ant-typography')].some((entry) => entry.scrollWidth > entry.clientWidth + 1));
  await assertTrailInPlace();
  const cut = (await trailEntries()).findIndex((entry) => entry.cut);
  await page.getByTestId('page-trail').locator('.ant-typography').nth(cut).hover();
  await page.locator('.ant-tooltip:visible').getByText(['Incidents', incident.code][cut]!, { exact: true }).waitFor();
  await page.screenshot({ path: path.join(resultsDirectory, 'languages-en-header-narrow.png'), clip: { x: 0, y: 0, width: 1024, height: 120 } });
  await page.mouse.move(600, 600);
  await page.setViewportSize({ width: 1440, height: 900 });

  // The notification of the incident reported above, titled in English.
  await page.getByTestId('notification-bell').click();
  await page.getByTestId('notification-list').getByText(`New incident ${incident.code}`, { exact: true }).waitFor();
  await page.getByTestId('notification-bell').click();

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
  await page.getByTestId('person-table').locator('tbody tr.ant-table-row').first().click();
  const facts = page.getByTestId('person-facts');
  await facts.getByText('Date of birth', { exact: true }).waitFor();
  assert.equal(await facts.locator('[data-field="idType"]').innerText(), 'Resident ID card');
  assert.match(await facts.locator('[data-field="dataSource"]').innerText(), /^(Entered|Claimed|Verified)$/);

  // A register of organizations: headers, kinds and the record's fields in English, from the register's field table.
  const created = await page.request.post(`${baseUrl}/api/organizations`, {
    headers: { 'x-csrf-token': await csrfTokenOf(page) },
    data: { name: '淄博甲公司', kind: 'individual_business', legalRepresentative: '张三', address: '新华路12号', gridCode: GRID_CODE },
  });
  assert.equal(created.status(), 201, await created.text());
  await page.goto(`${baseUrl}/registers/organizations`);
  await page.locator('.admin-content').getByRole('heading', { name: 'Organizations', exact: true }).waitFor();
  const organization = page.getByTestId('record-table').locator('tbody tr.ant-table-row').first();
  await organization.getByText('Sole trader', { exact: true }).waitFor();
  assert.deepEqual(await headerTexts('record-table'), ['Name', 'Kind', 'Credit code', 'Legal representative', 'Phone', 'Address', 'Attention', 'Verified']);
  await page.getByTestId('record-filters').locator('.ant-select').filter({ hasText: /^Kind$/ }).click();
  const kinds = await openOptions();
  assert.deepEqual(kinds.slice(0, 3), ['Enterprise', 'Sole trader', 'Social organization']);
  assert.doesNotMatch(kinds.join(), CJK, 'no kind is left in Chinese');
  await page.keyboard.press('Escape');
  await assertNothingOverflows('[data-testid="record-table"] :is(th, td):not(.ant-table-cell-ellipsis), .admin-content button');
  await fullPageScreenshot(page, 'languages-en-organizations.png');
  await organization.click();
  const record = page.getByTestId('record-detail');
  await record.getByText('Legal representative', { exact: true }).first().waitFor();
  const createdWith = await record.getByTestId('record-created-values').innerText();
  for (const words of ['Kind Sole trader', 'Legal representative 张三', 'Attention level Normal', 'Data source Entered']) assert.ok(createdWith.includes(words), `the history says ${words}`);
  await page.waitForTimeout(300); // the drawer slides in
  await page.screenshot({ path: path.join(resultsDirectory, 'languages-en-organization.png') });
  await record.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByTestId('record-form');
  await form.getByText('Legal representative', { exact: true }).waitFor();
  await form.getByLabel('Kind', { exact: true }).click();
  assert.ok((await openOptions()).includes('Government or public institution'));
  await page.keyboard.press('Escape');
  assert.doesNotMatch((await form.locator('label').allInnerTexts()).join(), CJK, 'the form labels its fields in English');
  await page.locator('.ant-drawer-section').filter({ has: form }).getByRole('button', { name: 'Cancel' }).click();

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

  // API tokens: every permission named in English, the grid workers' newest ones too.
  await page.goto(`${baseUrl}/admin/api-tokens`);
  await page.locator('.admin-content').getByRole('heading', { name: 'API tokens', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Issue token' }).click();
  const issue = page.locator('.ant-modal').filter({ has: page.getByTestId('token-permissions') });
  const permissions = await issue.getByTestId('token-permissions').locator('label').allInnerTexts();
  assert.equal(permissions.length, Object.keys(PERMISSION_LABELS).length);
  for (const name of ['Record patrol tracks (grid workers)', 'View patrols', 'Record visits (grid workers)', 'View visits']) assert.ok(permissions.includes(name), name);
  assert.doesNotMatch(permissions.join(), CJK, 'no permission is left in Chinese');
  await issue.getByLabel('Name').fill('Patrol reports');
  for (const name of ['View patrols', 'View visits']) await issue.getByRole('checkbox', { name, exact: true }).check();
  await page.screenshot({ path: path.join(resultsDirectory, 'languages-en-token-permissions.png') });
  await issue.getByRole('button', { name: 'Issue', exact: true }).click();
  await page.getByRole('button', { name: 'I have saved it' }).click();
  const token = page.getByTestId('api-token-table').locator('tbody tr.ant-table-row').first();
  for (const name of ['View grids', 'View patrols', 'View visits']) await token.getByText(name, { exact: true }).waitFor();
  await assertNothingOverflows('[data-testid="api-token-table"] :is(th, td):not(.ant-table-cell-ellipsis), .admin-content button');
  await fullPageScreenshot(page, 'languages-en-api-tokens.png');

  assert.equal(converterLoaded(), false, 'English never fetches the Traditional converter');
  assert.deepEqual(pageErrors, []);
});

test('in 繁體中文: Traditional words throughout, and the server’s Chinese converted to Traditional characters', TIMEOUT, async () => {
  await chooseLanguage('繁體中文');
  await page.getByTestId('app-navigation').getByText('基礎資料', { exact: true }).waitFor();
  await page.locator('.admin-content').getByRole('heading', { name: '介面權杖', exact: true }).waitFor();
  assert.deepEqual(await trailEntries(), [{ text: '系統管理', cut: false }, { text: '介面權杖', cut: false }]);
  const token = page.getByTestId('api-token-table').locator('tbody tr.ant-table-row').first();
  for (const name of ['檢視網格', '檢視巡查記錄', '檢視走訪記錄']) await token.getByText(name, { exact: true }).waitFor();
  await page.getByRole('button', { name: '簽發權杖' }).click();
  const permissions = await page.getByTestId('token-permissions').locator('label').allInnerTexts();
  for (const name of ['記錄巡查軌跡（網格員）', '走訪登記（網格員）', '檢視敏感資訊原文', '維護代碼表、時限與工作日曆']) assert.ok(permissions.includes(name), name);
  await page.locator('.ant-modal').getByRole('button', { name: '取消' }).click();
  await assertNothingOverflows('[data-testid="api-token-table"] :is(th, td):not(.ant-table-cell-ellipsis), .admin-content button');
  await fullPageScreenshot(page, 'languages-zh-tw-api-tokens.png');

  // The organizations' register, headed and coded in Traditional words.
  await page.goto(`${baseUrl}/registers/organizations`);
  await page.locator('.admin-content').getByRole('heading', { name: '單位組織', exact: true }).waitFor();
  await page.getByTestId('record-table').locator('tbody tr.ant-table-row').first().getByText('個體工商戶', { exact: true }).waitFor();
  assert.deepEqual(await headerTexts('record-table'), ['單位名稱', '單位類別', '統一社會信用代碼', '法定代表人', '聯絡電話', '單位地址', '關注', '最近核實']);
  await assertNothingOverflows('[data-testid="record-table"] :is(th, td):not(.ant-table-cell-ellipsis), .admin-content button');
  await fullPageScreenshot(page, 'languages-zh-tw-organizations.png');

  await page.goto(`${baseUrl}/admin/users`);
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
