// A small city for incident tests: 张店区 with two streets' centers, a district and a city center, two
// departments, one grid per street and a user for every party of the workflow.
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { sql } from 'kysely';
import { importZhangdian, polygon } from './factories.js';
import type { Session, TestContext } from './test-app.js';

export const STREET_A = '370303001';
export const STREET_B = '370303002';
export const GRID_A = '370303001001001';
export const GRID_B = '370303002001001';
export const IN_GRID_A = { lon: 118.005, lat: 36.805 };
export const IN_GRID_B = { lon: 118.105, lat: 36.805 };

export interface IncidentFixture {
  sessions: Record<'operator' | 'otherOperator' | 'districtOperator' | 'leader' | 'handler' | 'assistingHandler' | 'worker' | 'otherWorker', Session>;
  departments: { lead: number; assisting: number; otherStreet: number };
  centers: { streetA: number; streetB: number; district: number; city: number };
  categoryId: (code: string) => Promise<number>;
}

export async function buildIncidentFixture(context: TestContext): Promise<IncidentFixture> {
  const { db } = context.database;
  await importZhangdian(context.database);
  await sql`UPDATE regions SET boundary = ST_Multi(ST_MakeEnvelope(118.0, 36.8, 118.05, 36.85, 4326)) WHERE code = ${STREET_A}`.execute(db);
  await sql`UPDATE regions SET boundary = ST_Multi(ST_MakeEnvelope(118.1, 36.8, 118.15, 36.85, 4326)) WHERE code = ${STREET_B}`.execute(db);
  for (const [code, box] of [[GRID_A, polygon(118.0, 36.8, 118.01, 36.81)], [GRID_B, polygon(118.1, 36.8, 118.11, 36.81)]] as const) {
    const created = await context.inject({ method: 'POST', url: '/api/grids', payload: { code, name: `网格${code.slice(-6)}`, boundary: box } });
    assert.equal(created.statusCode, 201, created.body);
  }
  await sql`
    INSERT INTO centers (region_id, name) SELECT id, name || '社会治理中心' FROM regions WHERE code IN ('370300', '370303', ${STREET_A}, ${STREET_B})`.execute(db);
  const centerIds = await sql<{ code: string; id: number }>`SELECT r.code, c.id FROM centers c JOIN regions r ON r.id = c.region_id`.execute(db);
  const centerOf = (code: string) => centerIds.rows.find((row) => row.code === code)!.id;
  const department = async (name: string, regionCode: string) => {
    const response = await context.inject({ method: 'POST', url: '/api/departments', payload: { name, regionCode } });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id as number;
  };
  const departments = {
    lead: await department('张店区综合行政执法局', '370303'),
    assisting: await department('张店区住房和城乡建设局', '370303'),
    otherStreet: await department('乙街道城管中队', STREET_B),
  };
  const member = async (gridCode: string, name: string) => {
    const response = await context.inject({ method: 'POST', url: `/api/grids/${gridCode}/members`, payload: { name, role: 'full_time_grid_worker' } });
    return response.json().gridMemberId as number;
  };
  await context.createUser('operator', { role: 'street_operator', regionCode: STREET_A });
  await context.createUser('other.operator', { role: 'street_operator', regionCode: STREET_B });
  await context.createUser('district.operator', { role: 'district_operator', regionCode: '370303' });
  await context.createUser('leader', { role: 'leader', regionCode: '370303' });
  await context.createUser('handler', { role: 'department_handler', departmentId: departments.lead });
  await context.createUser('assisting.handler', { role: 'department_handler', departmentId: departments.assisting });
  await context.createUser('worker', { role: 'grid_worker', gridMemberId: await member(GRID_A, '甲网格员'), gridCodes: [GRID_A] });
  await context.createUser('other.worker', { role: 'grid_worker', gridMemberId: await member(GRID_B, '乙网格员'), gridCodes: [GRID_B] });
  const sessions = {
    operator: await context.loginAs('operator'),
    otherOperator: await context.loginAs('other.operator'),
    districtOperator: await context.loginAs('district.operator'),
    leader: await context.loginAs('leader'),
    handler: await context.loginAs('handler'),
    assistingHandler: await context.loginAs('assisting.handler'),
    worker: await context.loginAs('worker'),
    otherWorker: await context.loginAs('other.worker'),
  };
  return {
    sessions, departments,
    centers: { streetA: centerOf(STREET_A), streetB: centerOf(STREET_B), district: centerOf('370303'), city: centerOf('370300') },
    categoryId: async (code) => (await sql<{ id: number }>`SELECT id FROM incident_categories WHERE code = ${code}`.execute(db)).rows[0]!.id,
  };
}

let clientCounter = 0;
export const newClientId = () => `test-client-${Date.now()}-${(clientCounter += 1)}`;

export async function report(context: TestContext, as: Session, payload: Record<string, unknown>) {
  return context.inject({
    method: 'POST', url: '/api/incidents', as,
    payload: { clientId: newClientId(), description: '人行道上有暴露垃圾', ...IN_GRID_A, ...payload },
  });
}

export async function act(context: TestContext, as: Session, incidentId: number, payload: Record<string, unknown>) {
  return context.inject({ method: 'POST', url: `/api/incidents/${incidentId}/actions`, as, payload });
}

/** Acts and insists it worked; returns the incident page as the actor sees it afterwards. */
export async function actOk(context: TestContext, as: Session, incidentId: number, payload: Record<string, unknown>) {
  const response = await act(context, as, incidentId, payload);
  assert.equal(response.statusCode, 200, `${String(payload.action)}: ${response.body}`);
  return response.json();
}

/** A real photo (PNG) sent as multipart/form-data, as a browser or the phone app sends it. */
export async function uploadPhoto(context: TestContext, as: Session, incidentId: number, kind: 'before' | 'after' | 'other', seed = 0) {
  const image = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: (seed * 37) % 256, g: 120, b: 60 } } }).png().toBuffer();
  const boundary = '----civicgrid-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n`),
    image,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await context.inject({
    method: 'POST', url: `/api/incidents/${incidentId}/attachments`, as, payload: body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  assert.ok(response.statusCode === 201 || response.statusCode === 200, response.body);
  return response.json().id as number;
}
