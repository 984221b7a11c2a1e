import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGlitePool } from './pglite-pool.js';
import type { DatabaseSchema } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DatabaseSchema>;
  kind: DatabaseKind;
  /** Runs a multi-statement script (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

// Both backends return the same JavaScript types: counts as numbers, dates as 'YYYY-MM-DD' strings.
const parsers = { [INT8]: Number, [NUMERIC]: Number, [DATE]: (value: string) => value };

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  dataDirectory?: string;
  /** A PGlite data directory dump to start from (tests load one migrated template). */
  loadDataDir?: Blob;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPGlite(options);
}

async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        const parser = parsers[oid as keyof typeof parsers];
        return parser ?? pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async exec(sql) {
      const client = await pool.connect();
      try {
        await client.query(sql);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

async function openPGlite(options: OpenDatabaseOptions): Promise<Database> {
  let dataDir: string | undefined;
  if (options.dataDirectory) {
    dataDir = path.join(options.dataDirectory, 'pglite');
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { postgis, pg_trgm },
    parsers,
  });
  const pool = new PGlitePool(pglite);
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    exec: (sql) => pool.exec(sql),
    async close() {
      await db.destroy();
    },
  };
}

/** Dumps a PGlite database (used once per test run to make the migrated template). */
export async function dumpPGliteDatabase(dataDirectory: string | undefined, target: string): Promise<void> {
  const pglite = await PGlite.create({
    ...(dataDirectory ? { dataDir: dataDirectory } : {}),
    extensions: { postgis, pg_trgm },
  });
  const dump = await pglite.dumpDataDir('none');
  fs.writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
}
