// 数据看板: the figures of a region's incidents over a period, checked against a handful of incidents made by hand
// (statuses, deadlines, handling times, reworks and extensions chosen so that each rate has a known value), and kept
// inside the caller's jurisdiction.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { buildIncidentFixture, GRID_A, GRID_B, STREET_A, STREET_B, type IncidentFixture } from './support/incident-fixture.js';
import { startTestApp, type TestContext } from './support/test-app.js';

let context: TestContext;
let fixture: IncidentFixture;
let counter = 0;

interface HandMade {
  grid: string;
  reportedAt: string;
  status: string;
  source: string;
  category?: string;
  stepDeadline?: string;
  lead?: { department: 'lead' | 'assisting'; deadline: string; handledAt?: string; reworks?: number; extended?: boolean };
}

/** One incident straight into the tables, placed in its grid's regions as intake would place it. */
async function handMade(incident: HandMade): Promise<number> {
  const { db } = context.database;
  counter += 1;
  const categoryId = incident.category ? await fixture.categoryId(incident.category) : null;
  const inserted = await sql<{ id: number }>`
    INSERT INTO incidents (code, source, category_id, status, description, grid_id, region_id, community_id, street_id, district_id,
                           reported_at, current_step_deadline, current_step_warning_at, closed_at)
    SELECT ${`T${counter}`}, ${incident.source}, ${categoryId}, ${incident.status}, '看板测试事件', g.id, g.community_id, g.community_id,
           community.parent_id, street.parent_id, ${incident.reportedAt}::timestamptz, ${incident.stepDeadline ?? null}::timestamptz,
           ${incident.stepDeadline ?? null}::timestamptz - interval '1 hour', CASE WHEN ${incident.status} = 'closed' THEN now() END
    FROM grids g JOIN regions community ON community.id = g.community_id JOIN regions street ON street.id = community.parent_id
    WHERE g.code = ${incident.grid} RETURNING id`.execute(db);
  const id = inserted.rows[0]!.id;
  if (incident.lead) {
    const { lead } = incident;
    const assignment = await sql<{ id: number }>`
      INSERT INTO incident_assignments (incident_id, department_id, role, state, deadline, handled_at, rework_count)
      VALUES (${id}, ${fixture.departments[lead.department]}, 'lead', ${lead.handledAt ? 'handled' : 'handling'}, ${lead.deadline}::timestamptz,
              ${lead.handledAt ?? null}::timestamptz, ${lead.reworks ?? 0}) RETURNING id`.execute(db);
    if (lead.extended) {
      await sql`
        INSERT INTO extension_requests (incident_id, assignment_id, department_id, reason, current_deadline, requested_deadline, status, granted_deadline)
        VALUES (${id}, ${assignment.rows[0]!.id}, ${fixture.departments[lead.department]}, '材料未到', ${lead.deadline}::timestamptz - interval '1 day',
                ${lead.deadline}::timestamptz, 'approved', ${lead.deadline}::timestamptz)`.execute(db);
    }
  }
  return id;
}

let overdueId: number;

before(async () => {
  context = await startTestApp();
  fixture = await buildIncidentFixture(context);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
  // Street A: one closed on time, one handling past its deadline (overdue), one closed late after a rework and an extension.
  await handMade({ grid: GRID_A, reportedAt: '2026-03-02T10:00:00+08:00', status: 'closed', source: 'grid_worker', category: 'BJ0101',
    lead: { department: 'lead', deadline: '2026-03-03T10:00:00+08:00', handledAt: '2026-03-02T15:00:00+08:00' } });
  overdueId = await handMade({ grid: GRID_A, reportedAt: '2026-03-02T11:00:00+08:00', status: 'handling', source: 'hotline', category: 'BJ0102',
    stepDeadline: '2026-03-03T11:00:00+08:00', lead: { department: 'lead', deadline: '2026-03-03T11:00:00+08:00' } });
  await handMade({ grid: GRID_A, reportedAt: '2026-03-03T09:00:00+08:00', status: 'closed', source: 'resident', category: 'SJ0102',
    lead: { department: 'assisting', deadline: '2026-03-04T10:00:00+08:00', handledAt: '2026-03-05T10:00:00+08:00', reworks: 1, extended: true } });
  // Street B: one rejected, one just reported with time left; neither is a case to close yet.
  await handMade({ grid: GRID_B, reportedAt: '2026-03-03T23:30:00+08:00', status: 'rejected', source: 'grid_worker' });
  await handMade({ grid: GRID_B, reportedAt: '2026-03-04T08:00:00+08:00', status: 'reported', source: 'grid_worker', stepDeadline: tomorrow });
  // Outside the period (the day before it starts, China time), though closed: not counted.
  await handMade({ grid: GRID_A, reportedAt: '2026-02-28T23:59:00+08:00', status: 'closed', source: 'grid_worker' });
});
after(async () => context.close());

const dashboard = (query: Record<string, string>, as = fixture.sessions.leader) =>
  context.inject({ method: 'GET', url: '/api/dashboards/incidents', query, as });

test('a district leader sees the period’s incidents by day, category class, source and status', async () => {
  const response = await dashboard({ regionCode: '370303', from: '2026-03-01', to: '2026-03-04' });
  assert.equal(response.statusCode, 200, response.body);
  const body = response.json();
  assert.equal(body.region.code, '370303');
  assert.equal(body.totals.incidents, 5);
  assert.equal(body.totals.open, 2);
  assert.deepEqual(body.byDay.map((row: { day: string; incidents: number }) => [row.day, row.incidents]),
    [['2026-03-01', 0], ['2026-03-02', 2], ['2026-03-03', 2], ['2026-03-04', 1]]);
  const byCategory = Object.fromEntries(body.byCategory.map((row: { code: string | null; incidents: number }) => [row.code ?? 'none', row.incidents]));
  assert.deepEqual(byCategory, { BJ01: 2, SJ01: 1, none: 2 });
  const bySource = Object.fromEntries(body.bySource.map((row: { source: string; incidents: number }) => [row.source, row.incidents]));
  assert.deepEqual(bySource, { grid_worker: 3, hotline: 1, resident: 1 });
  const byStatus = Object.fromEntries(body.byStatus.map((row: { status: string; incidents: number }) => [row.status, row.incidents]));
  assert.deepEqual(byStatus, { closed: 2, handling: 1, rejected: 1, reported: 1 });
});

test('the rates follow the formulas: on-time handling, closure, rework and extension', async () => {
  const { totals } = (await dashboard({ regionCode: '370303', from: '2026-03-01', to: '2026-03-04' })).json();
  assert.deepEqual(
    { dueToClose: totals.dueToClose, closed: totals.closed, dispatched: totals.dispatched, dueToHandle: totals.dueToHandle,
      handledOnTime: totals.handledOnTime, handled: totals.handled, reworked: totals.reworked, extended: totals.extended, overdueOpen: totals.overdueOpen },
    { dueToClose: 3, closed: 2, dispatched: 3, dueToHandle: 3, handledOnTime: 1, handled: 2, reworked: 1, extended: 1, overdueOpen: 1 },
  );
  assert.deepEqual(totals.rates, { onTimeHandling: 0.3333, closure: 0.6667, rework: 0.5, extension: 0.3333 });
});

test('the overdue list, the streets ranked one level below, and the departments ranked', async () => {
  const body = (await dashboard({ regionCode: '370303', from: '2026-03-01', to: '2026-03-04' })).json();
  assert.equal(body.overdue.total, 1);
  assert.equal(body.overdue.items[0].id, overdueId);
  assert.ok(body.overdue.items[0].overdueHours > 24);
  assert.equal(body.regionRanking.level, 'street');
  const streets = body.regionRanking.items;
  assert.ok(streets.length > 2, 'every street of the district is ranked, those without incidents too');
  assert.equal(streets[0].code, STREET_A);
  assert.equal(streets[0].rank, 1);
  assert.deepEqual([streets[0].incidents, streets[0].rates.closure, streets[0].rates.onTimeHandling, streets[0].overdueOpen], [3, 0.6667, 0.3333, 1]);
  const streetB = streets.find((row: { code: string }) => row.code === STREET_B);
  assert.deepEqual([streetB.incidents, streetB.rates.closure, streetB.rates.onTimeHandling], [2, null, null]);
  assert.deepEqual(body.departmentRanking.map((row: { departmentId: number; dispatched: number; rates: { onTimeHandling: number } }) =>
    [row.departmentId, row.dispatched, row.rates.onTimeHandling]),
  [[fixture.departments.lead, 2, 0.5], [fixture.departments.assisting, 1, 0]]);
});

test('a street operator sees only their street, by its communities; a region outside it is not found', async () => {
  const own = await dashboard({ from: '2026-03-01', to: '2026-03-04' }, fixture.sessions.operator);
  assert.equal(own.statusCode, 200, own.body);
  const body = own.json();
  assert.equal(body.region.code, STREET_A);
  assert.equal(body.totals.incidents, 3);
  assert.equal(body.regionRanking.level, 'community');
  assert.equal(body.departmentRanking.length, 2);
  for (const regionCode of ['370303', STREET_B]) {
    const outside = await dashboard({ regionCode, from: '2026-03-01', to: '2026-03-04' }, fixture.sessions.operator);
    assert.equal(outside.statusCode, 404, `${regionCode}: ${outside.body}`);
  }
});

test('grid workers and department handlers have no dashboard; periods are checked', async () => {
  for (const session of [fixture.sessions.worker, fixture.sessions.handler]) {
    assert.equal((await dashboard({}, session)).statusCode, 403);
  }
  assert.equal((await dashboard({ from: '2026-03-05', to: '2026-03-01' })).json().code, 'dashboard.period_reversed');
  assert.equal((await dashboard({ from: '2025-01-01', to: '2026-03-01' })).json().code, 'dashboard.period_too_long');
  const defaults = (await dashboard({})).json();
  assert.equal(defaults.byDay.length, 30, 'the last 30 days by default');
});
