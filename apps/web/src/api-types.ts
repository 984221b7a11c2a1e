/**
 * Shapes of the server's JSON responses as the console reads them. Records come from
 * `@civicgrid/domain`, the same types the server's presenters return.
 */
export type {
  ApiTokenView, AreaGeometry, AuditEntryView as AuditEntry, BoundingBox, BuildingDetail, BuildingView, GridDetail, GridFeature,
  GridFeatureCollection, GridFeatureProperties, GridMemberView, HouseholdDetail, HouseholdSummary, IssuedApiToken, Jurisdiction,
  MaskedPerson, Permission, Region, RegionDetail, RegionLevel, RevealedPerson, StaffRole, UserView,
} from '@civicgrid/domain';
export type {
  CategoryKind, DeadlineColour, IncidentAction, IncidentAssignmentView, IncidentAttachmentView, IncidentDetail, IncidentQueue,
  IncidentSource, IncidentStatus, IncidentStepView, IncidentSummary, Satisfaction, SupervisionLevel,
  TimeLimitUnit, Urgency,
} from '@civicgrid/domain';
import type {
  CategoryKind, Grid, Region, IncidentAction, IncidentQueue, IncidentSource, IncidentStatus, IncidentSummary, Jurisdiction, Permission, RegionLevel,
  Satisfaction, StaffRole, SupervisionLevel, TimeLimitUnit, Urgency,
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

/** `POST /api/incidents`: a new report; `clientId` makes a retried submission return the first one. */
export interface IncidentReportRequest {
  clientId: string;
  categoryId?: number | null;
  title?: string | null;
  description: string;
  lon: number;
  lat: number;
  address?: string | null;
  urgent?: boolean;
  /** Operators entering a call or an alarm say where it came from. */
  source?: 'grid_worker' | 'resident' | 'department_referral' | 'video_alarm';
  reporterName?: string | null;
  reporterPhone?: string | null;
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

export interface IncidentSubcategory {
  id: number;
  code: string;
  name: string;
  kind: CategoryKind;
  timeLimit: number | null;
  timeLimitUnit: TimeLimitUnit | null;
  urgency: Urgency | null;
  defaultDepartmentId: number | null;
  openToPublic: boolean;
}

/** `GET /api/incident-categories`: the classes 大类 with their subclasses 小类. */
export interface IncidentCategoryClass {
  id: number;
  code: string;
  name: string;
  kind: CategoryKind;
  children: IncidentSubcategory[];
}

/** `GET /api/departments`: those the user may dispatch to. */
export interface DepartmentOption {
  id: number;
  name: string;
  level: string;
  regionCode: string;
  regionName: string;
}

/** `GET /api/centers`. */
export interface CenterOption {
  id: number;
  name: string;
  regionCode: string;
  regionName: string;
  regionLevel: RegionLevel;
  parentCenterId: number | null;
}

export interface NotificationItem {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  subjectTable: string | null;
  subjectId: number | null;
  readAt: string | null;
  createdAt: string;
}

/** `GET /api/notifications`. */
export interface NotificationList {
  items: NotificationItem[];
  unread: number;
}

/** `GET /api/all-clears/mine`: today's state of one of the grid worker's grids. */
export interface AllClearGridState {
  gridCode: string;
  gridName: string;
  reportedAt: string | null;
}

export interface AllClearReportRequest {
  clientId: string;
  gridCode: string;
  nothingToReport: boolean;
  note?: string;
  lon?: number;
  lat?: number;
}

/** `GET /api/all-clears/missing`: the grids of a region with no all-clear on a day. */
export interface MissingAllClears {
  date: string;
  reported: number;
  expected: number;
  items: { gridCode: string; gridName: string; communityName: string; gridMemberName: string | null }[];
}
