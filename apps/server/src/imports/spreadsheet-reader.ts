import fs from 'node:fs';
import { pipeline } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { invalid } from '@civicgrid/domain';
import { CsvRecordTooLong, csvRecords } from './csv-records.js';
import { detectEncoding, type TextEncoding } from './text-encoding.js';

export type SpreadsheetType = 'csv' | 'xlsx';

/** One row as the spreadsheet numbers it (the header is row 1), its cells from the first column on. */
export interface SpreadsheetRow {
  rowNumber: number;
  cells: unknown[];
}

export interface OpenedSpreadsheet {
  /** The text encoding of a CSV file; null for xlsx. */
  encoding: TextEncoding['label'] | null;
  rows: AsyncIterable<SpreadsheetRow>;
  /** Bytes of the file read so far, for progress. */
  bytesRead(): number;
  close(): void;
}

// a record longer than this is an unclosed quote swallowing the rest of the file, not a person
const MAX_RECORD_CHARACTERS = 64 * 1024;

/** Undoes the protection against formula injection that CSV exports put before =, +, - and @. */
function unescapeCsvCell(cell: string): string {
  return cell.length > 1 && cell[0] === "'" && '=+-@'.includes(cell[1]!) ? cell.slice(1) : cell;
}

async function delimiterOf(filePath: string, encoding: TextEncoding): Promise<',' | '\t'> {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const sample = Buffer.alloc(16 * 1024);
    const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
    const firstLine = iconv.decode(sample.subarray(0, bytesRead), encoding.decoder).split(/\r?\n/, 1)[0] ?? '';
    const count = (character: string) => firstLine.split(character).length - 1;
    return count('\t') > count(',') ? '\t' : ',';
  } finally {
    await handle.close();
  }
}

async function openCsv(filePath: string): Promise<OpenedSpreadsheet> {
  const encoding = await detectEncoding(filePath);
  const delimiter = await delimiterOf(filePath, encoding);
  const input = fs.createReadStream(filePath, { highWaterMark: 256 * 1024 });
  // iconv-lite drops the byte-order mark; the records are read from the decoded text
  const text = iconv.decodeStream(encoding.decoder);
  pipeline(input, text, () => undefined);
  async function* rows(): AsyncGenerator<SpreadsheetRow> {
    let rowNumber = 0;
    try {
      for await (const record of csvRecords(text as AsyncIterable<string>, delimiter, MAX_RECORD_CHARACTERS)) {
        rowNumber += 1;
        yield { rowNumber, cells: record.map(unescapeCsvCell) };
      }
    } catch (error) {
      if (error instanceof CsvRecordTooLong) {
        throw invalid('import.unreadable_csv', `第 ${rowNumber + 1} 行附近无法读取：引号不配对或一行过长`,
          `Cannot read the file near row ${rowNumber + 1}: unbalanced quotes or an over-long row`);
      }
      throw error;
    }
  }
  return { encoding: encoding.label, rows: rows(), bytesRead: () => input.bytesRead, close: () => input.destroy() };
}

/** A cell as exceljs gives it, reduced to what a person would read in it. */
function plainCell(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return (value.richText as { text: string }[]).map((run) => run.text).join('');
  if ('result' in value) return plainCell(value.result);
  if ('text' in value) return plainCell(value.text);
  return null;
}

function openXlsx(filePath: string): OpenedSpreadsheet {
  const input = fs.createReadStream(filePath, { highWaterMark: 256 * 1024 });
  // styles are ignored: a date cell comes as its serial number, which the row parser reads as a date
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  async function* rows(): AsyncGenerator<SpreadsheetRow> {
    try {
      // the first sheet holds the data (the template's second sheet is its 说明)
      for await (const worksheet of reader) {
        for await (const row of worksheet) {
          const values = row.values as unknown[];
          yield { rowNumber: row.number, cells: Array.from(values.slice(1), plainCell) };
        }
        return;
      }
    } catch (error) {
      if (error instanceof Error && /signature|zip|end of central directory|invalid/i.test(error.message)) {
        throw invalid('import.unreadable_xlsx', '无法读取该 xlsx 文件，请用 Excel 或 WPS 另存为 .xlsx 后重试',
          'The xlsx file cannot be read; save it again as .xlsx from Excel or WPS and retry');
      }
      throw error;
    }
  }
  return { encoding: null, rows: rows(), bytesRead: () => input.bytesRead, close: () => input.destroy() };
}

/** Opens an uploaded spreadsheet for reading row by row: nothing but the rows in flight is held in memory. */
export async function openSpreadsheet(filePath: string, type: SpreadsheetType): Promise<OpenedSpreadsheet> {
  return type === 'csv' ? openCsv(filePath) : openXlsx(filePath);
}

/** The kind of an upload, by its first bytes (a renamed file is read for what it is) and then its name. */
export function spreadsheetTypeOf(head: Buffer, fileName: string): SpreadsheetType | 'xls' | undefined {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'xls';
  if (/\.(csv|txt)$/i.test(fileName)) return 'csv';
  if (/\.xlsx$/i.test(fileName)) return 'xlsx';
  // no recognisable binary signature: treat text as CSV
  return head.includes(0) ? undefined : 'csv';
}
