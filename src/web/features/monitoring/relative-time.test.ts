import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relative-time.ts';

const NOW = new Date('2026-06-01T04:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatRelativeTime', () => {
  it.each([
    [0, 'en', 'now'],
    [-44_000, 'en', 'now'],
    [-50_000, 'en', '1 minute ago'],
    [44 * MINUTE, 'en', 'in 44 minutes'],
    [46 * MINUTE, 'en', 'in 1 hour'],
    [-3 * HOUR, 'en', '3 hours ago'],
    [21 * HOUR, 'en', 'in 21 hours'],
    [23 * HOUR, 'en', 'tomorrow'],
    [-30 * HOUR, 'en', 'yesterday'],
    [3 * DAY, 'en', 'in 3 days'],
    [-3 * HOUR, 'zh-CN', '3小时前'],
    [2 * DAY + HOUR, 'zh-CN', '后天'],
  ])('%i ms from now in %s reads "%s"', (offset, language, expected) => {
    expect(formatRelativeTime(new Date(NOW.getTime() + offset), NOW, language)).toBe(expected);
  });

  it.each([7 * DAY, -7 * DAY, 40 * DAY])('gives up %i ms away: a date says more', (offset) => {
    expect(formatRelativeTime(new Date(NOW.getTime() + offset), NOW, 'en')).toBeUndefined();
  });
});
