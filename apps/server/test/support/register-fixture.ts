// The registers' part of route-access.test.ts: records of jurisdiction A in every register, sample paths and
// bodies for the register routes, and what of the registers must stay unchanged when others call them.
import assert from 'node:assert/strict';
import { sql, type RawBuilder } from 'kysely';
import { buildCreditCode } from '@civicgrid/domain';
import type { Session, TestContext } from './test-app.js';

export const REGISTER_MARKERS = ['甲企业', '甲场所', '甲部件', '甲特殊人群'];

export interface RegisterIds {
  house: number;
  organization: number;
  place: number;
  facility: number;
  tenancy: number;
}

/** One record of A in each register, a special and a care group of A's person, and a tenancy of A's house. */
export async function buildRegisterRecords(context: TestContext, aOperator: Session, a: { gridCode: string; point: { lon: number; lat: number }; personId: number; householdId: number }): Promise<RegisterIds> {
  const call = async (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object, as: Session | undefined = undefined) => {
    const response = await context.inject({ method, url, payload, ...(as ? { as } : {}) });
    assert.ok(response.statusCode < 300, `${method} ${url}: ${response.body}`);
    return response.json();
  };
  const creditCode = buildCreditCode('91370303MA3C4R7K0');
  const organization = await call('POST', '/api/organizations', { name: '甲企业', kind: 'enterprise', unifiedSocialCreditCode: creditCode, gridCode: a.gridCode });
  const place = await call('POST', '/api/places', { name: '甲场所', kind: 'market', organizationCreditCode: creditCode, gridCode: a.gridCode });
  const facility = await call('POST', '/api/facilities', { facilityCode: '3703030101000001', name: '甲部件', ...a.point });
  const house = (await sql<{ id: number }>`SELECT house_id AS id FROM households WHERE id = ${a.householdId}`.execute(context.database.db)).rows[0]!.id;
  await call('PATCH', `/api/houses/${house}`, { version: 1, use: 'rented', ownerPersonId: a.personId });
  const rented = await call('POST', `/api/houses/${house}/tenancies`, { tenantPersonId: a.personId, startedOn: '2026-01-01', purpose: '居住' });
  await call('PUT', `/api/persons/${a.personId}/special-groups/drug_user`, { details: { controlStatus: 'community_detox', drugType: '甲特殊人群' } }, aOperator);
  await call('PUT', `/api/persons/${a.personId}/care-groups/elderly_alone`, { details: {} });
  return { house, organization: organization.id, place: place.id, facility: facility.id, tenancy: rented.tenancies[0].id };
}

/** Values for the register routes' path parameters (undefined: not a register parameter). */
export function registerPathValue(name: string, url: string, ids: RegisterIds, personId: number): string | undefined {
  if (name === 'kind') return url.includes('/special-groups/') ? 'drug_user' : 'elderly_alone';
  if (name === 'personId') return String(personId);
  if (name === 'tenancyId') return String(ids.tenancy);
  if (name !== 'id') return undefined;
  const byResource: Record<string, number> = { houses: ids.house, organizations: ids.organization, places: ids.place, facilities: ids.facility };
  const value = byResource[url.split('/')[2]!];
  return value === undefined ? undefined : String(value);
}

// Writes a user of another jurisdiction tries on A's records; ids in bodies point at A's or at nothing.
export const REGISTER_SAMPLE_BODIES: Record<string, unknown> = {
  'POST /api/persons': { name: '越权人员', residency: 'registered', gridCode: '370303001001001' },
  'PATCH /api/persons/:id': { version: 1, name: '越权改名' },
  'POST /api/persons/:id/deregister': { reason: '越权注销', date: '2026-01-01' },
  'POST /api/persons/:id/merge': { intoPersonId: 1, version: 1 },
  'PUT /api/persons/:id/special-groups/:kind': { details: { controlStatus: 'unmanaged' } },
  'DELETE /api/persons/:id/special-groups/:kind': undefined,
  'PUT /api/persons/:id/care-groups/:kind': { details: { selfCare: 'dependent' } },
  'DELETE /api/persons/:id/care-groups/:kind': undefined,
  'PATCH /api/buildings/:id': { version: 1, name: '越权改名' },
  'POST /api/buildings/:id/units': { name: '越权单元' },
  'POST /api/houses': { buildingId: 1, number: '越权101' },
  'PATCH /api/houses/:id': { version: 2, number: '越权' },
  'POST /api/houses/:id/tenancies': { tenantPersonId: 1 },
  'POST /api/houses/:id/tenancies/:tenancyId/end': { endedOn: '2026-02-01' },
  'POST /api/households': { householdNumber: '越权户', gridCode: '370303001001001' },
  'PATCH /api/households/:id': { version: 1, householdNumber: '越权户' },
  'PUT /api/households/:id/members/:personId': { relationToHead: '户主' },
  'DELETE /api/households/:id/members/:personId': undefined,
  'POST /api/organizations': { name: '越权单位', kind: 'enterprise', gridCode: '370303001001001' },
  'PATCH /api/organizations/:id': { version: 1, name: '越权改名' },
  'POST /api/places': { name: '越权场所', kind: 'market', gridCode: '370303001001001' },
  'PATCH /api/places/:id': { version: 1, name: '越权改名' },
  'POST /api/facilities': { facilityCode: '3703030101009999', lon: 118.005, lat: 36.805 },
  'PATCH /api/facilities/:id': { version: 1, status: 'missing' },
};

/** The register rows a refused call must leave as they were. */
export function registerFingerprint(): RawBuilder<unknown> {
  return sql`concat_ws('|',
    (SELECT string_agg(concat_ws(',', id, version, grid_id, household_id, deregistered_on), ';' ORDER BY id) FROM persons),
    (SELECT string_agg(concat_ws(',', id, version, use, number, owner_person_id), ';' ORDER BY id) FROM houses),
    (SELECT string_agg(concat_ws(',', id, building_id, name), ';' ORDER BY id) FROM units),
    (SELECT string_agg(concat_ws(',', id, version, household_number, head_person_id), ';' ORDER BY id) FROM households),
    (SELECT string_agg(concat_ws(',', id, version, name), ';' ORDER BY id) FROM organizations),
    (SELECT string_agg(concat_ws(',', id, version, name), ';' ORDER BY id) FROM places),
    (SELECT string_agg(concat_ws(',', id, version, status), ';' ORDER BY id) FROM facilities),
    (SELECT string_agg(concat_ws(',', id, version, details::text), ';' ORDER BY id) FROM special_group_records),
    (SELECT string_agg(concat_ws(',', id, version, details::text), ';' ORDER BY id) FROM care_group_records),
    (SELECT string_agg(concat_ws(',', id, ended_on), ';' ORDER BY id) FROM rental_tenancies),
    (SELECT count(*) FROM record_changes)::text)`;
}

/** Register pages a user of A must reach. */
export function registerOwnUrls(ids: RegisterIds, personId: number): string[] {
  return [
    `/api/persons/${personId}/history`, `/api/persons/${personId}/special-groups/drug_user`, `/api/persons/${personId}/care-groups/elderly_alone`,
    `/api/houses/${ids.house}`, `/api/organizations/${ids.organization}`, `/api/places/${ids.place}`, `/api/facilities/${ids.facility}`,
    `/api/facilities/${ids.facility}/history`, `/api/houses/${ids.house}/history`,
  ];
}
