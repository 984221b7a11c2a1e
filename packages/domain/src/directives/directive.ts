import { z } from 'zod';
import { clientIdSchema } from '../incidents/incident.schema.js';
import type { RegionLevel } from '../region-code.js';

export const DIRECTIVE_KINDS = ['task', 'visit', 'inspection', 'emergency', 'publicity'] as const;
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];
export const DIRECTIVE_KIND_LABELS: Record<DirectiveKind, string> = {
  task: '工作任务', visit: '入户走访', inspection: '隐患排查', emergency: '应急处置', publicity: '宣传发动',
};

export const DIRECTIVE_STATUSES = ['draft', 'issued', 'completed', 'cancelled'] as const;
export type DirectiveStatus = (typeof DIRECTIVE_STATUSES)[number];

export const DIRECTIVE_TARGET_STATES = ['pending', 'read', 'in_progress', 'completed'] as const;
export type DirectiveTargetState = (typeof DIRECTIVE_TARGET_STATES)[number];

/** A grid's state in one directive: every worker done, some, none, overdue, or nobody to send it to (无人可派). */
export const DIRECTIVE_GRID_STATES = ['completed', 'partial', 'pending', 'overdue', 'unassigned'] as const;
export type DirectiveGridState = (typeof DIRECTIVE_GRID_STATES)[number];

/** The grid members a directive goes to: the full-time grid workers of each grid (专职网格员). */
export const DIRECTIVE_TARGET_ROLE = 'full_time_grid_worker';

const text = (max: number) => z.string().trim().min(1).max(max);

export const directiveIssueSchema = z.object({
  title: text(100),
  content: text(4000),
  kind: z.enum(DIRECTIVE_KINDS).default('task'),
  regionCode: z.string().regex(/^\d{6,12}$/),
  dueAt: z.coerce.date(),
  /** Chosen by the console; the same id again returns the directive made the first time. */
  clientId: clientIdSchema.optional(),
});
export type DirectiveIssueInput = z.infer<typeof directiveIssueSchema>;

export const directiveCompleteSchema = z.object({
  note: text(2000).nullish(),
  clientId: clientIdSchema.optional(),
});
export type DirectiveCompleteInput = z.infer<typeof directiveCompleteSchema>;

export const directiveListQuerySchema = z.object({
  status: z.enum(DIRECTIVE_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type DirectiveListQuery = z.infer<typeof directiveListQuerySchema>;

/** Counts over the grids (of the directive, inside the caller's jurisdiction). */
export interface DirectiveProgress {
  grids: number;
  completedGrids: number;
  unassignedGrids: number;
  targets: number;
  completedTargets: number;
}

export interface DirectiveSummary {
  id: number;
  title: string;
  kind: DirectiveKind;
  status: DirectiveStatus;
  regionCode: string;
  regionName: string;
  regionLevel: RegionLevel;
  issuedByName: string | null;
  issuedAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  progress: DirectiveProgress;
}

export interface DirectiveGridCompletion {
  gridCode: string;
  gridName: string;
  communityName: string;
  state: DirectiveGridState;
  targets: number;
  completed: number;
  workers: { targetId: number; name: string | null; state: DirectiveTargetState; completedAt: string | null; note: string | null }[];
}

export interface DirectiveDetail extends DirectiveSummary {
  content: string;
  grids: DirectiveGridCompletion[];
}

/** `GET /api/directives/mine`: one target of the signed-in grid worker. */
export interface MyDirectiveTarget {
  targetId: number;
  directiveId: number;
  title: string;
  content: string;
  kind: DirectiveKind;
  issuedByName: string | null;
  issuedAt: string | null;
  dueAt: string | null;
  gridCode: string;
  gridName: string;
  state: DirectiveTargetState;
  completedAt: string | null;
  note: string | null;
}

/** The state of a grid from its workers' targets, at `now`. */
export function gridStateOf(
  workers: { gridMemberId: number | null; state: DirectiveTargetState }[],
  dueAt: Date | null,
  now = new Date(),
): DirectiveGridState {
  const assigned = workers.filter((worker) => worker.gridMemberId !== null);
  if (assigned.length === 0) return 'unassigned';
  const completed = assigned.filter((worker) => worker.state === 'completed').length;
  if (completed === assigned.length) return 'completed';
  if (dueAt && now.getTime() > dueAt.getTime()) return 'overdue';
  return completed > 0 ? 'partial' : 'pending';
}
