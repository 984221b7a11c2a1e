/** A CSV record longer than the limit: an unclosed quote swallowing the rest of the file. */
export class CsvRecordTooLong extends Error {}

/**
 * CSV records (RFC 4180, as Excel and WPS write them) from decoded text chunks, one at a time. A quoted
 * field may hold the delimiter, line breaks and "" for a quote; a quote inside an unquoted field is taken
 * as it is. Records end at CRLF, LF or CR; a blank line is a record of one empty field, so that record
 * numbers stay the spreadsheet's row numbers. Rows may have any number of fields.
 */
export async function* csvRecords(chunks: AsyncIterable<string>, delimiter: string, maxRecordLength: number): AsyncGenerator<string[]> {
  const separator = delimiter.charCodeAt(0);
  let record: string[] = [];
  let field = '';
  let quoted = false;
  // a quote that closed a quoted field, or a CR, seen as the last character of a chunk
  let quoteEnded = false;
  let afterCarriageReturn = false;
  let recordLength = 0;
  let fieldStarted = false;

  for await (const chunk of chunks) {
    const length = chunk.length;
    let index = 0;
    const completed: string[][] = [];
    while (index < length) {
      if (afterCarriageReturn) {
        afterCarriageReturn = false;
        if (chunk.charCodeAt(index) === 10) {
          index += 1;
          continue;
        }
      }
      if (quoted) {
        const quote = chunk.indexOf('"', index);
        if (quote < 0) {
          field += chunk.slice(index);
          recordLength += length - index;
          index = length;
        } else {
          field += chunk.slice(index, quote);
          recordLength += quote - index;
          quoted = false;
          quoteEnded = true;
          index = quote + 1;
        }
        if (recordLength > maxRecordLength) throw new CsvRecordTooLong();
        continue;
      }
      if (quoteEnded) {
        quoteEnded = false;
        // "" inside a quoted field is one quote, and the field goes on
        if (chunk.charCodeAt(index) === 34) {
          field += '"';
          quoted = true;
          index += 1;
          continue;
        }
      }
      if (!fieldStarted && field === '' && chunk.charCodeAt(index) === 34) {
        quoted = true;
        fieldStarted = true;
        index += 1;
        continue;
      }
      let end = index;
      let code = 0;
      while (end < length) {
        code = chunk.charCodeAt(end);
        if (code === separator || code === 10 || code === 13) break;
        end += 1;
      }
      field += chunk.slice(index, end);
      recordLength += end - index;
      fieldStarted = true;
      if (end === length) {
        index = end;
        if (recordLength > maxRecordLength) throw new CsvRecordTooLong();
        continue;
      }
      record.push(field);
      field = '';
      fieldStarted = false;
      index = end + 1;
      if (code !== separator) {
        completed.push(record);
        record = [];
        recordLength = 0;
        if (code === 13) afterCarriageReturn = true;
      }
    }
    yield* completed;
  }
  if (quoted) throw new CsvRecordTooLong();
  if (fieldStarted || field !== '' || record.length > 0) {
    record.push(field);
    yield record;
  }
}
