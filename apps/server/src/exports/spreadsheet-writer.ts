import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export type CellValue = string | number | boolean | null;
export type CsvEncoding = 'utf8' | 'gbk';

export interface SheetColumn {
  header: string;
  width?: number;
  /** formatted as text in Excel, so that digits typed into it (ID numbers, phones, codes) stay as typed */
  text?: boolean;
}

export interface SpreadsheetWriter {
  /** Starts a sheet with its header row; a CSV file has one sheet. Starting another ends the previous. */
  sheet(name: string, columns: SheetColumn[]): void;
  addRow(values: CellValue[]): void;
  /** Resolves once the output has room again: writers await it between pages, so memory stays flat. */
  drained(): Promise<void>;
  finish(): Promise<void>;
}

/** Waits for the output to drain; a download the client walked away from stops the writer. */
async function roomIn(output: Writable): Promise<void> {
  if (output.destroyed) throw new Error('the download was closed');
  if (!output.writableNeedDrain) return;
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      output.off('drain', onDrain);
      output.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error('the download was closed'));
    output.on('drain', onDrain);
    output.on('close', onClose);
  });
}

/**
 * An xlsx file written as it goes (exceljs' streaming writer, inline strings): each committed row leaves
 * memory. Strings stay strings, so ID numbers keep every digit and nothing is read as a formula.
 */
export function xlsxWriter(output: Writable): SpreadsheetWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  let worksheet: ExcelJS.Worksheet | undefined;
  return {
    sheet(name, columns) {
      worksheet?.commit();
      worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
      worksheet.columns = columns.map((column) => ({
        header: column.header,
        width: column.width ?? Math.max(10, column.header.length * 2 + 4),
        ...(column.text ? { style: { numFmt: '@' } } : {}),
      }));
      worksheet.getRow(1).font = { bold: true };
      worksheet.getRow(1).commit();
    },
    addRow(values) {
      worksheet!.addRow(values).commit();
    },
    drained: () => roomIn(output),
    async finish() {
      worksheet?.commit();
      await workbook.commit();
    },
  };
}

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV field; text that Excel would run as a formula gets a leading apostrophe (the importer drops it). */
export function csvField(value: CellValue): string {
  if (value === null) return '';
  let text = typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A CSV file written as it goes: UTF-8 with a byte-order mark (so that Excel opens it as UTF-8), or GBK
 * for older Excel and WPS — written as GB18030, its superset, so that rare characters in names survive.
 */
export function csvWriter(output: Writable, encoding: CsvEncoding): SpreadsheetWriter {
  const write = (text: string) => output.write(encoding === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gb18030'));
  if (encoding === 'utf8') output.write(Buffer.from([0xef, 0xbb, 0xbf]));
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0) write(pending.join(''));
    pending = [];
  };
  return {
    sheet(_name, columns) {
      pending.push(`${columns.map((column) => csvField(column.header)).join(',')}\r\n`);
    },
    addRow(values) {
      pending.push(`${values.map(csvField).join(',')}\r\n`);
      if (pending.length >= 500) flush();
    },
    async drained() {
      flush();
      await roomIn(output);
    },
    async finish() {
      flush();
      output.end();
      if (!output.writableFinished && !output.destroyed) await once(output, 'finish');
    },
  };
}
