#!/usr/bin/env node
// Runs every test with node's own test runner.
//   node scripts/run-tests.mjs                 unit, integration (embedded PGlite) and browser tests
//   node scripts/run-tests.mjs --integration   integration tests only, on TEST_DATABASE_URL (PostgreSQL)
// A migrated database is built once per run; each test file starts from a copy of it.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const integrationOnly = process.argv.includes('--integration');

function findTests(directory, pattern) {
  const found = [];
  const walk = (current) => {
    if (!fs.existsSync(current)) return;
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (pattern.test(entry.name)) found.push(path.relative(root, full));
    }
  };
  walk(path.join(root, directory));
  return found.sort();
}

const unit = [...findTests('packages', /\.test\.ts$/), ...findTests('apps/server/src', /\.test\.ts$/), ...findTests('apps/web/src', /\.test\.ts$/)];
const integration = findTests('apps/server/test', /\.test\.ts$/);
const browser = findTests('apps/web/test', /\.test\.ts$/);

const environment = { ...process.env, NODE_ENV: 'test' };
if (integrationOnly) {
  if (!process.env.TEST_DATABASE_URL) {
    console.error('--integration needs TEST_DATABASE_URL, a PostgreSQL database the run may migrate and clone');
    process.exit(2);
  }
} else {
  delete environment.TEST_DATABASE_URL;
}

const templateStep = spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/test/support/build-template.ts'], {
  cwd: root, env: environment, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8',
});
if (templateStep.status !== 0) process.exit(templateStep.status ?? 1);
const template = templateStep.stdout.trim().split('\n').pop();
environment.CIVICGRID_TEST_TEMPLATE = template;

let files = integrationOnly ? integration : [...unit, ...integration];
if (!integrationOnly && browser.length > 0) {
  if (!fs.existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) {
    console.error('Browser tests need Chromium: apt-get install -y chromium (or set CHROMIUM_PATH)');
    process.exit(2);
  }
  execFileSync('npm', ['run', 'build', '--workspace', 'apps/web'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  files = [...files, ...browser];
}

// PostgreSQL clones its template one file at a time; embedded databases run two files at once.
const concurrency = integrationOnly ? '1' : String(Math.max(1, Math.min(2, (await import('node:os')).availableParallelism())));
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files], {
  cwd: root, env: environment, stdio: 'inherit',
});
process.exit(result.status ?? 1);
