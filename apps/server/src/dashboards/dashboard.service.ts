import {
  compareRanking, coversRegion, daysBetween, DASHBOARD_DEFAULT_DAYS, DASHBOARD_MAX_DAYS, forbidden, invalid, ratesOf, regionNotFound,
  type Actor, type CategoryKind, type IncidentDashboard, type IncidentDashboardQuery, type IncidentRateCounts, type IncidentSource,
  type IncidentStatus, type RegionLevel,
} from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import { chinaToday } from '../all-clears/all-clear.service.js';
import type { DatabaseSchema } from '../database/schema.js';
import type { GridLookups } from '../grids/grid-access.js';
import type { DashboardRepository, IncidentGroupRow, LeadGroupRow } from './dashboard.repository.js';

const OVERDUE_LIMIT = 20;
const DAY_MS = 86_400_000;
const CHILD_LEVEL: Record<RegionLevel, RegionLevel | 'grid'> = { city: 'district', district: 'street', street: 'community', community: 'grid' };

const chinaMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const EMPTY_INCIDENTS = { incidents: 0, open: 0, dueToClose: 0, closed: 0, overdueOpen: 0 };
const EMPTY_LEADS = { dispatched: 0, dueToHandle: 0, handledOnTime: 0, handled: 0, reworked: 0, extended: 0 };

function counts(incidents: Omit<IncidentGroupRow, 'dimension' | 'key'> | undefined, leads: LeadGroupRow | undefined): IncidentRateCounts & { open: number } {
  const { incidents: incidentCount, open, dueToClose, closed, overdueOpen } = incidents ?? EMPTY_INCIDENTS;
  const { dispatched, dueToHandle, handledOnTime, handled, reworked, extended } = leads ?? EMPTY_LEADS;
  return { incidents: incidentCount, open, dueToClose, closed, overdueOpen, dispatched, dueToHandle, handledOnTime, handled, reworked, extended };
}

const ranked = <T extends { rates: ReturnType<typeof ratesOf>; overdueOpen: number }>(rows: T[]) =>
  rows.sort(compareRanking).map((row, index) => ({ ...row, rank: index + 1 }));

/** 数据看板: a region's incidents of a period in figures, for leaders and centers. */
export class DashboardService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly dashboards: DashboardRepository,
    private readonly lookups: GridLookups,
  ) {}

  async incidents(actor: Actor, query: IncidentDashboardQuery): Promise<IncidentDashboard> {
    const region = await this.regionOf(actor, query.regionCode);
    const to = query.to ?? chinaToday();
    const from = query.from ?? addDays(to, 1 - DASHBOARD_DEFAULT_DAYS);
    const days = daysBetween(from, to);
    if (days.length === 0) throw invalid('dashboard.period_reversed', '开始日期不能晚于结束日期', 'The start date must not be after the end date');
    if (days.length > DASHBOARD_MAX_DAYS) {
      throw invalid('dashboard.period_too_long', `统计周期最长 ${DASHBOARD_MAX_DAYS} 天`, `A period covers at most ${DASHBOARD_MAX_DAYS} days`);
    }
    const scope = { regionId: region.id, regionPath: region.path, level: region.level, start: chinaMidnight(from), end: chinaMidnight(addDays(to, 1)) };
    const [groups, leads, overdue, children] = await this.db.transaction().execute(async (transaction) => {
      await this.dashboards.withoutJit(transaction);
      return [
        await this.dashboards.incidentGroups(transaction, scope), await this.dashboards.leadGroups(transaction, scope),
        await this.dashboards.overdue(transaction, scope, OVERDUE_LIMIT), await this.dashboards.children(transaction, scope),
      ] as const;
    });
    const of = (dimension: IncidentGroupRow['dimension']) => groups.filter((row) => row.dimension === dimension);
    const leadsOf = (dimension: LeadGroupRow['dimension']) => new Map(leads.filter((row) => row.dimension === dimension).map((row) => [row.key, row]));
    const categoryRows = of('category');
    const categories = new Map((await this.dashboards.categories(this.db, categoryRows.flatMap((row) => (row.key ? [Number(row.key)] : [])))).map((row) => [row.id, row]));
    const departmentLeads = leadsOf('department');
    const departments = await this.dashboards.departments(this.db, [...departmentLeads.keys()].filter((key): key is number => key !== null));
    const childIncidents = new Map(of('child').map((row) => [Number(row.key), row]));
    const childLeads = leadsOf('child');
    const dayRows = new Map(of('day').map((row) => [row.key, row]));
    const totals = counts(of('total')[0], leadsOf('total').get(null));

    return {
      region: { code: region.code, name: region.name, level: region.level },
      from, to, generatedAt: new Date().toISOString(),
      totals: { ...totals, rates: ratesOf(totals) },
      byDay: days.map((day) => ({ day, incidents: dayRows.get(day)?.incidents ?? 0, closed: dayRows.get(day)?.closed ?? 0 })),
      byCategory: categoryRows.map((row) => {
        const category = row.key ? categories.get(Number(row.key)) : undefined;
        return { categoryId: category?.id ?? null, code: category?.code ?? null, name: category?.name ?? null, kind: (category?.kind ?? null) as CategoryKind | null, incidents: row.incidents };
      }).sort((a, b) => b.incidents - a.incidents),
      bySource: of('source').map((row) => ({ source: row.key as IncidentSource, incidents: row.incidents })).sort((a, b) => b.incidents - a.incidents),
      byStatus: of('status').map((row) => ({ status: row.key as IncidentStatus, incidents: row.incidents })).sort((a, b) => b.incidents - a.incidents),
      overdue: {
        total: overdue.total,
        items: overdue.items.map((item) => ({ ...item, deadline: (item.deadline as Date).toISOString() })) as IncidentDashboard['overdue']['items'],
      },
      regionRanking: {
        level: CHILD_LEVEL[region.level],
        items: ranked(children.map((child) => {
          const row = counts(childIncidents.get(child.id), childLeads.get(child.id));
          return { code: child.code, name: child.name, ...row, rates: ratesOf(row), rank: 0 };
        })),
      },
      departmentRanking: ranked(departments.map((department) => {
        const lead = departmentLeads.get(department.id)!;
        const row = counts({ incidents: lead.dispatched, open: 0, dueToClose: lead.dispatched, closed: lead.closed, overdueOpen: lead.overdueOpen }, lead);
        const { open: _open, ...rest } = row;
        return { departmentId: department.id, name: department.name, ...rest, rates: ratesOf(row), rank: 0 };
      })),
    };
  }

  /** The chosen region, which must lie inside the caller's own; without one, the caller's own region (or the city). */
  private async regionOf(actor: Actor, regionCode: string | undefined) {
    const { jurisdiction } = actor;
    if (jurisdiction.kind === 'grids' || jurisdiction.kind === 'department') {
      throw forbidden('dashboard.region_jurisdiction_only', '数据看板按区域统计，需要区域管辖范围', 'Dashboards are kept per region and need a regional jurisdiction');
    }
    const code = regionCode ?? (jurisdiction.kind === 'region' ? jurisdiction.regionPath.split('/').pop()! : await this.dashboards.topRegionCode(this.db));
    if (!code) throw regionNotFound('—');
    const region = await this.lookups.visibleRegion(actor, code);
    if (!coversRegion(jurisdiction, region.path)) throw regionNotFound(code);
    return region;
  }
}
