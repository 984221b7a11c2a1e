import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_OFFICE_HOURS,
  TIME_LIMIT_UNIT_LABELS,
  TIME_LIMIT_UNITS,
  WorkingCalendar,
  deadlineColour,
  warningMoment,
  type WorkingCalendarData,
} from './working-calendar.js';

const days = (isWorkingDay: boolean, ...list: string[]) => list.map((day) => ({ day, isWorkingDay }));

/** The State Council's 2026 schedule (weekday holidays and make-up weekend days), plus New Year 2027. */
const exceptions2026: WorkingCalendarData['exceptions'] = [
  ...days(false, '2026-01-01', '2026-01-02'),
  ...days(true, '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'),
  ...days(false, '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'),
  ...days(false, '2026-04-06', '2026-05-01', '2026-05-04', '2026-05-05', '2026-06-19', '2026-09-25'),
  ...days(false, '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'),
  ...days(false, '2027-01-01'),
];

const calendar = new WorkingCalendar({ exceptions: exceptions2026, officeHours: [DEFAULT_OFFICE_HOURS] });

/** Summer hours 08:00–12:00 and 15:00–18:30 (7.5 h) from June 1 2026, back to the default on October 8. */
const summerCalendar = new WorkingCalendar({
  exceptions: exceptions2026,
  officeHours: [
    DEFAULT_OFFICE_HOURS,
    { effectiveFrom: '2026-06-01', periods: [{ startsAt: '08:00', endsAt: '12:00' }, { startsAt: '15:00', endsAt: '18:30' }] },
    { effectiveFrom: '2026-10-08', periods: DEFAULT_OFFICE_HOURS.periods },
  ],
});

const at = (iso: string) => new Date(iso);

/** The instant as China Standard Time, so that a failure reads like the expectation. */
function inChina(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
}

function assertHours(start: string, hours: number, expected: string, on = calendar) {
  assert.equal(inChina(on.addTimeLimit(at(start), hours, 'working_hours')), expected, `${start} + ${hours} working hours`);
}

function assertDays(start: string, amount: number, expected: string, on = calendar) {
  assert.equal(inChina(on.addTimeLimit(at(start), amount, 'working_days')), expected, `${start} + ${amount} working days`);
}

test('working hours within one office period', () => {
  assertHours('2026-03-10T09:00:00+08:00', 2, '2026-03-10T11:00:00+08:00');
  assertHours('2026-03-10T08:30:00+08:00', 3.5, '2026-03-10T12:00:00+08:00');
});

test('working hours skip the lunch break', () => {
  assertHours('2026-03-10T11:00:00+08:00', 2, '2026-03-10T15:00:00+08:00');
  assertHours('2026-03-10T08:30:00+08:00', 7, '2026-03-10T17:30:00+08:00');
});

test('working hours skip the weekend', () => {
  assertHours('2026-03-13T16:00:00+08:00', 4, '2026-03-16T11:00:00+08:00');
  assertHours('2026-03-13T08:30:00+08:00', 7.5, '2026-03-16T09:00:00+08:00');
});

test('a limit started on a Saturday counts from Monday morning', () => {
  assertHours('2026-03-14T10:00:00+08:00', 1, '2026-03-16T09:30:00+08:00');
  assertDays('2026-03-14T10:00:00+08:00', 1, '2026-03-17T08:30:00+08:00');
});

test('a limit started before 08:30 or after 17:30 counts from the next office period', () => {
  assertHours('2026-03-10T07:00:00+08:00', 1, '2026-03-10T09:30:00+08:00');
  assertHours('2026-03-10T18:00:00+08:00', 1, '2026-03-11T09:30:00+08:00');
  assertHours('2026-03-10T17:30:00+08:00', 1, '2026-03-11T09:30:00+08:00');
  assertHours('2026-03-10T12:30:00+08:00', 1, '2026-03-10T15:00:00+08:00');
});

test('days and clock times are read in the calendar offset, not in UTC', () => {
  // 23:30 UTC on Friday is 07:30 on Saturday in China
  assertHours('2026-03-13T23:30:00Z', 1, '2026-03-16T09:30:00+08:00');
  const utcCalendar = new WorkingCalendar({ exceptions: [], officeHours: [DEFAULT_OFFICE_HOURS] }, 0);
  assert.equal(utcCalendar.addWorkingMinutes(at('2026-03-10T09:00:00Z'), 60).toISOString(), '2026-03-10T10:00:00.000Z');
});

test('the National Day holiday is skipped and its make-up days are worked', () => {
  assert.equal(calendar.isWorkingDay('2026-09-30'), true);
  assert.equal(calendar.isWorkingDay('2026-10-01'), false);
  assert.equal(calendar.isWorkingDay('2026-10-05'), false);
  assert.equal(calendar.isWorkingDay('2026-10-08'), true);
  assert.equal(calendar.isWorkingDay('2026-09-20'), true, 'make-up Sunday');
  assert.equal(calendar.isWorkingDay('2026-10-10'), true, 'make-up Saturday');
  assert.equal(calendar.isWorkingDay('2026-10-11'), false, 'ordinary Sunday');
  assertHours('2026-09-30T16:00:00+08:00', 4, '2026-10-08T11:00:00+08:00');
  assertDays('2026-09-30T10:00:00+08:00', 1, '2026-10-08T10:00:00+08:00');
  assertHours('2026-09-19T10:00:00+08:00', 1, '2026-09-20T09:30:00+08:00');
});

test('a make-up Saturday counts as a working day', () => {
  assertHours('2026-10-09T16:00:00+08:00', 4, '2026-10-10T11:00:00+08:00');
  assertDays('2026-10-09T10:00:00+08:00', 1, '2026-10-10T10:00:00+08:00');
  assertDays('2026-02-13T16:00:00+08:00', 1, '2026-02-14T16:00:00+08:00');
  // from the make-up Saturday before the Spring Festival over nine days off
  assertDays('2026-02-14T10:00:00+08:00', 1, '2026-02-24T10:00:00+08:00');
  assert.deepEqual(
    calendar.officePeriods('2026-10-10').map(({ start, end }) => [inChina(start), inChina(end)]),
    [
      ['2026-10-10T08:30:00+08:00', '2026-10-10T12:00:00+08:00'],
      ['2026-10-10T14:00:00+08:00', '2026-10-10T17:30:00+08:00'],
    ],
  );
  assert.deepEqual(calendar.officePeriods('2026-10-01'), []);
  assert.deepEqual(calendar.officePeriods('2026-10-11'), []);
});

test('a limit runs across the year end and New Year', () => {
  assertHours('2026-12-31T16:00:00+08:00', 4, '2027-01-04T11:00:00+08:00');
  assertDays('2026-12-31T10:00:00+08:00', 1, '2027-01-04T10:00:00+08:00');
  assert.equal(calendar.workingMinutesBetween(at('2026-12-31T16:00:00+08:00'), at('2027-01-04T11:00:00+08:00')), 240);
});

test('working days keep the office-time offset inside office hours', () => {
  assertDays('2026-03-09T10:00:00+08:00', 1, '2026-03-10T10:00:00+08:00');
  assertDays('2026-03-13T16:00:00+08:00', 1, '2026-03-16T16:00:00+08:00');
  assertDays('2026-03-09T10:00:00+08:00', 5, '2026-03-16T10:00:00+08:00');
  assertDays('2026-03-09T14:00:00+08:00', 1, '2026-03-10T14:00:00+08:00');
  assertDays('2026-03-09T08:30:00+08:00', 1, '2026-03-10T08:30:00+08:00');
});

test('working days from outside office hours start at the next office period', () => {
  assertDays('2026-03-09T07:00:00+08:00', 1, '2026-03-10T08:30:00+08:00');
  assertDays('2026-03-09T18:00:00+08:00', 1, '2026-03-11T08:30:00+08:00');
  assertDays('2026-03-09T17:30:00+08:00', 1, '2026-03-11T08:30:00+08:00');
  assertDays('2026-03-09T12:00:00+08:00', 1, '2026-03-10T14:00:00+08:00');
  assertDays('2026-03-09T12:30:00+08:00', 1, '2026-03-10T14:00:00+08:00');
});

test('fractional amounts', () => {
  assertHours('2026-03-10T11:45:00+08:00', 0.5, '2026-03-10T14:15:00+08:00');
  assertHours('2026-03-10T09:00:00+08:00', 0.25, '2026-03-10T09:15:00+08:00');
  // 1.5 working days: Tuesday 10:00, then half of Tuesday's seven office hours
  assertDays('2026-03-09T10:00:00+08:00', 1.5, '2026-03-10T15:30:00+08:00');
  assertDays('2026-03-09T16:00:00+08:00', 0.5, '2026-03-10T10:30:00+08:00');
  assertDays('2026-03-14T10:00:00+08:00', 0.5, '2026-03-16T12:00:00+08:00');
  assert.equal(inChina(calendar.addWorkingMinutes(at('2026-03-10T11:59:00+08:00'), 1.5)), '2026-03-10T14:00:30+08:00');
});

test('calendar days are real time, holidays included', () => {
  const start = at('2026-09-30T10:00:00+08:00');
  assert.equal(inChina(calendar.addTimeLimit(start, 3, 'calendar_days')), '2026-10-03T10:00:00+08:00');
  assert.equal(inChina(calendar.addTimeLimit(start, 0.5, 'calendar_days')), '2026-09-30T22:00:00+08:00');
  assert.equal(inChina(calendar.addTimeLimit(start, 60, 'calendar_days')), '2026-11-29T10:00:00+08:00');
});

test('a zero limit is due at once', () => {
  const start = at('2026-03-14T10:00:00+08:00');
  for (const unit of TIME_LIMIT_UNITS) assert.equal(inChina(calendar.addTimeLimit(start, 0, unit)), '2026-03-14T10:00:00+08:00', unit);
});

test('working minutes between two instants, in both directions', () => {
  const minutes = (from: string, to: string) => calendar.workingMinutesBetween(at(from), at(to));
  assert.equal(minutes('2026-03-10T11:00:00+08:00', '2026-03-10T15:00:00+08:00'), 120);
  assert.equal(minutes('2026-03-10T15:00:00+08:00', '2026-03-10T11:00:00+08:00'), -120);
  assert.equal(minutes('2026-03-13T16:00:00+08:00', '2026-03-16T11:00:00+08:00'), 240);
  assert.equal(minutes('2026-03-16T11:00:00+08:00', '2026-03-13T16:00:00+08:00'), -240);
  assert.equal(minutes('2026-09-30T16:00:00+08:00', '2026-10-08T11:00:00+08:00'), 240);
  assert.equal(minutes('2026-03-14T00:00:00+08:00', '2026-03-16T00:00:00+08:00'), 0);
  assert.equal(minutes('2026-03-10T09:00:00+08:00', '2026-03-10T09:00:00+08:00'), 0);
  assert.equal(minutes('2026-03-10T09:00:00+08:00', '2026-03-10T09:00:30+08:00'), 0.5);
  assert.equal(minutes('2026-03-09T00:00:00+08:00', '2026-03-16T00:00:00+08:00'), 5 * 7 * 60);
});

test('working minutes between is the inverse of adding working minutes', () => {
  const starts = [
    '2026-03-10T09:17:00+08:00',
    '2026-03-10T12:00:00+08:00',
    '2026-03-13T17:45:00+08:00',
    '2026-09-29T15:10:00+08:00',
    '2026-12-30T08:00:00+08:00',
  ];
  for (const start of starts) {
    for (const minutes of [1, 30, 209, 210, 420, 421, 2_000, 10_000]) {
      const end = calendar.addWorkingMinutes(at(start), minutes);
      assert.equal(calendar.workingMinutesBetween(at(start), end), minutes, `${start} + ${minutes} min`);
      assert.equal(calendar.workingMinutesBetween(end, at(start)), -minutes, `${start} + ${minutes} min, backwards`);
    }
  }
});

test('office hours change by their effective date (summer hours)', () => {
  const periods = (day: string) =>
    summerCalendar.officePeriods(day).map(({ start, end }) => `${inChina(start).slice(11, 16)}–${inChina(end).slice(11, 16)}`);
  assert.deepEqual(periods('2026-05-29'), ['08:30–12:00', '14:00–17:30']);
  assert.deepEqual(periods('2026-06-01'), ['08:00–12:00', '15:00–18:30']);
  assert.deepEqual(periods('2026-10-08'), ['08:30–12:00', '14:00–17:30']);
  assertHours('2026-05-29T16:00:00+08:00', 4, '2026-06-01T10:30:00+08:00', summerCalendar);
  assert.equal(summerCalendar.workingMinutesBetween(at('2026-05-29T08:30:00+08:00'), at('2026-06-02T08:00:00+08:00')), 420 + 450);
  // Friday 17:00 is 6.5 office hours into the day; Monday's 6.5th office hour ends at 17:30
  assertDays('2026-05-29T17:00:00+08:00', 1, '2026-06-01T17:30:00+08:00', summerCalendar);
  // 7 of 7.5 summer office hours used; October 8 has only 7, so the day ends the limit
  assertDays('2026-09-30T18:00:00+08:00', 1, '2026-10-08T17:30:00+08:00', summerCalendar);
});

test('the warning moment is 80 % of the limit in the unit’s own time', () => {
  const start = at('2026-03-09T09:00:00+08:00');
  const deadline = calendar.addTimeLimit(start, 1, 'working_days');
  assert.equal(inChina(deadline), '2026-03-10T09:00:00+08:00');
  // 420 office minutes between; 336 of them end at 16:36 on Monday
  assert.equal(inChina(warningMoment(calendar, start, deadline, 'working_days')), '2026-03-09T16:36:00+08:00');
  assert.equal(inChina(warningMoment(calendar, start, deadline, 'working_days', 0.5)), '2026-03-09T14:30:00+08:00');

  const friday = at('2026-03-13T16:00:00+08:00');
  const monday = calendar.addTimeLimit(friday, 4, 'working_hours');
  assert.equal(inChina(warningMoment(calendar, friday, monday, 'working_hours', 0.8)), '2026-03-16T10:12:00+08:00');

  const beforeHoliday = at('2026-09-30T10:00:00+08:00');
  const tenDaysLater = calendar.addTimeLimit(beforeHoliday, 10, 'calendar_days');
  assert.equal(inChina(warningMoment(calendar, beforeHoliday, tenDaysLater, 'calendar_days')), '2026-10-08T10:00:00+08:00');
});

test('deadline colour turns yellow at the warning moment and red at the deadline', () => {
  const warningAt = at('2026-03-09T16:36:00+08:00');
  const deadline = at('2026-03-10T09:00:00+08:00');
  assert.equal(deadlineColour(at('2026-03-09T16:35:59+08:00'), warningAt, deadline), 'green');
  assert.equal(deadlineColour(warningAt, warningAt, deadline), 'yellow');
  assert.equal(deadlineColour(at('2026-03-10T08:59:59+08:00'), warningAt, deadline), 'yellow');
  assert.equal(deadlineColour(deadline, warningAt, deadline), 'red');
  assert.equal(deadlineColour(at('2026-03-11T09:00:00+08:00'), warningAt, deadline), 'red');
  assert.equal(deadlineColour(at('2026-03-10T08:59:59+08:00'), null, deadline), 'green');
  assert.equal(deadlineColour(at('2030-01-01T00:00:00+08:00'), warningAt, null), 'green');
});

test('invalid amounts, units, days and office hours are refused', () => {
  const start = at('2026-03-10T09:00:00+08:00');
  for (const amount of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.throws(() => calendar.addTimeLimit(start, amount, 'working_hours'), /finite number >= 0/);
    assert.throws(() => calendar.addWorkingMinutes(start, amount), /finite number >= 0/);
  }
  assert.throws(() => calendar.addTimeLimit(start, 1, 'weeks' as never), /Unknown time limit unit/);
  assert.throws(() => calendar.addTimeLimit(new Date(Number.NaN), 1, 'working_days'), /valid Date/);
  assert.throws(() => calendar.isWorkingDay('2026-02-30'), /YYYY-MM-DD/);
  assert.throws(() => warningMoment(calendar, start, at('2026-03-09T09:00:00+08:00'), 'working_hours'), /before the start/);
  assert.throws(() => warningMoment(calendar, start, start, 'working_hours', 1.5), /between 0 and 1/);
  const officeHours = (startsAt: string, endsAt: string) => [{ effectiveFrom: '2026-01-01', periods: [{ startsAt, endsAt }] }];
  assert.throws(() => new WorkingCalendar({ exceptions: [], officeHours: officeHours('12:00', '08:30') }), /must end after they start/);
  assert.throws(() => new WorkingCalendar({ exceptions: [], officeHours: officeHours('8:30', '12:00') }), /HH:MM/);
  assert.throws(() => new WorkingCalendar({ exceptions: [], officeHours: [] }), /at least one set of office hours/);
  assert.throws(
    () => new WorkingCalendar({ exceptions: [], officeHours: [DEFAULT_OFFICE_HOURS, { effectiveFrom: '2000-01-01', periods: [{ startsAt: '11:00', endsAt: '13:00' }] }] }),
    /without overlapping/,
  );
});

test('a calendar without office time for three years fails instead of walking on', () => {
  const future = new WorkingCalendar({ exceptions: [], officeHours: [{ ...DEFAULT_OFFICE_HOURS, effectiveFrom: '2030-01-01' }] });
  assert.throws(() => future.addTimeLimit(at('2026-03-10T09:00:00+08:00'), 1, 'working_hours'), /no working day with office hours/);
  assert.throws(() => future.addTimeLimit(at('2026-03-10T09:00:00+08:00'), 1, 'working_days'), /no working day with office hours/);
  // less than three years ahead is still found
  assertHours('2028-01-01T09:00:00+08:00', 1, '2030-01-01T09:30:00+08:00', future);
});

test('units carry their Chinese labels', () => {
  assert.deepEqual(TIME_LIMIT_UNIT_LABELS, { working_hours: '工作时', working_days: '工作日', calendar_days: '自然日' });
});
