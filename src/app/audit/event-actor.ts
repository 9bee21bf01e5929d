import type { Localized } from '../../domain/shared/localized.ts';
import { maskName } from '../orders/mask-personal-data.ts';
import { parseActorLabel } from './actor-label.ts';

/**
 * Who did each step of an order's or a licence application's history, as its timeline shows it: the
 * person's display name, the part they played in that step and the organisation they acted for. The
 * events store only "user:<id>" (actor-label.ts); the part is read from the event's type and the
 * record's parties, which the access policy ties together (only a provider's reviewers return an
 * order, only the province's authority reviewers decide it in the sandbox …). E-mail addresses are
 * never shown: the other parties see a name, not a way to reach the person outside the platform.
 * A viewer who sees the record's personal data masked (provider and platform administrators) sees the
 * filer's side masked too, as the content masks names (王小明 → 王**); staff names stay.
 */

export type EventActorRole =
  | 'applicant'
  | 'agent'
  | 'provider_reviewer'
  | 'authority_reviewer'
  | 'platform_admin';

export interface EventActorView {
  kind: 'user' | 'system';
  userId?: string;
  /** The person's display name; absent for the system and for an account that no longer exists. */
  name?: string;
  /** The part the person played in this step. */
  role?: EventActorRole;
  /** The organisation the person acted for: the access provider, the authority, the agency. */
  organisation?: Localized;
  /** The authority's province (two-digit code), for authority reviewers. */
  provinceCode?: string;
  /** An agent's client: the entity or company filed for, else the client's account name. */
  onBehalfOf?: string;
}

/** Who acted, before the names are looked up. */
export interface EventActorFacts {
  label: string;
  role: EventActorRole;
  organisationId?: string;
  /** A name known without the directory (an authority from the catalogue). */
  organisation?: Localized;
  provinceCode?: string;
  /** The client's account, named when the record does not name the entity or company. */
  onBehalfOfUserId?: string;
  /** The entity or company filed for, as the record names it to the viewer (already masked for them). */
  onBehalfOf?: string;
}

export interface EventActorOptions {
  /** The viewer sees the record's personal data masked: applicants' and agents' names are masked too. */
  masked: boolean;
}

/** The filer's side: people named from their own accounts, not staff acting for an organisation. */
const FILER_ROLES: ReadonlySet<EventActorRole> = new Set(['applicant', 'agent']);

/** Display names from the accounts slice; never e-mail addresses. Called outside transactions only. */
export interface PartyNameDirectory {
  /** Users' display names; unknown ids are left out. */
  findUserNames(userIds: readonly string[]): Promise<{ userId: string; name: string }[]>;
  /** Organisations' names; unknown ids are left out. */
  findOrganisationNames(organisationIds: readonly string[]): Promise<{ id: string; name: Localized }[]>;
}

export interface PartyNames {
  users: ReadonlyMap<string, string>;
  organisations: ReadonlyMap<string, Localized>;
}

export const NO_PARTY_NAMES: PartyNames = { users: new Map(), organisations: new Map() };

/** Looks up, in two queries, every name the actors of a history need. */
export async function loadPartyNames(
  directory: PartyNameDirectory,
  actors: readonly EventActorFacts[],
): Promise<PartyNames> {
  const userIds = new Set<string>();
  const organisationIds = new Set<string>();
  for (const actor of actors) {
    const parsed = parseActorLabel(actor.label);
    if (parsed.kind === 'user') userIds.add(parsed.userId);
    if (actor.onBehalfOfUserId !== undefined) userIds.add(actor.onBehalfOfUserId);
    if (actor.organisationId !== undefined) organisationIds.add(actor.organisationId);
  }
  const [users, organisations] = await Promise.all([
    userIds.size === 0 ? [] : directory.findUserNames([...userIds]),
    organisationIds.size === 0 ? [] : directory.findOrganisationNames([...organisationIds]),
  ]);
  return {
    users: new Map(users.map((u) => [u.userId, u.name])),
    organisations: new Map(organisations.map((o) => [o.id, o.name])),
  };
}

/**
 * The actor of one event as the timeline shows it. With `masked`, the applicant's and the agent's
 * names, and the client's account name an agent acted for, are masked as the content masks names.
 */
export function presentEventActor(
  facts: EventActorFacts,
  names: PartyNames,
  options: EventActorOptions,
): EventActorView {
  const parsed = parseActorLabel(facts.label);
  if (parsed.kind === 'system') return { kind: 'system' };
  const view: EventActorView = { kind: 'user', userId: parsed.userId, role: facts.role };
  const personName = (text: string) =>
    options.masked && FILER_ROLES.has(facts.role) ? maskName(text) : text;
  const name = names.users.get(parsed.userId)?.trim();
  if (name) view.name = personName(name);
  const organisation =
    facts.organisation ??
    (facts.organisationId === undefined ? undefined : names.organisations.get(facts.organisationId));
  if (organisation) view.organisation = organisation;
  if (facts.provinceCode !== undefined) view.provinceCode = facts.provinceCode;
  if (facts.role === 'agent') {
    const account =
      facts.onBehalfOfUserId === undefined ? undefined : names.users.get(facts.onBehalfOfUserId)?.trim();
    const client = facts.onBehalfOf?.trim() || (account ? personName(account) : undefined);
    if (client) view.onBehalfOf = client;
  }
  return view;
}
