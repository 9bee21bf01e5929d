import type { SiteVerdict } from '../../domain/compliance/site-monitoring.ts';
import type { Localized } from '../../domain/shared/localized.ts';

/** What the owner told OpenBeian about a site: where it is and the duties' dates. */
export interface SiteSettings {
  label?: string;
  /** A URL or a bare domain, fetched as the live footer check does. */
  url: string;
  /** The filed domain whose registry record is expected, when the URL is not on it. */
  filedDomain?: string;
  expectedNumber?: string;
  isPsbRequired: boolean;
  psbNumber?: string;
  licenceNumber?: string;
  /** 'YYYY-MM-DD': the 30-day PSB filing clock starts here. */
  goLiveOn?: string;
  domainExpiresOn?: string;
  instanceId?: string;
  instanceExpiresOn?: string;
  intervalHours: number;
  isPaused: boolean;
}

export interface MonitoredSiteRecord extends SiteSettings {
  id: number;
  ownerUserId: string;
  nextCheckAt: Date;
  lastCheckedAt?: Date;
  lastVerdict?: SiteVerdict;
  notifiedVerdict?: SiteVerdict;
  createdAt: Date;
  updatedAt: Date;
}

/** What a check found, kept for the history: the rules' verdicts and reasons, never the page itself. */
export interface SiteCheckResult {
  outcome: 'checked' | 'unreachable';
  verdict: SiteVerdict;
  finalUrl?: string;
  status?: number;
  charset?: string;
  rendered?: boolean;
  expected?: { number: string; source: 'registry' | 'request' };
  found?: string[];
  /** The rules that failed or warned. */
  problems?: { rule: string; verdict: 'fail' | 'warn'; message: Localized; source: string }[];
  failure?: { code: string; message: Localized };
}

export interface SiteCheckRecord {
  id: number;
  siteId: number;
  checkedAt: Date;
  trigger: 'schedule' | 'manual';
  verdict: SiteVerdict;
  result: SiteCheckResult;
}

export interface MonitorStore {
  insertSite(
    site: SiteSettings & { ownerUserId: string; nextCheckAt: Date; at: Date },
  ): Promise<MonitoredSiteRecord>;
  updateSite(id: number, settings: SiteSettings, at: Date, nextCheckAt?: Date): Promise<void>;
  /** False when there was no such site. */
  deleteSite(id: number): Promise<boolean>;
  findSite(id: number): Promise<MonitoredSiteRecord | undefined>;
  /** The owner's sites, or every site when `ownerUserId` is absent, newest first. */
  listSites(filter: { ownerUserId?: string; limit: number }): Promise<MonitoredSiteRecord[]>;
  /** Sites not paused whose next check is due at `now`, the longest waiting first. */
  listDueSites(now: Date, limit: number): Promise<MonitoredSiteRecord[]>;
  /** Every site not paused, for the daily reminders, by id after `afterId`. */
  listActiveSites(afterId: number, limit: number): Promise<MonitoredSiteRecord[]>;
  insertCheck(check: Omit<SiteCheckRecord, 'id'>): Promise<SiteCheckRecord>;
  /** Records the check's outcome on the site and schedules the next one. */
  markChecked(
    id: number,
    update: { checkedAt: Date; verdict: SiteVerdict; notifiedVerdict: SiteVerdict | null; nextCheckAt: Date },
  ): Promise<void>;
  /** Moves the next check of a site whose check could not run (the clock's now + a retry delay). */
  postponeCheck(id: number, nextCheckAt: Date): Promise<void>;
  /** The newest checks first. */
  listChecks(siteId: number, limit: number): Promise<SiteCheckRecord[]>;
  listSentReminderKeys(siteId: number): Promise<string[]>;
  /** False when the reminder was already sent (another run got there first). */
  markReminderSent(siteId: number, key: string, at: Date): Promise<boolean>;
}
