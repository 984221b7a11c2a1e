import type { Writable } from 'node:stream';
import type { RegisterField } from '@civicgrid/domain';
import { csvWriter, xlsxWriter, type SpreadsheetWriter } from '../exports/spreadsheet-writer.js';
import type { RegisterImport } from './register-import.js';

const KIND_FORMAT: Record<RegisterField['kind'], string> = {
  text: '文本',
  date: '日期，如 2026-11-23（也可写 2026/11/23、20261123 或 Excel 日期）',
  enum: '从可选值中选一个',
  boolean: '是 / 否',
  integer: '整数',
};

/** A required column's header carries a * (which the importer ignores), as Chinese templates mark them. */
export const templateHeader = (field: RegisterField) => (field.required ? `${field.header}*` : field.header);

function formatOf(field: RegisterField): string {
  const limit = field.kind === 'text' && field.max ? `，不超过 ${field.max} 字` : '';
  return `${KIND_FORMAT[field.kind]}${limit}`;
}

function writeTemplate(writer: SpreadsheetWriter, registerImport: RegisterImport<unknown>, withNotes: boolean): void {
  const { fields, exampleRow, fieldNotes } = registerImport;
  writer.sheet(registerImport.title, fields.map((field) => ({ header: templateHeader(field), text: field.kind === 'text' })));
  writer.addRow(fields.map((field) => exampleRow[field.key] ?? null));
  if (!withNotes) return;
  writer.sheet('说明', [{ header: '列名', width: 16 }, { header: '必填', width: 8 }, { header: '格式', width: 40 }, { header: '可选值', width: 48 }, { header: '说明', width: 80 }]);
  for (const field of fields) {
    writer.addRow([field.header, field.required ? '是' : '', formatOf(field), field.options ? Object.values(field.options).join('、') : '', fieldNotes[field.key] ?? '']);
  }
  writer.addRow([]);
  writer.addRow(['第 1 行为列名，从第 2 行起每行一人；示例行可保留，未修改的示例行不会导入。列的顺序不限，不需要的非必填列可以删除（删除的列导入时保持原值不变）。']);
  writer.addRow(['同一文件再次导入只更新有变化的内容，不会重复建档。脱敏导出的文件（证件号码含 *）不能导入。']);
}

/** The import template of a register: headers (required ones marked), an example row, and a 说明 sheet. */
export async function writeImportTemplate(output: Writable, registerImport: RegisterImport<unknown>, format: 'xlsx' | 'csv'): Promise<void> {
  const writer = format === 'xlsx' ? xlsxWriter(output) : csvWriter(output, 'utf8');
  writeTemplate(writer, registerImport, format === 'xlsx');
  await writer.finish();
}
