import type { OrderContentDraft } from '../../domain/order-content/order-content.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { classifyOrderDeadline } from '../../domain/workflow/queue-flags.ts';
import { describeUser } from '../audit/actor-label.ts';
import { loadPartyNames } from '../audit/event-actor.ts';
import { decryptContent, draftAad, versionAad } from './order-content-crypto.ts';
import type { OrderDeps, WorkflowStores } from './order-deps.ts';
import { findOrderEventActor } from './order-event-actors.ts';
import type { OrderRecord } from './order-store.ts';
import { type OrderDetails, type OrderView, presentOrder } from './present-order.ts';

/** Reads and decrypts everything about an order (draft, submitted version, SMS state, history). */
export async function loadOrderDetails(
  deps: Pick<OrderDeps, 'fieldCipher' | 'calendar' | 'clock' | 'directory' | 'catalogue'>,
  stores: WorkflowStores,
  order: OrderRecord,
): Promise<OrderDetails> {
  const [draft, submitted, sms, versions, events, calendar] = await Promise.all([
    stores.orders.readDraft(order.id),
    order.submittedVersion === undefined
      ? undefined
      : stores.orders.readVersion(order.id, order.submittedVersion),
    order.status === 'sms_verification' ? stores.orders.findOpenSmsChallenge(order.id) : undefined,
    stores.orders.listVersions(order.id),
    stores.orders.listEvents(order.id),
    deps.calendar.getCalendar(),
  ]);
  if (!draft) throw new Error(`Order ${order.id} has no draft`);
  const partyNames = await loadPartyNames(deps.directory, [
    findOrderEventActor(
      { type: 'created' },
      describeUser({ userId: order.ownerUserId }),
      order,
      deps.catalogue,
    ),
    ...events.map((e) => findOrderEventActor(e, e.actor, order, deps.catalogue)),
  ]);
  const details: OrderDetails = {
    order,
    draft: decryptContent(deps.fieldCipher, draft.content, draftAad(order.id)),
    versions: versions.map((v) => ({ version: v.version, at: v.at })),
    events,
    deadlineFlag: classifyOrderDeadline(order, deps.clock.now(), calendar),
    partyNames,
    catalogue: deps.catalogue,
  };
  if (submitted) {
    details.submitted = decryptContent(
      deps.fieldCipher,
      submitted.content,
      versionAad(order.id, submitted.version),
    );
  }
  if (sms) details.sms = sms;
  return details;
}

/**
 * The content of the version the authority decides on (the last submitted one), decrypted; undefined
 * for an order never submitted.
 */
export async function readSubmittedContent(
  deps: Pick<OrderDeps, 'fieldCipher'>,
  stores: WorkflowStores,
  order: OrderRecord,
): Promise<OrderContentDraft | undefined> {
  const version = order.submittedVersion ?? order.version;
  const stored = await stores.orders.readVersion(order.id, version);
  return stored === undefined
    ? undefined
    : decryptContent(deps.fieldCipher, stored.content, versionAad(order.id, version));
}

/** The order as the actor sees it now, read after a use case committed. */
export async function readOrderView(deps: OrderDeps, actor: Actor, order: OrderRecord): Promise<OrderView> {
  return presentOrder(await loadOrderDetails(deps, deps.persistence.read, order), actor);
}
