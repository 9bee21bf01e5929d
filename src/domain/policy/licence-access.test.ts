import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LICENCE_COMMAND_KINDS } from '../licence/licence-command.ts';
import {
  canPerformOnLicence,
  canViewLicence,
  checkLicenceAccess,
  isLicenceDecider,
  isLicenceInScope,
  type LicenceAccessFacts,
  type LicenceAction,
  listLicenceScopes,
} from './licence-access.ts';
import { type AccessDecision, type Actor, ROLES } from './order-access.ts';

const applicant: Actor = { userId: 'u-applicant', roles: ['applicant'], organisationIds: [] };
const otherApplicant: Actor = { userId: 'u-other', roles: ['applicant'], organisationIds: [] };
const agent: Actor = { userId: 'u-agent', roles: ['agent'], organisationIds: ['agency-1'] };
const agentColleague: Actor = { userId: 'u-agent-2', roles: ['agent'], organisationIds: ['agency-1'] };
const otherAgent: Actor = { userId: 'u-agent-3', roles: ['agent'], organisationIds: ['agency-2'] };
const client: Actor = { userId: 'u-client', roles: ['applicant'], organisationIds: [] };
const providerReviewer: Actor = {
  userId: 'u-rev',
  roles: ['provider_reviewer'],
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

const provincial: LicenceAccessFacts = {
  applicantUserId: 'u-applicant',
  clientUserIds: [],
  scope: 'provincial',
  provinceCode: '11',
  authorityMode: 'sandbox',
  hasBeenSubmitted: true,
};
const draft: LicenceAccessFacts = { ...provincial, hasBeenSubmitted: false };
const crossRegional: LicenceAccessFacts = { ...provincial, scope: 'cross_regional' };
const recorded: LicenceAccessFacts = { ...provincial, authorityMode: 'recorded' };
const byAgency: LicenceAccessFacts = {
  ...provincial,
  applicantUserId: 'u-agent',
  agentOrgId: 'agency-1',
  clientUserIds: ['u-client'],
};

describe('checkLicenceAccess', () => {
  it.each<[string, Actor, LicenceAccessFacts, LicenceAction, AccessDecision]>([
    ['the applicant edits the draft', applicant, draft, 'edit', 'allowed'],
    ['the applicant submits', applicant, draft, 'submit', 'allowed'],
    ['another applicant cannot see it', otherApplicant, provincial, 'submit', 'not_found'],
    ['the province’s authority does not see a draft', beijingAuthority, draft, 'accept', 'not_found'],
    ['the province’s authority accepts once submitted', beijingAuthority, provincial, 'accept', 'allowed'],
    ['the province’s authority cannot edit', beijingAuthority, provincial, 'edit', 'forbidden'],
    ['another province’s authority cannot see it', shanghaiAuthority, provincial, 'accept', 'not_found'],
    ['the applicant cannot approve in the sandbox', applicant, provincial, 'approve', 'forbidden'],
    ['the applicant records the real authority’s approval', applicant, recorded, 'approve', 'allowed'],
    ['no authority sees a recorded application', beijingAuthority, recorded, 'accept', 'not_found'],
    [
      'a provincial authority does not see a cross-regional one',
      beijingAuthority,
      crossRegional,
      'accept',
      'not_found',
    ],
    ['a platform administrator decides for MIIT', platformAdmin, crossRegional, 'approve', 'allowed'],
    [
      'a platform administrator does not decide a provincial one',
      platformAdmin,
      provincial,
      'approve',
      'forbidden',
    ],
    ['a provider reviewer has no part in licences', providerReviewer, provincial, 'accept', 'not_found'],
    ['the agency’s agent edits', agent, byAgency, 'edit', 'allowed'],
    ['a colleague in the agency withdraws', agentColleague, byAgency, 'withdraw', 'allowed'],
    ['another agency cannot see it', otherAgent, byAgency, 'edit', 'not_found'],
    ['the client sees but does not edit', client, byAgency, 'edit', 'forbidden'],
    ['the client records its annual report', client, byAgency, 'record_obligation', 'allowed'],
    ['the applicant records its annual report', applicant, provincial, 'record_obligation', 'allowed'],
    [
      'the authority does not record the holder’s duties',
      beijingAuthority,
      provincial,
      'record_obligation',
      'forbidden',
    ],
  ])('%s', (_name, actor, facts, action, expected) => {
    expect(checkLicenceAccess(actor, facts, action)).toBe(expected);
  });

  it('names the decider of each application', () => {
    expect(isLicenceDecider(beijingAuthority, provincial)).toBe(true);
    expect(isLicenceDecider(platformAdmin, crossRegional)).toBe(true);
    expect(isLicenceDecider(applicant, recorded)).toBe(true);
    expect(isLicenceDecider(applicant, provincial)).toBe(false);
  });
});

const actorArbitrary: fc.Arbitrary<Actor> = fc.record({
  userId: fc.constantFrom('u-applicant', 'u-agent', 'u-client', 'u-x'),
  roles: fc.subarray([...ROLES], { minLength: 1 }),
  organisationIds: fc.subarray(['agency-1', 'agency-2', 'ca-11']),
  authorityProvinceCode: fc.constantFrom('11', '31'),
});

const factsArbitrary: fc.Arbitrary<LicenceAccessFacts> = fc.record({
  applicantUserId: fc.constantFrom('u-applicant', 'u-agent'),
  agentOrgId: fc.constantFrom('agency-1', 'agency-2'),
  clientUserIds: fc.subarray(['u-client']),
  scope: fc.constantFrom('provincial', 'cross_regional'),
  provinceCode: fc.constantFrom('11', '31'),
  authorityMode: fc.constantFrom('sandbox', 'recorded'),
  hasBeenSubmitted: fc.boolean(),
});

const actions: LicenceAction[] = [...LICENCE_COMMAND_KINDS, 'edit', 'record_obligation'];

describe('licence access properties', () => {
  it('answers not_found exactly when the actor cannot see the application, and acts only on what it sees', () => {
    fc.assert(
      fc.property(actorArbitrary, factsArbitrary, fc.constantFrom(...actions), (actor, facts, action) => {
        const decision = checkLicenceAccess(actor, facts, action);
        expect(decision === 'not_found').toBe(!canViewLicence(actor, facts));
        if (canPerformOnLicence(actor, facts, action)) expect(decision).toBe('allowed');
      }),
    );
  });

  it('lists exactly the scopes that make an application visible', () => {
    fc.assert(
      fc.property(actorArbitrary, factsArbitrary, (actor, facts) => {
        const visible = listLicenceScopes(actor).some((scope) => isLicenceInScope(scope, facts));
        expect(visible).toBe(canViewLicence(actor, facts));
      }),
    );
  });
});
