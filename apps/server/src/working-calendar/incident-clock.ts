import {
  STEP_OF_STATUS, WorkingCalendar, warningMoment, type IncidentStatus, type TimeLimitUnit,
} from '@civicgrid/domain';
import type { DatabaseExecutor } from '../database/schema.js';
import type { WorkingCalendarRepository } from './working-calendar.repository.js';

export interface StepClock {
  step: string | null;
  startedAt: Date | null;
  deadline: Date | null;
  warningAt: Date | null;
}

const STOPPED: StepClock = { step: null, startedAt: null, deadline: null, warningAt: null };
/** When a category has no handling limit of its own. */
const DEFAULT_HANDLE_LIMIT = { timeLimit: 5, unit: 'working_days' as TimeLimitUnit };
const CALENDAR_TTL_MS = 60_000;

/**
 * Deadlines of incident steps on the working calendar. The calendar is read from the database and kept for a
 * minute (edits through this process drop it at once).
 */
export class IncidentClock {
  private cached: { calendar: WorkingCalendar; loadedAt: number } | undefined;

  constructor(private readonly repository: WorkingCalendarRepository) {}

  invalidate(): void {
    this.cached = undefined;
  }

  async calendar(executor: DatabaseExecutor): Promise<WorkingCalendar> {
    if (!this.cached || Date.now() - this.cached.loadedAt > CALENDAR_TTL_MS) {
      this.cached = { calendar: new WorkingCalendar(await this.repository.load(executor)), loadedAt: Date.now() };
    }
    return this.cached.calendar;
  }

  async handleLimit(executor: DatabaseExecutor, categoryId: number | null) {
    return (categoryId !== null ? await this.repository.categoryLimit(executor, categoryId) : undefined) ?? DEFAULT_HANDLE_LIMIT;
  }

  /** The handling deadline of a dispatch starting now: the category's limit, never later than a hotline's own deadline. */
  async handleDeadline(executor: DatabaseExecutor, categoryId: number | null, start: Date, hotlineDeadline: Date | null): Promise<Date> {
    const limit = await this.handleLimit(executor, categoryId);
    const deadline = (await this.calendar(executor)).addTimeLimit(start, limit.timeLimit, limit.unit);
    return hotlineDeadline && hotlineDeadline < deadline ? hotlineDeadline : deadline;
  }

  /** The clock of the step that starts when an incident enters `status`. */
  async clockFor(executor: DatabaseExecutor, status: IncidentStatus, incident: {
    centerLevel: string | null; categoryId: number | null; lead?: { deadline: Date | null; dispatchedAt: Date } | undefined;
  }, now: Date): Promise<StepClock> {
    const step = STEP_OF_STATUS[status];
    if (!step) return STOPPED;
    const calendar = await this.calendar(executor);
    if (step === 'handle' && incident.lead?.deadline) {
      const limit = await this.handleLimit(executor, incident.categoryId);
      const startedAt = incident.lead.dispatchedAt;
      return { step, startedAt, deadline: incident.lead.deadline, warningAt: warningMoment(calendar, startedAt, incident.lead.deadline, limit.unit) };
    }
    const limit = await this.repository.stepLimit(executor, incident.centerLevel ?? 'street', step, incident.categoryId);
    if (!limit) return { ...STOPPED, step, startedAt: now };
    let deadline = calendar.addTimeLimit(now, limit.timeLimit, limit.unit);
    if (incident.lead?.deadline && incident.lead.deadline < deadline) deadline = incident.lead.deadline;
    return { step, startedAt: now, deadline, warningAt: warningMoment(calendar, now, deadline, limit.unit, limit.warningRatio) };
  }

  /** A deadline pushed back by the office time that passed while the case was suspended. */
  async shiftBySuspension(executor: DatabaseExecutor, deadline: Date, suspendedAt: Date, now: Date): Promise<Date> {
    const calendar = await this.calendar(executor);
    const remaining = Math.max(0, calendar.workingMinutesBetween(suspendedAt, deadline));
    return calendar.addWorkingMinutes(now, remaining);
  }
}
