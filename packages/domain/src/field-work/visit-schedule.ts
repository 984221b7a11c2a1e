const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayText = (number: number) => new Date(number * DAY_MS).toISOString().slice(0, 10);

/**
 * The next visit due after a visit on `visitedOn` (days as YYYY-MM-DD): the record keeps the interval it implies —
 * from its last visit to the next one planned — counted from this visit. A record without both, or planned no later
 * than its last visit, implies none, and so does a visit older than the last one (an offline visit arriving late):
 * null, the next visit stays as it is.
 */
export function nextVisitAfter(visitedOn: string, record: { lastVisitedOn: string | null; nextVisitOn: string | null }): string | null {
  const { lastVisitedOn, nextVisitOn } = record;
  if (lastVisitedOn === null || nextVisitOn === null || visitedOn < lastVisitedOn) return null;
  const interval = dayNumber(nextVisitOn) - dayNumber(lastVisitedOn);
  if (interval <= 0) return null;
  const next = dayText(dayNumber(visitedOn) + interval);
  return next === nextVisitOn ? null : next;
}

