import { z } from 'zod';

/** GET /api/field/visits-due: a page of what is due, soonest planned first. */
export const fieldPageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type FieldPageQuery = z.infer<typeof fieldPageQuerySchema>;

/** GET /api/field/tasks: what waits for the signed-in grid worker, with counts for the home screen. */
export interface FieldTasksView {
  /** handled incidents in my grids waiting for my verification */
  verifications: number;
  /** persons and houses in my grids whose next visit is due today or earlier */
  visitsDue: number;
  /** directive targets addressed to me and not completed */
  directives: number;
  /** grids I have not sent today's all-clear or a report for */
  allClearsMissing: number;
}

/** GET /api/field/grids: one of my grids, with what it holds. */
export interface FieldGridView {
  id: number;
  code: string;
  name: string;
  regionName: string;
  households: number;
  persons: number;
  openIncidents: number;
  /** today's all-clear sent, or a report made today */
  reportedToday: boolean;
}

/** One person or house due for a visit, in GET /api/field/visits-due. */
export interface VisitDueView {
  targetKind: 'person' | 'house';
  targetId: number;
  label: string;
  address: string | null;
  gridCode: string;
  nextVisitOn: string;
  lastVisitedAt: string | null;
}
