import type { Actor } from '../../domain/policy/order-access.ts';
import { DomainError } from '../errors.ts';
import { maskName } from '../orders/mask-personal-data.ts';
import type { PeopleDirectory } from '../orders/order-deps.ts';
import { canManageProvider } from './instance-access.ts';

export interface FindCustomerInput {
  actor: Actor;
  /** The customer's sign-in e-mail address, exactly (case and surrounding spaces aside). */
  email: string;
}

export interface CustomerView {
  userId: string;
  /** Lower case, as the account has it. */
  email: string;
  /** Masked (王*): enough to confirm the account, nothing more. */
  maskedName: string;
}

/**
 * The customer account with this e-mail address, for a provider administrator registering an
 * instance. Only enabled customer accounts (applicants and agents) are found, by the whole address:
 * no partial matches, nothing about staff or disabled accounts, and an unknown address answers
 * exactly like those, so the lookup lists nobody. Errors: forbidden (not a provider or platform administrator),
 * not_found (customer_not_found).
 */
export async function findCustomer(
  deps: { directory: PeopleDirectory },
  input: FindCustomerInput,
): Promise<CustomerView> {
  const { actor } = input;
  const isAdmin =
    actor.roles.includes('platform_admin') ||
    (actor.providerOrgId !== undefined && canManageProvider(actor, actor.providerOrgId));
  if (!isAdmin) {
    throw new DomainError('forbidden', {
      en: "Only the provider's administrators look up customer accounts.",
      zh: '只有接入商的管理员可以查找客户账号。',
    });
  }
  const email = input.email.trim().toLowerCase();
  const customer = email === '' ? undefined : await deps.directory.findCustomerByEmail(email);
  if (!customer) {
    throw new DomainError('customer_not_found', {
      en: 'No customer account uses this e-mail address. Ask the customer to sign up, or check the address.',
      zh: '没有使用此邮箱的客户账号。请客户先注册，或核对邮箱地址。',
    });
  }
  return { userId: customer.userId, email: customer.email, maskedName: maskName(customer.name) };
}
