import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextVisitAfter } from './visit-schedule.js';

test('a visit keeps the interval from the last visit to the next one planned', () => {
  assert.equal(nextVisitAfter('2026-12-09', { lastVisitedOn: '2026-11-10', nextVisitOn: '2026-12-10' }), '2027-01-08');
});

test('without a last visit, or a visit older than the last one, the next visit stays', () => {
  assert.equal(nextVisitAfter('2026-12-09', { lastVisitedOn: null, nextVisitOn: '2026-12-10' }), null);
  assert.equal(nextVisitAfter('2026-12-09', { lastVisitedOn: '2026-12-09', nextVisitOn: null }), null);
  assert.equal(nextVisitAfter('2026-11-01', { lastVisitedOn: '2026-11-10', nextVisitOn: '2026-12-10' }), null);
  assert.equal(nextVisitAfter('2026-12-20', { lastVisitedOn: '2026-12-15', nextVisitOn: '2026-12-01' }), null, 'planned before the last visit: no interval');
});
