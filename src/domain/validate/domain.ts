import { domainToASCII, domainToUnicode } from 'node:url';
import { parse } from 'tldts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { type Issue, issue, type Validation, validation } from '../shared/issue.ts';
import { normalizeText } from '../shared/normalize.ts';
import { findHostnameProblems, type HostnameProblem } from './hostname.ts';

export interface DomainForms {
  /** Punycode (xn--…), lower-case. */
  ascii: string;
  unicode: string;
}

export interface DomainParts {
  /** The host as extracted from the input (scheme, credentials, port, path and trailing dot removed). */
  inputHost: string;
  /** The full host without a leading `www.`. */
  ascii: string;
  unicode: string;
  /** What is filed: only the registrable domain (reference §5). */
  registrableDomain: DomainForms;
  publicSuffix: DomainForms;
  /** Labels left of the registrable domain, if any (besides `www`). */
  subdomain?: DomainForms;
  isIdn: boolean;
  isFileable: boolean;
}

function toForms(ascii: string): DomainForms {
  return { ascii, unicode: domainToUnicode(ascii) || ascii };
}

/**
 * The fileable suffixes in ASCII, per catalogue. Kept so each call does not convert the whole list;
 * a WeakMap keeps the domain free of global state that outlives its catalogue.
 */
const asciiSuffixCache = new WeakMap<Catalogue, ReadonlySet<string>>();

function getFileableAscii(catalogue: Catalogue): ReadonlySet<string> {
  let set = asciiSuffixCache.get(catalogue);
  if (!set) {
    set = new Set(catalogue.tlds.fileable.map((t) => domainToASCII(t) || t.toLowerCase()));
    asciiSuffixCache.set(catalogue, set);
  }
  return set;
}

/** Strips what a pasted URL carries around the host: scheme, credentials, path, query, port. */
function extractHost(text: string): string {
  let rest = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^\/\//, '');
  rest = rest.split(/[/?#\\]/, 1)[0] ?? '';
  const at = rest.lastIndexOf('@');
  if (at >= 0) rest = rest.slice(at + 1);
  if (!rest.startsWith('[')) rest = rest.replace(/:\d*$/, '');
  return rest.toLowerCase().replace(/\.$/, '');
}

function hostnameIssue(problem: HostnameProblem): Issue {
  switch (problem.kind) {
    case 'empty_label':
      return issue(
        'empty_label',
        'The domain has an empty label (two dots in a row).',
        '域名中有空标签（连续两个点）。',
      );
    case 'label_too_long':
      return issue(
        'label_too_long',
        `The label "${problem.label}" is longer than 63 characters.`,
        `标签“${problem.label}”超过 63 个字符。`,
        { params: { label: problem.label } },
      );
    case 'label_hyphen':
      return issue(
        'label_hyphen',
        `The label "${problem.label}" starts or ends with a hyphen.`,
        `标签“${problem.label}”以连字符开头或结尾。`,
        { params: { label: problem.label } },
      );
    case 'invalid_characters':
      return issue(
        'invalid_characters',
        `The label "${problem.label}" contains characters a domain cannot have.`,
        `标签“${problem.label}”含有域名不允许的字符。`,
        { params: { label: problem.label } },
      );
    case 'too_long':
      return issue(
        'domain_too_long',
        `The domain has ${problem.length} characters; at most 253 are allowed.`,
        `域名长度为 ${problem.length} 个字符，最多 253 个。`,
        { params: { length: problem.length } },
      );
  }
}

const ipIssue = (host: string) =>
  issue(
    'ip_address_not_allowed',
    'An IP address cannot be filed; enter the domain name.',
    'IP 地址不能备案，请填写域名。',
    { params: { host } },
  );

/**
 * The public suffix to file under: tldts's (ICANN section of the Public Suffix List), or a longer
 * fileable suffix from the catalogue the list lacks (e.g. 公益.cn, 政务.cn, which the PSL does not
 * carry, so example.公益.cn would otherwise parse as a subdomain of 公益.cn).
 */
function findPublicSuffix(ascii: string, pslSuffix: string, fileable: ReadonlySet<string>): string {
  let best = pslSuffix;
  for (const suffix of fileable) {
    if (suffix.length > best.length && ascii.endsWith(`.${suffix}`)) best = suffix;
  }
  return best;
}

/**
 * Validates a domain for a website filing: normalises a pasted URL or host to the registrable domain
 * (punycode and Unicode) and checks that its suffix is on the list of TLDs approved for filing.
 */
export function validateDomain(input: string, opts: { catalogue?: Catalogue } = {}): Validation<DomainParts> {
  const catalogue = opts.catalogue ?? defaultCatalogue;
  // NFKC folds full-width letters and the full-width full stop; IDNA also treats 。 as a dot.
  const text = normalizeText(input).replace(/[。｡]/g, '.');
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const inputHost = extractHost(text);
  if (inputHost === '') {
    errors.push(issue('empty', 'Enter a domain name.', '请输入域名。'));
    return validation(inputHost, errors, warnings);
  }
  if (inputHost.startsWith('[') || inputHost.includes(':')) {
    errors.push(ipIssue(inputHost));
    return validation(inputHost, errors, warnings);
  }
  const fullAscii = domainToASCII(inputHost);
  if (fullAscii === '') {
    const isNumeric = /^[\d.]+$/.test(inputHost);
    errors.push(
      isNumeric
        ? ipIssue(inputHost)
        : issue(
            'invalid_domain',
            `"${inputHost}" is not a valid domain name.`,
            `“${inputHost}”不是有效的域名。`,
            {
              params: { host: inputHost },
            },
          ),
    );
    return validation(inputHost, errors, warnings);
  }
  const pslOptions = { allowPrivateDomains: false };
  if (parse(fullAscii, pslOptions).isIp) {
    errors.push(ipIssue(inputHost));
    return validation(fullAscii, errors, warnings);
  }
  if (fullAscii === 'localhost' || fullAscii.endsWith('.localhost')) {
    errors.push(
      issue('localhost_not_allowed', 'localhost is not a public domain name.', 'localhost 不是公网域名。', {
        params: { host: fullAscii },
      }),
    );
    return validation(fullAscii, errors, warnings);
  }
  const problems = findHostnameProblems(fullAscii);
  if (problems.length > 0) {
    errors.push(...problems.map(hostnameIssue));
    return validation(fullAscii, errors, warnings);
  }

  const fileable = getFileableAscii(catalogue);
  const parseHost = (host: string) => {
    const parsed = parse(host, pslOptions);
    const suffix = findPublicSuffix(host, parsed.publicSuffix ?? host, fileable);
    const registrable =
      host === suffix
        ? undefined
        : host
            .slice(0, -suffix.length - 1)
            .split('.')
            .at(-1);
    return { suffix, registrable: registrable ? `${registrable}.${suffix}` : undefined };
  };
  let ascii = fullAscii;
  // `www.` is the usual way people write the site, never what is filed; keep it where it is the name.
  if (ascii.startsWith('www.') && parseHost(ascii.slice(4)).registrable) ascii = ascii.slice(4);
  const { suffix, registrable } = parseHost(ascii);
  if (!registrable) {
    errors.push(
      issue(
        'bare_public_suffix',
        `"${domainToUnicode(ascii)}" is a public suffix, not a domain that can be registered.`,
        `“${domainToUnicode(ascii)}”是公共后缀，不是可注册的域名。`,
        { source: 'ref-5-domains', params: { host: ascii } },
      ),
    );
    return validation(ascii, errors, warnings);
  }

  const publicSuffix = toForms(suffix);
  const registrableDomain = toForms(registrable);
  const fileableSet = catalogue.index.fileableTlds;
  const isFileable =
    fileable.has(publicSuffix.ascii) ||
    fileableSet.has(publicSuffix.unicode) ||
    fileableSet.has(publicSuffix.ascii);
  if (!isFileable) {
    const tld = toForms(suffix.split('.').at(-1) ?? suffix);
    const known = catalogue.tlds.notFileable.find((n) =>
      [publicSuffix.ascii, publicSuffix.unicode, tld.ascii, tld.unicode].includes(n.tld.replace(/^\./, '')),
    );
    errors.push(
      issue(
        'tld_not_fileable',
        `.${publicSuffix.unicode} is not on the list of suffixes approved for ICP filing (list of ${catalogue.tlds.listDate}).${known ? ` ${known.note.en}` : ''}`,
        `.${publicSuffix.unicode} 不在可备案域名后缀列表中（${catalogue.tlds.listDate} 版）。${known ? known.note.zh : ''}`,
        {
          source: 'ref-5-tlds',
          params: {
            suffix: publicSuffix.unicode,
            listDate: catalogue.tlds.listDate,
            ...(known ? { noteEn: known.note.en, noteZh: known.note.zh } : {}),
          },
        },
      ),
    );
  }

  const parts: DomainParts = {
    inputHost,
    ascii,
    unicode: domainToUnicode(ascii) || ascii,
    registrableDomain,
    publicSuffix,
    isIdn: ascii.split('.').some((label) => label.startsWith('xn--')),
    isFileable,
  };
  if (ascii !== registrable) {
    parts.subdomain = toForms(ascii.slice(0, -registrable.length - 1));
    // Government sites are the exception: each .gov.cn subdomain is filed on its own (reference §4.4, §5).
    if (publicSuffix.ascii === 'gov.cn') {
      warnings.push(
        issue(
          'government_subdomain',
          `${parts.unicode} is a subdomain of ${registrableDomain.unicode}; government .gov.cn subdomains are filed separately, as their own site.`,
          `${parts.unicode} 是 ${registrableDomain.unicode} 的子域名；政府 .gov.cn 子域名需单独备案。`,
          {
            source: 'ref-5-domains',
            params: { subdomain: parts.subdomain.unicode, registrableDomain: registrableDomain.unicode },
          },
        ),
      );
      return validation(parts.ascii, errors, warnings, parts);
    }
    warnings.push(
      issue(
        'subdomain_given',
        `Only the registrable domain ${registrableDomain.unicode} is filed; subdomains such as ${parts.subdomain.unicode} need no filing of their own at the same provider.`,
        `备案只填写主域名 ${registrableDomain.unicode}；同一接入商下的子域名（如 ${parts.subdomain.unicode}）无需单独备案。`,
        {
          source: 'ref-5-domains',
          params: { subdomain: parts.subdomain.unicode, registrableDomain: registrableDomain.unicode },
        },
      ),
    );
  }
  return validation(registrableDomain.ascii, errors, warnings, parts);
}
