import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PERSON_FIELDS, personFieldOfHeader } from '@civicgrid/domain';
import { csvField } from '../exports/spreadsheet-writer.js';
import { ImportFailure, isExampleRow, mapHeader, valuesOfRow } from './import-header.js';

const persons = { fields: PERSON_FIELDS, fieldOfHeader: personFieldOfHeader, title: '人员' };

test('row 1 maps columns to fields by Chinese header (a * mark allowed) or key; unknown ones are one warning', () => {
  const header = mapHeader(['姓名*', ' 人口类型 ', 'gridCode', '备注', '', '其他'], persons);
  assert.deepEqual(header.keys, ['name', 'residency', 'gridCode', null, null, null]);
  assert.deepEqual([...header.present], ['name', 'residency', 'gridCode']);
  assert.equal(header.warnings.length, 1);
  assert.match(header.warnings[0]!.zh, /备注、其他/);
});

test('a missing required column or a column given twice fails the whole file', () => {
  assert.throws(() => mapHeader(['姓名', '联系电话'], persons), (error: ImportFailure) => error.failure.code === 'import.missing_columns' && /人口类型、所属网格/.test(error.failure.zh));
  assert.throws(() => mapHeader(['姓名', '人口类型', '所属网格', 'name'], persons), (error: ImportFailure) => error.failure.code === 'import.duplicate_columns');
});

test('blank rows are skipped; the untouched example row is recognised', () => {
  const keys = ['name', 'residency', null];
  assert.equal(valuesOfRow(['', '  ', 'x'], keys), undefined);
  assert.deepEqual(valuesOfRow(['张三', '户籍人口'], keys), { name: '张三', residency: '户籍人口' });
  assert.equal(isExampleRow({ name: '张三', residency: '户籍人口' }, { name: '张三', residency: '户籍人口' }), true);
  assert.equal(isExampleRow({ name: '张三', residency: '流动人口' }, { name: '张三', residency: '户籍人口' }), false);
});

test('CSV fields are quoted when needed, and formulas are defused', () => {
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('说"明"'), '"说""明"""');
  assert.equal(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
  assert.equal(csvField('-'), "'-");
  assert.equal(csvField(null), '');
});
