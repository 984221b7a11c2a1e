// 走访 from the grid worker app: a visit lands with its register corrections (settled field by field against the
// record as it is now) and its directive task in one transaction or not at all; a retry returns the same visit; its
// photos are deduplicated like incident photos; and everything stays inside the worker's grids.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import sharp from 'sharp';
import { buildFieldWorkFixture, chinaDay, countRows, GRID_A, visitBody, type FieldWorkFixture } from './support/field-work-fixture.js';
import { STREET_A } from './support/incident-fixture.js';
import { startTestApp, type Session, type TestContext } from './support/test-app.js';

let context: TestContext;
let fixture: FieldWorkFixture;
let firstVisit: { id: number; body: ReturnType<typeof visitBody> };

before(async () => {
  context = await startTestApp();
  fixture = await buildFieldWorkFixture(context);
});
after(async () => context.close());

const get = (url: string, as: Session) => context.inject({ method: 'GET', url, as });
const visit = (as: Session, payload: object) => context.inject({ method: 'POST', url: '/api/visits', as, payload });

async function personRow(id: number) {
  const result = await sql<{ mobile: string | null; workplace: string | null; occupation: string | null; version: number; nextVisitOn: string | null; lastVisitedAt: Date | null }>`
    SELECT mobile, workplace, occupation, version, next_visit_on AS "nextVisitOn", last_visited_at AS "lastVisitedAt" FROM persons WHERE id = ${id}`.execute(context.database.db);
  return result.rows[0]!;
}

test('a visit correcting a person’s phone writes it as a new version with a history entry from the visit; a retry returns the same visit and writes nothing', async () => {
  const body = visitBody('person', fixture.personDue, {
    lon: 118.005, lat: 36.805,
    // the phone showed the number masked, as every person view does
    corrections: { baseVersion: 1, fields: { mobile: { from: '138****0001', to: '139 0000 0002' } } },
  });
  const response = await visit(fixture.sessions.worker, body);
  assert.equal(response.statusCode, 201, response.body);
  const stored = response.json();
  assert.deepEqual(stored.corrections, { applied: ['mobile'], unchanged: [], conflicts: [], version: 2 });
  assert.deepEqual([stored.targetKind, stored.targetId, stored.targetLabel, stored.gridCode, stored.visitorName, stored.lon, stored.lat],
    ['person', fixture.personDue, '张建国', GRID_A, '甲网格员', 118.005, 36.805]);
  const person = await personRow(fixture.personDue);
  assert.deepEqual([person.mobile, person.version], ['13900000002', 2]);
  assert.ok(person.lastVisitedAt, 'the visit is the person’s last visit');

  const history = (await get(`/api/persons/${fixture.personDue}/history`, fixture.sessions.operator)).json();
  assert.deepEqual([history[0].source, history[0].sourceLabel, history[0].changedBy.name], ['visit', '走访更正', 'worker']);
  assert.deepEqual(history[0].changes.map((change: { field: string; before: string; after: string }) => [change.field, change.before, change.after]),
    [['mobile', '138****0001', '139****0002']]);

  const [visits, changes] = [await countRows(context, 'visits'), await countRows(context, 'record_changes')];
  const again = await visit(fixture.sessions.worker, body);
  assert.equal(again.statusCode, 200);
  assert.deepEqual(again.json(), stored);
  assert.deepEqual([await countRows(context, 'visits'), await countRows(context, 'record_changes'), (await personRow(fixture.personDue)).version], [visits, changes, 2]);
  firstVisit = { id: stored.id, body };

  const due = (await get('/api/field/visits-due', fixture.sessions.worker)).json();
  assert.ok(!due.items.some((item: { targetId: number; targetKind: string }) => item.targetKind === 'person' && item.targetId === fixture.personDue),
    'visited since it fell due: no longer due');
});

test('a correction of a field someone changed meanwhile keeps their value and is reported; the worker’s other fields still apply', async () => {
  const edited = await context.inject({ method: 'PATCH', url: `/api/persons/${fixture.personDue}`, as: fixture.sessions.operator, payload: { version: 2, workplace: '淄博银行' } });
  assert.equal(edited.statusCode, 200, edited.body);
  // recorded offline at version 1, before both the phone correction above and the operator's edit
  const response = await visit(fixture.sessions.worker, visitBody('person', fixture.personDue, {
    corrections: {
      baseVersion: 1,
      fields: {
        mobile: { from: '138****0001', to: '13900000002' },
        workplace: { from: '齐鲁石化', to: '华为淄博' },
        occupation: { from: null, to: '工程师' },
      },
    },
  }));
  assert.equal(response.statusCode, 201, response.body);
  assert.deepEqual(response.json().corrections, {
    applied: ['occupation'], unchanged: ['mobile'],
    conflicts: [{ field: 'workplace', from: '齐鲁石化', to: '华为淄博', current: '淄博银行' }],
    version: 4,
  });
  const person = await personRow(fixture.personDue);
  assert.deepEqual([person.workplace, person.occupation, person.mobile, person.version], ['淄博银行', '工程师', '13900000002', 4]);
});

test('bad visits are refused with a stable code and write nothing at all; a worker cannot visit outside their grids', async () => {
  const before = [await countRows(context, 'visits'), await countRows(context, 'record_changes'), (await personRow(fixture.personDue)).version];
  const refused = async (as: Session, body: object, status: number, code: string) => {
    const response = await visit(as, body);
    assert.equal(response.statusCode, status, response.body);
    assert.equal(response.json().code, code);
  };
  await refused(fixture.sessions.worker, visitBody('person', fixture.personDue, { corrections: { baseVersion: 4, fields: { name: { from: '张建国', to: '张健国' } } } }),
    400, 'visit.field_not_correctable');
  // the register refuses the value, so the visit itself is not kept either
  await refused(fixture.sessions.worker, visitBody('person', fixture.personDue, { corrections: { baseVersion: 4, fields: { mobile: { from: '139****0002', to: '电话坏了' } } } }),
    400, 'person.invalid');
  await refused(fixture.sessions.worker, visitBody('person', fixture.personElsewhere), 404, 'visit.target_not_found');
  await refused(fixture.sessions.worker, visitBody('person', 999_999), 404, 'visit.target_not_found');
  await refused(fixture.sessions.worker, visitBody('person', fixture.personDue, { note: '' }), 400, 'request.invalid');
  await refused(fixture.sessions.worker, visitBody('person', fixture.personDue, { directiveTargetId: 999_999 }), 404, 'directive.target_not_found');
  await refused(fixture.sessions.operator, visitBody('person', fixture.personDue), 403, 'access.denied');
  assert.deepEqual([await countRows(context, 'visits'), await countRows(context, 'record_changes'), (await personRow(fixture.personDue)).version], before);
  const other = await visit(fixture.sessions.otherWorker, firstVisit.body);
  assert.equal(other.statusCode, 409, 'another worker’s client id is not theirs to read');
});

test('a visit moves the next visit on by the interval the record implies, and starts the directive task it was made for', async () => {
  await sql`UPDATE persons SET last_visited_at = ${`${chinaDay(-30)}T04:00:00Z`}, next_visit_on = ${chinaDay(1)} WHERE id = ${fixture.personLater}`.execute(context.database.db);
  const directive = await context.inject({
    method: 'POST', url: '/api/directives', as: fixture.sessions.operator,
    payload: { title: '走访独居老人', content: '逐户走访', kind: 'visit', regionCode: STREET_A, dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
  });
  assert.equal(directive.statusCode, 201, directive.body);
  const task = (await get('/api/directives/mine', fixture.sessions.worker)).json().find((item: { directiveId: number }) => item.directiveId === directive.json().id);
  assert.equal(task.state, 'pending');

  const response = await visit(fixture.sessions.worker, visitBody('person', fixture.personLater, { directiveTargetId: task.targetId }));
  assert.equal(response.statusCode, 201, response.body);
  assert.equal(response.json().corrections, null);
  const person = await personRow(fixture.personLater);
  assert.equal(person.nextVisitOn, chinaDay(31), 'visited every 31 days: the next visit is 31 days from today');
  const history = (await get(`/api/persons/${fixture.personLater}/history`, fixture.sessions.operator)).json();
  assert.deepEqual([history[0].source, history[0].changes[0].field, history[0].changes[0].after], ['visit', 'nextVisitOn', chinaDay(31)]);
  const started = (await get('/api/directives/mine', fixture.sessions.worker)).json().find((item: { targetId: number }) => item.targetId === task.targetId);
  assert.equal(started.state, 'in_progress');

  const notTheirs = await visit(fixture.sessions.otherWorker, visitBody('person', fixture.personElsewhere, { directiveTargetId: task.targetId }));
  assert.equal(notTheirs.json().code, 'directive.target_not_found');
});

test('a visit to a house corrects its use through the house register', async () => {
  const response = await visit(fixture.sessions.worker, visitBody('house', fixture.house, {
    corrections: { baseVersion: 1, fields: { use: { from: 'self_occupied', to: 'rented' } } },
  }));
  assert.equal(response.statusCode, 201, response.body);
  assert.deepEqual(response.json().corrections, { applied: ['use'], unchanged: [], conflicts: [], version: 2 });
  assert.equal(response.json().targetLabel, '甲楼-1-101');
  const house = (await get(`/api/houses/${fixture.house}`, fixture.sessions.operator)).json();
  assert.deepEqual([house.use, house.version], ['rented', 2]);
  const history = (await get(`/api/houses/${fixture.house}/history`, fixture.sessions.operator)).json();
  assert.equal(history[0].source, 'visit');
});

async function uploadPhoto(as: Session, visitId: number, bytes: Buffer) {
  const boundary = '----civicgrid-visit-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="visit.png"\r\nContent-Type: image/png\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return context.inject({ method: 'POST', url: `/api/visits/${visitId}/photos`, as, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

test('a visit’s photo is stored once however often it is sent, shown with the visit, and only to those who may see the visit', async () => {
  const png = await sharp({ create: { width: 80, height: 60, channels: 3, background: { r: 30, g: 140, b: 90 } } }).png().toBuffer();
  const photos = await countRows(context, 'visit_photos');
  const created = await uploadPhoto(fixture.sessions.worker, firstVisit.id, png);
  assert.equal(created.statusCode, 201, created.body);
  const again = await uploadPhoto(fixture.sessions.worker, firstVisit.id, png);
  assert.equal(again.statusCode, 200);
  assert.deepEqual(again.json(), created.json());
  assert.equal(await countRows(context, 'visit_photos'), photos + 1);

  const photo = created.json();
  const file = await get(photo.fileUrl, fixture.sessions.operator);
  assert.deepEqual([file.statusCode, file.headers['content-type'], file.rawPayload.length], [200, 'image/png', png.length]);
  const thumbnail = await get(photo.thumbnailUrl, fixture.sessions.worker);
  assert.deepEqual([thumbnail.statusCode, thumbnail.headers['content-type']], [200, 'image/jpeg']);
  assert.deepEqual((await get(`/api/visits/${firstVisit.id}`, fixture.sessions.worker)).json().photos, [photo]);

  assert.equal((await get(photo.fileUrl, fixture.sessions.otherOperator)).statusCode, 404);
  assert.equal((await uploadPhoto(fixture.sessions.otherWorker, firstVisit.id, png)).statusCode, 404, 'only the visiting worker adds photos');
  const notAnImage = await uploadPhoto(fixture.sessions.worker, firstVisit.id, Buffer.from('这不是照片'));
  assert.equal(notAnImage.json().code, 'attachment.unsupported_type');
});

test('visit lists: mine, one record’s, an operator’s area; another street sees none', async () => {
  const mine = (await get('/api/visits?mine=true', fixture.sessions.worker)).json();
  assert.equal(mine.total, await countRows(context, 'visits'));
  const ofPerson = (await get(`/api/visits?targetKind=person&targetId=${fixture.personDue}`, fixture.sessions.operator)).json();
  assert.deepEqual(ofPerson.items.map((item: { targetId: number }) => item.targetId), [fixture.personDue, fixture.personDue]);
  assert.equal(ofPerson.items[1].photos.length, 1, 'the first visit, with its photo');
  assert.equal((await get('/api/visits', fixture.sessions.otherOperator)).json().total, 0);
  assert.equal((await get('/api/visits', fixture.sessions.otherWorker)).json().total, 0);
  assert.equal((await get(`/api/visits/${firstVisit.id}`, fixture.sessions.otherWorker)).statusCode, 404);
});
