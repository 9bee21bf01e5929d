import type { Actor } from '../../domain/policy/order-access.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AdminDeps, FetchAllowHostRecord } from './admin-stores.ts';
import { toFetchAllowHostName } from './fetch-allow-host-name.ts';

/**
 * Lets the live footer check fetch a host that resolves to a private or loopback address (a staging
 * server, an intranet site); public hosts need no entry. Replaces the note of a host already listed.
 * @throws DomainError validation_failed when `host` is not a bare host name or IP address.
 */
export async function allowFetchHost(
  deps: Pick<AdminDeps, 'transact' | 'clock'>,
  input: { actor: Actor; host: string; note: string },
): Promise<{ host: FetchAllowHostRecord; isNew: boolean }> {
  const record: FetchAllowHostRecord = {
    host: toFetchAllowHostName(input.host),
    note: input.note.trim(),
    createdBy: `user:${input.actor.userId}`,
    createdAt: deps.clock.now(),
  };
  const isNew = await deps.transact(async (stores) => {
    const added = await stores.fetchAllowHosts.saveHost(record);
    await appendAuditEvent(stores, {
      occurredAt: record.createdAt,
      actor: record.createdBy,
      action: 'fetch_allow_host.saved',
      subjectType: 'fetch_allow_host',
      subjectId: record.host,
      payload: { note: record.note, isNew: added },
    });
    return added;
  });
  return { host: record, isNew };
}
