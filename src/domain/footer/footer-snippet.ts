import type { Catalogue } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { parseFilingNumber } from '../numbers/filing-number.ts';
import { parseIcpLicenceNumber, parseTelecomLicenceNumber } from '../numbers/licence-number.ts';
import { normalizeNumberText } from '../numbers/number-text.ts';
import { parsePsbNumber } from '../numbers/psb-number.ts';
import type { Issue } from '../shared/issue.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { buildPsbRecordUrl, MIIT_FILING_URL } from './footer-links.ts';

/**
 * A copy-ready footer for a filed site: the ICP number as the text of its link to beian.miit.gov.cn,
 * the public-security number linked to its record page, and the licence number when one is held
 * (reference §3.7, §6). Every link opens in a new tab with rel="noopener".
 */

export interface FooterSnippetInput {
  /** Filing number: the service number (…号-1), or the entity number where the province shows it. */
  number: string;
  psbNumber?: string;
  /** ICP licence (京ICP证030173号) or value-added telecom licence (京B2-20212732). */
  licenceNumber?: string;
}

export interface FooterSnippet {
  html: string;
  /** The same line as plain text, for apps' "About" screens. */
  text: string;
  /** The canonical numbers used. */
  numbers: { filing: string; psb?: string; licence?: string };
}

/** An input that is not a number of its kind, with the input field it came from. */
export interface SnippetProblem {
  field: keyof FooterSnippetInput;
  issue: Issue;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&#39;');
}

function link(href: string, text: string): string {
  return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener">${escapeHtml(text)}</a>`;
}

function firstError(errors: readonly Issue[], fallback: Issue): Issue {
  return errors[0] ?? fallback;
}

function parseLicence(text: string, catalogue: Catalogue) {
  return normalizeNumberText(text).includes('ICP证')
    ? parseIcpLicenceNumber(text, { catalogue })
    : parseTelecomLicenceNumber(text, { catalogue });
}

/** The snippet for the numbers, or the first input that is not a well-formed number of its kind. */
export function buildFooterSnippet(
  input: FooterSnippetInput,
  options: { catalogue?: Catalogue } = {},
): Result<FooterSnippet, SnippetProblem> {
  const catalogue = options.catalogue ?? defaultCatalogue;
  const filing = parseFilingNumber(input.number, { catalogue });
  if (!filing.valid || !filing.value) {
    const issue = firstError(filing.errors, {
      code: 'not_a_filing_number',
      message: { en: 'Not an ICP filing number.', zh: '不是 ICP 备案号。' },
    });
    return err({ field: 'number', issue });
  }
  const filingText = filing.value.service?.number ?? filing.value.entityNumber;
  const htmlParts = [link(MIIT_FILING_URL, filingText)];
  const textParts = [filingText];
  const numbers: FooterSnippet['numbers'] = { filing: filingText };

  if (input.psbNumber !== undefined) {
    const psb = parsePsbNumber(input.psbNumber, { catalogue });
    if (!psb.valid || !psb.value) {
      const issue = firstError(psb.errors, {
        code: 'not_a_psb_number',
        message: { en: 'Not a public-security number.', zh: '不是公安备案号。' },
      });
      return err({ field: 'psbNumber', issue });
    }
    const digits = `${psb.value.countyCode}${psb.value.serial}`;
    htmlParts.push(link(buildPsbRecordUrl(digits), psb.value.canonical));
    textParts.push(psb.value.canonical);
    numbers.psb = psb.value.canonical;
  }

  if (input.licenceNumber !== undefined) {
    const licence = parseLicence(input.licenceNumber, catalogue);
    if (!licence.valid || !licence.value) {
      const issue = firstError(licence.errors, {
        code: 'not_a_licence_number',
        message: { en: 'Not a licence number.', zh: '不是许可证编号。' },
      });
      return err({ field: 'licenceNumber', issue });
    }
    // The ICP licence is printed as is; a value-added telecom licence with its name, as footers do.
    const label =
      licence.value.kind === 'icp_licence'
        ? licence.value.canonical
        : `增值电信业务经营许可证：${licence.value.canonical}`;
    htmlParts.push(`<span>${escapeHtml(label)}</span>`);
    textParts.push(label);
    numbers.licence = licence.value.canonical;
  }

  const html = [
    '<div class="beian-footer" style="text-align:center">',
    ...htmlParts.map((part) => `  ${part}`),
    '</div>',
  ].join('\n');
  return ok({ html, text: textParts.join(' | '), numbers });
}
