import type { OrderAccessFacts } from '../../domain/policy/order-access.ts';
import type { OrderSnapshot } from '../../domain/workflow/order-snapshot.ts';
import type { OrderRecord, SmsChallengeRecord } from './order-store.ts';

/** What the access policy needs to know about a stored order. */
export function toAccessFacts(order: OrderRecord): OrderAccessFacts {
  const facts: OrderAccessFacts = {
    ownerUserId: order.ownerUserId,
    clientUserIds: order.clientUserId === undefined ? [] : [order.clientUserId],
    providerOrgId: order.providerOrgId,
    provinceCode: order.provinceCode,
    status: order.status,
    authorityMode: order.authorityMode,
    hasBeenSubmitted: order.hasBeenSubmitted,
    hasReachedAuthority: order.hasReachedAuthority,
  };
  if (order.agentOrgId !== undefined) facts.agentOrgId = order.agentOrgId;
  return facts;
}

/** The workflow's view of a stored order; `sms` is the open challenge while in sms_verification. */
export function toSnapshot(order: OrderRecord, sms?: SmsChallengeRecord): OrderSnapshot {
  const snapshot: OrderSnapshot = {
    id: String(order.id),
    status: order.status,
    type: order.type,
    provinceCode: order.provinceCode,
    authorityMode: order.authorityMode,
    version: order.version,
    deadlines: { ...order.deadlines },
    returnReasons: order.returnReasons,
  };
  if (order.entityNumber !== undefined) snapshot.entityNumber = order.entityNumber;
  if (order.submittedVersion !== undefined) snapshot.submittedVersion = order.submittedVersion;
  if (sms) {
    snapshot.sms = {
      issuedAt: sms.issuedAt,
      expiresAt: sms.expiresAt,
      attempts: sms.attempts,
      maxAttempts: sms.maxAttempts,
    };
  }
  return snapshot;
}
