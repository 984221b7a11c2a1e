import type { MaskedPerson } from '../base-data.schema.js';
import type { CareGroupKind } from './care-groups.js';
import type { PersonWrite } from './person-values.js';
import type { PersonResidencyFieldKey } from './person-residency.js';
import type { SpecialGroupKind } from './special-groups.js';

/** What the reader may do with a person: clients show only these buttons. */
export type PersonAction = 'edit' | 'deregister' | 'merge' | 'reveal' | 'manage_groups';

/** A person as `GET /api/persons` lists them: ID number and mobile masked; special groups only for readers who may see them. */
export interface PersonListItem extends MaskedPerson {
  gridCode: string | null;
  gridName: string | null;
  currentAddress: string | null;
  leftBehind: boolean;
  attentionLevel: number;
  underAttention: boolean;
  dataSource: string;
  idNumberLegacy: boolean;
  lastVerifiedOn: string | null;
  nextVisitOn: string | null;
  deregisteredOn: string | null;
  version: number;
  careGroups: CareGroupKind[];
  /** absent when the reader may not see special-group labels */
  specialGroups?: SpecialGroupKind[];
}

export interface RecordPage<Item> {
  items: Item[];
  total: number;
}

/** A special-group or care-group record of one person. */
export interface PersonGroupView {
  kind: string;
  label: string;
  riskLevel: number | null;
  guardianPersonId: number | null;
  guardianName: string | null;
  startedOn: string | null;
  endedOn: string | null;
  nextVisitOn: string | null;
  details: Record<string, unknown>;
  version: number;
  updatedAt: string;
}

/**
 * `GET /api/persons/:id`: every field by its key (ID number and mobile only masked), the grid and household,
 * the groups, the version a change must carry and the actions the reader may take.
 */
export type PersonDetail = Omit<PersonWrite, 'idNumber' | 'mobile'> & Record<PersonResidencyFieldKey, unknown> & {
  id: number;
  version: number;
  idNumberMasked: string | null;
  mobileMasked: string | null;
  gridName: string | null;
  communityCode: string | null;
  communityName: string | null;
  householdId: number | null;
  household: { id: number; householdNumber: string | null; houseLabel: string | null; headPersonId: number | null; headName: string | null } | null;
  addressesMatch: boolean | null;
  attentionSince: string | null;
  /** null when the reader may not see special-group labels (person.reveal) */
  specialGroups: PersonGroupView[] | null;
  careGroups: PersonGroupView[];
  createdAt: string;
  updatedAt: string;
  actions: PersonAction[];
};

/** Persons who may be one and the same: same name and birth date inside the reader's area. */
export interface PersonDuplicateGroup {
  key: string;
  name: string;
  birthDate: string;
  /** legacy_id_matches: a 15-digit number is the old form of another's; missing_id: someone has none; different_ids: maybe namesakes */
  reason: 'legacy_id_matches' | 'missing_id' | 'different_ids';
  persons: PersonListItem[];
}

/** `POST /api/persons/:id/merge`: the person kept, and what was moved to it. */
export type PersonMergeResult = PersonDetail & {
  merge: {
    mergedPersonId: number;
    /** rows moved to the kept person, by what they are (visits, tenancies, specialGroups …) */
    moved: Record<string, number>;
    /** group kinds both had: the kept person's record stays, the merged one's stays with it, deregistered */
    keptOnMerged: string[];
  };
};
