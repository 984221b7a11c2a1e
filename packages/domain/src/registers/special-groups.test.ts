import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCareGroupRecord } from './care-groups.js';
import { parseSpecialGroupRecord } from './special-groups.js';

const fieldsOf = (result: ReturnType<typeof parseSpecialGroupRecord>) => ('errors' in result ? result.errors.map((error) => error.field).sort() : []);

test('a severe mental disorder needs a risk level from 0 to 5 and a guardian', () => {
  const ok = parseSpecialGroupRecord('severe_mental_disorder', { riskLevel: 3, guardianPersonId: 12, details: { treatment: 'medication_at_home' } });
  assert.ok('record' in ok);
  assert.equal(ok.record.riskLevel, 3);
  assert.equal(ok.record.guardianPersonId, 12);
  assert.deepEqual(fieldsOf(parseSpecialGroupRecord('severe_mental_disorder', {})), ['guardianPersonId', 'riskLevel']);
  const tooHigh = parseSpecialGroupRecord('severe_mental_disorder', { riskLevel: 6, guardianPersonId: 12 });
  assert.ok('errors' in tooHigh);
  assert.equal(tooHigh.errors[0]!.zh, '风险等级：不能大于 5');
});

test('details of another group are refused by name; a risk level applies to mental disorders only', () => {
  const result = parseSpecialGroupRecord('drug_user', { riskLevel: 2, details: { controlStatus: 'community_detox', crime: '盗窃' } });
  assert.ok('errors' in result);
  assert.deepEqual(result.errors.map((error) => error.zh).sort(), ['罪名：不适用于吸毒人员', '风险等级：不适用于吸毒人员'].sort());
});

test('community correction: type, start and end, the end not before the start', () => {
  assert.ok('record' in parseSpecialGroupRecord('community_correction', { startedOn: '2026-01-01', endedOn: '2027-01-01', details: { correctionType: 'probation' } }));
  assert.deepEqual(fieldsOf(parseSpecialGroupRecord('community_correction', { details: {} })), ['details.correctionType', 'endedOn', 'startedOn']);
  const backwards = parseSpecialGroupRecord('community_correction', { startedOn: '2026-01-01', endedOn: '2025-01-01', details: { correctionType: 'parole' } });
  assert.ok('errors' in backwards && backwards.errors[0]!.zh === '结束日期：不能早于纳入管理日期');
});

test('released prisoners: release date, crime and placement; unknown options are listed in Chinese', () => {
  assert.deepEqual(fieldsOf(parseSpecialGroupRecord('released_prisoner', { details: { releasedOn: '2026-02-30' } })), ['details.crime', 'details.placementStatus', 'details.releasedOn']);
  const option = parseSpecialGroupRecord('released_prisoner', { details: { releasedOn: '2026-02-01', crime: '盗窃', placementStatus: 'maybe' } });
  assert.ok('errors' in option);
  assert.equal(option.errors[0]!.zh, '安置情况：应为：已安置、未安置、拒绝安置');
});

test('care groups: a disabled person has a category and a grade 1–4; phones are normalized', () => {
  assert.ok('errors' in parseCareGroupRecord('disabled', { details: { category: 'visual', grade: 5 } }));
  const child = parseCareGroupRecord('left_behind_child', { details: { guardianName: '李奶奶', guardianPhone: '139 0533 1234' } });
  assert.ok('record' in child);
  assert.equal(child.record.details.guardianPhone, '13905331234');
});
