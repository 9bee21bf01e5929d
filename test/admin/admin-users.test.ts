import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUserDisabled } from '../../src/app/accounts/set-user-disabled.ts';
import { readCookies } from '../accounts/accounts-test-app.ts';
import {
  call,
  createPerson,
  createProvider,
  fail,
  findServerErrors,
  PASSWORD,
  type Person,
  send,
} from '../http/http-test-kit.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildAdminTestApp } from './admin-test-kit.ts';

interface UserJson {
  id: string;
  name: string;
  email: string;
  disabledAt: string | null;
  hasPassword: boolean;
}
interface MembershipJson {
  id: string;
  organisationId: string;
  role: string;
}
interface UsersPage {
  items: { user: UserJson; memberships: MembershipJson[] }[];
  total: number;
}
interface AuditPage {
  items: { action: string; actor: string; subjectType: string; subjectId: string }[];
}
interface OutboxMail {
  to: string;
  subject: string;
  text: string;
}

describeEachDatabase('admin: users, invitations, memberships, disabling', (database) => {
  let test: Awaited<ReturnType<typeof buildAdminTestApp>>;
  let admin: Person;
  let applicant: Person;
  let providerId: string;
  let counter = 0;
  const uniqueEmail = (label: string) => `${label}-${++counter}@example.test`;

  beforeAll(async () => {
    test = await buildAdminTestApp(database.db);
    admin = await createPerson(test, 'platform_admin');
    applicant = await createPerson(test, 'applicant');
    providerId = await createProvider(test, 'Users Test Cloud');
  }, 60_000);
  afterAll(async () => {
    expect(findServerErrors(test.readLogs())).toEqual([]);
    await test.close();
  });

  const asAdmin = { cookie: '' };
  beforeAll(() => {
    asAdmin.cookie = admin.cookie;
  });

  async function latestAudit(): Promise<AuditPage['items']> {
    return (await call<AuditPage>(test, 'GET', '/api/admin/audit?limit=20', asAdmin)).items;
  }

  async function mailsTo(email: string): Promise<OutboxMail[]> {
    const { items } = await call<{ items: OutboxMail[] }>(
      test,
      'GET',
      '/api/admin/mail-outbox?limit=100',
      asAdmin,
    );
    return items.filter((mail) => mail.to === email);
  }

  function tokenOf(mail: OutboxMail | undefined): string {
    const token = /\/reset-password\?token=([\w-]+)/.exec(mail?.text ?? '')?.[1];
    expect(token, mail?.text).toBeDefined();
    return token ?? '';
  }

  async function findUser(email: string) {
    const page = await call<UsersPage>(test, 'GET', `/api/users?q=${encodeURIComponent(email)}`, asAdmin);
    const found = page.items.find((item) => item.user.email === email);
    expect(found).toBeDefined();
    return found as UsersPage['items'][number];
  }

  const signIn = (email: string, password = PASSWORD) =>
    send(test, 'POST', '/api/auth/sign-in/email', { payload: { email, password } });

  it('answers 401 to anonymous callers and 404 to everyone but platform administrators', async () => {
    const routes: [Parameters<typeof send>[1], string, unknown][] = [
      ['POST', '/api/users', { name: 'X', email: 'x@example.test', locale: 'en' }],
      ['POST', `/api/users/${applicant.userId}/disable`, undefined],
      ['POST', `/api/users/${applicant.userId}/enable`, undefined],
      ['POST', `/api/users/${applicant.userId}/password-link`, undefined],
      ['PATCH', '/api/memberships/1', { role: 'provider_admin' }],
      ['DELETE', '/api/memberships/1', undefined],
    ];
    for (const [method, url, payload] of routes) {
      expect((await fail(test, method, url, 401, { payload })).code).toBe('unauthenticated');
      const error = await fail(test, method, url, 404, { cookie: applicant.cookie, payload });
      expect(error.code).toBe('not_found');
    }
  });

  describe('invitations', () => {
    it('invites a user with a role; they choose a password from the mailed link and sign in', async () => {
      const email = uniqueEmail('invited');
      const invited = await call<{ user: UserJson; membership: MembershipJson }>(test, 'POST', '/api/users', {
        ...asAdmin,
        status: 201,
        payload: {
          name: 'Wang Fang',
          email: email.toUpperCase(),
          locale: 'en',
          membership: { organisationId: providerId, role: 'provider_reviewer' },
        },
      });
      expect(invited.user).toMatchObject({ email, name: 'Wang Fang', hasPassword: false, disabledAt: null });
      expect(invited.membership).toMatchObject({ organisationId: providerId, role: 'provider_reviewer' });

      const audit = await latestAudit();
      expect(audit.slice(0, 2).map((event) => event.action)).toEqual(['user.invited', 'membership.added']);
      expect(audit[0]).toMatchObject({
        actor: `user:${admin.userId}`,
        subjectType: 'user',
        subjectId: invited.user.id,
      });

      // Not before a password is chosen.
      expect((await signIn(email)).statusCode).toBe(401);

      const [mail, ...more] = await mailsTo(email);
      expect(more).toEqual([]);
      // English first (the locale chosen), Chinese after; no password in it.
      expect(mail?.subject).toBe('Your OpenBeian account / 您的 OpenBeian 账户');
      expect(mail?.text.indexOf('Hello Wang Fang')).toBeLessThan(mail?.text.indexOf('您好') ?? 0);
      const token = tokenOf(mail);
      expect(mail?.text).toContain(`/reset-password?token=${token}`);

      const tooShort = await fail(test, 'POST', '/api/auth/reset-password', 400, {
        payload: { token, newPassword: 'short' },
      });
      expect(tooShort.code).toBe('validation_failed');
      await call(test, 'POST', '/api/auth/reset-password', {
        payload: { token, newPassword: 'a fine new password' },
      });
      const again = await fail(test, 'POST', '/api/auth/reset-password', 400, {
        payload: { token, newPassword: 'another new password' },
      });
      expect(again.details).toMatchObject({ authCode: 'INVALID_TOKEN' });

      const signedIn = await signIn(email, 'a fine new password');
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      const me = await call<{ actor: { roles: string[]; providerOrgId: string } }>(test, 'GET', '/api/me', {
        cookie: readCookies(signedIn),
      });
      expect(me.actor).toMatchObject({ roles: ['provider_reviewer'], providerOrgId: providerId });
      expect((await findUser(email)).user.hasPassword).toBe(true);
    });

    it('invites without a role (an applicant) and mails in Chinese first for zh-CN', async () => {
      const email = uniqueEmail('applicant-invited');
      const invited = await call<{ user: UserJson; membership: null }>(test, 'POST', '/api/users', {
        ...asAdmin,
        status: 201,
        payload: { name: '李雷', email, locale: 'zh-CN' },
      });
      expect(invited.membership).toBeNull();
      const [mail] = await mailsTo(email);
      expect(mail?.subject).toBe('您的 OpenBeian 账户 / Your OpenBeian account');
    });

    it('refuses bad input with 400, an unknown organisation with 404 and a taken address with 409', async () => {
      for (const payload of [
        {},
        { name: 'X', email: 'not-an-address', locale: 'en' },
        { name: 'X', email: uniqueEmail('x'), locale: 'fr' },
        { name: ' ', email: uniqueEmail('x'), locale: 'en' },
        { name: 'X', email: uniqueEmail('x'), locale: 'en', password: 'secret!!' },
        {
          name: 'X',
          email: uniqueEmail('x'),
          locale: 'en',
          membership: { organisationId: 'x', role: 'agent' },
        },
      ]) {
        expect((await fail(test, 'POST', '/api/users', 400, { ...asAdmin, payload })).code).toBe(
          'validation_failed',
        );
      }
      const wrongRole = await fail(test, 'POST', '/api/users', 400, {
        ...asAdmin,
        payload: {
          name: 'X',
          email: uniqueEmail('x'),
          locale: 'en',
          membership: { organisationId: providerId, role: 'agent' },
        },
      });
      expect(wrongRole.code).toBe('validation_failed');
      const unknown = await fail(test, 'POST', '/api/users', 404, {
        ...asAdmin,
        payload: {
          name: 'X',
          email: uniqueEmail('x'),
          locale: 'en',
          membership: { organisationId: '999999', role: 'agent' },
        },
      });
      expect(unknown.code).toBe('not_found');
      const taken = await fail(test, 'POST', '/api/users', 409, {
        ...asAdmin,
        payload: { name: 'X', email: applicant.email, locale: 'en' },
      });
      expect(taken.code).toBe('conflict');
    });

    it('mails a new link on request (audited) and refuses unknown users', async () => {
      const email = uniqueEmail('resend');
      const { user } = await call<{ user: UserJson }>(test, 'POST', '/api/users', {
        ...asAdmin,
        status: 201,
        payload: { name: 'Resend', email, locale: 'en' },
      });
      await call(test, 'POST', `/api/users/${user.id}/password-link`, asAdmin);
      expect(await mailsTo(email)).toHaveLength(2);
      expect((await latestAudit())[0]).toMatchObject({
        action: 'user.password_link_sent',
        subjectId: user.id,
      });
      expect((await fail(test, 'POST', '/api/users/999999/password-link', 404, asAdmin)).code).toBe(
        'not_found',
      );
      expect((await fail(test, 'POST', '/api/users/abc/password-link', 400, asAdmin)).code).toBe(
        'validation_failed',
      );
    });

    it('lets anyone ask for a reset link, answering alike for unknown addresses', async () => {
      const person = await createPerson(test, 'applicant');
      const known = await call<{ status: boolean }>(test, 'POST', '/api/auth/request-password-reset', {
        payload: { email: person.email },
      });
      const unknown = await call<{ status: boolean }>(test, 'POST', '/api/auth/request-password-reset', {
        payload: { email: uniqueEmail('nobody') },
      });
      expect(unknown).toEqual(known);
      const [mail] = await mailsTo(person.email);
      expect(mail?.subject).toContain('Reset your OpenBeian password');
      await call(test, 'POST', '/api/auth/reset-password', {
        payload: { token: tokenOf(mail), newPassword: 'reset password 1' },
      });
      // The old session ends with the reset; the new password signs in.
      expect(await fail(test, 'GET', '/api/me', 401, { cookie: person.cookie })).toMatchObject({
        code: 'unauthenticated',
      });
      expect((await signIn(person.email, 'reset password 1')).statusCode).toBe(200);
    });

    it('a successful reset ends every other link mailed before it', async () => {
      const person = await createPerson(test, 'applicant');
      for (let i = 0; i < 2; i += 1) {
        await call(test, 'POST', '/api/auth/request-password-reset', { payload: { email: person.email } });
      }
      const [first, second] = (await mailsTo(person.email)).map(tokenOf);
      expect(first).not.toBe(second);
      await call(test, 'POST', '/api/auth/reset-password', {
        payload: { token: second, newPassword: 'reset password 2' },
      });
      const stale = await fail(test, 'POST', '/api/auth/reset-password', 400, {
        payload: { token: first, newPassword: 'reset password 3' },
      });
      expect(stale.details).toMatchObject({ authCode: 'INVALID_TOKEN' });
      expect((await signIn(person.email, 'reset password 2')).statusCode).toBe(200);
      expect((await signIn(person.email, 'reset password 3')).statusCode).toBe(401);
    });
  });

  describe('memberships', () => {
    it('changes a role (audited), refusing roles that do not fit, duplicates and unknown ids', async () => {
      const staff = await createPerson(test, 'provider_reviewer', { organisation: providerId });
      const [membership] = (await findUser(staff.email)).memberships;
      expect(membership?.role).toBe('provider_reviewer');
      const url = `/api/memberships/${membership?.id}`;

      const changed = await call<MembershipJson>(test, 'PATCH', url, {
        ...asAdmin,
        payload: { role: 'provider_admin' },
      });
      expect(changed).toMatchObject({
        id: membership?.id,
        role: 'provider_admin',
        organisationId: providerId,
      });
      expect((await latestAudit())[0]).toMatchObject({
        action: 'membership.role_changed',
        actor: `user:${admin.userId}`,
        subjectType: 'organisation',
        subjectId: providerId,
      });
      const me = await call<{ actor: { roles: string[] } }>(test, 'GET', '/api/me', { cookie: staff.cookie });
      expect(me.actor.roles).toEqual(['provider_admin']);

      expect(
        (await fail(test, 'PATCH', url, 409, { ...asAdmin, payload: { role: 'provider_admin' } })).code,
      ).toBe('conflict');
      expect((await fail(test, 'PATCH', url, 400, { ...asAdmin, payload: { role: 'agent' } })).code).toBe(
        'validation_failed',
      );
      expect((await fail(test, 'PATCH', url, 400, { ...asAdmin, payload: { role: 'king' } })).code).toBe(
        'validation_failed',
      );
      expect((await fail(test, 'PATCH', url, 400, { ...asAdmin, payload: {} })).code).toBe(
        'validation_failed',
      );
      expect(
        (
          await fail(test, 'PATCH', '/api/memberships/999999', 404, {
            ...asAdmin,
            payload: { role: 'agent' },
          })
        ).code,
      ).toBe('not_found');
    });

    it('removes a membership (audited) and answers 404 afterwards', async () => {
      const staff = await createPerson(test, 'provider_reviewer', { organisation: providerId });
      const [membership] = (await findUser(staff.email)).memberships;
      const url = `/api/memberships/${membership?.id}`;
      const response = await send(test, 'DELETE', url, asAdmin);
      expect(response.statusCode, response.body).toBe(204);
      expect((await latestAudit())[0]).toMatchObject({ action: 'membership.removed', subjectId: providerId });
      expect((await findUser(staff.email)).memberships).toEqual([]);
      const me = await call<{ actor: { roles: string[] } }>(test, 'GET', '/api/me', { cookie: staff.cookie });
      expect(me.actor.roles).toEqual(['applicant']);
      expect((await fail(test, 'DELETE', url, 404, asAdmin)).code).toBe('not_found');
      expect((await fail(test, 'DELETE', '/api/memberships/0', 400, asAdmin)).code).toBe('validation_failed');
    });

    it('never removes the platform_admin role of the last administrator who can sign in', async () => {
      const [own] = (await findUser(admin.email)).memberships.filter((m) => m.role === 'platform_admin');
      const last = await fail(test, 'DELETE', `/api/memberships/${own?.id}`, 409, asAdmin);
      expect(last).toMatchObject({ code: 'conflict', details: { reason: 'last_platform_admin' } });

      const second = await createPerson(test, 'platform_admin');
      const [theirs] = (await findUser(second.email)).memberships;
      const response = await send(test, 'DELETE', `/api/memberships/${theirs?.id}`, asAdmin);
      expect(response.statusCode, response.body).toBe(204);
      // Alone again.
      await fail(test, 'DELETE', `/api/memberships/${own?.id}`, 409, asAdmin);
    });

    it('does not count an invited administrator who has not chosen a password yet', async () => {
      const [own] = (await findUser(admin.email)).memberships.filter((m) => m.role === 'platform_admin');
      const invited = await call<{ user: UserJson; membership: MembershipJson }>(test, 'POST', '/api/users', {
        ...asAdmin,
        status: 201,
        payload: {
          name: 'Invited Admin',
          email: uniqueEmail('invited-admin'),
          locale: 'en',
          membership: { organisationId: own?.organisationId, role: 'platform_admin' },
        },
      });
      expect(invited.user.hasPassword).toBe(false);
      const last = await fail(test, 'DELETE', `/api/memberships/${own?.id}`, 409, asAdmin);
      expect(last).toMatchObject({ code: 'conflict', details: { reason: 'last_platform_admin' } });
      // The invited administrator's role can go: the one who can sign in stays.
      const response = await send(test, 'DELETE', `/api/memberships/${invited.membership.id}`, asAdmin);
      expect(response.statusCode, response.body).toBe(204);
    });
  });

  describe('disabling', () => {
    it('ends sessions, refuses sign-in and API tokens, and restores them on re-enabling (audited)', async () => {
      const person = await createPerson(test, 'applicant');
      const { token } = await call<{ token: string }>(test, 'POST', '/api/me/api-tokens', {
        cookie: person.cookie,
        status: 201,
        payload: { name: 'laptop' },
      });
      const bearer = { headers: { authorization: `Bearer ${token}` } };
      await call(test, 'GET', '/api/me', bearer);

      const { user } = await call<{ user: UserJson }>(
        test,
        'POST',
        `/api/users/${person.userId}/disable`,
        asAdmin,
      );
      expect(user.disabledAt).not.toBeNull();
      expect((await latestAudit())[0]).toMatchObject({
        action: 'user.disabled',
        actor: `user:${admin.userId}`,
        subjectType: 'user',
        subjectId: person.userId,
      });

      await fail(test, 'GET', '/api/me', 401, { cookie: person.cookie });
      expect((await fail(test, 'GET', '/api/me', 401, bearer)).code).toBe('unauthenticated');
      const refused = await signIn(person.email);
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toMatchObject({
        error: { code: 'unauthenticated', details: { authCode: 'ACCOUNT_DISABLED' } },
      });
      expect(refused.headers['set-cookie'] ?? []).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/session_token=[^;]/)]),
      );
      // A wrong password still says only that.
      const wrong = await signIn(person.email, 'not the password');
      expect(wrong.json()).toMatchObject({ error: { details: { authCode: 'INVALID_EMAIL_OR_PASSWORD' } } });

      // Disabling again changes nothing; no password links for a disabled user.
      const auditBefore = await latestAudit();
      await call(test, 'POST', `/api/users/${person.userId}/disable`, asAdmin);
      expect((await latestAudit())[0]).toEqual(auditBefore[0]);
      expect((await fail(test, 'POST', `/api/users/${person.userId}/password-link`, 409, asAdmin)).code).toBe(
        'conflict',
      );
      await call(test, 'POST', '/api/auth/request-password-reset', { payload: { email: person.email } });
      expect(await mailsTo(person.email)).toEqual([]);

      const listed = await findUser(person.email);
      expect(listed.user.disabledAt).toBe(user.disabledAt);

      const enabled = await call<{ user: UserJson }>(
        test,
        'POST',
        `/api/users/${person.userId}/enable`,
        asAdmin,
      );
      expect(enabled.user.disabledAt).toBeNull();
      expect((await latestAudit())[0]).toMatchObject({ action: 'user.enabled', subjectId: person.userId });
      expect((await signIn(person.email)).statusCode).toBe(200);
      await call(test, 'GET', '/api/me', bearer);
    });

    it('deletes the sessions with the change, and a session left behind no longer signs in', async () => {
      const person = await createPerson(test, 'applicant');
      const sessions = () =>
        database.db.kysely
          .selectFrom('auth_sessions')
          .selectAll()
          .where('user_id', '=', Number(person.userId))
          .execute();
      const before = await sessions();
      expect(before).toHaveLength(1);
      await call(test, 'GET', '/api/me', { cookie: person.cookie });

      await call(test, 'POST', `/api/users/${person.userId}/disable`, asAdmin);
      expect(await sessions()).toEqual([]);
      // As if a sign-in racing with the disabling had stored its session after it.
      await database.db.kysely
        .insertInto('auth_sessions')
        .values(before.map(({ id: _id, ...session }) => session))
        .execute();
      const refused = await send(test, 'GET', '/api/me', { cookie: person.cookie });
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['set-cookie']).toBeUndefined();
    });

    it('ends the password links mailed before the disabling', async () => {
      const person = await createPerson(test, 'applicant');
      await call(test, 'POST', `/api/users/${person.userId}/password-link`, asAdmin);
      const [mail] = await mailsTo(person.email);
      await call(test, 'POST', `/api/users/${person.userId}/disable`, asAdmin);
      await call(test, 'POST', `/api/users/${person.userId}/enable`, asAdmin);
      const stale = await fail(test, 'POST', '/api/auth/reset-password', 400, {
        payload: { token: tokenOf(mail), newPassword: 'taken over password' },
      });
      expect(stale.details).toMatchObject({ authCode: 'INVALID_TOKEN' });
      expect((await signIn(person.email)).statusCode).toBe(200);
    });

    it("leaves a disabled customer out of the provider's customer lookup", async () => {
      const person = await createPerson(test, 'applicant');
      const lookup = `/api/provider/customers?email=${encodeURIComponent(person.email)}`;
      expect(await call(test, 'GET', lookup, asAdmin)).toMatchObject({ userId: person.userId });
      await call(test, 'POST', `/api/users/${person.userId}/disable`, asAdmin);
      expect((await fail(test, 'GET', lookup, 404, asAdmin)).code).toBe('customer_not_found');
      await call(test, 'POST', `/api/users/${person.userId}/enable`, asAdmin);
      expect(await call(test, 'GET', lookup, asAdmin)).toMatchObject({ userId: person.userId });
    });

    it('refuses to disable yourself (409) and unknown users (404)', async () => {
      const self = await fail(test, 'POST', `/api/users/${admin.userId}/disable`, 409, asAdmin);
      expect(self.code).toBe('conflict');
      expect((await fail(test, 'POST', '/api/users/999999/disable', 404, asAdmin)).code).toBe('not_found');
      expect((await fail(test, 'POST', '/api/users/999999/enable', 404, asAdmin)).code).toBe('not_found');
      expect((await fail(test, 'POST', '/api/users/-1/disable', 400, asAdmin)).code).toBe(
        'validation_failed',
      );
    });
  });

  describe('paging and search', () => {
    it('pages users with a total, and searches users and organisations on the server', async () => {
      const all = await call<UsersPage>(test, 'GET', '/api/users?limit=500', asAdmin);
      expect(all.total).toBe(all.items.length);
      expect(all.total).toBeGreaterThan(3);
      const page = await call<UsersPage>(test, 'GET', '/api/users?limit=2&offset=1', asAdmin);
      expect(page.total).toBe(all.total);
      expect(page.items.map((item) => item.user.id)).toEqual(
        all.items.slice(1, 3).map((item) => item.user.id),
      );
      const none = await call<UsersPage>(test, 'GET', '/api/users?q=%25_nobody', asAdmin);
      expect(none).toEqual({ items: [], total: 0 });

      const organisations = await call<{ items: { id: string }[]; total: number }>(
        test,
        'GET',
        `/api/organisations?q=${encodeURIComponent('users test')}`,
        asAdmin,
      );
      expect(organisations).toMatchObject({ total: 1, items: [{ id: providerId }] });
      const byChinese = await call<{ items: { id: string }[] }>(
        test,
        'GET',
        `/api/organisations?q=${encodeURIComponent('Cloud云')}`,
        asAdmin,
      );
      expect(byChinese.items.map((o) => o.id)).toEqual([providerId]);
      expect((await fail(test, 'GET', '/api/organisations?q=%00', 400, asAdmin)).code).toBe(
        'validation_failed',
      );
      expect((await fail(test, 'GET', `/api/users?q=${'x'.repeat(101)}`, 400, asAdmin)).code).toBe(
        'validation_failed',
      );
    });
  });

  // Last: it may disable the administrator the other tests act as.
  describe('the last administrator, under concurrency', () => {
    it('two administrators disabling each other at once leave one of them enabled', async () => {
      const other = await createPerson(test, 'platform_admin');
      const [mine, theirs] = await Promise.all([
        send(test, 'POST', `/api/users/${other.userId}/disable`, asAdmin),
        send(test, 'POST', `/api/users/${admin.userId}/disable`, { cookie: other.cookie }),
      ]);
      const statuses = [mine.statusCode, theirs.statusCode];
      expect(
        statuses.filter((status) => status === 200),
        `${mine.body} ${theirs.body}`,
      ).toHaveLength(1);
      expect(statuses.filter((status) => status === 409 || status === 401)).toHaveLength(1);
      const disabledAt = await database.db.kysely
        .selectFrom('users')
        .select('disabled_at')
        .where('id', 'in', [Number(admin.userId), Number(other.userId)])
        .execute();
      expect(disabledAt.filter((row) => row.disabled_at === null)).toHaveLength(1);

      for (const userId of [admin.userId, other.userId]) {
        await setUserDisabled(test.accounts, { actorLabel: 'test', userId, disabled: false });
      }
    });
  });
});
