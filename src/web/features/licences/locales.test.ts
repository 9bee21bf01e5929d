import { describe, expect, it } from 'vitest';
import { LICENCE_CHANGE_KINDS } from '../../../domain/licence/licence-obligations.ts';
import { LICENCE_APPLICATION_STATUSES } from '../../../domain/licence/licence-status.ts';
import { BASIC_ACTIVITIES, PILOT_ZONE_IDS, SECTOR_ACTIVITIES } from '../eligibility/draft.ts';
import * as eligibilityTexts from '../eligibility/locales.ts';
import { COMPANY_KINDS, FORM_STEPS, LICENCE_KIND_IDS, LICENCE_SCOPE_IDS } from './draft.ts';
import { en, zh } from './locales.ts';
import { CHANGE_KINDS, QUEUE_VIEWS } from './vocabulary.ts';

/**
 * The keys this feature builds from values (`next.applicant.${status}`, `events.${type}` …) exist;
 * the shared translation test sees only literal keys. English is enough: both languages have the
 * same keys (the shared test).
 */
describe('the licence texts built from values', () => {
  it('say what happens next in every status, to both sides', () => {
    for (const status of LICENCE_APPLICATION_STATUSES) {
      expect(en.next.applicant[status]).toBeTruthy();
      expect(en.next.reviewer[status]).toBeTruthy();
    }
  });

  it('name every change kind the API records', () => {
    expect([...CHANGE_KINDS].sort()).toEqual([...LICENCE_CHANGE_KINDS].sort());
    for (const kind of CHANGE_KINDS) expect(en.changes.kinds[kind]).toBeTruthy();
  });

  it('name every event of the timeline', () => {
    const events = [
      'created',
      'submitted',
      'resubmitted',
      'acceptance_check_started',
      'materials_requested',
      'accepted',
      'approved',
      'rejected',
      'withdrawn',
      'annual_report_recorded',
      'renewal_applied_recorded',
      'change_recorded',
      'change_filed',
    ] as const;
    for (const event of events) expect(en.events[event]).toBeTruthy();
  });

  it('name the kinds, scopes, steps and queue views', () => {
    for (const kind of LICENCE_KIND_IDS) expect(en.kinds[kind].description).toBeTruthy();
    for (const scope of LICENCE_SCOPE_IDS) expect(en.scopes[scope].description).toBeTruthy();
    for (const step of FORM_STEPS) expect(en.steps[step].description).toBeTruthy();
    for (const view of Object.keys(QUEUE_VIEWS) as (keyof typeof QUEUE_VIEWS)[]) {
      expect(en.queue.views[view]).toBeTruthy();
      expect(en.queue.viewHints[view]).toBeTruthy();
    }
  });

  it('find the eligibility wizard’s names for the applicants, pilot zones and activities offered', () => {
    const eligibility = eligibilityTexts.en;
    for (const kind of COMPANY_KINDS) expect(eligibility.applicant.kinds[kind]).toBeTruthy();
    for (const zone of PILOT_ZONE_IDS) expect(eligibility.applicant.pilotZones[zone]).toBeTruthy();
    for (const activity of [...BASIC_ACTIVITIES, ...SECTOR_ACTIVITIES])
      expect(eligibility.site.activityNames[activity]).toBeTruthy();
  });

  it('state the clock as the reference does: 5 working days, 60 days, 90 days before expiry', () => {
    expect(en.page.clockRule).toMatch(/5 working days.*60 days/u);
    expect(zh.page.clockRule).toMatch(/5 个工作日.*60 日/u);
    expect(en.renewal.rule).toContain('90 days');
    expect(zh.renewal.rule).toContain('90 日');
  });
});
