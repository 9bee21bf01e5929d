import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { z } from 'zod';
import { isIsoDate } from './china-date.ts';

/**
 * One day that departs from the Monday–Friday week: a public holiday (放假, which may also fall on a
 * weekend) or a make-up working day (调休上班, usually a Saturday or Sunday).
 */
export interface CalendarEntry {
  /** ISO date 'YYYY-MM-DD' in China time. */
  date: string;
  kind: 'holiday' | 'workday';
  /** Name of the holiday the day belongs to, English and Chinese where known: 'National Day / 国庆节'. */
  name?: string;
}

/** Source id (sources.json) of the seed data: State Council notices as compiled by chinese-days. */
export const seedCalendarSource = 'chinese-days';

/**
 * The shape of chinese-days' dist/chinese-days.json: date → 'English name,中文名,statutory days'.
 * The package's functions read the same objects; we read the data directly so that nothing calls a clock.
 */
const chineseDaysDataSchema = z.object({
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
});

export type ChineseDaysData = z.input<typeof chineseDaysDataSchema>;

function formatHolidayName(raw: string): string | undefined {
  const [en, zh] = raw.split(',').map((part) => part.trim());
  const names = [en, zh].filter((part): part is string => part !== undefined && part !== '');
  return names.length > 0 ? names.join(' / ') : undefined;
}

function toEntry(date: string, kind: CalendarEntry['kind'], raw: string): CalendarEntry {
  if (!isIsoDate(date)) {
    throw new RangeError(`chinese-days data holds a malformed date ${JSON.stringify(date)}`);
  }
  const name = formatHolidayName(raw);
  return name === undefined ? { date, kind } : { date, kind, name };
}

/**
 * Turns chinese-days' data into calendar entries sorted by date. Throws when the data is malformed or
 * names a day both holiday and working day: the seed ships with the code and must fail loudly on upgrade.
 */
export function buildCalendarEntries(data: ChineseDaysData): CalendarEntry[] {
  const { holidays, workdays } = chineseDaysDataSchema.parse(data);
  const entries = [
    ...Object.entries(holidays).map(([date, raw]) => toEntry(date, 'holiday', raw)),
    ...Object.entries(workdays).map(([date, raw]) => toEntry(date, 'workday', raw)),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (let i = 1; i < entries.length; i += 1) {
    if (entries[i]?.date === entries[i - 1]?.date) {
      throw new RangeError(`chinese-days data lists ${entries[i]?.date} as both holiday and working day`);
    }
  }
  return entries;
}

/** Holidays and make-up working days 2004–2026 from chinese-days 1.5.7, built once at module load. */
export const seedCalendarEntries: readonly CalendarEntry[] = Object.freeze(
  buildCalendarEntries(chineseDays).map((entry) => Object.freeze(entry)),
);
