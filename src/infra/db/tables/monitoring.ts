import type { Generated } from 'kysely';

/**
 * The compliance monitor (migration 0010): sites whose footers and post-approval duties OpenBeian
 * watches for their owners. Dates of duties are China calendar dates ('YYYY-MM-DD').
 */
export interface MonitoredSitesTable {
  id: Generated<number>;
  owner_user_id: string;
  label: string | null;
  /** What is fetched: a URL or a bare domain. */
  url: string;
  /** The filed domain whose registry record is expected, when the URL is not on it. */
  filed_domain: string | null;
  expected_number: string | null;
  is_psb_required: Generated<number>;
  psb_number: string | null;
  licence_number: string | null;
  /** The day the site went live: the 30-day PSB filing clock starts there. */
  go_live_on: string | null;
  domain_expires_on: string | null;
  instance_id: string | null;
  instance_expires_on: string | null;
  interval_hours: number;
  is_paused: Generated<number>;
  next_check_at: string;
  last_checked_at: string | null;
  last_verdict: string | null;
  /** The verdict the owner was last told of (see domain/compliance/site-monitoring.ts). */
  notified_verdict: string | null;
  created_at: string;
  updated_at: string;
}

/** One footer check of a monitored site; `result` is the check's JSON without the page's HTML. */
export interface SiteChecksTable {
  id: Generated<number>;
  site_id: number;
  checked_at: string;
  trigger: 'schedule' | 'manual';
  verdict: string;
  result: string;
}

export interface SiteRemindersSentTable {
  site_id: number;
  reminder_key: string;
  sent_at: string;
}

export interface MonitoringTables {
  monitored_sites: MonitoredSitesTable;
  site_checks: SiteChecksTable;
  site_reminders_sent: SiteRemindersSentTable;
}
