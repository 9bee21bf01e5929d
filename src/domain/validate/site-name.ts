import { type Catalogue, findProvince } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { type Issue, issue, type Validation, validation } from '../shared/issue.ts';
import { normalizeText } from '../shared/normalize.ts';
import { validateDomain } from './domain.ts';

export interface SiteNameParts {
  /** Length in Chinese-character equivalents: each Han character, Latin letter or digit counts one. */
  length: number;
  /** The characters that were counted, in order. */
  countedCharacters: string[];
}

export interface SiteNameOptions {
  /** Entity nature id (entity-natures.json), e.g. 'enterprise', 'individual', 'government'. */
  nature?: string;
  /** Province code or any key `findProvince` accepts; selects the provincial word list. */
  province?: string;
  /** The site's domain; the name may not be the domain itself. */
  domain?: string;
  catalogue?: Catalogue;
}

const SOURCE = 'ref-4-site-names';
/**
 * State bodies may use the reserved prefixes (中国, 中华, 国家 …): "non-national bodies may not start
 * with …" (reference §4.4). These natures are the state's own organs.
 */
const STATE_NATURES = new Set(['government', 'public_institution']);
/** Allowed in names but not counted (reference §4.4). */
const UNCOUNTED = new Set(['(', ')', '-']);
const HAN = /\p{Script=Han}/u;

function classify(name: string): { counted: string[]; special: string[]; han: number } {
  const counted: string[] = [];
  const special: string[] = [];
  let han = 0;
  for (const char of name) {
    if (HAN.test(char)) {
      counted.push(char);
      han++;
    } else if (/^[A-Za-z0-9]$/.test(char)) {
      counted.push(char);
    } else if (!UNCOUNTED.has(char) && !special.includes(char)) {
      special.push(char);
    }
  }
  return { counted, special, han };
}

/** The forms of the domain a name must not equal: with and without suffix, ASCII and Unicode. */
function domainForms(domain: string, catalogue: Catalogue): Set<string> {
  const forms = new Set<string>();
  const parsed = validateDomain(domain, { catalogue }).value;
  if (parsed) {
    const { registrableDomain, publicSuffix } = parsed;
    for (const host of [parsed.ascii, parsed.unicode, registrableDomain.ascii, registrableDomain.unicode]) {
      forms.add(host);
    }
    forms.add(registrableDomain.ascii.slice(0, -publicSuffix.ascii.length - 1));
    forms.add(registrableDomain.unicode.slice(0, -publicSuffix.unicode.length - 1));
  } else {
    const host = normalizeText(domain).toLowerCase();
    forms.add(host);
    forms.add(host.split('.')[0] ?? host);
  }
  forms.delete('');
  return forms;
}

function wordIssue(code: string, word: string, en: string, zh: string, sources: string[], extra = {}): Issue {
  return issue(code, en, zh, {
    source: sources[0] ?? SOURCE,
    params: { word, ...extra, ...(sources.length > 1 ? { sources: sources.join(',') } : {}) },
  });
}

/**
 * Checks a website name against the national baseline (reference §4.4) and, for individuals, the
 * national and provincial word lists. Every violated rule is reported, one issue per offending word.
 */
export function validateSiteName(input: string, opts: SiteNameOptions = {}): Validation<SiteNameParts> {
  const catalogue = opts.catalogue ?? defaultCatalogue;
  const { lexicon } = catalogue;
  const normalized = normalizeText(input);
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  if (normalized === '') {
    errors.push(issue('empty', 'Enter the website name.', '请输入网站名称。', { source: SOURCE }));
    return validation(normalized, errors, warnings);
  }

  const { counted, special, han } = classify(normalized);
  const parts: SiteNameParts = { length: counted.length, countedCharacters: counted };
  const text = counted.join('').toLowerCase();

  if (special.length > 0) {
    errors.push(
      issue(
        'special_characters',
        `Website names may only contain Chinese characters, letters, digits and ()-; remove ${special.map((c) => `"${c}"`).join(' ')}.`,
        `网站名称只能包含汉字、字母、数字和 ()-，请删除 ${special.map((c) => `“${c}”`).join(' ')}。`,
        { source: SOURCE, params: { characters: special.join('') } },
      ),
    );
  }
  if (counted.length < lexicon.minLength.value) {
    errors.push(
      issue(
        'too_short',
        `The name counts ${counted.length} characters; at least ${lexicon.minLength.value} are needed (a letter or digit counts as one, ()- not at all).`,
        `名称计 ${counted.length} 个字符，至少需要 ${lexicon.minLength.value} 个（字母或数字各计一个，()- 不计）。`,
        {
          source: lexicon.minLength.sources[0] ?? SOURCE,
          params: { length: counted.length, min: lexicon.minLength.value },
        },
      ),
    );
  }
  if (counted.length > lexicon.maxLength.value) {
    errors.push(
      issue(
        'too_long',
        `The name counts ${counted.length} characters; at most ${lexicon.maxLength.value} are accepted.`,
        `名称计 ${counted.length} 个字符，最多 ${lexicon.maxLength.value} 个。`,
        {
          source: lexicon.maxLength.sources[0] ?? SOURCE,
          params: { length: counted.length, max: lexicon.maxLength.value },
        },
      ),
    );
  }
  if (counted.length > 0 && han === 0) {
    errors.push(
      issue(
        'only_digits_or_latin',
        'A website name may not consist only of digits or Latin letters; use Chinese characters.',
        '网站名称不能只由数字或英文字母组成，请使用汉字。',
        { source: SOURCE },
      ),
    );
  }
  if (opts.domain !== undefined && opts.domain.trim() !== '') {
    const forms = domainForms(opts.domain, catalogue);
    if (forms.has(normalized.toLowerCase()) || forms.has(text)) {
      errors.push(
        issue(
          'name_equals_domain',
          'The website name may not be the domain itself; describe the site instead.',
          '网站名称不能是域名本身，请填写能概括网站内容的名称。',
          { source: SOURCE, params: { domain: opts.domain } },
        ),
      );
    }
  }

  const nature = opts.nature;
  if (nature !== undefined && !catalogue.index.natureById.has(nature)) {
    warnings.push(
      issue(
        'unknown_entity_nature',
        `Unknown entity nature "${nature}".`,
        `未知的主办单位性质“${nature}”。`,
        {
          params: { nature },
        },
      ),
    );
  }
  if (nature === undefined || !STATE_NATURES.has(nature)) {
    for (const word of lexicon.reservedPrefixes.words) {
      if (!text.startsWith(word.toLowerCase())) continue;
      const found = wordIssue(
        'reserved_prefix',
        word,
        `Only state bodies may start a website name with "${word}".`,
        `只有国家机关和事业单位的网站名称可以以“${word}”开头。`,
        lexicon.reservedPrefixes.sources,
      );
      // Without a nature we cannot tell whether the filer is a state body: warn instead of reject.
      (nature === undefined ? warnings : errors).push(found);
    }
  }
  for (const word of lexicon.sensitiveWords.words) {
    if (!text.includes(word.toLowerCase())) continue;
    errors.push(
      wordIssue(
        'sensitive_word',
        word,
        `The website name contains the sensitive word "${word}".`,
        `网站名称含有敏感词“${word}”。`,
        lexicon.sensitiveWords.sources,
      ),
    );
  }

  if (nature === 'individual') {
    for (const word of lexicon.individualBanned.words) {
      if (!text.includes(word.toLowerCase())) continue;
      errors.push(
        wordIssue(
          'individual_banned_word',
          word,
          `Personal websites may not use "${word}" in their name (it suggests an organisation or a commercial or community service).`,
          `个人网站名称不能使用“${word}”（带有企业、商业或社区服务性质）。`,
          lexicon.individualBanned.sources,
        ),
      );
    }
  }
  if (opts.province !== undefined) {
    const province = findProvince(catalogue, opts.province);
    if (!province) {
      warnings.push(
        issue('unknown_province', `Unknown province "${opts.province}".`, `未知的省份“${opts.province}”。`, {
          params: { province: opts.province },
        }),
      );
    } else if (nature === 'individual') {
      const list = lexicon.provinceIndividualBanned[province.code];
      for (const word of list?.words ?? []) {
        if (!text.includes(word.toLowerCase())) continue;
        errors.push(
          wordIssue(
            'province_banned_word',
            word,
            `${province.nameEn} does not accept "${word}" in the names of personal websites.`,
            `${province.nameZh}不接受个人网站名称中使用“${word}”。`,
            list?.sources ?? [SOURCE],
            { province: province.code },
          ),
        );
      }
    }
  }
  return validation(normalized, errors, warnings, parts);
}
