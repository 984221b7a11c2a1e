import type { Readable, Writable } from 'node:stream';
import { invalid, notFound, type Actor } from '@civicgrid/domain';
import { xlsxWriter } from '../exports/spreadsheet-writer.js';
import type { ImportFileStore } from './import-file-store.js';
import type { ImportJobRunner } from './import-job-runner.js';
import { presentImportJob, type Language } from './import-job.presenter.js';
import type { ImportJobRepository, ImportJobRow } from './import-job.repository.js';
import { writeImportTemplate } from './import-template.js';
import { IMPORT_MODES, IMPORT_REGISTERS, type ImportActor, type ImportRegister, type RegisterImport } from './register-import.js';
import { spreadsheetTypeOf } from './spreadsheet-reader.js';

/** The largest upload: a million rows of CSV are about 250 MB. */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;
const RECENT_JOBS = 20;
const ERRORS_SHOWN = 50;
const REPORT_PAGE = 5_000;

export interface ReceivedFile {
  key: string;
  byteSize: number;
  head: Buffer;
  fileName: string;
  truncated: boolean;
}

const jobNotFound = (id: number) => notFound('import.not_found', `导入任务 ${id} 不存在`, `Import job ${id} does not exist`);

function importActorOf(actor: Actor): ImportActor {
  return {
    userId: actor.kind === 'user' ? actor.userId : null,
    apiTokenId: actor.kind === 'api_token' ? actor.apiTokenId : null,
    jurisdiction: actor.jurisdiction,
  };
}

/** Bulk imports: templates, submitting a file (it runs in the background), progress, and the error report. */
export class ImportJobService {
  constructor(
    private readonly jobs: ImportJobRepository,
    private readonly files: ImportFileStore,
    private readonly imports: Record<ImportRegister, RegisterImport<unknown>>,
    private readonly runner: ImportJobRunner,
  ) {}

  registerImportOf(register: string): RegisterImport<unknown> {
    if (!(IMPORT_REGISTERS as readonly string[]).includes(register)) {
      throw notFound('import.unknown_register', `没有名为“${register}”的可导入登记表`, `There is no importable register named ${register}`);
    }
    return this.imports[register as ImportRegister];
  }

  writeTemplate(register: string, format: 'xlsx' | 'csv', output: Writable): Promise<void> {
    return writeImportTemplate(output, this.registerImportOf(register), format);
  }

  /** Streams an upload to disk as it arrives. */
  async receive(file: Readable & { truncated?: boolean }, fileName: string): Promise<ReceivedFile> {
    const stored = await this.files.receive(file);
    return { ...stored, fileName: fileName.slice(-200) || 'upload', truncated: file.truncated === true };
  }

  /** Removes a received file that will not become a job (the rest of the form failed). */
  discard(file: ReceivedFile): Promise<void> {
    return this.files.remove(file.key);
  }

  /** Queues a received file as a job; a file that cannot be a spreadsheet is refused at once and removed. */
  async submit(actor: Actor, register: string, file: ReceivedFile | undefined, modeValue: unknown): Promise<{ id: number }> {
    if (!file) throw invalid('import.file_missing', '请在 file 字段上传一个 .xlsx 或 .csv 文件', 'Upload one .xlsx or .csv file in the field named file');
    try {
      this.registerImportOf(register);
      if (file.truncated) {
        throw invalid('import.file_too_large', `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请分成几个文件导入`, `The file exceeds ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into several files`);
      }
      const mode = modeValue ?? 'all_or_nothing';
      if (!(IMPORT_MODES as readonly unknown[]).includes(mode)) {
        throw invalid('import.invalid_mode', '导入方式须为 all_or_nothing（全部正确才导入）或 skip_invalid（跳过错误行，导入其余）',
          'The mode must be all_or_nothing or skip_invalid');
      }
      if (file.byteSize === 0) throw invalid('import.empty_file', '文件是空的', 'The file is empty');
      const fileType = spreadsheetTypeOf(file.head, file.fileName);
      if (fileType === 'xls') {
        throw invalid('import.xls_unsupported', '不支持旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后导入',
          'Old .xls files are not supported; save the file as .xlsx or .csv in Excel or WPS and import that');
      }
      if (!fileType) throw invalid('import.unsupported_file', '只能导入 .xlsx 或 .csv 文件', 'Only .xlsx and .csv files can be imported');
      const id = await this.jobs.insert({
        register: register as ImportRegister, fileName: file.fileName, fileKey: file.key, fileType, byteSize: file.byteSize,
        mode: mode as (typeof IMPORT_MODES)[number], actor: importActorOf(actor),
      });
      this.runner.wake();
      return { id };
    } catch (error) {
      await this.files.remove(file.key);
      throw error;
    }
  }

  async get(actor: Actor, id: number, language: Language) {
    const job = await this.visibleJob(actor, id);
    return presentImportJob(job, await this.jobs.errorsAfter(job.id, null, ERRORS_SHOWN), language);
  }

  async listRecent(actor: Actor, language: Language) {
    const owner = actor.kind === 'user' || actor.kind === 'api_token' ? importActorOf(actor) : 'everyone';
    return (await this.jobs.listRecent(owner, RECENT_JOBS)).map((job) => presentImportJob(job, undefined, language));
  }

  /** Checks the caller may see the job's errors, and gives what the report needs. */
  async errorReportOf(actor: Actor, id: number): Promise<{ job: ImportJobRow; write: (output: Writable) => Promise<void> }> {
    const job = await this.visibleJob(actor, id);
    return { job, write: (output) => this.writeErrorReport(job, output) };
  }

  /** 行号, 列, 值, 问题 for every stored error in row order, read a page at a time while it downloads. */
  private async writeErrorReport(job: ImportJobRow, output: Writable): Promise<void> {
    const writer = xlsxWriter(output);
    writer.sheet('错误', [{ header: '行号', width: 8 }, { header: '列', width: 16 }, { header: '值', width: 30, text: true }, { header: '问题', width: 80 }]);
    if (job.failure) writer.addRow([null, null, null, job.failure.zh]);
    let written = 0;
    for (let page = await this.jobs.errorsAfter(job.id, null, REPORT_PAGE); page.length > 0;) {
      for (const error of page) writer.addRow([error.rowNumber, error.column, error.value, error.zh]);
      written += page.length;
      await writer.drained();
      const last = page[page.length - 1]!;
      page = page.length < REPORT_PAGE ? [] : await this.jobs.errorsAfter(job.id, { rowNumber: last.rowNumber, id: last.id }, REPORT_PAGE);
    }
    if (job.errorCount > written) writer.addRow([null, null, null, `另有 ${job.errorCount - written} 个问题未列出；请先修改以上各行后重新导入`]);
    await writer.finish();
  }

  /** A job is seen by whoever submitted it, and by city-wide administrators. */
  private async visibleJob(actor: Actor, id: number): Promise<ImportJobRow> {
    const job = await this.jobs.findById(id);
    if (!job) throw jobNotFound(id);
    const mine = actor.kind === 'system'
      || (actor.kind === 'user' && (job.createdBy === actor.userId || actor.jurisdiction.kind === 'everywhere'))
      || (actor.kind === 'api_token' && job.createdByApiToken === actor.apiTokenId);
    if (!mine) throw jobNotFound(id);
    return job;
  }
}
