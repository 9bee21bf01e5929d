import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { AccountServices } from '../../src/app/accounts/account-stores.ts';
import { createOrganisation } from '../../src/app/accounts/create-organisation.ts';
import { createUserAccount } from '../../src/app/accounts/create-user-account.ts';
import { ensureSandboxAuthorities } from '../../src/app/accounts/ensure-sandbox-authorities.ts';
import { cryptoRandom, type OrderDeps } from '../../src/app/orders/order-deps.ts';
import { systemClock } from '../../src/app/ports.ts';
import { createWorkingDayCalendar } from '../../src/domain/calendar/working-day-calendar.ts';
import { defaultCatalogue } from '../../src/domain/catalogue/default-catalogue.ts';
import type { OrderContentDraft } from '../../src/domain/order-content/order-content.ts';
import type { Role } from '../../src/domain/policy/order-access.ts';
import { createAccountServices } from '../../src/infra/auth/account-services.ts';
import { createPeopleDirectory } from '../../src/infra/auth/people-directory.ts';
import { createFieldCipher, deriveDataKeys } from '../../src/infra/crypto/envelope.ts';
import type { Database } from '../../src/infra/db/database.ts';
import { createWorkflowPersistence } from '../../src/infra/db/repositories/order-repository.ts';
import { createRegistryRepository } from '../../src/infra/db/repositories/registry-repository.ts';
import type { RateLimits } from '../../src/server/deps.ts';
import { readCookies } from '../accounts/accounts-test-app.ts';
import { TestClock } from '../orders/order-test-kit.ts';

export { withAccess } from '../orders/order-test-kit.ts';

import { buildTestApp, buildTestConfig, type ErrorBody, type FieldErrorBody } from '../server/test-app.ts';

/**
 * The whole platform over HTTP on one test database: accounts (better-auth sessions), the order
 * workflow with the sandbox authority, the registry, and people created through the accounts use cases
 * who sign in at POST /api/auth/sign-in/email like a browser. Everything else goes through `inject`.
 */

/** Monday 2 March 2026, 10:00 in Beijing: a working day. */
export const HTTP_START = '2026-03-02T02:00:00.000Z';
export const PASSWORD = 'correct horse battery';

const generousLimits: RateLimits = {
  publicApi: { max: 100_000, timeWindowMs: 60_000 },
  signIn: { max: 100_000, timeWindowMs: 60_000 },
  liveCheck: { max: 100_000, timeWindowMs: 60_000 },
};

export interface Person {
  userId: string;
  email: string;
  /** The Cookie header of the person's session. */
  cookie: string;
}

export interface HttpTestApp {
  app: FastifyInstance;
  accounts: AccountServices;
  orders: OrderDeps;
  clock: TestClock;
  readLogs(): string;
  close(): Promise<void>;
}

export async function buildHttpTestApp(database: Database): Promise<HttpTestApp> {
  const accounts = createAccountServices({
    database,
    secretKey: Buffer.alloc(32, 7),
    publicUrl: buildTestConfig().publicUrl,
    clock: systemClock,
  });
  await ensureSandboxAuthorities({
    stores: accounts.stores,
    catalogue: defaultCatalogue,
    clock: systemClock,
  });
  const clock = new TestClock(new Date(HTTP_START));
  const calendar = createWorkingDayCalendar();
  const orders: OrderDeps = {
    persistence: createWorkflowPersistence(database),
    clock,
    calendar: { getCalendar: async () => calendar },
    catalogue: defaultCatalogue,
    fieldCipher: createFieldCipher(deriveDataKeys(randomBytes(32))),
    random: cryptoRandom,
    directory: createPeopleDirectory(database.kysely),
    authorityMode: 'sandbox',
  };
  const { app, readLogs } = await buildTestApp({
    accounts,
    orders,
    registry: createRegistryRepository(database.kysely, database.dialect),
    rateLimits: generousLimits,
  });
  return { app, accounts, orders, clock, readLogs, close: () => app.close() };
}

export interface RequestOptions {
  cookie?: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One request as a signed-in browser (or an anonymous caller without `cookie`) would send it. */
export function send(
  test: Pick<HttpTestApp, 'app'>,
  method: Method,
  url: string,
  options: RequestOptions = {},
): Promise<LightMyRequestResponse> {
  return test.app.inject({
    method,
    url,
    headers: { ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
    ...(options.payload === undefined ? {} : { payload: options.payload as object }),
  });
}

/** The JSON answer of a request that must succeed with `status`. */
export async function call<T = Record<string, unknown>>(
  test: Pick<HttpTestApp, 'app'>,
  method: Method,
  url: string,
  options: RequestOptions & { status?: number } = {},
): Promise<T> {
  const response = await send(test, method, url, options);
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(options.status ?? 200);
  return response.json() as T;
}

/** The error of a request that must fail with `status`. */
export async function fail(
  test: Pick<HttpTestApp, 'app'>,
  method: Method,
  url: string,
  status: number,
  options: RequestOptions = {},
): Promise<ErrorBody['error']> {
  const response = await send(test, method, url, options);
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status);
  return (response.json() as ErrorBody).error;
}

export function readFieldPaths(error: ErrorBody['error']): string[] {
  return (error.details as FieldErrorBody[]).map((detail) => detail.path);
}

let counter = 0;

/** A user with the role, created as the CLI does, signed in over HTTP. */
export async function createPerson(
  test: HttpTestApp,
  role: Role,
  extra: { organisation?: string; provinceCode?: string } = {},
): Promise<Person> {
  counter += 1;
  const email = `${role.replaceAll('_', '-')}-${process.pid}-${counter}@example.test`;
  const { user } = await createUserAccount(test.accounts, {
    actorLabel: 'test',
    email,
    name: `Test ${role} ${counter}`,
    password: PASSWORD,
    role,
    ...extra,
  });
  const response = await send(test, 'POST', '/api/auth/sign-in/email', {
    payload: { email, password: PASSWORD },
  });
  expect(response.statusCode, response.body).toBe(200);
  return { userId: user.id, email, cookie: readCookies(response) };
}

export async function createProvider(test: HttpTestApp, name: string): Promise<string> {
  const organisation = await createOrganisation(test.accounts, {
    actorLabel: 'test',
    organisation: { kind: 'access_provider', nameEn: name, nameZh: `${name}云`, provinceCode: null },
  });
  return organisation.id;
}

/** A provider with its administrator and reviewer. */
export interface ProviderStaff {
  providerOrgId: string;
  admin: Person;
  reviewer: Person;
}

export async function createProviderStaff(test: HttpTestApp, name: string): Promise<ProviderStaff> {
  const providerOrgId = await createProvider(test, name);
  return {
    providerOrgId,
    admin: await createPerson(test, 'provider_admin', { organisation: providerOrgId }),
    reviewer: await createPerson(test, 'provider_reviewer', { organisation: providerOrgId }),
  };
}

/** An eligible instance registered by the provider's administrator, with `codes` codes issued by its holder. */
export async function provisionInstance(
  test: HttpTestApp,
  provider: ProviderStaff,
  owner: Person,
  options: { codes?: number; province?: string } = {},
): Promise<{ instanceId: number; codes: string[] }> {
  const instance = await call<{ id: number }>(test, 'POST', '/api/provider/instances', {
    cookie: provider.admin.cookie,
    status: 201,
    payload: {
      ownerUserId: owner.userId,
      name: 'web-1',
      region: 'cn-north',
      province: options.province ?? '11',
      publicIp: '106.14.10.20',
      subscriptionStart: '2026-01-01',
      subscriptionEnd: '2026-12-31',
    },
  });
  const codes: string[] = [];
  for (let i = 0; i < (options.codes ?? 1); i += 1) {
    const issued = await call<{ code: { code: string } }>(
      test,
      'POST',
      `/api/provider/instances/${instance.id}/service-codes`,
      { cookie: owner.cookie, status: 201 },
    );
    codes.push(issued.code.code);
  }
  return { instanceId: instance.id, codes };
}

export interface OrderAnswer {
  id: number;
  reference: string;
  type: string;
  status: string;
  [key: string]: unknown;
}

/** The SMS code of the order as the person's inbox (GET /api/inbox) shows it. */
export async function readSmsCode(test: HttpTestApp, person: Person, orderId: number): Promise<string> {
  const inbox = await call<{ items: { kind: string; orderId?: number; body: { en: string } }[] }>(
    test,
    'GET',
    '/api/inbox?limit=100',
    { cookie: person.cookie },
  );
  const message = inbox.items.find((m) => m.kind === 'sms_code' && m.orderId === orderId);
  const code = /verification code of order \S+ is (\d{6})/u.exec(message?.body.en ?? '')?.[1];
  if (code === undefined) throw new Error(`No SMS code for order ${orderId} in the inbox`);
  return code;
}

export function wrongCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

export interface HttpJourney {
  owner: Person;
  provider: ProviderStaff;
  authority: Person;
  create: Record<string, unknown>;
  content: OrderContentDraft;
}

/** Creates, saves and submits an order, then takes it through provider review, identity and SMS. */
export async function bringToAuthorityOverHttp(
  test: HttpTestApp,
  journey: HttpJourney,
): Promise<OrderAnswer> {
  const { owner, provider } = journey;
  const reviewer = { cookie: provider.reviewer.cookie };
  const { order } = await call<{ order: OrderAnswer }>(test, 'POST', '/api/orders', {
    cookie: owner.cookie,
    status: 201,
    payload: { ...journey.create, providerOrgId: provider.providerOrgId },
  });
  const base = `/api/orders/${order.reference}`;
  const saved = await call<{ validation: { fieldErrors: unknown[] } }>(test, 'PUT', `${base}/draft`, {
    cookie: owner.cookie,
    payload: { content: journey.content },
  });
  expect(saved.validation.fieldErrors).toEqual([]);
  await call(test, 'POST', `${base}/submit`, { cookie: owner.cookie });
  await call(test, 'POST', `${base}/start-review`, reviewer);
  await call(test, 'POST', `${base}/approve-provider`, reviewer);
  await call(test, 'POST', `${base}/identity-verification`, { ...reviewer, payload: { result: 'passed' } });
  const sent = await call<{ order: OrderAnswer }>(test, 'POST', `${base}/send-to-authority`, reviewer);
  if (sent.order.status === 'sms_verification') {
    const code = await readSmsCode(test, owner, order.id);
    const answer = await call<{ accepted: boolean; order: OrderAnswer }>(test, 'POST', `${base}/sms-code`, {
      cookie: owner.cookie,
      payload: { code },
    });
    expect(answer.accepted).toBe(true);
    return answer.order;
  }
  return sent.order;
}

export interface Approval {
  order: OrderAnswer & { issuedServiceNumbers: string[]; events: { type: string }[] };
  numbers?: { entityNumber: string; serviceNumbers: string[] };
}

/** bringToAuthorityOverHttp, then the sandbox authority's approval. */
export async function fileToApprovalOverHttp(test: HttpTestApp, journey: HttpJourney): Promise<Approval> {
  const order = await bringToAuthorityOverHttp(test, journey);
  expect(order.status).toBe('authority_review');
  return call<Approval>(test, 'POST', `/api/orders/${order.reference}/approve-authority`, {
    cookie: journey.authority.cookie,
  });
}

/** Every answer the app gave so far, from its log: none may be a 5xx. */
export function findServerErrors(logs: string): string[] {
  return logs.split('\n').filter((line) => /"statusCode":5\d\d/u.test(line));
}
