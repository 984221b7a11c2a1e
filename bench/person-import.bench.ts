import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { idNumberCheckCharacter } from '@civicgrid/domain';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { csvRecords } from '../apps/server/src/imports/csv-records.js';
import { ImportFileStore } from '../apps/server/src/imports/import-file-store.js';
import { ImportJobRunner } from '../apps/server/src/imports/import-job-runner.js';
import { ImportJobRepository } from '../apps/server/src/imports/import-job.repository.js';
import { PersonImport } from '../apps/server/src/imports/person-import.js';
import { PersonImportRepository } from '../apps/server/src/imports/person-import.repository.js';
import type { RegisterImport } from '../apps/server/src/imports/register-import.js';
import type { BenchContext, BenchResult } from './run.js';
import { runsFromEnvironment, type Timing } from './timing.js';

export const name = 'person-import';

// an address code no city has, so that the bench's persons are found (and removed) by it
const ADDRESS_CODE = '990101';
const HOUSEHOLD_PREFIX = 'BENCH-';
const HEADERS = ['姓名', '性别', '证件号码', '出生日期', '民族', '联系电话', '人口类型', '户籍地址', '现住址', '所属网格', '户号', '与户主关系'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂';
const RELATIONS = ['户主', '配偶', '子'];
const integer = new Intl.NumberFormat('en-US');

function rowCount(kind: 'pglite' | 'postgres'): number {
  const requested = Number(process.env.BENCH_IMPORT_ROWS);
  if (Number.isInteger(requested) && requested > 0) return requested;
  return kind === 'postgres' ? 1_000_000 : 100_000;
}

/** The i-th person: a valid ID number (unique by birth day and sequence), a mobile, a household of three. */
function csvLine(index: number, gridCodes: string[]): string {
  const day = new Date(Date.UTC(1940, 0, 1) + Math.floor(index / 1000) * 86_400_000).toISOString().slice(0, 10);
  const sequence = String(index % 1000).padStart(3, '0');
  const first17 = `${ADDRESS_CODE}${day.replaceAll('-', '')}${sequence}`;
  const household = Math.floor(index / 3);
  const gridCode = gridCodes[household % gridCodes.length]!;
  const name = `${SURNAMES[index % SURNAMES.length]}${GIVEN[(index * 7) % GIVEN.length]}${GIVEN[(index * 13) % GIVEN.length]}`;
  const address = `基准路${household % 997}号${household % 7}单元`;
  return [name, index % 2 === 1 ? '男' : '女', first17 + idNumberCheckCharacter(first17), day, '汉族', `139${String(index).padStart(8, '0')}`,
    index % 5 === 0 ? '流动人口' : '户籍人口', `山东省淄博市${address}`, address, gridCode, `${HOUSEHOLD_PREFIX}${household}`, RELATIONS[index % 3]].join(',');
}

/** Writes the CSV to disk as it is generated: a million rows never sit in memory. */
async function writeCsv(filePath: string, total: number, gridCodes: string[]): Promise<void> {
  const output = fs.createWriteStream(filePath);
  output.write(`\uFEFF${HEADERS.join(',')}\n`);
  for (let start = 0; start < total; start += 1000) {
    const lines: string[] = [];
    for (let index = start; index < Math.min(total, start + 1000); index += 1) lines.push(csvLine(index, gridCodes));
    if (!output.write(`${lines.join('\n')}\n`)) await once(output, 'drain');
  }
  output.end();
  await once(output, 'finish');
}

function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return { medianMs: sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2, minMs: sorted[0]!, maxMs: sorted.at(-1)!, runs: sorted.length };
}

/** Peak resident memory and JavaScript heap of this process while a task runs (sampled every 50 ms). */
async function withPeakMemory<T>(task: () => Promise<T>): Promise<{ result: T; ms: number; peakRss: number; peakHeap: number }> {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  };
  const sampler = setInterval(sample, 50);
  const started = performance.now();
  try {
    const result = await task();
    sample();
    return { result, ms: performance.now() - started, peakRss, peakHeap };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * The reference: the same file into a table of text columns, by COPY (PostgreSQL) or, on PGlite, whose COPY
 * the pool does not reach, by plain batched INSERTs. The table stays for plainInsert, then dropRaw.
 */
async function loadRaw(context: BenchContext, csvPath: string): Promise<void> {
  const { db } = context.database;
  const columns = HEADERS.map((_header, index) => `c${index} text`).join(', ');
  await sql.raw(`CREATE UNLOGGED TABLE bench_raw_persons (${columns})`).execute(db);
  const url = process.env.BENCH_DATABASE_URL;
  if (context.database.kind === 'postgres' && url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await pipeline(fs.createReadStream(csvPath), client.query(copyFrom('COPY bench_raw_persons FROM STDIN WITH (FORMAT csv, HEADER true)')));
    } finally {
      await client.end();
    }
    return;
  }
  let batch: string[][] = [];
  const insert = async () => {
    const arrays = HEADERS.map((_header, column) => sql`${batch.map((row) => row[column] ?? null)}::text[]`);
    await sql`INSERT INTO bench_raw_persons SELECT * FROM unnest(${sql.join(arrays)})`.execute(db);
    batch = [];
  };
  let header = true;
  const text = fs.createReadStream(csvPath).pipe(iconv.decodeStream('utf8')) as unknown as AsyncIterable<string>;
  for await (const record of csvRecords(text, ',', 1024 * 1024)) {
    if (header) {
      header = false;
      continue;
    }
    batch.push(record);
    if (batch.length === 5000) await insert();
  }
  if (batch.length) await insert();
}

/** The register's own cost: the loaded rows into persons in one INSERT … SELECT, without validation, households or history. */
async function plainInsert(context: BenchContext): Promise<void> {
  await sql`
    INSERT INTO persons (name, gender, id_number, birth_date, ethnicity, mobile, residency, registered_address, current_address, grid_id, relation_to_head)
    SELECT r.c0, CASE r.c1 WHEN '男' THEN 'male' ELSE 'female' END, r.c2, r.c3::date, r.c4, r.c5,
           CASE r.c6 WHEN '流动人口' THEN 'floating' ELSE 'registered' END, r.c7, r.c8, g.id, r.c11
    FROM bench_raw_persons r JOIN grids g ON g.code = r.c9`.execute(context.database.db);
}

async function dropRaw(context: BenchContext): Promise<void> {
  await sql`DROP TABLE IF EXISTS bench_raw_persons`.execute(context.database.db);
}

async function removeBenchRows(context: BenchContext): Promise<void> {
  const { db } = context.database;
  // a range on the ID number index: every bench person's number starts with ADDRESS_CODE
  const benchPersons = sql`SELECT id FROM persons WHERE id_type = 'resident_id_card' AND id_number >= ${ADDRESS_CODE} AND id_number < ${String(Number(ADDRESS_CODE) + 1)}`;
  const benchHouseholds = sql`household_number LIKE ${`${HOUSEHOLD_PREFIX}%`}`;
  await db.transaction().execute(async (transaction) => {
    // nothing refers to the bench's own rows: a superuser skips the foreign-key checks of a million deletes
    const superuser = await sql<{ rolsuper: boolean }>`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`.execute(transaction);
    if (superuser.rows[0]?.rolsuper) await sql`SET LOCAL session_replication_role = replica`.execute(transaction);
    await sql`DELETE FROM record_changes WHERE record_table = 'persons' AND record_id IN (${benchPersons})`.execute(transaction);
    await sql`UPDATE households SET head_person_id = NULL WHERE ${benchHouseholds}`.execute(transaction);
    await sql`DELETE FROM persons WHERE id IN (${benchPersons})`.execute(transaction);
    await sql`DELETE FROM households WHERE ${benchHouseholds}`.execute(transaction);
  });
}

/**
 * Imports persons from a CSV file through the real import job (read, validate, stage, merge with history),
 * first into an empty slice of the register, then the same file again (every row unchanged); the reference
 * loads the same file raw into a staging table. The rows are then removed.
 */
export async function run(context: BenchContext): Promise<BenchResult> {
  const { db } = context.database;
  const total = rowCount(context.database.kind);
  const city = (await sql<{ path: string }>`SELECT path FROM regions WHERE level = 'city' ORDER BY code LIMIT 1`.execute(db)).rows[0]!;
  const gridCodes = (await sql<{ code: string }>`SELECT code FROM grids WHERE parent_grid_id IS NULL ORDER BY code LIMIT 2000`.execute(db)).rows.map((grid) => grid.code);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-bench-import-'));
  const csvPath = path.join(directory, 'persons.csv');
  await writeCsv(csvPath, total, gridCodes);
  const bytes = fs.statSync(csvPath).size;
  const jobs = new ImportJobRepository(db);
  const files = new ImportFileStore(directory);
  const runner = new ImportJobRunner(db, jobs, files, { persons: new PersonImport(new PersonImportRepository()) as RegisterImport<unknown> });
  const jobIds: number[] = [];
  const importOnce = async () => {
    const stored = await files.receive(fs.createReadStream(csvPath));
    const id = await jobs.insert({
      register: 'persons', fileName: 'persons.csv', fileKey: stored.key, fileType: 'csv', byteSize: stored.byteSize, mode: 'skip_invalid',
      actor: { userId: null, apiTokenId: null, jurisdiction: { kind: 'region', regionPath: city.path } },
    });
    jobIds.push(id);
    await runner.runUntilIdle();
    return (await jobs.findById(id))!;
  };

  const samples = { first: [] as number[], again: [] as number[], reference: [] as number[], plain: [] as number[] };
  const notes: string[] = [];
  const baselineRss = process.memoryUsage().rss;
  let peakRss = 0;
  let peakHeap = 0;
  try {
    await removeBenchRows(context);
    for (let round = 0; round < runsFromEnvironment(1); round += 1) {
      const first = await withPeakMemory(importOnce);
      const changesBefore = (await sql<{ count: number }>`SELECT count(*)::int AS count FROM record_changes`.execute(db)).rows[0]!.count;
      const again = await withPeakMemory(importOnce);
      const changesAfter = (await sql<{ count: number }>`SELECT count(*)::int AS count FROM record_changes`.execute(db)).rows[0]!.count;
      await removeBenchRows(context);
      const reference = await withPeakMemory(() => loadRaw(context, csvPath));
      const plain = await withPeakMemory(() => plainInsert(context));
      await dropRaw(context);
      samples.first.push(first.ms);
      samples.again.push(again.ms);
      samples.reference.push(reference.ms);
      samples.plain.push(plain.ms);
      peakRss = Math.max(peakRss, first.peakRss, again.peakRss);
      peakHeap = Math.max(peakHeap, first.peakHeap, again.peakHeap);
      notes.push(`run ${round + 1}: first import ${first.result.status}, ${integer.format(first.result.insertedRows)} inserted, ${integer.format(first.result.invalidRows)} invalid; `
        + `again: ${integer.format(again.result.unchangedRows)} unchanged, ${again.result.insertedRows} inserted, ${again.result.updatedRows} updated, ${changesAfter - changesBefore} new history rows`);
      await removeBenchRows(context);
    }
  } finally {
    await dropRaw(context);
    await removeBenchRows(context);
    if (jobIds.length) await sql`DELETE FROM import_jobs WHERE id = ANY(${jobIds}::int[])`.execute(db);
    fs.rmSync(directory, { recursive: true, force: true });
  }
  const mib = (value: number) => `${integer.format(Math.round(value / 2 ** 20))} MiB`;
  const referenceLabel = context.database.kind === 'postgres' ? 'raw COPY of the file into a text table' : 'batched INSERT … unnest of the raw rows (PGlite: no COPY through the pool)';
  return {
    figures: [
      { label: `import ${integer.format(total)} new persons (csv)`, timing: summarize(samples.first), reference: { label: referenceLabel, timing: summarize(samples.reference) }, items: { count: total, unit: 'rows' } },
      { label: 're-import the same file (all unchanged)', timing: summarize(samples.again), reference: { label: referenceLabel, timing: summarize(samples.reference) }, items: { count: total, unit: 'rows' } },
      { label: 'plain INSERT … SELECT of the loaded rows into persons', timing: summarize(samples.plain), reference: { label: referenceLabel, timing: summarize(samples.reference) }, items: { count: total, unit: 'rows' } },
    ],
    notes: [
      `${integer.format(total)} rows (BENCH_IMPORT_ROWS overrides), ${mib(bytes)} of UTF-8 CSV, 12 columns, over ${integer.format(gridCodes.length)} grids, households of three; skip_invalid, batches of 5,000, as a city-wide importer`,
      'the third figure is what the register itself costs (its indexes, trigram ones included) without validation, households or history: the floor under the first',
      `each row: parsed and validated (ID check digit, phone, dates), staged with its grid and any existing person, households created or linked, inserted or compared and updated in SQL, one record_changes row per write`,
      ...notes,
      `peak memory of the bench process during the imports: RSS ${mib(peakRss)} (before: ${mib(baselineRss)}), JavaScript heap ${mib(peakHeap)}${context.database.kind === 'pglite' ? '; PGlite runs inside this process and is counted too' : ''}`,
      'the persons, households, history rows and jobs the bench added are deleted afterwards',
    ],
  };
}
