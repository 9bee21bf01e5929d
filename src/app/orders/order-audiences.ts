import type { NotificationAudience } from '../../domain/workflow/order-outcome.ts';
import type { Addressee, PeopleDirectory } from './order-deps.ts';
import type { OrderRecord } from './order-store.ts';

export type OrderAudiences = Readonly<Record<NotificationAudience, readonly Addressee[]>>;

/**
 * Everyone an order's notifications may reach, read before the transaction (the directory is another
 * port; on SQLite nothing else may use the database while a transaction runs). The owner and the
 * client always get inbox messages, even when the directory does not know their address.
 */
export async function loadOrderAudiences(
  directory: PeopleDirectory,
  order: Pick<
    OrderRecord,
    'ownerUserId' | 'clientUserId' | 'providerOrgId' | 'provinceCode' | 'authorityMode'
  >,
): Promise<OrderAudiences> {
  const applicantIds = [order.ownerUserId, ...(order.clientUserId === undefined ? [] : [order.clientUserId])];
  const [known, provider, authority] = await Promise.all([
    directory.findUsers(applicantIds),
    directory.listProviderReviewers(order.providerOrgId),
    order.authorityMode === 'sandbox' ? directory.listAuthorityReviewers(order.provinceCode) : [],
  ]);
  const applicant = applicantIds.map((userId) => known.find((a) => a.userId === userId) ?? { userId });
  return { applicant, provider, authority };
}
