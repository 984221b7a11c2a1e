import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applicableCorrectableFields, settleVisitCorrections, VISIT_CORRECTABLE_PERSON_FIELDS } from './visit-corrections.js';

test('a phone seen masked settles as the number it masks; a conflict shows every number masked', () => {
  const current = { mobile: '13800000001', workplace: '齐鲁石化' };
  const applied = settleVisitCorrections(VISIT_CORRECTABLE_PERSON_FIELDS, current, { mobile: { from: '138****0001', to: '13900000002' } });
  assert.deepEqual(applied, { apply: { mobile: '13900000002' }, unchanged: [], conflicts: [] });

  const changed = settleVisitCorrections(VISIT_CORRECTABLE_PERSON_FIELDS, { mobile: '13700000003' }, { mobile: { from: '138****0001', to: '13900000002' } });
  assert.deepEqual(changed.apply, {});
  assert.deepEqual(changed.conflicts, [{ field: 'mobile', from: '138****0001', to: '139****0002', current: '137****0003' }]);
});

test('plain fields settle by the one rule: the worker’s value over an unchanged field, the server’s kept over a changed one', () => {
  const settled = settleVisitCorrections(VISIT_CORRECTABLE_PERSON_FIELDS, { workplace: '张店区供销社', occupation: '个体' }, {
    workplace: { from: '齐鲁石化', to: '淄博银行' },
    occupation: { from: '个体', to: '职员' },
  });
  assert.deepEqual(settled.apply, { occupation: '职员' });
  assert.deepEqual(settled.conflicts, [{ field: 'workplace', from: '齐鲁石化', to: '淄博银行', current: '张店区供销社' }]);
});

test('a residence permit is correctable for a floating person, a visa for a foreign one, neither for a registered one', () => {
  const keys = (record: Record<string, unknown>) => applicableCorrectableFields('person', record).map((field) => field.key);
  assert.ok(keys({ residency: 'floating' }).includes('residencePermitNumber'));
  assert.ok(!keys({ residency: 'floating' }).includes('visaType'));
  assert.ok(keys({ residency: 'foreign' }).includes('visaExpiresOn'));
  assert.deepEqual(keys({ residency: 'registered' }).filter((key) => key.startsWith('visa') || key.startsWith('residence')), []);
});
