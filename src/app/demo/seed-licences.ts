import { toChinaDate } from '../../domain/calendar/china-date.ts';
import type { LicenceFacts } from '../../domain/licence/licence-prerequisites.ts';
import { buildEnterpriseUscc } from '../../domain/order-content/fixtures.ts';
import { createLicenceApplication } from '../licences/create-licence-application.ts';
import type { LicenceDeps } from '../licences/licence-deps.ts';
import type { MaterialMarks } from '../licences/licence-store.ts';
import type { LicenceApplicationView } from '../licences/present-licence-application.ts';
import { recordAnnualReport } from '../licences/record-annual-report.ts';
import { runLicenceAuthorityCommand } from '../licences/run-licence-authority-command.ts';
import { submitLicenceApplication } from '../licences/submit-licence-application.ts';
import { updateLicenceDraft } from '../licences/update-licence-draft.ts';
import { computeCertificateIndex } from '../orders/order-content-crypto.ts';
import type { Clock } from '../ports.ts';
import type { DemoSeedStep } from './demo-seed-step.ts';
import { getDemoActor, getFixtureCounty } from './seed-orders.ts';

/** The demo applicant's company, filed in Beijing by the orders step. */
const COMPANY = { name: '北京示例科技有限公司', organisationCode: 'MA01EXAM', province: '11' };
const DAY_MS = 86_400_000;

/** A clock the step moves forward, so the licence's history has plausible dates. */
class StepClock implements Clock {
  #now: Date;
  constructor(start: Date) {
    this.#now = start;
  }
  now(): Date {
    return new Date(this.#now);
  }
  moveTo(instant: Date): void {
    this.#now = instant;
  }
}

function provideAll(view: LicenceApplicationView): MaterialMarks {
  return Object.fromEntries(view.materials.map((material) => [material.id, { provided: true }]));
}

/**
 * Licence applications for the demo: the demo applicant's Beijing company holds an ICP licence
 * (approved about fourteen months ago, its first annual report filed), and has just applied for an EDI
 * licence, which waits in the Beijing sandbox authority's queue. Run through the licence use cases
 * on a clock moved through their history, as a user and the authority would have.
 */
export const seedLicencesStep: DemoSeedStep = {
  name: 'licences',

  async hasData(deps) {
    const rows = await deps.licences.persistence.read.licences.listApplications({
      scopes: [{ kind: 'all' }],
      limit: 1,
      offset: 0,
    });
    return rows.length > 0;
  },

  async run(deps, complete) {
    const seededAt = deps.clock.now();
    const clock = new StepClock(new Date(seededAt.getTime() - 420 * DAY_MS));
    const licences: LicenceDeps = { ...deps.licences, clock };
    const applicant = await getDemoActor(deps.accounts, 'applicant');
    const authority = await getDemoActor(deps.accounts, 'authority_reviewer');
    const uscc = buildEnterpriseUscc(getFixtureCounty(COMPANY.province), COMPANY.organisationCode);
    const filed = await deps.orders.persistence.read.filings.findEntityByCertificate(
      computeCertificateIndex(deps.orders.fieldCipher, uscc),
    );
    if (!filed) {
      // An orders step resumed after an interruption leaves a scenario where it stopped: no filing,
      // so no licence to apply for.
      await deps.transact((stores) => complete(stores, { applications: 0, licences: 0 }));
      return;
    }
    const facts: LicenceFacts = {
      applicantKind: 'chinese_company',
      registeredCapitalRmb: 5_000_000,
      icpFilingNumber: filed.entityNumber,
    };
    const company = {
      actor: applicant,
      scope: 'provincial' as const,
      province: COMPANY.province,
      companyName: COMPANY.name,
      uscc,
      facts,
    };
    const at = (daysBefore: number, hour = 10) => {
      const day = new Date(seededAt.getTime() - daysBefore * DAY_MS);
      // 10:00 in Beijing on that China date.
      clock.moveTo(new Date(`${toChinaDate(day)}T${String(hour).padStart(2, '0')}:00:00+08:00`));
    };
    const decide = (applicationId: number, kind: 'start_acceptance_check' | 'accept' | 'approve') =>
      runLicenceAuthorityCommand(licences, { actor: authority, applicationId, command: { kind } });

    // The ICP licence: applied for, accepted, approved; its first annual report filed in February.
    at(420);
    const icp = await createLicenceApplication(licences, { ...company, kind: 'icp' });
    await updateLicenceDraft(licences, {
      actor: applicant,
      applicationId: icp.id,
      materials: provideAll(icp),
    });
    await submitLicenceApplication(licences, { actor: applicant, applicationId: icp.id });
    at(419);
    await decide(icp.id, 'start_acceptance_check');
    at(416);
    await decide(icp.id, 'accept');
    at(380, 15);
    const approved = await decide(icp.id, 'approve');
    const firstReportYear = Number(approved.application.licence?.issuedOn.slice(0, 4));
    at(
      Math.max(
        1,
        Math.round((seededAt.getTime() - Date.parse(`${firstReportYear + 1}-02-15T02:00:00Z`)) / DAY_MS),
      ),
    );
    if (clock.now().getTime() < seededAt.getTime()) {
      await recordAnnualReport(licences, { actor: applicant, applicationId: icp.id, year: firstReportYear });
    }

    // The EDI licence for its marketplace: submitted two days ago, waiting for the acceptance check.
    at(2, 9);
    const edi = await createLicenceApplication(licences, { ...company, kind: 'edi' });
    await updateLicenceDraft(licences, {
      actor: applicant,
      applicationId: edi.id,
      materials: provideAll(edi),
    });
    await submitLicenceApplication(licences, { actor: applicant, applicationId: edi.id });

    await deps.transact((stores) => complete(stores, { applications: 2, licences: 1 }));
  },
};
