import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, createPerson, fail, findServerErrors, type Person } from '../http/http-test-kit.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildAdminTestApp } from './admin-test-kit.ts';

const NEW_SOURCE = {
  title: 'MIIT: .dev joins the fileable list (example)',
  url: 'https://www.miit.gov.cn/example',
};

interface Edit {
  id: number;
  status: string;
  sourceId: string;
  change: Record<string, unknown>;
  newSource?: { id: string };
}

describeEachDatabase('admin catalogue edits over HTTP', (database) => {
  let test: Awaited<ReturnType<typeof buildAdminTestApp>>;
  let admin: Person;
  let applicant: Person;

  beforeAll(async () => {
    test = await buildAdminTestApp(database.db);
    admin = await createPerson(test, 'platform_admin');
    applicant = await createPerson(test, 'applicant');
  });
  afterAll(async () => {
    expect(findServerErrors(test.readLogs())).toEqual([]);
    await test.close();
  });

  const edit = (payload: unknown, status = 201) =>
    call<Edit>(test, 'POST', '/api/admin/catalogue/edits', { cookie: admin.cookie, payload, status });
  const validateDomain = async (value: string) =>
    (await call<{ valid: boolean }>(test, 'POST', '/api/validate/domain', { payload: { value } })).valid;

  it('answers 401 to anonymous callers and 404 to everyone but platform administrators', async () => {
    const payload = { change: { kind: 'tld_add', tld: 'dev' }, source: NEW_SOURCE };
    expect((await fail(test, 'GET', '/api/admin/catalogue/edits', 401)).code).toBe('unauthenticated');
    expect((await fail(test, 'POST', '/api/admin/catalogue/edits', 401, { payload })).code).toBe(
      'unauthenticated',
    );
    expect((await fail(test, 'DELETE', '/api/admin/catalogue/edits/1', 401)).code).toBe('unauthenticated');
    const cookie = applicant.cookie;
    await fail(test, 'GET', '/api/admin/catalogue/edits', 404, { cookie });
    await fail(test, 'POST', '/api/admin/catalogue/edits', 404, { cookie, payload });
    await fail(test, 'DELETE', '/api/admin/catalogue/edits/1', 404, { cookie });
    expect((await fail(test, 'GET', '/api/admin/catalogue/lexicon', 401)).code).toBe('unauthenticated');
    await fail(test, 'GET', '/api/admin/catalogue/lexicon', 404, { cookie });
  });

  it('refuses malformed edits with validation_failed and invalid ones with catalogue_edit_invalid', async () => {
    const cookie = admin.cookie;
    const post = (payload: unknown) =>
      fail(test, 'POST', '/api/admin/catalogue/edits', 400, { cookie, payload });
    expect((await post({ change: { kind: 'tld_add', tld: 'dev' } })).code).toBe('validation_failed');
    expect((await post({ change: { kind: 'rename', tld: 'dev' }, source: NEW_SOURCE })).code).toBe(
      'validation_failed',
    );
    expect(
      (await post({ change: { kind: 'tld_add', tld: 'dev' }, source: { title: 'x', url: 'ftp://x.cn' } }))
        .code,
    ).toBe('validation_failed');
    const invalid = [
      { change: { kind: 'tld_add', tld: 'dev' }, source: { sourceId: 'no-such-source' } },
      { change: { kind: 'tld_add', tld: 'com' }, source: { sourceId: 'order-33' } },
      { change: { kind: 'tld_remove', tld: 'io' }, source: { sourceId: 'order-33' } },
      { change: { kind: 'tld_add', tld: 'a..b' }, source: { sourceId: 'order-33' } },
      {
        change: {
          kind: 'province_rule',
          province: '11',
          field: 'providerReviewDays',
          value: { typical: 'x' },
        },
        source: { sourceId: 'order-33' },
      },
      {
        change: {
          kind: 'province_rule',
          province: '11',
          field: 'extraDocuments',
          value: ['no_such_document'],
        },
        source: { sourceId: 'order-33' },
      },
      {
        change: { kind: 'province_rule', province: '99', field: 'minimumAge', value: { age: 18 } },
        source: { sourceId: 'order-33' },
      },
      {
        change: { kind: 'lexicon_add', list: 'provinceIndividualBanned', term: '论坛' },
        source: { sourceId: 'order-33' },
      },
      {
        change: { kind: 'lexicon_remove', list: 'sensitiveWords', term: '不在词表' },
        source: { sourceId: 'order-33' },
      },
    ];
    // Each refusal names its reasons by a stable code, with the params a client words them with.
    const expected = [
      { code: 'unknown_source', params: { sourceId: 'no-such-source' } },
      { code: 'tld_already_fileable', params: { tld: 'com' } },
      { code: 'tld_not_fileable', params: { tld: 'io' } },
      { code: 'not_a_domain_suffix', params: { tld: 'a..b' } },
      { code: 'catalogue_check_failed' },
      { code: 'catalogue_check_failed' },
      { code: 'unknown_province', params: { province: '99' } },
      { code: 'province_required', params: { list: 'provinceIndividualBanned' } },
      { code: 'term_not_listed', params: { list: 'sensitiveWords', term: '不在词表' } },
    ];
    for (const [i, payload] of invalid.entries()) {
      const error = await post(payload);
      expect(error.code, JSON.stringify(payload)).toBe('catalogue_edit_invalid');
      const { problems } = error.details as {
        problems: { code: string; params: Record<string, string>; message: string }[];
      };
      expect(problems[0], JSON.stringify(payload)).toMatchObject(expected[i] ?? {});
      for (const problem of problems) expect(problem.message).not.toBe('');
    }
    const personal = await post({
      change: { kind: 'lexicon_add', list: 'sensitiveWords', term: '13812345678' },
      source: { sourceId: 'order-33' },
    });
    expect((personal.details as { problems: { code: string }[] }).problems[0]?.code).toBe('personal_data');
    expect(
      (await call<{ items: unknown[] }>(test, 'GET', '/api/admin/catalogue/edits', { cookie })).items,
    ).toEqual([]);
  });

  it('adds a TLD with a new source: the public catalogue lists it and the domain validator accepts it', async () => {
    expect(await validateDomain('example.dev')).toBe(false);
    const added = await edit({ change: { kind: 'tld_add', tld: '.DEV' }, source: NEW_SOURCE });
    expect(added).toMatchObject({ status: 'applied', change: { kind: 'tld_add', tld: 'dev' } });
    expect(added.newSource?.id).toBe(added.sourceId);

    const tlds = await call<{ fileable: string[]; notFileable: { tld: string }[]; sources: string[] }>(
      test,
      'GET',
      '/api/catalogue/tlds',
    );
    expect(tlds.fileable).toContain('dev');
    expect(tlds.notFileable.map((entry) => entry.tld)).not.toContain('dev');
    expect(tlds.sources).toContain(added.sourceId);
    const sources = await call<{ items: { id: string; title: string }[] }>(
      test,
      'GET',
      '/api/catalogue/sources',
    );
    expect(sources.items.find((source) => source.id === added.sourceId)?.title).toBe(NEW_SOURCE.title);
    expect(await validateDomain('example.dev')).toBe(true);

    // The same new source again is the same source, not a second one.
    const removed = await edit({ change: { kind: 'tld_remove', tld: 'dev' }, source: NEW_SOURCE });
    expect(removed.sourceId).toBe(added.sourceId);
    expect(removed.newSource).toBeUndefined();
    expect(await validateDomain('example.dev')).toBe(false);

    // The removal builds on the addition: revert it first.
    const conflict = await fail(test, 'DELETE', `/api/admin/catalogue/edits/${added.id}`, 409, {
      cookie: admin.cookie,
    });
    expect(conflict.code).toBe('conflict');
    const reverted = await call<Edit>(test, 'DELETE', `/api/admin/catalogue/edits/${removed.id}`, {
      cookie: admin.cookie,
    });
    expect(reverted.status).toBe('reverted');
    expect(await validateDomain('example.dev')).toBe(true);
    await call(test, 'DELETE', `/api/admin/catalogue/edits/${added.id}`, { cookie: admin.cookie });
    expect(await validateDomain('example.dev')).toBe(false);
    await fail(test, 'DELETE', `/api/admin/catalogue/edits/${added.id}`, 404, { cookie: admin.cookie });
    await fail(test, 'DELETE', '/api/admin/catalogue/edits/999999', 404, { cookie: admin.cookie });
    await fail(test, 'DELETE', '/api/admin/catalogue/edits/abc', 400, { cookie: admin.cookie });

    const { items } = await call<{ items: Edit[] }>(test, 'GET', '/api/admin/catalogue/edits', {
      cookie: admin.cookie,
    });
    expect(items.map((item) => [item.id, item.status])).toEqual([
      [removed.id, 'reverted'],
      [added.id, 'reverted'],
    ]);
  });

  it('sets a province rule: the old value stays as an alternative', async () => {
    const before = await call<{ rules: { providerReviewDays: { value: unknown } } }>(
      test,
      'GET',
      '/api/catalogue/provinces/11',
    );
    const changed = await edit({
      change: {
        kind: 'province_rule',
        province: '11',
        field: 'providerReviewDays',
        value: { typical: 2, max: 3 },
        note: { en: 'Observed in 2027.', zh: '2027年观察所得。' },
      },
      source: { sourceId: 'order-33' },
    });
    const after = await call<{
      rules: {
        providerReviewDays: { value: unknown; sources: string[]; note: unknown; alternatives: unknown[] };
      };
    }>(test, 'GET', '/api/catalogue/provinces/京');
    expect(after.rules.providerReviewDays).toMatchObject({
      value: { typical: 2, max: 3 },
      sources: ['order-33'],
      note: { en: 'Observed in 2027.' },
    });
    expect(after.rules.providerReviewDays.alternatives[0]).toMatchObject({
      value: before.rules.providerReviewDays.value,
    });
    await call(test, 'DELETE', `/api/admin/catalogue/edits/${changed.id}`, { cookie: admin.cookie });
    const restored = await call<{ rules: unknown }>(test, 'GET', '/api/catalogue/provinces/11');
    expect(restored.rules).toEqual(before.rules);
  });

  it('adds and removes site-name words, nationally and per province', async () => {
    const siteName = (value: string, extra: Record<string, string> = {}) =>
      call<{ valid: boolean; errors: { code: string }[] }>(test, 'POST', '/api/validate/site-name', {
        payload: { value, ...extra },
      });
    expect((await siteName('示例禁词博客')).valid).toBe(true);
    const sensitive = await edit({
      change: { kind: 'lexicon_add', list: 'sensitiveWords', term: ' 示例禁词 ' },
      source: { sourceId: 'order-33' },
    });
    expect(sensitive.change.term).toBe('示例禁词');
    expect((await siteName('示例禁词博客')).errors.map((e) => e.code)).toContain('sensitive_word');

    const provincial = await edit({
      change: { kind: 'lexicon_add', list: 'provinceIndividualBanned', province: '44', term: '小站' },
      source: { sourceId: 'order-33' },
    });
    expect((await siteName('张三的小站', { nature: 'individual', province: '44' })).valid).toBe(false);
    expect((await siteName('张三的小站', { nature: 'individual', province: '11' })).valid).toBe(true);

    // The admins' read of the word lists is the lists in force, edits included.
    const lexicon = () =>
      call<{
        sensitiveWords: { words: string[]; sources: string[] };
        provinceIndividualBanned: Record<string, { words: string[] }>;
      }>(test, 'GET', '/api/admin/catalogue/lexicon', { cookie: admin.cookie });
    const inForce = await lexicon();
    expect(inForce.sensitiveWords.words).toContain('示例禁词');
    expect(inForce.sensitiveWords.sources).toContain('order-33');
    expect(inForce.provinceIndividualBanned['44']?.words).toContain('小站');
    expect(inForce.provinceIndividualBanned['11']?.words ?? []).not.toContain('小站');

    const removed = await edit({
      change: { kind: 'lexicon_remove', list: 'sensitiveWords', term: '示例禁词' },
      source: { sourceId: 'order-33' },
    });
    expect((await siteName('示例禁词博客')).valid).toBe(true);
    expect((await lexicon()).sensitiveWords.words).not.toContain('示例禁词');
    for (const id of [removed.id, provincial.id, sensitive.id]) {
      await call(test, 'DELETE', `/api/admin/catalogue/edits/${id}`, { cookie: admin.cookie });
    }
    expect((await lexicon()).provinceIndividualBanned['44']?.words ?? []).not.toContain('小站');

    const audit = await call<{ items: { action: string; subjectType: string }[] }>(
      test,
      'GET',
      '/api/admin/audit?limit=200',
      { cookie: admin.cookie },
    );
    const actions = audit.items
      .filter((event) => event.subjectType === 'catalogue_edit')
      .map((e) => e.action);
    expect(actions.filter((action) => action === 'catalogue.edited')).toHaveLength(6);
    expect(actions.filter((action) => action === 'catalogue.edit_reverted')).toHaveLength(6);
  });

  it('a province rule the eligibility engine reads changes POST /api/eligibility, and reverting restores it', async () => {
    // A joint venture filing in Shanghai (31): its timeline uses Shanghai's provider review days.
    const profile = {
      applicantKind: 'joint_venture',
      chineseOwnershipPercent: 60,
      inChina: true,
      certificateProvince: '31',
      hostingInMainland: true,
      domain: 'example-jv.com.cn',
      domainAtMainlandRegistrar: true,
      activities: ['information_only'],
      startDate: '2026-03-02',
    };
    interface Step {
      id: string;
      days: { typical: number; max: number };
      sources: string[];
      dates?: { max: { end: string } };
    }
    type Assessment = { timeline: { phases: { instrument: string; steps: Step[] }[] } };
    const assess = () => call<Assessment>(test, 'POST', '/api/eligibility', { payload: profile });
    const providerReview = (answer: Assessment) =>
      answer.timeline.phases
        .find((phase) => phase.instrument === 'icp_filing')
        ?.steps.find((step) => step.id === 'provider_review');

    const before = await assess();
    expect(providerReview(before)?.days).not.toEqual({ typical: 7, max: 9 });
    const changed = await edit({
      change: {
        kind: 'province_rule',
        province: '31',
        field: 'providerReviewDays',
        value: { typical: 7, max: 9 },
      },
      source: NEW_SOURCE,
    });
    const after = await assess();
    expect(providerReview(after)?.days).toEqual({ typical: 7, max: 9 });
    expect(providerReview(after)?.sources).toContain(changed.sourceId);
    expect(providerReview(after)?.dates?.max.end).not.toBe(providerReview(before)?.dates?.max.end);

    await call(test, 'DELETE', `/api/admin/catalogue/edits/${changed.id}`, { cookie: admin.cookie });
    expect(await assess()).toEqual(before);
  });
});
