import { z } from 'zod';
import { clientIdSchema } from '../incidents/incident.schema.js';
import type { CorrectionConflict } from './offline-correction.js';

export const VISIT_TARGET_KINDS = ['person', 'household', 'house', 'place', 'organization'] as const;
export type VisitTargetKind = (typeof VISIT_TARGET_KINDS)[number];
export const VISIT_TARGET_LABELS: Record<VisitTargetKind, string> = {
  person: '人员', household: '户', house: '房屋', place: '场所', organization: '单位',
};

/** Registers a visit may correct: the visited record itself, when it is a person or a house. */
export const CORRECTABLE_VISIT_TARGETS = ['person', 'house'] as const satisfies readonly VisitTargetKind[];

const fieldCorrectionSchema = z.object({ from: z.unknown(), to: z.unknown() });

/**
 * POST /api/visits: a visit as recorded on the phone, possibly hours earlier offline. `corrections` holds, per
 * changed register field of the visited person or house, the value seen (`from`, at `baseVersion`) and the value
 * entered (`to`); they settle by `settleCorrection`. The same clientId again returns the visit stored the first time.
 */
export const visitRecordSchema = z.object({
  clientId: clientIdSchema,
  targetKind: z.enum(VISIT_TARGET_KINDS),
  targetId: z.number().int().positive(),
  visitedAt: z.coerce.date(),
  lon: z.number().min(73).max(136).nullish(),
  lat: z.number().min(3).max(54).nullish(),
  note: z.string().trim().min(1).max(2000),
  directiveTargetId: z.number().int().positive().nullish(),
  corrections: z.object({
    baseVersion: z.number().int().positive(),
    fields: z.record(z.string(), fieldCorrectionSchema),
  }).nullish(),
}).refine((visit) => (visit.lon == null) === (visit.lat == null), { message: 'lon and lat go together', path: ['lat'] });
export type VisitRecordInput = z.infer<typeof visitRecordSchema>;

export const visitListQuerySchema = z.object({
  targetKind: z.enum(VISIT_TARGET_KINDS).optional(),
  targetId: z.coerce.number().int().positive().optional(),
  mine: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type VisitListQuery = z.infer<typeof visitListQuerySchema>;

export interface VisitPhotoView {
  id: number;
  fileUrl: string;
  thumbnailUrl: string;
}

/** How the visit's corrections settled: written, already so, or kept as the server had them (conflicts). */
export interface VisitCorrectionOutcome {
  applied: string[];
  unchanged: string[];
  conflicts: CorrectionConflict[];
  /** the record's version after the visit */
  version: number;
}

export interface VisitView {
  id: number;
  clientId: string | null;
  targetKind: VisitTargetKind;
  targetId: number;
  targetLabel: string;
  gridCode: string | null;
  visitedAt: string;
  visitorName: string;
  note: string | null;
  lon: number | null;
  lat: number | null;
  photos: VisitPhotoView[];
  corrections: VisitCorrectionOutcome | null;
}
