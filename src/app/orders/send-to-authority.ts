import type { Actor } from '../../domain/policy/order-access.ts';
import { readOrderView } from './load-order-details.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderView } from './present-order.ts';
import { runOrderCommand } from './run-order-command.ts';

export interface SendToAuthorityInput {
  actor: Actor;
  orderId: number;
}

/**
 * A provider reviewer sends the order to the authority. With the sandbox authority and an order type
 * that has an SMS check, this opens the SMS challenge: a 6-digit code (stored hashed, valid 24 h,
 * 5 attempts) delivered to the applicant's inbox and mailed to the entity leader and/or service
 * admin. Cancel access, and recorded mode (the real MIIT texts), go straight to authority review.
 * Errors: not_found, conflict (invalid_transition).
 */
export async function sendToAuthority(
  deps: OrderDeps,
  input: SendToAuthorityInput,
): Promise<{ order: OrderView }> {
  const result = await runOrderCommand(deps, {
    actor: input.actor,
    orderId: input.orderId,
    action: 'send_to_authority',
    buildCommand: () => ({ kind: 'send_to_authority' }),
  });
  return { order: await readOrderView(deps, input.actor, result.order) };
}
