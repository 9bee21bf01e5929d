import { isLicenceKind, type LicenceKind } from '../../domain/licence/licence-kind.ts';
import {
  isLicenceApplicationStatus,
  type LicenceApplicationStatus,
} from '../../domain/licence/licence-status.ts';
import { listLicenceScopes } from '../../domain/policy/licence-access.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { issue } from '../../domain/shared/issue.ts';
import type { LicenceDeps } from './licence-deps.ts';
import { toLicenceError } from './licence-errors.ts';
import { type LicenceSummaryView, presentLicenceSummary } from './present-licence-application.ts';

export const MAX_LICENCE_PAGE = 100;

export interface ListLicenceApplicationsInput {
  actor: Actor;
  statuses?: LicenceApplicationStatus[];
  kinds?: LicenceKind[];
  /** 1–100, default 50. */
  limit?: number;
  offset?: number;
}

export interface ListLicenceApplicationsResult {
  applications: LicenceSummaryView[];
  hasMore: boolean;
}

function invalid(field: string, en: string, zh: string) {
  return toLicenceError(issue(`invalid_${field}`, en, zh, { params: { field } }));
}

/**
 * The applications the actor may see, latest change first: applicants their own and their clients',
 * agents their agency's, authority reviewers those submitted to their province's sandbox authority,
 * platform administrators all (they decide the cross-regional ones). Errors: validation_failed (paging,
 * filters).
 */
export async function listLicenceApplications(
  deps: LicenceDeps,
  input: ListLicenceApplicationsInput,
): Promise<ListLicenceApplicationsResult> {
  const limit = input.limit ?? 50;
  const offset = input.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LICENCE_PAGE) {
    throw invalid('limit', `limit must be 1–${MAX_LICENCE_PAGE}.`, `limit 应为 1–${MAX_LICENCE_PAGE}。`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw invalid('offset', 'offset must be 0 or more.', 'offset 应不小于 0。');
  }
  if (input.statuses?.some((s) => !isLicenceApplicationStatus(s))) {
    throw invalid('status', 'Unknown status in the filter.', '筛选条件中有未知的状态。');
  }
  if (input.kinds?.some((k) => !isLicenceKind(k))) {
    throw invalid('kind', 'Unknown licence kind in the filter.', '筛选条件中有未知的许可证类型。');
  }
  const rows = await deps.persistence.read.licences.listApplications({
    scopes: listLicenceScopes(input.actor),
    ...(input.statuses === undefined ? {} : { statuses: input.statuses }),
    ...(input.kinds === undefined ? {} : { kinds: input.kinds }),
    limit: limit + 1,
    offset,
  });
  return { applications: rows.slice(0, limit).map(presentLicenceSummary), hasMore: rows.length > limit };
}
