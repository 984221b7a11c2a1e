/**
 * Shapes of the server's JSON responses as the console reads them. Records come from
 * `@civicgrid/domain`, the same types the server's presenters return.
 */
export type {
  ApiTokenView, AreaGeometry, AuditEntryView as AuditEntry, BoundingBox, BuildingDetail, BuildingView, Grid, GridDetail, GridFeature,
  GridFeatureCollection, GridFeatureProperties, GridMemberView, HouseholdDetail, HouseholdSummary, IssuedApiToken, Jurisdiction,
  MaskedPerson, Permission, Region, RegionDetail, RegionLevel, RevealedPerson, StaffRole, UserView,
} from '@civicgrid/domain';
export type {
  CategoryKind, DeadlineColour, IncidentAction, IncidentAssignmentView, IncidentAttachmentView, IncidentDetail, IncidentQueue,
  IncidentSource, IncidentStatus, IncidentStepView, IncidentSummary, Satisfaction, SupervisionLevel,
  TimeLimitUnit, Urgency, AllClearGridState, AllClearInput, CategoryTreeNode, CategoryView, CenterView, DepartmentView,
  IncidentReportInput, MissingAllClears, NotificationList, NotificationView,
} from '@civicgrid/domain';
import type {
  Grid, Region, IncidentAction, IncidentQueue, IncidentSource, IncidentStatus, IncidentSummary, Jurisdiction, Permission, Satisfaction, StaffRole, SupervisionLevel,
} from '@civicgrid/domain';

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

export interface ApiTokenCreateInput {
  name: string;
  regionCode?: string | null;
  permissions: Permission[];
  expiresAt?: string | null;
}

export interface AuditFilter {
  from?: string;
  to?: string;
  actorUsername?: string;
  action?: string;
  targetTable?: string;
  targetId?: number;
}


/** `GET /api/grids/locate`: the grid at a point, with its regions from the city down. */
export interface GridLocation {
  grid: Grid;
  microGrid: Grid | null;
  ancestors: Region[];
}

/** `GET /api/incidents`: one page of a queue. */
export interface IncidentPage {
  items: IncidentSummary[];
  total: number;
}

export interface IncidentListFilter {
  queue: IncidentQueue;
  status?: IncidentStatus[];
  colour?: ('green' | 'yellow' | 'red')[];
  source?: IncidentSource[];
  categoryId?: number;
  regionCode?: string;
  urgent?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

/** `POST /api/incidents/:id/actions`: dates as ISO strings, the action's own fields beside the common ones. */
export interface IncidentActionRequest {
  action: IncidentAction;
  version?: number;
  clientId?: string;
  note?: string;
  attachmentIds?: number[];
  categoryId?: number;
  urgent?: boolean;
  leadDepartmentId?: number;
  assistingDepartmentIds?: number[];
  deadline?: string;
  requestedDeadline?: string;
  grantedDeadline?: string;
  satisfaction?: Satisfaction | null;
  method?: FollowUpMethod;
  targetCenterId?: number;
  targetIncidentId?: number;
  supervisionLevel?: SupervisionLevel;
  replyDeadline?: string;
}

export type FollowUpMethod = 'phone' | 'sms' | 'in_app' | 'visit';

