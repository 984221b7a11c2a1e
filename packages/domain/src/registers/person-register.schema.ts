import { z } from 'zod';
import { RESIDENCIES } from '../base-data.schema.js';
import { gridCodeSchema } from '../grid.schema.js';
import { CARE_GROUP_KIND_LABELS, CARE_GROUP_KINDS } from './care-groups.js';
import { PERSON_FIELDS } from './person-fields.js';
import { PERSON_RESIDENCY_FIELDS } from './person-residency.js';
import { SPECIAL_GROUP_KIND_LABELS, SPECIAL_GROUP_KINDS } from './special-groups.js';

/** A value as forms and spreadsheets send it; the field table's parser decides what it means. */
const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]).optional();
const personValuesShape = Object.fromEntries([...PERSON_FIELDS, ...PERSON_RESIDENCY_FIELDS].map((field) => [field.key, cellSchema]));

export const regionCodeQuerySchema = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, 'region code: 6, 9 or 12 digits');
export const booleanQuerySchema = z.enum(['true', 'false']).transform((value) => value === 'true');
export const pageQueryShape = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

/** POST /api/persons: values keyed by PersonFieldKey (and the residency fields), parsed by parsePersonValues. */
export const personCreateSchema = z.strictObject(personValuesShape);
/** PATCH /api/persons/:id: the version the editor saw and the changed values only. */
export const personUpdateSchema = z.strictObject({ ...personValuesShape, version: z.number().int().positive() });

export const personListQuerySchema = z.object({
  /** name fragment (2+ characters), ID number (whole, or its last 4–6), phone, or address fragment (3+ characters) */
  q: z.string().trim().min(2, 'q: at least 2 characters').max(100).optional(),
  gridCode: gridCodeSchema.optional(),
  regionCode: regionCodeQuerySchema.optional(),
  residency: z.enum(RESIDENCIES).optional(),
  leftBehind: booleanQuerySchema.optional(),
  attentionLevel: z.coerce.number().int().min(1).max(3).optional(),
  underAttention: booleanQuerySchema.optional(),
  specialGroup: z.enum(SPECIAL_GROUP_KINDS as [keyof typeof SPECIAL_GROUP_KIND_LABELS]).optional(),
  careGroup: z.enum(CARE_GROUP_KINDS as [keyof typeof CARE_GROUP_KIND_LABELS]).optional(),
  /** false (the default): persons on the register; true: deregistered ones only */
  deregistered: booleanQuerySchema.default(false),
  ...pageQueryShape,
});
export type PersonListQuery = z.infer<typeof personListQuerySchema>;

export const personDeregisterSchema = z.object({
  reason: z.string().trim().min(2, 'reason: at least 2 characters').max(200),
  date: z.iso.date(),
  version: z.number().int().positive().optional(),
});

export const personMergeSchema = z.object({ intoPersonId: z.number().int().positive(), version: z.number().int().positive() });

export const personDuplicatesQuerySchema = z.object({ regionCode: regionCodeQuerySchema.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });

export const historyQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) });

/** PUT …/special-groups/:kind and …/care-groups/:kind: the record's fields; the kind's schema decides which apply. */
export const groupRecordBodySchema = z.object({ version: z.number().int().positive().optional() }).catchall(z.unknown());
export const specialGroupParamsSchema = z.object({ id: z.coerce.number().int().positive(), kind: z.enum(SPECIAL_GROUP_KINDS as [keyof typeof SPECIAL_GROUP_KIND_LABELS]) });
export const careGroupParamsSchema = z.object({ id: z.coerce.number().int().positive(), kind: z.enum(CARE_GROUP_KINDS as [keyof typeof CARE_GROUP_KIND_LABELS]) });
