import type { ImportErrorRow, ImportJobRow, ImportMessage } from './import-job.repository.js';

export type Language = 'zh' | 'en';

const presentMessage = (message: ImportMessage, language: Language) => ({ code: message.code, message: message[language], messages: { zh: message.zh, en: message.en } });

/** How far a job has got, 0 to 1: by bytes while the file is read (the row count is known only at the end). */
function progressOf(job: ImportJobRow): number {
  if (job.status === 'succeeded' || job.status === 'failed') return 1;
  if (job.status === 'queued' || job.byteSize === 0) return 0;
  if (job.phase === 'writing') return 0.99;
  return Math.min(0.99, Math.round((job.bytesRead / job.byteSize) * 1000) / 1000);
}

/** An import job as the console shows it: progress while it runs, then the counts and the first errors. */
export function presentImportJob(job: ImportJobRow, errors: ImportErrorRow[] | undefined, language: Language) {
  return {
    id: job.id,
    register: job.register,
    fileName: job.fileName,
    fileType: job.fileType,
    byteSize: job.byteSize,
    mode: job.mode,
    encoding: job.encoding,
    status: job.status,
    phase: job.phase,
    progress: progressOf(job),
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    insertedRows: job.insertedRows,
    updatedRows: job.updatedRows,
    unchangedRows: job.unchangedRows,
    invalidRows: job.invalidRows,
    errorCount: job.errorCount,
    ...(errors ? {
      errors: errors.map((error) => ({ row: error.rowNumber, column: error.column, value: error.value, message: error[language], messages: { zh: error.zh, en: error.en } })),
    } : {}),
    warnings: job.warnings.map((warning) => presentMessage(warning, language)),
    message: job.failure ? job.failure[language] : null,
    failure: job.failure ? presentMessage(job.failure, language) : null,
    errorReportUrl: job.errorCount > 0 || job.failure ? `/api/imports/${job.id}/errors.xlsx` : null,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}
