import { invalid } from '../errors.js';

/**
 * Time limits (时限) are set per category and per step in one of three units:
 *
 * - `working_hours`: office minutes. The amount may be fractional (0.5 = 30 office minutes). Time outside
 *   office periods (nights, the lunch break, weekends, holidays) does not count, and a start outside
 *   office hours counts from the next office period. The deadline is the earliest instant at which the
 *   limit is used up, so a limit that ends with a period is due at its end (12:00, 17:30), not at the
 *   start of the next one.
 * - `working_days`: N whole working days move the start to the same office-time offset (office time
 *   elapsed that day) on the Nth following working day: Monday 10:00 + 1 = Tuesday 10:00, Friday 16:00 + 1
 *   = next Monday 16:00. A start outside office hours first snaps to the next office period start
 *   (Monday 07:00 + 1 = Tuesday 08:30, Monday 18:00 + 1 = Wednesday 08:30). When office hours change and
 *   the target day has less office time than the offset, the deadline is the end of that day's office
 *   time, so that one working day never spills into a second one. A fractional part adds that share of
 *   the target day's office minutes in office time (Monday 10:00 + 1.5 = Tuesday 10:00 + 3.5 office hours).
 * - `calendar_days`: amount × 24 hours of real time, holidays included.
 *
 * A limit of zero is due at once (the start itself).
 */
export const TIME_LIMIT_UNITS = ['working_hours', 'working_days', 'calendar_days'] as const;
export type TimeLimitUnit = (typeof TIME_LIMIT_UNITS)[number];

export const TIME_LIMIT_UNIT_LABELS: Record<TimeLimitUnit, string> = {
  working_hours: '工作时',
  working_days: '工作日',
  calendar_days: '自然日',
};

/** Office periods of a working day, in force from `effectiveFrom` until the next set (summer/winter hours). */
export interface OfficeHours {
  /** YYYY-MM-DD */
  effectiveFrom: string;
  /** HH:MM (or HH:MM:SS as PostgreSQL returns a `time`), local to the calendar's UTC offset; `endsAt` may be 24:00. */
  periods: { startsAt: string; endsAt: string }[];
}

/** Rows of working_calendar_days and working_hours; sets with the same `effectiveFrom` are merged. */
export interface WorkingCalendarData {
  /** Exceptions to the Monday–Friday week: public holidays (false) and weekend make-up days 调休 (true). */
  exceptions: { day: string; isWorkingDay: boolean }[];
  officeHours: OfficeHours[];
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  effectiveFrom: '2000-01-01',
  periods: [
    { startsAt: '08:30', endsAt: '12:00' },
    { startsAt: '14:00', endsAt: '17:30' },
  ],
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A walk that meets no office time for this long means the calendar data are wrong, not that the limit is long. */
const MAX_DAYS_WITHOUT_OFFICE_TIME = 3 * 366;
/** No time limit runs for a century; a walk this long means a wrong amount or date. */
const MAX_WALKED_DAYS = 100 * 366;

/** Office periods as milliseconds after local midnight, ascending and disjoint. */
interface DaySchedule {
  periods: readonly (readonly [start: number, end: number])[];
  total: number;
}

const NO_OFFICE_TIME: DaySchedule = { periods: [], total: 0 };

/**
 * Working days and office hours in one fixed UTC offset (China has no daylight saving time).
 * Instants are JS Dates; a calendar day and a clock time are read in that offset. Internally every
 * instant is a "local millisecond" count (UTC milliseconds + offset), so that day n spans
 * [n × 24 h, (n + 1) × 24 h) and the arithmetic walks periods and days, never minutes.
 */
export class WorkingCalendar {
  private readonly offsetMs: number;
  private readonly exceptions = new Map<number, boolean>();
  /** Ascending by `fromDay`. */
  private readonly schedules: { fromDay: number; schedule: DaySchedule }[];

  constructor(data: WorkingCalendarData, utcOffsetMinutes = 480) {
    if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 14 * 60) {
      throw invalid('working_calendar.invalid_offset', 'UTC 偏移量无效', `UTC offset must be whole minutes within ±14 h, got ${utcOffsetMinutes}`);
    }
    this.offsetMs = utcOffsetMinutes * MINUTE;
    for (const exception of data.exceptions) this.exceptions.set(parseDay(exception.day), exception.isWorkingDay);
    if (data.officeHours.length === 0) {
      throw invalid('working_calendar.no_office_hours', '未设置办公时间', 'A working calendar needs at least one set of office hours');
    }
    const periodsByDay = new Map<number, [number, number][]>();
    for (const hours of data.officeHours) {
      const fromDay = parseDay(hours.effectiveFrom);
      const periods = periodsByDay.get(fromDay) ?? [];
      for (const period of hours.periods) periods.push([parseClock(period.startsAt), parseClock(period.endsAt)]);
      periodsByDay.set(fromDay, periods);
    }
    this.schedules = [...periodsByDay]
      .map(([fromDay, periods]) => ({ fromDay, schedule: toSchedule(formatDay(fromDay), periods) }))
      .sort((left, right) => left.fromDay - right.fromDay);
  }

  /** Monday to Friday, unless an exception says otherwise (public holidays off, make-up weekend days 调休 on). */
  isWorkingDay(day: string): boolean {
    return this.isWorkingDayNumber(parseDay(day));
  }

  /** The office periods of `day` under the office hours in force that day (latest effectiveFrom <= day); none on a day off. */
  officePeriods(day: string): { start: Date; end: Date }[] {
    const dayNumber = parseDay(day);
    const dayStart = dayNumber * DAY;
    return this.scheduleOf(dayNumber).periods.map(([start, end]) => ({
      start: this.toDate(dayStart + start),
      end: this.toDate(dayStart + end),
    }));
  }

  /** `minutes` of office time after `start` (counted from the next office period when `start` is outside one). */
  addWorkingMinutes(start: Date, minutes: number): Date {
    checkAmount(minutes);
    return this.toDate(this.addOfficeTime(this.toLocal(start), Math.round(minutes * MINUTE)));
  }

  /** Office minutes in [from, to); negative when `to` is before `from`. */
  workingMinutesBetween(from: Date, to: Date): number {
    const fromLocal = this.toLocal(from);
    const toLocal = this.toLocal(to);
    if (toLocal < fromLocal) return -this.officeTimeBetween(toLocal, fromLocal) / MINUTE;
    return this.officeTimeBetween(fromLocal, toLocal) / MINUTE;
  }

  /** The deadline of a time limit of `amount` `unit`s started at `start` (rules on TIME_LIMIT_UNITS). */
  addTimeLimit(start: Date, amount: number, unit: TimeLimitUnit): Date {
    checkAmount(amount);
    const local = this.toLocal(start);
    switch (unit) {
      case 'working_hours':
        return this.toDate(this.addOfficeTime(local, Math.round(amount * HOUR)));
      case 'working_days':
        return this.toDate(this.addWorkingDays(local, amount));
      case 'calendar_days':
        return this.toDate(local + Math.round(amount * DAY));
      default:
        throw invalid('working_calendar.invalid_unit', '时限单位无效', `Unknown time limit unit: ${String(unit)}`);
    }
  }

  private isWorkingDayNumber(dayNumber: number): boolean {
    const exception = this.exceptions.get(dayNumber);
    if (exception !== undefined) return exception;
    const weekday = (((dayNumber + 4) % 7) + 7) % 7; // day 0, 1970-01-01, was a Thursday; 0 = Sunday
    return weekday >= 1 && weekday <= 5;
  }

  private scheduleOf(dayNumber: number): DaySchedule {
    if (!this.isWorkingDayNumber(dayNumber)) return NO_OFFICE_TIME;
    for (let index = this.schedules.length - 1; index >= 0; index--) {
      const entry = this.schedules[index]!;
      if (entry.fromDay <= dayNumber) return entry.schedule;
    }
    return NO_OFFICE_TIME;
  }

  /** Walks day after day from `firstDay`, calling `visit` with each day that has office time until it returns a result. */
  private walkDays<T>(firstDay: number, visit: (dayNumber: number, schedule: DaySchedule) => T | undefined): T {
    let daysWithoutOfficeTime = 0;
    for (let dayNumber = firstDay; dayNumber - firstDay <= MAX_WALKED_DAYS; dayNumber++) {
      const schedule = this.scheduleOf(dayNumber);
      if (schedule.total === 0) {
        if (++daysWithoutOfficeTime > MAX_DAYS_WITHOUT_OFFICE_TIME) {
          throw new Error(
            `Working calendar: no working day with office hours in the ${MAX_DAYS_WITHOUT_OFFICE_TIME} days after ` +
              `${formatDay(dayNumber - MAX_DAYS_WITHOUT_OFFICE_TIME)}; check working_calendar_days and working_hours`,
          );
        }
        continue;
      }
      daysWithoutOfficeTime = 0;
      const result = visit(dayNumber, schedule);
      if (result !== undefined) return result;
    }
    throw invalid(
      'working_calendar.too_far',
      '时限过长',
      `Working calendar: the time limit runs more than ${MAX_WALKED_DAYS} days past ${formatDay(firstDay)}`,
    );
  }

  private addOfficeTime(local: number, amount: number): number {
    if (amount === 0) return local;
    let remaining = amount;
    return this.walkDays(Math.floor(local / DAY), (dayNumber, schedule) => {
      const dayStart = dayNumber * DAY;
      for (const [start, end] of schedule.periods) {
        const periodEnd = dayStart + end;
        if (periodEnd <= local) continue;
        const from = Math.max(local, dayStart + start);
        const available = periodEnd - from;
        if (remaining <= available) return from + remaining;
        remaining -= available;
      }
      return undefined;
    });
  }

  /** `local` when it lies in an office period [start, end), else the start of the next office period. */
  private snapToOfficeTime(local: number): number {
    return this.walkDays(Math.floor(local / DAY), (dayNumber, schedule) => {
      const dayStart = dayNumber * DAY;
      for (const [start, end] of schedule.periods) {
        if (dayStart + end > local) return Math.max(local, dayStart + start);
      }
      return undefined;
    });
  }

  private addWorkingDays(local: number, amount: number): number {
    if (amount === 0) return local;
    const wholeDays = Math.floor(amount);
    const snapped = this.snapToOfficeTime(local);
    const startDay = Math.floor(snapped / DAY);
    const offset = officeTimeBefore(this.scheduleOf(startDay), snapped - startDay * DAY);
    let counted = 0;
    const targetDay = wholeDays === 0
      ? startDay
      : this.walkDays(startDay + 1, (dayNumber) => (++counted === wholeDays ? dayNumber : undefined));
    const targetSchedule = this.scheduleOf(targetDay);
    const base = wholeDays === 0 ? snapped : targetDay * DAY + instantAtOfficeTime(targetSchedule, offset);
    const fraction = amount - wholeDays;
    return fraction > 0 ? this.addOfficeTime(base, Math.round(fraction * targetSchedule.total)) : base;
  }

  private officeTimeBetween(fromLocal: number, toLocal: number): number {
    const firstDay = Math.floor(fromLocal / DAY);
    const lastDay = Math.floor(toLocal / DAY);
    if (lastDay - firstDay > MAX_WALKED_DAYS) {
      throw invalid('working_calendar.too_far', '时间跨度过长', `Working calendar: cannot count office time over more than ${MAX_WALKED_DAYS} days`);
    }
    let total = 0;
    for (let dayNumber = firstDay; dayNumber <= lastDay; dayNumber++) {
      const dayStart = dayNumber * DAY;
      for (const [start, end] of this.scheduleOf(dayNumber).periods) {
        total += Math.max(0, Math.min(dayStart + end, toLocal) - Math.max(dayStart + start, fromLocal));
      }
    }
    return total;
  }

  private toLocal(instant: Date): number {
    checkInstant(instant);
    return instant.getTime() + this.offsetMs;
  }

  private toDate(local: number): Date {
    return new Date(local - this.offsetMs);
  }
}

export type DeadlineColour = 'green' | 'yellow' | 'red';

/**
 * The moment `ratio` (e.g. 0.8) of the time between start and deadline has been used, measured in the
 * unit's own time (office minutes for working units, real time for calendar days).
 */
export function warningMoment(calendar: WorkingCalendar, start: Date, deadline: Date, unit: TimeLimitUnit, ratio = 0.8): Date {
  checkInstant(start);
  checkInstant(deadline);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw invalid('working_calendar.invalid_ratio', '预警比例必须在 0 到 1 之间', `Warning ratio must be between 0 and 1, got ${ratio}`);
  }
  if (deadline.getTime() < start.getTime()) {
    throw invalid('working_calendar.deadline_before_start', '期限早于开始时间', 'The deadline is before the start');
  }
  if (unit === 'calendar_days') return new Date(start.getTime() + Math.round(ratio * (deadline.getTime() - start.getTime())));
  const officeMinutes = calendar.workingMinutesBetween(start, deadline);
  if (officeMinutes === 0) return deadline;
  return calendar.addWorkingMinutes(start, ratio * officeMinutes);
}

/** Red from the deadline on, yellow from the warning moment on, green before that or when there is no deadline. */
export function deadlineColour(now: Date, warningAt: Date | null, deadline: Date | null): DeadlineColour {
  if (deadline === null) return 'green';
  if (now.getTime() >= deadline.getTime()) return 'red';
  if (warningAt !== null && now.getTime() >= warningAt.getTime()) return 'yellow';
  return 'green';
}

/** Office time of the day elapsed before `timeOfDay` (milliseconds after local midnight). */
function officeTimeBefore(schedule: DaySchedule, timeOfDay: number): number {
  let elapsed = 0;
  for (const [start, end] of schedule.periods) elapsed += Math.max(0, Math.min(end, timeOfDay) - start);
  return elapsed;
}

/** Milliseconds after midnight at which `officeTime` of the day's office time has elapsed; the day's office end when it has less. */
function instantAtOfficeTime(schedule: DaySchedule, officeTime: number): number {
  let elapsed = 0;
  for (const [start, end] of schedule.periods) {
    if (officeTime < elapsed + (end - start)) return start + (officeTime - elapsed);
    elapsed += end - start;
  }
  return schedule.periods.at(-1)?.[1] ?? 0;
}

function toSchedule(effectiveFrom: string, periods: [number, number][]): DaySchedule {
  if (periods.length === 0) {
    throw invalid('working_calendar.invalid_office_hours', '办公时间无效', `Office hours from ${effectiveFrom} have no periods`);
  }
  const sorted = [...periods].sort((left, right) => left[0] - right[0]);
  let total = 0;
  sorted.forEach(([start, end], index) => {
    const previousEnd = index > 0 ? sorted[index - 1]![1] : 0;
    if (end <= start || start < previousEnd || end > DAY) {
      throw invalid(
        'working_calendar.invalid_office_hours',
        '办公时间无效',
        `Office hours from ${effectiveFrom}: periods must end after they start, within the day, without overlapping`,
      );
    }
    total += end - start;
  });
  return { periods: sorted, total };
}

/** A YYYY-MM-DD date as a day number (days since 1970-01-01). */
function parseDay(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const dayNumber = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY : Number.NaN;
  if (!Number.isInteger(dayNumber) || formatDay(dayNumber) !== day) {
    throw invalid('working_calendar.invalid_day', '日期无效', `Expected a date as YYYY-MM-DD, got ${JSON.stringify(day)}`);
  }
  return dayNumber;
}

function formatDay(dayNumber: number): string {
  return new Date(dayNumber * DAY).toISOString().slice(0, 10);
}

/** HH:MM or HH:MM:SS as milliseconds after midnight; 24:00 is the end of the day. */
function parseClock(clock: string): number {
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(clock);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  const seconds = Number(match?.[3] ?? 0);
  const milliseconds = hours * HOUR + minutes * MINUTE + seconds * 1000;
  if (!match || minutes > 59 || seconds > 59 || milliseconds > DAY) {
    throw invalid('working_calendar.invalid_time', '时间无效', `Expected a time as HH:MM, got ${JSON.stringify(clock)}`);
  }
  return milliseconds;
}

function checkAmount(amount: number): void {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
    throw invalid('working_calendar.invalid_amount', '时限必须是非负有限数', `A time limit must be a finite number >= 0, got ${String(amount)}`);
  }
}

function checkInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw invalid('working_calendar.invalid_instant', '时间无效', `Expected a valid Date, got ${String(instant)}`);
  }
}
