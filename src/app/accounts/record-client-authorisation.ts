import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { DomainError } from '../errors.ts';
import type { Clock } from '../ports.ts';
import type { AccountsTransaction, ClientAuthorisation, UserAccount } from './account-stores.ts';
import { findAgencies, pickAgency } from './find-agencies.ts';

export interface RecordClientAuthorisationInput {
  /** The agent recording it. */
  userId: string;
  /** Required only when the agent belongs to several agencies. */
  agencyId?: string | undefined;
  /** The client's account (the client signs up first). */
  clientEmail: string;
  /** The uploaded letter of authorisation, when it was uploaded through the platform. */
  letterDocumentId?: string | undefined;
}

export interface RecordedClientAuthorisation {
  authorisation: ClientAuthorisation;
  client: UserAccount;
}

/**
 * Records that a client authorised the agent's agency (their signed letter of authorisation): from
 * then on the agency may file on the client's behalf and the client sees everything the agency filed
 * for them.
 */
export async function recordClientAuthorisation(
  deps: { transaction: AccountsTransaction; clock: Clock },
  input: RecordClientAuthorisationInput,
): Promise<RecordedClientAuthorisation> {
  const now = deps.clock.now();
  return deps.transaction(async (stores) => {
    const agency = pickAgency(await findAgencies(stores.memberships, input.userId), input.agencyId);
    const client = await stores.users.findByEmail(input.clientEmail);
    if (!client) {
      throw new DomainError('not_found', {
        en: 'No account uses this e-mail address: the client signs up first.',
        zh: '没有使用此电子邮箱的账户：请客户先注册。',
      });
    }
    if (client.id === input.userId) {
      throw new DomainError('conflict', {
        en: 'You cannot record an authorisation from yourself.',
        zh: '不能为自己登记授权。',
      });
    }
    const authorisation = await stores.clientAuthorisations.record({
      agentOrgId: agency.id,
      clientUserId: client.id,
      letterDocumentId: input.letterDocumentId ?? null,
      recordedByUserId: input.userId,
      recordedAt: now.toISOString(),
    });
    if (!authorisation) {
      throw new DomainError('conflict', {
        en: "This client's authorisation of your agency is already recorded.",
        zh: '该客户对贵机构的授权已登记。',
      });
    }
    await appendAuditEvent(stores, {
      occurredAt: now,
      actor: `user:${input.userId}`,
      action: 'client_authorisation.recorded',
      subjectType: 'organisation',
      subjectId: agency.id,
      payload: { clientUserId: client.id, letterDocumentId: authorisation.letterDocumentId },
    });
    return { authorisation, client };
  });
}
