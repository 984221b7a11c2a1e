import { z } from 'zod';
import type { RegionLevel } from '../region-code.js';
import type { CategoryKind, IncidentSource, IncidentStatus } from '../incidents/incident-status.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** The longest period one dashboard covers: a year and a day, so that a leap year fits. */
export const DASHBOARD_MAX_DAYS = 366;
export const DASHBOARD_DEFAULT_DAYS = 30;

/** `GET /api/dashboards/incidents`: a region (default: the caller's own) and a period of China days, both ends included. */
export const incidentDashboardQuerySchema = z.object({
  regionCode: z.string().regex(/^\d{6,12}$/).optional(),
  from: day.optional(),
  to: day.optional(),
});
export type IncidentDashboardQuery = z.infer<typeof incidentDashboardQuerySchema>;

/**
 * The indicators of DOMAIN-FACTS over the incidents reported in the period, as fractions (null: nothing to divide by).
 * - on-time handling = lead assignments handled by their deadline / lead assignments due (handled, or past the deadline)
 * - closure = closed / registered cases (neither rejected, voided nor merged)
 * - rework = lead assignments sent back after a failed verification / lead assignments handled
 * - extension = lead assignments granted an extension / lead assignments dispatched
 */
export interface IncidentRates {
  onTimeHandling: number | null;
  closure: number | null;
  rework: number | null;
  extension: number | null;
}

export interface IncidentRateCounts {
  incidents: number;
  dueToClose: number;
  closed: number;
  overdueOpen: number;
  dispatched: number;
  dueToHandle: number;
  handledOnTime: number;
  handled: number;
  reworked: number;
  extended: number;
}

export interface RankingRow extends IncidentRateCounts {
  rank: number;
  rates: IncidentRates;
}

export interface OverdueIncident {
  id: number;
  code: string;
  title: string | null;
  description: string;
  status: IncidentStatus;
  categoryName: string | null;
  regionName: string;
  leadDepartmentName: string | null;
  deadline: string;
  overdueHours: number;
}

export interface IncidentDashboard {
  region: { code: string; name: string; level: RegionLevel };
  from: string;
  to: string;
  generatedAt: string;
  totals: IncidentRateCounts & { open: number; rates: IncidentRates };
  byDay: { day: string; incidents: number; closed: number }[];
  byCategory: { categoryId: number | null; code: string | null; name: string | null; kind: CategoryKind | null; incidents: number }[];
  bySource: { source: IncidentSource; incidents: number }[];
  byStatus: { status: IncidentStatus; incidents: number }[];
  overdue: { total: number; items: OverdueIncident[] };
  /** The regions one level below the chosen one (grids below a community), best first. */
  regionRanking: { level: RegionLevel | 'grid'; items: (RankingRow & { code: string; name: string })[] };
  departmentRanking: (RankingRow & { departmentId: number; name: string })[];
}

/** A fraction rounded to four places, or null when there is nothing to divide by. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;
}

export function ratesOf(counts: IncidentRateCounts): IncidentRates {
  return {
    onTimeHandling: rate(counts.handledOnTime, counts.dueToHandle),
    closure: rate(counts.closed, counts.dueToClose),
    rework: rate(counts.reworked, counts.handled),
    extension: rate(counts.extended, counts.dispatched),
  };
}

/** Best first: on-time handling, then closure, then fewer overdue; rows with nothing due go last. */
export function compareRanking(a: { rates: IncidentRates; overdueOpen: number }, b: { rates: IncidentRates; overdueOpen: number }): number {
  const order = (value: number | null) => (value === null ? -1 : value);
  return order(b.rates.onTimeHandling) - order(a.rates.onTimeHandling)
    || order(b.rates.closure) - order(a.rates.closure)
    || a.overdueOpen - b.overdueOpen;
}

/** Every China day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += 86_400_000) {
    days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}
