import { z } from 'zod';
import { REGION_LEVELS } from './region-code.js';

export const regionCodeSchema = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, 'region code: 6, 9 or 12 digits');

/** [west, south, east, north] in WGS-84 degrees. */
export const boundingBoxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type BoundingBox = z.infer<typeof boundingBoxSchema>;

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
  childCount: z.number().int(),
  /** Top-level grids anywhere below the region. */
  gridCount: z.number().int(),
  bbox: boundingBoxSchema.nullable(),
});
export type Region = z.infer<typeof regionSchema>;

export const regionDetailSchema = regionSchema.extend({
  /** From the city down, excluding the region itself. */
  ancestors: z.array(regionSchema),
});
export type RegionDetail = z.infer<typeof regionDetailSchema>;

export const regionListQuerySchema = z.object({
  parentCode: regionCodeSchema.optional(),
});

export const regionImportSchema = z.object({
  cityCode: z.string().regex(/^\d{4}00$/, 'city code: six digits ending in 00, e.g. 370300'),
  districtCodes: z.array(z.string().regex(/^\d{6}$/)).optional(),
});
