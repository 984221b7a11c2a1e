const pad = (value: number) => String(value).padStart(2, '0');

/** A running clock: 12:05, or 1:02:05 past the hour. */
export function clockText(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(rest)}` : `${pad(minutes)}:${pad(rest)}`;
}

/** A finished patrol's length in words: 45 分钟, 1 小时 5 分钟; under a minute, 不足 1 分钟. */
export function durationText(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return '不足 1 分钟';
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} 小时${minutes % 60 > 0 ? ` ${minutes % 60} 分钟` : ''}` : `${minutes} 分钟`;
}

/** Metres under a kilometre, kilometres with two decimals above. */
export function distanceText(metres: number): { value: string; unit: string } {
  return metres < 1000 ? { value: String(Math.round(metres)), unit: '米' } : { value: (metres / 1000).toFixed(2), unit: '公里' };
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** A patrol's start in a list of several days: 12月2日 周三 09:05. */
export function startText(iso: string): string {
  const date = new Date(iso);
  return `${date.getMonth() + 1}月${date.getDate()}日 ${WEEKDAYS[date.getDay()]} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
