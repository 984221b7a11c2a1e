import {
  careGroupChangeKey, conflict, invalid, otherFormOfIdNumber, specialGroupChangeKey, type Actor, type ChangeDocument, type PersonMergeResult,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../database/schema.js';
import type { RecordChangeRepository } from '../record-change.repository.js';
import { actorUserId, today } from '../register-errors.js';
import { personColumnValues, PERSON_VALUE_KEYS, type PersonValueKey, type PersonValues } from './person-columns.js';
import type { PersonMergeRepository } from './person-merge.repository.js';
import type { PersonRecord } from './person.repository.js';
import type { PersonService } from './person.service.js';

export const MERGE_REASON = '合并重复';

// what a merge never copies over: where the person is, how they are identified, and whether they are on the register
const NOT_FILLED = new Set<PersonValueKey>(['gridCode', 'householdNumber', 'relationToHead', 'idType', 'idNumber', 'deregisteredOn', 'deregistrationReason']);

/**
 * The kept person's blanks filled from the merged one; its ID number taken when the kept one has none (or
 * only the old 15-digit form of it).
 */
function filledValues(kept: PersonRecord, merged: PersonRecord): { values: Partial<PersonValues>; takesIdNumber: boolean } {
  const values: Partial<PersonValues> = {};
  for (const key of PERSON_VALUE_KEYS) {
    if (!NOT_FILLED.has(key) && kept.values[key] === null && merged.values[key] !== null) values[key] = merged.values[key];
  }
  const keptNumber = kept.values.idNumber as string | null;
  const mergedNumber = merged.values.idNumber as string | null;
  const takesIdNumber = mergedNumber !== null && (keptNumber === null || (kept.idNumberLegacy && otherFormOfIdNumber(keptNumber) === mergedNumber));
  if (takesIdNumber) Object.assign(values, { idType: merged.values.idType, idNumber: mergedNumber });
  return { values, takesIdNumber };
}

/** Merging a duplicate into the person kept: references moved, blanks filled, the duplicate deregistered, both histories written. */
export class PersonMergeService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly personService: PersonService,
    private readonly merges: PersonMergeRepository,
    private readonly changes: RecordChangeRepository,
  ) {}

  async merge(actor: Actor, id: number, input: { intoPersonId: number; version: number }): Promise<PersonMergeResult> {
    const userId = actorUserId(actor);
    return this.db.transaction().execute(async (transaction) => {
      // locked in id order, so that two opposite merges cannot deadlock
      const [first, second] = [id, input.intoPersonId].sort((left, right) => left - right) as [number, number];
      const locked = new Map<number, PersonRecord>();
      for (const personId of [first, second]) {
        locked.set(personId, await this.personService.lockedRecord(transaction, actor, personId, personId === id ? input.version : undefined));
      }
      if (id === input.intoPersonId) throw invalid('person.merge_into_itself', '不能把人员合并到自己', 'A person cannot be merged into itself');
      const merged = locked.get(id)!;
      const kept = locked.get(input.intoPersonId)!;
      if (merged.values.deregisteredOn !== null) throw conflict('person.already_deregistered', `人员 ${id} 已注销`, `Person ${id} is already deregistered`);
      if (kept.values.deregisteredOn !== null) {
        throw conflict('person.merge_into_deregistered', `人员 ${kept.id} 已注销，不能合并到已注销的人员`, `Person ${kept.id} is deregistered; merge into a person on the register`);
      }
      const { values: filled, takesIdNumber } = filledValues(kept, merged);
      const takesHousehold = kept.householdId === null && merged.householdId !== null;

      const mergedColumns: Record<string, unknown> = {
        deregistered_on: today(), deregistration_reason: MERGE_REASON, household_id: null, relation_to_head: null, updated_by: userId,
      };
      if (takesIdNumber) Object.assign(mergedColumns, { id_number: null, id_number_legacy: false });
      await this.personService.write(transaction, merged, mergedColumns);

      const keptColumns: Record<string, unknown> = { ...personColumnValues(filled), updated_by: userId };
      if (takesIdNumber) keptColumns.id_number_legacy = merged.idNumberLegacy;
      if (takesHousehold) Object.assign(keptColumns, { household_id: merged.householdId, relation_to_head: merged.values.relationToHead });
      await this.personService.write(transaction, kept, keptColumns);

      const moved = await this.merges.moveReferences(transaction, id, kept.id);
      await this.merges.moveHeadships(transaction, id, kept.id, takesHousehold ? merged.householdId : kept.householdId);
      const special = await this.merges.moveGroupRecords(transaction, 'special_group_records', id, kept.id);
      const care = await this.merges.moveGroupRecords(transaction, 'care_group_records', id, kept.id);
      if (special.moved.length) moved.specialGroups = special.moved.length;
      if (care.moved.length) moved.careGroups = care.moved.length;

      const movedGroups = (listed: boolean): ChangeDocument => Object.fromEntries([
        ...special.moved.map((kind) => [specialGroupChangeKey(kind), listed]),
        ...care.moved.map((kind) => [careGroupChangeKey(kind), listed]),
      ]);
      const keptBefore: ChangeDocument = { ...Object.fromEntries(Object.keys(filled).map((key) => [key, kept.values[key as PersonValueKey]])), mergedFrom: null, ...movedGroups(false) };
      const keptAfter: ChangeDocument = { ...filled, mergedFrom: id, ...movedGroups(true) };
      if (takesHousehold) {
        Object.assign(keptBefore, { householdNumber: null, relationToHead: kept.values.relationToHead });
        Object.assign(keptAfter, { householdNumber: merged.values.householdNumber, relationToHead: merged.values.relationToHead });
      }
      await this.changes.insert(transaction, { table: 'persons', recordId: kept.id, changedBy: userId, before: keptBefore, after: keptAfter });
      const mergedBefore: ChangeDocument = {
        deregisteredOn: null, deregistrationReason: merged.values.deregistrationReason, householdNumber: merged.values.householdNumber,
        relationToHead: merged.values.relationToHead, mergedInto: null, ...movedGroups(true),
      };
      const mergedAfter: ChangeDocument = {
        deregisteredOn: today(), deregistrationReason: MERGE_REASON, householdNumber: null, relationToHead: null, mergedInto: kept.id, ...movedGroups(false),
      };
      if (takesIdNumber) {
        mergedBefore.idNumber = merged.values.idNumber;
        mergedAfter.idNumber = null;
      }
      await this.changes.insert(transaction, { table: 'persons', recordId: id, changedBy: userId, before: mergedBefore, after: mergedAfter });

      return {
        ...(await this.personService.detail(transaction, actor, kept.id)),
        merge: { mergedPersonId: id, moved, keptOnMerged: [...special.kept, ...care.kept] },
      };
    });
  }
}
