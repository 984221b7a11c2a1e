// The grid worker app's world: the incident fixture's two streets and workers, a second grid in street A, a worker
// covering both grids of street A, and persons and a house to visit.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { chinaToday } from '../../src/all-clears/all-clear.service.js';
import { polygon } from './factories.js';
import { buildIncidentFixture, GRID_A, GRID_B, newClientId, type IncidentFixture } from './incident-fixture.js';
import type { Session, TestContext } from './test-app.js';

export const GRID_A2 = '370303001001002';

export interface FieldWorkFixture extends IncidentFixture {
  /** covers GRID_A and GRID_A2 */
  twoGridWorker: Session;
  /** 张建国, GRID_A: phone 13800000001, workplace 齐鲁石化, visit due yesterday */
  personDue: number;
  /** 李秀英, GRID_A: visit due tomorrow */
  personLater: number;
  /** 王芳, GRID_A: due, but deregistered */
  personGone: number;
  /** 赵磊, GRID_B: due, in the other street */
  personElsewhere: number;
  /** 甲楼 1-101, GRID_A: visit due today */
  house: number;
}

/** A day `offset` days from today in China, as YYYY-MM-DD. */
export const chinaDay = (offset: number) => chinaToday(new Date(Date.now() + offset * 86_400_000));

export async function buildFieldWorkFixture(context: TestContext): Promise<FieldWorkFixture> {
  const fixture = await buildIncidentFixture(context);
  const created = await context.inject({ method: 'POST', url: '/api/grids', payload: { code: GRID_A2, name: '网格001002', boundary: polygon(118.01, 36.8, 118.02, 36.81) } });
  assert.equal(created.statusCode, 201, created.body);
  const member = await context.inject({ method: 'POST', url: `/api/grids/${GRID_A}/members`, payload: { name: '丙网格员', role: 'full_time_grid_worker' } });
  await context.createUser('two.grid.worker', { role: 'grid_worker', gridMemberId: member.json().gridMemberId, gridCodes: [GRID_A, GRID_A2] });

  const person = async (values: Record<string, unknown>) => {
    const response = await context.inject({ method: 'POST', url: '/api/persons', payload: { residency: 'registered', ...values } });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id as number;
  };
  const personDue = await person({
    name: '张建国', gridCode: GRID_A, mobile: '13800000001', workplace: '齐鲁石化', currentAddress: '新华路1号', nextVisitOn: chinaDay(-1),
  });
  const personLater = await person({ name: '李秀英', gridCode: GRID_A, nextVisitOn: chinaDay(1) });
  const personGone = await person({ name: '王芳', gridCode: GRID_A, nextVisitOn: chinaDay(-3) });
  await sql`UPDATE persons SET deregistered_on = ${chinaDay(-2)}, deregistration_reason = '迁出' WHERE id = ${personGone}`.execute(context.database.db);
  const personElsewhere = await person({ name: '赵磊', gridCode: GRID_B, nextVisitOn: chinaDay(-1) });

  const building = await context.inject({ method: 'POST', url: '/api/buildings', payload: { name: '甲楼', address: '新华路8号', lon: 118.005, lat: 36.805 } });
  assert.equal(building.statusCode, 201, building.body);
  const house = await context.inject({
    method: 'POST', url: '/api/houses', payload: { buildingId: building.json().id, unitName: '1', number: '101', use: 'self_occupied', nextVisitOn: chinaDay(0) },
  });
  assert.equal(house.statusCode, 201, house.body);

  return {
    ...fixture, twoGridWorker: await context.loginAs('two.grid.worker'),
    personDue, personLater, personGone, personElsewhere, house: house.json().id,
  };
}

export async function countRows(context: TestContext, table: 'patrols' | 'visits' | 'visit_photos' | 'record_changes'): Promise<number> {
  return (await sql<{ count: number }>`SELECT count(*)::int AS count FROM ${sql.table(table)}`.execute(context.database.db)).rows[0]!.count;
}

/** A visit as the phone sends it, to `targetKind` `targetId`, now. */
export function visitBody(targetKind: string, targetId: number, extra: Record<string, unknown> = {}) {
  return { clientId: newClientId(), targetKind, targetId, visitedAt: new Date().toISOString(), note: '入户走访，了解家庭情况', ...extra };
}

export { GRID_A, GRID_B };
