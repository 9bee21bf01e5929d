import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../../src/domain/calendar/working-day-calendar.ts';
import { assessEligibility } from '../../src/domain/eligibility/assess-eligibility.ts';
import type { EligibilityAssessment, InstrumentAssessment } from '../../src/domain/eligibility/assessment.ts';
import { applicantProfileSchema } from '../../src/domain/eligibility/profile.ts';
import { buildTestApp, type ErrorBody, readFieldErrors, type TestApp } from './test-app.ts';

function readProfile(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../examples/profiles/${name}.json`, import.meta.url), 'utf8'));
}

function getInstrument(assessment: EligibilityAssessment, kind: string): InstrumentAssessment {
  const found = assessment.instruments.find((i) => i.instrument === kind);
  if (!found) throw new Error(`no ${kind} in the assessment`);
  return found;
}

describe('POST /api/eligibility', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await buildTestApp();
  });
  afterAll(async () => {
    await test.app.close();
  });

  async function assess(body: unknown) {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/eligibility',
      payload: body as object,
    });
    return { status: response.statusCode, json: response.json() as EligibilityAssessment };
  }

  it('scenario 1: a foreigner outside China with an information site may file, under conditions', async () => {
    const { status, json } = await assess(readProfile('foreigner-outside-china-info-site'));
    expect(status).toBe(200);
    expect(json.summary.licenceType).toBe('icp_filing');
    expect(getInstrument(json, 'icp_filing').eligibility).toBe('conditional');
    expect(json.conflicts.map((c) => c.id)).toContain('foreigner_outside_china');
  });

  it('scenario 2: the same person selling online cannot get the commercial licence', async () => {
    const { status, json } = await assess(readProfile('foreigner-outside-china-online-sales'));
    expect(status).toBe(200);
    expect(json.summary).toMatchObject({
      licenceType: 'icp_filing_then_icp_licence',
      overall: 'not_eligible',
    });
    const licence = getInstrument(json, 'icp_licence');
    expect(licence.eligibility).toBe('not_eligible');
    expect(licence.reasons.find((r) => r.ruleId === 'licence.company_required')?.outcome).toBe('fail');
  });

  it('scenario 3: a 60 % Chinese joint venture files first, then gets its licences, dated from the start day', async () => {
    const { status, json } = await assess({
      ...readProfile('joint-venture-60-percent-online-sales'),
      startDate: '2026-09-28',
    });
    expect(status).toBe(200);
    expect(getInstrument(json, 'icp_filing').eligibility).toBe('eligible');
    expect(getInstrument(json, 'icp_licence')).toMatchObject({ applies: true, eligibility: 'eligible' });
    expect(getInstrument(json, 'icp_filing').order).toBeLessThan(getInstrument(json, 'icp_licence').order);
    expect(json.authority).toMatchObject({ basis: 'business_licence', province: { code: '31' } });
    expect(json.timeline.startDate).toBe('2026-09-28');
    expect(json.timeline.phases[0]?.completion?.typical).toMatch(/^2026-1\d-\d\d$/);
  });

  it.each([
    'foreigner-outside-china-info-site',
    'foreigner-outside-china-online-sales',
    'joint-venture-60-percent-online-sales',
  ])('answers exactly what the domain computes for %s (nothing lost on the wire)', async (name) => {
    const profile = readProfile(name);
    const { json } = await assess({ ...profile, startDate: '2026年9月28日' });
    const expected = assessEligibility(applicantProfileSchema.parse(profile), {
      startDate: '2026-09-28',
      calendar: createWorkingDayCalendar(),
    });
    expect(json).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('answers 400 with field details for a bad profile', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/eligibility',
      payload: {
        applicantKind: 'joint_venture',
        inChina: 'yes',
        hostingInMainland: true,
        certificateProvince: 'Atlantis',
        activities: ['piracy'],
        startDate: '2026-02-30',
        typo: 1,
      },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json() as ErrorBody;
    expect(body.error.code).toBe('validation_failed');
    const fields = readFieldErrors(body);
    expect(fields.map((f) => f.path)).toEqual(
      expect.arrayContaining(['inChina', 'certificateProvince', 'activities.0', 'startDate']),
    );
    expect(fields.find((f) => f.path === 'startDate')?.code).toBe('invalid_date');
    expect(fields.some((f) => f.code === 'unrecognized_keys')).toBe(true);
  });

  it('answers 400 for the ownership rule of a joint venture', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/eligibility',
      payload: { applicantKind: 'joint_venture', inChina: true, hostingInMainland: true },
    });
    expect(response.statusCode).toBe(400);
    expect(readFieldErrors(response.json() as ErrorBody).map((f) => f.path)).toContain(
      'chineseOwnershipPercent',
    );
  });
});
