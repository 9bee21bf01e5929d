import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { DomainError } from '../errors.ts';
import type { Clock } from '../ports.ts';
import type { AccountsTransaction, NewOrganisation, Organisation } from './account-stores.ts';

/** Authorities and the platform are built in (ensureSandboxAuthorities, ensurePlatformOrganisation). */
export type CreatableOrganisationKind = Exclude<NewOrganisation['kind'], 'authority' | 'platform'>;

export async function createOrganisation(
  deps: { transaction: AccountsTransaction; clock: Clock },
  input: { actorLabel: string; organisation: NewOrganisation & { kind: CreatableOrganisationKind } },
): Promise<Organisation> {
  const now = deps.clock.now();
  return deps.transaction(async (stores) => {
    const created = await stores.organisations.create(input.organisation, now.toISOString());
    if (!created) {
      throw new DomainError('conflict', {
        en: 'Another organisation already has this English or Chinese name.',
        zh: '已有其他组织使用此英文或中文名称。',
      });
    }
    await appendAuditEvent(stores, {
      occurredAt: now,
      actor: input.actorLabel,
      action: 'organisation.created',
      subjectType: 'organisation',
      subjectId: created.id,
      payload: { kind: created.kind, provinceCode: created.provinceCode },
    });
    return created;
  });
}
