import { getEndOfChinaDay, toChinaDate } from '../../domain/calendar/china-date.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { issue } from '../../domain/shared/issue.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { DomainError } from '../errors.ts';
import { isRecordId } from '../orders/order-errors.ts';
import { canIssueCodes, canViewInstance, instanceNotFound } from './instance-access.ts';
import {
  addMonths,
  checkInstanceEligibility,
  MAX_SERVICE_CODES_PER_INSTANCE,
} from './instance-eligibility.ts';
import { presentServiceCode, type ServiceCodeView } from './present-instance.ts';
import type { ProviderDeps } from './provider-deps.ts';
import type { ServiceCodeKind } from './provider-store.ts';

/** Authorisation codes lapse after a year (JD Cloud's rule, reference §3.2). */
export const AUTHORIZATION_CODE_VALIDITY_MONTHS = 12;

export interface IssueServiceCodeInput {
  actor: Actor;
  instanceId: number;
  /** `service` (default): for the holder's own filings; `authorization`: for another account. */
  kind?: ServiceCodeKind;
  /** Authorisation codes: the only account allowed to use the code; any account holding it when absent. */
  granteeUserId?: string;
}

export interface IssueServiceCodeResult {
  code: ServiceCodeView;
  /** Codes the instance can still issue. */
  codesRemaining: number;
}

/**
 * Issues a single-use filing service code (or an authorisation code for another account) for an
 * eligible instance: mainland, subscribed three months or more, running today; at most five codes per
 * instance ever, burnt codes included (reference §3.2). Errors: not_found (instance missing or not
 * the actor's), validation_failed (instance not eligible, bad kind), conflict (codes_exhausted).
 */
export async function issueServiceCode(
  deps: ProviderDeps,
  input: IssueServiceCodeInput,
): Promise<IssueServiceCodeResult> {
  const kind = input.kind ?? 'service';
  if (kind !== 'service' && kind !== 'authorization') {
    throw new DomainError(
      'validation_failed',
      {
        en: 'The code kind must be service or authorization.',
        zh: '服务码类型应为 service 或 authorization。',
      },
      {
        issues: [
          issue('invalid_code_kind', 'Unknown code kind.', '未知的服务码类型。', {
            params: { field: 'kind' },
          }),
        ],
      },
    );
  }
  if (!isRecordId(input.instanceId)) throw instanceNotFound();
  const now = deps.clock.now();
  const today = toChinaDate(now);
  return deps.persistence.transact(async (stores) => {
    // Locked, so two requests at once cannot both take the fifth code.
    const instance = await stores.providers.lockInstance(input.instanceId);
    if (!instance || !canViewInstance(input.actor, instance)) throw instanceNotFound();
    if (!canIssueCodes(input.actor, instance)) throw instanceNotFound();
    const eligibility = checkInstanceEligibility(instance, today, deps.catalogue);
    if (!eligibility.eligible) {
      throw new DomainError(
        'validation_failed',
        eligibility.issues[0]?.message ?? {
          en: 'The instance is not eligible.',
          zh: '该实例不符合备案条件。',
        },
        { issues: eligibility.issues },
      );
    }
    const used = await stores.providers.countServiceCodes(instance.id);
    if (used >= MAX_SERVICE_CODES_PER_INSTANCE) {
      const found = issue(
        'codes_exhausted',
        `The instance already issued its ${MAX_SERVICE_CODES_PER_INSTANCE} service codes; used codes are not replaced.`,
        `该实例的 ${MAX_SERVICE_CODES_PER_INSTANCE} 个服务码已全部生成，已使用的服务码不会补发。`,
        { source: 'ref-3-instances', params: { max: MAX_SERVICE_CODES_PER_INSTANCE } },
      );
      throw new DomainError('conflict', found.message, { issues: [found] });
    }
    const code = await stores.providers.insertServiceCode({
      instanceId: instance.id,
      code: deps.random.nextUuid(),
      kind,
      ...(kind === 'authorization' && input.granteeUserId !== undefined
        ? { granteeUserId: input.granteeUserId }
        : {}),
      issuedAt: now,
      issuedBy: `user:${input.actor.userId}`,
      ...(kind === 'authorization'
        ? { expiresAt: getEndOfChinaDay(addMonths(today, AUTHORIZATION_CODE_VALIDITY_MONTHS)) }
        : {}),
    });
    await appendAuditEvent(
      { auditLog: stores.auditLog },
      {
        occurredAt: now,
        actor: `user:${input.actor.userId}`,
        action: 'service_code.issued',
        subjectType: 'instance',
        subjectId: String(instance.id),
        payload: { codeId: code.id, kind },
      },
    );
    return { code: presentServiceCode(code), codesRemaining: MAX_SERVICE_CODES_PER_INSTANCE - used - 1 };
  });
}
