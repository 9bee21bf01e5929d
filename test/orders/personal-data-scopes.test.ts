import { describe, expect, it } from 'vitest';
import { canSeePersonalData, listPersonalDataScopes } from '../../src/app/orders/present-order.ts';
import { isOrderInScope, type OrderAccessFacts } from '../../src/domain/policy/order-access.ts';
import { actors, OTHER_PROVIDER, PROVIDER } from './order-test-kit.ts';

/**
 * The slices a name search may match in (listPersonalDataScopes) are the orders whose names the actor
 * sees unmasked (canSeePersonalData): never one more, or a search would confirm a masked name.
 */

const base: OrderAccessFacts = {
  ownerUserId: actors.applicant.userId,
  clientUserIds: [],
  providerOrgId: PROVIDER,
  provinceCode: '11',
  status: 'authority_review',
  authorityMode: 'sandbox',
  hasBeenSubmitted: true,
  hasReachedAuthority: true,
};

const orders: Record<string, OrderAccessFacts> = {
  submitted: base,
  draft: { ...base, status: 'draft', hasBeenSubmitted: false, hasReachedAuthority: false },
  otherProvider: { ...base, providerOrgId: OTHER_PROVIDER },
  guangdong: { ...base, provinceCode: '44' },
  recorded: { ...base, authorityMode: 'recorded' },
  agentForClient: {
    ...base,
    ownerUserId: actors.agent.userId,
    agentOrgId: '50',
    clientUserIds: [actors.client.userId],
  },
};

describe('the slices a name search matches in', () => {
  for (const [actorName, actor] of Object.entries(actors)) {
    for (const [orderName, facts] of Object.entries(orders)) {
      it(`${actorName} on the ${orderName} order`, () => {
        const inSlice = listPersonalDataScopes(actor).some((scope) => isOrderInScope(scope, facts));
        expect(inSlice).toBe(canSeePersonalData(actor, facts));
      });
    }
  }
});
