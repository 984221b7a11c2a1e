import { z } from 'zod';
import { REGION_LEVELS } from './region-code.js';

export const regionCodeSchema = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, 'region code: 6, 9 or 12 digits');

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
  childCount: z.number().int(),
  gridCount: z.number().int(),
});
export type Region = z.infer<typeof regionSchema>;

export const regionListQuerySchema = z.object({
  parentCode: regionCodeSchema.optional(),
});

export const regionImportSchema = z.object({
  cityCode: z.string().regex(/^\d{4}00$/, 'city code: six digits ending in 00, e.g. 370300'),
  districtCodes: z.array(z.string().regex(/^\d{6}$/)).optional(),
});
