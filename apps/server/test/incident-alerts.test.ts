// What happens around the loop: deadline colours and the watcher's alerts, in-app notifications, the outgoing
// webhook, and the daily all-clear.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { sql } from 'kysely';
import { chinaToday } from '../src/all-clears/all-clear.service.js';
import { signatureOf } from '../src/webhooks/webhook-delivery.js';
import { actOk, buildIncidentFixture, GRID_A, newClientId, report, type IncidentFixture } from './support/incident-fixture.js';
import { startTestApp, type TestContext } from './support/test-app.js';

let context: TestContext;
let fixture: IncidentFixture;

before(async () => {
  context = await startTestApp();
  fixture = await buildIncidentFixture(context);
});
after(async () => context.close());

const db = () => context.database.db;

async function dispatchedIncident() {
  const { operator } = fixture.sessions;
  const incident = (await report(context, fixture.sessions.worker, { categoryId: await fixture.categoryId('SJ0102') })).json();
  await actOk(context, operator, incident.id, { action: 'register' });
  return actOk(context, operator, incident.id, { action: 'dispatch', leadDepartmentId: fixture.departments.lead });
}

async function notificationsOf(session: TestContext['admin']) {
  return (await context.inject({ method: 'GET', url: '/api/notifications?limit=50', as: session })).json();
}

test('dispatch notifies the department; the notification is read and counted', async () => {
  const before = await notificationsOf(fixture.sessions.handler);
  const incident = await dispatchedIncident();
  const afterDispatch = await notificationsOf(fixture.sessions.handler);
  assert.equal(afterDispatch.unread, before.unread + 1);
  const notification = afterDispatch.items[0];
  assert.equal(notification.subjectId, incident.id);
  assert.match(notification.title, /待签收/);
  await context.inject({ method: 'POST', url: `/api/notifications/${notification.id}/read`, as: fixture.sessions.handler });
  assert.equal((await notificationsOf(fixture.sessions.handler)).unread, before.unread);
  const operatorInbox = await notificationsOf(fixture.sessions.operator);
  assert.ok(operatorInbox.items.some((item: { title: string }) => item.title.includes('新上报事件')), 'the center heard of the report');
});

test('deadline colours in the list, and the watcher raises each alert once: warning, yellow card, red card', async () => {
  const incident = await dispatchedIncident();
  const listColour = async () => {
    const list = (await context.inject({ method: 'GET', url: `/api/incidents?queue=all&q=${incident.code}`, as: fixture.sessions.operator })).json();
    return list.items[0].colour;
  };
  assert.equal(await listColour(), 'green');
  const setClock = (warningAgoMinutes: number, deadlineAgoMinutes: number, startedAgoMinutes: number) => sql`
    UPDATE incidents SET current_step_warning_at = now() - make_interval(mins => ${warningAgoMinutes}),
      current_step_deadline = now() - make_interval(mins => ${deadlineAgoMinutes}),
      current_step_started_at = now() - make_interval(mins => ${startedAgoMinutes})
    WHERE id = ${incident.id}`.execute(db());
  const watcher = context.app.services.deadlineWatcher;

  await setClock(10, -30, 120);
  assert.equal(await listColour(), 'yellow');
  const yellowOnly = await context.inject({ method: 'GET', url: '/api/incidents?queue=all&colour=yellow', as: fixture.sessions.operator });
  assert.ok(yellowOnly.json().items.every((item: { colour: string }) => item.colour === 'yellow'));
  assert.equal((await watcher.sweep()).warning, 1);
  assert.deepEqual(await watcher.sweep(), { warning: 0, overdue: 0, red: 0 }, 'raised once');

  await setClock(60, 5, 120);
  assert.equal(await listColour(), 'red');
  assert.equal((await watcher.sweep()).overdue, 1);
  await setClock(300, 130, 240);
  assert.equal((await watcher.sweep()).red, 1);
  assert.deepEqual(await watcher.sweep(), { warning: 0, overdue: 0, red: 0 });

  const detail = (await context.inject({ method: 'GET', url: `/api/incidents/${incident.id}`, as: fixture.sessions.operator })).json();
  assert.deepEqual(detail.supervisionNotices.map((notice: { level: string; automatic: boolean }) => [notice.level, notice.automatic]), [['yellow', true], ['red', true]]);
  assert.deepEqual(detail.steps.filter((step: { action: string }) => step.action === 'supervise').map((step: { actorName: string }) => step.actorName),
    ['系统（时限监控）', '系统（时限监控）']);
  const handlerTitles = (await notificationsOf(fixture.sessions.handler)).items.map((item: { title: string }) => item.title);
  assert.ok(handlerTitles.some((title: string) => title.includes('即将超期')));
  assert.ok(handlerTitles.some((title: string) => title.includes('红牌督办')));

  // acting on it starts a new step with a fresh clock and no alert
  const accepted = await actOk(context, fixture.sessions.handler, incident.id, { action: 'accept' });
  assert.ok(new Date(accepted.currentStepDeadline) > new Date());
});

test('every step goes out on the webhook, signed, and a failed delivery is retried later', async () => {
  const received: { event: string; signature: string; body: string }[] = [];
  let failNext = true;
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (failNext) {
        failNext = false;
        response.writeHead(503).end();
        return;
      }
      received.push({ event: String(request.headers['x-civicgrid-event']), signature: String(request.headers['x-civicgrid-signature']), body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  try {
    const created = await context.inject({
      method: 'POST', url: '/api/webhooks',
      payload: { name: '上级平台', url: `http://127.0.0.1:${port}/hook`, events: ['incident.report', 'incident.dispatch'], regionCode: '370303' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const { secret, id } = created.json();
    await dispatchedIncident();
    const delivery = context.app.services.webhookDelivery;
    const first = await delivery.deliverDue();
    assert.deepEqual(first, { delivered: 1, failed: 1 }, 'the first attempt met a 503');
    await sql`UPDATE webhook_deliveries SET next_attempt_at = now() WHERE state = 'pending'`.execute(db());
    assert.deepEqual(await delivery.deliverDue(), { delivered: 1, failed: 0 });
    assert.deepEqual(received.map((item) => item.event).sort(), ['incident.dispatch', 'incident.report']);
    for (const item of received) assert.equal(item.signature, signatureOf(secret, item.body));
    const log = (await context.inject({ method: 'GET', url: `/api/webhooks/${id}/deliveries` })).json();
    assert.ok(log.every((row: { state: string }) => row.state === 'delivered'));
    assert.ok(log.some((row: { attempts: number }) => row.attempts === 2));
  } finally {
    server.close();
  }
});

test('daily all-clear: once per grid and day however often it is sent, and the missing ones listed', async () => {
  const missingBefore = (await context.inject({ method: 'GET', url: '/api/all-clears/missing?regionCode=370303', as: fixture.sessions.districtOperator })).json();
  assert.ok(missingBefore.items.some((item: { gridCode: string }) => item.gridCode === GRID_A));
  const payload = { clientId: newClientId(), gridCode: GRID_A, nothingToReport: true };
  const first = await context.inject({ method: 'POST', url: '/api/all-clears', as: fixture.sessions.worker, payload });
  assert.equal(first.statusCode, 201, first.body);
  const retry = await context.inject({ method: 'POST', url: '/api/all-clears', as: fixture.sessions.worker, payload });
  assert.equal(retry.statusCode, 200);
  const secondToday = await context.inject({ method: 'POST', url: '/api/all-clears', as: fixture.sessions.worker, payload: { ...payload, clientId: newClientId() } });
  assert.equal(secondToday.json().id, first.json().id);
  const mine = (await context.inject({ method: 'GET', url: '/api/all-clears/mine', as: fixture.sessions.worker })).json();
  assert.ok(mine[0].reportedAt);
  const missingAfter = (await context.inject({ method: 'GET', url: '/api/all-clears/missing?regionCode=370303', as: fixture.sessions.districtOperator })).json();
  assert.equal(missingAfter.reported, missingBefore.reported + 1);
  assert.ok(!missingAfter.items.some((item: { gridCode: string }) => item.gridCode === GRID_A));
  const notMine = await context.inject({ method: 'POST', url: '/api/all-clears', as: fixture.sessions.worker, payload: { clientId: newClientId(), gridCode: '370303002001001' } });
  assert.equal(notMine.statusCode, 404);
});

test('an all-clear delivered late is filed under the day it was tapped, up to three days back; other days are refused', async () => {
  const day = (offset: number) => chinaToday(new Date(Date.now() + offset * 86_400_000));
  const late = await context.inject({ method: 'POST', url: '/api/all-clears', as: fixture.sessions.worker,
    payload: { clientId: newClientId(), gridCode: GRID_A, reportDate: day(-2) } });
  assert.equal(late.statusCode, 201, late.body);
  assert.equal(late.json().reportDate, day(-2));
  const missing = (await context.inject({ method: 'GET', url: `/api/all-clears/missing?regionCode=370303&date=${day(-2)}`, as: fixture.sessions.districtOperator })).json();
  assert.ok(!missing.items.some((item: { gridCode: string }) => item.gridCode === GRID_A), 'that day’s list no longer misses the grid');
  for (const reportDate of [day(-4), day(1), `${day(0).slice(0, 8)}00`]) {
    const refused = await context.inject({ method: 'POST', url: '/api/all-clears', as: fixture.sessions.worker,
      payload: { clientId: newClientId(), gridCode: GRID_A, reportDate } });
    assert.equal(refused.statusCode, 400, `${reportDate}: ${refused.body}`);
    assert.equal(refused.json().code, 'all_clear.day_out_of_range');
    assert.match(refused.json().messages.zh, /报平安的日期须在/);
  }
  const rows = await sql<{ count: number }>`SELECT count(*)::int AS count FROM daily_all_clears WHERE report_date NOT IN (${day(0)}::date, ${day(-2)}::date)`.execute(context.database.db);
  assert.equal(rows.rows[0]!.count, 0, 'nothing refused was written');
});
