// Builds the migrated database every test file starts from, and prints where it is.
// PGlite: a data directory dump, cached under .tmp/ by a hash of the migrations.
// PostgreSQL: TEST_DATABASE_URL itself, migrated; test files clone it with CREATE DATABASE … TEMPLATE.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dumpPGliteDatabase, openDatabase } from '../../src/database/database.js';
import { listMigrations, migrate } from '../../src/database/migrate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const url = process.env.TEST_DATABASE_URL;

if (url) {
  const database = await openDatabase({ databaseUrl: url });
  await migrate(database);
  await database.close();
  console.log(url);
} else {
  const hash = crypto.createHash('sha256');
  for (const migration of listMigrations()) hash.update(migration.name).update(migration.sql);
  const directory = path.join(root, '.tmp');
  const target = path.join(directory, `pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(directory, { recursive: true });
    const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-template-'));
    const database = await openDatabase({ dataDirectory });
    await migrate(database);
    await database.close();
    await dumpPGliteDatabase(path.join(dataDirectory, 'pglite'), `${target}.partial`);
    fs.renameSync(`${target}.partial`, target);
    fs.rmSync(dataDirectory, { recursive: true, force: true });
  }
  console.log(target);
}
