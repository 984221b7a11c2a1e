// Derived from the server's own route table: every route is called by an anonymous caller and by users of
// another jurisdiction, and must answer 401/403/404 (or, for a listing, show nothing of the other
// jurisdiction) and change nothing. A new route is picked up automatically; a new write route makes this
// test fail until it is given a sample body below.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { systemActor } from '@civicgrid/domain';
import { polygon, regionService } from './support/factories.js';
import { uploadPhoto } from './support/incident-fixture.js';
import sharp from 'sharp';
import { buildRegisterRecords, REGISTER_MARKERS, REGISTER_SAMPLE_BODIES, registerFingerprint, registerOwnUrls, registerPathValue, type RegisterIds } from './support/register-fixture.js';
import { startTestApp, type Session, type TestContext } from './support/test-app.js';

const A_STREET = '370303001';
const A_COMMUNITY = '370303001001';
const A_GRID = '370303001001001';
const B_GRID = '370302001001001';
const A_GRID_POINT = { lon: 118.005, lat: 36.805 };
const VALID_PASSWORD = 'Zibo#2026-safe';
// Strings that belong to jurisdiction A only: none may appear in an answer to a user of B.
const A_MARKERS = [A_GRID, A_STREET, 'a.operator', '张店热线令牌', '甲楼', '甲居民', '甲部门', '甲推送', '甲事件描述', '甲指令', '甲摄像头', '甲巡查', '甲走访', ...REGISTER_MARKERS];

let context: TestContext;
let otherUsers: [string, Session][];
let registerIds: RegisterIds;
const ids = { building: 0, household: 0, person: 0, user: 0, token: 0, gridMember: 0, incident: 0, attachment: 0, department: 0, webhook: 0, category: 0, directive: 0, directiveTarget: 0, camera: 0, importJob: 0, patrol: 0, visit: 0, visitPhoto: 0 };

before(async () => {
  context = await startTestApp();
  await regionService(context.database).importCity(systemActor('test'), '370300', { districtCodes: ['370303', '370302'] });
  const admin = (options: Parameters<TestContext['inject']>[0]) => context.inject(options);
  for (const [code, name, box] of [[A_GRID, '甲网格', polygon(118.0, 36.8, 118.01, 36.81)], [B_GRID, '乙网格', polygon(117.9, 36.7, 117.91, 36.71)]] as const) {
    const created = await admin({ method: 'POST', url: '/api/grids', payload: { code, name, boundary: box } });
    assert.equal(created.statusCode, 201, created.body);
  }
  ids.building = (await admin({ method: 'POST', url: '/api/buildings', payload: { name: '甲楼', ...A_GRID_POINT } })).json().id;
  const household = await sql<{ householdId: number; personId: number }>`
    WITH house AS (INSERT INTO houses (building_id, number) VALUES (${ids.building}, '101') RETURNING id),
    household AS (INSERT INTO households (house_id, grid_id) SELECT house.id, b.grid_id FROM house, buildings b WHERE b.id = ${ids.building} RETURNING id, grid_id),
    person AS (INSERT INTO persons (grid_id, name, residency, id_number, mobile, household_id)
               SELECT grid_id, '甲居民', 'registered', '370303199001011234', '13800001111', id FROM household RETURNING id)
    SELECT (SELECT id FROM household) AS "householdId", (SELECT id FROM person) AS "personId"`.execute(context.database.db);
  ids.household = household.rows[0]!.householdId;
  ids.person = household.rows[0]!.personId;
  ids.gridMember = (await admin({ method: 'POST', url: `/api/grids/${A_GRID}/members`, payload: { name: '甲网格员', role: 'full_time_grid_worker' } })).json().gridMemberId;
  ids.user = await context.createUser('a.operator', { role: 'district_operator', regionCode: '370303' });
  ids.token = (await admin({ method: 'POST', url: '/api/api-tokens', payload: { name: '张店热线令牌', regionCode: A_STREET, permissions: ['grid.read'] } })).json().id;

  await sql`INSERT INTO centers (region_id, name) SELECT id, name || '中心' FROM regions WHERE code IN ('370300', '370303', ${A_STREET})`.execute(context.database.db);
  ids.department = (await admin({ method: 'POST', url: '/api/departments', payload: { name: '甲部门', regionCode: '370303' } })).json().id;
  const aOperator = await context.loginAs('a.operator');
  const incident = await admin({ method: 'POST', url: '/api/incidents', as: aOperator, payload: { clientId: 'a-incident-0001', description: '甲事件描述', ...A_GRID_POINT } });
  assert.equal(incident.statusCode, 201, incident.body);
  ids.incident = incident.json().id;
  ids.attachment = await uploadPhoto(context, aOperator, ids.incident, 'before');
  ids.webhook = (await admin({ method: 'POST', url: '/api/webhooks', payload: { name: '甲推送', url: 'http://127.0.0.1:9/a', regionCode: A_STREET } })).json().id;
  ids.category = (await sql<{ id: number }>`SELECT min(id) AS id FROM incident_categories`.execute(context.database.db)).rows[0]!.id;
  ids.directive = (await admin({ method: 'POST', url: '/api/directives', as: aOperator, payload: { title: '甲指令', content: '甲指令内容', regionCode: A_STREET, dueAt: '2099-01-01T00:00:00Z' } })).json().id;
  ids.directiveTarget = (await sql<{ id: number }>`SELECT min(id) AS id FROM directive_targets WHERE directive_id = ${ids.directive}`.execute(context.database.db)).rows[0]!.id;
  ids.camera = (await admin({ method: 'POST', url: '/api/cameras', as: aOperator, payload: { name: '甲摄像头', ...A_GRID_POINT } })).json().id;
  const boundary = 'route-access-boundary';
  const csv = `姓名,人口类型,所属网格\n甲导入,户籍人口,${A_GRID}\n`;
  const imported = await admin({
    method: 'POST', url: '/api/imports/persons', as: aOperator, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\nskip_invalid\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="甲导入.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
  });
  assert.equal(imported.statusCode, 202, imported.body);
  ids.importJob = imported.json().id;

  registerIds = await buildRegisterRecords(context, aOperator, { gridCode: A_GRID, point: A_GRID_POINT, personId: ids.person, householdId: ids.household });
  await buildFieldWork();

  const bMember = (await admin({ method: 'POST', url: `/api/grids/${B_GRID}/members`, payload: { name: '乙网格员', role: 'full_time_grid_worker' } })).json().gridMemberId;
  await context.createUser('b.operator', { role: 'district_operator', regionCode: '370302' });
  await context.createUser('b.admin', { role: 'administrator', regionCode: '370302' });
  await context.createUser('b.worker', { role: 'grid_worker', gridMemberId: bMember, gridCodes: [B_GRID] });
  await context.createUser('b.leader', { role: 'leader', regionCode: '370302' });
  otherUsers = [];
  for (const username of ['b.operator', 'b.admin', 'b.worker', 'b.leader']) otherUsers.push([username, await context.loginAs(username)]);
});
after(async () => context.close());

/** A's grid worker on the street: a patrol, a visit to A's person and its photo. */
async function buildFieldWork() {
  await context.createUser('a.worker', { role: 'grid_worker', gridMemberId: ids.gridMember, gridCodes: [A_GRID] });
  const aWorker = await context.loginAs('a.worker');
  const patrol = await context.inject({
    method: 'POST', url: '/api/patrols', as: aWorker,
    payload: { clientId: 'a-patrol-0001', startedAt: '2026-01-01T00:00:00Z', endedAt: '2026-01-01T00:02:00Z', note: '甲巡查', points: [
      { ...A_GRID_POINT, at: '2026-01-01T00:00:00Z' }, { lon: A_GRID_POINT.lon, lat: A_GRID_POINT.lat + 0.001, at: '2026-01-01T00:01:00Z' },
    ] },
  });
  assert.equal(patrol.statusCode, 201, patrol.body);
  ids.patrol = patrol.json().id;
  const visit = await context.inject({
    method: 'POST', url: '/api/visits', as: aWorker,
    payload: { clientId: 'a-visit-0001', targetKind: 'person', targetId: ids.person, visitedAt: new Date().toISOString(), note: '甲走访' },
  });
  assert.equal(visit.statusCode, 201, visit.body);
  ids.visit = visit.json().id;
  const boundary = 'route-access-visit-boundary';
  const image = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#804020' } }).png().toBuffer();
  const photo = await context.inject({
    method: 'POST', url: `/api/visits/${ids.visit}/photos`, as: aWorker, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`), image, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  assert.equal(photo.statusCode, 201, photo.body);
  ids.visitPhoto = photo.json().id;
}

function samplePath(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    if (name === 'code') return url.startsWith('/api/regions') ? (url.includes('/grids/import') ? A_COMMUNITY : A_STREET) : A_GRID;
    if (name === 'gridMemberId') return String(ids.gridMember);
    const registerValue = registerPathValue(name, url, registerIds, ids.person);
    if (registerValue !== undefined) return registerValue;
    if (name === 'day') return '2026-10-01';
    // the z12 map tile holding A's grid
    if (name === 'z' || name === 'x' || name === 'y') return { z: '12', x: '3390', y: '1597' }[name];
    if (name === 'targetId') return String(ids.directiveTarget);
    if (name === 'photoId') return String(ids.visitPhoto);
    if (name === 'id') {
      const byResource: Record<string, number> = {
        buildings: ids.building, households: ids.household, persons: ids.person, users: ids.user, 'api-tokens': ids.token,
        incidents: ids.incident, attachments: ids.attachment, departments: ids.department, webhooks: ids.webhook,
        'incident-categories': ids.category, notifications: 1, directives: ids.directive, cameras: ids.camera, imports: ids.importJob,
        patrols: ids.patrol, visits: ids.visit,
      };
      const resource = url.split('/')[2]!;
      if (byResource[resource] !== undefined) return String(byResource[resource]);
    }
    throw new Error(`no sample value for :${name} in ${url}: add one to samplePath`);
  });
}

// Query strings that point into A; extra keys are ignored by routes that do not take them.
const SAMPLE_QUERY = { regionCode: A_STREET, parentCode: A_STREET, ...A_GRID_POINT };
// Query strings one route needs to answer at all: a grid worker of B searching for A's person.
const ROUTE_QUERIES: Record<string, Record<string, string>> = { 'GET /api/field/search': { q: '甲居民' } };

// Importing is done in one's own jurisdiction (every row is checked against it): a user of B holding
// base_data.manage may call the route, and without a file gets a 400 that changes nothing. A patrol is the
// caller's own, in their own grids: B's grid worker may record one, and with a patrol ending before it starts gets
// a 400 that changes nothing. Each such route, with the code of its 400.
const OWN_JURISDICTION_WRITES = new Map([['POST /api/imports/persons', 'import.not_multipart'], ['POST /api/patrols', 'request.invalid']]);

const SAMPLE_BODIES: Record<string, unknown> = {
  'POST /api/imports/persons': undefined,
  ...REGISTER_SAMPLE_BODIES,
  'POST /api/regions/import': { cityCode: '370300' },
  'PUT /api/regions/:code/boundary': polygon(118.0, 36.8, 118.02, 36.81),
  'POST /api/grids': { code: `${A_COMMUNITY}009`, name: '入侵网格', boundary: polygon(118.02, 36.8, 118.03, 36.81) },
  'PATCH /api/grids/:code': { name: '改名' },
  'DELETE /api/grids/:code': undefined,
  'POST /api/regions/:code/grids/import': { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: A_GRID, name: '改' }, geometry: polygon(118.0, 36.8, 118.01, 36.81) }] },
  'POST /api/grids/:code/members': { name: '入侵者', role: 'volunteer' },
  'DELETE /api/grids/:code/members/:gridMemberId': undefined,
  'POST /api/buildings': { name: '入侵楼', ...A_GRID_POINT },
  'POST /api/persons/:id/reveal': { reason: '越权查看' },
  'POST /api/users': { username: 'intruder', displayName: '入侵者', role: 'street_operator', regionCode: A_STREET, password: VALID_PASSWORD },
  'PATCH /api/users/:id': { disabled: true },
  'POST /api/users/:id/password': { password: VALID_PASSWORD },
  'POST /api/users/:id/sessions/revoke': undefined,
  'POST /api/api-tokens': { name: '入侵令牌', regionCode: A_STREET, permissions: ['grid.read'] },
  'POST /api/api-tokens/:id/revoke': undefined,
  'POST /api/incidents': { clientId: 'intruder-0001', description: '越权上报', ...A_GRID_POINT },
  'POST /api/incidents/:id/actions': { action: 'comment', note: '越权留言' },
  'POST /api/incidents/:id/attachments': undefined,
  'POST /api/intake/hotline': { orderNumber: 'HX-INTRUDE', deadline: '2030-01-01T00:00:00Z', description: '越权工单', ...A_GRID_POINT },
  'POST /api/incident-categories': { code: 'SJ99', name: '越权分类', kind: 'event' },
  'PATCH /api/incident-categories/:id': { name: '越权改名' },
  'POST /api/departments': { name: '越权部门', regionCode: A_STREET },
  'PATCH /api/departments/:id': { name: '越权改名' },
  'PUT /api/working-calendar/days/:day': { isWorkingDay: true },
  'DELETE /api/working-calendar/days/:day': undefined,
  'PUT /api/step-time-limits': { level: 'street', step: 'register', timeLimit: 1, timeLimitUnit: 'working_hours' },
  'POST /api/all-clears': { clientId: 'intruder-0002', gridCode: A_GRID },
  'POST /api/webhooks': { name: '越权推送', url: 'http://127.0.0.1:9/x', regionCode: A_STREET },
  'POST /api/webhooks/:id/deactivate': undefined,
  'POST /api/directives': { title: '越权指令', content: '越权', regionCode: A_STREET, dueAt: '2099-01-01T00:00:00Z' },
  'POST /api/directives/:id/targets/:targetId/complete': { note: '越权完成' },
  'POST /api/cameras': { name: '越权点位', ...A_GRID_POINT },
  'PATCH /api/cameras/:id': { name: '越权改名' },
  'DELETE /api/cameras/:id': undefined,
  'POST /api/patrols': { clientId: 'intruder-patrol-0001', startedAt: '2026-01-01T00:10:00Z', endedAt: '2026-01-01T00:00:00Z', points: [] },
  // A's person exists only once before() has run
  get 'POST /api/visits'() {
    return {
      clientId: 'intruder-visit-0001', targetKind: 'person', targetId: ids.person, visitedAt: '2026-01-01T00:00:00Z', note: '越权走访',
      corrections: { baseVersion: 1, fields: { mobile: { from: '138****1111', to: '13900009999' } } },
    };
  },
  'POST /api/visits/:id/photos': undefined,
};

async function fingerprint(): Promise<string> {
  const result = await sql<{ fingerprint: string }>`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(concat_ws(',', code, name, md5(coalesce(ST_AsText(boundary), ''))), ';' ORDER BY code) FROM regions),
      (SELECT string_agg(concat_ws(',', code, name, household_target, contact_channel, ST_AsText(boundary)), ';' ORDER BY code) FROM grids),
      (SELECT string_agg(concat_ws(',', grid_member_id, grid_id, role), ';' ORDER BY id) FROM grid_member_assignments),
      (SELECT string_agg(concat_ws(',', id, grid_id, name), ';' ORDER BY id) FROM buildings),
      (SELECT string_agg(concat_ws(',', id, grid_id, name, id_number), ';' ORDER BY id) FROM persons),
      (SELECT string_agg(concat_ws(',', id, username, password_hash, disabled, display_name), ';' ORDER BY id) FROM users),
      (SELECT string_agg(concat_ws(',', user_id, grid_id), ';' ORDER BY user_id, grid_id) FROM user_grids),
      (SELECT string_agg(concat_ws(',', id, name, revoked_at), ';' ORDER BY id) FROM api_tokens),
      (SELECT count(*) FROM sessions WHERE revoked_at IS NOT NULL)::text,
      (SELECT string_agg(concat_ws(',', id, status, version, center_id, description), ';' ORDER BY id) FROM incidents),
      (SELECT count(*) FROM incident_steps)::text,
      (SELECT count(*) FROM incident_attachments)::text,
      (SELECT string_agg(concat_ws(',', id, name, time_limit, enabled), ';' ORDER BY id) FROM incident_categories),
      (SELECT string_agg(concat_ws(',', id, name, disabled), ';' ORDER BY id) FROM departments),
      (SELECT string_agg(concat_ws(',', day, is_working_day), ';' ORDER BY day) FROM working_calendar_days),
      (SELECT string_agg(concat_ws(',', id, time_limit), ';' ORDER BY id) FROM step_time_limits),
      (SELECT count(*) FROM daily_all_clears)::text,
      (SELECT string_agg(concat_ws(',', id, active, region_id), ';' ORDER BY id) FROM webhook_subscriptions),
      (SELECT string_agg(concat_ws(',', id, title, status), ';' ORDER BY id) FROM directives),
      (SELECT string_agg(concat_ws(',', id, state, result_note), ';' ORDER BY id) FROM directive_targets),
      (SELECT string_agg(concat_ws(',', id, name, status, grid_id), ';' ORDER BY id) FROM cameras),
      (SELECT count(*) FROM import_jobs)::text,
      (SELECT count(*) FROM patrols)::text, (SELECT count(*) FROM visits)::text, (SELECT count(*) FROM visit_photos)::text,
      (SELECT string_agg(concat_ws(',', id, last_visited_at), ';' ORDER BY id) FROM persons), ${registerFingerprint()})) AS fingerprint`.execute(context.database.db);
  return result.rows[0]!.fingerprint;
}

const call = (route: { method: string; url: string }, as: Session | null) =>
  context.inject({
    method: route.method as 'GET', url: samplePath(route.url),
    query: { ...Object.fromEntries(Object.entries(SAMPLE_QUERY).map(([key, value]) => [key, String(value)])), ...ROUTE_QUERIES[`${route.method} ${route.url}`] },
    payload: SAMPLE_BODIES[`${route.method} ${route.url}`] as object, as,
  });

test('the route table is complete: every write route has a sample body here', () => {
  const routes = context.app.routeTable.filter((route) => route.access !== 'public' && route.access !== 'authenticated' && route.method !== 'GET');
  assert.ok(routes.length >= 15);
  for (const route of routes) assert.ok(`${route.method} ${route.url}` in SAMPLE_BODIES, `add a sample body for ${route.method} ${route.url}`);
});

test('an anonymous caller gets 401 from every route that is not public, and changes nothing', async () => {
  const before = await fingerprint();
  const routes = context.app.routeTable.filter((route) => route.access !== 'public');
  assert.ok(routes.length >= 25, `only ${routes.length} routes`);
  for (const route of routes) {
    const response = await call(route, null);
    assert.equal(response.statusCode, 401, `${route.method} ${route.url}: ${response.body}`);
  }
  assert.equal(await fingerprint(), before);
});

test('users of another jurisdiction get 401/403/404 (or nothing of A in a listing) from every route, and change nothing', async () => {
  const before = await fingerprint();
  // Routes open to any signed-in user act on that user alone (me, logout, own password).
  const routes = context.app.routeTable.filter((route) => route.access !== 'public' && route.access !== 'authenticated');
  for (const [username, session] of otherUsers) {
    for (const route of routes) {
      const response = await call(route, session);
      const label = `${username}: ${route.method} ${route.url} → ${response.statusCode} ${response.body.slice(0, 200)}`;
      if (response.statusCode === 200) {
        assert.equal(route.method, 'GET', label);
        for (const marker of A_MARKERS) assert.ok(!response.body.includes(marker), `${label} shows ${marker}`);
      } else if (response.statusCode === 400 && OWN_JURISDICTION_WRITES.has(`${route.method} ${route.url}`)) {
        assert.equal(response.json().code, OWN_JURISDICTION_WRITES.get(`${route.method} ${route.url}`), label);
      } else {
        assert.ok([401, 403, 404].includes(response.statusCode), label);
      }
    }
  }
  assert.equal(await fingerprint(), before);
});

test('the same calls made by a user of A do reach A’s records (the samples are not simply wrong)', async () => {
  const own = await context.loginAs('a.operator');
  for (const url of [`/api/grids/${A_GRID}`, `/api/regions/${A_STREET}`, `/api/buildings/${ids.building}`, `/api/persons/${ids.person}`, `/api/households/${ids.household}`, ...registerOwnUrls(registerIds, ids.person),
    `/api/visits/${ids.visit}`, `/api/visits/${ids.visit}/photos/${ids.visitPhoto}/thumbnail`, `/api/patrols/${ids.patrol}/track.geojson`]) {
    const response = await context.inject({ url, as: own });
    assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
  }
  const located = await context.inject({ url: '/api/grids/locate', query: { lon: '118.005', lat: '36.805' }, as: own });
  assert.equal(located.json().grid.code, A_GRID);
});
