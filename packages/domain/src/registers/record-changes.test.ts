import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedFields, createdFields, fieldChanges } from './record-changes.js';

test('only changed fields are kept, before and after, nulls and objects compared by value', () => {
  assert.deepEqual(
    changedFields({ name: '张伟', mobile: null, attentionLevel: 1, details: { a: 1 } }, { name: '张伟', mobile: '13905331234', attentionLevel: 1, details: { a: 1 } }),
    { before: { mobile: null }, after: { mobile: '13905331234' } },
  );
  assert.equal(changedFields({ name: '张伟', formerName: undefined }, { name: '张伟', formerName: null }), null);
  assert.deepEqual(createdFields({ name: '张伟', mobile: null, leftBehind: false, attentionLevel: 1 }), { name: '张伟', attentionLevel: 1 });
});

test('changes are named by header, and a presenter can mask or leave out a field', () => {
  const changes = fieldChanges({ mobile: '13905331234', secret: 'x' }, { mobile: '13905330000', secret: 'y' }, (field) => (field === 'mobile' ? '联系电话' : field),
    (field, value) => (field === 'secret' ? undefined : typeof value === 'string' ? `${value.slice(0, 3)}****` : value));
  assert.deepEqual(changes, [{ field: 'mobile', header: '联系电话', before: '139****', after: '139****' }]);
});
