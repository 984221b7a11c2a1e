import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/database/database.js';

/**
 * A fresh, migrated database for one test file: a copy of the PGlite template, or on PostgreSQL a new
 * database cloned from the migrated TEST_DATABASE_URL and dropped afterwards.
 */
export async function openTestDatabase(): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  const template = process.env.CIVICGRID_TEST_TEMPLATE;
  if (!template) throw new Error('run tests through scripts/run-tests.mjs (npm test), which builds the template database');
  if (!template.startsWith('postgres')) {
    const database = await openDatabase({ loadDataDir: new Blob([fs.readFileSync(template)]) });
    return { database, cleanup: () => database.close() };
  }
  const templateUrl = new URL(template);
  const templateName = templateUrl.pathname.slice(1);
  const name = `${templateName}_${crypto.randomBytes(4).toString('hex')}`;
  const adminUrl = new URL(template);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
  await admin.end();
  const url = new URL(template);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    database,
    async cleanup() {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl.toString() });
      await dropper.connect();
      // The pool's end() resolves before its sockets close: wait for the backends to go, or FORCE would
      // terminate them and their clients would raise the termination as an uncaught error in this process.
      for (let attempt = 0; attempt < 100; attempt += 1) {
        const { rows } = await dropper.query('SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = $1', [name]);
        if (rows[0].count === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}
