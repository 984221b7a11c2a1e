import type { RegisterField } from '@civicgrid/domain';
import type { ImportMessage } from './import-job.repository.js';
import type { RegisterImport } from './register-import.js';

export interface HeaderMap {
  /** The field key of each column, or null for a column that is ignored. */
  keys: (string | null)[];
  present: ReadonlySet<string>;
  warnings: ImportMessage[];
}

/** Thrown for what stops a whole job (a file it cannot read, columns it lacks): nothing is written. */
export class ImportFailure extends Error {
  constructor(readonly failure: ImportMessage) {
    super(failure.en);
    this.name = 'ImportFailure';
  }
}

const headerText = (cell: unknown) => (cell === null || cell === undefined ? '' : String(cell).trim());

/**
 * Reads row 1: each column by its Chinese header (or field key). Columns the register does not know are a
 * warning, once; a required column missing, or one field given twice, fails the job before any row is read.
 */
export function mapHeader(cells: unknown[], registerImport: Pick<RegisterImport<unknown>, 'fields' | 'fieldOfHeader' | 'title'>): HeaderMap {
  const keys: (string | null)[] = [];
  const present = new Set<string>();
  const unknown: string[] = [];
  const duplicated: string[] = [];
  for (const cell of cells) {
    const header = headerText(cell);
    const key = header === '' ? undefined : registerImport.fieldOfHeader(header);
    if (header !== '' && key === undefined) unknown.push(header);
    if (key !== undefined && present.has(key)) duplicated.push(header);
    if (key !== undefined) present.add(key);
    keys.push(key ?? null);
  }
  const headerOf = (field: RegisterField) => field.header;
  if (duplicated.length > 0) {
    throw new ImportFailure({ code: 'import.duplicate_columns', zh: `第 1 行的列重复：${duplicated.join('、')}；每列只能出现一次`,
      en: `Columns appear twice in row 1: ${duplicated.join(', ')}` });
  }
  const missing = registerImport.fields.filter((field) => field.required && !present.has(field.key));
  if (missing.length > 0) {
    throw new ImportFailure({
      code: 'import.missing_columns',
      zh: `缺少必填列：${missing.map(headerOf).join('、')}。第 1 行须为列名，请使用导入模板`,
      en: `Required columns are missing: ${missing.map((field) => `${field.header} (${field.key})`).join(', ')}. Row 1 must hold the column headers of the template`,
    });
  }
  const warnings: ImportMessage[] = unknown.length === 0 ? [] : [{
    code: 'import.unknown_columns',
    zh: `以下列不属于${registerImport.title}登记表，已忽略：${unknown.join('、')}`,
    en: `These columns are not fields of the register and were ignored: ${unknown.join(', ')}`,
  }];
  return { keys, present, warnings };
}

/** A row's cells by field key; undefined when the row is blank (Excel often keeps formatted empty rows). */
export function valuesOfRow(cells: unknown[], keys: (string | null)[]): Record<string, unknown> | undefined {
  const values: Record<string, unknown> = {};
  let blank = true;
  for (let column = 0; column < keys.length; column += 1) {
    const key = keys[column];
    if (!key) continue;
    const cell = cells[column];
    if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) continue;
    values[key] = cell;
    blank = false;
  }
  return blank ? undefined : values;
}

/** Whether a row is the template's example row, untouched. */
export function isExampleRow(values: Record<string, unknown>, example: Readonly<Record<string, string>>): boolean {
  for (const [key, text] of Object.entries(example)) {
    if (headerText(values[key]) !== text) return false;
  }
  return true;
}
