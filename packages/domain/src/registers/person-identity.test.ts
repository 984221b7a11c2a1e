import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildIdNumber } from '../id-number.js';
import { classifyPersonQuery, otherFormOfIdNumber } from './person-identity.js';
import { parsePersonResidencyValues } from './person-residency.js';

test('a 15-digit number and the 18-digit number it became are one person', () => {
  const modern = buildIdNumber('370303', '1985-06-15', 123);
  assert.equal(otherFormOfIdNumber('370303850615123'), modern);
  assert.equal(otherFormOfIdNumber(modern), '370303850615123');
  assert.equal(otherFormOfIdNumber(buildIdNumber('370303', '2001-06-15', 123)), undefined, 'born after 1999: no old form');
});

test('a search text is read as ID number, the tail of a number, a landline, a run of digits, or a name or address', () => {
  assert.deepEqual(classifyPersonQuery(' 370303850615123 '), { kind: 'id_number', idNumbers: ['370303850615123', otherFormOfIdNumber('370303850615123')] });
  assert.deepEqual(classifyPersonQuery('139-0533-1234'), { kind: 'digits_prefix', prefix: '13905331234' });
  assert.deepEqual(classifyPersonQuery('0533-2181234'), { kind: 'landline', phone: '0533-2181234' });
  assert.deepEqual(classifyPersonQuery('05332181234'), { kind: 'landline', phone: '0533-2181234' });
  assert.deepEqual(classifyPersonQuery('123x'), { kind: 'tail', tail: '123X' });
  assert.deepEqual(classifyPersonQuery('331234'), { kind: 'tail', tail: '331234' });
  assert.deepEqual(classifyPersonQuery('3703031985'), { kind: 'digits_prefix', prefix: '3703031985' });
  assert.deepEqual(classifyPersonQuery('安居小区1号楼'), { kind: 'text', text: '安居小区1号楼' });
  assert.deepEqual(classifyPersonQuery('张伟'), { kind: 'text', text: '张伟' });
});

test('residency fields: refused when sent for the wrong kind of person, dropped when left over', () => {
  const floating = parsePersonResidencyValues({ residency: 'floating', leftBehind: false }, { inflowReason: '务工', inflowOn: '2025/3/1' }, new Set(['inflowReason', 'inflowOn']));
  assert.deepEqual('values' in floating && [floating.values.inflowReason, floating.values.inflowOn], ['work', '2025-03-01']);
  const wrong = parsePersonResidencyValues({ residency: 'registered', leftBehind: false }, { visaType: 'Z', leftBehindKind: '留守儿童' }, new Set(['visaType', 'leftBehindKind']));
  assert.ok('errors' in wrong);
  assert.deepEqual(wrong.errors.map((error) => error.zh), ['签证（注）种类：只适用于境外人员', '留守类型：只适用于留守人员（留守人员填“是”）']);
  const leftOver = parsePersonResidencyValues({ residency: 'registered', leftBehind: false }, { inflowReason: 'work' }, new Set(['residency']));
  assert.ok('values' in leftOver && leftOver.values.inflowReason === null);
  const visa = parsePersonResidencyValues({ residency: 'foreign', leftBehind: false }, { entryOn: '2026-03-01', visaExpiresOn: '2026-02-01' }, new Set(['entryOn']));
  assert.ok('errors' in visa && visa.errors[0]!.field === 'visaExpiresOn');
});
