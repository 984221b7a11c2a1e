import { z } from 'zod';

export const RESIDENCIES = ['registered', 'floating', 'foreign'] as const;
export const RESIDENCY_LABELS: Record<(typeof RESIDENCIES)[number], string> = {
  registered: '户籍人口',
  floating: '流动人口',
  foreign: '境外人员',
};
export const HOUSE_USES = ['self_occupied', 'rented', 'vacant', 'business'] as const;
export const HOUSE_USE_LABELS: Record<(typeof HOUSE_USES)[number], string> = {
  self_occupied: '自住',
  rented: '出租',
  vacant: '空置',
  business: '经营',
};

export const buildingCreateSchema = z.object({
  name: z.string().trim().min(1).max(100),
  address: z.string().trim().max(200).nullish(),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  floors: z.number().int().min(1).max(200).nullish(),
});

export type Residency = (typeof RESIDENCIES)[number];

/** A building as a grid lists it. */
export interface BuildingView {
  id: number;
  name: string;
  address: string | null;
  gridCode: string;
  lon: number;
  lat: number;
  floors: number | null;
  houses: number;
  households: number;
}

/** A household as a building lists it; `members` counts its persons. */
export interface HouseholdSummary {
  id: number;
  householdNumber: string | null;
  houseLabel: string;
  buildingId: number;
  buildingName: string;
  gridCode: string;
  members: number;
}

export type BuildingDetail = BuildingView & { householdList: HouseholdSummary[] };

/** A person as lists show them: ID number and mobile masked. */
export interface MaskedPerson {
  id: number;
  name: string;
  gender: 'male' | 'female' | null;
  residency: Residency;
  idNumberMasked: string | null;
  mobileMasked: string | null;
  birthDate: string | null;
  relationToHead: string | null;
}

export type HouseholdDetail = HouseholdSummary & { persons: MaskedPerson[] };

/** One person's full ID number and mobile, revealed for a reason and written to the audit log. */
export interface RevealedPerson {
  id: number;
  name: string;
  idNumber: string | null;
  mobile: string | null;
}
