import type { Catalogue } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { type FilingNumber, parseFilingNumber } from '../numbers/filing-number.ts';
import { parseIcpLicenceNumber, parseTelecomLicenceNumber } from '../numbers/licence-number.ts';
import { type PsbNumber, parsePsbNumber } from '../numbers/psb-number.ts';
import type { Validation } from '../shared/issue.ts';
import type { Localized } from '../shared/localized.ts';
import { classifyMiitLink, classifyPsbLink, MIIT_FILING_HOST, PSB_HOST } from './footer-links.ts';
import { type NumberOccurrence, scanPage } from './scan-page.ts';

/**
 * Whether a page's footer shows its filing as the rules ask (reference §3.7, §6, §10): the ICP number,
 * linked to beian.miit.gov.cn in the same anchor, near the bottom of the page; the public-security
 * number linked to its record page; the licence number when a licence is held. Pure and independent of
 * HTTP, so the live site check (issue 5) can feed it fetched pages.
 */

export type FooterRuleId =
  | 'filing_number_present'
  | 'filing_number_matches_expected'
  | 'filing_number_in_link'
  | 'filing_link_target'
  | 'filing_number_position'
  | 'psb_number'
  | 'psb_link'
  | 'licence_number';

export const FOOTER_RULE_IDS: readonly FooterRuleId[] = [
  'filing_number_present',
  'filing_number_matches_expected',
  'filing_number_in_link',
  'filing_link_target',
  'filing_number_position',
  'psb_number',
  'psb_link',
  'licence_number',
];

export type RuleVerdict = 'pass' | 'warn' | 'fail' | 'not_applicable';
export type FooterVerdict = 'compliant' | 'warnings' | 'non_compliant';

export interface FooterRuleResult {
  rule: FooterRuleId;
  verdict: RuleVerdict;
  message: Localized;
  /** The HTML (or text) the verdict rests on, shortened. */
  evidence?: string;
  /** Catalogue source id of the rule. */
  source: string;
}

export interface FoundNumber {
  kind: 'icp_filing' | 'icp_licence' | 'telecom_licence' | 'psb_filing';
  /** As printed. */
  text: string;
  /** Canonical form when it parsed. */
  normalized: string;
  isValid: boolean;
  href?: string;
  isNearBottom: boolean;
}

export interface FooterExpectations {
  /** The service (…号-1) or entity number the site is filed under. */
  expectedNumber?: string;
  /** The site has (or must have) a public-security filing. */
  psbRequired?: boolean;
  /** The ICP licence (京ICP证…) or telecom licence (京B2-…) the operator holds. */
  licenceNumber?: string;
}

export interface FooterAnalysis {
  verdict: FooterVerdict;
  rules: FooterRuleResult[];
  found: FoundNumber[];
}

export interface AnalyseFooterOptions {
  catalogue?: Catalogue;
}

/**
 * "Near the bottom": inside a footer element (<footer>, role=contentinfo, or an id/class naming a
 * footer, copyright or beian block), or in the last 30 % of the page's visible text, or within its
 * last 1,500 characters (short pages put everything in the first 70 %).
 */
export const BOTTOM_SHARE = 0.7;
export const BOTTOM_CHARACTERS = 1500;

const SOURCE_DISPLAY = 'ref-3-display';
const SOURCE_NUMBERS = 'ref-6-numbers';
const SOURCE_PSB = 'psb-filing';
const SOURCE_LICENCE = 'ref-6-licence';

interface Judged<T> {
  occurrence: NumberOccurrence;
  parsed: Validation<T>;
}

function isNearBottom(occurrence: NumberOccurrence): boolean {
  return (
    occurrence.isInFooterElement ||
    occurrence.position >= BOTTOM_SHARE ||
    occurrence.charactersAfter <= BOTTOM_CHARACTERS
  );
}

function result(
  rule: FooterRuleId,
  verdict: RuleVerdict,
  source: string,
  en: string,
  zh: string,
  evidence?: string,
): FooterRuleResult {
  return evidence === undefined
    ? { rule, verdict, message: { en, zh }, source }
    : { rule, verdict, message: { en, zh }, evidence, source };
}

/** Same entity and same service, whatever abbreviation (川/蜀) or spacing was printed. */
function numberKey(number: FilingNumber): { entity: string; full: string } {
  const entity = `${number.province.code}:${number.year}:${number.serial}`;
  return { entity, full: number.service ? `${entity}-${number.service.suffix}` : entity };
}

function firstIssue(parsed: Validation<unknown>): Localized | undefined {
  return parsed.errors[0]?.message ?? parsed.warnings[0]?.message;
}

function choosePrimary(
  filings: readonly Judged<FilingNumber>[],
  expected: FilingNumber | undefined,
): Judged<FilingNumber> | undefined {
  const valid = filings.filter((f) => f.parsed.value !== undefined && f.parsed.valid);
  if (expected) {
    const wanted = numberKey(expected);
    const matching = valid.find((f) => f.parsed.value && numberKey(f.parsed.value).full === wanted.full);
    const sameEntity = valid.find(
      (f) => f.parsed.value && numberKey(f.parsed.value).entity === wanted.entity,
    );
    if (matching ?? sameEntity) return matching ?? sameEntity;
  }
  const linked = valid.find(
    (f) =>
      f.occurrence.anchor?.href !== undefined && classifyMiitLink(f.occurrence.anchor.href).kind !== 'other',
  );
  return linked ?? valid[0] ?? filings[0];
}

function judgePresence(
  primary: Judged<FilingNumber> | undefined,
  licences: readonly Judged<unknown>[],
): FooterRuleResult {
  const rule = 'filing_number_present';
  if (!primary) {
    const licence = licences.find((l) => l.parsed.valid);
    if (licence) {
      return result(
        rule,
        'warn',
        SOURCE_NUMBERS,
        'Only a licence number was found; show the ICP filing number as well.',
        '页面仅显示许可证编号，还应显示 ICP 备案号。',
        licence.occurrence.evidence,
      );
    }
    return result(
      rule,
      'fail',
      SOURCE_NUMBERS,
      'No ICP filing number (e.g. 京ICP备2021034286号-1) was found in the page text.',
      '页面文字中未找到 ICP 备案号（如 京ICP备2021034286号-1）。',
    );
  }
  const { parsed, occurrence } = primary;
  const problem = firstIssue(parsed);
  if (!parsed.valid) {
    return result(
      rule,
      'fail',
      SOURCE_NUMBERS,
      `"${occurrence.text}" is not a well-formed filing number: ${problem?.en ?? ''}`.trim(),
      `“${occurrence.text}”不是格式正确的备案号：${problem?.zh ?? ''}`,
      occurrence.evidence,
    );
  }
  if (problem) {
    return result(
      rule,
      'warn',
      SOURCE_NUMBERS,
      `${parsed.normalized} was found, but: ${problem.en}`,
      `已找到 ${parsed.normalized}，但：${problem.zh}`,
      occurrence.evidence,
    );
  }
  return result(
    rule,
    'pass',
    SOURCE_NUMBERS,
    `${parsed.normalized} is shown.`,
    `页面显示了 ${parsed.normalized}。`,
    occurrence.evidence,
  );
}

function judgeExpected(
  primary: Judged<FilingNumber> | undefined,
  expectedText: string | undefined,
  expected: FilingNumber | undefined,
  catalogue: Catalogue,
): FooterRuleResult {
  const rule = 'filing_number_matches_expected';
  if (expectedText === undefined) {
    return result(
      rule,
      'not_applicable',
      SOURCE_DISPLAY,
      'No expected number was given.',
      '未提供应显示的备案号。',
    );
  }
  if (!expected) {
    return result(
      rule,
      'not_applicable',
      SOURCE_DISPLAY,
      `The expected number "${expectedText}" is not a filing number, so it cannot be compared.`,
      `应显示的编号“${expectedText}”不是备案号，无法比对。`,
    );
  }
  const shown = primary?.parsed.valid ? primary.parsed.value : undefined;
  if (!primary || !shown) {
    return result(
      rule,
      'fail',
      SOURCE_DISPLAY,
      `The page should show ${expected.service?.number ?? expected.entityNumber}; no well-formed filing number was found.`,
      `页面应显示 ${expected.service?.number ?? expected.entityNumber}，但未找到格式正确的备案号。`,
    );
  }
  const want = numberKey(expected);
  const got = numberKey(shown);
  const evidence = primary.occurrence.evidence;
  const wantText = expected.service?.number ?? expected.entityNumber;
  const gotText = primary.parsed.normalized;
  if (got.full === want.full) {
    return result(
      rule,
      'pass',
      SOURCE_DISPLAY,
      `The page shows the filed number ${wantText}.`,
      `页面显示的是备案号 ${wantText}。`,
      evidence,
    );
  }
  if (got.entity !== want.entity) {
    return result(
      rule,
      'fail',
      SOURCE_DISPLAY,
      `The page shows ${gotText}, but the site is filed under ${wantText}.`,
      `页面显示 ${gotText}，但该网站的备案号为 ${wantText}。`,
      evidence,
    );
  }
  if (!expected.service) {
    return result(
      rule,
      'pass',
      SOURCE_DISPLAY,
      `The page shows ${gotText}, a number of the filed entity ${wantText}.`,
      `页面显示 ${gotText}，属于主体备案号 ${wantText}。`,
      evidence,
    );
  }
  if (!shown.service) {
    const province = catalogue.provinces.find((p) => p.code === expected.province.code);
    const display = catalogue.index.rulesByProvince.get(expected.province.code)?.numberDisplay.value;
    if (display === 'entity') {
      return result(
        rule,
        'pass',
        SOURCE_DISPLAY,
        `The page shows the entity number ${gotText}, as ${province?.nameEn ?? 'this province'} asks.`,
        `页面显示主体备案号 ${gotText}，符合${province?.nameZh ?? '该省'}的要求。`,
        evidence,
      );
    }
    return result(
      rule,
      'warn',
      SOURCE_DISPLAY,
      `The page shows the entity number ${gotText}; outside Guangdong show the service number ${wantText}.`,
      `页面显示的是主体备案号 ${gotText}；广东省以外应显示网站备案号 ${wantText}。`,
      evidence,
    );
  }
  return result(
    rule,
    'fail',
    SOURCE_DISPLAY,
    `The page shows ${gotText}, the number of another service of the entity; this site is ${wantText}.`,
    `页面显示 ${gotText}，是该主体另一项服务的备案号；本网站应为 ${wantText}。`,
    evidence,
  );
}

function findMiitLink(links: readonly { href: string; html: string }[]) {
  return (
    links.find((link) => classifyMiitLink(link.href).kind === 'current') ??
    links.find((link) => classifyMiitLink(link.href).kind === 'retired')
  );
}

function judgeSameAnchor(
  primary: Judged<FilingNumber> | undefined,
  links: readonly { href: string; html: string }[],
): FooterRuleResult {
  const rule = 'filing_number_in_link';
  if (!primary) {
    return result(rule, 'not_applicable', SOURCE_DISPLAY, 'No filing number was found.', '未找到备案号。');
  }
  const { occurrence } = primary;
  if (occurrence.anchor?.href !== undefined) {
    return result(
      rule,
      'pass',
      SOURCE_DISPLAY,
      'The number is the text of its link.',
      '备案号本身即为链接文字。',
      occurrence.anchor.html,
    );
  }
  const separate = findMiitLink(links);
  return separate
    ? result(
        rule,
        'fail',
        SOURCE_DISPLAY,
        'The number and the link to beian.miit.gov.cn are separate; put the number inside the link.',
        '备案号与指向 beian.miit.gov.cn 的链接是分开的；应将备案号放在链接内。',
        occurrence.evidence,
      )
    : result(
        rule,
        'fail',
        SOURCE_DISPLAY,
        'The number is not a link; make it a link to https://beian.miit.gov.cn/.',
        '备案号没有链接；应将其链接到 https://beian.miit.gov.cn/。',
        occurrence.evidence,
      );
}

function judgeLinkTarget(
  primary: Judged<FilingNumber> | undefined,
  links: readonly { href: string; html: string }[],
): FooterRuleResult {
  const rule = 'filing_link_target';
  const own = primary?.occurrence.anchor;
  const link = own?.href !== undefined ? { href: own.href, html: own.html } : findMiitLink(links);
  if (!link) {
    return result(
      rule,
      'fail',
      SOURCE_DISPLAY,
      'No link to https://beian.miit.gov.cn/ was found.',
      '未找到指向 https://beian.miit.gov.cn/ 的链接。',
      primary?.occurrence.evidence,
    );
  }
  const parsed = classifyMiitLink(link.href);
  switch (parsed.kind) {
    case 'current':
      return result(
        rule,
        'pass',
        SOURCE_DISPLAY,
        `The link goes to ${MIIT_FILING_HOST}.`,
        `链接指向 ${MIIT_FILING_HOST}。`,
        link.html,
      );
    case 'retired':
      return result(
        rule,
        'warn',
        SOURCE_DISPLAY,
        `The link goes to the retired ${parsed.host ?? 'miitbeian.gov.cn'}; link to https://beian.miit.gov.cn/ instead.`,
        `链接指向已停用的 ${parsed.host ?? 'miitbeian.gov.cn'}；应改为 https://beian.miit.gov.cn/。`,
        link.html,
      );
    case 'other':
    case 'unparsable':
      return result(
        rule,
        'fail',
        SOURCE_DISPLAY,
        `The number links to "${link.href.slice(0, 200)}", not to https://beian.miit.gov.cn/.`,
        `备案号链接到“${link.href.slice(0, 200)}”，而不是 https://beian.miit.gov.cn/。`,
        link.html,
      );
  }
}

function judgePosition(primary: Judged<FilingNumber> | undefined): FooterRuleResult {
  const rule = 'filing_number_position';
  if (!primary) {
    return result(rule, 'not_applicable', SOURCE_DISPLAY, 'No filing number was found.', '未找到备案号。');
  }
  const { occurrence } = primary;
  if (isNearBottom(occurrence)) {
    return result(
      rule,
      'pass',
      SOURCE_DISPLAY,
      occurrence.isInFooterElement
        ? 'The number is in the page footer.'
        : 'The number is near the bottom of the page.',
      occurrence.isInFooterElement ? '备案号位于页脚。' : '备案号位于页面底部附近。',
      occurrence.evidence,
    );
  }
  return result(
    rule,
    'warn',
    SOURCE_DISPLAY,
    `The number appears ${Math.round(occurrence.position * 100)} % of the way down the page text, not in a footer; show it at the bottom of the page.`,
    `备案号出现在页面文字约 ${Math.round(occurrence.position * 100)}% 处，不在页脚；应显示在页面底部。`,
    occurrence.evidence,
  );
}

function judgePsb(
  psbs: readonly Judged<PsbNumber>[],
  required: boolean | undefined,
): { presence: FooterRuleResult; link: FooterRuleResult } {
  const primary = psbs.find((p) => p.parsed.valid) ?? psbs[0];
  if (!primary) {
    const na = result(
      'psb_link',
      'not_applicable',
      SOURCE_PSB,
      'No public-security number was found.',
      '未找到公安备案号。',
    );
    return {
      presence: required
        ? result(
            'psb_number',
            'fail',
            SOURCE_PSB,
            'No public-security filing number (e.g. 京公网安备11010802020134号) was found; it is due within 30 days of going live.',
            '未找到公安联网备案号（如 京公网安备11010802020134号）；网站上线后 30 日内应完成公安备案并展示。',
          )
        : result(
            'psb_number',
            'not_applicable',
            SOURCE_PSB,
            'No public-security number was found (not checked as required).',
            '未找到公安备案号（未按必需项检查）。',
          ),
      link: na,
    };
  }
  const { parsed, occurrence } = primary;
  const problem = firstIssue(parsed);
  const presence = !parsed.valid
    ? result(
        'psb_number',
        'fail',
        SOURCE_PSB,
        `"${occurrence.text}" is not a well-formed public-security number: ${problem?.en ?? ''}`.trim(),
        `“${occurrence.text}”不是格式正确的公安备案号：${problem?.zh ?? ''}`,
        occurrence.evidence,
      )
    : problem
      ? result(
          'psb_number',
          'warn',
          SOURCE_PSB,
          `${parsed.normalized} was found, but: ${problem.en}`,
          `已找到 ${parsed.normalized}，但：${problem.zh}`,
          occurrence.evidence,
        )
      : result(
          'psb_number',
          'pass',
          SOURCE_PSB,
          `${parsed.normalized} is shown.`,
          `页面显示了 ${parsed.normalized}。`,
          occurrence.evidence,
        );
  return { presence, link: judgePsbLink(primary) };
}

function judgePsbLink(primary: Judged<PsbNumber>): FooterRuleResult {
  const rule = 'psb_link';
  const { occurrence, parsed } = primary;
  const href = occurrence.anchor?.href;
  if (href === undefined) {
    return result(
      rule,
      'fail',
      SOURCE_PSB,
      `The public-security number is not a link; link it to its record page on ${PSB_HOST}.`,
      `公安备案号没有链接；应链接到 ${PSB_HOST} 上的备案信息页。`,
      occurrence.evidence,
    );
  }
  const evidence = occurrence.anchor?.html;
  const link = classifyPsbLink(href);
  if (link.kind === 'other' || link.kind === 'unparsable') {
    return result(
      rule,
      'fail',
      SOURCE_PSB,
      `The public-security number links to "${href.slice(0, 200)}", not to ${PSB_HOST}.`,
      `公安备案号链接到“${href.slice(0, 200)}”，而不是 ${PSB_HOST}。`,
      evidence,
    );
  }
  const digits = parsed.value ? `${parsed.value.countyCode}${parsed.value.serial}` : undefined;
  if (link.recordCode === undefined) {
    return result(
      rule,
      'warn',
      SOURCE_PSB,
      'The link goes to the PSB platform but not to this record (add ?code=<number digits>).',
      '链接指向公安备案平台，但未指向本网站的备案记录（应带上 ?code=<备案号数字>）。',
      evidence,
    );
  }
  if (digits !== undefined && link.recordCode !== digits) {
    return result(
      rule,
      'fail',
      SOURCE_PSB,
      `The link opens record ${link.recordCode}, but the number shown is ${digits}.`,
      `链接打开的是备案记录 ${link.recordCode}，但页面显示的编号为 ${digits}。`,
      evidence,
    );
  }
  if (link.kind === 'retired') {
    return result(
      rule,
      'warn',
      SOURCE_PSB,
      `The link goes to the former platform ${link.host ?? 'www.beian.gov.cn'}; link to ${PSB_HOST} instead.`,
      `链接指向原平台 ${link.host ?? 'www.beian.gov.cn'}；应改为 ${PSB_HOST}。`,
      evidence,
    );
  }
  return result(
    rule,
    'pass',
    SOURCE_PSB,
    'The public-security number links to its record page.',
    '公安备案号链接到其备案信息页。',
    evidence,
  );
}

type LicenceValidation = Validation<{ canonical: string }>;

function parseLicence(text: string, catalogue: Catalogue): LicenceValidation {
  return text.includes('ICP证') || /ICP\s*证/iu.test(text)
    ? parseIcpLicenceNumber(text, { catalogue })
    : parseTelecomLicenceNumber(text, { catalogue });
}

function judgeLicence(
  licences: readonly Judged<{ canonical: string }>[],
  expectedText: string | undefined,
  catalogue: Catalogue,
): FooterRuleResult {
  const rule = 'licence_number';
  const valid = licences.filter((l) => l.parsed.valid);
  if (expectedText === undefined) {
    const first = valid[0] ?? licences[0];
    if (!first) {
      return result(
        rule,
        'not_applicable',
        SOURCE_LICENCE,
        'No licence is held (none given) and none is shown.',
        '未提供许可证，页面也未显示。',
      );
    }
    return first.parsed.valid
      ? result(
          rule,
          'pass',
          SOURCE_LICENCE,
          `The licence number ${first.parsed.normalized} is shown.`,
          `页面显示了许可证编号 ${first.parsed.normalized}。`,
          first.occurrence.evidence,
        )
      : result(
          rule,
          'warn',
          SOURCE_LICENCE,
          `"${first.occurrence.text}" looks like a licence number but is not well formed.`,
          `“${first.occurrence.text}”像是许可证编号，但格式不正确。`,
          first.occurrence.evidence,
        );
  }
  const expected = parseLicence(expectedText, catalogue);
  const wanted = expected.value?.canonical ?? expected.normalized;
  const match = valid.find((l) => l.parsed.value?.canonical === wanted);
  if (match) {
    return result(
      rule,
      'pass',
      SOURCE_LICENCE,
      `The licence number ${wanted} is shown.`,
      `页面显示了许可证编号 ${wanted}。`,
      match.occurrence.evidence,
    );
  }
  const other = valid[0];
  return other
    ? result(
        rule,
        'fail',
        SOURCE_LICENCE,
        `The page shows licence ${other.parsed.normalized}, but the licence held is ${wanted}.`,
        `页面显示的许可证为 ${other.parsed.normalized}，但持有的许可证为 ${wanted}。`,
        other.occurrence.evidence,
      )
    : result(
        rule,
        'fail',
        SOURCE_LICENCE,
        `A licence is held, but its number ${wanted} is not shown; show it next to the filing number.`,
        `持有许可证，但页面未显示其编号 ${wanted}；应与备案号一并显示。`,
      );
}

function overall(rules: readonly FooterRuleResult[]): FooterVerdict {
  if (rules.some((r) => r.verdict === 'fail')) return 'non_compliant';
  if (rules.some((r) => r.verdict === 'warn')) return 'warnings';
  return 'compliant';
}

/** Checks a page's footer against the display rules; see the module comment. */
export function analyseFooter(
  html: string,
  expectations: FooterExpectations = {},
  options: AnalyseFooterOptions = {},
): FooterAnalysis {
  const catalogue = options.catalogue ?? defaultCatalogue;
  const page = scanPage(html);
  const filings: Judged<FilingNumber>[] = [];
  const psbs: Judged<PsbNumber>[] = [];
  const licences: Judged<{ canonical: string }>[] = [];
  const found: FoundNumber[] = [];
  for (const occurrence of page.occurrences) {
    let parsed: Validation<unknown>;
    switch (occurrence.marker) {
      case 'icp_filing': {
        const filing = parseFilingNumber(occurrence.text, { catalogue });
        filings.push({ occurrence, parsed: filing });
        parsed = filing;
        break;
      }
      case 'psb_filing': {
        const psb = parsePsbNumber(occurrence.text, { catalogue });
        psbs.push({ occurrence, parsed: psb });
        parsed = psb;
        break;
      }
      case 'icp_licence': {
        const licence = parseIcpLicenceNumber(occurrence.text, { catalogue });
        licences.push({ occurrence, parsed: licence });
        parsed = licence;
        break;
      }
      case 'telecom_licence': {
        const licence = parseTelecomLicenceNumber(occurrence.text, { catalogue });
        licences.push({ occurrence, parsed: licence });
        parsed = licence;
        break;
      }
    }
    const entry: FoundNumber = {
      kind: occurrence.marker,
      text: occurrence.text,
      normalized: parsed.normalized,
      isValid: parsed.valid,
      isNearBottom: isNearBottom(occurrence),
    };
    if (occurrence.anchor?.href !== undefined) entry.href = occurrence.anchor.href;
    found.push(entry);
  }

  const expected =
    expectations.expectedNumber === undefined
      ? undefined
      : parseFilingNumber(expectations.expectedNumber, { catalogue });
  const expectedNumber = expected?.valid ? expected.value : undefined;
  const primary = choosePrimary(filings, expectedNumber);
  const psb = judgePsb(psbs, expectations.psbRequired);
  const rules = [
    judgePresence(primary, licences),
    judgeExpected(primary, expectations.expectedNumber, expectedNumber, catalogue),
    judgeSameAnchor(primary, page.links),
    judgeLinkTarget(primary, page.links),
    judgePosition(primary),
    psb.presence,
    psb.link,
    judgeLicence(licences, expectations.licenceNumber, catalogue),
  ];
  return { verdict: overall(rules), rules, found };
}
