import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CsvRecordTooLong, csvRecords } from './csv-records.js';

async function recordsOf(chunks: string[], delimiter = ','): Promise<string[][]> {
  const records: string[][] = [];
  async function* source() { yield* chunks; }
  for await (const record of csvRecords(source(), delimiter, 1000)) records.push(record);
  return records;
}

test('fields, quotes, doubled quotes, line breaks inside quotes, CRLF / LF / CR, blank lines and ragged rows', async () => {
  const text = 'a,b,c\r\n"x,1","say ""hi""","two\r\nlines"\n\nonly\r"",,\r\nlast,"q"x,y"z';
  const expected = [['a', 'b', 'c'], ['x,1', 'say "hi"', 'two\r\nlines'], [''], ['only'], ['', '', ''], ['last', 'qx', 'y"z']];
  assert.deepEqual(await recordsOf([text]), expected);
  // the same text cut at every position gives the same records
  for (let cut = 1; cut < text.length; cut += 1) assert.deepEqual(await recordsOf([text.slice(0, cut), text.slice(cut)]), expected, `cut at ${cut}`);
});

test('tabs as delimiter; a trailing line break adds no record', async () => {
  assert.deepEqual(await recordsOf(['姓名\t人口类型\n张三\t户籍人口\n'], '\t'), [['姓名', '人口类型'], ['张三', '户籍人口']]);
});

test('an unclosed quote is refused instead of swallowing the file', async () => {
  await assert.rejects(recordsOf(['a,"b\n', 'c'.repeat(2000)]), CsvRecordTooLong);
  await assert.rejects(recordsOf(['a,"b\nc']), CsvRecordTooLong);
});
