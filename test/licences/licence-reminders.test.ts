import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { createLicenceApplication } from '../../src/app/licences/create-licence-application.ts';
import { fileLicenceChange } from '../../src/app/licences/file-licence-change.ts';
import { recordAnnualReport } from '../../src/app/licences/record-annual-report.ts';
import { recordLicenceChange } from '../../src/app/licences/record-licence-change.ts';
import { recordLicenceRenewal } from '../../src/app/licences/record-licence-renewal.ts';
import { runLicenceAuthorityCommand } from '../../src/app/licences/run-licence-authority-command.ts';
import { sendLicenceReminders } from '../../src/app/licences/send-licence-reminders.ts';
import { submitLicenceApplication } from '../../src/app/licences/submit-licence-application.ts';
import { updateLicenceDraft } from '../../src/app/licences/update-licence-draft.ts';
import {
  type LicenceReminderKind,
  planLicenceReminders,
} from '../../src/domain/licence/licence-obligations.ts';
import type { Actor } from '../../src/domain/policy/order-access.ts';
import { startBackgroundJobs } from '../../src/server/jobs.ts';
import { createOrderKit } from '../orders/order-test-kit.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  actors,
  beijingIcpInput,
  bringToReview,
  createLicenceKit,
  type LicenceKit,
  provideAll,
  START,
} from './licence-test-kit.ts';

/** 09:00 in Beijing on a China date. */
function morningOf(date: string): Date {
  return new Date(`${date}T01:00:00.000Z`);
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

describeEachDatabase('licence reminders', (database) => {
  let kit: LicenceKit;
  /** Approved on START (2026-03-02): renewal recorded later. */
  let reported: { id: number; number: string };
  /** Approved on START too: nothing recorded, so every reminder fires. */
  let neglected: { id: number; number: string };
  let pendingId: number;

  async function count(actor: Actor, kind: string, number?: string): Promise<number> {
    const messages = await kit.deps.persistence.read.notifications.listInbox(actor.userId, { limit: 1000 });
    return messages.filter((m) => m.kind === kind && (number === undefined || m.title.en.includes(number)))
      .length;
  }

  async function approve(companyName: string): Promise<{ id: number; number: string }> {
    const review = await bringToReview(
      kit,
      beijingIcpInput(actors.applicant, { companyName }),
      actors.beijingAuthority,
    );
    const approved = await runLicenceAuthorityCommand(kit.deps, {
      actor: actors.beijingAuthority,
      applicationId: review.id,
      command: { kind: 'approve' },
    });
    return { id: review.id, number: approved.numbers?.telecomLicenceNumber ?? '' };
  }

  beforeAll(async () => {
    kit = createLicenceKit(database.db);
    kit.clock.set(START);
    const created = await createLicenceApplication(kit.deps, beijingIcpInput(actors.applicant));
    await updateLicenceDraft(kit.deps, {
      actor: actors.applicant,
      applicationId: created.id,
      materials: provideAll(created),
    });
    await submitLicenceApplication(kit.deps, { actor: actors.applicant, applicationId: created.id });
    pendingId = created.id;
    reported = await approve('北京年报科技有限公司');
    neglected = await approve('北京遗忘科技有限公司');
  });

  it('reminds the authority on the day its acceptance check is due, once, and drops reminders of moved deadlines', async () => {
    // Submitted on Monday 2 March: the check is due by the end of Monday 9 March (5 working days).
    expect(await sendLicenceReminders(kit.deps, new Date('2026-03-08T15:00:00Z'))).toEqual({
      sent: 0,
      cancelled: 0,
      duties: 0,
    });
    const dueDay = await sendLicenceReminders(kit.deps, morningOf('2026-03-09'));
    // The pending application's reminder goes out; the approved ones' acceptance reminders are void.
    expect(dueDay).toEqual({ sent: 1, cancelled: 2, duties: 0 });
    expect(await count(actors.beijingAuthority, 'licence_acceptance_due')).toBe(1);
    expect(await sendLicenceReminders(kit.deps, morningOf('2026-03-10'))).toEqual({
      sent: 0,
      cancelled: 0,
      duties: 0,
    });
    expect(pendingId).toBeGreaterThan(0);
  });

  it('sends annual_report_open on 1 January and annual_report_late on 1 April, each once, and nothing once reported', async () => {
    const open = await sendLicenceReminders(kit.deps, morningOf('2027-01-01'));
    expect(open.duties).toBe(2);
    for (const licence of [reported, neglected]) {
      expect(await count(actors.applicant, 'licence_annual_report_open', licence.number)).toBe(1);
    }
    expect((await sendLicenceReminders(kit.deps, morningOf('2027-01-01'))).duties).toBe(0);
    expect((await sendLicenceReminders(kit.deps, morningOf('2027-01-20'))).duties).toBe(0);

    // The holder's mail too, in both languages.
    const mail = await kit.deps.persistence.read.notifications.listMail({ limit: 100, offset: 0 });
    expect(
      mail.some((m) => m.subject.includes(`Annual report on 2026 due by 2027-03-31: ${reported.number}`)),
    ).toBe(true);

    // Reported on 20 January (a change of capital recorded with the authority first).
    kit.clock.set(morningOf('2027-01-20'));
    const changed = await recordLicenceChange(kit.deps, {
      actor: actors.applicant,
      applicationId: reported.id,
      kind: 'registered_capital',
      description: 'RMB 2 million → 5 million',
      effectiveOn: '2026-11-15',
    });
    expect(changed.obligations?.annualReports[0]?.blockedBy.map((i) => i.code)).toEqual([
      'licence_change_not_recorded',
    ]);
    await expect(
      recordAnnualReport(kit.deps, { actor: actors.applicant, applicationId: reported.id, year: 2026 }),
    ).rejects.toMatchObject({
      code: 'conflict',
      details: { issues: [{ code: 'licence_change_not_recorded' }] },
    });
    const changeId = changed.licence?.changes[0]?.id ?? 0;
    await fileLicenceChange(kit.deps, {
      actor: actors.applicant,
      applicationId: reported.id,
      changeId,
      filedOn: '2027-01-10',
    });
    const done = await recordAnnualReport(kit.deps, {
      actor: actors.applicant,
      applicationId: reported.id,
      year: 2026,
    });
    expect(done.obligations?.annualReports[0]).toMatchObject({ forYear: 2026, state: 'done' });
    expect(done.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['change_recorded', 'change_filed', 'annual_report_recorded']),
    );
    await expect(
      recordAnnualReport(kit.deps, { actor: actors.applicant, applicationId: reported.id, year: 2026 }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      recordAnnualReport(kit.deps, { actor: actors.applicant, applicationId: reported.id, year: 2027 }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: { issues: [{ code: 'annual_report_not_open' }] },
    });

    const late = await sendLicenceReminders(kit.deps, morningOf('2027-04-01'));
    expect(late.duties).toBe(1);
    expect(await count(actors.applicant, 'licence_annual_report_late', neglected.number)).toBe(1);
    expect(await count(actors.applicant, 'licence_annual_report_late', reported.number)).toBe(0);
    expect((await sendLicenceReminders(kit.deps, morningOf('2027-04-01'))).duties).toBe(0);
    expect((await sendLicenceReminders(kit.deps, morningOf('2027-04-02'))).duties).toBe(0);
  });

  it('reminds of the renewal on the computed dates, once each, until the renewal is recorded', async () => {
    const plan = planLicenceReminders({ issuedOn: '2026-03-02', expiresOn: '2031-03-01', annualReports: [] });
    const fireOn = (kind: LicenceReminderKind) => plan.find((r) => r.kind === kind)?.fireOn ?? '';
    expect([fireOn('renewal_open'), fireOn('renewal_due_soon'), fireOn('renewal_late')]).toEqual([
      '2030-09-02',
      '2030-11-01',
      '2030-12-02',
    ]);
    for (const kind of ['renewal_open', 'renewal_due_soon'] as const) {
      await sendLicenceReminders(kit.deps, morningOf(dayBefore(fireOn(kind))));
      expect(await count(actors.applicant, `licence_${kind}`)).toBe(0);
      await sendLicenceReminders(kit.deps, morningOf(fireOn(kind)));
      await sendLicenceReminders(kit.deps, morningOf(fireOn(kind)));
      for (const licence of [reported, neglected]) {
        expect(await count(actors.applicant, `licence_${kind}`, licence.number)).toBe(1);
      }
    }
    kit.clock.set(morningOf('2030-11-20'));
    const renewed = await recordLicenceRenewal(kit.deps, {
      actor: actors.applicant,
      applicationId: reported.id,
      appliedOn: '2030-11-20',
    });
    expect(renewed.obligations?.renewal).toMatchObject({ state: 'done', appliedLate: false });

    await sendLicenceReminders(kit.deps, morningOf(dayBefore(fireOn('renewal_late'))));
    expect(await count(actors.applicant, 'licence_renewal_late')).toBe(0);
    await sendLicenceReminders(kit.deps, morningOf(fireOn('renewal_late')));
    await sendLicenceReminders(kit.deps, morningOf(fireOn('renewal_late')));
    expect(await count(actors.applicant, 'licence_renewal_late', neglected.number)).toBe(1);
    expect(await count(actors.applicant, 'licence_renewal_late', reported.number)).toBe(0);
  });

  it('runs as the server’s licence-reminders job on the injected clock', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'openbeian-licence-jobs-'));
    const lines: string[] = [];
    const orders = {
      ...createOrderKit(database.db).deps,
      fieldCipher: kit.deps.fieldCipher,
      clock: kit.clock,
    };
    const jobs = startBackgroundJobs({
      orders,
      licences: kit.deps,
      database: database.db,
      config: { dataDir, publicUrl: 'https://beian.example.cn', smtpUrl: undefined },
      logger: { info: (line) => lines.push(line), warn: (line) => lines.push(line) },
      intervals: {
        smsExpiryMs: 3_600_000,
        remindersMs: 3_600_000,
        mailMs: 3_600_000,
        licenceRemindersMs: 3_600_000,
      },
    });
    try {
      // The day after expiry: the neglected licence expired, the renewed one too (its renewal is pending).
      kit.clock.set(morningOf('2031-03-02'));
      await jobs.runOnce();
      expect(await count(actors.applicant, 'licence_expired', neglected.number)).toBe(1);
      expect(lines.join('\n')).toMatch(/job licence-reminders: .*duties sent [1-9]/u);
      // The mail outbox went out as .eml files, addressed to the holder.
      await jobs.runOnce();
      const files = readdirSync(join(dataDir, 'mail')).filter((name) => name.endsWith('.eml'));
      const mail = files.map((name) => readFileSync(join(dataDir, 'mail', name), 'utf8')).join('\n');
      expect(mail).toContain(`user${actors.applicant.userId}@openbeian.test`);
    } finally {
      await jobs.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
