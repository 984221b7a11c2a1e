import { z } from 'zod';
import { CATEGORY_KINDS, URGENCIES } from './incident-status.js';
import { TIME_LIMIT_UNITS } from './working-calendar.js';

const timeLimit = {
  timeLimit: z.number().positive().max(9999).nullish(),
  timeLimitUnit: z.enum(TIME_LIMIT_UNITS).nullish(),
};

export const categoryCreateSchema = z.object({
  /** A class: two letters + 2 digits (SJ06); a subclass: its class code + 2 digits (SJ0601). */
  code: z.string().regex(/^[A-Z]{2}\d{2}(\d{2})?$/),
  name: z.string().trim().min(1).max(50),
  kind: z.enum(CATEGORY_KINDS),
  parentCode: z.string().regex(/^[A-Z]{2}\d{2}$/).nullish(),
  defaultDepartmentId: z.number().int().positive().nullish(),
  urgency: z.enum(URGENCIES).default('normal'),
  registerCondition: z.string().trim().max(500).nullish(),
  closeCondition: z.string().trim().max(500).nullish(),
  openToPublic: z.boolean().default(false),
  sortOrder: z.number().int().min(0).max(9999).default(0),
  ...timeLimit,
});
export type CategoryCreateInput = z.infer<typeof categoryCreateSchema>;

export const categoryUpdateSchema = z.object({
  name: z.string().trim().min(1).max(50).optional(),
  defaultDepartmentId: z.number().int().positive().nullable().optional(),
  urgency: z.enum(URGENCIES).optional(),
  registerCondition: z.string().trim().max(500).nullable().optional(),
  closeCondition: z.string().trim().max(500).nullable().optional(),
  openToPublic: z.boolean().optional(),
  enabled: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
  ...timeLimit,
});
export type CategoryUpdateInput = z.infer<typeof categoryUpdateSchema>;

export interface CategoryView {
  id: number;
  code: string;
  name: string;
  kind: (typeof CATEGORY_KINDS)[number];
  parentId: number | null;
  defaultDepartmentId: number | null;
  timeLimit: number | null;
  timeLimitUnit: (typeof TIME_LIMIT_UNITS)[number] | null;
  urgency: (typeof URGENCIES)[number];
  registerCondition: string | null;
  closeCondition: string | null;
  openToPublic: boolean;
  enabled: boolean;
  sortOrder: number;
}
export type CategoryTreeNode = CategoryView & { children: CategoryView[] };

export const departmentCreateSchema = z.object({
  name: z.string().trim().min(1).max(100),
  regionCode: z.string().regex(/^\d{6,12}$/),
  code: z.string().trim().max(30).nullish(),
  phone: z.string().trim().max(30).nullish(),
});
export const departmentUpdateSchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  disabled: z.boolean().optional(),
});

export const calendarDaySchema = z.object({
  isWorkingDay: z.boolean(),
  note: z.string().trim().max(100).nullish(),
});

export const stepTimeLimitSchema = z.object({
  level: z.enum(['city', 'district', 'street', 'community']),
  step: z.enum(['register', 'dispatch', 'accept', 'verify', 'close', 'follow_up']),
  categoryId: z.number().int().positive().nullish(),
  timeLimit: z.number().positive().max(9999),
  timeLimitUnit: z.enum(TIME_LIMIT_UNITS),
  warningRatio: z.number().gt(0).lt(1).default(0.8),
});

/** Days an all-clear may arrive after the day it speaks for: a phone offline over a weekend still delivers Friday's. */
export const ALL_CLEAR_LATE_DAYS = 3;

export const allClearSchema = z.object({
  clientId: z.string().trim().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/),
  gridCode: z.string().regex(/^\d{15}(\d{2})?$/),
  /** The day (China time) the worker said the grid was quiet; without it, the day it arrives. */
  reportDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  nothingToReport: z.boolean().default(true),
  note: z.string().trim().max(500).nullish(),
  lon: z.number().min(73).max(136).optional(),
  lat: z.number().min(3).max(54).optional(),
});
export type AllClearInput = z.infer<typeof allClearSchema>;
