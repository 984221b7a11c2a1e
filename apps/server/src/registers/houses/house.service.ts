import {
  can, changedFields, conflict, createdFields, HOUSE_FIELDS, invalid, notFound, parseRecordValues, type Actor, type HouseDetail, type HouseView,
  type RecordChangeView, type RecordPage,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseExecutor, DatabaseSchema } from '../../database/schema.js';
import type { GridLookups } from '../../grids/grid-access.js';
import { maskPerson, visiblePerson } from '../persons/person-summary.js';
import type { ChangeSource, RecordChangeRepository } from '../record-change.repository.js';
import { presentHistory } from '../record-history.js';
import { actorUserId, invalidValues, versionConflict } from '../register-errors.js';
import type { HouseFilter, HouseRepository, HouseRow } from './house.repository.js';

const HOUSE = { code: 'house.invalid', zh: '房屋信息', en: 'house' };
const HEADERS = new Map<string, string>(HOUSE_FIELDS.map((field) => [field.key, field.header]));
const VALUE_KEYS = HOUSE_FIELDS.map((field) => field.key as string);
const COLUMN_OF: Record<string, string> = {
  floor: 'floor', number: 'number', use: 'use', areaSquareMetres: 'area_square_metres', ownerPersonId: 'owner_person_id',
  attentionLevel: 'attention_level', dataSource: 'data_source', deregisteredOn: 'deregistered_on', deregistrationReason: 'deregistration_reason',
  nextVisitOn: 'next_visit_on', lastVerifiedOn: 'last_verified_on',
};
const houseNotFound = (id: number) => notFound('house.not_found', `房屋 ${id} 不存在`, `House ${id} does not exist`);
const tenancyHeader = (field: string) => (field.startsWith('tenancies.') ? '租住人员' : HEADERS.get(field) ?? field);

function presentHouse(actor: Actor, row: HouseRow): HouseView {
  const { gridId: _gridId, createdAt, updatedAt, ...rest } = row;
  const manage = can(actor, 'base_data.manage');
  return { ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString(), actions: manage ? (row.use === 'rented' ? ['edit', 'manage_tenancies'] : ['edit']) : [] };
}

const valuesOf = (row: HouseRow): Record<string, unknown> => Object.fromEntries(VALUE_KEYS.map((key) => [key, row[key as keyof HouseRow] ?? null]));

/**
 * Houses 房屋 in buildings: use (self-occupied, rented, vacant, business); a rented house's landlord is its owner
 * and its tenants are tenancies, registered and ended here. Every change is in the house's history.
 */
export class HouseService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly houses: HouseRepository,
    private readonly changes: RecordChangeRepository,
    private readonly lookups: GridLookups,
  ) {}

  async list(actor: Actor, query: Omit<HouseFilter, 'gridId' | 'regionPath'> & { gridCode?: string | undefined; regionCode?: string | undefined; page: number; pageSize: number }): Promise<RecordPage<HouseView>> {
    const filter: HouseFilter = {
      buildingId: query.buildingId, use: query.use, q: query.q, deregistered: query.deregistered,
      gridId: query.gridCode === undefined ? undefined : (await this.lookups.visibleGrid(actor, query.gridCode)).id,
      regionPath: query.regionCode === undefined ? undefined : (await this.lookups.visibleRegion(actor, query.regionCode)).path,
    };
    const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
    const [rows, total] = await Promise.all([this.houses.list(filter, actor.jurisdiction, page), this.houses.count(filter, actor.jurisdiction)]);
    return { items: rows.map((row) => presentHouse(actor, row)), total };
  }

  get(actor: Actor, id: number): Promise<HouseDetail> {
    return this.detail(this.db, actor, id);
  }

  async create(actor: Actor, input: Record<string, unknown> & { buildingId: number }): Promise<HouseDetail> {
    const { buildingId, ...fields } = input;
    const values = this.parse(fields);
    const userId = actorUserId(actor);
    return this.db.transaction().execute(async (transaction) => {
      const building = await this.houses.building(transaction, buildingId, actor.jurisdiction);
      if (!building) throw notFound('building.not_found', `楼栋 ${buildingId} 不存在`, `Building ${buildingId} does not exist`);
      await this.checkOwner(transaction, actor, values.ownerPersonId);
      const unitId = await this.houses.unitId(transaction, buildingId, values.unitName as string | null);
      await this.checkNumber(transaction, buildingId, unitId, values.number as string, null);
      const columns = Object.fromEntries(Object.entries(COLUMN_OF).map(([key, column]) => [column, values[key]]));
      const id = await this.houses.insert(transaction, { ...columns, building_id: buildingId, unit_id: unitId, created_by: userId, updated_by: userId });
      await this.changes.insert(transaction, { table: 'houses', recordId: id, changedBy: userId, before: null, after: createdFields(values) });
      return this.detail(transaction, actor, id);
    });
  }

  async update(actor: Actor, id: number, input: Record<string, unknown> & { version: number }): Promise<HouseDetail> {
    const { version, ...patch } = input;
    return this.db.transaction().execute(async (transaction) => {
      const current = await this.lockedRecord(transaction, actor, id);
      if (current.version !== version) throw versionConflict('house.version_conflict', current.version);
      await this.applyChanges(transaction, actor, current, patch);
      return this.detail(transaction, actor, id);
    });
  }

  /** The house locked for a write inside the caller's transaction. */
  async lockedRecord(executor: DatabaseExecutor, actor: Actor, id: number): Promise<HouseRow> {
    const current = await this.houses.findById(executor, id, actor.jurisdiction, { lock: true });
    if (!current) throw houseNotFound(id);
    return current;
  }

  /**
   * Writes fields a visit settled (see settleVisitCorrections) over the house as locked in the caller's
   * transaction, whatever its version now, as any edit with the visit as its source. Returns the version after.
   */
  async writeFromVisit(transaction: DatabaseExecutor, actor: Actor, locked: HouseRow, patch: Record<string, unknown>): Promise<number> {
    return (await this.applyChanges(transaction, actor, locked, patch, 'visit')) ? locked.version + 1 : locked.version;
  }

  /** The sent fields written over the locked house, checked and with their history; false when nothing changed. */
  private async applyChanges(transaction: DatabaseExecutor, actor: Actor, current: HouseRow, patch: Record<string, unknown>, source?: ChangeSource): Promise<boolean> {
    const userId = actorUserId(actor);
    const values = this.parse({ ...valuesOf(current), ...patch });
    const diff = changedFields(valuesOf(current), values);
    if (!diff) return false;
    const changed = new Set(Object.keys(diff.after));
    if (changed.has('ownerPersonId')) await this.checkOwner(transaction, actor, values.ownerPersonId);
    const columns: Record<string, unknown> = Object.fromEntries(Object.entries(COLUMN_OF).filter(([key]) => changed.has(key)).map(([key, column]) => [column, values[key]]));
    if (changed.has('unitName') || changed.has('number')) {
      const unitId = await this.houses.unitId(transaction, current.buildingId, values.unitName as string | null);
      await this.checkNumber(transaction, current.buildingId, unitId, values.number as string, current.id);
      columns.unit_id = unitId;
    }
    if (!(await this.houses.update(transaction, current.id, current.version, { ...columns, updated_by: userId }))) {
      throw versionConflict('house.version_conflict', current.version + 1);
    }
    await this.changes.insert(transaction, { table: 'houses', recordId: current.id, changedBy: userId, ...(source ? { source } : {}), ...diff });
    return true;
  }

  /** A tenant moves into a rented house; the house's history records it. */
  async addTenancy(actor: Actor, houseId: number, input: { tenantPersonId: number; startedOn?: string | null | undefined; endedOn?: string | null | undefined; purpose?: string | null | undefined }): Promise<HouseDetail> {
    const tenancy = { tenantPersonId: input.tenantPersonId, startedOn: input.startedOn ?? null, endedOn: input.endedOn ?? null, purpose: input.purpose ?? null };
    if (tenancy.startedOn && tenancy.endedOn && tenancy.endedOn < tenancy.startedOn) {
      throw invalid('tenancy.ends_before_start', '退租日期不能早于入住日期', 'A tenancy cannot end before it starts');
    }
    const userId = actorUserId(actor);
    return this.db.transaction().execute(async (transaction) => {
      const house = await this.houses.findById(transaction, houseId, actor.jurisdiction, { lock: true });
      if (!house) throw houseNotFound(houseId);
      if (house.use !== 'rented') throw conflict('house.not_rented', '只有用途为“出租”的房屋才能登记租住人员', 'Only a rented house has tenants; set its use to rented first');
      if (!(await visiblePerson(transaction, tenancy.tenantPersonId, actor.jurisdiction))) {
        throw invalidValues('tenancy.invalid', { zh: '租住信息', en: 'tenancy' }, [{ field: 'tenantPersonId', zh: `租住人员：人员 ${tenancy.tenantPersonId} 不存在`, en: `tenantPersonId: person ${tenancy.tenantPersonId} does not exist` }]);
      }
      const current = await this.houses.tenancies(transaction, houseId);
      if (current.some((row) => row.tenant.id === tenancy.tenantPersonId && row.endedOn === null)) {
        throw conflict('tenancy.already_living_here', '该人员已在此房屋租住', 'This person already rents this house');
      }
      const tenancyId = await this.houses.insertTenancy(transaction, houseId, tenancy, userId);
      await this.changes.insert(transaction, { table: 'houses', recordId: houseId, changedBy: userId, before: { [`tenancies.${tenancyId}`]: null }, after: { [`tenancies.${tenancyId}`]: tenancy } });
      return this.detail(transaction, actor, houseId);
    });
  }

  async endTenancy(actor: Actor, houseId: number, tenancyId: number, endedOn: string): Promise<HouseDetail> {
    const userId = actorUserId(actor);
    return this.db.transaction().execute(async (transaction) => {
      if (!(await this.houses.findById(transaction, houseId, actor.jurisdiction, { lock: true }))) throw houseNotFound(houseId);
      const ended = await this.houses.endTenancy(transaction, houseId, tenancyId, endedOn);
      if (!ended) throw notFound('tenancy.not_found', `租住记录 ${tenancyId} 不存在或已结束`, `Tenancy ${tenancyId} does not exist or has ended`);
      if (ended.startedOn && endedOn < ended.startedOn) throw invalid('tenancy.ends_before_start', '退租日期不能早于入住日期', 'A tenancy cannot end before it starts');
      const key = `tenancies.${tenancyId}`;
      await this.changes.insert(transaction, { table: 'houses', recordId: houseId, changedBy: userId, before: { [key]: { endedOn: null } }, after: { [key]: { endedOn } } });
      return this.detail(transaction, actor, houseId);
    });
  }

  async history(actor: Actor, id: number, limit: number): Promise<RecordChangeView[]> {
    if (!(await this.houses.findById(this.db, id, actor.jurisdiction))) throw houseNotFound(id);
    return presentHistory(await this.changes.listFor(this.db, 'houses', id, limit), tenancyHeader, undefined, VALUE_KEYS);
  }

  private async detail(executor: DatabaseExecutor, actor: Actor, id: number): Promise<HouseDetail> {
    const row = await this.houses.findById(executor, id, actor.jurisdiction);
    if (!row) throw houseNotFound(id);
    const owner = row.ownerPersonId === null ? undefined : await visiblePerson(executor, row.ownerPersonId, { kind: 'everywhere' });
    return {
      ...presentHouse(actor, row),
      owner: owner ? maskPerson(owner) : null,
      tenancies: (await this.houses.tenancies(executor, id)).map((tenancy) => ({ ...tenancy, tenant: maskPerson(tenancy.tenant) })),
      households: await this.houses.households(executor, id),
    };
  }

  private parse(input: Record<string, unknown>): Record<string, unknown> {
    const parsed = parseRecordValues(HOUSE_FIELDS, input);
    if ('errors' in parsed) throw invalidValues(HOUSE.code, HOUSE, parsed.errors);
    const values = parsed.values;
    values.use ??= 'self_occupied';
    values.attentionLevel ??= 1;
    values.dataSource ??= 'entered';
    return values;
  }

  private async checkOwner(executor: DatabaseExecutor, actor: Actor, ownerPersonId: unknown): Promise<void> {
    if (typeof ownerPersonId !== 'number' || (await visiblePerson(executor, ownerPersonId, actor.jurisdiction))) return;
    throw invalidValues(HOUSE.code, HOUSE, [{ field: 'ownerPersonId', zh: `房主（人员编号）：人员 ${ownerPersonId} 不存在`, en: `ownerPersonId: person ${ownerPersonId} does not exist` }]);
  }

  private async checkNumber(executor: DatabaseExecutor, buildingId: number, unitId: number | null, number: string, exceptId: number | null): Promise<void> {
    if (await this.houses.numberTaken(executor, buildingId, unitId, number, exceptId)) {
      throw conflict('house.number_taken', `该楼栋（单元）已有房号 ${number}`, `House number ${number} already exists in this building (unit)`);
    }
  }
}
