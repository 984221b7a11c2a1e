// The incident loop through the API, with a user for each party: the main path and every side path of the
// workflow table, and refusals that must change nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { WorkingCalendar } from '@civicgrid/domain';
import { WorkingCalendarRepository } from '../src/working-calendar/working-calendar.repository.js';
import { act, actOk, buildIncidentFixture, IN_GRID_A, report, uploadPhoto, type IncidentFixture } from './support/incident-fixture.js';
import { startTestApp, type TestContext } from './support/test-app.js';

let context: TestContext;
let fixture: IncidentFixture;
let garbage: number;

before(async () => {
  context = await startTestApp();
  fixture = await buildIncidentFixture(context);
  garbage = await fixture.categoryId('SJ0102');
});
after(async () => context.close());

const steps = (detail: { steps: { action: string }[] }) => detail.steps.map((step) => step.action);

async function reported(payload: Record<string, unknown> = {}) {
  const response = await report(context, fixture.sessions.worker, { categoryId: garbage, ...payload });
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

async function dispatched(extra: Record<string, unknown> = {}) {
  const incident = await reported();
  const { operator } = fixture.sessions;
  await actOk(context, operator, incident.id, { action: 'register' });
  return actOk(context, operator, incident.id, { action: 'dispatch', leadDepartmentId: fixture.departments.lead, ...extra });
}

async function fingerprint(incidentId: number): Promise<string> {
  const result = await sql<{ fingerprint: string }>`
    SELECT concat_ws('|', i.status, i.version, i.center_id, i.current_step_deadline,
      (SELECT count(*) FROM incident_steps s WHERE s.incident_id = i.id),
      (SELECT string_agg(concat_ws(',', a.state, a.deadline), ';' ORDER BY a.id) FROM incident_assignments a WHERE a.incident_id = i.id)) AS fingerprint
    FROM incidents i WHERE i.id = ${incidentId}`.execute(context.database.db);
  return result.rows[0]!.fingerprint;
}

test('main path: report → register → dispatch → accept → handle → verify → close → follow-up, each party in turn', async () => {
  const { operator, handler, assistingHandler, worker } = fixture.sessions;
  const incident = await reported();
  assert.equal(incident.status, 'reported');
  assert.equal(incident.gridCode, '370303001001001');
  assert.equal(incident.centerName, '车站街道社会治理中心');
  assert.equal(incident.flaggedOutsideGrids, false);
  assert.ok(incident.currentStepDeadline, 'the center has a deadline to register it');
  const before = await uploadPhoto(context, worker, incident.id, 'before', 1);

  const operatorView = (await context.inject({ method: 'GET', url: `/api/incidents/${incident.id}`, as: operator })).json();
  assert.deepEqual(operatorView.actions.filter((action: string) => ['register', 'reject', 'merge', 'escalate'].includes(action)).sort(),
    ['escalate', 'merge', 'register', 'reject']);
  assert.equal(operatorView.steps[0].attachments[0].id, before, 'the before-photo shows on the report step');

  const registered = await actOk(context, operator, incident.id, { action: 'register', version: operatorView.version });
  assert.equal(registered.status, 'registered');
  const dispatchedView = await actOk(context, operator, incident.id, {
    action: 'dispatch', leadDepartmentId: fixture.departments.lead, assistingDepartmentIds: [fixture.departments.assisting], note: '请速处置',
  });
  assert.equal(dispatchedView.status, 'dispatched');
  assert.equal(dispatchedView.leadDepartmentName, '张店区综合行政执法局');
  assert.deepEqual(dispatchedView.assignments.map((assignment: { role: string }) => assignment.role), ['lead', 'assisting']);

  // 暴露垃圾: 4 working hours from the moment of dispatch, on the working calendar
  const dispatchStep = dispatchedView.steps.find((step: { action: string }) => step.action === 'dispatch');
  const calendar = new WorkingCalendar(await new WorkingCalendarRepository().load(context.database.db));
  const expected = calendar.addTimeLimit(new Date(dispatchStep.createdAt), 4, 'working_hours').getTime();
  const deadline = new Date(dispatchedView.assignments[0].deadline).getTime();
  assert.ok(Math.abs(deadline - expected) < 60_000, `deadline ${dispatchedView.assignments[0].deadline} vs ${new Date(expected).toISOString()}`);
  assert.equal(dispatchStep.deadline, dispatchedView.assignments[0].deadline);

  const assistingView = (await context.inject({ method: 'GET', url: `/api/incidents/${incident.id}`, as: assistingHandler })).json();
  assert.deepEqual(assistingView.actions, ['comment'], 'an assisting department sees the case but does not handle it');

  const accepted = await actOk(context, handler, incident.id, { action: 'accept' });
  assert.equal(accepted.status, 'handling');
  assert.equal(accepted.currentStepDeadline, accepted.assignments[0].deadline, 'while handling, the step deadline is the assignment’s');
  const noPhoto = await act(context, handler, incident.id, { action: 'handle', note: '已清理' });
  assert.equal(noPhoto.statusCode, 400);
  assert.equal(noPhoto.json().code, 'incident.input_required');
  const afterPhoto = await uploadPhoto(context, handler, incident.id, 'after', 2);
  const handled = await actOk(context, handler, incident.id, { action: 'handle', note: '已清理完毕', attachmentIds: [afterPhoto] });
  assert.equal(handled.status, 'handled');
  assert.equal(handled.steps.at(-1).attachments[0].kind, 'after');

  const workerView = (await context.inject({ method: 'GET', url: `/api/incidents/${incident.id}`, as: worker })).json();
  assert.ok(workerView.actions.includes('verify') && workerView.actions.includes('rework'));
  const verified = await actOk(context, worker, incident.id, { action: 'verify', note: '现场已干净', ...IN_GRID_A });
  assert.equal(verified.status, 'verified');
  const closed = await actOk(context, operator, incident.id, { action: 'close' });
  assert.equal(closed.status, 'closed');
  assert.ok(closed.currentStepDeadline, 'the follow-up has its own deadline');
  const followedUp = await actOk(context, operator, incident.id, { action: 'follow_up', satisfaction: 'satisfied', method: 'phone', note: '很满意' });
  assert.equal(followedUp.followUps[0].satisfaction, 'satisfied');
  assert.equal(followedUp.currentStepDeadline, null, 'nothing is due once followed up');
  assert.ok(!followedUp.actions.includes('follow_up'), 'one follow-up per closure');
  assert.deepEqual(steps(followedUp), ['report', 'register', 'dispatch', 'accept', 'handle', 'verify', 'close', 'follow_up']);
  assert.deepEqual(followedUp.steps.map((step: { actorName: string }) => step.actorName),
    ['worker', 'operator', 'operator', 'handler', 'handler', 'worker', 'operator', 'operator']);
  assert.equal(followedUp.steps[1].centerName, '车站街道社会治理中心');
  assert.equal(followedUp.steps[3].departmentName, '张店区综合行政执法局');
});

test('refused transitions answer 403/404/409 with a stable code and change nothing', async () => {
  const { operator, otherOperator, handler, worker, otherWorker, leader, districtOperator } = fixture.sessions;
  const incident = await reported();
  const before = await fingerprint(incident.id);
  const cases: [string, ReturnType<typeof act>, number, string][] = [
    ['a department cannot register', act(context, handler, incident.id, { action: 'register' }), 404, 'incident.not_found'],
    ['the grid worker cannot register', act(context, worker, incident.id, { action: 'register' }), 403, 'incident.action_forbidden'],
    ['another street’s operator does not even see it', act(context, otherOperator, incident.id, { action: 'register' }), 404, 'incident.not_found'],
    ['another grid’s worker does not see it', act(context, otherWorker, incident.id, { action: 'comment', note: '看看' }), 404, 'incident.not_found'],
    ['the district operator does not work a street’s case', act(context, districtOperator, incident.id, { action: 'register' }), 403, 'incident.action_forbidden'],
    ['a leader cannot register', act(context, leader, incident.id, { action: 'register' }), 403, 'incident.action_forbidden'],
    ['close from reported is not in the table', act(context, operator, incident.id, { action: 'close' }), 409, 'incident.transition_not_allowed'],
    ['a reject needs a reason', act(context, operator, incident.id, { action: 'reject' }), 400, 'incident.input_required'],
    ['a stale version', act(context, operator, incident.id, { action: 'register', version: incident.version + 5 }), 409, 'incident.version_conflict'],
    ['an unknown action', act(context, operator, incident.id, { action: 'teleport' }), 400, 'request.invalid'],
    ['dispatch before registering',
      act(context, operator, incident.id, { action: 'dispatch', categoryId: garbage, leadDepartmentId: fixture.departments.otherStreet }), 409, 'incident.transition_not_allowed'],
  ];
  for (const [label, pending, status, code] of cases) {
    const response = await pending;
    assert.equal(response.statusCode, status, `${label}: ${response.body}`);
    assert.equal(response.json().code, code, label);
    assert.ok(response.json().messages.zh && response.json().messages.en, label);
  }
  assert.equal(await fingerprint(incident.id), before);

  await actOk(context, operator, incident.id, { action: 'register' });
  const afterRegister = await fingerprint(incident.id);
  const wrongDepartment = await act(context, operator, incident.id, { action: 'dispatch', leadDepartmentId: fixture.departments.otherStreet });
  assert.equal(wrongDepartment.statusCode, 400, wrongDepartment.body);
  assert.equal(wrongDepartment.json().code, 'incident.department_not_available');
  assert.equal(await fingerprint(incident.id), afterRegister, 'a failed dispatch leaves no step and no assignment');
});

test('return to the center, then dispatch again; rework goes back to the same department and counts', async () => {
  const { operator, handler, worker } = fixture.sessions;
  const incident = await dispatched();
  const returned = await actOk(context, handler, incident.id, { action: 'return', note: '不属于本部门职责' });
  assert.equal(returned.status, 'returned');
  assert.equal(returned.assignments[0].state, 'returned');
  assert.equal(returned.assignments[0].returnReason, '不属于本部门职责');
  const again = await actOk(context, operator, incident.id, { action: 'dispatch', leadDepartmentId: fixture.departments.lead });
  assert.equal(again.status, 'dispatched');
  await actOk(context, handler, incident.id, { action: 'accept' });
  const photo = await uploadPhoto(context, handler, incident.id, 'after', 3);
  await actOk(context, handler, incident.id, { action: 'handle', note: '已处理', attachmentIds: [photo] });
  const reworked = await actOk(context, worker, incident.id, { action: 'rework', note: '垃圾仍在' });
  assert.equal(reworked.status, 'dispatched');
  const lead = reworked.assignments.find((assignment: { role: string; state: string }) => assignment.role === 'lead' && assignment.state === 'dispatched');
  assert.equal(lead.reworkCount, 1);
  assert.equal(lead.departmentName, '张店区综合行政执法局');
});

test('extension: requested by the department, approved by the center, which moves the deadline', async () => {
  const { operator, handler } = fixture.sessions;
  const incident = await dispatched();
  await actOk(context, handler, incident.id, { action: 'accept' });
  const current = new Date(incident.assignments[0].deadline);
  const tooEarly = await act(context, handler, incident.id, { action: 'request_extension', note: '需协调', requestedDeadline: new Date(current.getTime() - 3_600_000).toISOString() });
  assert.equal(tooEarly.json().code, 'incident.extension_not_later');
  const requestedDeadline = new Date(current.getTime() + 3 * 86_400_000).toISOString();
  const requested = await actOk(context, handler, incident.id, { action: 'request_extension', note: '需协调物业', requestedDeadline });
  assert.equal(requested.pendingExtension.reason, '需协调物业');
  assert.equal((await act(context, handler, incident.id, { action: 'request_extension', note: '再申请', requestedDeadline })).statusCode, 409, 'one pending request at a time');
  const approved = await actOk(context, operator, incident.id, { action: 'approve_extension' });
  assert.equal(approved.pendingExtension, null);
  assert.equal(approved.assignments[0].deadline, requestedDeadline);
  assert.equal(approved.currentStepDeadline, requestedDeadline);
});

test('suspend and resume: back to the status before, the deadline pushed by the suspended office time', async () => {
  const { operator, handler } = fixture.sessions;
  const incident = await dispatched();
  await actOk(context, handler, incident.id, { action: 'accept' });
  const suspended = await actOk(context, operator, incident.id, { action: 'suspend', note: '等待法院判决' });
  assert.equal(suspended.status, 'suspended');
  assert.deepEqual(suspended.actions.filter((action: string) => action !== 'comment' && action !== 'flag_urgent').sort(), ['request_void', 'resume', 'supervise']);
  await sql`UPDATE incidents SET suspended_at = suspended_at - interval '2 days' WHERE id = ${incident.id}`.execute(context.database.db);
  const resumed = await actOk(context, operator, incident.id, { action: 'resume' });
  assert.equal(resumed.status, 'handling');
  assert.ok(new Date(resumed.assignments[0].deadline) > new Date(incident.assignments[0].deadline), 'the deadline moved later');
});

test('void needs approval: the operator asks, a leader over the place approves', async () => {
  const { operator, leader } = fixture.sessions;
  const incident = await reported();
  await actOk(context, operator, incident.id, { action: 'request_void', note: '重复录入' });
  const asOperator = (await context.inject({ method: 'GET', url: `/api/incidents/${incident.id}`, as: operator })).json();
  assert.ok(!asOperator.actions.includes('void'), 'the one who asks does not approve');
  const leaderView = (await context.inject({ method: 'GET', url: `/api/incidents/${incident.id}`, as: leader })).json();
  assert.ok(leaderView.actions.includes('void') && leaderView.actions.includes('deny_void'));
  const voided = await actOk(context, leader, incident.id, { action: 'void' });
  assert.equal(voided.status, 'voided');
  assert.deepEqual(voided.actions, []);
});

test('self-handled by the grid worker, closed on the center’s review', async () => {
  const { operator, worker } = fixture.sessions;
  const incident = await reported({ description: '井盖移位，已当场复位' });
  const photo = await uploadPhoto(context, worker, incident.id, 'after', 4);
  const selfHandled = await actOk(context, worker, incident.id, { action: 'self_handle', note: '已复位', attachmentIds: [photo] });
  assert.equal(selfHandled.status, 'handled');
  assert.equal(selfHandled.selfHandled, true);
  assert.ok(!selfHandled.actions.includes('verify'), 'nobody verifies their own fix');
  const closed = await actOk(context, operator, incident.id, { action: 'close', note: '审核通过' });
  assert.equal(closed.status, 'closed');
});

test('escalate to the district center and hand down to the street again', async () => {
  const { operator, districtOperator } = fixture.sessions;
  const incident = await reported();
  const escalated = await actOk(context, operator, incident.id, { action: 'escalate', note: '涉及多个街道' });
  assert.equal(escalated.status, 'reported');
  assert.equal(escalated.centerName, '张店区社会治理中心');
  assert.equal((await act(context, operator, incident.id, { action: 'register' })).statusCode, 403, 'the street no longer owns it');
  const wrongTarget = await act(context, districtOperator, incident.id, { action: 'hand_down', targetCenterId: fixture.centers.streetB });
  assert.equal(wrongTarget.json().code, 'incident.hand_down_target');
  const handedDown = await actOk(context, districtOperator, incident.id, { action: 'hand_down', targetCenterId: fixture.centers.streetA, note: '请街道办理' });
  assert.equal(handedDown.centerName, '车站街道社会治理中心');
});

test('follow-up "not satisfied" reopens the case; supervision notices and the urgent flag', async () => {
  const { operator, handler, worker, districtOperator } = fixture.sessions;
  const incident = await dispatched();
  const supervised = await actOk(context, districtOperator, incident.id, { action: 'supervise', supervisionLevel: 'yellow', note: '请加快办理' });
  assert.equal(supervised.supervisionNotices[0].level, 'yellow');
  assert.equal(supervised.supervisionNotices[0].departmentName, '张店区综合行政执法局');
  const urgent = await actOk(context, operator, incident.id, { action: 'flag_urgent', urgent: true });
  assert.equal(urgent.urgent, true);
  await actOk(context, handler, incident.id, { action: 'accept' });
  const photo = await uploadPhoto(context, handler, incident.id, 'after', 5);
  await actOk(context, handler, incident.id, { action: 'handle', note: '已处理', attachmentIds: [photo] });
  await actOk(context, worker, incident.id, { action: 'verify' });
  await actOk(context, operator, incident.id, { action: 'close' });
  assert.equal((await act(context, operator, incident.id, { action: 'reopen', note: '重办' })).statusCode, 409, 'reopen only after a dissatisfied follow-up');
  const unreachable = await actOk(context, operator, incident.id, { action: 'follow_up', satisfaction: null, method: 'phone', note: '电话无人接听' });
  assert.ok(unreachable.actions.includes('follow_up'), 'an unreachable reporter is called again');
  assert.ok(unreachable.currentStepDeadline, 'the follow-up is still due');
  await actOk(context, operator, incident.id, { action: 'follow_up', satisfaction: 'not', method: 'phone', note: '垃圾又出现了' });
  const reopened = await actOk(context, operator, incident.id, { action: 'reopen', note: '群众不满意，重新办理' });
  assert.equal(reopened.status, 'registered');
  assert.ok(reopened.actions.includes('dispatch'));
  await actOk(context, operator, incident.id, { action: 'dispatch', leadDepartmentId: fixture.departments.lead });
  await actOk(context, handler, incident.id, { action: 'accept' });
  const secondPhoto = await uploadPhoto(context, handler, incident.id, 'after', 6);
  await actOk(context, handler, incident.id, { action: 'handle', note: '再次清理', attachmentIds: [secondPhoto] });
  await actOk(context, worker, incident.id, { action: 'verify' });
  const closedAgain = await actOk(context, operator, incident.id, { action: 'close' });
  assert.ok(closedAgain.actions.includes('follow_up'), 'the second closure is followed up too');
  assert.ok(!closedAgain.actions.includes('reopen'), 'the old dissatisfaction does not reopen the new closure');
});

test('an action retried with the same client id is taken once', async () => {
  const { operator } = fixture.sessions;
  const incident = await reported();
  const payload = { action: 'register', clientId: 'register-once-0001' };
  for (let attempt = 0; attempt < 3; attempt += 1) await actOk(context, operator, incident.id, payload);
  const detail = (await context.inject({ method: 'GET', url: `/api/incidents/${incident.id}`, as: operator })).json();
  assert.deepEqual(steps(detail), ['report', 'register']);
});
