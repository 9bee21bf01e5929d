import { z } from 'zod';
import { parseIcpLicenceNumber, parseTelecomLicenceNumber } from '../../domain/numbers/licence-number.ts';
import { normalizeNumberText } from '../../domain/numbers/number-text.ts';
import { parsePsbNumber } from '../../domain/numbers/psb-number.ts';
import { type Issue, issue, type Validation } from '../../domain/shared/issue.ts';
import type { DomainIssueParams } from './common.ts';

/** Inputs for the numbers a footer shows besides the filing number, answered in canonical form. */

function buildNumberInput<T>(
  description: string,
  parse: (value: string) => Validation<T>,
  canonical: (value: T) => string,
  fallback: Issue,
) {
  return z
    .string()
    .max(60)
    .transform((value, context) => {
      const parsed = parse(value);
      if (!parsed.valid || !parsed.value) {
        const first = parsed.errors[0] ?? fallback;
        const params: DomainIssueParams = { domainIssue: { code: first.code, message: first.message } };
        context.addIssue({ code: 'custom', message: first.message.en, params });
        return z.NEVER;
      }
      return canonical(parsed.value);
    })
    .describe(description);
}

export const psbNumberInput = buildNumberInput(
  'Public-security filing number, e.g. 京公网安备11010802020134号.',
  (value) => parsePsbNumber(value),
  (value) => value.canonical,
  issue('not_a_psb_number', 'Not a public-security filing number.', '不是公安联网备案号。'),
);

export const licenceNumberInput = buildNumberInput(
  'ICP licence (京ICP证030173号) or value-added telecom licence (京B2-20212732) number.',
  (value): Validation<{ canonical: string }> =>
    normalizeNumberText(value).includes('ICP证')
      ? parseIcpLicenceNumber(value)
      : parseTelecomLicenceNumber(value),
  (value) => value.canonical,
  issue('not_a_licence_number', 'Not a licence number.', '不是许可证编号。'),
);
