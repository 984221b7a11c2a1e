// Every way an incident comes in, each idempotent; placement by the GPS point; duplicates offered and merged.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import {
  act, actOk, buildIncidentFixture, GRID_A, IN_GRID_A, IN_GRID_B, newClientId, report, uploadPhoto, type IncidentFixture,
} from './support/incident-fixture.js';
import { startTestApp, type TestContext } from './support/test-app.js';

let context: TestContext;
let fixture: IncidentFixture;
let garbage: number;
let hotlineToken: string;

before(async () => {
  context = await startTestApp();
  fixture = await buildIncidentFixture(context);
  garbage = await fixture.categoryId('SJ0102');
  const token = await context.inject({ method: 'POST', url: '/api/api-tokens', payload: { name: '12345热线', regionCode: '370303', permissions: ['incident.intake'] } });
  assert.equal(token.statusCode, 201, token.body);
  hotlineToken = token.json().token;
});
after(async () => context.close());

const count = async (table: 'incidents' | 'incident_steps' | 'incident_attachments' | 'notifications') =>
  (await sql<{ count: number }>`SELECT count(*)::int AS count FROM ${sql.table(table)}`.execute(context.database.db)).rows[0]!.count;

test('the same report sent five times with one client id makes one incident', async () => {
  const before = { incidents: await count('incidents'), steps: await count('incident_steps') };
  const payload = { clientId: newClientId(), categoryId: garbage, description: '垃圾桶满溢', ...IN_GRID_A };
  const responses = [];
  for (let attempt = 0; attempt < 5; attempt += 1) {
    responses.push(await context.inject({ method: 'POST', url: '/api/incidents', as: fixture.sessions.worker, payload }));
  }
  assert.deepEqual(responses.map((response) => response.statusCode), [201, 200, 200, 200, 200]);
  assert.equal(new Set(responses.map((response) => response.json().id)).size, 1);
  assert.equal(await count('incidents'), before.incidents + 1);
  assert.equal(await count('incident_steps'), before.steps + 1);

  // concurrently, too
  const concurrent = { ...payload, clientId: newClientId() };
  const raced = await Promise.all(Array.from({ length: 5 }, () => context.inject({ method: 'POST', url: '/api/incidents', as: fixture.sessions.worker, payload: concurrent })));
  assert.equal(new Set(raced.map((response) => response.json().id)).size, 1);
  assert.equal(raced.filter((response) => response.statusCode === 201).length, 1);

  const photo = await uploadPhoto(context, fixture.sessions.worker, responses[0]!.json().id, 'before', 9);
  const again = await uploadPhoto(context, fixture.sessions.worker, responses[0]!.json().id, 'before', 9);
  assert.equal(again, photo, 'a retried photo upload is the same attachment');

  const stolen = await context.inject({ method: 'POST', url: '/api/incidents', as: fixture.sessions.operator, payload });
  assert.equal(stolen.statusCode, 409, 'another user cannot claim a client id');
  assert.equal(stolen.json().code, 'incident.client_id_reused');
});

test('the point sets grid, community, street and district; outside every grid goes to the nearest center, flagged', async () => {
  const inside = (await report(context, fixture.sessions.operator, { categoryId: garbage })).json();
  assert.equal(inside.gridCode, GRID_A);
  const placed = await sql<{ community: string; street: string; district: string }>`
    SELECT c.code AS community, s.code AS street, d.code AS district FROM incidents i
    JOIN regions c ON c.id = i.community_id JOIN regions s ON s.id = i.street_id JOIN regions d ON d.id = i.district_id
    WHERE i.id = ${inside.id}`.execute(context.database.db);
  assert.deepEqual(placed.rows[0], { community: '370303001001', street: '370303001', district: '370303' });

  // in street A's area but in no grid
  const outside = await report(context, fixture.sessions.operator, { lon: 118.04, lat: 36.84 });
  assert.equal(outside.statusCode, 201, outside.body);
  assert.equal(outside.json().flaggedOutsideGrids, true);
  assert.equal(outside.json().gridCode, null);
  assert.equal(outside.json().centerName, '车站街道社会治理中心');
  // nearer to street B's boundary than to A's
  const nearB = await report(context, fixture.sessions.otherOperator, { lon: 118.09, lat: 36.82 });
  assert.equal(nearB.statusCode, 201, nearB.body);
  assert.equal(nearB.json().centerName, '公园街道社会治理中心');

  const foreign = await report(context, fixture.sessions.operator, IN_GRID_B);
  assert.equal(foreign.statusCode, 403, 'an operator reports only inside their own region');
  assert.equal(foreign.json().code, 'incident.outside_jurisdiction');
});

test('a hotline work order comes in once per order number, with the hotline’s deadline capping the department’s', async () => {
  const order = {
    orderNumber: 'ZB12345-20261123-0001', deadline: new Date(Date.now() + 2 * 3_600_000).toISOString(),
    description: '市民来电反映小区门口垃圾无人清运', categoryCode: 'SJ0102', ...IN_GRID_A, callerName: '王女士', callerPhone: '13912345678',
  };
  const headers = { authorization: `Bearer ${hotlineToken}` };
  const first = await context.inject({ method: 'POST', url: '/api/intake/hotline', headers, payload: order, as: null });
  assert.equal(first.statusCode, 201, first.body);
  const second = await context.inject({ method: 'POST', url: '/api/intake/hotline', headers, payload: order, as: null });
  assert.equal(second.statusCode, 200);
  assert.equal(second.json().incidentId, first.json().incidentId);
  const incidentId = first.json().incidentId;
  const detail = (await context.inject({ method: 'GET', url: `/api/incidents/${incidentId}`, as: fixture.sessions.operator })).json();
  assert.equal(detail.source, 'hotline');
  assert.equal(detail.hotlineOrderNumber, order.orderNumber);
  assert.equal(detail.reporterPhoneMasked, '139****5678');
  await actOk(context, fixture.sessions.operator, incidentId, { action: 'register' });
  const dispatched = await actOk(context, fixture.sessions.operator, incidentId, { action: 'dispatch', leadDepartmentId: fixture.departments.lead });
  assert.ok(new Date(dispatched.assignments[0].deadline) <= new Date(order.deadline), 'never later than the hotline’s own deadline');

  const invalid = await context.inject({ method: 'POST', url: '/api/intake/hotline', headers, payload: { orderNumber: 'X', description: '缺时限' }, as: null });
  assert.equal(invalid.statusCode, 400);
  assert.equal(invalid.json().code, 'request.invalid');
});

test('a department refers a matter it met to the center', async () => {
  const referred = await report(context, fixture.sessions.handler, { description: '巡查中发现绿地内违规堆放建材' });
  assert.equal(referred.statusCode, 201, referred.body);
  assert.equal(referred.json().source, 'department_referral');
  assert.equal(referred.json().centerName, '车站街道社会治理中心');
  const mine = (await context.inject({ method: 'GET', url: '/api/incidents?queue=mine', as: fixture.sessions.handler })).json();
  assert.ok(mine.items.some((item: { id: number }) => item.id === referred.json().id), 'the referring department follows it');
  const inbox = (await context.inject({ method: 'GET', url: '/api/incidents?queue=center&source=department_referral', as: fixture.sessions.operator })).json();
  assert.deepEqual(inbox.items.map((item: { id: number }) => item.id), [referred.json().id]);
});

test('a resident reports without an account and follows the incident by a tracking code', async () => {
  const response = await context.inject({
    method: 'POST', url: '/api/public/incidents', as: null,
    payload: { clientId: newClientId(), description: '路灯不亮', ...IN_GRID_A, anonymous: true },
  });
  assert.equal(response.statusCode, 201, response.body);
  const { trackingCode } = response.json();
  assert.match(trackingCode, /^[A-Z2-9]{10}$/);
  const progress = await context.inject({ method: 'GET', url: `/api/public/incidents/${trackingCode}`, as: null });
  assert.equal(progress.statusCode, 200);
  assert.equal(progress.json().status, 'reported');
  assert.ok(!progress.body.includes('车站街道'), 'no names of people or offices in the public view');
  assert.equal((await context.inject({ method: 'GET', url: '/api/public/incidents/AAAAAAAAAA', as: null })).statusCode, 404);
});

test('reports of the same subclass nearby are offered for merging; every reporter follows the merged incident', async () => {
  const first = (await report(context, fixture.sessions.worker, { categoryId: garbage, description: '桥下有垃圾堆' })).json();
  const resident = await context.inject({
    method: 'POST', url: '/api/public/incidents', as: null,
    payload: { clientId: newClientId(), categoryId: garbage, description: '桥下垃圾很臭', lon: IN_GRID_A.lon + 0.0003, lat: IN_GRID_A.lat, name: '李先生', phone: '13800001234' },
  });
  const duplicateId = (await sql<{ id: number }>`SELECT max(id) AS id FROM incidents`.execute(context.database.db)).rows[0]!.id;
  const view = (await context.inject({ method: 'GET', url: `/api/incidents/${duplicateId}`, as: fixture.sessions.operator })).json();
  const offered = view.possibleDuplicates.find((duplicate: { id: number }) => duplicate.id === first.id);
  assert.ok(offered, JSON.stringify(view.possibleDuplicates));
  assert.ok(offered.distanceMetres > 10 && offered.distanceMetres < 40, `${offered.distanceMetres} m`);
  const merged = await actOk(context, fixture.sessions.operator, duplicateId, { action: 'merge', targetIncidentId: first.id });
  assert.equal(merged.status, 'merged');
  assert.equal(merged.mergedIntoIncidentId, first.id);
  const target = (await context.inject({ method: 'GET', url: `/api/incidents/${first.id}`, as: fixture.sessions.operator })).json();
  assert.equal(target.reporterCount, 2);
  assert.equal(target.steps.at(-1).action, 'merge');
  const progress = (await context.inject({ method: 'GET', url: `/api/public/incidents/${resident.json().trackingCode}`, as: null })).json();
  assert.equal(progress.code, target.code, 'the resident now follows the incident it was merged into');
  const self = await act(context, fixture.sessions.operator, first.id, { action: 'merge', targetIncidentId: first.id });
  assert.equal(self.json().code, 'incident.merge_target');
});

test('bad input is refused with a clear error and stores nothing', async () => {
  const before = await count('incidents');
  const cases: [Record<string, unknown>, string][] = [
    [{ clientId: 'x', description: '短编号', ...IN_GRID_A }, 'request.invalid'],
    [{ clientId: newClientId(), description: '', ...IN_GRID_A }, 'request.invalid'],
    [{ clientId: newClientId(), description: '经纬度不在中国', lon: 2.35, lat: 48.85 }, 'request.invalid'],
    [{ clientId: newClientId(), description: '大类不能用', categoryId: await fixture.categoryId('SJ01'), ...IN_GRID_A }, 'incident.category_not_found'],
  ];
  for (const [payload, code] of cases) {
    const response = await context.inject({ method: 'POST', url: '/api/incidents', as: fixture.sessions.worker, payload });
    assert.equal(response.statusCode, 400, response.body);
    assert.equal(response.json().code, code);
  }
  const text = Buffer.from('not an image at all');
  const boundary = 'b0undary';
  const upload = await context.inject({
    method: 'POST', url: `/api/incidents/1/attachments`, as: fixture.sessions.worker,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nbefore\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), text, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
  assert.equal(upload.json().code, 'attachment.unsupported_type');
  assert.equal(await count('incidents'), before);
});
