import { DomainError } from '../errors.ts';
import type { MembershipStore, Organisation } from './account-stores.ts';

/** The agencies the user is an agent of, oldest membership first. */
export async function findAgencies(memberships: MembershipStore, userId: string): Promise<Organisation[]> {
  const all = await memberships.listForUser(userId);
  return all.filter((m) => m.role === 'agent' && m.organisation.kind === 'agency').map((m) => m.organisation);
}

/**
 * The agency an agent acts for: the one named, or their only one. Naming an agency the user is not an
 * agent of answers as if it did not exist.
 */
export function pickAgency(agencies: readonly Organisation[], agencyId: string | undefined): Organisation {
  if (agencyId !== undefined) {
    const named = agencies.find((agency) => agency.id === agencyId);
    if (!named) throw new DomainError('not_found', { en: 'No such agency.', zh: '没有这个代理机构。' });
    return named;
  }
  const [only, ...others] = agencies;
  if (!only) throw new DomainError('not_found', { en: 'No such agency.', zh: '没有这个代理机构。' });
  if (others.length > 0) {
    throw new DomainError(
      'validation_failed',
      {
        en: 'You are an agent of several agencies: say which one with agencyId.',
        zh: '您是多个代理机构的代理人，请用 agencyId 指明代表哪一个。',
      },
      [
        {
          in: 'body',
          path: 'agencyId',
          code: 'required',
          message: 'Required when you belong to several agencies',
        },
      ],
    );
  }
  return only;
}
