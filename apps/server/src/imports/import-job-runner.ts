import crypto from 'node:crypto';
import { DomainError } from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import type { ImportFileStore } from './import-file-store.js';
import { ImportFailure } from './import-header.js';
import type { ImportJobRepository, ImportJobRow, ImportMessage } from './import-job.repository.js';
import type { ImportRegister, RegisterImport } from './register-import.js';
import { ImportTakenOver, runImportJob } from './run-import-job.js';

const POLL_MS = 10_000;
const HEARTBEAT_MS = 20_000;
// a running job whose heartbeat is this old belongs to a server that died
const STALE_SECONDS = 120;
const MAX_ATTEMPTS = 3;

interface RunnerLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

const INTERRUPTED: ImportMessage = {
  code: 'import.interrupted',
  zh: '导入多次中断（服务器重启），已停止；已写入的行保留，重新提交同一文件即可继续（不会重复）',
  en: 'The import was interrupted too often (server restarts) and was stopped; rows already written stay, and submitting the same file again continues without duplicates',
};

/** What a failed job tells the user: its own message for expected failures, a generic one otherwise. */
function failureOf(error: unknown): ImportMessage {
  if (error instanceof ImportFailure) return error.failure;
  if (error instanceof DomainError) return { code: error.code, ...error.messages };
  if ((error as { code?: unknown }).code === '23505') {
    return { code: 'import.concurrent_change', zh: '导入期间其他操作写入了相同的人员，请重新导入（已导入的不会重复）',
      en: 'Someone wrote the same records while the import ran; import the file again (nothing will be duplicated)' };
  }
  return { code: 'import.failed', zh: '导入失败（服务器错误），请稍后重试', en: 'The import failed (server error); please try again later' };
}

/**
 * Runs import jobs in the background of the server process, one at a time: woken when a job is submitted,
 * and polling for jobs left queued or orphaned by a crash (several servers on one PostgreSQL share the queue
 * through SKIP LOCKED). Stopping hands the current job back to the queue; its file stays until it ends.
 */
export class ImportJobRunner {
  /** this runner's hold on the jobs it runs */
  private readonly token = crypto.randomUUID();
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private pollAgain = false;
  private current: AbortController | undefined;
  private log: RunnerLog = { info: () => undefined, error: () => undefined };

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly jobs: ImportJobRepository,
    private readonly files: ImportFileStore,
    private readonly imports: Record<ImportRegister, RegisterImport<unknown>>,
  ) {}

  start(log?: RunnerLog): void {
    if (log) this.log = log;
    this.stopped = false;
    this.wake();
  }

  /** Looks for work now (a job was just submitted). */
  wake(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.poll(), 0);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.current?.abort(new Error('the server is stopping'));
    await this.polling;
  }

  /** Runs every job waiting, then returns (benchmarks and tools run jobs without starting the runner). */
  async runUntilIdle(): Promise<void> {
    for (let job = await this.claim(); job; job = await this.claim()) await this.runOne(job);
  }

  private poll(): void {
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    this.polling = (async () => {
      try {
        do {
          this.pollAgain = false;
          for (let job = await this.claim(); job && !this.stopped; job = this.stopped ? undefined : await this.claim()) await this.runOne(job);
        } while (this.pollAgain && !this.stopped);
      } catch (error) {
        this.log.error({ err: error }, 'import runner failed');
      } finally {
        this.polling = undefined;
        if (!this.stopped) {
          this.timer = setTimeout(() => this.poll(), POLL_MS);
          this.timer.unref();
        }
      }
    })();
  }

  private async claim(): Promise<ImportJobRow | undefined> {
    for (const fileKey of await this.jobs.failInterrupted(STALE_SECONDS, MAX_ATTEMPTS, INTERRUPTED)) await this.files.remove(fileKey);
    return this.jobs.claimNext(this.token, STALE_SECONDS);
  }

  private async runOne(job: ImportJobRow): Promise<void> {
    const controller = new AbortController();
    this.current = controller;
    let beating = false;
    const heartbeat = setInterval(() => {
      if (beating) return;
      beating = true;
      this.jobs.reportProgress(job.id, this.token, {})
        .then((held) => { if (!held) controller.abort(new ImportTakenOver(`import job ${job.id} was taken over`)); })
        .catch(() => undefined)
        .finally(() => { beating = false; });
    }, HEARTBEAT_MS);
    heartbeat.unref();
    const started = Date.now();
    try {
      if (!(await this.files.exists(job.fileKey))) {
        throw new ImportFailure({ code: 'import.file_missing', zh: '上传的文件已不在服务器上，请重新提交', en: 'The uploaded file is no longer on the server; submit it again' });
      }
      const outcome = await runImportJob({
        job, token: this.token, signal: controller.signal, filePath: this.files.pathOf(job.fileKey), db: this.db, jobs: this.jobs,
        registerImport: this.imports[job.register],
      });
      const { failure, ...progress } = outcome;
      await this.jobs.finish(job.id, this.token, { status: failure ? 'failed' : 'succeeded', failure, ...progress });
      this.log.info({ importJob: job.id, ms: Date.now() - started, ...progress, warnings: undefined }, 'import finished');
      await this.files.remove(job.fileKey);
    } catch (error) {
      if (error instanceof ImportTakenOver || (controller.signal.aborted && controller.signal.reason instanceof ImportTakenOver)) return;
      if (controller.signal.aborted) {
        await this.jobs.requeue(job.id, this.token);
        return;
      }
      if (!(error instanceof ImportFailure) && !(error instanceof DomainError)) this.log.error({ err: error, importJob: job.id }, 'import failed');
      await this.jobs.finish(job.id, this.token, { status: 'failed', failure: failureOf(error) });
      await this.files.remove(job.fileKey);
    } finally {
      clearInterval(heartbeat);
      this.current = undefined;
    }
  }
}
