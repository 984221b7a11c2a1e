import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../apps/server/src/database/database.js';
import { migrate } from '../apps/server/src/database/migrate.js';
import { generateBulkIncidents } from '../apps/server/src/demo/demo-incident-bulk.js';

const BATCH = 2_000;

/**
 * The map's tables of the PostgreSQL city in an embedded PGlite: its regions and grids copied as they are, and the
 * same incidents drawn by the same generator from the same seed (they are numbered, and placed by grid id).
 * Incidents keep only the indexes the tiles read, so that drawing a million of them takes minutes, not an hour.
 */
export async function copyCityToPGlite(source: Database, incidents: { count: number; seed: number }, log: (message: string) => void) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-bench-map-'));
  const target = await openDatabase({ dataDirectory: directory });
  await migrate(target);
  for (const table of ['regions', 'grids'] as const) {
    const total = (await sql<{ count: number }>`SELECT count(*)::int AS count FROM ${sql.table(table)}`.execute(source.db)).rows[0]!.count;
    for (let offset = 0; offset < total; offset += BATCH) {
      const rows = table === 'regions'
        ? await sql<Record<string, unknown>>`
            SELECT id, code, name, level, parent_id, path, encode(ST_AsEWKB(boundary), 'hex') AS boundary
            FROM regions ORDER BY length(path), id LIMIT ${BATCH} OFFSET ${offset}`.execute(source.db)
        : await sql<Record<string, unknown>>`
            SELECT id, code, name, community_id, parent_grid_id, path, encode(ST_AsEWKB(boundary), 'hex') AS boundary
            FROM grids ORDER BY length(code), id LIMIT ${BATCH} OFFSET ${offset}`.execute(source.db);
      const column = (name: string) => rows.rows.map((row) => row[name]);
      if (table === 'regions') {
        await sql`
          INSERT INTO regions (id, code, name, level, parent_id, path, boundary) OVERRIDING SYSTEM VALUE
          SELECT id, code, name, level, parent_id, path, ST_GeomFromEWKB(decode(boundary, 'hex'))
          FROM unnest(${column('id')}::int[], ${column('code')}::text[], ${column('name')}::text[], ${column('level')}::text[],
                      ${column('parent_id')}::int[], ${column('path')}::text[], ${column('boundary')}::text[])
            AS v(id, code, name, level, parent_id, path, boundary)`.execute(target.db);
      } else {
        await sql`
          INSERT INTO grids (id, code, name, community_id, parent_grid_id, path, boundary) OVERRIDING SYSTEM VALUE
          SELECT id, code, name, community_id, parent_grid_id, path, ST_GeomFromEWKB(decode(boundary, 'hex'))
          FROM unnest(${column('id')}::int[], ${column('code')}::text[], ${column('name')}::text[], ${column('community_id')}::int[],
                      ${column('parent_grid_id')}::int[], ${column('path')}::text[], ${column('boundary')}::text[])
            AS v(id, code, name, community_id, parent_grid_id, path, boundary)`.execute(target.db);
      }
    }
    log(`PGlite copy: ${total} ${table}`);
  }
  const keep = ['incidents_pkey', 'incidents_code_key', 'incidents_client_id_key', 'incidents_location_idx', 'incidents_open_location_idx', 'incidents_region_idx'];
  const indexes = await sql<{ name: string; constraint: boolean }>`
    SELECT i.indexname AS name, EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) AS "constraint"
    FROM pg_indexes i WHERE i.tablename = 'incidents'`.execute(target.db);
  for (const index of indexes.rows) {
    if (keep.includes(index.name)) continue;
    await (index.constraint
      ? sql`ALTER TABLE incidents DROP CONSTRAINT ${sql.id(index.name)}`
      : sql`DROP INDEX ${sql.id(index.name)}`).execute(target.db);
  }
  const started = Date.now();
  await generateBulkIncidents(target.db, {
    ...incidents, onProgress: (_stage, done, total) => log(`PGlite copy: incidents ${done}/${total} (${Math.round((Date.now() - started) / 1000)} s)`),
  });
  await sql`ANALYZE`.execute(target.db);
  return {
    database: target,
    seconds: Math.round((Date.now() - started) / 1000),
    async close() {
      await target.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
