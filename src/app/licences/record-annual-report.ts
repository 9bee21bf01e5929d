import { changesBlockingAnnualReport, listReportYears } from '../../domain/licence/licence-obligations.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { issue } from '../../domain/shared/issue.ts';
import type { LicenceDeps } from './licence-deps.ts';
import { toLicenceError } from './licence-errors.ts';
import type { LicenceApplicationView } from './present-licence-application.ts';
import { toIssuedLicence, toLicenceChanges } from './present-licence-application.ts';
import { runLicenceDuty } from './run-licence-duty.ts';

export interface RecordAnnualReportInput {
  actor: Actor;
  applicationId: number;
  /** The year reported on (the report on 2026 is filed 1 January–31 March 2027). */
  year: number;
}

/**
 * Records that the annual report on `year` was filed on dxzhgl.miit.gov.cn (ref-9-licence): a year the
 * licence reports on, whose window has opened, once; changes of the licence not yet recorded with the
 * authority must be recorded first. The year's reminders stop. Errors: not_found, forbidden,
 * validation_failed (not_a_report_year, annual_report_not_open), conflict (licence_not_issued,
 * annual_report_already_recorded, licence_change_not_recorded).
 */
export async function recordAnnualReport(
  deps: LicenceDeps,
  input: RecordAnnualReportInput,
): Promise<LicenceApplicationView> {
  return runLicenceDuty(deps, {
    actor: input.actor,
    applicationId: input.applicationId,
    async record({ stores, licence, now, today, actor }) {
      const { year } = input;
      const years = listReportYears(toIssuedLicence(licence));
      if (!Number.isInteger(year) || !years.includes(year)) {
        const span = years.length === 0 ? '—' : `${years[0]}–${years.at(-1)}`;
        throw toLicenceError(
          issue(
            'not_a_report_year',
            `The licence reports on the years ${span}, not on ${year}.`,
            `该许可证的年报年度为 ${span} 年，不包括 ${year} 年。`,
            { source: 'ref-9-licence', params: { field: 'year', year } },
          ),
        );
      }
      const opensOn = `${String(year + 1).padStart(4, '0')}-01-01`;
      if (today < opensOn) {
        throw toLicenceError(
          issue(
            'annual_report_not_open',
            `The report on ${year} can be filed from ${opensOn}.`,
            `${year}年度年报自${opensOn}起报送。`,
            { source: 'ref-9-licence', params: { field: 'year', year, opensOn } },
          ),
        );
      }
      if (licence.annualReports.includes(year)) {
        throw toLicenceError(
          issue(
            'annual_report_already_recorded',
            `The report on ${year} is already recorded.`,
            `${year}年度年报已有报送记录。`,
            { params: { field: 'year', year } },
          ),
        );
      }
      const blocking = changesBlockingAnnualReport(toLicenceChanges(licence), year);
      if (blocking.length > 0)
        throw toLicenceError(blocking.map((b) => ({ ...b, params: { ...b.params, field: 'year' } })));
      await stores.licences.insertAnnualReport(licence.id, year, now, actor);
      return { type: 'annual_report_recorded', details: { year } };
    },
  });
}
