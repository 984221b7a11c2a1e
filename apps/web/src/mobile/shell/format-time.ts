const timeFormat = new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });
const dayTimeFormat = new Intl.DateTimeFormat('zh-CN', { month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

/** 14:05 today, 12月1日 14:05 on another day: short, as a phone shows times. */
export function shortTime(epochMs: number | string, now = new Date()): string {
  const date = new Date(epochMs);
  return date.toDateString() === now.toDateString() ? timeFormat.format(date) : dayTimeFormat.format(date);
}
