import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../access/actor.js';
import { DomainError } from '../errors.js';
import { INCIDENT_STATUSES } from './incident-status.js';
import { allowedIncidentActions, INCIDENT_ACTIONS, INCIDENT_WORKFLOW, nextIncidentStatus, planIncidentTransition, type IncidentFacts } from './incident-workflow.js';

const STREET = '370300/370303/370303001';
const GRID = `${STREET}/370303001001/370303001001001`;
const facts = (overrides: Partial<IncidentFacts> = {}): IncidentFacts => ({
  status: 'reported', selfHandled: false, regionPath: `${STREET}/370303001001`, gridPath: GRID, centerRegionPath: STREET,
  hasParentCenter: true, hasChildCenters: false, leadDepartmentId: 7, reporterUserId: 50, hasCategory: true,
  pendingExtension: false, pendingVoid: false, lastSatisfaction: null, ...overrides,
});
const user = (role: Extract<Actor, { kind: 'user' }>['role'], jurisdiction: Actor['jurisdiction'], userId = 1): Actor =>
  ({ kind: 'user', userId, username: role, displayName: role, role, jurisdiction, sessionId: null });
const streetOperator = user('street_operator', { kind: 'region', regionPath: STREET });
const districtOperator = user('district_operator', { kind: 'region', regionPath: '370300/370303' });
const leader = user('leader', { kind: 'region', regionPath: '370300/370303' });
const handler = user('department_handler', { kind: 'department', departmentId: 7, regionPath: '370300/370303' });
const worker = user('grid_worker', { kind: 'grids', gridIds: [1], gridPaths: [GRID] }, 50);

test('the table names only real statuses, and every action has a label and at least one party', () => {
  for (const action of INCIDENT_ACTIONS) {
    const transition = INCIDENT_WORKFLOW[action];
    assert.ok(transition.label.length > 0, action);
    assert.ok(transition.by.length > 0, action);
    for (const status of transition.from) assert.ok(INCIDENT_STATUSES.includes(status), `${action} from ${status}`);
  }
});

test('who may do what on a fresh report', () => {
  assert.deepEqual(allowedIncidentActions(streetOperator, facts()).filter((action) => action !== 'comment').sort(),
    ['escalate', 'flag_urgent', 'merge', 'register', 'reject', 'request_void']);
  assert.deepEqual(allowedIncidentActions(worker, facts()), ['self_handle', 'comment']);
  assert.deepEqual(allowedIncidentActions(districtOperator, facts()), ['comment'], 'a higher center watches, it does not work the case');
  assert.deepEqual(allowedIncidentActions(handler, facts()), ['comment']);
});

test('the department handles, the grid worker verifies, and not the other way round', () => {
  assert.deepEqual(allowedIncidentActions(handler, facts({ status: 'handling' })).sort(), ['comment', 'handle', 'request_extension', 'return']);
  assert.ok(!allowedIncidentActions(worker, facts({ status: 'handling' })).includes('handle'));
  assert.deepEqual(allowedIncidentActions(worker, facts({ status: 'handled' })).sort(), ['comment', 'rework', 'verify']);
  assert.ok(!allowedIncidentActions(worker, facts({ status: 'handled', gridPath: `${STREET}/370303001002/370303001002001` })).includes('verify'));
  // outside every grid, the center verifies
  assert.ok(allowedIncidentActions(streetOperator, facts({ status: 'handled', gridPath: null })).includes('verify'));
});

test('void needs someone else: a leader over the place or an operator above the center', () => {
  const pending = facts({ status: 'registered', pendingVoid: true });
  assert.ok(!allowedIncidentActions(streetOperator, pending).includes('void'));
  assert.ok(allowedIncidentActions(leader, pending).includes('void'));
  assert.ok(allowedIncidentActions(districtOperator, pending).includes('void'));
  assert.ok(!allowedIncidentActions(leader, facts({ status: 'registered' })).includes('void'), 'nothing to approve');
});

test('refusals carry stable codes: 409 for the state, 403 for the actor', () => {
  const refused = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error instanceof DomainError ? [error.kind, error.code] : error;
    }
    return 'allowed';
  };
  assert.deepEqual(refused(() => planIncidentTransition(streetOperator, 'close', facts())), ['conflict', 'incident.transition_not_allowed']);
  assert.deepEqual(refused(() => planIncidentTransition(worker, 'register', facts())), ['forbidden', 'incident.action_forbidden']);
  assert.deepEqual(refused(() => planIncidentTransition(streetOperator, 'dispatch', facts({ status: 'registered', hasCategory: false }))),
    ['conflict', 'incident.transition_not_allowed'], 'no dispatch without a category');
  assert.deepEqual(refused(() => planIncidentTransition(streetOperator, 'reopen', facts({ status: 'closed', lastSatisfaction: 'basically' }))),
    ['conflict', 'incident.transition_not_allowed']);
  assert.equal(refused(() => planIncidentTransition(streetOperator, 'reopen', facts({ status: 'closed', lastSatisfaction: 'not' }))), 'allowed');
});

test('resume goes back to where the case was; rework sends it back to the department', () => {
  assert.equal(nextIncidentStatus(INCIDENT_WORKFLOW.resume, 'suspended', 'handling'), 'handling');
  assert.equal(nextIncidentStatus(INCIDENT_WORKFLOW.rework, 'handled', null), 'dispatched');
  assert.equal(nextIncidentStatus(INCIDENT_WORKFLOW.supervise, 'handling', null), 'handling');
});
