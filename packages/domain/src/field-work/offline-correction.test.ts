import assert from 'node:assert/strict';
import { test } from 'node:test';
import { settleCorrection } from './offline-correction.js';

test('a field nobody changed since the worker saw it takes the worker’s value', () => {
  const settled = settleCorrection({ phone: '13800000001', address: '新华路1号' }, { phone: { from: '13800000001', to: '13900000002' } });
  assert.deepEqual(settled, { apply: { phone: '13900000002' }, unchanged: [], conflicts: [] });
});

test('a field changed meanwhile keeps the server’s value and is reported as a conflict', () => {
  const settled = settleCorrection({ phone: '13700000003' }, { phone: { from: '13800000001', to: '13900000002' } });
  assert.deepEqual(settled.apply, {});
  assert.deepEqual(settled.conflicts, [{ field: 'phone', from: '13800000001', to: '13900000002', current: '13700000003' }]);
});

test('the same correction made by someone else is no conflict; blanks compare equal', () => {
  const settled = settleCorrection({ phone: '13900000002', employer: null }, {
    phone: { from: '13800000001', to: '13900000002' },
    employer: { from: '', to: '齐鲁石化' },
  });
  assert.deepEqual(settled, { apply: { employer: '齐鲁石化' }, unchanged: ['phone'], conflicts: [] });
});
