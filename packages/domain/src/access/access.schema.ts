import { z } from 'zod';
import { PERMISSIONS } from './permissions.js';
import { STAFF_ROLES } from './roles.js';

export const loginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

const usernameSchema = z.string().trim().regex(/^[a-zA-Z0-9_.-]{3,32}$/, 'username: 3–32 letters, digits, _ . -');
const phoneSchema = z.string().regex(/^1\d{10}$/, 'mobile phone: 11 digits starting with 1');

export const userCreateSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(50),
  phone: phoneSchema.nullish(),
  role: z.enum(STAFF_ROLES),
  password: z.string().min(1).max(256),
  regionCode: z.string().regex(/^(\d{6}|\d{9}|\d{12})$/).nullish(),
  departmentId: z.number().int().positive().nullish(),
  gridMemberId: z.number().int().positive().nullish(),
  gridCodes: z.array(z.string().regex(/^(\d{15}|\d{17})$/)).max(50).optional(),
});

export const userUpdateSchema = z.object({
  displayName: z.string().trim().min(1).max(50).optional(),
  phone: phoneSchema.nullish(),
  disabled: z.boolean().optional(),
  gridCodes: z.array(z.string().regex(/^(\d{15}|\d{17})$/)).max(50).optional(),
});

export const userListQuerySchema = z.object({
  search: z.string().trim().max(50).optional(),
  role: z.enum(STAFF_ROLES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const passwordResetSchema = z.object({ password: z.string().min(1).max(256) });

export const apiTokenCreateSchema = z.object({
  name: z.string().trim().min(1).max(100),
  regionCode: z.string().regex(/^(\d{6}|\d{9}|\d{12})$/).nullish(),
  permissions: z.array(z.enum(PERMISSIONS)).min(1),
  expiresAt: z.coerce.date().nullish(),
});

export const auditQuerySchema = z.object({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  actorUsername: z.string().trim().max(64).optional(),
  action: z.string().trim().max(100).optional(),
  targetTable: z.string().trim().max(64).optional(),
  targetId: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeId: z.coerce.number().int().optional(),
});

export const revealSchema = z.object({
  reason: z.string().trim().min(2, 'a reason of at least 2 characters').max(200),
});
