import type { Actor } from '../../domain/policy/order-access.ts';
import { isRecordId } from '../orders/order-errors.ts';
import type { NotificationDeps } from './notification-deps.ts';

export interface MarkInboxReadInput {
  actor: Actor;
  /** The messages to mark; every unread message of the actor when absent. */
  ids?: number[];
}

/** Marks the actor's own messages read (others' ids are ignored); returns how many changed. */
export async function markInboxRead(
  deps: NotificationDeps,
  input: MarkInboxReadInput,
): Promise<{ updated: number }> {
  const now = deps.clock.now();
  // Ids that cannot exist simply match nothing.
  const ids = input.ids?.filter(isRecordId);
  const updated = await deps.persistence.transact((stores) =>
    stores.notifications.markRead(input.actor.userId, now, ids),
  );
  return { updated };
}
