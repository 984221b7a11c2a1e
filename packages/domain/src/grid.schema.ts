import { z } from 'zod';
import { areaGeometrySchema, type AreaGeometry } from './geojson.schema.js';
import { GRID_ACTIONS } from './access/grid-policy.js';
import { regionSchema } from './region.schema.js';
import { GRID_MEMBER_ROLES } from './grid-member.js';

export const gridCodeSchema = z.string().regex(/^(\d{15}|\d{17})$/, 'grid code: 15 digits, or 17 for a micro-grid');

export const gridSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['grid', 'micro-grid']),
  communityCode: z.string(),
  communityName: z.string(),
  parentGridCode: z.string().nullable(),
  householdTarget: z.number().int(),
  contactChannel: z.string().nullable(),
  households: z.number().int(),
  persons: z.number().int(),
  overHouseholdRule: z.boolean(),
});
export type Grid = z.infer<typeof gridSchema>;

export const gridMemberViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(GRID_MEMBER_ROLES),
  roleLabel: z.string(),
  phone: z.string().nullable(),
});
export type GridMemberView = z.infer<typeof gridMemberViewSchema>;

export const gridDetailSchema = gridSchema.extend({
  members: z.array(gridMemberViewSchema),
  ancestors: z.array(regionSchema),
  /** What the signed-in user may do to this grid. */
  actions: z.array(z.enum(GRID_ACTIONS)),
});
export type GridDetail = z.infer<typeof gridDetailSchema>;

export const gridFeaturePropertiesSchema = gridSchema.pick({
  code: true, name: true, kind: true, communityCode: true, communityName: true,
  households: true, persons: true, householdTarget: true, overHouseholdRule: true,
});
export type GridFeatureProperties = z.infer<typeof gridFeaturePropertiesSchema>;

export interface GridFeature {
  type: 'Feature';
  properties: GridFeatureProperties;
  geometry: AreaGeometry;
}

export interface GridFeatureCollection {
  type: 'FeatureCollection';
  features: GridFeature[];
  /** The region's own outline, when known. */
  boundary: AreaGeometry | null;
}

export const gridCreateSchema = z.object({
  code: gridCodeSchema,
  name: z.string().trim().min(1).max(100),
  householdTarget: z.number().int().min(1).max(5000).default(300),
  contactChannel: z.string().trim().max(500).nullish(),
  boundary: areaGeometrySchema,
});
export type GridCreate = z.infer<typeof gridCreateSchema>;

export const gridUpdateSchema = gridCreateSchema.omit({ code: true }).partial();
export type GridUpdate = z.infer<typeof gridUpdateSchema>;

export const gridListQuerySchema = z.object({
  regionCode: z.string().regex(/^(\d{6}|\d{9}|\d{12})$/).optional(),
  limit: z.coerce.number().int().min(1).max(10000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
});

export const locateQuerySchema = z.object({
  lon: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
});

export const gridFeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    code: gridCodeSchema,
    name: z.string().trim().min(1).max(100),
    householdTarget: z.number().int().min(1).max(5000).optional(),
  }),
  geometry: z.unknown(),
});

export const gridImportSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(gridFeatureSchema).min(1).max(2000),
});
export type GridImport = z.infer<typeof gridImportSchema>;

export const gridImportProblemSchema = z.object({
  kind: z.enum([
    'invalid_geometry', 'overlap', 'gap', 'outside_community', 'outside_parent_grid', 'missing_parent_grid',
    'duplicate_code', 'wrong_community',
  ]),
  gridCodes: z.array(z.string()),
  message: z.string(),
  where: z.unknown().describe('GeoJSON geometry of the problem area or point'),
  areaSquareMetres: z.number().nullable(),
});
export type GridImportProblem = z.infer<typeof gridImportProblemSchema>;

export const gridMemberCreateSchema = z.object({
  name: z.string().trim().min(1).max(50),
  role: z.enum(GRID_MEMBER_ROLES),
  phone: z.string().regex(/^1\d{10}$/, 'mobile phone: 11 digits starting with 1').nullish(),
  staffMemberId: z.number().int().optional(),
});
