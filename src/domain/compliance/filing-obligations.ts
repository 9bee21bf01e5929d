import { addCalendarDays, toDayNumber, toDayNumberOrThrow } from '../calendar/china-date.ts';
import { assertNever } from '../shared/assert-never.ts';
import type { Localized } from '../shared/localized.ts';

/**
 * What a filed site must keep doing after approval (reference §3.7): register with the public security
 * bureau within 30 days of going live (psb-filing), keep its domain registered (an expired domain can get
 * the record cancelled, ref-5-domains) and its access instance subscribed (no instance, no access: the
 * service becomes a shell and the record is at risk, ref-3-instances), and not leave the entity a shell
 * (ref-7-shell).
 *
 * Dates are ISO calendar dates 'YYYY-MM-DD' in China time; `today` is a parameter, so the module reads
 * no clock. The functions are for code: a malformed date is a caller bug and throws a RangeError.
 */

// ——— PSB filing ———

/** Register within 30 days of going live (psb-filing): the 30th day after go-live is the last. */
export const PSB_FILING_DAYS = 30;
/** Remind when 10 days are left (platform choice). */
export const PSB_DUE_SOON_DAYS_LEFT = 10;

export interface PsbFilingFacts {
  goLiveOn: string;
  /** The PSB number once recorded (京公网安备11010802020134号); the obligation is then met. */
  psbNumber?: string;
}

export type PsbFilingState = 'not_live' | 'open' | 'due_soon' | 'late' | 'done';

export interface PsbFilingStatus {
  state: PsbFilingState;
  /** goLiveOn + 30 days: the last day to register. */
  dueOn: string;
  /** Days from today to `dueOn`; negative once late. */
  daysLeft: number;
}

function hasPsbNumber(facts: PsbFilingFacts): boolean {
  return typeof facts.psbNumber === 'string' && facts.psbNumber.trim() !== '';
}

export function assessPsbFiling(facts: PsbFilingFacts, today: string): PsbFilingStatus {
  const live = toDayNumberOrThrow(facts.goLiveOn, 'goLiveOn');
  const day = toDayNumberOrThrow(today, 'today');
  const dueOn = addCalendarDays(facts.goLiveOn, PSB_FILING_DAYS);
  const due = toDayNumber(dueOn);
  const base = { dueOn, daysLeft: due - day };
  if (hasPsbNumber(facts)) return { ...base, state: 'done' };
  if (day < live) return { ...base, state: 'not_live' };
  if (day > due) return { ...base, state: 'late' };
  if (due - day <= PSB_DUE_SOON_DAYS_LEFT) return { ...base, state: 'due_soon' };
  return { ...base, state: 'open' };
}

// ——— Domain and instance expiry ———

/** Warn 60, 30 and 7 days before a domain expires (platform choice; providers refuse filings on domains
 * expiring within 3 months, ref-5-domains, so 60 days leaves time to renew before anyone checks). */
export const DOMAIN_WARNING_DAYS = [60, 30, 7] as const;
/** Warn 30 and 7 days before an access instance's subscription ends (platform choice). */
export const INSTANCE_WARNING_DAYS = [30, 7] as const;

export interface DomainExpiryFacts {
  domain: string;
  /** The registration's last day, as the registrar records it. */
  expiresOn: string;
}

export interface InstanceExpiryFacts {
  /** The provider's instance id the service is accessed through. */
  instanceId: string;
  /** The subscription's last day. */
  expiresOn: string;
}

export type ExpiryState = 'valid' | 'expiring' | 'expired';

export interface ExpiryStatus {
  /** 'expiring' from the first warning day; 'expired' from the day after `expiresOn`. */
  state: ExpiryState;
  expiresOn: string;
  /** Days from today to `expiresOn`; negative once expired. */
  daysLeft: number;
}

function assessExpiry(expiresOn: string, today: string, firstWarning: number): ExpiryStatus {
  const end = toDayNumberOrThrow(expiresOn, 'expiresOn');
  const daysLeft = end - toDayNumberOrThrow(today, 'today');
  const state: ExpiryState = daysLeft < 0 ? 'expired' : daysLeft <= firstWarning ? 'expiring' : 'valid';
  return { state, expiresOn, daysLeft };
}

export function assessDomainExpiry(facts: DomainExpiryFacts, today: string): ExpiryStatus {
  return assessExpiry(facts.expiresOn, today, DOMAIN_WARNING_DAYS[0]);
}

export function assessInstanceExpiry(facts: InstanceExpiryFacts, today: string): ExpiryStatus {
  return assessExpiry(facts.expiresOn, today, INSTANCE_WARNING_DAYS[0]);
}

// ——— Shell entity ———

export interface ShellCheckService {
  status: 'active' | 'cancelled';
  hasActiveAccess: boolean;
}

export type ShellEntityReason = 'no_active_service' | 'no_service_with_access';

export type ShellEntityFinding =
  | {
      isShell: false;
      /** Indexes of active services without access (空壳网站): each puts its record at risk. */
      servicesWithoutAccess: number[];
    }
  | {
      isShell: true;
      reason: ShellEntityReason;
      message: Localized;
      source: string;
      servicesWithoutAccess: number[];
    };

/**
 * A shell entity (空壳主体) has no service left, or none that any provider still gives access: the
 * authority may delete it, and in most provinces it cannot add services until it is cancelled and filed
 * again (ref-7-shell; reference §3.7: failed rectification → access cancelled → shell → deletion).
 */
export function detectShellEntity(input: { services: readonly ShellCheckService[] }): ShellEntityFinding {
  const active = input.services.flatMap((service, index) => (service.status === 'active' ? [index] : []));
  const servicesWithoutAccess = active.filter((index) => input.services[index]?.hasActiveAccess !== true);
  if (active.length === 0) {
    return {
      isShell: true,
      reason: 'no_active_service',
      message: {
        en: 'The entity has no active service left: it is a shell entity, which the authority may delete. Add a service or cancel the entity.',
        zh: '该主体下已无有效的网站或应用，属于空壳主体，可能被管局注销。请新增网站或注销主体。',
      },
      source: 'ref-7-shell',
      servicesWithoutAccess,
    };
  }
  if (servicesWithoutAccess.length === active.length) {
    return {
      isShell: true,
      reason: 'no_service_with_access',
      message: {
        en: 'None of the entity’s services has access at a provider any more: the entity is a shell and its record is at risk. Add access for a service or cancel the entity.',
        zh: '该主体下所有网站或应用均已无接入，属于空壳主体，备案存在被注销的风险。请为网站新增接入或注销主体。',
      },
      source: 'ref-7-shell',
      servicesWithoutAccess,
    };
  }
  return { isShell: false, servicesWithoutAccess };
}

// ——— Reminders ———

export const FILING_REMINDER_KINDS = [
  'psb_filing_open',
  'psb_filing_due_soon',
  'psb_filing_due_today',
  'psb_filing_late',
  'domain_expiring',
  'domain_expired',
  'instance_expiring',
  'instance_expired',
] as const;
export type FilingReminderKind = (typeof FILING_REMINDER_KINDS)[number];

/** Why each reminder exists, for clients that show the rule behind a message. */
export const FILING_REMINDER_SOURCES: Readonly<Record<FilingReminderKind, readonly string[]>> = {
  psb_filing_open: ['psb-filing'],
  psb_filing_due_soon: ['psb-filing'],
  psb_filing_due_today: ['psb-filing'],
  psb_filing_late: ['psb-filing'],
  domain_expiring: ['ref-5-domains'],
  domain_expired: ['ref-5-domains'],
  instance_expiring: ['ref-3-instances'],
  instance_expired: ['ref-3-instances'],
};

/** The facts of one filed service (website, app …) the reminders are planned from. */
export interface FiledServiceFacts {
  /** Absent while the service is not live yet. */
  psb?: PsbFilingFacts;
  domains: readonly DomainExpiryFacts[];
  accessInstances: readonly InstanceExpiryFacts[];
}

export interface FilingReminder {
  /**
   * Unique within the service and stable across runs: `psb_filing_open:2026-03-01` (go-live day),
   * `domain_expiring_60:example.cn:2027-01-31`, `instance_expired:i-123:2026-09-30`. The expiry date is
   * part of the key, so a renewed domain or instance (a new date) reminds again next time.
   */
  key: string;
  kind: FilingReminderKind;
  fireOn: string;
  /** The date the reminder is about: the PSB deadline or the expiry date. */
  dueOn: string;
  /** The domain or instance id, for domain and instance reminders. */
  subject?: string;
  /** For expiry warnings: how many days before `dueOn` it fires. */
  daysBefore?: number;
}

/** Code-unit order, independent of the ICU build (ISO dates, domains, instance ids). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const KIND_ORDER = new Map(FILING_REMINDER_KINDS.map((kind, i) => [kind, i]));

function compareReminders(a: FilingReminder, b: FilingReminder): number {
  return (
    compareText(a.fireOn, b.fireOn) ||
    (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) ||
    compareText(a.subject ?? '', b.subject ?? '') ||
    (b.daysBefore ?? 0) - (a.daysBefore ?? 0)
  );
}

function planPsb(facts: PsbFilingFacts): FilingReminder[] {
  toDayNumberOrThrow(facts.goLiveOn, 'goLiveOn');
  const dueOn = addCalendarDays(facts.goLiveOn, PSB_FILING_DAYS);
  const at = (kind: FilingReminderKind, fireOn: string): FilingReminder => ({
    key: `${kind}:${facts.goLiveOn}`,
    kind,
    fireOn,
    dueOn,
  });
  return [
    at('psb_filing_open', facts.goLiveOn),
    at('psb_filing_due_soon', addCalendarDays(dueOn, -PSB_DUE_SOON_DAYS_LEFT)),
    at('psb_filing_due_today', dueOn),
    at('psb_filing_late', addCalendarDays(dueOn, 1)),
  ];
}

function planExpiry(
  subject: string,
  expiresOn: string,
  warningDays: readonly number[],
  kinds: { expiring: FilingReminderKind; expired: FilingReminderKind; prefix: string },
): FilingReminder[] {
  toDayNumberOrThrow(expiresOn, 'expiresOn');
  return [
    ...warningDays.map(
      (days): FilingReminder => ({
        key: `${kinds.prefix}_expiring_${days}:${subject}:${expiresOn}`,
        kind: kinds.expiring,
        fireOn: addCalendarDays(expiresOn, -days),
        dueOn: expiresOn,
        subject,
        daysBefore: days,
      }),
    ),
    {
      key: `${kinds.prefix}_expired:${subject}:${expiresOn}`,
      kind: kinds.expired,
      fireOn: addCalendarDays(expiresOn, 1),
      dueOn: expiresOn,
      subject,
    },
  ];
}

/**
 * Every reminder of the service, sorted by day: PSB filing on go-live day, 10 days before the deadline,
 * on the deadline and the day after (late); each domain 60, 30 and 7 days before expiry and the day after;
 * each instance 30 and 7 days before and the day after. The plan ignores what is done; `dueFilingReminders`
 * filters.
 */
export function planFilingReminders(service: FiledServiceFacts): FilingReminder[] {
  const reminders: FilingReminder[] = [];
  if (service.psb) reminders.push(...planPsb(service.psb));
  for (const domain of service.domains) {
    reminders.push(
      ...planExpiry(domain.domain, domain.expiresOn, DOMAIN_WARNING_DAYS, {
        expiring: 'domain_expiring',
        expired: 'domain_expired',
        prefix: 'domain',
      }),
    );
  }
  for (const instance of service.accessInstances) {
    reminders.push(
      ...planExpiry(instance.instanceId, instance.expiresOn, INSTANCE_WARNING_DAYS, {
        expiring: 'instance_expiring',
        expired: 'instance_expired',
        prefix: 'instance',
      }),
    );
  }
  const unique = new Map(reminders.map((r) => [r.key, r]));
  return [...unique.values()].sort(compareReminders);
}

/** Reminders of one obligation replace each other: only the latest due one is sent. */
function trackOf(reminder: FilingReminder): string {
  switch (reminder.kind) {
    case 'psb_filing_open':
    case 'psb_filing_due_soon':
    case 'psb_filing_due_today':
    case 'psb_filing_late':
      return 'psb';
    case 'domain_expiring':
    case 'domain_expired':
      return `domain:${reminder.subject}:${reminder.dueOn}`;
    case 'instance_expiring':
    case 'instance_expired':
      return `instance:${reminder.subject}:${reminder.dueOn}`;
    default:
      return assertNever(reminder.kind);
  }
}

/**
 * The reminders a daily job sends on `today`: due (fireOn ≤ today), not yet sent (`alreadySent` holds
 * keys), about an obligation still open (a recorded PSB number ends the PSB reminders). Of one obligation
 * only the latest due stage is returned, so a domain recorded 20 days before expiry gets the 30-day
 * warning, not the 60-day one too; a stage passed over is never returned later, as stages only move
 * forward. Run daily, each reminder goes out once, on its day.
 */
export function dueFilingReminders(
  service: FiledServiceFacts,
  today: string,
  alreadySent: readonly string[],
): FilingReminder[] {
  const day = toDayNumberOrThrow(today, 'today');
  const sent = new Set(alreadySent);
  const psbDone = service.psb !== undefined && hasPsbNumber(service.psb);
  const latest = new Map<string, FilingReminder>();
  for (const reminder of planFilingReminders(service)) {
    if (toDayNumber(reminder.fireOn) > day) continue;
    if (psbDone && trackOf(reminder) === 'psb') continue;
    latest.set(trackOf(reminder), reminder);
  }
  return [...latest.values()].filter((r) => !sent.has(r.key)).sort(compareReminders);
}

/** The message of a reminder, for the inbox and mail. */
export function describeFilingReminder(reminder: FilingReminder): Localized {
  const { dueOn, subject = '', daysBefore } = reminder;
  switch (reminder.kind) {
    case 'psb_filing_open':
      return {
        en: `The site is live: register it with the public security bureau on beian.mps.gov.cn by ${dueOn} (within 30 days) and show the PSB number in the footer.`,
        zh: `网站已开通：请于${dueOn}前（开通后30日内）在 beian.mps.gov.cn 办理公安联网备案，并在页脚展示公安备案号。`,
      };
    case 'psb_filing_due_soon':
      return {
        en: `10 days left: the PSB filing is due by ${dueOn} (beian.mps.gov.cn).`,
        zh: `还剩10天：公安联网备案须于${dueOn}前完成（beian.mps.gov.cn）。`,
      };
    case 'psb_filing_due_today':
      return {
        en: `Today (${dueOn}) is the last day for the PSB filing on beian.mps.gov.cn.`,
        zh: `今天（${dueOn}）是办理公安联网备案的最后一天（beian.mps.gov.cn）。`,
      };
    case 'psb_filing_late':
      return {
        en: `The PSB filing was due by ${dueOn} and no PSB number is recorded: register now on beian.mps.gov.cn, then record the number.`,
        zh: `公安联网备案应于${dueOn}前完成，目前没有公安备案号记录：请立即在 beian.mps.gov.cn 办理并登记备案号。`,
      };
    case 'domain_expiring':
      return {
        en: `The domain ${subject} expires on ${dueOn} (in ${daysBefore} days): renew it, or the filing record can be cancelled.`,
        zh: `域名 ${subject} 将于${dueOn}到期（还剩${daysBefore}天）：请及时续费，否则备案可能被注销。`,
      };
    case 'domain_expired':
      return {
        en: `The domain ${subject} expired on ${dueOn}: renew it now, or remove it from the record by a change order, before the record is cancelled.`,
        zh: `域名 ${subject} 已于${dueOn}到期：请立即续费，或通过变更备案将其删除，以免备案被注销。`,
      };
    case 'instance_expiring':
      return {
        en: `The access instance ${subject} expires on ${dueOn} (in ${daysBefore} days): renew it, or the service loses its access and the record is at risk.`,
        zh: `接入实例 ${subject} 将于${dueOn}到期（还剩${daysBefore}天）：请及时续费，否则网站将失去接入，备案存在被注销的风险。`,
      };
    case 'instance_expired':
      return {
        en: `The access instance ${subject} expired on ${dueOn}: without an instance the provider may cancel the access, leaving a shell record. Renew it or move the access.`,
        zh: `接入实例 ${subject} 已于${dueOn}到期：没有有效实例，接入商可能取消接入，导致空壳备案。请续费或新增接入。`,
      };
    default:
      return assertNever(reminder.kind);
  }
}
