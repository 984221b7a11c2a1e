import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import type { SpreadsheetType } from './spreadsheet-reader.js';
import type { ImportActor, ImportMode, ImportRegister, RowProblem } from './register-import.js';

export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export interface ImportMessage { code: string; zh: string; en: string }

export interface ImportCounts {
  totalRows: number | null;
  processedRows: number;
  insertedRows: number;
  updatedRows: number;
  unchangedRows: number;
  invalidRows: number;
  errorCount: number;
}

export interface ImportJobRow extends ImportCounts {
  id: number;
  register: ImportRegister;
  fileName: string;
  fileKey: string;
  fileType: SpreadsheetType;
  byteSize: number;
  mode: ImportMode;
  status: ImportStatus;
  phase: 'reading' | 'writing' | null;
  encoding: string | null;
  bytesRead: number;
  warnings: ImportMessage[];
  failure: ImportMessage | null;
  createdBy: number | null;
  createdByApiToken: number | null;
  actor: ImportActor;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface ImportErrorRow extends RowProblem {
  id: number;
  rowNumber: number;
}

export interface ImportProgress extends Partial<ImportCounts> {
  phase?: 'reading' | 'writing';
  encoding?: string | null;
  bytesRead?: number;
  warnings?: ImportMessage[];
}

const jobColumns = sql`
  id, register, file_name AS "fileName", file_key AS "fileKey", file_type AS "fileType", byte_size AS "byteSize", mode, status, phase,
  encoding, bytes_read AS "bytesRead", total_rows AS "totalRows", processed_rows AS "processedRows", inserted_rows AS "insertedRows",
  updated_rows AS "updatedRows", unchanged_rows AS "unchangedRows", invalid_rows AS "invalidRows", error_count AS "errorCount",
  warnings, failure, created_by AS "createdBy", created_by_api_token AS "createdByApiToken", actor, attempts,
  created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

const COLUMN_OF: Record<keyof ImportProgress, string> = {
  totalRows: 'total_rows', processedRows: 'processed_rows', insertedRows: 'inserted_rows', updatedRows: 'updated_rows',
  unchangedRows: 'unchanged_rows', invalidRows: 'invalid_rows', errorCount: 'error_count', phase: 'phase', encoding: 'encoding',
  bytesRead: 'bytes_read', warnings: 'warnings',
};

/** Import jobs and their row errors. A running job is held by one runner (its token) that keeps a heartbeat. */
export class ImportJobRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async insert(job: { register: ImportRegister; fileName: string; fileKey: string; fileType: SpreadsheetType; byteSize: number; mode: ImportMode; actor: ImportActor }): Promise<number> {
    const result = await sql<{ id: number }>`
      INSERT INTO import_jobs (register, file_name, file_key, file_type, byte_size, mode, created_by, created_by_api_token, actor)
      VALUES (${job.register}, ${job.fileName}, ${job.fileKey}, ${job.fileType}, ${job.byteSize}, ${job.mode},
              ${job.actor.userId}, ${job.actor.apiTokenId}, ${JSON.stringify(job.actor)}::jsonb)
      RETURNING id`.execute(this.db);
    return result.rows[0]!.id;
  }

  async findById(id: number): Promise<ImportJobRow | undefined> {
    return (await sql<ImportJobRow>`SELECT ${jobColumns} FROM import_jobs WHERE id = ${id}`.execute(this.db)).rows[0];
  }

  /** The latest jobs submitted by one user or token (or by anyone, for a city-wide administrator). */
  async listRecent(owner: { userId: number | null; apiTokenId: number | null } | 'everyone', limit: number): Promise<ImportJobRow[]> {
    const whose = owner === 'everyone' ? sql`true`
      : owner.userId !== null ? sql`created_by = ${owner.userId}` : sql`created_by_api_token = ${owner.apiTokenId}`;
    return (await sql<ImportJobRow>`SELECT ${jobColumns} FROM import_jobs WHERE ${whose} ORDER BY id DESC LIMIT ${limit}`.execute(this.db)).rows;
  }

  /** Fails the jobs whose runners died too often (a file that crashes the server); returns their files to remove. */
  async failInterrupted(staleSeconds: number, maxAttempts: number, interrupted: ImportMessage): Promise<string[]> {
    const result = await sql<{ fileKey: string }>`
      UPDATE import_jobs SET status = 'failed', failure = ${JSON.stringify(interrupted)}::jsonb, phase = NULL, finished_at = now(), runner_token = NULL
      WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => ${staleSeconds}) AND attempts >= ${maxAttempts}
      RETURNING file_key AS "fileKey"`.execute(this.db);
    return result.rows.map((row) => row.fileKey);
  }

  /**
   * Takes the oldest queued job, or a running one whose runner stopped beating (the server crashed): the
   * file is still there and re-importing is idempotent, so it simply starts again.
   */
  async claimNext(token: string, staleSeconds: number): Promise<ImportJobRow | undefined> {
    const result = await sql<ImportJobRow>`
      UPDATE import_jobs SET status = 'running', phase = 'reading', runner_token = ${token}, heartbeat_at = now(), attempts = attempts + 1,
             started_at = coalesce(started_at, now()), bytes_read = 0, total_rows = NULL, processed_rows = 0, inserted_rows = 0,
             updated_rows = 0, unchanged_rows = 0, invalid_rows = 0, error_count = 0, warnings = '[]', failure = NULL
      WHERE id = (SELECT id FROM import_jobs
                  WHERE status = 'queued' OR (status = 'running' AND heartbeat_at < now() - make_interval(secs => ${staleSeconds}))
                  ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING ${jobColumns}`.execute(this.db);
    const job = result.rows[0];
    if (job) await sql`DELETE FROM import_errors WHERE job_id = ${job.id}`.execute(this.db);
    return job;
  }

  /** Records progress and beats the heart; false when another runner has taken the job over. */
  async reportProgress(id: number, token: string, progress: ImportProgress): Promise<boolean> {
    const assignments = Object.entries(progress).filter(([, value]) => value !== undefined).map(([key, value]) => {
      const column = sql.raw(COLUMN_OF[key as keyof ImportProgress]);
      return key === 'warnings' ? sql`${column} = ${JSON.stringify(value)}::jsonb` : sql`${column} = ${value}`;
    });
    const result = await sql`
      UPDATE import_jobs SET ${sql.join([...assignments, sql`heartbeat_at = now()`], sql`, `)}
      WHERE id = ${id} AND runner_token = ${token} AND status = 'running'`.execute(this.db);
    return Number(result.numAffectedRows ?? 0) > 0;
  }

  async finish(id: number, token: string, outcome: { status: 'succeeded' | 'failed'; failure: ImportMessage | null } & ImportProgress): Promise<void> {
    const { status, failure, ...progress } = outcome;
    await this.reportProgress(id, token, progress);
    await sql`
      UPDATE import_jobs SET status = ${status}, failure = ${failure ? JSON.stringify(failure) : null}::jsonb, phase = NULL,
             finished_at = now(), runner_token = NULL
      WHERE id = ${id} AND runner_token = ${token}`.execute(this.db);
  }

  /** Hands a job back to the queue (the server is stopping); the next start runs it again. */
  async requeue(id: number, token: string): Promise<void> {
    await sql`UPDATE import_jobs SET status = 'queued', phase = NULL, runner_token = NULL WHERE id = ${id} AND runner_token = ${token}`.execute(this.db);
  }

  async insertErrors(jobId: number, errors: (RowProblem & { rowNumber: number })[]): Promise<void> {
    if (errors.length === 0) return;
    await sql`
      INSERT INTO import_errors (job_id, row_number, column_header, value, message_zh, message_en)
      SELECT ${jobId}, * FROM unnest(${errors.map((error) => error.rowNumber)}::int[], ${errors.map((error) => error.column)}::text[],
                                     ${errors.map((error) => error.value)}::text[], ${errors.map((error) => error.zh)}::text[],
                                     ${errors.map((error) => error.en)}::text[])`.execute(this.db);
  }

  /** Errors in row order, a page at a time after the last one read. */
  async errorsAfter(jobId: number, after: { rowNumber: number; id: number } | null, limit: number): Promise<ImportErrorRow[]> {
    const result = await sql<ImportErrorRow>`
      SELECT id::int AS id, row_number AS "rowNumber", column_header AS column, value, message_zh AS zh, message_en AS en
      FROM import_errors
      WHERE job_id = ${jobId} AND (${after === null} OR (row_number, id) > (${after?.rowNumber ?? 0}, ${after?.id ?? 0}))
      ORDER BY row_number, id LIMIT ${limit}`.execute(this.db);
    return result.rows;
  }
}
