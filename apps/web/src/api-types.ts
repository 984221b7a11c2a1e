/**
 * Shapes of the server's JSON responses as the console reads them. Records come from
 * `@civicgrid/domain`, the same types the server's presenters return.
 */
export type {
  AreaGeometry, BoundingBox, GridDetail, GridFeature, GridFeatureCollection, GridFeatureProperties, GridMemberView,
  Jurisdiction, Permission, Region, RegionDetail, RegionLevel, StaffRole,
} from '@civicgrid/domain';
import type { Jurisdiction, Permission, RESIDENCIES, StaffRole } from '@civicgrid/domain';

type Residency = (typeof RESIDENCIES)[number];

export interface HealthStatus {
  status: 'ok';
  database: 'pglite' | 'postgres';
}

export interface ConsoleConfig {
  /** Raster tile URL template ({z}/{x}/{y}); null means no basemap. */
  basemapTileUrl: string | null;
}

/** Body of every error response. */
export interface ApiErrorBody {
  code: string;
  /** In the language asked for by `accept-language`. */
  message: string;
  messages?: { zh: string; en: string };
  details?: unknown;
}

/** A grid's member as `GET /api/grids/:code/members` lists it; `id` is the grid member's id. */
export interface GridMemberListItem {
  id: number;
  name: string;
  role: string;
  roleLabel: string;
  phone: string | null;
  gridCode: string;
}

/** `GET /api/auth/me` for a signed-in person. */
export interface SessionUser {
  kind: 'user';
  userId: number;
  username: string;
  displayName: string;
  role: StaffRole;
  roleLabel: string;
  jurisdiction: Jurisdiction;
  permissions: Permission[];
}

/** A staff user as the administration routes present it. */
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

export interface UserCreateInput {
  username: string;
  displayName: string;
  phone?: string | null;
  role: StaffRole;
  password: string;
  regionCode?: string | null;
  departmentId?: number | null;
  gridMemberId?: number | null;
  gridCodes?: string[];
}

export interface UserUpdateInput {
  displayName?: string;
  phone?: string | null;
  disabled?: boolean;
  gridCodes?: string[];
}

export interface ApiTokenView {
  id: number;
  name: string;
  /** The first characters of the token, enough to recognize it. */
  tokenPrefix: string;
  regionCode: string | null;
  regionName: string | null;
  permissions: Permission[];
  createdByUsername: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

export interface ApiTokenCreateInput {
  name: string;
  regionCode?: string | null;
  permissions: Permission[];
  expiresAt?: string | null;
}

/** The answer to issuing a token: the only time the secret itself is shown. */
export type IssuedApiToken = ApiTokenView & { token: string };

export interface AuditEntry {
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

export interface AuditFilter {
  from?: string;
  to?: string;
  actorUsername?: string;
  action?: string;
  targetTable?: string;
  targetId?: number;
}

/** A building as `GET /api/grids/:code/buildings` lists it. */
export interface BuildingView {
  id: number;
  name: string;
  address: string | null;
  gridCode: string;
  lon: number;
  lat: number;
  floors: number | null;
  houses: number;
  households: number;
}

/** A household as a building lists it. */
export interface HouseholdSummary {
  id: number;
  householdNumber: string | null;
  houseLabel: string;
  buildingId: number;
  buildingName: string;
  gridCode: string;
  /** How many persons the household has. */
  members: number;
}

/** `GET /api/buildings/:id`. */
export type BuildingDetail = BuildingView & { householdList: HouseholdSummary[] };

/** A person as the server lists them: ID number and mobile masked. */
export interface MaskedPerson {
  id: number;
  name: string;
  gender: 'male' | 'female' | null;
  residency: Residency;
  idNumberMasked: string | null;
  mobileMasked: string | null;
  birthDate: string | null;
  relationToHead: string | null;
}

/** `GET /api/households/:id`. */
export type HouseholdDetail = HouseholdSummary & { persons: MaskedPerson[] };

/** `POST /api/persons/:id/reveal`: one person's full ID number and mobile, written to the audit log. */
export interface RevealedPerson {
  id: number;
  name: string;
  idNumber: string | null;
  mobile: string | null;
}
