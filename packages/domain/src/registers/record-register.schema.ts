import { z } from 'zod';
import { gridCodeSchema } from '../grid.schema.js';
import { booleanQuerySchema, pageQueryShape, regionCodeQuerySchema } from './person-register.schema.js';
import type { RecordField } from './record-fields.js';

const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]).optional();
const valuesShape = (fields: readonly RecordField[]) => Object.fromEntries(fields.map((field) => [field.key, cellSchema]));

/** POST of a register record: values keyed by the register's field table. */
export const recordCreateSchema = (fields: readonly RecordField[]) => z.strictObject(valuesShape(fields));
/** PATCH of a register record: the version the editor saw and the changed values. */
export const recordUpdateSchema = (fields: readonly RecordField[]) => z.strictObject({ ...valuesShape(fields), version: z.number().int().positive() });

export const recordListQuerySchema = z.object({
  /** a name or address fragment, or a code (credit code, facility code) or its start */
  q: z.string().trim().min(1).max(100).optional(),
  gridCode: gridCodeSchema.optional(),
  regionCode: regionCodeQuerySchema.optional(),
  kind: z.string().trim().max(40).optional(),
  attentionLevel: z.coerce.number().int().min(1).max(3).optional(),
  deregistered: booleanQuerySchema.default(false),
  ...pageQueryShape,
});
export type RecordListQuery = z.infer<typeof recordListQuerySchema>;

/** A register record as read: its values by field key, where it is, its version and what the reader may do. */
export type RecordView = Record<string, unknown> & {
  id: number;
  version: number;
  gridCode: string | null;
  gridName: string | null;
  createdAt: string;
  updatedAt: string;
  actions: ('edit' | 'deregister')[];
};
