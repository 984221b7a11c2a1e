import { ALL_CLEAR_LATE_DAYS, invalid, type Actor, type AllClearInput } from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import type { GridLookups } from '../grids/grid-access.js';
import type { IncidentRepository } from '../incidents/incident.repository.js';
import type { AllClearRepository } from './all-clear.repository.js';

/** Today's date in China (UTC+8), which is the day an all-clear counts for. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The day an all-clear speaks for: the one the phone names, if it is today or at most ALL_CLEAR_LATE_DAYS before. */
export function allClearDay(reportDate: string | undefined, now = new Date()): string {
  const today = chinaToday(now);
  if (reportDate === undefined) return today;
  const earliest = chinaToday(new Date(now.getTime() - ALL_CLEAR_LATE_DAYS * 86_400_000));
  if (reportDate > today || reportDate < earliest || Number.isNaN(Date.parse(reportDate))) {
    throw invalid('all_clear.day_out_of_range', `报平安的日期须在 ${earliest} 至 ${today} 之间`,
      `An all-clear may speak for a day from ${earliest} to ${today}`, { reportDate, earliest, today });
  }
  return reportDate;
}

const notAGridWorker = () => invalid('all_clear.not_a_grid_worker', '只有绑定了网格力量的网格员才能报平安', 'Only a grid worker linked to a grid member can send an all-clear');

/** 无事报平安: each grid worker's daily report, and who has not sent theirs. */
export class AllClearService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly allClears: AllClearRepository,
    private readonly incidents: IncidentRepository,
    private readonly lookups: GridLookups,
  ) {}

  async report(actor: Actor, input: AllClearInput) {
    if (actor.kind !== 'user' || actor.jurisdiction.kind !== 'grids') throw notAGridWorker();
    const reportDate = allClearDay(input.reportDate);
    const grid = await this.lookups.visibleGrid(actor, input.gridCode);
    const gridMemberId = await this.incidents.gridMemberOfUser(this.db, actor.userId);
    if (gridMemberId === null) throw notAGridWorker();
    const saved = await this.db.transaction().execute((transaction) => this.allClears.insert(transaction, {
      gridMemberId, gridId: grid.id, reportDate, nothingToReport: input.nothingToReport, note: input.note ?? null,
      clientId: input.clientId, lon: input.lon, lat: input.lat,
    }));
    return { created: saved.created, allClear: (await this.allClears.find(this.db, saved.id))! };
  }

  async mine(actor: Actor) {
    if (actor.kind !== 'user' || actor.jurisdiction.kind !== 'grids') throw notAGridWorker();
    const gridMemberId = await this.incidents.gridMemberOfUser(this.db, actor.userId);
    if (gridMemberId === null) throw notAGridWorker();
    return this.allClears.mine(this.db, actor.userId, gridMemberId, chinaToday());
  }

  async missing(actor: Actor, query: { date?: string | undefined; regionCode?: string | undefined }) {
    const day = query.date ?? chinaToday();
    const region = query.regionCode ? await this.lookups.visibleRegion(actor, query.regionCode) : undefined;
    const { jurisdiction } = actor;
    const regionPath = region?.path ?? (jurisdiction.kind === 'region' || jurisdiction.kind === 'department' ? jurisdiction.regionPath : null);
    if (jurisdiction.kind === 'grids') throw invalid('all_clear.region_required', '请选择区域', 'Choose a region');
    return { date: day, ...(await this.allClears.missing(this.db, regionPath, day, 500)) };
  }
}
