import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORDER_COMMAND_KINDS } from '../workflow/order-command.ts';
import { ORDER_STATUSES } from '../workflow/order-status.ts';
import {
  type AccessDecision,
  type Actor,
  canPerform,
  canViewOrder,
  checkOrderAccess,
  isOrderInScope,
  listOrderScopes,
  type OrderAccessFacts,
  type OrderAction,
  ROLES,
} from './order-access.ts';

const applicant: Actor = { userId: 'u-applicant', roles: ['applicant'], organisationIds: [] };
const otherApplicant: Actor = { userId: 'u-other', roles: ['applicant'], organisationIds: [] };
const agent: Actor = { userId: 'u-agent', roles: ['agent'], organisationIds: ['agency-1'] };
const agentColleague: Actor = { userId: 'u-agent-2', roles: ['agent'], organisationIds: ['agency-1'] };
const otherAgent: Actor = { userId: 'u-agent-3', roles: ['agent'], organisationIds: ['agency-2'] };
const client: Actor = { userId: 'u-client', roles: ['applicant'], organisationIds: ['client-org'] };
const reviewer: Actor = {
  userId: 'u-rev',
  roles: ['provider_reviewer'],
  organisationIds: ['prov-1'],
  providerOrgId: 'prov-1',
};
const otherReviewer: Actor = {
  userId: 'u-rev-2',
  roles: ['provider_reviewer'],
  organisationIds: ['prov-2'],
  providerOrgId: 'prov-2',
};
const providerAdmin: Actor = {
  userId: 'u-padmin',
  roles: ['provider_admin'],
  organisationIds: ['prov-1'],
  providerOrgId: 'prov-1',
};
const beijingAuthority: Actor = {
  userId: 'u-ca-bj',
  roles: ['authority_reviewer'],
  organisationIds: ['ca-11'],
  authorityProvinceCode: '11',
};
const shanghaiAuthority: Actor = {
  userId: 'u-ca-sh',
  roles: ['authority_reviewer'],
  organisationIds: ['ca-31'],
  authorityProvinceCode: '31',
};
const platformAdmin: Actor = { userId: 'u-admin', roles: ['platform_admin'], organisationIds: [] };

const order: OrderAccessFacts = {
  ownerUserId: 'u-applicant',
  clientUserIds: [],
  providerOrgId: 'prov-1',
  provinceCode: '11',
  status: 'authority_review',
  authorityMode: 'sandbox',
  hasBeenSubmitted: true,
  hasReachedAuthority: true,
};

const agencyOrder: OrderAccessFacts = {
  ...order,
  ownerUserId: 'u-agent',
  agentOrgId: 'agency-1',
  clientUserIds: ['u-client'],
};

const FILER: OrderAction[] = ['edit', 'submit', 'withdraw', 'submit_sms_code'];
const PROVIDER: OrderAction[] = [
  'start_provider_review',
  'return_by_provider',
  'approve_by_provider',
  'record_identity_verification',
  'send_to_authority',
  'expire_sms',
];
const AUTHORITY: OrderAction[] = ['approve_by_authority', 'reject_by_authority'];
const ALL_ACTIONS: OrderAction[] = ['edit', ...ORDER_COMMAND_KINDS];

/** The expected answer for every action: `allowed` ones pass, the rest get `fallback`. */
function decisions(allowed: OrderAction[], fallback: AccessDecision) {
  return Object.fromEntries(ALL_ACTIONS.map((a) => [a, allowed.includes(a) ? 'allowed' : fallback]));
}

describe('checkOrderAccess: who may do what (sandbox order in authority review)', () => {
  it.each<[string, Actor, OrderAccessFacts, OrderAction[], AccessDecision]>([
    ['the owner files', applicant, order, FILER, 'forbidden'],
    ['another applicant sees nothing', otherApplicant, order, [], 'not_found'],
    ['the provider’s reviewer reviews', reviewer, order, PROVIDER, 'forbidden'],
    ['another provider sees nothing', otherReviewer, order, [], 'not_found'],
    ['the provider admin only views', providerAdmin, order, [], 'forbidden'],
    ['the province’s authority decides', beijingAuthority, order, AUTHORITY, 'forbidden'],
    ['another province’s authority sees nothing', shanghaiAuthority, order, [], 'not_found'],
    ['the platform admin only views', platformAdmin, order, [], 'forbidden'],
    ['the filing agent files', agent, agencyOrder, FILER, 'forbidden'],
    ['a colleague at the agency files too', agentColleague, agencyOrder, FILER, 'forbidden'],
    ['another agency sees nothing', otherAgent, agencyOrder, [], 'not_found'],
    ['the client sees all and enters the SMS code', client, agencyOrder, ['submit_sms_code'], 'forbidden'],
  ])('%s', (_name, actor, facts, allowed, fallback) => {
    const answers = Object.fromEntries(ALL_ACTIONS.map((a) => [a, checkOrderAccess(actor, facts, a)]));
    expect(answers).toEqual(decisions(allowed, fallback));
  });

  it('gives the authority’s decision to the provider’s reviewer in recorded mode', () => {
    const recorded = { ...order, authorityMode: 'recorded' as const };
    for (const action of AUTHORITY) {
      expect(checkOrderAccess(reviewer, recorded, action)).toBe('allowed');
      expect(checkOrderAccess(beijingAuthority, recorded, action)).toBe('not_found');
    }
  });

  it('keeps a draft private to its filer', () => {
    const draft = { ...order, status: 'draft' as const, hasBeenSubmitted: false, hasReachedAuthority: false };
    expect(canViewOrder(applicant, draft)).toBe(true);
    expect(canViewOrder(reviewer, draft)).toBe(false);
    expect(canViewOrder(beijingAuthority, draft)).toBe(false);
    expect(canViewOrder(platformAdmin, draft)).toBe(true);
  });

  it('shows the sandbox authority an order once it was sent, also after a rejection and resubmission', () => {
    const inProviderReview = { ...order, status: 'provider_review' as const, hasReachedAuthority: false };
    expect(canViewOrder(beijingAuthority, inProviderReview)).toBe(false);
    expect(canViewOrder(beijingAuthority, { ...inProviderReview, hasReachedAuthority: true })).toBe(true);
  });

  it('needs the applicant or agent role for the owner to act', () => {
    const reviewerOwningOrder = { ...order, ownerUserId: reviewer.userId, providerOrgId: 'prov-2' };
    expect(canViewOrder(reviewer, reviewerOwningOrder)).toBe(true);
    expect(canPerform(reviewer, reviewerOwningOrder, 'submit')).toBe(false);
  });
});

describe('listOrderScopes', () => {
  it('describes each actor’s visible orders for a repository query', () => {
    expect(listOrderScopes(platformAdmin)).toEqual([{ kind: 'all' }]);
    expect(listOrderScopes(agent)).toEqual([
      { kind: 'owner', userId: 'u-agent' },
      { kind: 'client', userId: 'u-agent' },
      { kind: 'agency', organisationIds: ['agency-1'] },
    ]);
    expect(listOrderScopes(reviewer)).toContainEqual({ kind: 'provider', providerOrgId: 'prov-1' });
    expect(listOrderScopes(beijingAuthority)).toContainEqual({ kind: 'authority', provinceCode: '11' });
    expect(
      isOrderInScope({ kind: 'provider', providerOrgId: 'prov-1' }, { ...order, hasBeenSubmitted: false }),
    ).toBe(false);
  });
});

describe('order access properties', () => {
  const ids = fc.constantFrom('a', 'b', 'c');
  const actorArb: fc.Arbitrary<Actor> = fc.record(
    {
      userId: ids,
      roles: fc.subarray([...ROLES]),
      organisationIds: fc.subarray(['a', 'b', 'c']),
      providerOrgId: ids,
      authorityProvinceCode: fc.constantFrom('11', '31'),
    },
    { requiredKeys: ['userId', 'roles', 'organisationIds'] },
  );
  const factsArb: fc.Arbitrary<OrderAccessFacts> = fc.record(
    {
      ownerUserId: ids,
      agentOrgId: ids,
      clientUserIds: fc.subarray(['a', 'b', 'c']),
      providerOrgId: ids,
      provinceCode: fc.constantFrom('11', '31'),
      status: fc.constantFrom(...ORDER_STATUSES),
      authorityMode: fc.constantFrom('sandbox' as const, 'recorded' as const),
      hasBeenSubmitted: fc.boolean(),
      hasReachedAuthority: fc.boolean(),
    },
    {
      requiredKeys: [
        'ownerUserId',
        'clientUserIds',
        'providerOrgId',
        'provinceCode',
        'status',
        'authorityMode',
        'hasBeenSubmitted',
        'hasReachedAuthority',
      ],
    },
  );

  it('answers not_found exactly when the actor cannot see the order, and acting implies seeing', () => {
    fc.assert(
      fc.property(actorArb, factsArb, fc.constantFrom(...ALL_ACTIONS), (actor, facts, action) => {
        const visible = canViewOrder(actor, facts);
        const decision = checkOrderAccess(actor, facts, action);
        expect(decision === 'not_found').toBe(!visible);
        if (canPerform(actor, facts, action)) expect(visible).toBe(true);
        expect(decision === 'allowed').toBe(canPerform(actor, facts, action));
        expect(visible).toBe(listOrderScopes(actor).some((scope) => isOrderInScope(scope, facts)));
      }),
    );
  });

  it('lets nobody but a platform admin see an order they have no tie to', () => {
    fc.assert(
      fc.property(actorArb, factsArb, (actor, facts) => {
        const unrelated: OrderAccessFacts = {
          ...facts,
          ownerUserId: 'z',
          agentOrgId: 'z',
          clientUserIds: ['z'],
          providerOrgId: 'z',
          provinceCode: '99',
        };
        expect(canViewOrder(actor, unrelated)).toBe(actor.roles.includes('platform_admin'));
      }),
    );
  });
});
