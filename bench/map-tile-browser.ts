import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { chromium, type Browser } from 'playwright-core';
import { buildApp } from '../apps/server/src/app.js';
import { hashPassword } from '../apps/server/src/auth/password-hash.js';
import type { Database } from '../apps/server/src/database/database.js';
import { UserRepository } from '../apps/server/src/users/user.repository.js';
import { runsFromEnvironment, type Timing } from './timing.js';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/web/dist/index.html');

function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return {
    medianMs: sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2,
    minMs: sorted[0]!, maxMs: sorted[sorted.length - 1]!, runs: sorted.length,
  };
}

/**
 * Time to the first drawn command map in Chromium, for a city operator of the whole city: from navigation to the
 * map's first `idle` with the city in view (the page marks it). Cold is a fresh browser profile; warm is a reload
 * of the same page, where the versioned boundary tiles come from the browser's cache. A temporary user signs in
 * and is removed afterwards with its sessions.
 */
export async function timeFirstDrawnMap(database: Database, log: (message: string) => void): Promise<{ cold: Timing; warm: Timing } | string> {
  if (!fs.existsSync(webDist)) return 'apps/web/dist is missing (npm run build --workspace apps/web)';
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) return `no Chromium at ${executablePath}`;
  const username = `bench.map.${crypto.randomBytes(4).toString('hex')}`;
  const password = `Bench#${crypto.randomBytes(6).toString('hex')}`;
  const city = (await sql<{ id: number }>`SELECT id FROM regions WHERE parent_id IS NULL ORDER BY code LIMIT 1`.execute(database.db)).rows[0]!;
  const userId = await new UserRepository(database.db).insert(database.db, {
    username, passwordHash: await hashPassword(password), displayName: '基准测试', phone: null, role: 'city_operator',
    regionId: city.id, departmentId: null, gridMemberId: null,
  }, []);
  const app = await buildApp({ database, config: { logLevel: 'silent' }, logger: false });
  let browser: Browser | undefined;
  try {
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader'] });
    const cold: number[] = [];
    const warm: number[] = [];
    const runs = runsFromEnvironment(5);
    for (let run = 0; run <= runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto(baseUrl);
      const form = page.getByTestId('login-page');
      await form.getByLabel('用户名').fill(username);
      await form.getByLabel('密码').fill(password);
      await form.getByRole('button', { name: '登录' }).click();
      await page.getByTestId('user-menu').waitFor();
      const drawn = async () => {
        await page.goto(`${baseUrl}/command`);
        const handle = await page.waitForFunction(() => {
          const value = document.querySelector<HTMLElement>('[data-testid="command-map"]')?.dataset.drawnAt;
          return value && value !== 'pending' ? Number(value) : null;
        }, undefined, { timeout: 120_000, polling: 50 });
        return Number(await handle.jsonValue());
      };
      const first = await drawn();
      const again = await drawn();
      // the first run warms the server (PostgreSQL's buffers, the tile cache) and is not counted
      if (run > 0) {
        cold.push(first);
        warm.push(again);
      }
      log(`first drawn map: ${first} ms cold, ${again} ms warm`);
      await context.close();
    }
    return { cold: summarize(cold), warm: summarize(warm) };
  } finally {
    await browser?.close();
    await app.close();
    await sql`DELETE FROM sessions WHERE user_id = ${userId}`.execute(database.db);
    await sql`DELETE FROM users WHERE id = ${userId}`.execute(database.db).catch(() => log(`user ${username} is referenced (audit log) and stays, disabled`));
    await sql`UPDATE users SET disabled = true WHERE id = ${userId}`.execute(database.db);
  }
}
