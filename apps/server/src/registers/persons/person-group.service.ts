import {
  can, CARE_GROUP_KIND_LABELS, careGroupChangeKey, changedFields, forbidden, notFound, parseCareGroupRecord, parseSpecialGroupRecord,
  SPECIAL_GROUP_KIND_LABELS, specialGroupChangeKey, type Actor, type CareGroupKind, type ChangeDocument, type GroupRecordWrite,
  type PersonGroupView, type SpecialGroupKind,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { AuditRepository } from '../../audit/audit.repository.js';
import type { DatabaseSchema } from '../../database/schema.js';
import type { RecordChangeRepository } from '../record-change.repository.js';
import { actorUserId, invalidValues, versionConflict } from '../register-errors.js';
import { presentGroupRecord } from './person.presenter.js';
import type { GroupTable, PersonGroupRepository } from './person-group.repository.js';
import type { PersonRepository } from './person.repository.js';
import { personNotFound, type PersonService } from './person.service.js';

export type GroupRegister =
  | { table: 'special_group_records'; kind: SpecialGroupKind }
  | { table: 'care_group_records'; kind: CareGroupKind };

const labelsOf = (table: GroupTable): Readonly<Record<string, string>> => (table === 'special_group_records' ? SPECIAL_GROUP_KIND_LABELS : CARE_GROUP_KIND_LABELS);

/** A group record as the person's history keeps it: listed or not, and each field under `<group>.<kind>.<field>`. */
function changeDocument(group: GroupRegister, record: GroupRecordWrite | null): ChangeDocument {
  const key = group.table === 'special_group_records' ? specialGroupChangeKey : careGroupChangeKey;
  const document: ChangeDocument = { [key(group.kind)]: record !== null };
  const fields: Record<string, unknown> = record === null ? {} : {
    ...(group.table === 'special_group_records' ? { riskLevel: record.riskLevel, guardianPersonId: record.guardianPersonId } : {}),
    startedOn: record.startedOn, endedOn: record.endedOn, nextVisitOn: record.nextVisitOn,
    ...Object.fromEntries(Object.entries(record.details).map(([name, value]) => [`details.${name}`, value])),
  };
  for (const [name, value] of Object.entries(fields)) if (value !== null && value !== undefined) document[key(group.kind, name)] = value;
  return document;
}

/**
 * Special groups and care groups of a person, one record per kind, each kind's fields by its schema. Special
 * groups are sensitive: only roles that may reveal a person see or change them, and reading one is audited.
 */
export class PersonGroupService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly personService: PersonService,
    private readonly persons: PersonRepository,
    private readonly groups: PersonGroupRepository,
    private readonly changes: RecordChangeRepository,
    private readonly audit: AuditRepository,
  ) {}

  async get(actor: Actor, personId: number, group: GroupRegister, ip: string | null): Promise<PersonGroupView> {
    this.requireSpecialGroupAccess(actor, group);
    if (!(await this.persons.findRecord(this.db, personId, actor.jurisdiction))) throw personNotFound(personId);
    const record = await this.groups.find(this.db, group.table, personId, group.kind);
    if (!record) throw this.groupNotFound(personId, group);
    if (group.table === 'special_group_records') {
      await this.audit.append({
        actorUserId: actorUserId(actor), actorApiTokenId: actor.kind === 'api_token' ? actor.apiTokenId : null, ip,
        action: 'person.special_group.read', targetTable: 'special_group_records', targetId: record.id, reason: null, details: { personId, kind: group.kind },
      });
    }
    return presentGroupRecord(record, labelsOf(group.table));
  }

  /** Lists the person in the group, or changes its record there; `version` guards a change against a concurrent one. */
  async put(actor: Actor, personId: number, group: GroupRegister, input: Record<string, unknown> & { version?: number | undefined }): Promise<PersonGroupView> {
    this.requireSpecialGroupAccess(actor, group);
    const { version, ...fields } = input;
    const parsed = group.table === 'special_group_records' ? parseSpecialGroupRecord(group.kind, fields) : parseCareGroupRecord(group.kind, fields);
    const what = group.table === 'special_group_records'
      ? { code: 'special_group.invalid', zh: `${SPECIAL_GROUP_KIND_LABELS[group.kind]}信息`, en: 'special group record' }
      : { code: 'care_group.invalid', zh: `${CARE_GROUP_KIND_LABELS[group.kind]}信息`, en: 'care group record' };
    if ('errors' in parsed) throw invalidValues(what.code, what, parsed.errors);
    const record = parsed.record;
    if (record.guardianPersonId !== null) {
      const guardian = record.guardianPersonId === personId ? undefined : await this.persons.findRecord(this.db, record.guardianPersonId, actor.jurisdiction);
      if (!guardian) {
        throw invalidValues(what.code, what, [{ field: 'guardianPersonId', zh: `监护人：人员 ${record.guardianPersonId} 不存在或不能作为本人的监护人`, en: `guardianPersonId: person ${record.guardianPersonId} cannot be the guardian` }]);
      }
    }
    const userId = actorUserId(actor);
    return this.db.transaction().execute(async (transaction) => {
      await this.personService.lockedRecord(transaction, actor, personId);
      const existing = await this.groups.find(transaction, group.table, personId, group.kind, { lock: true });
      if (existing && version !== undefined && existing.version !== version) throw versionConflict(`${group.table === 'special_group_records' ? 'special_group' : 'care_group'}.version_conflict`, existing.version);
      const diff = changedFields(changeDocument(group, existing ?? null), changeDocument(group, record), [
        ...Object.keys(changeDocument(group, existing ?? null)), ...Object.keys(changeDocument(group, record)),
      ]);
      if (existing) await this.groups.update(transaction, group.table, existing.id, record, userId);
      else await this.groups.insert(transaction, group.table, personId, group.kind, record, userId);
      if (diff) await this.changes.insert(transaction, { table: 'persons', recordId: personId, changedBy: userId, ...diff });
      return presentGroupRecord((await this.groups.find(transaction, group.table, personId, group.kind))!, labelsOf(group.table));
    });
  }

  async remove(actor: Actor, personId: number, group: GroupRegister): Promise<void> {
    this.requireSpecialGroupAccess(actor, group);
    const userId = actorUserId(actor);
    await this.db.transaction().execute(async (transaction) => {
      await this.personService.lockedRecord(transaction, actor, personId);
      const existing = await this.groups.find(transaction, group.table, personId, group.kind, { lock: true });
      if (!existing) throw this.groupNotFound(personId, group);
      await this.groups.delete(transaction, group.table, existing.id);
      const before = changeDocument(group, existing);
      const after: ChangeDocument = Object.fromEntries(Object.keys(before).map((key) => [key, null]));
      after[Object.keys(before)[0]!] = false;
      await this.changes.insert(transaction, { table: 'persons', recordId: personId, changedBy: userId, before, after });
    });
  }

  private requireSpecialGroupAccess(actor: Actor, group: GroupRegister): void {
    if (group.table === 'special_group_records' && !can(actor, 'person.reveal')) {
      throw forbidden('person.special_groups_hidden', '您的角色不能查看或维护特殊人群信息', 'Your role may not see or change special-group records');
    }
  }

  private groupNotFound(personId: number, group: GroupRegister) {
    const label = labelsOf(group.table)[group.kind];
    return notFound(`${group.table === 'special_group_records' ? 'special_group' : 'care_group'}.not_found`, `人员 ${personId} 不在“${label}”中`, `Person ${personId} is not in group ${group.kind}`);
  }
}
