import { sql } from 'kysely';
import type { OfficeHours, TimeLimitUnit, WorkingCalendarData } from '@civicgrid/domain';
import type { DatabaseExecutor } from '../database/schema.js';

export interface StepTimeLimit {
  timeLimit: number;
  unit: TimeLimitUnit;
  warningRatio: number;
}

/** The working calendar and the time limits of steps and categories. SQL only. */
export class WorkingCalendarRepository {
  async load(executor: DatabaseExecutor): Promise<WorkingCalendarData> {
    const days = await sql<{ day: string; isWorkingDay: boolean }>`
      SELECT day::text AS day, is_working_day AS "isWorkingDay" FROM working_calendar_days ORDER BY day`.execute(executor);
    const hours = await sql<{ effectiveFrom: string; startsAt: string; endsAt: string }>`
      SELECT effective_from::text AS "effectiveFrom", to_char(starts_at, 'HH24:MI') AS "startsAt", to_char(ends_at, 'HH24:MI') AS "endsAt"
      FROM working_hours ORDER BY effective_from, starts_at`.execute(executor);
    const officeHours = new Map<string, OfficeHours>();
    for (const row of hours.rows) {
      const entry = officeHours.get(row.effectiveFrom) ?? { effectiveFrom: row.effectiveFrom, periods: [] };
      entry.periods.push({ startsAt: row.startsAt, endsAt: row.endsAt });
      officeHours.set(row.effectiveFrom, entry);
    }
    return { exceptions: days.rows, officeHours: [...officeHours.values()] };
  }

  /** The limit of a step at a center level: the category's own row first, then the one for all categories. */
  async stepLimit(executor: DatabaseExecutor, level: string, step: string, categoryId: number | null): Promise<StepTimeLimit | undefined> {
    const result = await sql<StepTimeLimit>`
      SELECT time_limit::float8 AS "timeLimit", time_limit_unit AS unit, warning_ratio::float8 AS "warningRatio"
      FROM step_time_limits
      WHERE level = ${level} AND step = ${step} AND (category_id = ${categoryId} OR category_id IS NULL)
      ORDER BY category_id NULLS LAST LIMIT 1`.execute(executor);
    return result.rows[0];
  }

  async categoryLimit(executor: DatabaseExecutor, categoryId: number): Promise<{ timeLimit: number; unit: TimeLimitUnit } | undefined> {
    const result = await sql<{ timeLimit: number | null; unit: TimeLimitUnit | null }>`
      SELECT time_limit::float8 AS "timeLimit", time_limit_unit AS unit FROM incident_categories WHERE id = ${categoryId}`.execute(executor);
    const row = result.rows[0];
    return row?.timeLimit && row.unit ? { timeLimit: row.timeLimit, unit: row.unit } : undefined;
  }

  async exceptions(executor: DatabaseExecutor, year: number) {
    const result = await sql<{ day: string; isWorkingDay: boolean; note: string | null }>`
      SELECT day::text AS day, is_working_day AS "isWorkingDay", note FROM working_calendar_days
      WHERE day >= make_date(${year}, 1, 1) AND day < make_date(${year + 1}, 1, 1) ORDER BY day`.execute(executor);
    return result.rows;
  }

  async upsertDay(executor: DatabaseExecutor, day: string, isWorkingDay: boolean, note: string | null): Promise<void> {
    await sql`
      INSERT INTO working_calendar_days (day, is_working_day, note) VALUES (${day}::date, ${isWorkingDay}, ${note})
      ON CONFLICT (day) DO UPDATE SET is_working_day = excluded.is_working_day, note = excluded.note, updated_at = now()`.execute(executor);
  }

  async deleteDay(executor: DatabaseExecutor, day: string): Promise<void> {
    await sql`DELETE FROM working_calendar_days WHERE day = ${day}::date`.execute(executor);
  }

  async stepLimits(executor: DatabaseExecutor) {
    const result = await sql<{ id: number; level: string; step: string; categoryId: number | null; timeLimit: number; timeLimitUnit: string; warningRatio: number }>`
      SELECT id, level, step, category_id AS "categoryId", time_limit::float8 AS "timeLimit", time_limit_unit AS "timeLimitUnit",
             warning_ratio::float8 AS "warningRatio"
      FROM step_time_limits ORDER BY level, step, category_id NULLS FIRST`.execute(executor);
    return result.rows;
  }

  async upsertStepLimit(executor: DatabaseExecutor, limit: { level: string; step: string; categoryId: number | null; timeLimit: number; timeLimitUnit: string; warningRatio: number }): Promise<void> {
    await sql`
      INSERT INTO step_time_limits (level, step, category_id, time_limit, time_limit_unit, warning_ratio)
      VALUES (${limit.level}, ${limit.step}, ${limit.categoryId}, ${limit.timeLimit}, ${limit.timeLimitUnit}, ${limit.warningRatio})
      ON CONFLICT (level, category_id, step) DO UPDATE SET time_limit = excluded.time_limit, time_limit_unit = excluded.time_limit_unit,
        warning_ratio = excluded.warning_ratio, updated_at = now()`.execute(executor);
  }
}
