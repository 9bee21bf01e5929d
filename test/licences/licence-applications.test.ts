import { beforeAll, describe, expect, it } from 'vitest';
import { createLicenceApplication } from '../../src/app/licences/create-licence-application.ts';
import { getLicenceApplication } from '../../src/app/licences/get-licence-application.ts';
import { listLicenceApplications } from '../../src/app/licences/list-licence-applications.ts';
import type { LicenceApplicationView } from '../../src/app/licences/present-licence-application.ts';
import {
  type LicenceAuthorityCommandInput,
  runLicenceAuthorityCommand,
} from '../../src/app/licences/run-licence-authority-command.ts';
import { submitLicenceApplication } from '../../src/app/licences/submit-licence-application.ts';
import { updateLicenceDraft } from '../../src/app/licences/update-licence-draft.ts';
import { withdrawLicenceApplication } from '../../src/app/licences/withdraw-licence-application.ts';
import { createWorkingDayCalendar } from '../../src/domain/calendar/working-day-calendar.ts';
import { parseIcpLicenceNumber, parseTelecomLicenceNumber } from '../../src/domain/numbers/licence-number.ts';
import type { Actor } from '../../src/domain/policy/order-access.ts';
import { createAuditLogRepository } from '../../src/infra/db/repositories/audit-log-repository.ts';
import { createRegistryRepository } from '../../src/infra/db/repositories/registry-repository.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildRegistryEntry } from '../support/registry-fixtures.ts';
import {
  actors,
  beijingIcpInput,
  bringToReview,
  createLicenceKit,
  type LicenceKit,
  nextUscc,
  provideAll,
  START,
} from './licence-test-kit.ts';

const calendar = createWorkingDayCalendar();

function command(kit: LicenceKit, actor: Actor, applicationId: number, input: LicenceAuthorityCommandInput) {
  return runLicenceAuthorityCommand(kit.deps, { actor, applicationId, command: input });
}

async function inboxKinds(kit: LicenceKit, actor: Actor): Promise<string[]> {
  const messages = await kit.deps.persistence.read.notifications.listInbox(actor.userId, { limit: 100 });
  return messages.map((m) => m.kind);
}

function serialOf(view: { licence?: { telecomLicenceNumber: string } }): number {
  return Number(parseTelecomLicenceNumber(view.licence?.telecomLicenceNumber ?? '').value?.serial);
}

describeEachDatabase('licence applications', (database) => {
  let kit: LicenceKit;

  beforeAll(() => {
    kit = createLicenceKit(database.db);
    kit.directory.organisationNames.set('50', { en: 'Quick Filing Agency', zh: '快捷备案代理' });
  });

  it('takes a Beijing ICP application from draft through a materials request to the issued licence', async () => {
    kit.clock.set(START);
    const created = await createLicenceApplication(kit.deps, beijingIcpInput(actors.applicant));
    expect(created).toMatchObject({
      status: 'draft',
      kind: 'icp',
      scope: 'provincial',
      provinceCode: '11',
      authority: { id: '11' },
      version: 1,
      prerequisites: { isMet: true, blocking: [] },
      allowedActions: ['edit', 'submit', 'withdraw'],
      areMaterialsComplete: false,
    });
    expect(created.reference).toMatch(/^LA-2026-\d{6}$/u);
    const ruleIds = created.prerequisites.checks.map((c) => c.ruleId);
    expect(ruleIds).toEqual(
      expect.arrayContaining([
        'licence.filing_number.present',
        'licence.filing_number.not_in_registry',
        'licence.company_required',
        'licence.registered_capital.met',
      ]),
    );

    // Nothing is marked yet: every required material is a field error.
    const early = submitLicenceApplication(kit.deps, { actor: actors.applicant, applicationId: created.id });
    await expect(early).rejects.toMatchObject({ code: 'validation_failed' });
    const missing = await early.catch(
      (error: { details: { issues: { code: string; params: { field: string } }[] } }) =>
        error.details.issues.map((i) => `${i.code}:${i.params.field}`),
    );
    expect(missing).toContain('material_missing:materials.business_licence');

    const marked = await updateLicenceDraft(kit.deps, {
      actor: actors.applicant,
      applicationId: created.id,
      materials: provideAll(created),
    });
    expect(marked.areMaterialsComplete).toBe(true);
    const submitted = await submitLicenceApplication(kit.deps, {
      actor: actors.applicant,
      applicationId: created.id,
    });
    expect(submitted).toMatchObject({ status: 'submitted', submittedVersion: 1 });
    expect(submitted.deadlines.acceptanceDue).toBe(
      calendar.deadlineInWorkingDays(new Date(START), 5).toISOString(),
    );
    expect(await inboxKinds(kit, actors.beijingAuthority)).toContain('licence_application_submitted');

    // Only the province's sandbox authority decides; others cannot or do not even see it.
    await expect(
      command(kit, actors.applicant, created.id, { kind: 'start_acceptance_check' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      command(kit, actors.guangdongAuthority, created.id, { kind: 'start_acceptance_check' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await command(kit, actors.beijingAuthority, created.id, { kind: 'start_acceptance_check' });
    const requested = await command(kit, actors.beijingAuthority, created.id, {
      kind: 'request_materials',
      reasons: [
        {
          fieldPath: 'materials.idc_contract',
          reasonCode: 'idc_contract_expired',
          text: { zh: '托管合同已过期' },
        },
      ],
    });
    expect(requested.application).toMatchObject({
      status: 'materials_requested',
      reasons: [{ fieldPath: 'materials.idc_contract', reasonCode: 'idc_contract_expired' }],
      deadlines: {},
    });
    expect(await inboxKinds(kit, actors.applicant)).toContain('licence_materials_requested');

    kit.clock.advanceHours(24);
    const supplemented = await updateLicenceDraft(kit.deps, {
      actor: actors.applicant,
      applicationId: created.id,
      materials: { ...provideAll(created), idc_contract: { provided: true, note: '新托管合同 (2026–2027)' } },
    });
    expect(supplemented.version).toBe(2);
    expect(supplemented.materials.find((m) => m.id === 'idc_contract')).toMatchObject({
      provided: true,
      note: '新托管合同 (2026–2027)',
    });
    const resubmitted = await submitLicenceApplication(kit.deps, {
      actor: actors.applicant,
      applicationId: created.id,
    });
    expect(resubmitted).toMatchObject({ status: 'submitted', submittedVersion: 2, reasons: [] });
    expect(resubmitted.versions.map((v) => v.version)).toEqual([1, 2]);

    await command(kit, actors.beijingAuthority, created.id, { kind: 'start_acceptance_check' });
    const accepted = await command(kit, actors.beijingAuthority, created.id, { kind: 'accept' });
    expect(accepted.application.status).toBe('under_review');
    // 60 calendar days after the day of acceptance (3 March 2026), at the end of that China day.
    expect(accepted.application.deadlines.reviewDue).toBe('2026-05-02T15:59:59.999Z');

    const approved = await command(kit, actors.beijingAuthority, created.id, { kind: 'approve' });
    const numbers = approved.numbers;
    expect(numbers?.telecomLicenceNumber).toMatch(/^京B2-2026\d{4}$/u);
    expect(numbers?.icpLicenceNumber).toMatch(/^京ICP证26\d{4}号$/u);
    expect(parseIcpLicenceNumber(numbers?.icpLicenceNumber ?? '').value?.serial).toBe(
      parseTelecomLicenceNumber(numbers?.telecomLicenceNumber ?? '').value?.serial,
    );
    expect(approved.application).toMatchObject({
      status: 'approved',
      allowedActions: [],
      licence: { issuedOn: '2026-03-03', expiresOn: '2031-03-02', holderName: '北京星河信息技术有限公司' },
      obligations: {
        today: '2026-03-03',
        renewal: { state: 'not_yet', renewalDeadline: '2030-12-02' },
      },
    });
    // One report a year on 2026–2030; the expiry year is left to the renewal.
    const reports = approved.application.obligations?.annualReports ?? [];
    expect(reports.map((r) => r.forYear)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(reports[0]).toMatchObject({
      state: 'upcoming',
      opensOn: '2027-01-01',
      dueOn: '2027-03-31',
      blockedBy: [],
    });
    expect(approved.application.events.map((e) => e.type)).toEqual([
      'created',
      'submitted',
      'acceptance_check_started',
      'materials_requested',
      'resubmitted',
      'acceptance_check_started',
      'accepted',
      'approved',
    ]);
    // Each step names who took it: the applicant, and the province's authority reviewer.
    const actorOf = (type: string) => approved.application.events.find((e) => e.type === type)?.actor;
    expect(actorOf('submitted')).toEqual({
      kind: 'user',
      userId: actors.applicant.userId,
      name: `User ${actors.applicant.userId}`,
      role: 'applicant',
    });
    expect(actorOf('approved')).toMatchObject({
      kind: 'user',
      userId: actors.beijingAuthority.userId,
      role: 'authority_reviewer',
      provinceCode: '11',
      organisation: { zh: '北京市通信管理局' },
    });
    expect(await inboxKinds(kit, actors.applicant)).toContain('licence_approved');
    const applicantView = await getLicenceApplication(kit.deps, {
      actor: actors.applicant,
      applicationId: created.id,
    });
    expect(applicantView.allowedActions).toEqual(['record_obligation']);

    // Every transition wrote its audit event, in the chain.
    const audit = await createAuditLogRepository(database.db.kysely).readEvents(0, 1000);
    const actions = audit.filter((e) => e.subjectId === String(created.id)).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'licence.created',
        'licence.submitted',
        'licence.resubmitted',
        'licence.approved',
      ]),
    );
    await expect(
      withdrawLicenceApplication(kit.deps, { actor: actors.applicant, applicationId: created.id }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('gives concurrent approvals distinct, consecutive numbers from one sequence', async () => {
    const count = 6;
    const applications: LicenceApplicationView[] = [];
    for (let i = 0; i < count; i += 1) {
      const input = beijingIcpInput(actors.applicant, { kind: i % 2 === 0 ? 'icp' : 'edi' });
      applications.push(await bringToReview(kit, input, actors.beijingAuthority));
    }
    const [first] = applications;
    if (!first) throw new Error('no application');
    // Two approvals of the same application: one wins, the other finds it approved.
    const duplicate = await Promise.allSettled([
      command(kit, actors.beijingAuthority, first.id, { kind: 'approve' }),
      command(kit, actors.beijingAuthority, first.id, { kind: 'approve' }),
    ]);
    expect(duplicate.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const results = await Promise.all(
      applications.slice(1).map((a) => command(kit, actors.beijingAuthority, a.id, { kind: 'approve' })),
    );
    const views = [
      await getLicenceApplication(kit.deps, { actor: actors.applicant, applicationId: first.id }),
      ...results.map((r) => r.application),
    ];
    const telecom = views.map((v) => v.licence?.telecomLicenceNumber);
    expect(new Set(telecom).size).toBe(count);
    const serials = views.map(serialOf).sort((a, b) => a - b);
    expect(serials.at(-1)).toBe((serials[0] ?? 0) + count - 1);
    // ICP and EDI of one province share the 京B2 sequence; only the ICP licence prints an ICP证 number.
    for (const view of views) {
      if (view.kind === 'edi') expect(view.licence?.icpLicenceNumber).toBeUndefined();
      else expect(view.licence?.icpLicenceNumber).toMatch(/^京ICP证26\d{4}号$/u);
    }
  });

  it('lets a WFOE apply for a cross-regional EDI licence, decided by the platform administrators as MIIT', async () => {
    const input = beijingIcpInput(actors.applicant, {
      kind: 'edi',
      scope: 'cross_regional',
      companyName: '北京环球商城有限公司',
      facts: {
        applicantKind: 'wfoe',
        registeredCapitalRmb: 20_000_000,
        icpFilingNumber: '京ICP备2024054321号',
      },
    });
    const created = await createLicenceApplication(kit.deps, input);
    expect(created.prerequisites).toMatchObject({ isMet: true, blocking: [] });
    expect(created.prerequisites.checks.map((c) => c.ruleId)).toContain('edi.foreign_ownership.unlimited');
    expect(created.authority.id).toBe('miit');
    expect(created.materials.map((m) => m.id)).toEqual(
      expect.arrayContaining(['platform_rules', 'foreign_investment_opinion']),
    );
    const review = await bringToReview(kit, input, actors.platformAdmin);
    expect(await inboxKinds(kit, actors.platformAdmin)).toContain('licence_application_submitted');
    await expect(
      getLicenceApplication(kit.deps, { actor: actors.beijingAuthority, applicationId: review.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const approved = await command(kit, actors.platformAdmin, review.id, { kind: 'approve' });
    expect(approved.application.events.find((e) => e.type === 'approved')?.actor).toMatchObject({
      userId: actors.platformAdmin.userId,
      role: 'platform_admin',
      organisation: { en: expect.stringContaining('Ministry of Industry') },
    });
    expect(approved.numbers?.telecomLicenceNumber).toMatch(/^B2-2026\d{4}$/u);
    expect(approved.numbers?.icpLicenceNumber).toBeUndefined();
  });

  it('keeps a 60 %-foreign ICP application as a draft with the blocking reason, invisible to others', async () => {
    const created = await createLicenceApplication(
      kit.deps,
      beijingIcpInput(actors.applicant, {
        companyName: '北京合资网络有限公司',
        facts: {
          applicantKind: 'joint_venture',
          chineseOwnershipPercent: 40,
          registeredCapitalRmb: 5_000_000,
          icpFilingNumber: '京ICP备2024011111号',
        },
      }),
    );
    expect(created.prerequisites).toMatchObject({
      isMet: false,
      blocking: ['licence.foreign_ownership.over_cap'],
    });
    const overCap = created.prerequisites.checks.find(
      (c) => c.ruleId === 'licence.foreign_ownership.over_cap',
    );
    expect(overCap).toMatchObject({ outcome: 'fail', sources: expect.arrayContaining(['fite-2022']) });
    await updateLicenceDraft(kit.deps, {
      actor: actors.applicant,
      applicationId: created.id,
      materials: provideAll(created),
    });
    const refused = await submitLicenceApplication(kit.deps, {
      actor: actors.applicant,
      applicationId: created.id,
    }).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: 'validation_failed',
      details: {
        issues: [
          {
            code: 'prerequisite_not_met',
            params: { field: 'facts', ruleId: 'licence.foreign_ownership.over_cap' },
            message: { en: expect.stringContaining('60 %') },
          },
        ],
      },
    });

    const applicationId = created.id;
    for (const attempt of [
      () => getLicenceApplication(kit.deps, { actor: actors.otherApplicant, applicationId }),
      () => submitLicenceApplication(kit.deps, { actor: actors.otherApplicant, applicationId }),
      () => updateLicenceDraft(kit.deps, { actor: actors.otherApplicant, applicationId, materials: {} }),
      () => getLicenceApplication(kit.deps, { actor: actors.beijingAuthority, applicationId }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'not_found' });
    }
    const listed = await listLicenceApplications(kit.deps, { actor: actors.otherApplicant });
    expect(listed.applications.map((a) => a.id)).not.toContain(created.id);

    // Fixing the facts (a Chinese majority) unblocks it.
    const fixed = await updateLicenceDraft(kit.deps, {
      actor: actors.applicant,
      applicationId: created.id,
      facts: { ...created.facts, chineseOwnershipPercent: 51 },
    });
    expect(fixed.prerequisites.isMet).toBe(true);
    const submitted = await submitLicenceApplication(kit.deps, {
      actor: actors.applicant,
      applicationId: created.id,
    });
    expect(submitted.status).toBe('submitted');
  });

  it('lets an agent apply for its client, who sees the application but does not edit it', async () => {
    const input = beijingIcpInput(actors.agent, {
      agentOrgId: '50',
      clientUserId: actors.client.userId,
      companyName: '北京客户科技有限公司',
    });
    const created = await createLicenceApplication(kit.deps, input);
    expect(created).toMatchObject({ agentOrgId: '50', clientUserId: actors.client.userId });
    const seen = await getLicenceApplication(kit.deps, { actor: actors.client, applicationId: created.id });
    expect(seen.allowedActions).toEqual([]);
    await expect(
      updateLicenceDraft(kit.deps, { actor: actors.client, applicationId: created.id, materials: {} }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await updateLicenceDraft(kit.deps, {
      actor: actors.agent,
      applicationId: created.id,
      materials: provideAll(created),
    });
    const submitted = await submitLicenceApplication(kit.deps, {
      actor: actors.agent,
      applicationId: created.id,
    });
    expect(submitted.status).toBe('submitted');
    expect(submitted.events.find((e) => e.type === 'submitted')?.actor).toEqual({
      kind: 'user',
      userId: actors.agent.userId,
      name: `User ${actors.agent.userId}`,
      role: 'agent',
      organisation: { en: 'Quick Filing Agency', zh: '快捷备案代理' },
      onBehalfOf: '北京客户科技有限公司',
    });
    expect(await inboxKinds(kit, actors.client)).toContain('licence_application_submitted');
    const clientList = await listLicenceApplications(kit.deps, {
      actor: actors.client,
      statuses: ['submitted'],
    });
    expect(clientList.applications.map((a) => a.id)).toContain(created.id);

    await expect(
      createLicenceApplication(kit.deps, { ...input, clientUserId: actors.otherApplicant.userId }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: { issues: [{ code: 'client_not_authorised' }] },
    });
    await expect(
      createLicenceApplication(kit.deps, beijingIcpInput(actors.applicant, { agentOrgId: '50' })),
    ).rejects.toMatchObject({ details: { issues: [{ code: 'not_an_agent_of_agency' }] } });
    await expect(
      createLicenceApplication(kit.deps, beijingIcpInput(actors.providerReviewer)),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses malformed input but keeps failing checks as blocking', async () => {
    await expect(
      createLicenceApplication(kit.deps, beijingIcpInput(actors.applicant, { uscc: '91110105MA0000000X' })),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: { issues: [{ params: { field: 'uscc' } }] },
    });
    await expect(
      createLicenceApplication(
        kit.deps,
        beijingIcpInput(actors.applicant, {
          facts: { applicantKind: 'chinese_company', icpFilingNumber: 'ICP123' },
        }),
      ),
    ).rejects.toMatchObject({ details: { issues: [{ params: { field: 'facts.icpFilingNumber' } }] } });
    await expect(
      createLicenceApplication(
        kit.deps,
        beijingIcpInput(actors.applicant, { materials: { casino_permit: { provided: true } } }),
      ),
    ).rejects.toMatchObject({ details: { issues: [{ code: 'unknown_material' }] } });
    const noFiling = await createLicenceApplication(
      kit.deps,
      beijingIcpInput(actors.applicant, {
        facts: { applicantKind: 'chinese_company', registeredCapitalRmb: 500_000 },
      }),
    );
    expect(noFiling.prerequisites.blocking).toEqual([
      'licence.filing_number.missing',
      'licence.registered_capital.below',
    ]);
    const withdrawn = await withdrawLicenceApplication(kit.deps, {
      actor: actors.applicant,
      applicationId: noFiling.id,
    });
    expect(withdrawn.status).toBe('withdrawn');
  });

  it('records the real authority’s steps in recorded mode, and the sandbox skips serials recorded there', async () => {
    const recorded = createLicenceKit(database.db, { authorityMode: 'recorded' });
    recorded.clock.set(kit.clock.now());
    const input = beijingIcpInput(actors.applicant, { province: '44', uscc: nextUscc('440305') });
    const created = await createLicenceApplication(recorded.deps, input);
    expect(created).toMatchObject({ authorityMode: 'recorded', authority: { id: '44' } });
    const review = await bringToReview(recorded, input, actors.applicant);
    // The province's sandbox authority has no part in a recorded application.
    await expect(
      getLicenceApplication(recorded.deps, { actor: actors.guangdongAuthority, applicationId: review.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(command(recorded, actors.applicant, review.id, { kind: 'approve' })).rejects.toMatchObject({
      details: { issues: [{ code: 'licence_number_required' }] },
    });
    await expect(
      command(recorded, actors.applicant, review.id, {
        kind: 'approve',
        numbers: { telecomLicenceNumber: '京B2-20260001' },
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: { issues: [{ code: 'licence_number_mismatch' }] },
    });
    const approved = await command(recorded, actors.applicant, review.id, {
      kind: 'approve',
      issuedOn: recorded.clock.now().toISOString().slice(0, 10),
      numbers: { telecomLicenceNumber: '粤b2-20260001', icpLicenceNumber: '粤ICP证260001号' },
    });
    expect(approved.numbers).toEqual({
      telecomLicenceNumber: '粤B2-20260001',
      icpLicenceNumber: '粤ICP证260001号',
    });

    // A second licence with the same number is refused; the sandbox's own sequence steps over it.
    const twin = await bringToReview(recorded, { ...input, uscc: nextUscc('440305') }, actors.applicant);
    await expect(
      command(recorded, actors.applicant, twin.id, {
        kind: 'approve',
        numbers: { telecomLicenceNumber: '粤B2-20260001' },
      }),
    ).rejects.toMatchObject({ code: 'conflict', details: { issues: [{ code: 'licence_number_taken' }] } });
    const sandbox = await bringToReview(
      kit,
      { ...input, uscc: nextUscc('440305') },
      actors.guangdongAuthority,
    );
    const issued = await command(kit, actors.guangdongAuthority, sandbox.id, { kind: 'approve' });
    expect(issued.numbers).toEqual({
      telecomLicenceNumber: '粤B2-20260002',
      icpLicenceNumber: '粤ICP证260002号',
    });
  });

  it('blocks a filing number the public registry lists under another unit', async () => {
    const entry = buildRegistryEntry({
      entityNumber: '京ICP备2021034286号',
      unitName: '北京星辰网络科技有限公司',
    });
    await database.db.transaction((trx) =>
      createRegistryRepository(trx, database.db.dialect).bulkInsert([entry]),
    );
    const facts = {
      applicantKind: 'chinese_company' as const,
      registeredCapitalRmb: 3_000_000,
      icpFilingNumber: '京ICP备2021034286号-1',
    };
    const other = await createLicenceApplication(kit.deps, beijingIcpInput(actors.applicant, { facts }));
    expect(other.prerequisites.blocking).toEqual(['licence.filing_number.other_unit']);
    const own = await createLicenceApplication(
      kit.deps,
      beijingIcpInput(actors.applicant, { facts, companyName: '北京星辰网络科技有限公司' }),
    );
    expect(own.prerequisites.isMet).toBe(true);
    expect(own.prerequisites.checks.map((c) => c.ruleId)).toContain('licence.filing_number.in_registry');
  });
});

describe('licence reference', () => {
  it('is derived from the id and the China year of creation', async () => {
    const { formatLicenceReference, parseLicenceReference } = await import(
      '../../src/app/licences/licence-reference.ts'
    );
    expect(formatLicenceReference(42, new Date('2026-12-31T16:30:00Z'))).toBe('LA-2027-000042');
    expect(parseLicenceReference(' la-2026-000042 ')).toEqual({ id: 42, year: 2026 });
    expect(parseLicenceReference('OB-2026-000042')).toBeUndefined();
  });
});
