import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchPathPattern } from './path-pattern';

test('a path pattern gives its parameters, decoded, or null when the path is another page', () => {
  assert.deepEqual(matchPathPattern('/incidents/:id', '/incidents/7'), { id: '7' });
  assert.deepEqual(matchPathPattern('/registers/persons', '/registers/persons'), {});
  assert.deepEqual(matchPathPattern('/grids/:code/members', '/grids/%E7%BD%91%E6%A0%BC1/members'), { code: '网格1' });
  assert.equal(matchPathPattern('/incidents/:id', '/incidents/'), null, 'an empty parameter is no match');
  assert.equal(matchPathPattern('/incidents/:id', '/incidents/7/edit'), null);
  assert.equal(matchPathPattern('/incidents/new', '/incidents/7'), null);
});
