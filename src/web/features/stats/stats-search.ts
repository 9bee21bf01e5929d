/** The statistics page's date range in the URL (?from=2026-01-01&to=2026-03-31): shareable, kept on reload. */
export interface StatsSearch {
  from?: string;
  to?: string;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/u;

const isoDate = (value: unknown): string | undefined =>
  typeof value === 'string' && ISO_DATE.test(value) ? value : undefined;

/** TanStack Router's validateSearch for the stats routes: anything but a YYYY-MM-DD date is dropped. */
export function validateStatsSearch(search: Record<string, unknown>): StatsSearch {
  const from = isoDate(search.from);
  const to = isoDate(search.to);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
