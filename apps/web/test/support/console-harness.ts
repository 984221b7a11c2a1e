// The console in a real browser, served by the real server on a real database holding the small demo city and its
// demo accounts. Shared by the browser test files; each file gets its own database, server and browser.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { buildApp } from '../../../server/src/app.js';
import type { Database } from '../../../server/src/database/database.js';
import { DEMO_PASSWORD } from '../../../server/src/demo/demo-accounts.js';
import { seedDemoCityIfEmpty } from '../../../server/src/demo/demo-seed.js';
import { openTestDatabase } from '../../../server/test/support/test-database.js';

export { DEMO_PASSWORD };

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const resultsDirectory = path.join(repositoryRoot, 'test-results');
export const TIMEOUT = { timeout: 180_000 };

export interface ConsoleHarness {
  database: Database;
  baseUrl: string;
  browser: Browser;
  page: Page;
  /** Uncaught errors of the page; a test ends by checking there were none. */
  pageErrors: string[];
  close: () => Promise<void>;
}

/** Where the phone of a mobile harness stands: the middle of the demo city's grid 370303001001001 (新华社区第1网格). */
export const PHONE_POSITION = { longitude: 117.98349, latitude: 36.85745, accuracy: 8 };

export interface ConsoleOptions {
  /** The page is a phone (360×740, touch, GPS allowed at PHONE_POSITION) instead of a desktop window. */
  mobile?: boolean;
}

export async function startConsole(options: ConsoleOptions = {}): Promise<ConsoleHarness> {
  if (!fs.existsSync(path.join(repositoryRoot, 'apps/web/dist/index.html'))) {
    throw new Error('apps/web/dist/index.html is missing: build the console first (npm run build --workspace apps/web)');
  }
  const { database, cleanup } = await openTestDatabase();
  await seedDemoCityIfEmpty(database, () => {});
  const app: FastifyInstance = await buildApp({ database, config: { logLevel: 'silent' }, logger: false });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--enable-unsafe-swiftshader'],
  });
  // The console's users are in China: its clock, and so every time it shows, is Beijing time whatever the test machine's.
  const page = options.mobile
    ? await browser.newPage({
      viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
      permissions: ['geolocation'], geolocation: PHONE_POSITION, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    })
    : await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  fs.mkdirSync(resultsDirectory, { recursive: true });
  return {
    database,
    baseUrl,
    browser,
    page,
    pageErrors,
    async close() {
      await browser.close();
      await app.close();
      await cleanup();
    },
  };
}

/** Fills in and submits the login form, as a person would. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByTestId('login-page');
  await form.getByLabel('用户名').fill(username);
  await form.getByLabel('密码').fill(password);
  await form.getByRole('button', { name: '登录' }).click();
}

/** Signs in through the login page and waits for the console to show who is signed in. */
export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(baseUrl);
  await page.getByTestId('login-page').waitFor();
  await submitLogin(page, username, password);
  await page.getByTestId('user-menu').waitFor();
}

/** The CSRF token of the page's session, which a script must echo on writes just as the console does. */
export async function csrfTokenOf(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((entry) => entry.name === 'civicgrid_csrf');
  if (!cookie) throw new Error('the page has no civicgrid_csrf cookie: sign in first');
  return cookie.value;
}

/**
 * A screenshot of the whole page: toasts gone, the window grown to the content's height for the shot (long
 * pages are cut off otherwise), then restored. `settleMs` lets animations (charts) finish first.
 */
export async function fullPageScreenshot(page: Page, fileName: string, settleMs = 400): Promise<void> {
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(settleMs);
  const contentHeight = await page.evaluate(() => {
    const content = document.querySelector('.admin-content');
    return content ? content.scrollHeight + content.getBoundingClientRect().top : 0;
  });
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  if (contentHeight > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height: Math.ceil(contentHeight) });
    await page.waitForTimeout(settleMs);
  }
  await page.screenshot({ path: path.join(resultsDirectory, fileName) });
  await page.setViewportSize(viewport);
}

/** A photo as a phone camera makes it: a 2400×1800 JPEG, larger than the phone app keeps. */
export async function cameraPhoto(colour: { r: number; g: number; b: number }, name: string) {
  const buffer = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: colour } }).jpeg({ quality: 90 }).toBuffer();
  return { name, mimeType: 'image/jpeg', buffer };
}

/**
 * The phone's screen as the worker sees it (360×740), once toasts, dialogs and animations are done. `withDialog`
 * keeps an open dialog in the shot instead of waiting for it to close.
 */
export async function phoneScreenshot(page: Page, fileName: string, { withDialog = false } = {}): Promise<void> {
  await page.locator('.adm-toast-mask').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  if (!withDialog) await page.locator('.adm-dialog-body').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(resultsDirectory, fileName) });
}
