import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAccount } from '../../src/app/accounts/create-user-account.ts';
import type { Role } from '../../src/domain/policy/order-access.ts';
import type { ErrorBody } from '../server/test-app.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  type AccountsTestApp,
  buildAccountsTestApp,
  generateTotp,
  readCookies,
  testOrigin,
} from './accounts-test-app.ts';

const password = 'correct horse battery';

describeEachDatabase('accounts over HTTP', (database) => {
  let test: AccountsTestApp;
  let counter = 0;

  beforeAll(async () => {
    test = await buildAccountsTestApp(database.db);
  }, 60_000);
  afterAll(() => test.app.close());

  const inject = (options: InjectOptions) => test.app.inject(options);
  const uniqueEmail = (label: string) => `${label}-${++counter}@example.test`;

  async function signUp(email = uniqueEmail('applicant'), name = 'Li Lei'): Promise<string> {
    const response = await inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      payload: { name, email, password },
    });
    expect(response.statusCode, response.body).toBe(200);
    return readCookies(response);
  }

  async function signIn(email: string, secret = password): Promise<LightMyRequestResponse> {
    return inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email, password: secret } });
  }

  async function createUser(role: Role, extra: { organisation?: string; provinceCode?: string } = {}) {
    const email = uniqueEmail(role);
    const { user } = await createUserAccount(test.accounts, {
      actorLabel: 'test',
      email,
      name: `Test ${role}`,
      password,
      role,
      ...extra,
    });
    const response = await signIn(email);
    expect(response.statusCode, response.body).toBe(200);
    return { user, email, cookie: readCookies(response) };
  }

  const me = (headers: Record<string, string>) => inject({ method: 'GET', url: '/api/me', headers });

  describe('sign-up, sign-in, sign-out', () => {
    it('signs up, is an applicant on /api/me by the session cookie, and signs out', async () => {
      const email = uniqueEmail('new');
      const cookie = await signUp(email);
      expect(cookie).toMatch(/^openbeian\.session_token=/);

      const answer = await me({ cookie });
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.json()).toMatchObject({
        user: { email, name: 'Li Lei', twoFactorEnabled: false },
        actor: { roles: ['applicant'], organisationIds: [] },
        authMethod: 'session',
        memberships: [],
      });

      const session = await inject({ method: 'GET', url: '/api/auth/get-session', headers: { cookie } });
      expect(session.json()).toMatchObject({ user: { email } });

      const signOut = await inject({
        method: 'POST',
        url: '/api/auth/sign-out',
        headers: { cookie, origin: testOrigin },
      });
      expect(signOut.statusCode, signOut.body).toBe(200);
      expect(readCookies(signOut, cookie)).toBe('');
      expect((await me({ cookie })).statusCode).toBe(401);
    });

    it('signs in at POST /api/auth/sign-in/email with { email, password }, whatever the e-mail case', async () => {
      const email = uniqueEmail('returning');
      await signUp(email);
      const response = await signIn(email.toUpperCase());
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ user: { email } });
      const cookie = readCookies(response);
      expect((await me({ cookie })).json()).toMatchObject({ user: { email } });
    });

    it('answers a wrong password and an unknown e-mail alike: 401 in the error shape', async () => {
      const email = uniqueEmail('victim');
      await signUp(email);
      const wrongPassword = await signIn(email, 'not the password');
      const unknownEmail = await signIn(uniqueEmail('nobody'), 'not the password');
      for (const response of [wrongPassword, unknownEmail]) {
        expect(response.statusCode).toBe(401);
        expect(response.headers['set-cookie']).toBeUndefined();
        const body = response.json() as ErrorBody;
        expect(body).toEqual({
          error: {
            code: 'unauthenticated',
            message: 'The e-mail address or the password is wrong.',
            details: { authCode: 'INVALID_EMAIL_OR_PASSWORD' },
            requestId: expect.any(String),
          },
        });
      }
      const chinese = await inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { 'accept-language': 'zh-CN' },
        payload: { email, password: 'not the password' },
      });
      expect((chinese.json() as ErrorBody).error.message).toBe('电子邮箱或密码错误。');
    });

    it('refuses a taken e-mail address with 409', async () => {
      const email = uniqueEmail('taken');
      await signUp(email);
      const again = await inject({
        method: 'POST',
        url: '/api/auth/sign-up/email',
        payload: { name: 'Someone else', email, password },
      });
      expect(again.statusCode).toBe(409);
      expect((again.json() as ErrorBody).error.code).toBe('conflict');
    });

    it('answers bad sign-up and sign-in input with 400 and field errors', async () => {
      const signUpResponse = await inject({
        method: 'POST',
        url: '/api/auth/sign-up/email',
        payload: { name: '', email: 'not-an-email', password: 'short', extra: 1 },
      });
      expect(signUpResponse.statusCode).toBe(400);
      const body = signUpResponse.json() as ErrorBody;
      expect(body.error.code).toBe('validation_failed');
      const paths = (body.error.details as { path: string }[]).map((d) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['name', 'email', 'password']));

      const signInResponse = await inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: {} });
      expect(signInResponse.statusCode).toBe(400);
      expect((signInResponse.json() as ErrorBody).error.code).toBe('validation_failed');
    });

    it('refuses a cookie-carrying sign-out from another origin (CSRF)', async () => {
      const cookie = await signUp();
      const response = await inject({
        method: 'POST',
        url: '/api/auth/sign-out',
        headers: { cookie, origin: 'https://evil.example' },
      });
      expect(response.statusCode).toBe(401);
      expect((response.json() as ErrorBody).error.details).toEqual({ authCode: 'INVALID_ORIGIN' });
      expect((await me({ cookie })).statusCode).toBe(200);
    });
  });

  describe('protected routes', () => {
    const protectedRoutes: InjectOptions[] = [
      { method: 'GET', url: '/api/me' },
      { method: 'POST', url: '/api/me/api-tokens', payload: { name: 'x' } },
      { method: 'POST', url: '/api/me/api-tokens', payload: { bad: true } },
      { method: 'GET', url: '/api/me/api-tokens' },
      { method: 'GET', url: '/api/me/api-tokens/1' },
      { method: 'DELETE', url: '/api/me/api-tokens/not-an-id' },
      { method: 'GET', url: '/api/organisations' },
      { method: 'POST', url: '/api/organisations', payload: { kind: 'agency', nameEn: 'A', nameZh: '甲' } },
      { method: 'POST', url: '/api/organisations/1/members', payload: { userId: '1', role: 'agent' } },
      { method: 'GET', url: '/api/users?limit=-5' },
      { method: 'POST', url: '/api/agent/clients', payload: { clientEmail: 'client@example.test' } },
      { method: 'GET', url: '/api/agent/clients' },
    ];

    it('answer 401 without a session, whatever the input', async () => {
      for (const route of protectedRoutes) {
        const response = await inject(route);
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
        expect((response.json() as ErrorBody).error.code).toBe('unauthenticated');
      }
    });

    it('answer 401 with a session cookie that is not (or no longer) valid', async () => {
      const response = await me({ cookie: 'openbeian.session_token=forged.signature' });
      expect(response.statusCode).toBe(401);
    });

    it('answer 404 to signed-in users without the role (admin and agent routes)', async () => {
      const cookie = await signUp();
      const adminAndAgentRoutes = protectedRoutes.filter((route) => !String(route.url).startsWith('/api/me'));
      for (const route of adminAndAgentRoutes) {
        const response = await inject({ ...route, headers: { cookie } });
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(404);
        expect((response.json() as ErrorBody).error.code).toBe('not_found');
      }
    });
  });

  describe('API tokens', () => {
    it('creates a token shown once, authenticates with it as Bearer, lists it, and stops it on revocation', async () => {
      const email = uniqueEmail('machine');
      const cookie = await signUp(email);
      const created = await inject({
        method: 'POST',
        url: '/api/me/api-tokens',
        headers: { cookie },
        payload: { name: 'CI deploy', expiresInDays: 30 },
      });
      expect(created.statusCode, created.body).toBe(201);
      const { token, apiToken } = created.json() as {
        token: string;
        apiToken: { id: string; prefix: string; expiresAt: string };
      };
      expect(token).toMatch(/^obt_[A-Za-z0-9_-]{43}$/);
      expect(token.startsWith(apiToken.prefix)).toBe(true);
      expect(apiToken.expiresAt).not.toBeNull();

      const bearer = { authorization: `Bearer ${token}` };
      const asMachine = await me(bearer);
      expect(asMachine.statusCode, asMachine.body).toBe(200);
      expect(asMachine.json()).toMatchObject({ user: { email }, authMethod: 'api_token' });

      const listed = await inject({ method: 'GET', url: '/api/me/api-tokens', headers: bearer });
      expect(listed.statusCode).toBe(200);
      expect(listed.body).not.toContain(token);
      const items = (listed.json() as { items: { id: string; name: string; lastUsedAt: string | null }[] })
        .items;
      expect(items).toEqual([expect.objectContaining({ id: apiToken.id, name: 'CI deploy' })]);
      expect(items[0]?.lastUsedAt).not.toBeNull();

      const one = await inject({
        method: 'GET',
        url: `/api/me/api-tokens/${apiToken.id}`,
        headers: { cookie },
      });
      expect(one.json()).toMatchObject({ id: apiToken.id, revokedAt: null });

      const minted = await inject({
        method: 'POST',
        url: '/api/me/api-tokens',
        headers: bearer,
        payload: { name: 'minted by a token' },
      });
      expect(minted.statusCode).toBe(401);

      const otherCookie = await signUp();
      const foreign = await inject({
        method: 'DELETE',
        url: `/api/me/api-tokens/${apiToken.id}`,
        headers: { cookie: otherCookie },
      });
      expect(foreign.statusCode).toBe(404);

      const revoked = await inject({
        method: 'DELETE',
        url: `/api/me/api-tokens/${apiToken.id}`,
        headers: { cookie },
      });
      expect(revoked.statusCode).toBe(204);
      const afterRevocation = await me(bearer);
      expect(afterRevocation.statusCode).toBe(401);
      expect(afterRevocation.headers['www-authenticate']).toContain('invalid_token');
      expect((afterRevocation.json() as ErrorBody).error.code).toBe('unauthenticated');
      const again = await inject({
        method: 'DELETE',
        url: `/api/me/api-tokens/${apiToken.id}`,
        headers: { cookie },
      });
      expect(again.statusCode).toBe(404);
    });

    it('refuses unknown and malformed Bearer tokens with 401, also on public routes', async () => {
      for (const authorization of ['Bearer obt_unknown', `Bearer obt_${'A'.repeat(43)}`]) {
        expect((await me({ authorization })).statusCode).toBe(401);
        expect(
          (await inject({ method: 'GET', url: '/api/health', headers: { authorization } })).statusCode,
        ).toBe(401);
      }
    });

    it('answers bad token input with 400 and field errors', async () => {
      const cookie = await signUp();
      const response = await inject({
        method: 'POST',
        url: '/api/me/api-tokens',
        headers: { cookie },
        payload: { name: '', expiresInDays: 0 },
      });
      expect(response.statusCode).toBe(400);
      const paths = ((response.json() as ErrorBody).error.details as { path: string }[]).map((d) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['name', 'expiresInDays']));
    });
  });

  describe('organisations and roles', () => {
    it('lists the 31 sandbox authorities to a platform administrator', async () => {
      const admin = await createUser('platform_admin');
      const response = await inject({
        method: 'GET',
        url: '/api/organisations?kind=authority&limit=500',
        headers: { cookie: admin.cookie },
      });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json() as { items: { provinceCode: string; nameZh: string }[]; total: number };
      expect(body.total).toBe(31);
      expect(body.items).toContainEqual(
        expect.objectContaining({ provinceCode: '11', nameZh: '北京市通信管理局' }),
      );
    });

    it('lets a platform administrator create an organisation, add members and list users', async () => {
      const admin = await createUser('platform_admin');
      const headers = { cookie: admin.cookie };
      const created = await inject({
        method: 'POST',
        url: '/api/organisations',
        headers,
        payload: { kind: 'access_provider', nameEn: 'Cloud One', nameZh: '云一', provinceCode: '44' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const provider = created.json() as { id: string; kind: string };
      expect(provider.kind).toBe('access_provider');

      const duplicate = await inject({
        method: 'POST',
        url: '/api/organisations',
        headers,
        payload: { kind: 'agency', nameEn: 'Cloud One', nameZh: '另一个' },
      });
      expect(duplicate.statusCode).toBe(409);

      const reviewerEmail = uniqueEmail('reviewer');
      const reviewerCookie = await signUp(reviewerEmail);
      const reviewerId = ((await me({ cookie: reviewerCookie })).json() as { user: { id: string } }).user.id;

      const wrongRole = await inject({
        method: 'POST',
        url: `/api/organisations/${provider.id}/members`,
        headers,
        payload: { userId: reviewerId, role: 'authority_reviewer' },
      });
      expect(wrongRole.statusCode).toBe(400);
      expect((wrongRole.json() as ErrorBody).error.details).toEqual([
        expect.objectContaining({ path: 'role', code: 'role_not_allowed_for_organisation' }),
      ]);

      const added = await inject({
        method: 'POST',
        url: `/api/organisations/${provider.id}/members`,
        headers,
        payload: { userId: reviewerId, role: 'provider_reviewer' },
      });
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toMatchObject({ organisationId: provider.id, role: 'provider_reviewer' });

      const twice = await inject({
        method: 'POST',
        url: `/api/organisations/${provider.id}/members`,
        headers,
        payload: { userId: reviewerId, role: 'provider_reviewer' },
      });
      expect(twice.statusCode).toBe(409);

      const missing = await inject({
        method: 'POST',
        url: '/api/organisations/999999/members',
        headers,
        payload: { userId: reviewerId, role: 'provider_reviewer' },
      });
      expect(missing.statusCode).toBe(404);

      expect((await me({ cookie: reviewerCookie })).json()).toMatchObject({
        actor: { roles: ['provider_reviewer'], organisationIds: [provider.id], providerOrgId: provider.id },
      });

      const users = await inject({
        method: 'GET',
        url: `/api/users?q=${encodeURIComponent(reviewerEmail.slice(0, 12).toUpperCase())}`,
        headers,
      });
      expect(users.statusCode, users.body).toBe(200);
      expect(users.json()).toMatchObject({
        total: 1,
        items: [
          { user: { id: reviewerId, email: reviewerEmail }, memberships: [{ role: 'provider_reviewer' }] },
        ],
      });
    });

    it('gives an authority reviewer the province of their sandbox authority', async () => {
      const reviewer = await createUser('authority_reviewer', { provinceCode: '11' });
      expect((await me({ cookie: reviewer.cookie })).json()).toMatchObject({
        actor: { roles: ['authority_reviewer'], authorityProvinceCode: '11' },
        memberships: [
          { role: 'authority_reviewer', organisation: { kind: 'authority', provinceCode: '11' } },
        ],
      });
    });

    it("records an agent's client authorisation once, for an existing client", async () => {
      const admin = await createUser('platform_admin');
      const agency = (
        await inject({
          method: 'POST',
          url: '/api/organisations',
          headers: { cookie: admin.cookie },
          payload: { kind: 'agency', nameEn: 'Filing Helpers', nameZh: '备案帮手' },
        })
      ).json() as { id: string };
      const agent = await createUser('agent', { organisation: 'Filing Helpers' });
      const clientEmail = uniqueEmail('client');
      await signUp(clientEmail, 'Han Meimei');

      const post = (payload: object) =>
        inject({ method: 'POST', url: '/api/agent/clients', headers: { cookie: agent.cookie }, payload });
      const recorded = await post({ clientEmail: clientEmail.toUpperCase(), letterDocumentId: '42' });
      expect(recorded.statusCode, recorded.body).toBe(201);
      expect(recorded.json()).toMatchObject({
        agencyId: agency.id,
        client: { email: clientEmail, name: 'Han Meimei' },
        letterDocumentId: '42',
      });
      expect((await post({ clientEmail })).statusCode).toBe(409);
      expect((await post({ clientEmail: uniqueEmail('stranger') })).statusCode).toBe(404);
      expect((await post({ clientEmail, agencyId: '999999' })).statusCode).toBe(404);

      const listed = await inject({
        method: 'GET',
        url: '/api/agent/clients',
        headers: { cookie: agent.cookie },
      });
      expect(listed.json()).toMatchObject({ items: [{ client: { email: clientEmail } }] });

      const clientId = (recorded.json() as { client: { id: string } }).client.id;
      expect(await test.accounts.stores.clientAuthorisations.findActive(agency.id, clientId)).toMatchObject({
        agentOrgId: agency.id,
        clientUserId: clientId,
      });
    });
  });

  describe('two-factor authentication (TOTP)', () => {
    it('lets a staff user enable TOTP; sign-in then needs the code before there is a session', async () => {
      const reviewer = await createUser('authority_reviewer', { provinceCode: '44' });
      const enable = await inject({
        method: 'POST',
        url: '/api/auth/two-factor/enable',
        headers: { cookie: reviewer.cookie, origin: testOrigin },
        payload: { password },
      });
      expect(enable.statusCode, enable.body).toBe(200);
      const { totpURI, backupCodes } = enable.json() as { totpURI: string; backupCodes: string[] };
      expect(totpURI).toMatch(/^otpauth:\/\/totp\/OpenBeian:/);
      expect(backupCodes.length).toBeGreaterThan(0);

      const confirm = await inject({
        method: 'POST',
        url: '/api/auth/two-factor/verify-totp',
        headers: { cookie: reviewer.cookie, origin: testOrigin },
        payload: { code: generateTotp(totpURI) },
      });
      expect(confirm.statusCode, confirm.body).toBe(200);
      const confirmedCookie = readCookies(confirm, reviewer.cookie);
      expect((await me({ cookie: confirmedCookie })).json()).toMatchObject({
        user: { twoFactorEnabled: true },
      });

      const challenge = await signIn(reviewer.email);
      expect(challenge.statusCode, challenge.body).toBe(200);
      expect(challenge.json()).toEqual({ twoFactorRedirect: true, twoFactorMethods: ['totp'] });
      const challengeCookie = readCookies(challenge);
      expect(challengeCookie).not.toContain('session_token');
      expect((await me({ cookie: challengeCookie })).statusCode).toBe(401);

      const wrong = await inject({
        method: 'POST',
        url: '/api/auth/two-factor/verify-totp',
        headers: { cookie: challengeCookie, origin: testOrigin },
        payload: { code: generateTotp(totpURI, Date.now() - 10 * 60_000) },
      });
      expect(wrong.statusCode).toBe(401);
      expect((wrong.json() as ErrorBody).error).toMatchObject({
        code: 'unauthenticated',
        details: { authCode: 'INVALID_CODE' },
      });

      const verified = await inject({
        method: 'POST',
        url: '/api/auth/two-factor/verify-totp',
        headers: { cookie: challengeCookie, origin: testOrigin },
        payload: { code: generateTotp(totpURI) },
      });
      expect(verified.statusCode, verified.body).toBe(200);
      const sessionCookie = readCookies(verified, challengeCookie);
      expect(sessionCookie).toContain('openbeian.session_token=');
      expect((await me({ cookie: sessionCookie })).json()).toMatchObject({
        user: { email: reviewer.email, twoFactorEnabled: true },
        actor: { authorityProvinceCode: '44' },
      });
    });

    it('answers a malformed code with 400 and a field error', async () => {
      const response = await inject({
        method: 'POST',
        url: '/api/auth/two-factor/verify-totp',
        payload: { code: '12ab' },
      });
      expect(response.statusCode).toBe(400);
      expect((response.json() as ErrorBody).error.details).toEqual([
        expect.objectContaining({ path: 'code' }),
      ]);
    });
  });
});

describeEachDatabase('sign-in rate limit', (database) => {
  let test: AccountsTestApp;
  beforeAll(async () => {
    test = await buildAccountsTestApp(database.db, {
      rateLimits: { signIn: { max: 2, timeWindowMs: 60_000 } },
    });
  }, 60_000);
  afterAll(() => test.app.close());

  it('answers 429 after too many sign-in attempts from one address', async () => {
    const attempt = () =>
      test.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        payload: { email: 'someone@example.test', password: 'guess guess' },
      });
    expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect((limited.json() as ErrorBody).error.code).toBe('rate_limited');
  });
});

describeEachDatabase('accounts routes and odd input', (database) => {
  let test: AccountsTestApp;
  let adminCookie: string;
  beforeAll(async () => {
    test = await buildAccountsTestApp(database.db);
    await createUserAccount(test.accounts, {
      actorLabel: 'test',
      email: 'odd-admin@example.test',
      name: 'Admin',
      password,
      role: 'platform_admin',
    });
    const signedIn = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: 'odd-admin@example.test', password },
    });
    adminCookie = readCookies(signedIn);
  }, 60_000);
  afterAll(() => test.app.close());

  const odd = [
    '\u0000',
    'a\u0000b',
    '\n',
    '名\u0007字',
    'x'.repeat(5000),
    '😀'.repeat(60),
    "'; drop table users; --",
  ];

  it('never answers 500, whatever the text', async () => {
    const requests: InjectOptions[] = odd.flatMap((text) => [
      {
        method: 'POST',
        url: '/api/auth/sign-up/email',
        payload: { name: text, email: 'odd@example.test', password: `${text}12345678` },
      },
      {
        method: 'POST',
        url: '/api/auth/sign-in/email',
        payload: { email: `${text}@example.test`, password: text },
      },
      {
        method: 'POST',
        url: '/api/auth/sign-in/email',
        payload: { email: 'odd-admin@example.test', password: text },
      },
      {
        method: 'POST',
        url: '/api/organisations',
        headers: { cookie: adminCookie },
        payload: { kind: 'agency', nameEn: text, nameZh: text },
      },
      { method: 'GET', url: `/api/users?q=${encodeURIComponent(text)}`, headers: { cookie: adminCookie } },
      {
        method: 'POST',
        url: '/api/me/api-tokens',
        headers: { cookie: adminCookie },
        payload: { name: text },
      },
      {
        method: 'GET',
        url: `/api/me/api-tokens/${encodeURIComponent(text)}`,
        headers: { cookie: adminCookie },
      },
      { method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${text}` } },
      {
        method: 'GET',
        url: '/api/me',
        headers: { cookie: `openbeian.session_token=${encodeURIComponent(text)}` },
      },
      { method: 'POST', url: '/api/auth/two-factor/verify-totp', payload: { code: text } },
    ]);
    for (const request of requests) {
      const response = await test.app.inject(request);
      expect(response.statusCode, `${request.method} ${request.url} ${response.body}`).toBeLessThan(500);
    }
  });
});
