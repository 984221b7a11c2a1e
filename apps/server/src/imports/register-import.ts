import type { Jurisdiction, RegisterField } from '@civicgrid/domain';
import type { DatabaseExecutor } from '../database/schema.js';

/** Registers that can be imported in bulk. Another register plugs in with its own RegisterImport. */
export const IMPORT_REGISTERS = ['persons'] as const;
export type ImportRegister = (typeof IMPORT_REGISTERS)[number];

export const IMPORT_MODES = ['all_or_nothing', 'skip_invalid'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** One problem of one row, named by the column as the user's spreadsheet heads it. */
export interface RowProblem {
  column: string | null;
  value: string | null;
  zh: string;
  en: string;
}

/** Who submitted a job, as the background run acts for them: their jurisdiction at submission. */
export interface ImportActor {
  userId: number | null;
  apiTokenId: number | null;
  jurisdiction: Jurisdiction;
}

export interface StagingContext {
  jobId: number;
  actor: ImportActor;
  /** The register's fields that the file has columns for; the others are left as they are on update. */
  present: ReadonlySet<string>;
}

export interface RowRange {
  from: number;
  to: number;
}

export interface AppliedCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export type ParsedRow<Row> =
  | { row: Row; key: string; duplicateOf: (firstRowNumber: number) => RowProblem }
  | { problems: RowProblem[] };

/**
 * What one register brings to the import: its field table (template, headers), the row parser with the key
 * that identifies a record within one file, and the SQL that stages a batch (resolving references and
 * finding existing records) and merges staged rows into the register.
 */
export interface RegisterImport<Row> {
  register: ImportRegister;
  /** The sheet name of templates, exports and error reports, e.g. 人员. */
  title: string;
  fields: readonly RegisterField[];
  fieldOfHeader(header: string): string | undefined;
  /** A filled-in row for the template, by field key; an untouched copy of it in a file is skipped. */
  exampleRow: Readonly<Record<string, string>>;
  /** Notes for the template's 说明 sheet, by field key. */
  fieldNotes: Readonly<Record<string, string>>;
  parseRow(values: Record<string, unknown>, today: string): ParsedRow<Row>;
  /** Stages valid rows; returns the rows that cannot be written (unknown grid, outside the jurisdiction …). */
  stage(executor: DatabaseExecutor, context: StagingContext, rows: { rowNumber: number; row: Row }[]): Promise<{ rowNumber: number; problem: RowProblem }[]>;
  /** Merges the staged rows of a range into the register (history included) and removes them from staging. */
  apply(executor: DatabaseExecutor, context: StagingContext, range: RowRange): Promise<AppliedCounts>;
  /** Drops whatever a job has staged. */
  discard(executor: DatabaseExecutor, jobId: number): Promise<void>;
}
