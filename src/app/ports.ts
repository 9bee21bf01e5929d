import type { WorkingDayCalendar } from '../domain/calendar/working-day-calendar.ts';
import type { Catalogue } from '../domain/catalogue/catalogue.ts';

/**
 * What the application needs from the outside world. Infrastructure (src/infra) implements these;
 * use cases and the server receive them in a plain `deps` object, so tests pass fakes.
 */

/** One dependency the health check asks, e.g. the database. */
export interface HealthProbe {
  /** Shown in the health answer, e.g. "database". */
  readonly name: string;
  /** Resolves when the dependency answers; rejects (or hangs past the timeout) when it does not. */
  ping(): Promise<void>;
}

/** The only source of "now" outside tests; the domain receives dates as parameters. */
export interface Clock {
  now(): Date;
}

/**
 * The working-day calendar in force: the seed data plus the admins' overrides, which may change while
 * the server runs, so callers ask for it per use instead of keeping one.
 */
export interface CalendarProvider {
  getCalendar(): Promise<WorkingDayCalendar>;
}

/**
 * The rules catalogue in force: the shipped data plus the admins' edits, which may change while the
 * server runs, so callers ask for it per request instead of keeping one.
 */
export interface CatalogueProvider {
  getCatalogue(): Promise<Catalogue>;
}

export const systemClock: Clock = { now: () => new Date() };
