import { z } from 'zod';
import { INCIDENT_SOURCES, INCIDENT_STATUSES, SATISFACTIONS, SUPERVISION_LEVELS, type IncidentSource, type IncidentStatus, type Satisfaction, type SupervisionLevel, type Urgency } from './incident-status.js';
import type { IncidentAction } from './incident-workflow.js';
import type { DeadlineColour } from './working-calendar.js';

/** Chosen by the reporting device; the same id sent again returns the incident made the first time. */
export const clientIdSchema = z.string().trim().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');
const point = { lon: z.number().min(73).max(136), lat: z.number().min(3).max(54) };
const text = (max: number) => z.string().trim().min(1).max(max);

export const incidentReportSchema = z.object({
  clientId: clientIdSchema,
  categoryId: z.number().int().positive().nullish(),
  title: text(100).nullish(),
  description: text(2000),
  ...point,
  address: text(200).nullish(),
  urgent: z.boolean().optional(),
  /** Operators entering a call or a video alarm say where it came from; grid workers and departments need not. */
  source: z.enum(['grid_worker', 'resident', 'department_referral', 'video_alarm']).optional(),
  reporterName: text(50).nullish(),
  reporterPhone: z.string().trim().regex(/^[0-9+\-() ]{5,20}$/).nullish(),
});
export type IncidentReportInput = z.infer<typeof incidentReportSchema>;

/** A 12345 hotline work order, pushed by the hotline system with an API token. */
export const hotlineOrderSchema = z.object({
  orderNumber: text(64),
  deadline: z.coerce.date(),
  description: text(4000),
  categoryCode: text(20).nullish(),
  lon: point.lon.nullish(),
  lat: point.lat.nullish(),
  address: text(200).nullish(),
  callerName: text(50).nullish(),
  callerPhone: z.string().trim().max(20).nullish(),
}).refine((order) => (order.lon == null) === (order.lat == null), { message: 'lon and lat go together', path: ['lat'] })
  .refine((order) => order.lon != null || order.address != null, { message: 'a point or an address is needed', path: ['address'] });
export type HotlineOrderInput = z.infer<typeof hotlineOrderSchema>;

/** A resident's own report from the public page: anonymous if they wish. */
export const publicReportSchema = z.object({
  clientId: clientIdSchema,
  categoryId: z.number().int().positive().nullish(),
  description: text(2000),
  ...point,
  address: text(200).nullish(),
  name: text(50).nullish(),
  phone: z.string().trim().regex(/^1\d{10}$/).nullish(),
  anonymous: z.boolean().default(false),
});
export type PublicReportInput = z.infer<typeof publicReportSchema>;

const common = {
  note: text(2000).nullish(),
  /** The version the user saw; a newer one on the server means someone else acted first (409). */
  version: z.number().int().positive().optional(),
  /** Makes a retried action (e.g. from the offline outbox) a no-op instead of a second step. */
  clientId: clientIdSchema.optional(),
  attachmentIds: z.array(z.number().int().positive()).max(20).optional(),
  lon: point.lon.optional(),
  lat: point.lat.optional(),
};
const plain = <A extends IncidentAction>(action: A) => z.object({ action: z.literal(action), ...common });

export const incidentActionSchema = z.discriminatedUnion('action', [
  plain('register').extend({ categoryId: z.number().int().positive().optional(), urgent: z.boolean().optional() }),
  plain('reject'),
  plain('dispatch').extend({
    categoryId: z.number().int().positive().optional(),
    leadDepartmentId: z.number().int().positive(),
    assistingDepartmentIds: z.array(z.number().int().positive()).max(10).default([]),
    /** Overrides the category's time limit. */
    deadline: z.coerce.date().optional(),
  }),
  plain('accept'),
  plain('return'),
  plain('request_extension').extend({ requestedDeadline: z.coerce.date() }),
  plain('approve_extension').extend({ grantedDeadline: z.coerce.date().optional() }),
  plain('deny_extension'),
  plain('handle'),
  plain('self_handle'),
  plain('verify'),
  plain('rework'),
  plain('close'),
  plain('follow_up').extend({
    satisfaction: z.enum(SATISFACTIONS).nullable(),
    method: z.enum(['phone', 'sms', 'in_app', 'visit']).default('phone'),
  }),
  plain('reopen'),
  plain('escalate'),
  plain('hand_down').extend({ targetCenterId: z.number().int().positive() }),
  plain('suspend'),
  plain('resume'),
  plain('request_void'),
  plain('void'),
  plain('deny_void'),
  plain('merge').extend({ targetIncidentId: z.number().int().positive() }),
  plain('supervise').extend({ supervisionLevel: z.enum(SUPERVISION_LEVELS), replyDeadline: z.coerce.date().optional() }),
  plain('flag_urgent').extend({ urgent: z.boolean() }),
  plain('comment'),
]);
export type IncidentActionInput = z.infer<typeof incidentActionSchema>;

export const INCIDENT_QUEUES = ['center', 'department', 'verification', 'mine', 'all'] as const;
export type IncidentQueue = (typeof INCIDENT_QUEUES)[number];

const listOf = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value), z.array(item)).optional();

export const incidentListQuerySchema = z.object({
  queue: z.enum(INCIDENT_QUEUES).default('all'),
  status: listOf(z.enum(INCIDENT_STATUSES)),
  colour: listOf(z.enum(['green', 'yellow', 'red'])),
  source: listOf(z.enum(INCIDENT_SOURCES)),
  categoryId: z.coerce.number().int().positive().optional(),
  regionCode: z.string().regex(/^\d{6,12}$/).optional(),
  urgent: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type IncidentListQuery = z.infer<typeof incidentListQuerySchema>;

export interface IncidentSummary {
  id: number;
  code: string;
  title: string | null;
  description: string;
  status: IncidentStatus;
  source: IncidentSource;
  categoryId: number | null;
  categoryName: string | null;
  urgent: boolean;
  urgency: Urgency | null;
  selfHandled: boolean;
  flaggedOutsideGrids: boolean;
  gridCode: string | null;
  gridName: string | null;
  regionName: string | null;
  centerName: string | null;
  leadDepartmentName: string | null;
  reportedAt: string;
  currentStepDeadline: string | null;
  colour: DeadlineColour;
  hotlineOrderNumber: string | null;
}

export interface IncidentAttachmentView {
  id: number;
  kind: 'before' | 'after' | 'other';
  mimeType: string;
  byteSize: number;
  stepId: number | null;
  url: string;
  thumbnailUrl: string;
  createdAt: string;
}

export interface IncidentStepView {
  id: number;
  action: IncidentAction | 'report';
  fromStatus: IncidentStatus | null;
  toStatus: IncidentStatus | null;
  actorName: string;
  departmentName: string | null;
  centerName: string | null;
  note: string | null;
  deadline: string | null;
  details: Record<string, unknown>;
  createdAt: string;
  attachments: IncidentAttachmentView[];
}

export interface IncidentAssignmentView {
  id: number;
  departmentId: number;
  departmentName: string;
  role: 'lead' | 'assisting';
  state: string;
  deadline: string | null;
  reworkCount: number;
  result: string | null;
  returnReason: string | null;
  dispatchedAt: string;
}

export interface IncidentDetail extends IncidentSummary {
  version: number;
  lon: number | null;
  lat: number | null;
  address: string | null;
  reporterName: string | null;
  reporterPhoneMasked: string | null;
  communityName: string | null;
  streetName: string | null;
  districtName: string | null;
  currentStepWarningAt: string | null;
  hotlineDeadline: string | null;
  mergedIntoIncidentId: number | null;
  assignments: IncidentAssignmentView[];
  steps: IncidentStepView[];
  attachments: IncidentAttachmentView[];
  pendingExtension: { id: number; requestedDeadline: string; reason: string; departmentName: string | null } | null;
  pendingVoid: { id: number; reason: string; requestedBy: string } | null;
  followUps: { id: number; satisfaction: Satisfaction | null; method: string; comment: string | null; createdAt: string }[];
  supervisionNotices: { id: number; level: SupervisionLevel; reason: string; automatic: boolean; departmentName: string | null; createdAt: string }[];
  possibleDuplicates: { id: number; code: string; status: IncidentStatus; distanceMetres: number; reportedAt: string; description: string }[];
  reporterCount: number;
  actions: IncidentAction[];
}
