import { sql, type Kysely, type Transaction } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import { ImportFailure, isExampleRow, mapHeader, valuesOfRow } from './import-header.js';
import type { ImportCounts, ImportJobRepository, ImportJobRow, ImportMessage } from './import-job.repository.js';
import { openSpreadsheet } from './spreadsheet-reader.js';
import type { AppliedCounts, RegisterImport, RowProblem, StagingContext } from './register-import.js';

/** Rows validated, staged and (skip_invalid) written together. */
export const BATCH_ROWS = 5_000;
/** all_or_nothing writes its staged rows in ranges this wide, all in one transaction. */
const APPLY_RANGE_ROWS = 50_000;
/** Row errors kept for the report; beyond this they are counted only. */
export const MAX_STORED_ERRORS = 100_000;

export interface ImportJobRun {
  job: ImportJobRow;
  token: string;
  signal: AbortSignal;
  filePath: string;
  db: Kysely<DatabaseSchema>;
  jobs: ImportJobRepository;
  registerImport: RegisterImport<unknown>;
}

/** The job's runner lost it to another (its heartbeat was late): stop without touching it. */
export class ImportTakenOver extends Error {}

/**
 * A copy of a key that shares no memory with the text it was cut from: a slice of a string keeps the whole
 * chunk of the file it came from alive, and the keys are kept for the whole file.
 */
const ownCopy = (key: string) => key.split('').join('');

/**
 * A transaction for batch statements. Their plans rest on rough estimates (arrays of parameters), which can
 * make PostgreSQL's JIT spend seconds compiling a statement that runs in milliseconds: it is turned off.
 */
function batchTransaction<T>(db: Kysely<DatabaseSchema>, work: (transaction: Transaction<DatabaseSchema>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (transaction) => {
    await sql`SET LOCAL jit = off`.execute(transaction);
    return work(transaction);
  });
}

const EXAMPLE_SKIPPED: ImportMessage = { code: 'import.example_row_skipped', zh: '模板中的示例行未导入', en: 'The template’s example row was not imported' };

/**
 * Runs one import job: reads the file row by row, validates each row with the register's parser, stages
 * valid rows in batches (resolving grids and existing records in SQL), and writes them — batch by batch
 * (skip_invalid), or all in one transaction once every row has proved valid (all_or_nothing). Only the rows
 * in flight and the keys seen (to find duplicates within the file) are held in memory.
 */
export async function runImportJob(run: ImportJobRun): Promise<ImportCounts & { warnings: ImportMessage[]; failure: ImportMessage | null }> {
  const { job, db, jobs, registerImport, signal } = run;
  const spreadsheet = await openSpreadsheet(run.filePath, job.fileType);
  const counts: ImportCounts = { totalRows: null, processedRows: 0, insertedRows: 0, updatedRows: 0, unchangedRows: 0, invalidRows: 0, errorCount: 0 };
  const today = new Date().toISOString().slice(0, 10);
  const seen = new Map<string, number>();
  let pendingErrors: (RowProblem & { rowNumber: number })[] = [];
  let batch: { rowNumber: number; row: unknown }[] = [];
  let inFlight: Promise<void> = Promise.resolve();
  let context: StagingContext | undefined;
  let warnings: ImportMessage[] = [];
  let rowsAtCheckpoint = 0;

  const checkpoint = async (extra: { phase?: 'reading' | 'writing' } = {}) => {
    if (signal.aborted) throw signal.reason;
    rowsAtCheckpoint = counts.processedRows;
    const errors = pendingErrors;
    pendingErrors = [];
    await jobs.insertErrors(job.id, errors);
    const held = await jobs.reportProgress(job.id, run.token, { ...counts, totalRows: null, bytesRead: spreadsheet.bytesRead(), warnings, ...extra });
    if (!held) throw new ImportTakenOver(`import job ${job.id} was taken over`);
  };
  const reject = (rowNumber: number, problems: RowProblem[]) => {
    counts.invalidRows += 1;
    for (const problem of problems) {
      if (counts.errorCount < MAX_STORED_ERRORS) pendingErrors.push({ ...problem, rowNumber });
      counts.errorCount += 1;
    }
  };
  const add = (applied: AppliedCounts) => {
    counts.insertedRows += applied.inserted;
    counts.updatedRows += applied.updated;
    counts.unchangedRows += applied.unchanged;
  };
  const flush = async (rows: typeof batch) => {
    if (rows.length === 0) return;
    const problems = await batchTransaction(db, (transaction) => registerImport.stage(transaction, context!, rows));
    for (const { rowNumber, problem } of problems) reject(rowNumber, [problem]);
    if (job.mode === 'skip_invalid') {
      const range = { from: rows[0]!.rowNumber, to: rows[rows.length - 1]!.rowNumber };
      add(await batchTransaction(db, (transaction) => registerImport.apply(transaction, context!, range)));
    }
    await checkpoint();
  };

  try {
    const rows = spreadsheet.rows[Symbol.asyncIterator]();
    const first = await rows.next();
    if (first.done) throw new ImportFailure({ code: 'import.empty_file', zh: '文件是空的', en: 'The file is empty' });
    const header = mapHeader(first.value.cells, registerImport);
    warnings = header.warnings;
    context = { jobId: job.id, actor: job.actor, present: header.present };
    await registerImport.discard(db, job.id);
    await jobs.reportProgress(job.id, run.token, { encoding: spreadsheet.encoding, warnings });
    let lastRowNumber = 1;

    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      const { rowNumber, cells } = next.value;
      const values = valuesOfRow(cells, header.keys);
      if (!values) continue;
      if (isExampleRow(values, registerImport.exampleRow)) {
        if (!warnings.includes(EXAMPLE_SKIPPED)) warnings = [...warnings, EXAMPLE_SKIPPED];
        continue;
      }
      counts.processedRows += 1;
      lastRowNumber = rowNumber;
      const parsed = registerImport.parseRow(values, today);
      if ('problems' in parsed) {
        reject(rowNumber, parsed.problems);
        // a long run of invalid rows fills no batch: report progress (and write the errors) all the same
        if (counts.processedRows - rowsAtCheckpoint >= 2 * BATCH_ROWS) {
          await inFlight;
          await checkpoint();
        }
        continue;
      }
      const firstRow = seen.get(parsed.key);
      if (firstRow !== undefined) {
        reject(rowNumber, [parsed.duplicateOf(firstRow)]);
        continue;
      }
      seen.set(ownCopy(parsed.key), rowNumber);
      batch.push({ rowNumber, row: parsed.row });
      if (batch.length >= BATCH_ROWS) {
        // the next batch is read and validated while this one is in the database
        await inFlight;
        inFlight = flush(batch);
        // a failure surfaces at the next await of inFlight, not as an unhandled rejection meanwhile
        inFlight.catch(() => undefined);
        batch = [];
      }
    }
    await inFlight;
    await flush(batch);

    if (job.mode === 'all_or_nothing') {
      if (counts.invalidRows > 0) {
        await registerImport.discard(db, job.id);
        return { ...counts, totalRows: counts.processedRows, warnings, failure: {
          code: 'import.rows_invalid',
          zh: `有 ${counts.invalidRows} 行不符合要求，按“全部成功才导入”未写入任何数据；请下载错误报告，修改后重新导入`,
          en: `${counts.invalidRows} rows are invalid; as all-or-nothing was chosen, nothing was written. Download the error report, fix the rows and import again`,
        } };
      }
      await checkpoint({ phase: 'writing' });
      await batchTransaction(db, async (transaction) => {
        for (let from = 2; from <= lastRowNumber; from += APPLY_RANGE_ROWS) {
          if (signal.aborted) throw signal.reason;
          add(await registerImport.apply(transaction, context!, { from, to: from + APPLY_RANGE_ROWS - 1 }));
        }
      });
    }
    await checkpoint();
    return { ...counts, totalRows: counts.processedRows, warnings, failure: null };
  } catch (error) {
    await inFlight.catch(() => undefined);
    await registerImport.discard(db, job.id).catch(() => undefined);
    throw error;
  } finally {
    spreadsheet.close();
  }
}
