import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { listInbox } from '../../src/app/notifications/list-inbox.ts';
import { approveAsAuthority } from '../../src/app/orders/approve-as-authority.ts';
import { approveAsProvider } from '../../src/app/orders/approve-as-provider.ts';
import { type CreateOrderInput, createOrder } from '../../src/app/orders/create-order.ts';
import {
  type Addressee,
  cryptoRandom,
  type OrderDeps,
  type PeopleDirectory,
} from '../../src/app/orders/order-deps.ts';
import { recordIdentityVerification } from '../../src/app/orders/record-identity-verification.ts';
import { saveDraft } from '../../src/app/orders/save-draft.ts';
import { sendToAuthority } from '../../src/app/orders/send-to-authority.ts';
import { startProviderReview } from '../../src/app/orders/start-provider-review.ts';
import { submitOrder } from '../../src/app/orders/submit-order.ts';
import { submitSmsCode } from '../../src/app/orders/submit-sms-code.ts';
import type { Clock } from '../../src/app/ports.ts';
import { createInstance } from '../../src/app/providers/create-instance.ts';
import { issueServiceCode } from '../../src/app/providers/issue-service-code.ts';
import { createWorkingDayCalendar } from '../../src/domain/calendar/working-day-calendar.ts';
import { defaultCatalogue } from '../../src/domain/catalogue/default-catalogue.ts';
import type { OrderContentDraft } from '../../src/domain/order-content/order-content.ts';
import type { Actor } from '../../src/domain/policy/order-access.ts';
import type { AuthorityMode } from '../../src/domain/workflow/order-snapshot.ts';
import { createFieldCipher, deriveDataKeys, type FieldCipher } from '../../src/infra/crypto/envelope.ts';
import type { Database } from '../../src/infra/db/database.ts';
import { createWorkflowPersistence } from '../../src/infra/db/repositories/order-repository.ts';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(instant: string | Date): void {
    this.current = new Date(instant);
  }
  advanceHours(hours: number): void {
    this.current = new Date(this.current.getTime() + hours * 3_600_000);
  }
}

/** The people of the tests' little world, with their inboxes' addresses. */
export class TestDirectory implements PeopleDirectory {
  readonly users = new Map<string, Addressee>();
  readonly providerReviewers = new Map<string, string[]>();
  readonly authorityReviewers = new Map<string, string[]>();
  readonly clients = new Set<string>();

  /** Organisations' names by id; a user's display name is "User <id>". */
  readonly organisationNames = new Map<string, { en: string; zh: string }>();

  async findUserNames(userIds: readonly string[]): Promise<{ userId: string; name: string }[]> {
    return userIds.filter((id) => this.users.has(id)).map((userId) => ({ userId, name: `User ${userId}` }));
  }
  async findOrganisationNames(
    ids: readonly string[],
  ): Promise<{ id: string; name: { en: string; zh: string } }[]> {
    return ids.flatMap((id) => {
      const name = this.organisationNames.get(id);
      return name ? [{ id, name }] : [];
    });
  }
  async findUsers(userIds: readonly string[]): Promise<Addressee[]> {
    return userIds.flatMap((id) => {
      const user = this.users.get(id);
      return user ? [user] : [];
    });
  }
  async listProviderReviewers(providerOrgId: string): Promise<Addressee[]> {
    return this.findUsers(this.providerReviewers.get(providerOrgId) ?? []);
  }
  async listAuthorityReviewers(provinceCode: string): Promise<Addressee[]> {
    return this.findUsers(this.authorityReviewers.get(provinceCode) ?? []);
  }
  async isAgencyClient(agentOrgId: string, clientUserId: string): Promise<boolean> {
    return this.clients.has(`${agentOrgId}:${clientUserId}`);
  }
  async findCustomerByEmail(email: string) {
    const staff = new Set([...this.providerReviewers.values(), ...this.authorityReviewers.values()].flat());
    const found = [...this.users.values()].find((user) => user.email === email && !staff.has(user.userId));
    return found?.email === undefined ? undefined : { userId: found.userId, email: found.email, name: '' };
  }
}

export const PROVIDER = '20';
export const OTHER_PROVIDER = '30';

export const actors = {
  applicant: { userId: '101', roles: ['applicant'], organisationIds: [] },
  otherApplicant: { userId: '102', roles: ['applicant'], organisationIds: [] },
  agent: { userId: '111', roles: ['agent'], organisationIds: ['50'] },
  client: { userId: '112', roles: ['applicant'], organisationIds: [] },
  providerReviewer: {
    userId: '201',
    roles: ['provider_reviewer'],
    organisationIds: [PROVIDER],
    providerOrgId: PROVIDER,
  },
  providerAdmin: {
    userId: '202',
    roles: ['provider_admin'],
    organisationIds: [PROVIDER],
    providerOrgId: PROVIDER,
  },
  otherProviderReviewer: {
    userId: '211',
    roles: ['provider_reviewer'],
    organisationIds: [OTHER_PROVIDER],
    providerOrgId: OTHER_PROVIDER,
  },
  otherProviderAdmin: {
    userId: '212',
    roles: ['provider_admin'],
    organisationIds: [OTHER_PROVIDER],
    providerOrgId: OTHER_PROVIDER,
  },
  beijingAuthority: {
    userId: '301',
    roles: ['authority_reviewer'],
    organisationIds: ['61'],
    authorityProvinceCode: '11',
  },
  guangdongAuthority: {
    userId: '302',
    roles: ['authority_reviewer'],
    organisationIds: ['64'],
    authorityProvinceCode: '44',
  },
  platformAdmin: { userId: '401', roles: ['platform_admin'], organisationIds: ['1'] },
} satisfies Record<string, Actor>;

/** Monday 2 March 2026, 10:00 in Beijing: a working day. */
export const START = '2026-03-02T02:00:00.000Z';

export interface OrderKit {
  deps: OrderDeps;
  clock: TestClock;
  directory: TestDirectory;
  cipher: FieldCipher;
}

export function createOrderKit(db: Database, options: { authorityMode?: AuthorityMode } = {}): OrderKit {
  const clock = new TestClock(new Date(START));
  const calendar = createWorkingDayCalendar();
  const cipher = createFieldCipher(deriveDataKeys(randomBytes(32)));
  const directory = new TestDirectory();
  for (const actor of Object.values(actors)) {
    directory.users.set(actor.userId, { userId: actor.userId, email: `user${actor.userId}@openbeian.test` });
  }
  directory.providerReviewers.set(PROVIDER, [actors.providerReviewer.userId]);
  directory.providerReviewers.set(OTHER_PROVIDER, [actors.otherProviderReviewer.userId]);
  directory.authorityReviewers.set('11', [actors.beijingAuthority.userId]);
  directory.authorityReviewers.set('44', [actors.guangdongAuthority.userId]);
  directory.clients.add(`50:${actors.client.userId}`);
  const deps: OrderDeps = {
    persistence: createWorkflowPersistence(db),
    clock,
    calendar: { getCalendar: async () => calendar },
    catalogue: defaultCatalogue,
    fieldCipher: cipher,
    random: cryptoRandom,
    directory,
    ...(options.authorityMode === undefined ? {} : { authorityMode: options.authorityMode }),
  };
  return { deps, clock, directory, cipher };
}

/** An eligible instance of `provider` held by `owner`, with `codes` service codes issued. */
export async function provisionInstance(
  kit: OrderKit,
  owner: Actor,
  options: { codes?: number; provider?: 'main' | 'other'; province?: string } = {},
): Promise<{ instanceId: number; codes: string[] }> {
  const admin = options.provider === 'other' ? actors.otherProviderAdmin : actors.providerAdmin;
  const instance = await createInstance(kit.deps, {
    actor: admin,
    ownerUserId: owner.userId,
    name: 'web-1',
    region: 'cn-beijing',
    province: options.province ?? '11',
    publicIp: '106.14.10.20',
    subscriptionStart: '2026-01-01',
    subscriptionEnd: '2026-12-31',
  });
  const codes: string[] = [];
  for (let i = 0; i < (options.codes ?? 1); i += 1) {
    codes.push((await issueServiceCode(kit.deps, { actor: owner, instanceId: instance.id })).code.code);
  }
  return { instanceId: instance.id, codes };
}

/** The content with each service's access pointing at the instance and its codes. */
export function withAccess(
  content: OrderContentDraft,
  instanceId: number,
  codes: readonly string[],
): OrderContentDraft {
  return {
    ...content,
    services: (content.services ?? []).map((service, index) => ({
      ...service,
      access: {
        ...service.access,
        instanceId: String(instanceId),
        serviceCode: codes[index] ?? '',
        ipAddresses: ['106.14.10.20'],
      },
    })),
  };
}

/** The SMS code of the order as the applicant's inbox shows it. */
export async function readSmsCode(kit: OrderKit, actor: Actor, orderId: number): Promise<string> {
  const inbox = await listInbox(kit.deps, { actor, limit: 100 });
  const message = inbox.messages.find((m) => m.kind === 'sms_code' && m.orderId === orderId);
  const code = /verification code of order \S+ is (\d{6})/u.exec(message?.body.en ?? '')?.[1];
  if (code === undefined) throw new Error(`No SMS code for order ${orderId} in ${actor.userId}'s inbox`);
  return code;
}

export function wrongCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

export interface JourneyOptions {
  owner: Actor;
  create: Omit<CreateOrderInput, 'actor'>;
  content: OrderContentDraft;
  reviewer?: Actor;
  authority?: Actor;
}

/** Creates, saves, submits and takes an order through provider review and identity verification. */
export async function bringToAuthority(kit: OrderKit, options: JourneyOptions): Promise<number> {
  const reviewer = options.reviewer ?? actors.providerReviewer;
  const { order } = await createOrder(kit.deps, { actor: options.owner, ...options.create });
  await saveDraft(kit.deps, { actor: options.owner, orderId: order.id, content: options.content });
  await submitOrder(kit.deps, { actor: options.owner, orderId: order.id });
  await startProviderReview(kit.deps, { actor: reviewer, orderId: order.id });
  await approveAsProvider(kit.deps, { actor: reviewer, orderId: order.id });
  await recordIdentityVerification(kit.deps, { actor: reviewer, orderId: order.id, result: 'passed' });
  const sent = await sendToAuthority(kit.deps, { actor: reviewer, orderId: order.id });
  if (sent.order.status === 'sms_verification') {
    const code = await readSmsCode(kit, options.owner, order.id);
    const answer = await submitSmsCode(kit.deps, { actor: options.owner, orderId: order.id, code });
    expect(answer.accepted).toBe(true);
  }
  return order.id;
}

/** bringToAuthority, then the sandbox authority's approval. */
export async function fileToApproval(kit: OrderKit, options: JourneyOptions) {
  const orderId = await bringToAuthority(kit, options);
  return approveAsAuthority(kit.deps, { actor: options.authority ?? actors.beijingAuthority, orderId });
}
