import {
  can, CARE_GROUP_KIND_LABELS, isSpecialGroupChange, maskIdNumber, maskPhone, personChangeHeader, SPECIAL_GROUP_KIND_LABELS,
  type Actor, type PersonAction, type PersonDetail, type PersonGroupView, type PersonListItem, type RecordChangeView,
} from '@civicgrid/domain';
import type { RecordChangeRow } from '../record-change.repository.js';
import { PERSON_VALUE_KEYS } from './person-columns.js';
import { presentHistory } from '../record-history.js';
import type { GroupRecordRow } from './person-group.repository.js';
import type { PersonListRow } from './person-search.repository.js';
import type { PersonRecord } from './person.repository.js';

/** Special-group labels are sensitive: shown to the roles that work with them (those who may reveal a person). */
export const maySeeSpecialGroups = (actor: Actor): boolean => can(actor, 'person.reveal');

export function personActions(actor: Actor, deregistered: boolean): PersonAction[] {
  const actions: PersonAction[] = [];
  if (can(actor, 'base_data.manage')) {
    actions.push('edit');
    if (!deregistered) actions.push('deregister', 'merge');
    if (can(actor, 'person.reveal')) actions.push('manage_groups');
  }
  if (can(actor, 'person.reveal')) actions.push('reveal');
  return actions;
}

const masked = <T extends string | null>(value: T, mask: (text: string) => string) => (value ? mask(value) : null);

export function presentPersonListItem(row: PersonListRow): PersonListItem {
  const { idNumber, mobile, specialGroups, ...rest } = row;
  return {
    ...rest,
    idNumberMasked: masked(idNumber, maskIdNumber),
    mobileMasked: masked(mobile, maskPhone),
    ...(specialGroups === null ? {} : { specialGroups }),
  };
}

export function presentGroupRecord(row: GroupRecordRow, labels: Readonly<Record<string, string>>): PersonGroupView {
  return {
    kind: row.kind, label: labels[row.kind] ?? row.kind, riskLevel: row.riskLevel, guardianPersonId: row.guardianPersonId,
    guardianName: row.guardianName, startedOn: row.startedOn, endedOn: row.endedOn, nextVisitOn: row.nextVisitOn,
    details: row.details, version: row.version, updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentPersonDetail(
  actor: Actor,
  record: PersonRecord,
  related: { household: PersonDetail['household']; specialGroups: GroupRecordRow[] | null; careGroups: GroupRecordRow[] },
): PersonDetail {
  const { idNumber, mobile, ...values } = record.values;
  return {
    ...(values as Omit<PersonDetail, 'id'>),
    id: record.id,
    version: record.version,
    idNumberMasked: masked(idNumber as string | null, maskIdNumber),
    mobileMasked: masked(mobile as string | null, maskPhone),
    idNumberLegacy: record.idNumberLegacy,
    gridName: record.gridName,
    communityCode: record.communityCode,
    communityName: record.communityName,
    householdId: record.householdId,
    household: related.household,
    addressesMatch: record.addressesMatch,
    attentionSince: record.attentionSince,
    specialGroups: related.specialGroups?.map((row) => presentGroupRecord(row, SPECIAL_GROUP_KIND_LABELS)) ?? null,
    careGroups: related.careGroups.map((row) => presentGroupRecord(row, CARE_GROUP_KIND_LABELS)),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    actions: personActions(actor, record.values.deregisteredOn !== null),
  };
}

/** A person's history: ID numbers and phones masked, special-group changes only for those who may see them. */
export function presentPersonHistory(actor: Actor, rows: RecordChangeRow[]): RecordChangeView[] {
  const specialGroupsVisible = maySeeSpecialGroups(actor);
  return presentHistory(rows, personChangeHeader, (field, value) => {
    if (isSpecialGroupChange(field) && !specialGroupsVisible) return undefined;
    if (typeof value !== 'string') return value;
    if (field === 'idNumber') return maskIdNumber(value);
    if (field === 'mobile' || field.endsWith('Phone')) return maskPhone(value);
    return value;
  }, PERSON_VALUE_KEYS);
}
