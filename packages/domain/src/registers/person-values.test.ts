import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildIdNumber } from '../id-number.js';
import { parseDateCell, parsePersonValues, personFieldOfHeader } from './person-values.js';
import { checkPhone } from './phone.js';

const ID = buildIdNumber('370303', '1985-06-15', 123);
const base = { name: '张伟', residency: '户籍人口', gridCode: '370303001001001' };

test('a valid row: labels become values, birth date and gender come from the ID number', () => {
  const result = parsePersonValues({ ...base, idNumber: ID.toLowerCase(), mobile: '139 0533 1234', leftBehind: '否', attentionLevel: '中等' });
  assert.ok('person' in result, JSON.stringify(result));
  assert.equal(result.person.idNumber, ID);
  assert.equal(result.person.birthDate, '1985-06-15');
  assert.equal(result.person.gender, 'male');
  assert.equal(result.person.residency, 'registered');
  assert.equal(result.person.mobile, '13905331234');
  assert.equal(result.person.attentionLevel, 2);
  assert.equal(result.person.idNumberLegacy, false);
});

test('every problem of a row at once, each named by its column', () => {
  const result = parsePersonValues({ name: '', residency: '常住', gridCode: '3703', idNumber: `${ID.slice(0, 17)}0`, mobile: '12345', birthDate: '2099-01-01', leftBehind: '也许' }, '2026-11-23');
  assert.ok('errors' in result);
  assert.deepEqual(result.errors.map((error) => error.header).sort(), ['人口类型', '姓名', '所属网格', '留守人员', '联系电话', '证件号码', '出生日期'].sort());
  assert.match(result.errors.find((error) => error.field === 'idNumber')!.zh, /校验码/);
});

test('a 15-digit legacy number is accepted and flagged; a mismatching birth date is refused', () => {
  const legacy = parsePersonValues({ ...base, idNumber: '370303850615123' });
  assert.ok('person' in legacy);
  assert.equal(legacy.person.idNumberLegacy, true);
  assert.equal(legacy.person.birthDate, '1985-06-15');
  const mismatch = parsePersonValues({ ...base, idNumber: ID, birthDate: '1985-06-16' });
  assert.ok('errors' in mismatch && mismatch.errors[0]!.field === 'birthDate');
});

test('dates in the forms spreadsheets use, and phone numbers', () => {
  for (const cell of ['2026-11-23', '2026/11/23', '2026.11.23', '20261123', '2026年11月23日', 46349, new Date('2026-11-23T00:00:00Z')]) {
    assert.equal(parseDateCell(cell), '2026-11-23', String(cell));
  }
  assert.equal(parseDateCell('2026-02-30'), 'invalid');
  assert.deepEqual(checkPhone('+86 139-0533-1234'), { valid: true, normalized: '13905331234' });
  assert.deepEqual(checkPhone('0533-2181234'), { valid: true, normalized: '0533-2181234' });
  assert.deepEqual(checkPhone('05332181234'), { valid: true, normalized: '0533-2181234' });
  assert.equal(checkPhone('1234567').valid, false);
});

test('columns are recognised by their Chinese header, with a required-mark or a BOM', () => {
  assert.equal(personFieldOfHeader('证件号码'), 'idNumber');
  assert.equal(personFieldOfHeader('\uFEFF姓名*'), 'name');
  assert.equal(personFieldOfHeader('gridCode'), 'gridCode');
  assert.equal(personFieldOfHeader('备注'), undefined);
});
