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

export const buildingSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  address: z.string().nullable(),
  gridCode: z.string(),
  lon: z.number(),
  lat: z.number(),
  floors: z.number().nullable(),
  houses: z.number().int(),
});

export const householdSummarySchema = z.object({
  id: z.number().int(),
  householdNumber: z.string().nullable(),
  houseLabel: z.string(),
  buildingName: z.string(),
  members: z.number().int(),
});

export const personSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  residency: z.enum(RESIDENCIES),
  idNumberMasked: z.string().nullable(),
  relationToHead: z.string().nullable(),
});
