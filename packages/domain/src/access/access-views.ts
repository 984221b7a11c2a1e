import type { Permission } from './permissions.js';
import type { StaffRole } from './roles.js';

/** Shapes of the access-control answers as they travel (dates as ISO 8601 strings). */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
  role: StaffRole;
  roleLabel: string;
  regionCode: string | null;
  regionName: string | null;
  departmentId: number | null;
  departmentName: string | null;
  gridMemberId: number | null;
  gridCodes: string[];
  disabled: boolean;
  locked: boolean;
  lastLoginAt: string | null;
}

export interface ApiTokenView {
  id: number;
  name: string;
  /** The first characters of the token, enough to recognize it. */
  tokenPrefix: string | null;
  regionCode: string | null;
  regionName: string | null;
  permissions: Permission[];
  createdByUsername: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

/** The answer to issuing a token: the only time the secret itself is shown. */
export type IssuedApiToken = ApiTokenView & { token: string };

export interface AuditEntryView {
  id: number;
  at: string;
  actorUsername: string | null;
  actorDisplayName: string | null;
  actorApiTokenName: string | null;
  ip: string | null;
  action: string;
  targetTable: string | null;
  targetId: number | null;
  reason: string | null;
  details: Record<string, unknown>;
}
