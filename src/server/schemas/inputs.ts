import { z } from 'zod';
import { parseIsoDate } from '../../domain/calendar/working-day-calendar.ts';
import { issue } from '../../domain/shared/issue.ts';
import type { DomainIssueParams } from './common.ts';

/**
 * The calendar counts day by day, so the years a request may name are bounded: wide enough for any
 * filing question, small enough that no input makes the server count millions of days.
 */
export const MIN_REQUEST_YEAR = 1900;
export const MAX_REQUEST_YEAR = 2199;

/** Longest text any validator takes: far above real values, low enough to keep work per request small. */
export const MAX_TEXT_LENGTH = 1000;

function toParams(domainIssue: DomainIssueParams['domainIssue']): DomainIssueParams {
  return { domainIssue: { code: domainIssue.code, message: domainIssue.message } };
}

/**
 * A date as users type it (2026-10-08, 2026/10/8, 2026年10月8日), answered as 'YYYY-MM-DD'. A bad date
 * fails validation with the domain's 'invalid_date' issue in both languages.
 */
export function buildDateInput(description: string) {
  return z
    .string()
    .max(40)
    .transform((value, context) => {
      const parsed = parseIsoDate(value);
      if (!parsed.ok) {
        context.addIssue({
          code: 'custom',
          message: parsed.error.message.en,
          params: toParams(parsed.error),
        });
        return z.NEVER;
      }
      const year = Number(parsed.value.slice(0, 4));
      if (year < MIN_REQUEST_YEAR || year > MAX_REQUEST_YEAR) {
        const outOfRange = issue(
          'date_out_of_range',
          `Use a date in the years ${MIN_REQUEST_YEAR}–${MAX_REQUEST_YEAR}.`,
          `请使用 ${MIN_REQUEST_YEAR}–${MAX_REQUEST_YEAR} 年之间的日期。`,
        );
        context.addIssue({ code: 'custom', message: outOfRange.message.en, params: toParams(outOfRange) });
        return z.NEVER;
      }
      return parsed.value;
    })
    .describe(`${description} YYYY-MM-DD (also 2026/10/8 or 2026年10月8日).`);
}

export function buildTextInput(description: string, maxLength = MAX_TEXT_LENGTH) {
  return z.string().max(maxLength).describe(description);
}
