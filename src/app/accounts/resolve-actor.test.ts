import { describe, expect, it } from 'vitest';
import type { Role } from '../../domain/policy/order-access.ts';
import type { MembershipWithOrganisation, OrganisationKind } from './account-stores.ts';
import { buildActor } from './resolve-actor.ts';

function membership(
  id: string,
  role: Role,
  organisation: { id: string; kind: OrganisationKind; provinceCode?: string },
): MembershipWithOrganisation {
  return {
    id,
    userId: '7',
    organisationId: organisation.id,
    role,
    createdAt: '2026-11-30T02:00:00.000Z',
    organisation: {
      id: organisation.id,
      kind: organisation.kind,
      nameEn: `Org ${organisation.id}`,
      nameZh: `组织${organisation.id}`,
      provinceCode: organisation.provinceCode ?? null,
      createdAt: '2026-11-30T02:00:00.000Z',
    },
  };
}

describe('buildActor', () => {
  it('makes a user without memberships an applicant', () => {
    expect(buildActor('7', [])).toEqual({ userId: '7', roles: ['applicant'], organisationIds: [] });
  });

  it.each([
    {
      name: 'agent of an agency',
      memberships: [membership('1', 'agent', { id: '10', kind: 'agency' })],
      expected: { roles: ['agent'], organisationIds: ['10'] },
    },
    {
      name: 'provider reviewer and admin of one provider',
      memberships: [
        membership('1', 'provider_reviewer', { id: '20', kind: 'access_provider' }),
        membership('2', 'provider_admin', { id: '20', kind: 'access_provider' }),
      ],
      expected: {
        roles: ['provider_reviewer', 'provider_admin'],
        organisationIds: ['20'],
        providerOrgId: '20',
      },
    },
    {
      name: 'authority reviewer',
      memberships: [
        membership('1', 'authority_reviewer', { id: '30', kind: 'authority', provinceCode: '44' }),
      ],
      expected: { roles: ['authority_reviewer'], organisationIds: ['30'], authorityProvinceCode: '44' },
    },
    {
      name: 'platform admin who is also an agent',
      memberships: [
        membership('1', 'platform_admin', { id: '1', kind: 'platform' }),
        membership('2', 'agent', { id: '10', kind: 'agency' }),
      ],
      expected: { roles: ['platform_admin', 'agent'], organisationIds: ['1', '10'] },
    },
  ])('$name', ({ memberships, expected }) => {
    expect(buildActor('7', memberships)).toEqual({ userId: '7', ...expected });
  });

  it('takes the provider and province from the oldest membership of each kind', () => {
    const actor = buildActor('7', [
      membership('1', 'provider_reviewer', { id: '20', kind: 'access_provider' }),
      membership('2', 'provider_reviewer', { id: '21', kind: 'access_provider' }),
      membership('3', 'authority_reviewer', { id: '30', kind: 'authority', provinceCode: '11' }),
      membership('4', 'authority_reviewer', { id: '31', kind: 'authority', provinceCode: '12' }),
    ]);
    expect(actor.providerOrgId).toBe('20');
    expect(actor.authorityProvinceCode).toBe('11');
  });
});
