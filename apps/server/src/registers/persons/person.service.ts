import {
  changedFields, conflict, coversGrid, createdFields, invalid, notFound, otherFormOfIdNumber, parsePersonResidencyValues, parsePersonValues,
  parseRecordValues, PERSON_RESIDENCY_FIELDS, type Actor, type PersonDetail, type RecordChangeView, type RecordFieldError,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { AuditRepository } from '../../audit/audit.repository.js';
import type { DatabaseExecutor, DatabaseSchema } from '../../database/schema.js';
import type { ChangeSource, RecordChangeRepository } from '../record-change.repository.js';
import type { RecordPlacement } from '../record-placement.js';
import { actorUserId, invalidValues, today, versionConflict } from '../register-errors.js';
import { personColumnValues, PERSON_VALUE_KEYS, type PersonValueKey, type PersonValues } from './person-columns.js';
import type { PersonGroupRepository } from './person-group.repository.js';
import { maySeeSpecialGroups, presentPersonDetail, presentPersonHistory } from './person.presenter.js';
import type { PersonRecord, PersonRepository } from './person.repository.js';

export const personNotFound = (id: number) => notFound('person.not_found', `人员 ${id} 不存在`, `Person ${id} does not exist`);
const PERSON = { code: 'person.invalid', zh: '人员信息', en: 'person' };

type ParsedPerson = PersonValues & { idNumberLegacy: boolean; idType: string; idNumber: string | null; gridCode: string; householdNumber: string | null };

/** The values as the register keeps them, with the grid named by its code. */
const valuesOf = (person: ParsedPerson, gridCode: string): PersonValues =>
  Object.fromEntries(PERSON_VALUE_KEYS.map((key) => [key, key === 'gridCode' ? gridCode : person[key] ?? null])) as PersonValues;

const addressesMatch = (values: Partial<PersonValues>) =>
  (values.registeredAddress && values.currentAddress ? values.registeredAddress === values.currentAddress : null);

/**
 * The person register: one record per person, written through PERSON_FIELDS and its parser, one person per
 * ID number (a 15-digit number and its 18-digit form are one), each write with its change history in the
 * same transaction. Records leave masked; one person's ID number and phone are revealed for a reason, audited.
 */
export class PersonService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly persons: PersonRepository,
    private readonly groups: PersonGroupRepository,
    private readonly changes: RecordChangeRepository,
    private readonly placement: RecordPlacement,
    private readonly audit: AuditRepository,
  ) {}

  get(actor: Actor, id: number): Promise<PersonDetail> {
    return this.detail(this.db, actor, id);
  }

  async detail(executor: DatabaseExecutor, actor: Actor, id: number): Promise<PersonDetail> {
    const record = await this.persons.findRecord(executor, id, actor.jurisdiction);
    if (!record) throw personNotFound(id);
    return presentPersonDetail(actor, record, {
      household: record.householdId === null ? null : (await this.persons.household(executor, record.householdId)) ?? null,
      specialGroups: maySeeSpecialGroups(actor) ? await this.groups.listForPerson(executor, 'special_group_records', id) : null,
      careGroups: await this.groups.listForPerson(executor, 'care_group_records', id),
    });
  }

  async reveal(actor: Actor, id: number, reason: string, ip: string | null) {
    const person = await this.persons.findRecord(this.db, id, actor.jurisdiction);
    if (!person) throw personNotFound(id);
    await this.audit.append({
      actorUserId: actorUserId(actor), actorApiTokenId: actor.kind === 'api_token' ? actor.apiTokenId : null, ip,
      action: 'person.reveal', targetTable: 'persons', targetId: id, reason, details: { fields: ['idNumber', 'mobile'] },
    });
    return { id: person.id, name: person.values.name as string, idNumber: person.values.idNumber as string | null, mobile: person.values.mobile as string | null };
  }

  async create(actor: Actor, input: Record<string, unknown>): Promise<PersonDetail> {
    const person = this.parse(input, new Set(Object.keys(input)));
    const grid = await this.placement.gridFor(actor, { gridCode: person.gridCode }, PERSON);
    const userId = actorUserId(actor);
    return this.db.transaction().execute(async (transaction) => {
      await this.ensureIdNumberFree(transaction, actor, person, null);
      const householdId = person.householdNumber ? await this.persons.householdOfNumber(transaction, grid.id, person.householdNumber, userId) : null;
      const values = valuesOf(person, grid.code);
      const id = await this.persons.insert(transaction, {
        ...personColumnValues(values), id_number_legacy: person.idNumberLegacy, grid_id: grid.id, household_id: householdId,
        addresses_match: addressesMatch(values), attention_since: values.underAttention ? today() : null, created_by: userId, updated_by: userId,
      });
      if (householdId !== null && values.relationToHead === '户主') await this.persons.claimHeadIfNone(transaction, householdId, id);
      await this.changes.insert(transaction, { table: 'persons', recordId: id, changedBy: userId, before: null, after: createdFields(values) });
      return this.detail(transaction, actor, id);
    });
  }

  /** Changes the sent fields of a person last seen at `version`; the whole record must still be valid. */
  async update(actor: Actor, id: number, input: Record<string, unknown> & { version: number }): Promise<PersonDetail> {
    const { version, ...patch } = input;
    const current = await this.persons.findRecord(this.db, id, actor.jurisdiction);
    if (!current) throw personNotFound(id);
    if (current.version !== version) throw versionConflict('person.version_conflict', current.version);
    const person = this.parse({ ...current.values, ...patch }, new Set(Object.keys(patch)));
    const grid = await this.placement.gridFor(actor, { gridCode: person.gridCode }, PERSON);
    return this.db.transaction().execute(async (transaction) => {
      const locked = await this.lockedRecord(transaction, actor, id, version);
      await this.applyChanges(transaction, actor, locked, person, grid);
      return this.detail(transaction, actor, id);
    });
  }

  /**
   * Writes fields a visit settled (see settleVisitCorrections) over the person as locked in the caller's
   * transaction, whatever its version now: parsed, versioned and kept in the history as any edit, with the
   * visit as its source. The grid and household stay. Returns the version after.
   */
  async writeFromVisit(transaction: DatabaseExecutor, actor: Actor, locked: PersonRecord, patch: Record<string, unknown>): Promise<number> {
    const person = this.parse({ ...locked.values, ...patch }, new Set(Object.keys(patch)));
    const changed = await this.applyChanges(transaction, actor, locked, person, { id: locked.gridId!, code: String(locked.values.gridCode) }, 'visit');
    return changed ? locked.version + 1 : locked.version;
  }

  /** The changed fields of a parsed person written over the locked record, with their history; false when nothing changed. */
  private async applyChanges(
    transaction: DatabaseExecutor, actor: Actor, locked: PersonRecord, person: ParsedPerson, grid: { id: number; code: string }, source?: ChangeSource,
  ): Promise<boolean> {
    const userId = actorUserId(actor);
    const after = valuesOf(person, grid.code);
    const diff = changedFields(locked.values, after, PERSON_VALUE_KEYS);
    if (!diff) return false;
    const changed = new Set(Object.keys(diff.after) as PersonValueKey[]);
    if (changed.has('idNumber') || changed.has('idType')) await this.ensureIdNumberFree(transaction, actor, person, locked.id);
    const columns: Record<string, unknown> = { ...personColumnValues(diff.after as Partial<PersonValues>), updated_by: userId };
    if (changed.has('idNumber')) columns.id_number_legacy = person.idNumberLegacy;
    if (changed.has('gridCode')) columns.grid_id = grid.id;
    if (changed.has('gridCode') || changed.has('householdNumber')) {
      columns.household_id = person.householdNumber ? await this.persons.householdOfNumber(transaction, grid.id, person.householdNumber, userId) : null;
    }
    if (changed.has('registeredAddress') || changed.has('currentAddress')) columns.addresses_match = addressesMatch(after);
    if (changed.has('underAttention')) columns.attention_since = after.underAttention ? today() : null;
    await this.write(transaction, locked, columns);
    const householdId = (columns.household_id as number | null | undefined) ?? locked.householdId;
    if (householdId !== null && after.relationToHead === '户主') await this.persons.claimHeadIfNone(transaction, householdId, locked.id);
    await this.changes.insert(transaction, { table: 'persons', recordId: locked.id, changedBy: userId, ...(source ? { source } : {}), ...diff });
    return true;
  }

  async deregister(actor: Actor, id: number, input: { reason: string; date: string; version?: number | undefined }): Promise<PersonDetail> {
    if (input.date > today()) throw invalid('person.deregistration_in_future', '注销日期不能晚于今天', 'The deregistration date cannot be in the future');
    return this.db.transaction().execute(async (transaction) => {
      const locked = await this.lockedRecord(transaction, actor, id, input.version);
      if (locked.values.deregisteredOn !== null) {
        throw conflict('person.already_deregistered', `人员 ${id} 已于 ${String(locked.values.deregisteredOn)} 注销`, `Person ${id} was deregistered on ${String(locked.values.deregisteredOn)}`);
      }
      const userId = actorUserId(actor);
      await this.write(transaction, locked, { deregistered_on: input.date, deregistration_reason: input.reason, updated_by: userId });
      await this.changes.insert(transaction, {
        table: 'persons', recordId: id, changedBy: userId,
        before: { deregisteredOn: null, deregistrationReason: locked.values.deregistrationReason },
        after: { deregisteredOn: input.date, deregistrationReason: input.reason },
      });
      return this.detail(transaction, actor, id);
    });
  }

  async history(actor: Actor, id: number, limit: number): Promise<RecordChangeView[]> {
    if (!(await this.persons.findRecord(this.db, id, actor.jurisdiction))) throw personNotFound(id);
    return presentPersonHistory(actor, await this.changes.listFor(this.db, 'persons', id, limit));
  }

  /** The person locked for a write, at the version the writer saw (when one is given). */
  async lockedRecord(executor: DatabaseExecutor, actor: Actor, id: number, version?: number): Promise<PersonRecord> {
    const record = await this.persons.findRecord(executor, id, actor.jurisdiction, { lock: true });
    if (!record) throw personNotFound(id);
    if (version !== undefined && record.version !== version) throw versionConflict('person.version_conflict', record.version);
    return record;
  }

  async write(executor: DatabaseExecutor, record: PersonRecord, columns: Record<string, unknown>): Promise<void> {
    if (!(await this.persons.update(executor, record.id, record.version, columns))) throw versionConflict('person.version_conflict', record.version + 1);
  }

  /** PERSON_FIELDS through parsePersonValues, then the fields of floating, foreign and left-behind persons; every problem at once. */
  private parse(values: Record<string, unknown>, sent: ReadonlySet<string>): ParsedPerson {
    const parsed = parsePersonValues(values);
    const errors: RecordFieldError[] = 'errors' in parsed ? [...parsed.errors] : [];
    const residency = 'person' in parsed
      ? parsePersonResidencyValues(parsed.person, values, sent)
      : parseRecordValues(PERSON_RESIDENCY_FIELDS, values);
    if ('errors' in residency) errors.push(...residency.errors);
    if (errors.length > 0 || !('person' in parsed) || !('values' in residency)) throw invalidValues(PERSON.code, PERSON, errors);
    return { ...parsed.person, ...residency.values } as ParsedPerson;
  }

  /** One person per ID number: a holder the actor may see is named by id, one elsewhere only said to exist. */
  private async ensureIdNumberFree(executor: DatabaseExecutor, actor: Actor, person: ParsedPerson, exceptId: number | null): Promise<void> {
    if (!person.idNumber) return;
    const other = person.idType === 'resident_id_card' ? otherFormOfIdNumber(person.idNumber) : undefined;
    const holders = await this.persons.holdersOfIdNumbers(executor, person.idType, other ? [person.idNumber, other] : [person.idNumber], exceptId);
    const holder = holders[0];
    if (!holder) return;
    const visible = holder.gridPath === null ? actor.jurisdiction.kind === 'everywhere' : coversGrid(actor.jurisdiction, holder.gridPath);
    throw visible
      ? conflict('person.id_number_taken', `证件号码已登记在人员 ${holder.id} 名下，一个证件号码只能登记一人`, `The ID number is already registered to person ${holder.id}`, { personId: holder.id })
      : conflict('person.id_number_taken', '证件号码已登记在其他辖区的人员名下，一个证件号码只能登记一人', 'The ID number is already registered to a person outside your jurisdiction');
  }
}
