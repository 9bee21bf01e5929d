import { toDayNumber, toIsoDate } from '../calendar/china-date.ts';
import { parseIsoDate, type WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import type { ProvinceRules } from '../catalogue/schema.ts';
import { type Issue, issue } from '../shared/issue.ts';
import type { Localized } from '../shared/localized.ts';
import type { DateSpan, Timeline, TimelinePhase, TimelineStep } from './assessment.ts';
import { dedupe } from './reason.ts';
import type { RuleContext } from './rule-context.ts';

/**
 * How long each instrument takes. Filing: provider review and authority review in China working days
 * from the province's rules, plus the 24-hour SMS check counted as one calendar day (ref-3-sms). Licence
 * (after the filing): acceptance within 5 working days, review within 60 days, issuance within 10 days
 * (ref-9-licence). With a start date every step gets typical and worst-case dates from the calendar.
 */

type StepTemplate = Omit<TimelineStep, 'dates'>;

interface ReviewDays {
  value: { typical: number; max: number };
  sources: string[];
}

/** Without a filing province we assume the slowest province, so the worst case stays a worst case. */
function findSlowest(catalogue: Catalogue, pick: (rules: ProvinceRules) => ReviewDays): ReviewDays {
  const all = catalogue.provinceRules.map(pick);
  return {
    value: {
      typical: Math.max(1, ...all.map((r) => r.value.typical)),
      max: Math.max(1, ...all.map((r) => r.value.max)),
    },
    sources: dedupe(all.flatMap((r) => r.sources)),
  };
}

const UNKNOWN_PROVINCE_NOTE: Localized = {
  en: 'Filing province unknown: the slowest province’s figures are used.',
  zh: '备案省份未知：按最慢省份的数据估算。',
};

function buildFilingSteps(context: RuleContext): StepTemplate[] {
  const rules = context.filingRules;
  const provider = rules
    ? rules.providerReviewDays
    : findSlowest(context.catalogue, (r) => r.providerReviewDays);
  const authority = rules
    ? rules.authorityReviewDays
    : findSlowest(context.catalogue, (r) => r.authorityReviewDays);
  const unknown = rules ? {} : { note: UNKNOWN_PROVINCE_NOTE };
  return [
    {
      id: 'provider_review',
      name: { en: 'Provider review', zh: '接入商初审' },
      unit: 'working_days',
      days: { ...provider.value },
      sources: dedupe([...provider.sources, 'ref-3-process']),
      ...unknown,
    },
    {
      id: 'sms_verification',
      name: { en: 'MIIT SMS verification', zh: '工信部短信核验' },
      unit: 'calendar_days',
      days: { typical: 1, max: 1 },
      sources: ['ref-3-sms'],
      note: {
        en: 'The code is valid for 24 hours (calendar time; holidays do not stop it), counted here as one day.',
        zh: '验证码24小时内有效（按自然时间计算，节假日不停止），此处按1天计。',
      },
    },
    {
      id: 'authority_review',
      name: { en: 'Communications administration review', zh: '管局审核' },
      unit: 'working_days',
      days: { ...authority.value },
      sources: dedupe([...authority.sources, 'order-33']),
      note: rules
        ? {
            en: 'The legal ceiling is 20 working days once the materials are complete; rejections restart the clock.',
            zh: '材料齐全后法定时限为20个工作日；被驳回后重新计算。',
          }
        : UNKNOWN_PROVINCE_NOTE,
    },
  ];
}

function buildLicenceSteps(sources: string[]): StepTemplate[] {
  return [
    {
      id: 'licence_acceptance',
      name: { en: 'Acceptance check', zh: '受理审查' },
      unit: 'working_days',
      days: { typical: 5, max: 5 },
      sources,
    },
    {
      id: 'licence_review',
      name: { en: 'Licence review', zh: '许可审查' },
      unit: 'calendar_days',
      days: { typical: 60, max: 60 },
      sources,
      note: {
        en: 'The decision is due within 60 days of acceptance; agencies quote 40–60 working days in practice.',
        zh: '受理后60日内作出决定；代办机构称实际需要40–60个工作日。',
      },
    },
    {
      id: 'licence_issuance',
      name: { en: 'Licence issued', zh: '颁发许可证' },
      unit: 'calendar_days',
      days: { typical: 10, max: 10 },
      sources,
    },
  ];
}

function buildPsbSteps(): StepTemplate[] {
  return [
    {
      id: 'psb_filing_deadline',
      name: { en: 'PSB filing deadline', zh: '公安联网备案期限' },
      unit: 'calendar_days',
      days: { typical: 30, max: 30 },
      sources: ['psb-filing'],
      note: {
        en: 'A deadline, not a duration: register within 30 days of the site going live.',
        zh: '这是期限而非耗时：网站开通后30日内办理。',
      },
    },
  ];
}

function addCalendarDays(date: string, n: number): string {
  return toIsoDate(toDayNumber(date) + n);
}

function sumDays(steps: readonly StepTemplate[]): TimelinePhase['total'] {
  const total = {
    workingDays: { typical: 0, max: 0 },
    calendarDays: { typical: 0, max: 0 },
  };
  for (const step of steps) {
    const bucket = step.unit === 'working_days' ? total.workingDays : total.calendarDays;
    bucket.typical += step.days.typical;
    bucket.max += step.days.max;
  }
  return total;
}

/** Dates each step in sequence from `start`, once with the typical and once with the worst-case days. */
function datePhase(
  instrument: TimelinePhase['instrument'],
  templates: readonly StepTemplate[],
  start: { typical: string; max: string },
  calendar: WorkingDayCalendar,
): TimelinePhase {
  const cursor = { ...start };
  const steps = templates.map((template): TimelineStep => {
    const spans = {} as { typical: DateSpan; max: DateSpan };
    for (const variant of ['typical', 'max'] as const) {
      const from = cursor[variant];
      const n = template.days[variant];
      const end =
        template.unit === 'working_days' ? calendar.addWorkingDays(from, n) : addCalendarDays(from, n);
      spans[variant] = { start: from, end };
      cursor[variant] = end;
    }
    return { ...template, dates: spans };
  });
  return { instrument, steps, total: sumDays(templates), completion: { ...cursor } };
}

function collectYears(phases: readonly TimelinePhase[]): number[] {
  const years = new Set<number>();
  for (const step of phases.flatMap((p) => p.steps)) {
    for (const span of step.dates ? [step.dates.typical, step.dates.max] : []) {
      years.add(Number(span.start.slice(0, 4)));
      years.add(Number(span.end.slice(0, 4)));
    }
  }
  return [...years].sort((a, b) => a - b);
}

/** Dates beyond 9998 would leave the calendar's range within the ~200 days a licence can take. */
const LAST_START_YEAR = 9998;

export interface TimelineOptions {
  startDate?: string;
  calendar: WorkingDayCalendar;
  /** Pre-approvals have no published durations, so their time is not in the timeline. */
  hasPreApprovals: boolean;
}

export function buildTimeline(context: RuleContext, options: TimelineOptions): Timeline {
  const { needs } = context;
  const warnings: Issue[] = [];
  const plans: { instrument: TimelinePhase['instrument']; steps: StepTemplate[]; afterFiling: boolean }[] =
    [];
  if (needs.filing)
    plans.push({ instrument: 'icp_filing', steps: buildFilingSteps(context), afterFiling: false });
  if (needs.icpLicence)
    plans.push({ instrument: 'icp_licence', steps: buildLicenceSteps(['ref-9-licence']), afterFiling: true });
  if (needs.ediLicence)
    plans.push({
      instrument: 'edi_licence',
      steps: buildLicenceSteps(['ref-9-edi', 'ref-9-licence']),
      afterFiling: true,
    });
  if (needs.filing) plans.push({ instrument: 'psb_filing', steps: buildPsbSteps(), afterFiling: true });

  if (options.hasPreApprovals) {
    warnings.push(
      issue(
        'pre_approval_time_not_included',
        'Sector pre-approvals come before the filing and their time is not included.',
        '前置审批须在备案前完成，其所需时间未计入。',
        { source: 'ref-4-pre-approvals' },
      ),
    );
  }

  let start: string | undefined;
  if (options.startDate !== undefined) {
    const parsed = parseIsoDate(options.startDate);
    if (!parsed.ok) warnings.push(parsed.error);
    else if (Number(parsed.value.slice(0, 4)) > LAST_START_YEAR)
      warnings.push(
        issue(
          'start_date_out_of_range',
          `Dates can be computed for start dates up to the year ${LAST_START_YEAR}.`,
          `仅支持计算${LAST_START_YEAR}年及以前开始的日期。`,
          { params: { startDate: parsed.value } },
        ),
      );
    else start = parsed.value;
  }

  if (start === undefined) {
    return {
      phases: plans.map((p) => ({ instrument: p.instrument, steps: p.steps, total: sumDays(p.steps) })),
      warnings,
    };
  }

  const phases: TimelinePhase[] = [];
  const filingPlan = plans.find((p) => !p.afterFiling);
  const filingPhase = filingPlan
    ? datePhase(filingPlan.instrument, filingPlan.steps, { typical: start, max: start }, options.calendar)
    : undefined;
  if (filingPhase) phases.push(filingPhase);
  const afterFiling = filingPhase?.completion ?? { typical: start, max: start };
  for (const plan of plans.filter((p) => p.afterFiling)) {
    phases.push(datePhase(plan.instrument, plan.steps, afterFiling, options.calendar));
  }

  for (const year of collectYears(phases)) {
    if (!options.calendar.hasDataFor(year)) {
      warnings.push(
        issue(
          'calendar_year_without_data',
          `The working-day calendar has no holiday data for ${year}: dates in ${year} count Monday–Friday only and may fall on public holidays.`,
          `工作日历缺少${year}年的节假日数据：${year}年的日期仅按周一至周五计算，可能落在法定节假日。`,
          { source: 'chinese-days', params: { year } },
        ),
      );
    }
  }
  return { startDate: start, phases, warnings };
}
