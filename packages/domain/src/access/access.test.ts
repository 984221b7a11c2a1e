import { test } from 'node:test';
import assert from 'node:assert/strict';
import { can, coversGrid, coversRegion, type Actor, type Jurisdiction } from './actor.js';
import { allowedGridActions, GRID_ACTIONS } from './grid-policy.js';
import { checkPassword } from './password-policy.js';
import type { StaffRole } from './roles.js';

const user = (role: StaffRole, jurisdiction: Jurisdiction): Actor => ({
  kind: 'user', userId: 1, username: 'u', displayName: 'U', role, jurisdiction, sessionId: 1,
});

test('a street operator sees its street and everything below, not the neighbouring street', () => {
  const street: Jurisdiction = { kind: 'region', regionPath: '370300/370303/370303001' };
  assert.equal(coversRegion(street, '370300/370303/370303001'), true);
  assert.equal(coversRegion(street, '370300/370303/370303001/370303001002'), true);
  assert.equal(coversGrid(street, '370300/370303/370303001/370303001002/370303001002001'), true);
  assert.equal(coversRegion(street, '370300/370303/370303002'), false);
  assert.equal(coversRegion(street, '370300/370303'), false, 'not the district above');
  assert.equal(coversRegion(street, '370300/370303/3703030010'), false, 'a code sharing the prefix is another region');
});

test('a grid worker sees their grids and the micro-grids inside them only', () => {
  const grids: Jurisdiction = { kind: 'grids', gridIds: [7], gridPaths: ['370300/370303/370303001/370303001002/370303001002001'] };
  assert.equal(coversGrid(grids, '370300/370303/370303001/370303001002/370303001002001'), true);
  assert.equal(coversGrid(grids, '370300/370303/370303001/370303001002/370303001002001/37030300100200101'), true);
  assert.equal(coversGrid(grids, '370300/370303/370303001/370303001002/370303001002002'), false);
  assert.equal(coversRegion(grids, '370300/370303/370303001/370303001002'), false);
});

test('permissions follow the role: a leader reads, an administrator manages users, a grid worker cannot', () => {
  const everywhere: Jurisdiction = { kind: 'everywhere' };
  assert.equal(can(user('leader', everywhere), 'grid.read'), true);
  assert.equal(can(user('leader', everywhere), 'grid.manage'), false);
  assert.equal(can(user('administrator', everywhere), 'user.manage'), true);
  assert.equal(can(user('grid_worker', everywhere), 'user.manage'), false);
  const token: Actor = { kind: 'api_token', apiTokenId: 1, name: 'hotline', permissions: ['grid.read'], jurisdiction: everywhere };
  assert.equal(can(token, 'grid.read'), true);
  assert.equal(can(token, 'grid.manage'), false);
});

test('the password policy wants length, variety and no username', () => {
  assert.deepEqual(checkPassword('Zibo@2026!x', 'wangwei'), []);
  assert.deepEqual(checkPassword('short1A', 'wangwei'), ['too_short']);
  assert.deepEqual(checkPassword('alllowercaseletters', 'wangwei'), ['too_simple']);
  assert.deepEqual(checkPassword('Wangwei@2026', 'wangwei'), ['contains_username']);
});

test('grid actions: a community operator staffs its grids but does not redraw them; a leader only looks', () => {
  const grid = { path: '370300/370303/370303001/370303001001/370303001001001', communityPath: '370300/370303/370303001/370303001001' };
  const community: Jurisdiction = { kind: 'region', regionPath: '370300/370303/370303001/370303001001' };
  assert.deepEqual(allowedGridActions(user('community_operator', community), grid), ['manage_members', 'add_building']);
  assert.deepEqual(allowedGridActions(user('street_operator', { kind: 'region', regionPath: '370300/370303/370303001' }), grid), GRID_ACTIONS);
  assert.deepEqual(allowedGridActions(user('street_operator', { kind: 'region', regionPath: '370300/370303/370303002' }), grid), []);
  assert.deepEqual(allowedGridActions(user('leader', { kind: 'everywhere' }), grid), []);
});
