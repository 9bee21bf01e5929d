import { addCalendarDays, isIsoDate, toDayNumber, toDayNumberOrThrow } from '../calendar/china-date.ts';
import { assertNever } from '../shared/assert-never.ts';
import { type Issue, issue } from '../shared/issue.ts';
import type { Localized } from '../shared/localized.ts';

/**
 * What an issued ICP or EDI licence asks of its holder (reference §9 "After grant", ref-9-licence):
 * renewal at least 90 days before the 5-year validity ends, an annual report every 1 January–31 March
 * for the previous year (zero-activity reports included; late or missing → "abnormal list", fines,
 * revocation), and licence changes recorded before the annual report.
 *
 * Dates are ISO calendar dates 'YYYY-MM-DD' in China time; `today` is a parameter, so the module reads
 * no clock. The functions are for code: a malformed date is a caller bug and throws a RangeError.
 */

const SOURCE = 'ref-9-licence';

export const LICENCE_VALIDITY_YEARS = 5;
/** Apply for renewal at least 90 days before expiry; later applications are not granted (ref-9-licence). */
export const RENEWAL_LEAD_DAYS = 90;
/**
 * The renewal window opens 180 days before expiry: a quarter before the 90-day deadline. Renewal asks for
 * the latest annual report, financial statements and contracts in force, which take weeks to collect;
 * agencies advise starting 3–6 months ahead. A platform choice, not a rule.
 */
export const RENEWAL_OPEN_DAYS_BEFORE_EXPIRY = 180;
/** "Due soon" in the last 30 days before the renewal deadline (platform choice). */
export const RENEWAL_DUE_SOON_DAYS = 30;

export interface IssuedLicence {
  issuedOn: string;
  /** The last day of validity, as printed on the licence (`computeLicenceExpiry` when unknown). */
  expiresOn: string;
  /** Years already reported (the year reported on, not the year of filing). */
  annualReports: readonly number[];
  /** When the renewal application was filed, if it was. */
  renewalAppliedOn?: string;
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** The same month and day `years` later, or the last day of February for 29 February (Civil Code art. 202). */
function addYears(date: string, years: number): string {
  const year = String(yearOf(date) + years).padStart(4, '0');
  const same = `${year}${date.slice(4)}`;
  return isIsoDate(same) ? same : `${year}-02-28`;
}

/**
 * The last day of a licence issued on `issuedOn`: issuedOn + 5 years − 1 day (2024-03-15 → 2029-03-14).
 * Counted as a term that includes its first day. Civil Code art. 201–202 would not count the first day
 * and end the term on the anniversary itself; we take the earlier of the two readings so reminders never
 * run late. Record the date printed on the licence whenever it is known.
 */
export function computeLicenceExpiry(issuedOn: string): string {
  toDayNumberOrThrow(issuedOn, 'issuedOn');
  return addCalendarDays(addYears(issuedOn, LICENCE_VALIDITY_YEARS), -1);
}

function assertLicence(licence: IssuedLicence): void {
  const issued = toDayNumberOrThrow(licence.issuedOn, 'issuedOn');
  const expires = toDayNumberOrThrow(licence.expiresOn, 'expiresOn');
  if (expires < issued) throw new RangeError('expiresOn is before issuedOn');
  if (licence.renewalAppliedOn !== undefined)
    toDayNumberOrThrow(licence.renewalAppliedOn, 'renewalAppliedOn');
  for (const year of licence.annualReports) {
    if (!Number.isInteger(year)) throw new RangeError(`annualReports holds a non-year ${year}`);
  }
}

// ——— Renewal ———

export type RenewalState = 'not_yet' | 'open' | 'due_soon' | 'late' | 'expired' | 'done';

export interface RenewalStatus {
  state: RenewalState;
  expiresOn: string;
  /** From this day the platform invites the renewal. */
  opensOn: string;
  /** From this day the renewal is "due soon". */
  dueSoonFrom: string;
  /** The last day to apply: expiresOn − 90 days. */
  renewalDeadline: string;
  /** Days from today to the renewal deadline; negative once it has passed. */
  daysToDeadline: number;
  /** Applied, but after the deadline: the authority need not grant it (state 'done'). */
  appliedLate?: boolean;
}

function getRenewalDates(expiresOn: string) {
  const renewalDeadline = addCalendarDays(expiresOn, -RENEWAL_LEAD_DAYS);
  return {
    opensOn: addCalendarDays(expiresOn, -RENEWAL_OPEN_DAYS_BEFORE_EXPIRY),
    dueSoonFrom: addCalendarDays(renewalDeadline, -RENEWAL_DUE_SOON_DAYS),
    renewalDeadline,
  };
}

/**
 * Where the renewal stands on `today`. Applying ends the obligation ('done') even after expiry: the
 * decision then lies with the authority. 'late' means the deadline has passed while the licence is still
 * valid: an application now is not granted, so the holder must plan a new application.
 */
export function assessRenewal(licence: IssuedLicence, today: string): RenewalStatus {
  assertLicence(licence);
  const day = toDayNumberOrThrow(today, 'today');
  const dates = getRenewalDates(licence.expiresOn);
  const deadline = toDayNumber(dates.renewalDeadline);
  const base = { expiresOn: licence.expiresOn, ...dates, daysToDeadline: deadline - day };
  const applied = licence.renewalAppliedOn;
  if (applied !== undefined && toDayNumber(applied) <= day) {
    return { ...base, state: 'done', appliedLate: toDayNumber(applied) > deadline };
  }
  if (day > toDayNumber(licence.expiresOn)) return { ...base, state: 'expired' };
  if (day > deadline) return { ...base, state: 'late' };
  if (day >= toDayNumber(dates.dueSoonFrom)) return { ...base, state: 'due_soon' };
  if (day >= toDayNumber(dates.opensOn)) return { ...base, state: 'open' };
  return { ...base, state: 'not_yet' };
}

// ——— Annual reports ———

export type AnnualReportState = 'upcoming' | 'open' | 'due_soon' | 'late' | 'done';

export interface AnnualReportStatus {
  /** The year reported on. */
  forYear: number;
  state: AnnualReportState;
  /** 1 January of the following year. */
  opensOn: string;
  /** 1 March: "due soon" from here. */
  dueSoonFrom: string;
  /** 31 March: the last day. */
  dueOn: string;
}

function getReportWindow(forYear: number) {
  const year = String(forYear + 1).padStart(4, '0');
  return { opensOn: `${year}-01-01`, dueSoonFrom: `${year}-03-01`, dueOn: `${year}-03-31` };
}

/**
 * The years a licence reports on: from its issue year Y (reported in Y+1) to the last year whose window
 * opens while the licence is valid. The year the licence expires is left to its renewal, which is a
 * licence of its own.
 */
export function listReportYears(licence: IssuedLicence): number[] {
  assertLicence(licence);
  const years: number[] = [];
  for (let year = yearOf(licence.issuedOn); year + 1 <= yearOf(licence.expiresOn); year += 1) {
    years.push(year);
  }
  return years;
}

/** Every report year of the licence and where it stands on `today`. */
export function assessAnnualReports(licence: IssuedLicence, today: string): AnnualReportStatus[] {
  const day = toDayNumberOrThrow(today, 'today');
  const reported = new Set(licence.annualReports);
  return listReportYears(licence).map((forYear) => {
    const window = getReportWindow(forYear);
    const state: AnnualReportState = reported.has(forYear)
      ? 'done'
      : day > toDayNumber(window.dueOn)
        ? 'late'
        : day >= toDayNumber(window.dueSoonFrom)
          ? 'due_soon'
          : day >= toDayNumber(window.opensOn)
            ? 'open'
            : 'upcoming';
    return { forYear, state, ...window };
  });
}

// ——— Reminders ———

export const LICENCE_REMINDER_KINDS = [
  'annual_report_open',
  'annual_report_due_soon',
  'annual_report_late',
  'renewal_open',
  'renewal_due_soon',
  'renewal_late',
  'licence_expired',
] as const;
export type LicenceReminderKind = (typeof LICENCE_REMINDER_KINDS)[number];

export interface LicenceReminder {
  /**
   * Unique within the licence and stable across runs: `annual_report_open:2026` (the year reported on),
   * `renewal_open:2029-03-14` (the expiry date, so a renewed licence with a new expiry reminds again).
   */
  key: string;
  kind: LicenceReminderKind;
  fireOn: string;
  /** The deadline the reminder is about: 31 March, the renewal deadline or the expiry date. */
  dueOn: string;
  forYear?: number;
}

/** Code-unit order, independent of the ICU build (ISO dates, domains, instance ids). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const KIND_ORDER = new Map(LICENCE_REMINDER_KINDS.map((kind, i) => [kind, i]));

function compareReminders(a: LicenceReminder, b: LicenceReminder): number {
  return (
    compareText(a.fireOn, b.fireOn) ||
    (a.forYear ?? 0) - (b.forYear ?? 0) ||
    (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0)
  );
}

/**
 * Every reminder of the licence's validity, sorted by day: for each report year the window opening
 * (1 January), "due soon" (1 March) and "late" (1 April); for the renewal its opening (expiry − 180
 * days), "due soon" (deadline − 30 days) and "late" (deadline + 1 day); and the expiry (expiry + 1 day).
 * The plan ignores what is already done; `dueLicenceReminders` filters.
 */
export function planLicenceReminders(licence: IssuedLicence): LicenceReminder[] {
  const reminders: LicenceReminder[] = [];
  for (const forYear of listReportYears(licence)) {
    const window = getReportWindow(forYear);
    const at = (kind: LicenceReminderKind, fireOn: string): LicenceReminder => ({
      key: `${kind}:${forYear}`,
      kind,
      fireOn,
      dueOn: window.dueOn,
      forYear,
    });
    reminders.push(
      at('annual_report_open', window.opensOn),
      at('annual_report_due_soon', window.dueSoonFrom),
      at('annual_report_late', addCalendarDays(window.dueOn, 1)),
    );
  }
  const { expiresOn } = licence;
  const dates = getRenewalDates(expiresOn);
  const renewal = (kind: LicenceReminderKind, fireOn: string, dueOn: string): LicenceReminder => ({
    key: `${kind}:${expiresOn}`,
    kind,
    fireOn,
    dueOn,
  });
  reminders.push(
    renewal('renewal_open', dates.opensOn, dates.renewalDeadline),
    renewal('renewal_due_soon', dates.dueSoonFrom, dates.renewalDeadline),
    renewal('renewal_late', addCalendarDays(dates.renewalDeadline, 1), dates.renewalDeadline),
    renewal('licence_expired', addCalendarDays(expiresOn, 1), expiresOn),
  );
  return reminders.sort(compareReminders);
}

/** Reminders of one obligation replace each other: only the latest due one is sent. */
function trackOf(reminder: LicenceReminder): string {
  return reminder.forYear === undefined ? 'renewal' : `annual_report:${reminder.forYear}`;
}

function isSettled(reminder: LicenceReminder, licence: IssuedLicence, day: number): boolean {
  switch (reminder.kind) {
    case 'annual_report_open':
    case 'annual_report_due_soon':
    case 'annual_report_late':
      return reminder.forYear !== undefined && licence.annualReports.includes(reminder.forYear);
    case 'renewal_open':
    case 'renewal_due_soon':
    case 'renewal_late':
      return licence.renewalAppliedOn !== undefined && toDayNumber(licence.renewalAppliedOn) <= day;
    case 'licence_expired':
      // An expired licence stays a fact worth telling, whether or not a renewal is pending.
      return false;
    default:
      return assertNever(reminder.kind);
  }
}

/**
 * The reminders a daily job sends on `today`: due (fireOn ≤ today), not yet sent (`alreadySent` holds
 * keys), and about an obligation still open. Of one obligation only the latest due stage is returned, so
 * a licence recorded late gets "report late" rather than three messages at once; a stage passed over
 * this way is never returned later, as stages only move forward. Run daily, each reminder goes out once,
 * on its day.
 */
export function dueLicenceReminders(
  licence: IssuedLicence,
  today: string,
  alreadySent: readonly string[],
): LicenceReminder[] {
  const day = toDayNumberOrThrow(today, 'today');
  const sent = new Set(alreadySent);
  const latest = new Map<string, LicenceReminder>();
  for (const reminder of planLicenceReminders(licence)) {
    if (toDayNumber(reminder.fireOn) > day || isSettled(reminder, licence, day)) continue;
    latest.set(trackOf(reminder), reminder);
  }
  return [...latest.values()].filter((r) => !sent.has(r.key)).sort(compareReminders);
}

/** The message of a reminder, for the inbox and mail. */
export function describeLicenceReminder(reminder: LicenceReminder): Localized {
  const year = reminder.forYear;
  const due = reminder.dueOn;
  switch (reminder.kind) {
    case 'annual_report_open':
      return {
        en: `The annual report on ${year} is open: file it on dxzhgl.miit.gov.cn by ${due}, even if the licence saw no business.`,
        zh: `${year}年度电信业务经营情况年报已开始报送：请于${due}前在 dxzhgl.miit.gov.cn 报送，无业务也须报送。`,
      };
    case 'annual_report_due_soon':
      return {
        en: `The annual report on ${year} is due by ${due}: file it on dxzhgl.miit.gov.cn.`,
        zh: `${year}年度年报须于${due}前报送，请尽快在 dxzhgl.miit.gov.cn 完成。`,
      };
    case 'annual_report_late':
      return {
        en: `The annual report on ${year} was due by ${due} and has not been recorded: file it now, or the company risks the abnormal-operations list, fines or revocation.`,
        zh: `${year}年度年报应于${due}前报送，尚无报送记录：请立即补报，否则可能被列入经营异常名录、罚款或吊销许可证。`,
      };
    case 'renewal_open':
      return {
        en: `The licence expires on ${addCalendarDays(due, RENEWAL_LEAD_DAYS)}. Apply for renewal by ${due} (90 days before expiry): start collecting the materials now.`,
        zh: `许可证有效期至${addCalendarDays(due, RENEWAL_LEAD_DAYS)}。请于${due}前（届满前90日）申请续期，现在开始准备材料。`,
      };
    case 'renewal_due_soon':
      return {
        en: `Apply for the licence renewal by ${due}: later applications are not granted.`,
        zh: `请于${due}前申请许可证续期：逾期申请将不予延续。`,
      };
    case 'renewal_late':
      return {
        en: `The renewal deadline ${due} has passed without an application: the licence cannot be renewed and ends at expiry. Plan a new application to keep operating.`,
        zh: `续期截止日${due}已过且未申请：许可证期满后不予延续。如需继续经营，请准备重新申请。`,
      };
    case 'licence_expired':
      return {
        en: `The licence expired on ${due}: the paid services it covered may not operate without a valid licence.`,
        zh: `许可证已于${due}期满：无有效许可证不得继续经营相关增值电信业务。`,
      };
    default:
      return assertNever(reminder.kind);
  }
}

// ——— Changes ———

export const LICENCE_CHANGE_KINDS = [
  'company_name',
  'legal_representative',
  'registered_capital',
  'shareholders',
  'address',
  'business_scope',
] as const;
export type LicenceChangeKind = (typeof LICENCE_CHANGE_KINDS)[number];

export const LICENCE_CHANGE_NAMES: Readonly<Record<LicenceChangeKind, Localized>> = {
  company_name: { en: 'company name', zh: '公司名称' },
  legal_representative: { en: 'legal representative', zh: '法定代表人' },
  registered_capital: { en: 'registered capital', zh: '注册资本' },
  shareholders: { en: 'shareholders', zh: '股东' },
  address: { en: 'address', zh: '地址' },
  business_scope: { en: 'business scope', zh: '经营范围' },
};

export interface LicenceChange {
  kind: LicenceChangeKind;
  /** When the change took effect (e.g. its business registration). */
  changedOn: string;
  /** When it was recorded with the licensing authority; absent while it is not. */
  recordedOn?: string;
}

/**
 * Changes that must be recorded with the authority before the annual report on `year` can be filed
 * (ref-9-licence): every unrecorded change that took effect before the report's window closed (31 March
 * of the next year), since the report describes the company as it is when filed. One issue each.
 */
export function changesBlockingAnnualReport(changes: readonly LicenceChange[], year: number): Issue[] {
  const windowCloses = toDayNumber(getReportWindow(year).dueOn);
  return changes
    .filter((change) => change.recordedOn === undefined)
    .filter((change) => toDayNumberOrThrow(change.changedOn, 'changedOn') <= windowCloses)
    .map((change) => {
      const name = LICENCE_CHANGE_NAMES[change.kind];
      return issue(
        'licence_change_not_recorded',
        `The change of ${name.en} on ${change.changedOn} must be recorded with the licensing authority before the annual report on ${year}.`,
        `${change.changedOn}发生的${name.zh}变更须先向发证机关办理变更，再报送${year}年度年报。`,
        { source: SOURCE, params: { kind: change.kind, changedOn: change.changedOn, year } },
      );
    });
}
