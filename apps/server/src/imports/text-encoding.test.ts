import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { detectEncoding, isUtf8 } from './text-encoding.js';

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-encoding-'));
const fileOf = (name: string, bytes: Buffer) => {
  const file = path.join(directory, name);
  fs.writeFileSync(file, bytes);
  return file;
};

test('a byte-order mark decides; without one, valid UTF-8 is UTF-8 and anything else is GBK', async () => {
  assert.equal((await detectEncoding(fileOf('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode('姓名', 'gbk')])))).label, 'utf-8');
  assert.equal((await detectEncoding(fileOf('utf16.csv', iconv.encode('\uFEFF姓名', 'utf16le')))).label, 'utf-16le');
  assert.equal((await detectEncoding(fileOf('utf8.csv', Buffer.from('姓名,人口类型\n张三,户籍人口\n')))).label, 'utf-8');
  assert.equal((await detectEncoding(fileOf('gbk.csv', iconv.encode('姓名,人口类型\n张三,户籍人口\n', 'gbk')))).label, 'gbk');
  assert.equal((await detectEncoding(fileOf('empty.csv', Buffer.alloc(0)))).label, 'utf-8');
});

test('English headers and ASCII rows first: the sample starts at the first Chinese character, however far in', async () => {
  const ascii = `name,residency,gridCode\n${'a,registered,370303001001001\n'.repeat(5000)}`;
  const file = fileOf('late-gbk.csv', Buffer.concat([Buffer.from(ascii), iconv.encode('王五,户籍人口,370303001001001\n', 'gbk')]));
  assert.equal((await detectEncoding(file)).label, 'gbk');
});

test('a character cut off at the end of the sample does not make UTF-8 look like GBK', () => {
  const bytes = Buffer.from('人口类型');
  assert.equal(isUtf8(bytes.subarray(0, bytes.length - 1)), true);
  assert.equal(isUtf8(iconv.encode('人口类型', 'gbk')), false);
});
