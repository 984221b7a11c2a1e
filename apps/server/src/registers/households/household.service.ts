import {
  can, changedFields, conflict, createdFields, HOUSEHOLD_FIELDS, invalid, notFound, parseRecordValues, type Actor, type HouseholdRegisterDetail,
  type HouseholdView, type RecordChangeView, type RecordPage,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseExecutor, DatabaseSchema } from '../../database/schema.js';
import type { GridLookups } from '../../grids/grid-access.js';
import { maskPerson, membersOfHousehold } from '../persons/person-summary.js';
import type { PersonService } from '../persons/person.service.js';
import type { RecordChangeRepository } from '../record-change.repository.js';
import { presentHistory } from '../record-history.js';
import type { RecordPlacement } from '../record-placement.js';
import { actorUserId, invalidValues, versionConflict } from '../register-errors.js';
import type { HouseholdFilter, HouseholdRepository, HouseholdRow } from './household.repository.js';

const HOUSEHOLD = { code: 'household.invalid', zh: '户信息', en: 'household' };
const HEADERS = new Map<string, string>(HOUSEHOLD_FIELDS.map((field) => [field.key, field.header]));
const VALUE_KEYS = HOUSEHOLD_FIELDS.map((field) => field.key as string);
const COLUMN_OF: Record<string, string> = {
  householdNumber: 'household_number', kind: 'kind', houseId: 'house_id', headPersonId: 'head_person_id', attentionLevel: 'attention_level',
  dataSource: 'data_source', deregisteredOn: 'deregistered_on', deregistrationReason: 'deregistration_reason', nextVisitOn: 'next_visit_on',
  lastVerifiedOn: 'last_verified_on',
};
const HEAD = '户主';
const householdNotFound = (id: number) => notFound('household.not_found', `户 ${id} 不存在`, `Household ${id} does not exist`);
const valuesOf = (row: HouseholdRow): Record<string, unknown> => Object.fromEntries(VALUE_KEYS.map((key) => [key, row[key as keyof HouseholdRow] ?? null]));

function presentHousehold(actor: Actor, row: HouseholdRow): HouseholdView {
  const { gridId: _gridId, createdAt, updatedAt, ...rest } = row;
  return { ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString(), actions: can(actor, 'base_data.manage') ? ['edit', 'manage_members'] : [] };
}

/**
 * Households 户: a number unique in its grid, a house (whose building decides the grid), a head, and members
 * with their relation to the head. Joining or leaving a household is a change of the person, in the person's
 * history; the household's own fields are in its history.
 */
export class HouseholdService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly households: HouseholdRepository,
    private readonly personService: PersonService,
    private readonly changes: RecordChangeRepository,
    private readonly placement: RecordPlacement,
    private readonly lookups: GridLookups,
  ) {}

  async list(actor: Actor, query: Omit<HouseholdFilter, 'gridId' | 'regionPath'> & { gridCode?: string | undefined; regionCode?: string | undefined; page: number; pageSize: number }): Promise<RecordPage<HouseholdView>> {
    const filter: HouseholdFilter = {
      houseId: query.houseId, q: query.q, deregistered: query.deregistered,
      gridId: query.gridCode === undefined ? undefined : (await this.lookups.visibleGrid(actor, query.gridCode)).id,
      regionPath: query.regionCode === undefined ? undefined : (await this.lookups.visibleRegion(actor, query.regionCode)).path,
    };
    const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
    const [rows, total] = await Promise.all([this.households.list(filter, actor.jurisdiction, page), this.households.count(filter, actor.jurisdiction)]);
    return { items: rows.map((row) => presentHousehold(actor, row)), total };
  }

  get(actor: Actor, id: number): Promise<HouseholdRegisterDetail> {
    return this.detail(this.db, actor, id);
  }

  async create(actor: Actor, input: Record<string, unknown>): Promise<HouseholdRegisterDetail> {
    const values = this.parse(input);
    const userId = actorUserId(actor);
    const placed = typeof values.houseId === 'number' ? undefined : await this.placement.gridFor(actor, values, HOUSEHOLD);
    return this.db.transaction().execute(async (transaction) => {
      const grid = placed ?? (await this.gridOfHouse(transaction, actor, values.houseId as number, values.gridCode));
      values.gridCode = grid.code;
      await this.checkNumber(transaction, grid.id, values.householdNumber, null);
      const headPersonId = values.headPersonId as number | null;
      const id = await this.households.insert(transaction, {
        ...Object.fromEntries(Object.entries(COLUMN_OF).map(([key, column]) => [column, values[key]])), grid_id: grid.id, created_by: userId, updated_by: userId,
      });
      await this.changes.insert(transaction, { table: 'households', recordId: id, changedBy: userId, before: null, after: createdFields(values) });
      if (headPersonId !== null) await this.join(transaction, actor, id, headPersonId, HEAD);
      return this.detail(transaction, actor, id);
    });
  }

  async update(actor: Actor, id: number, input: Record<string, unknown> & { version: number }): Promise<HouseholdRegisterDetail> {
    const { version, ...patch } = input;
    const userId = actorUserId(actor);
    const current = await this.households.findById(this.db, id, actor.jurisdiction);
    if (!current) throw householdNotFound(id);
    const values = this.parse({ ...valuesOf(current), ...patch });
    const placed = 'gridCode' in patch && !('houseId' in patch) ? await this.placement.gridFor(actor, values, HOUSEHOLD) : undefined;
    return this.db.transaction().execute(async (transaction) => {
      const locked = await this.households.findById(transaction, id, actor.jurisdiction, { lock: true });
      if (!locked) throw householdNotFound(id);
      if (locked.version !== version) throw versionConflict('household.version_conflict', locked.version);
      const grid = placed ?? (typeof values.houseId === 'number' && values.houseId !== locked.houseId
        ? await this.gridOfHouse(transaction, actor, values.houseId, undefined) : { id: locked.gridId, code: locked.gridCode });
      values.gridCode = grid.code;
      const diff = changedFields(valuesOf(locked), values);
      if (!diff) return this.detail(transaction, actor, id);
      const changed = new Set(Object.keys(diff.after));
      if (changed.has('householdNumber') || changed.has('gridCode')) await this.checkNumber(transaction, grid.id, values.householdNumber, id);
      if (changed.has('headPersonId') && values.headPersonId !== null) {
        const members = await membersOfHousehold(transaction, id);
        if (!members.some((member) => member.id === values.headPersonId)) {
          throw invalidValues(HOUSEHOLD.code, HOUSEHOLD, [{ field: 'headPersonId', zh: `户主（人员编号）：人员 ${String(values.headPersonId)} 不是本户成员，请先加入本户`, en: 'headPersonId: the head must be a member of the household' }]);
        }
        await this.join(transaction, actor, id, values.headPersonId as number, HEAD);
      }
      const columns: Record<string, unknown> = Object.fromEntries(Object.entries(COLUMN_OF).filter(([key]) => changed.has(key)).map(([key, column]) => [column, values[key]]));
      if (changed.has('gridCode')) columns.grid_id = grid.id;
      if (!(await this.households.update(transaction, id, version, { ...columns, updated_by: userId }))) throw versionConflict('household.version_conflict', version + 1);
      await this.changes.insert(transaction, { table: 'households', recordId: id, changedBy: userId, ...diff });
      return this.detail(transaction, actor, id);
    });
  }

  /** A person joins the household (or changes their relation to its head). */
  async putMember(actor: Actor, id: number, personId: number, relationToHead: string): Promise<HouseholdRegisterDetail> {
    return this.db.transaction().execute(async (transaction) => {
      const household = await this.households.findById(transaction, id, actor.jurisdiction, { lock: true });
      if (!household) throw householdNotFound(id);
      await this.join(transaction, actor, id, personId, relationToHead);
      if (relationToHead === HEAD && household.headPersonId === null) await this.setHead(transaction, actor, household, personId);
      return this.detail(transaction, actor, id);
    });
  }

  async removeMember(actor: Actor, id: number, personId: number): Promise<HouseholdRegisterDetail> {
    return this.db.transaction().execute(async (transaction) => {
      const household = await this.households.findById(transaction, id, actor.jurisdiction, { lock: true });
      if (!household) throw householdNotFound(id);
      const person = await this.personService.lockedRecord(transaction, actor, personId);
      if (person.householdId !== id) throw notFound('household.member_not_found', `人员 ${personId} 不是户 ${id} 的成员`, `Person ${personId} is not a member of household ${id}`);
      await this.personService.write(transaction, person, { household_id: null, relation_to_head: null, updated_by: actorUserId(actor) });
      await this.changes.insert(transaction, {
        table: 'persons', recordId: personId, changedBy: actorUserId(actor),
        before: { householdNumber: person.values.householdNumber, relationToHead: person.values.relationToHead }, after: { householdNumber: null, relationToHead: null },
      });
      if (household.headPersonId === personId) await this.setHead(transaction, actor, household, null);
      return this.detail(transaction, actor, id);
    });
  }

  async history(actor: Actor, id: number, limit: number): Promise<RecordChangeView[]> {
    if (!(await this.households.findById(this.db, id, actor.jurisdiction))) throw householdNotFound(id);
    return presentHistory(await this.changes.listFor(this.db, 'households', id, limit), (field) => HEADERS.get(field) ?? field, undefined, VALUE_KEYS);
  }

  private async detail(executor: DatabaseExecutor, actor: Actor, id: number): Promise<HouseholdRegisterDetail> {
    const row = await this.households.findById(executor, id, actor.jurisdiction);
    if (!row) throw householdNotFound(id);
    return { ...presentHousehold(actor, row), persons: (await membersOfHousehold(executor, id)).map(maskPerson) };
  }

  private async setHead(executor: DatabaseExecutor, actor: Actor, household: HouseholdRow, headPersonId: number | null): Promise<void> {
    await this.households.update(executor, household.id, household.version, { head_person_id: headPersonId, updated_by: actorUserId(actor) });
    await this.changes.insert(executor, {
      table: 'households', recordId: household.id, changedBy: actorUserId(actor), before: { headPersonId: household.headPersonId }, after: { headPersonId },
    });
  }

  /** The person's side of joining: household, relation and (when it differs) grid change, in the person's history. */
  private async join(executor: DatabaseExecutor, actor: Actor, id: number, personId: number, relationToHead: string): Promise<void> {
    const person = await this.personService.lockedRecord(executor, actor, personId);
    const household = (await this.households.findById(executor, id, actor.jurisdiction))!;
    const before = { householdNumber: person.values.householdNumber, relationToHead: person.values.relationToHead, gridCode: person.values.gridCode };
    const after = { householdNumber: household.householdNumber, relationToHead, gridCode: household.gridCode };
    const diff = person.householdId === id ? changedFields(before, after) : { before, after };
    if (!diff) return;
    await this.personService.write(executor, person, { household_id: id, relation_to_head: relationToHead, grid_id: household.gridId, updated_by: actorUserId(actor) });
    await this.changes.insert(executor, { table: 'persons', recordId: personId, changedBy: actorUserId(actor), ...diff });
  }

  private async gridOfHouse(executor: DatabaseExecutor, actor: Actor, houseId: number, gridCode: unknown): Promise<{ id: number; code: string }> {
    const grid = await this.households.gridOfHouse(executor, houseId, actor.jurisdiction);
    if (!grid) throw invalidValues(HOUSEHOLD.code, HOUSEHOLD, [{ field: 'houseId', zh: `房屋编号：房屋 ${houseId} 不存在`, en: `houseId: house ${houseId} does not exist` }]);
    if (typeof gridCode === 'string' && gridCode !== grid.code) {
      throw invalid('household.grid_mismatch', `房屋所在网格为 ${grid.code}，与所填网格 ${gridCode} 不一致`, `The house lies in grid ${grid.code}, not ${gridCode}`);
    }
    return grid;
  }

  private async checkNumber(executor: DatabaseExecutor, gridId: number, householdNumber: unknown, exceptId: number | null): Promise<void> {
    if (typeof householdNumber === 'string' && (await this.households.numberTaken(executor, gridId, householdNumber, exceptId))) {
      throw conflict('household.number_taken', `本网格已有户号 ${householdNumber}`, `Household number ${householdNumber} already exists in this grid`);
    }
  }

  private parse(input: Record<string, unknown>): Record<string, unknown> {
    const parsed = parseRecordValues(HOUSEHOLD_FIELDS, input);
    if ('errors' in parsed) throw invalidValues(HOUSEHOLD.code, HOUSEHOLD, parsed.errors);
    const values = parsed.values;
    values.kind ??= 'family';
    values.attentionLevel ??= 1;
    values.dataSource ??= 'entered';
    return values;
  }
}
