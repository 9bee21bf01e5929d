import type { Localized } from '../../domain/shared/localized.ts';
import { currentLanguage } from '../i18n/i18n.ts';

/** Picks the text of a `{ en, zh }` pair (as the API and the catalogue carry them) for the UI language. */
export function localize(text: Localized | undefined | null, language = currentLanguage()): string {
  if (!text) return '';
  return language === 'zh-CN' ? text.zh : text.en;
}

function toDate(value: string | Date): Date {
  // A plain calendar day (2026-10-08) is a China date: show it as that day wherever the viewer is.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return new Date(`${value}T00:00:00+08:00`);
  return typeof value === 'string' ? new Date(value) : value;
}

/** 8 Oct 2026 / 2026年10月8日 — in China time, where filings are decided. */
export function formatDate(value: string | Date | null | undefined, language = currentLanguage()): string {
  if (!value) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(
    toDate(value),
  );
}

/**
 * A date that may be only a year or a month (a source's "2005", "2025-12", "2020-07-24"), shown with
 * the same precision: 2005 / Dec 2025 / 24 Jul 2020 (2005年 / 2025年12月 / 2020年7月24日).
 */
export function formatPartialDate(value: string | null | undefined, language = currentLanguage()): string {
  if (!value) return '';
  const year = /^(\d{4})$/u.exec(value);
  const month = /^(\d{4})-(\d{2})$/u.exec(value);
  if (!year && !month) return /^\d{4}-\d{2}-\d{2}$/u.test(value) ? formatDate(value, language) : value;
  // Mid-month, China time: the same year and month wherever the viewer is.
  const day = new Date(`${year ? `${year[1]}-06` : value}-15T00:00:00+08:00`);
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    ...(month ? { month: 'short' as const } : {}),
    timeZone: 'Asia/Shanghai',
  }).format(day);
}

export function formatDateTime(
  value: string | Date | null | undefined,
  language = currentLanguage(),
): string {
  if (!value) return '';
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(toDate(value));
}

export function formatNumber(
  value: number,
  language = currentLanguage(),
  options?: Intl.NumberFormatOptions,
): string {
  return new Intl.NumberFormat(language, options).format(value);
}

export function formatPercent(value: number, language = currentLanguage()): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}
