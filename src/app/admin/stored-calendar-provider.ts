import {
  type CalendarOverride,
  createWorkingDayCalendar,
  type WorkingDayCalendar,
} from '../../domain/calendar/working-day-calendar.ts';
import type {
  CachedCalendarProvider,
  CalendarOverrideRecord,
  CalendarOverrideStore,
} from './admin-stores.ts';

/** 'National Day / 国庆节', the seed data's form; undefined when neither name is given. */
export function formatOverrideName(record: Pick<CalendarOverrideRecord, 'nameEn' | 'nameZh'>) {
  const names = [record.nameEn, record.nameZh].filter((name): name is string => name !== undefined);
  return names.length > 0 ? names.join(' / ') : undefined;
}

/** What describeDay reports as the day's source: the notice, with its address when known. */
export function formatOverrideSource(record: Pick<CalendarOverrideRecord, 'sourceText' | 'sourceUrl'>) {
  return record.sourceUrl === undefined ? record.sourceText : `${record.sourceText} (${record.sourceUrl})`;
}

/** Stored overrides as the calendar's 'add' overrides: each sets its day on top of the seed data. */
export function toCalendarOverrides(records: readonly CalendarOverrideRecord[]): CalendarOverride[] {
  return records.map((record) => {
    const name = formatOverrideName(record);
    return {
      year: Number(record.date.slice(0, 4)),
      mode: 'add',
      entries: [{ date: record.date, kind: record.kind, ...(name === undefined ? {} : { name }) }],
      source: formatOverrideSource(record),
    };
  });
}

/**
 * The calendar in force: the seed data plus the stored overrides, built once and kept until a write
 * invalidates it. A failed load is not cached, so the next request tries again.
 */
export function createStoredCalendarProvider(
  store: Pick<CalendarOverrideStore, 'listOverrides'>,
): CachedCalendarProvider {
  let cached: Promise<WorkingDayCalendar> | undefined;
  const load = async () =>
    createWorkingDayCalendar({ overrides: toCalendarOverrides(await store.listOverrides()) });
  return {
    getCalendar() {
      if (!cached) {
        const loading = load();
        cached = loading;
        loading.catch(() => {
          if (cached === loading) cached = undefined;
        });
      }
      return cached;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
