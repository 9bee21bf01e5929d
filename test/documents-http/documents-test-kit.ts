import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { AccountServices, Organisation } from '../../src/app/accounts/account-stores.ts';
import { createOrganisation } from '../../src/app/accounts/create-organisation.ts';
import { createUserAccount } from '../../src/app/accounts/create-user-account.ts';
import { ensureSandboxAuthorities } from '../../src/app/accounts/ensure-sandbox-authorities.ts';
import { resolveActor } from '../../src/app/accounts/resolve-actor.ts';
import type { DocumentDeps } from '../../src/app/documents/document-deps.ts';
import { createOrder } from '../../src/app/orders/create-order.ts';
import { cryptoRandom, type OrderDeps } from '../../src/app/orders/order-deps.ts';
import { saveDraft } from '../../src/app/orders/save-draft.ts';
import { systemClock } from '../../src/app/ports.ts';
import { createInstance } from '../../src/app/providers/create-instance.ts';
import { issueServiceCode } from '../../src/app/providers/issue-service-code.ts';
import { createWorkingDayCalendar } from '../../src/domain/calendar/working-day-calendar.ts';
import { defaultCatalogue } from '../../src/domain/catalogue/default-catalogue.ts';
import type { OrderContentDraft } from '../../src/domain/order-content/order-content.ts';
import type { Actor, Role } from '../../src/domain/policy/order-access.ts';
import { createAccountServices } from '../../src/infra/auth/account-services.ts';
import { createPeopleDirectory } from '../../src/infra/auth/people-directory.ts';
import { createFieldCipher, deriveDataKeys } from '../../src/infra/crypto/envelope.ts';
import type { Database } from '../../src/infra/db/database.ts';
import {
  createDocumentPersistence,
  createDocumentRepository,
} from '../../src/infra/db/repositories/document-repository.ts';
import { createWorkflowPersistence } from '../../src/infra/db/repositories/order-repository.ts';
import { inspectUpload } from '../../src/infra/documents/inspect-upload.ts';
import { renderVerificationForm } from '../../src/infra/pdf/verification-form.ts';
import { createEncryptedFileStore } from '../../src/infra/storage/encrypted-file-store.ts';
import { readCookies } from '../accounts/accounts-test-app.ts';
import { buildTestApp, buildTestConfig, type TestApp } from '../server/test-app.ts';

/** Monday 2 March 2026, 10:00 in Beijing: the orders' clock (sessions run on the real one). */
export const ORDER_NOW = new Date('2026-03-02T02:00:00.000Z');

/** Small, so the over-the-limit test stays quick; the default (10 MB) is the same code path. */
export const TEST_MAX_UPLOAD_BYTES = 512 * 1024;

const PASSWORD = 'correct horse battery';

export interface TestUser {
  actor: Actor;
  cookie: string;
}

export interface DocumentsTestApp extends TestApp {
  accounts: AccountServices;
  orders: OrderDeps;
  documents: DocumentDeps;
  /** `<dataDir>/files`, where the encrypted files are. */
  filesRoot: string;
  provider: Organisation;
}

/**
 * The app with accounts, the order workflow and documents on the suite's database, wired as server.ts
 * wires them: files under `<dataDir>/files` with the key derived from the secret key, the orders'
 * submission reading the uploaded kinds from the documents table.
 */
export async function buildDocumentsTestApp(database: Database, dataDir: string): Promise<DocumentsTestApp> {
  const secretKey = Buffer.alloc(32, 7);
  const dataKeys = deriveDataKeys(secretKey);
  const accounts = createAccountServices({
    database,
    secretKey,
    publicUrl: buildTestConfig().publicUrl,
    clock: systemClock,
  });
  await ensureSandboxAuthorities({
    stores: accounts.stores,
    catalogue: defaultCatalogue,
    clock: systemClock,
  });
  const calendar = createWorkingDayCalendar();
  const orders: OrderDeps = {
    persistence: createWorkflowPersistence(database),
    clock: { now: () => ORDER_NOW },
    calendar: { getCalendar: async () => calendar },
    catalogue: defaultCatalogue,
    fieldCipher: createFieldCipher(dataKeys),
    random: cryptoRandom,
    directory: createPeopleDirectory(database.kysely),
    documentKinds: createDocumentRepository(database.kysely),
  };
  const filesRoot = join(dataDir, 'files');
  const documents: DocumentDeps = {
    orders,
    persistence: createDocumentPersistence(database),
    files: createEncryptedFileStore({ root: filesRoot, key: dataKeys.files }),
    inspectFile: inspectUpload,
    renderVerificationForm,
    organisations: accounts.stores.organisations,
    maxUploadBytes: TEST_MAX_UPLOAD_BYTES,
  };
  const provider = await createOrganisation(
    { transaction: accounts.transaction, clock: systemClock },
    {
      actorLabel: 'test',
      organisation: {
        kind: 'access_provider',
        nameEn: 'Example Cloud',
        nameZh: '示例云',
        provinceCode: null,
      },
    },
  );
  const limits = { max: 10_000, timeWindowMs: 60_000 };
  const test = await buildTestApp({
    accounts,
    orders,
    documents,
    rateLimits: { publicApi: limits, signIn: limits },
  });
  return { ...test, accounts, orders, documents, filesRoot, provider };
}

let counter = 0;

/** A user with one role, signed in over HTTP: their actor (as the server resolves it) and cookie. */
export async function createSignedInUser(
  test: DocumentsTestApp,
  role: Role,
  organisation?: string,
): Promise<TestUser> {
  const email = `${role}-${++counter}-${process.pid}@example.test`;
  const { user } = await createUserAccount(test.accounts, {
    actorLabel: 'test',
    email,
    name: `Test ${role}`,
    password: PASSWORD,
    role,
    ...(organisation === undefined ? {} : { organisation }),
  });
  const response = await test.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    payload: { email, password: PASSWORD },
  });
  expect(response.statusCode, response.body).toBe(200);
  return { actor: await resolveActor(test.accounts, user.id), cookie: readCookies(response) };
}

/** A draft first filing of `content` for `owner`, with an instance and a service code of the provider. */
export async function createDraftOrder(
  test: DocumentsTestApp,
  owner: Actor,
  content: OrderContentDraft,
): Promise<{ id: number; reference: string }> {
  const admin: Actor = {
    userId: '999999',
    roles: ['provider_admin'],
    organisationIds: [test.provider.id],
    providerOrgId: test.provider.id,
  };
  const instance = await createInstance(test.orders, {
    actor: admin,
    ownerUserId: owner.userId,
    name: 'web-1',
    region: 'cn-beijing',
    province: '11',
    publicIp: '106.14.10.20',
    subscriptionStart: '2026-01-01',
    subscriptionEnd: '2026-12-31',
  });
  const { code } = await issueServiceCode(test.orders, { actor: owner, instanceId: instance.id });
  const withAccess: OrderContentDraft = {
    ...content,
    services: (content.services ?? []).map((service) => ({
      ...service,
      access: {
        ...service.access,
        instanceId: String(instance.id),
        serviceCode: code.code,
        ipAddresses: ['106.14.10.20'],
      },
    })),
  };
  const { order } = await createOrder(test.orders, {
    actor: owner,
    intent: 'file_service',
    certificateNumber: content.entity?.certificateNumber ?? '',
    province: '11',
    domain: content.services?.[0]?.domain ?? '',
    providerOrgId: test.provider.id,
  });
  await saveDraft(test.orders, { actor: owner, orderId: order.id, content: withAccess });
  return { id: order.id, reference: order.reference };
}

export interface UploadOptions {
  cookie?: string;
  kind?: string;
  file?: { content: Buffer; name: string; type: string };
  /** Extra text fields. */
  fields?: Record<string, string>;
}

/** A multipart/form-data body as a browser's FormData sends it. */
export function buildMultipart(options: Omit<UploadOptions, 'cookie'>): {
  body: Buffer;
  contentType: string;
} {
  const boundary = `----openbeian-test-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  const fields = { ...(options.kind === undefined ? {} : { kind: options.kind }), ...options.fields };
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        'utf8',
      ),
    );
  }
  if (options.file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${options.file.name}"\r\nContent-Type: ${options.file.type}\r\n\r\n`,
        'utf8',
      ),
      options.file.content,
      Buffer.from('\r\n', 'utf8'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function upload(
  test: DocumentsTestApp,
  reference: string,
  options: UploadOptions,
): Promise<LightMyRequestResponse> {
  const { body, contentType } = buildMultipart(options);
  const request: InjectOptions = {
    method: 'POST',
    url: `/api/orders/${reference}/documents`,
    headers: { 'content-type': contentType, ...(options.cookie ? { cookie: options.cookie } : {}) },
    payload: body,
  };
  return test.app.inject(request);
}
