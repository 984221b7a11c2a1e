import { z } from 'zod';
import { HOUSE_USES, type MaskedPerson } from '../base-data.schema.js';
import { gridCodeSchema } from '../grid.schema.js';
import { booleanQuerySchema, pageQueryShape, regionCodeQuerySchema } from './person-register.schema.js';
import { recordCreateSchema, recordUpdateSchema } from './record-register.schema.js';
import { BUILDING_FIELDS, HOUSE_FIELDS, HOUSEHOLD_FIELDS } from './house-fields.js';

export const buildingUpdateSchema = recordUpdateSchema(BUILDING_FIELDS);
export const unitCreateSchema = z.object({ name: z.string().trim().min(1).max(20) });

/** A building's editable record, with its version. */
export interface BuildingRecordView {
  id: number;
  version: number;
  name: string;
  address: string | null;
  buildingType: string | null;
  floors: number | null;
  gridCode: string;
}

export interface UnitView {
  id: number;
  name: string;
  houses: number;
}

export const houseCreateSchema = recordCreateSchema(HOUSE_FIELDS).extend({ buildingId: z.number().int().positive() });
export const houseUpdateSchema = recordUpdateSchema(HOUSE_FIELDS);
export const houseListQuerySchema = z.object({
  buildingId: z.coerce.number().int().positive().optional(),
  gridCode: gridCodeSchema.optional(),
  regionCode: regionCodeQuerySchema.optional(),
  use: z.enum(HOUSE_USES).optional(),
  /** a house number, or a building name fragment */
  q: z.string().trim().min(1).max(50).optional(),
  deregistered: booleanQuerySchema.default(false),
  ...pageQueryShape,
});
export const tenancyCreateSchema = z.object({
  tenantPersonId: z.number().int().positive(),
  startedOn: z.iso.date().nullish(),
  endedOn: z.iso.date().nullish(),
  purpose: z.string().trim().max(50).nullish(),
});
export const tenancyEndSchema = z.object({ endedOn: z.iso.date() });

export const householdCreateSchema = recordCreateSchema(HOUSEHOLD_FIELDS);
export const householdUpdateSchema = recordUpdateSchema(HOUSEHOLD_FIELDS);
export const householdListQuerySchema = z.object({
  gridCode: gridCodeSchema.optional(),
  regionCode: regionCodeQuerySchema.optional(),
  houseId: z.coerce.number().int().positive().optional(),
  /** a household number, or the head's name */
  q: z.string().trim().min(1).max(50).optional(),
  deregistered: booleanQuerySchema.default(false),
  ...pageQueryShape,
});
export const householdMemberSchema = z.object({ relationToHead: z.string().trim().min(1).max(20) });

/** A tenant of a rental house, as the house shows them (masked). */
export interface TenancyView {
  id: number;
  tenant: MaskedPerson;
  startedOn: string | null;
  endedOn: string | null;
  purpose: string | null;
}

/** A house: where it is, its use, its owner (the landlord of a rental) and tenants, the households living in it. */
export type HouseView = {
  id: number;
  version: number;
  buildingId: number;
  buildingName: string;
  gridCode: string;
  gridName: string;
  unitName: string | null;
  floor: number | null;
  number: string;
  use: (typeof HOUSE_USES)[number];
  areaSquareMetres: number | null;
  ownerPersonId: number | null;
  attentionLevel: number;
  dataSource: string;
  deregisteredOn: string | null;
  deregistrationReason: string | null;
  nextVisitOn: string | null;
  lastVerifiedOn: string | null;
  createdAt: string;
  updatedAt: string;
  actions: ('edit' | 'manage_tenancies')[];
};
export type HouseDetail = HouseView & {
  owner: MaskedPerson | null;
  /** current tenancies first, then ended ones */
  tenancies: TenancyView[];
  households: { id: number; householdNumber: string | null; headName: string | null; members: number }[];
};

/** A household with its house, head and members (each with the relation to the head, masked). */
export type HouseholdView = {
  id: number;
  version: number;
  householdNumber: string | null;
  kind: string;
  houseId: number | null;
  houseLabel: string | null;
  buildingId: number | null;
  buildingName: string | null;
  gridCode: string;
  gridName: string;
  headPersonId: number | null;
  headName: string | null;
  members: number;
  attentionLevel: number;
  dataSource: string;
  deregisteredOn: string | null;
  deregistrationReason: string | null;
  nextVisitOn: string | null;
  lastVerifiedOn: string | null;
  createdAt: string;
  updatedAt: string;
  actions: ('edit' | 'manage_members')[];
};
export type HouseholdRegisterDetail = HouseholdView & { persons: MaskedPerson[] };
