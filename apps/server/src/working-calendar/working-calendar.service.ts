import { invalid, requireInstallationWide, type Actor } from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import type { IncidentClock } from './incident-clock.js';
import type { WorkingCalendarRepository } from './working-calendar.repository.js';

/** Holidays, make-up working days and step time limits, edited by administrators; deadlines use them at once. */
export class WorkingCalendarService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly calendar: WorkingCalendarRepository,
    private readonly clock: IncidentClock,
  ) {}

  async year(year: number) {
    const data = await this.calendar.load(this.db);
    return {
      year,
      officeHours: data.officeHours,
      exceptions: await this.calendar.exceptions(this.db, year),
    };
  }

  async setDay(actor: Actor, day: string, change: { isWorkingDay: boolean; note?: string | null | undefined }) {
    requireInstallationWide(actor);
    if (Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw invalid('calendar.invalid_day', `${day} 不是有效日期`, `${day} is not a valid date`);
    await this.db.transaction().execute((transaction) => this.calendar.upsertDay(transaction, day, change.isWorkingDay, change.note ?? null));
    this.clock.invalidate();
    return { day, isWorkingDay: change.isWorkingDay, note: change.note ?? null };
  }

  async clearDay(actor: Actor, day: string) {
    requireInstallationWide(actor);
    await this.db.transaction().execute((transaction) => this.calendar.deleteDay(transaction, day));
    this.clock.invalidate();
  }

  stepLimits() {
    return this.calendar.stepLimits(this.db);
  }

  async setStepLimit(actor: Actor, limit: { level: string; step: string; categoryId?: number | null | undefined; timeLimit: number; timeLimitUnit: string; warningRatio: number }) {
    requireInstallationWide(actor);
    await this.db.transaction().execute((transaction) => this.calendar.upsertStepLimit(transaction, { ...limit, categoryId: limit.categoryId ?? null }));
    return limit;
  }
}
