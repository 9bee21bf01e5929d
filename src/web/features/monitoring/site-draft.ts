import type { MonitoredSite, SiteSettings } from './api.ts';

/** The intervals the form offers (hours): every 6 h, 12 h, daily, every 3 days, weekly. */
export const INTERVAL_CHOICES = [6, 12, 24, 72, 168] as const;
/** The server's default (DEFAULT_CHECK_INTERVAL_HOURS, src/domain/compliance/site-monitoring.ts). */
export const DEFAULT_INTERVAL_HOURS = 24;

/** The form's fields as typed: every text as a string, dates as `YYYY-MM-DD` (or empty). */
export interface SiteDraft {
  label: string;
  url: string;
  filedDomain: string;
  expectedNumber: string;
  isPsbRequired: boolean;
  psbNumber: string;
  licenceNumber: string;
  goLiveOn: string;
  domainExpiresOn: string;
  instanceId: string;
  instanceExpiresOn: string;
  intervalHours: number;
  isPaused: boolean;
}

const TEXT_FIELDS = [
  'label',
  'filedDomain',
  'expectedNumber',
  'psbNumber',
  'licenceNumber',
  'goLiveOn',
  'domainExpiresOn',
  'instanceId',
  'instanceExpiresOn',
] as const;

export const emptySiteDraft: SiteDraft = {
  label: '',
  url: '',
  filedDomain: '',
  expectedNumber: '',
  isPsbRequired: false,
  psbNumber: '',
  licenceNumber: '',
  goLiveOn: '',
  domainExpiresOn: '',
  instanceId: '',
  instanceExpiresOn: '',
  intervalHours: DEFAULT_INTERVAL_HOURS,
  isPaused: false,
};

/** A saved site's settings, to edit them. */
export function toSiteDraft(site: MonitoredSite): SiteDraft {
  const draft: SiteDraft = {
    ...emptySiteDraft,
    url: site.url,
    isPsbRequired: site.isPsbRequired,
    intervalHours: site.intervalHours,
    isPaused: site.isPaused,
  };
  for (const key of TEXT_FIELDS) draft[key] = site[key] ?? '';
  return draft;
}

/**
 * The request body: texts trimmed, empty ones left out. A PUT replaces every setting, so a field
 * emptied in the form is cleared on the site.
 */
export function toSiteSettings(draft: SiteDraft): SiteSettings {
  const settings: SiteSettings = {
    url: draft.url.trim(),
    isPsbRequired: draft.isPsbRequired,
    intervalHours: draft.intervalHours,
    isPaused: draft.isPaused,
  };
  for (const key of TEXT_FIELDS) {
    const value = draft[key].trim();
    if (value) settings[key] = value;
  }
  return settings;
}

/**
 * The interval options: the five the form offers, plus a site's own when the API set another one
 * (1–168 hours), so that editing such a site neither hides nor silently changes it.
 */
export function intervalOptions(current: number): number[] {
  const choices: number[] = [...INTERVAL_CHOICES];
  return choices.includes(current) ? choices : [...choices, current].sort((a, b) => a - b);
}
