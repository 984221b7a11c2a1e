/** The phone's calendar day as YYYY-MM-DD (local time, as the worker lives it, not UTC). */
export function localDay(date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Whether a list kept on the phone was read from the server today: one read yesterday says nothing about today. */
export const isReadToday = (savedAt: number | null): boolean => savedAt !== null && localDay(new Date(savedAt)) === localDay();
