import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../run-cli.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { type AccountsTestApp, buildAccountsTestApp, readCookies } from './accounts-test-app.ts';

describeEachDatabase('openbeian user', (database) => {
  let test: AccountsTestApp;
  const target = () =>
    database.options.databaseUrl
      ? ['--database-url', database.options.databaseUrl]
      : ['--data-dir', database.options.dataDir];
  const run = (args: string[], input?: string) =>
    runCli([...args, ...target()], { env: { DATABASE_URL: '', DATA_DIR: '' }, ...(input ? { input } : {}) });

  beforeAll(async () => {
    test = await buildAccountsTestApp(database.db);
  }, 60_000);
  afterAll(() => test.app.close());

  it('creates a user the person can then sign in as, with the role given', { timeout: 60_000 }, async () => {
    const created = run(
      [
        'user',
        'create',
        '--email',
        'Reviewer@Example.test',
        '--password',
        '-',
        '--name',
        'Zhang Wei',
        '--role',
        'authority_reviewer',
        '--province',
        '北京',
      ],
      'a long enough password\n',
    );
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/^Created user #\d+ reviewer@example\.test as authority_reviewer in #\d+/);

    const signIn = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: 'reviewer@example.test', password: 'a long enough password' },
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const me = await test.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: readCookies(signIn) },
    });
    expect(me.json()).toMatchObject({
      user: { email: 'reviewer@example.test', name: 'Zhang Wei' },
      actor: { roles: ['authority_reviewer'], authorityProvinceCode: '11' },
    });

    const listed = run(['user', 'list', '--query', 'zhang', '--json']);
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({
      total: 1,
      items: [{ user: { email: 'reviewer@example.test' }, memberships: [{ role: 'authority_reviewer' }] }],
    });
  });

  it('refuses what it cannot do with exit 2 and a message, creating nobody', { timeout: 60_000 }, () => {
    const base = ['user', 'create', '--password', 'long enough secret', '--name', 'N'];
    const withoutOrg = run([...base, '--email', 'agent@example.test', '--role', 'agent']);
    expect(withoutOrg.status).toBe(2);
    expect(withoutOrg.stderr).toContain('held in an organisation');

    const unknownOrg = run([
      ...base,
      '--email',
      'agent@example.test',
      '--role',
      'agent',
      '--org',
      'No Such Org',
    ]);
    expect(unknownOrg.status).toBe(2);
    expect(unknownOrg.stderr).toContain('No Such Org');

    const applicant = run([...base, '--email', 'applicant@example.test', '--role', 'applicant', '--json']);
    expect(applicant.status).toBe(0);
    expect(JSON.parse(applicant.stdout)).toMatchObject({
      user: { email: 'applicant@example.test' },
      membership: null,
    });
    const again = run([...base, '--email', 'applicant@example.test', '--role', 'applicant']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');

    const listed = JSON.parse(run(['user', 'list', '--json']).stdout) as {
      items: { user: { email: string } }[];
    };
    expect(listed.items.map((item) => item.user.email)).not.toContain('agent@example.test');
  });
});
