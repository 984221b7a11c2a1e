import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database.js';

const migrationsDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

export function listMigrations(): { name: string; sql: string }[] {
  return fs
    .readdirSync(migrationsDirectory)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ name: file.replace(/\.sql$/, ''), sql: fs.readFileSync(path.join(migrationsDirectory, file), 'utf8') }));
}

/** Applies every migration not yet applied, each in its own transaction, in file-name order. */
export async function migrate(database: Database): Promise<string[]> {
  await database.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied = await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(database.db);
  const done = new Set(applied.rows.map((row) => row.name));
  const newlyApplied: string[] = [];
  for (const migration of listMigrations()) {
    if (done.has(migration.name)) continue;
    const escapedName = migration.name.replaceAll("'", "''");
    await database.exec(`BEGIN;\n${migration.sql}\nINSERT INTO schema_migrations (name) VALUES ('${escapedName}');\nCOMMIT;`);
    newlyApplied.push(migration.name);
  }
  return newlyApplied;
}
