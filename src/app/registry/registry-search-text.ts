import { type Issue, issue } from '../../domain/shared/issue.ts';
import { normalizeText } from '../../domain/shared/normalize.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';

/**
 * A problem with one input of a registry query. Routes report it as `validation_failed` with a
 * FieldError on that field (the issue's code and message in the caller's language).
 */
export interface RegistryInputProblem {
  field: 'query' | 'limit' | 'cursor' | 'domain';
  issue: Issue;
}

/** Shorter substrings match too much to be useful and have no index (see migration 0001). */
export const MIN_NAME_QUERY_LENGTH = 2;
export const MAX_NAME_QUERY_LENGTH = 100;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A name query as the store expects it: NFKC, single spaces, 2–100 characters. */
export function normalizeNameQuery(input: string): Result<string, Issue> {
  // Control characters are in no name, and PostgreSQL refuses NUL in text outright.
  const text = normalizeText(input.replace(/\p{Cc}/gu, ' '));
  const length = [...text].length;
  if (length < MIN_NAME_QUERY_LENGTH) {
    return err(
      issue(
        'query_too_short',
        `Enter at least ${MIN_NAME_QUERY_LENGTH} characters of the name.`,
        `请至少输入名称中的 ${MIN_NAME_QUERY_LENGTH} 个字符。`,
        { params: { min: MIN_NAME_QUERY_LENGTH } },
      ),
    );
  }
  if (length > MAX_NAME_QUERY_LENGTH) {
    return err(
      issue(
        'query_too_long',
        `A search has at most ${MAX_NAME_QUERY_LENGTH} characters.`,
        `搜索内容最多 ${MAX_NAME_QUERY_LENGTH} 个字符。`,
        { params: { max: MAX_NAME_QUERY_LENGTH } },
      ),
    );
  }
  return ok(text);
}

export function checkPageSize(limit: number | undefined): Result<number, Issue> {
  const value = limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    return err(
      issue(
        'invalid_limit',
        `The page size must be a whole number from 1 to ${MAX_PAGE_SIZE}.`,
        `每页条数应为 1 到 ${MAX_PAGE_SIZE} 之间的整数。`,
        { params: { max: MAX_PAGE_SIZE } },
      ),
    );
  }
  return ok(value);
}

/** Cursors are opaque to clients: a version tag and the last service id, base64url-encoded. */
export function encodeCursor(lastId: number): string {
  return Buffer.from(`v1:${lastId}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Result<number, Issue> {
  const text = /^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^v1:([1-9]\d{0,15})$/.exec(text);
  if (!match?.[1] || !Number.isSafeInteger(Number(match[1]))) {
    return err(
      issue(
        'invalid_cursor',
        'The page cursor is not valid; start the search again.',
        '分页游标无效，请重新搜索。',
      ),
    );
  }
  return ok(Number(match[1]));
}
