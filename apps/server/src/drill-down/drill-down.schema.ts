import { gridCodeSchema, regionCodeSchema } from '@civicgrid/domain';
import { z } from 'zod';

/** At most one node; none is the top of the region tree the caller can see. */
export const drillDownQuerySchema = z
  .object({
    regionCode: regionCodeSchema.optional(),
    gridCode: gridCodeSchema.optional(),
    buildingId: z.coerce.number().int().positive().optional(),
    householdId: z.coerce.number().int().positive().optional(),
    personId: z.coerce.number().int().positive().optional(),
  })
  .refine((query) => Object.values(query).filter((value) => value !== undefined).length <= 1, { message: '一次只能指定一个节点' });
export type DrillDownQuery = z.infer<typeof drillDownQuerySchema>;

export const DRILL_DOWN_KINDS = ['region', 'grid', 'building', 'household', 'person'] as const;
export type DrillDownKind = (typeof DRILL_DOWN_KINDS)[number];

const populationSchema = z.object({ total: z.number(), registered: z.number(), floating: z.number(), foreign: z.number() });

/** Counts of a node; null where the level has no such count (a household has no grid members). */
export const drillDownCountsSchema = z.object({
  population: populationSchema,
  households: z.number().nullable(),
  gridMembers: z.number().nullable(),
  grids: z.number().nullable(),
  openIncidents: z.number().nullable(),
  overdueIncidents: z.number().nullable(),
});
export type DrillDownCounts = z.infer<typeof drillDownCountsSchema>;

const nodeRefSchema = z.object({ kind: z.enum(DRILL_DOWN_KINDS), key: z.string(), name: z.string(), level: z.string().nullable() });

const maskedPersonSchema = z.object({
  id: z.number(), name: z.string(), gender: z.string().nullable(), residency: z.string(), idNumberMasked: z.string().nullable(),
  mobileMasked: z.string().nullable(), birthDate: z.string().nullable(), relationToHead: z.string().nullable(),
});

export const drillDownSchema = z.object({
  node: nodeRefSchema.extend({
    /** [west, south, east, north] of a region or grid, to bring it into view. */
    bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
    /** [lon, lat] of a building, or of the building a household or person lives in. */
    location: z.tuple([z.number(), z.number()]).nullable(),
  }),
  /** From the top of the caller's tree down to the node itself. */
  breadcrumb: z.array(nodeRefSchema),
  counts: drillDownCountsSchema.nullable(),
  childKind: z.enum(DRILL_DOWN_KINDS).nullable(),
  children: z.array(nodeRefSchema.extend({
    counts: drillDownCountsSchema.nullable(),
    location: z.tuple([z.number(), z.number()]).nullable(),
    /** What a list row shows besides the name: a household's head, a person's masked ID number … */
    description: z.string().nullable(),
  })),
  gridMembers: z.array(z.object({ name: z.string(), role: z.string(), roleLabel: z.string() })),
  person: maskedPersonSchema.extend({ currentAddress: z.string().nullable() }).nullable(),
});
export type DrillDown = z.infer<typeof drillDownSchema>;
export type DrillDownChild = DrillDown['children'][number];
