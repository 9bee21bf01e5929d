import { domainToASCII, domainToUnicode } from 'node:url';
import { type Issue, issue, type Validation, validation } from '../shared/issue.ts';
import { normalizeText } from '../shared/normalize.ts';
import { findHostnameProblems } from './hostname.ts';

export interface EmailParts {
  local: string;
  /** The domain in ASCII (punycode), lower-cased. */
  domain: string;
  /** The domain in Unicode, for display. */
  domainUnicode: string;
}

/**
 * A pragmatic subset of RFC 5322: a dot-atom local part (no quoted strings, comments or non-ASCII
 * local parts, which mail systems of the filing providers do not take) and a DNS domain, which may
 * be internationalised. The local part keeps its case; the domain is lower-cased.
 */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

export function validateEmail(input: string): Validation<EmailParts> {
  const text = normalizeText(input);
  if (text === '')
    return validation(text, [issue('empty', 'Enter an e-mail address.', '请输入电子邮箱。')], []);
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) {
    return validation(
      text,
      [
        issue(
          'invalid_email',
          'An e-mail address looks like name@example.com.',
          '电子邮箱格式应类似 name@example.com。',
        ),
      ],
      [],
    );
  }
  const local = text.slice(0, at);
  const domainInput = text.slice(at + 1).replace(/。/g, '.');
  const errors: Issue[] = [];
  if (!LOCAL_PART.test(local) || local.length > 64) {
    errors.push(
      issue(
        'invalid_local_part',
        "The part before @ may use letters, digits and !#$%&'*+/=?^_`{|}~- with single dots between them (at most 64 characters).",
        "@ 前的部分只能使用字母、数字和 !#$%&'*+/=?^_`{|}~-，点号不能连续或位于首尾（最多 64 个字符）。",
      ),
    );
  }
  const ascii = domainToASCII(domainInput);
  const labels = ascii.split('.');
  const isValidDomain =
    ascii !== '' &&
    findHostnameProblems(ascii).length === 0 &&
    labels.length >= 2 &&
    !/^\d+$/.test(labels.at(-1) ?? '');
  if (!isValidDomain) {
    errors.push(
      issue(
        'invalid_domain',
        `"${domainInput}" is not a valid e-mail domain.`,
        `“${domainInput}”不是有效的邮箱域名。`,
        { params: { domain: domainInput } },
      ),
    );
    return validation(text, errors, []);
  }
  const normalized = `${local}@${ascii}`;
  if (normalized.length > 254) {
    errors.push(
      issue('too_long', 'An e-mail address has at most 254 characters.', '电子邮箱最多 254 个字符。'),
    );
  }
  return validation(normalized, errors, [], { local, domain: ascii, domainUnicode: domainToUnicode(ascii) });
}
