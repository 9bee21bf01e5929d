import type { Catalogue } from '../catalogue/catalogue.ts';
import { type Issue, issue } from '../shared/issue.ts';
import { normalizeCompact } from '../shared/normalize.ts';

/** Options shared by every number parser. */
export interface NumberParseOptions {
  catalogue?: Catalogue;
}

/**
 * Numbers are copied from footers, PDFs and chat messages: after NFKC (full-width digits, letters and
 * hyphens) we drop every space (real footers show "蜀ICP备 12005138号-1" and "京公网安备 110…号"),
 * upper-case Latin letters ("icp", "-2a") and fold the dash look-alikes NFKC leaves alone.
 */
export function normalizeNumberText(input: string): string {
  return normalizeCompact(input)
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .toUpperCase();
}

/** Official numbers end with 号; a copy without it is still recognisable. */
export function missingHaoWarning(source: string): Issue {
  return issue(
    'missing_trailing_hao',
    'The number should end with 号; it was added.',
    '编号应以“号”结尾，已自动补全。',
    { source },
  );
}
