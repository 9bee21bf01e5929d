import type { AccountServices } from '../app/accounts/account-stores.ts';
import type { PreferenceStore } from '../app/accounts/preference-store.ts';
import type { AdminDeps } from '../app/admin/admin-stores.ts';
import type { DocumentDeps } from '../app/documents/document-deps.ts';
import type { PageSource } from '../app/footer/page-source.ts';
import type { LicenceDeps } from '../app/licences/licence-deps.ts';
import type { MonitorDeps } from '../app/monitoring/monitor-deps.ts';
import type { OrderDeps } from '../app/orders/order-deps.ts';
import type { CalendarProvider, CatalogueProvider, Clock, HealthProbe } from '../app/ports.ts';
import type { RegistryStore } from '../app/registry/registry-store.ts';
import type { OrderStatsStore } from '../app/stats/order-stats-store.ts';
import type { Catalogue } from '../domain/catalogue/catalogue.ts';
import type { Config } from './config.ts';
import type { LoggerOptions } from './logger.ts';

export interface RateLimitPolicy {
  /** Requests per client address and time window, over all routes of the policy. */
  max: number;
  timeWindowMs: number;
}

export interface RateLimits {
  /** Anonymous lookups: catalogue queries, validators, numbers, calendar, eligibility, registry. */
  publicApi: RateLimitPolicy;
  /** Password and second-factor attempts (sign-in, sign-up, two-factor): against credential stuffing. */
  signIn: RateLimitPolicy;
  /** Live footer checks: each fetches a site (and may start a browser), so far fewer than lookups. */
  liveCheck: RateLimitPolicy;
}

export const defaultRateLimits: RateLimits = {
  publicApi: { max: 300, timeWindowMs: 60_000 },
  signIn: { max: 20, timeWindowMs: 60_000 },
  liveCheck: { max: 20, timeWindowMs: 60_000 },
};

/** Everything the HTTP layer needs; grows with repositories and auth as the platform does. */
export interface AppDeps {
  config: Config;
  /** Level defaults to config.logLevel; tests pass a stream to read the log lines. */
  logger?: LoggerOptions;
  health: HealthProbe[];
  /** The shipped catalogue: route schemas read it; answers use the one in force (getCatalogueInForce). */
  catalogue: Catalogue;
  /** The catalogue in force (shipped data plus admins' edits); `catalogue` when absent. */
  catalogueProvider?: CatalogueProvider;
  calendar: CalendarProvider;
  clock: Clock;
  /** Users, sessions, organisations and API tokens; without it every caller is anonymous. */
  accounts?: AccountServices;
  /** The public registry (bound to the database); without it the registry routes answer 503. */
  registry?: RegistryStore;
  /**
   * The order workflow, which also serves providers' instances, the inbox and the mail outbox; without
   * it those routes answer 503.
   */
  orders?: OrderDeps;
  /** Uploaded documents and the verification form; without it the document routes answer 503. */
  documents?: DocumentDeps;
  /**
   * ICP and EDI licence applications and the licences issued; without it /api/licences answers 503
   * (the public materials checklist and prerequisite check work without it).
   */
  licences?: LicenceDeps;
  /** Calendar overrides, catalogue edits and the audit log viewer; without it those routes answer 503. */
  admin?: AdminDeps;
  /** Order statistics (GET /api/stats/orders); without it that route answers 503. */
  stats?: OrderStatsStore;
  /**
   * Reads live sites for the footer check (guarded fetch, headless browser); without it
   * POST /api/footer/check-site answers 503.
   */
  pages?: PageSource;
  /** The compliance monitor (sites checked on a schedule); without it /api/monitor answers 503. */
  monitoring?: MonitorDeps;
  /** Users' preferences (UI language); without it PUT /api/me/preferences answers 503. */
  preferences?: PreferenceStore;
  rateLimits?: Partial<RateLimits>;
  /** The built web app (`dist/web`) to serve at `/`; without it only the API is served. */
  webRoot?: string;
  /** How long the health check waits for each probe. */
  healthTimeoutMs?: number;
}

/** The deps route modules receive: defaults resolved. */
export interface RouteDeps extends AppDeps {
  rateLimits: RateLimits;
  healthTimeoutMs: number;
}

/** Route config for a rate-limit policy; the group makes its routes share one counter per client address. */
export function getRateLimitConfig(deps: RouteDeps, name: keyof RateLimits) {
  const policy = deps.rateLimits[name];
  return { max: policy.max, timeWindow: policy.timeWindowMs, groupId: name };
}

/** The catalogue in force for this request: the admins' edits included when the app has them. */
export function getCatalogueInForce(
  deps: Pick<AppDeps, 'catalogue' | 'catalogueProvider'>,
): Promise<Catalogue> {
  return deps.catalogueProvider ? deps.catalogueProvider.getCatalogue() : Promise.resolve(deps.catalogue);
}
