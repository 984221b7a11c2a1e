/**
 * The registers' records as the console reads them: persons and records come from `@civicgrid/domain` (the server's presenters
 * return the same types); the import jobs' shape is the server's import presenter's.
 */
export type {
  PersonAction, PersonDetail, PersonDuplicateGroup, PersonGroupView, PersonListItem, PersonMergeResult, RecordChangeView,
  FieldChangeView, RecordPage, RecordView,
} from '@civicgrid/domain';
import type { CareGroupKind, Residency, SpecialGroupKind } from '@civicgrid/domain';

export interface PersonListFilter {
  q?: string;
  regionCode?: string;
  gridCode?: string;
  residency?: Residency;
  leftBehind?: boolean;
  attentionLevel?: number;
  underAttention?: boolean;
  specialGroup?: SpecialGroupKind;
  careGroup?: CareGroupKind;
  /** deregistered persons only (the list shows those on the register otherwise) */
  deregistered?: boolean;
}

export type ImportMode = 'all_or_nothing' | 'skip_invalid';
export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ImportMessage {
  code: string;
  message: string;
}

export interface ImportRowError {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

/** `GET /api/imports/:id`: a bulk import's progress, then its outcome; `errors` are the first problems only. */
export interface ImportJob {
  id: number;
  register: string;
  fileName: string;
  fileType: 'csv' | 'xlsx';
  byteSize: number;
  mode: ImportMode;
  encoding: string | null;
  status: ImportStatus;
  phase: 'reading' | 'writing' | null;
  /** 0 to 1: by bytes while the file is read, since the row count is known only at the end */
  progress: number;
  totalRows: number | null;
  processedRows: number;
  insertedRows: number;
  updatedRows: number;
  unchangedRows: number;
  invalidRows: number;
  /** problems found; a row may have several */
  errorCount: number;
  errors?: ImportRowError[];
  warnings: ImportMessage[];
  /** why the whole job failed */
  message: string | null;
  errorReportUrl: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
