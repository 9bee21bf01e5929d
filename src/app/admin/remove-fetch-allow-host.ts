import type { Actor } from '../../domain/policy/order-access.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { DomainError } from '../errors.ts';
import type { AdminDeps } from './admin-stores.ts';
import { toFetchAllowHostName } from './fetch-allow-host-name.ts';

/**
 * Takes a host off the live footer check's allow-list: from now on it is fetched only if it resolves
 * to public addresses.
 * @throws DomainError not_found when the host is not listed.
 */
export async function removeFetchAllowHost(
  deps: Pick<AdminDeps, 'transact' | 'clock'>,
  input: { actor: Actor; host: string },
): Promise<void> {
  const host = toFetchAllowHostName(input.host);
  const now = deps.clock.now();
  await deps.transact(async (stores) => {
    if (!(await stores.fetchAllowHosts.deleteHost(host))) {
      throw new DomainError('not_found', {
        en: `${host} is not on the allow-list.`,
        zh: `${host} 不在允许列表中。`,
      });
    }
    await appendAuditEvent(stores, {
      occurredAt: now,
      actor: `user:${input.actor.userId}`,
      action: 'fetch_allow_host.removed',
      subjectType: 'fetch_allow_host',
      subjectId: host,
      payload: {},
    });
  });
}
