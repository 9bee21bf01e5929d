const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "5 minutes ago", "in 3 hours", "tomorrow" — or undefined beyond a week either way, where a date
 * says more than "in 23 days". Under 45 seconds it is "now". The units switch where people round
 * (45 min reads as an hour, 22 h as a day), as most feeds do.
 */
export function formatRelativeTime(target: Date, now: Date, language: string): string | undefined {
  const diff = target.getTime() - now.getTime();
  const size = Math.abs(diff);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (size < 45_000) return format.format(0, 'second');
  if (size < 45 * MINUTE) return format.format(Math.round(diff / MINUTE), 'minute');
  if (size < 22 * HOUR) return format.format(Math.round(diff / HOUR), 'hour');
  if (size < 7 * DAY) return format.format(Math.round(diff / DAY), 'day');
  return undefined;
}
