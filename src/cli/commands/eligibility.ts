import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { assessEligibility } from '../../domain/eligibility/assess-eligibility.ts';
import type { EligibilityAssessment, Outcome, Reason } from '../../domain/eligibility/assessment.ts';
import { applicantProfileSchema } from '../../domain/eligibility/profile.ts';
import { CliInputError, type Lang, type Output, pick } from '../output.ts';
import { parseDateOption, todayInChina } from '../parse-options.ts';

const MARK: Record<Outcome, string> = { pass: '✓', fail: '✗', condition: '?', info: 'i' };

const ELIGIBILITY = {
  eligible: { en: 'eligible', zh: '符合条件' },
  not_eligible: { en: 'not eligible', zh: '不符合条件' },
  conditional: { en: 'conditional', zh: '有条件' },
  not_applicable: { en: 'not needed', zh: '无需办理' },
} as const;

const HEADINGS = {
  authority: { en: 'Authority', zh: '审核管局' },
  unknown: { en: 'not yet known', zh: '尚无法确定' },
  instruments: { en: 'What you need, in order', zh: '需办理事项（按顺序）' },
  next: { en: 'next', zh: '下一步' },
  conflicts: { en: 'Where sources disagree', zh: '来源之间的分歧' },
  provinceRules: { en: 'Province rules', zh: '省级规则' },
  checklist: { en: 'Documents', zh: '材料清单' },
  required: { en: 'required', zh: '必需' },
  optional: { en: 'if applicable', zh: '视情况' },
  timeline: { en: 'Timeline', zh: '时间预估' },
  typical: { en: 'typical', zh: '通常' },
  worst: { en: 'at most', zh: '最长' },
  workingDays: { en: 'working days', zh: '个工作日' },
  calendarDays: { en: 'calendar days', zh: '个自然日' },
  done: { en: 'done by', zh: '预计完成' },
} as const;

function readProfile(path: string): unknown {
  let text: string;
  try {
    text = path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliInputError(`cannot read profile ${path}: ${(error as Error).message}`, 'invalid_file');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliInputError(`profile ${path} is not valid JSON: ${(error as Error).message}`, 'invalid_json');
  }
}

function reasonLine(reason: Reason, lang: Lang, indent: string): string {
  return `${indent}${MARK[reason.outcome]} ${pick(reason.message, lang)}  [${reason.ruleId}; ${reason.sources.join(', ')}]`;
}

function formatAssessment(a: EligibilityAssessment, lang: Lang): string {
  const h = (key: keyof typeof HEADINGS) => pick(HEADINGS[key], lang);
  const lines: string[] = [pick(a.summary.message, lang), ''];

  const authority = a.authority.province;
  lines.push(
    `${h('authority')}: ${authority ? `${pick({ en: authority.authority.nameEn, zh: authority.authority.nameZh }, lang)} (${a.authority.basis})` : h('unknown')}`,
  );
  for (const r of a.authority.reasons) lines.push(reasonLine(r, lang, '  '));
  for (const s of a.authority.nextSteps) lines.push(`  → ${pick(s.message, lang)}`);

  lines.push('', `${h('instruments')}:`);
  const applicable = [...a.instruments].sort((x, y) => x.order - y.order);
  for (const instrument of applicable) {
    lines.push(`  ${pick(instrument.name, lang)}: ${pick(ELIGIBILITY[instrument.eligibility], lang)}`);
    for (const r of instrument.reasons) lines.push(reasonLine(r, lang, '    '));
    for (const s of instrument.nextSteps) lines.push(`    → ${h('next')}: ${pick(s.message, lang)}`);
  }

  if (a.conflicts.length > 0) {
    lines.push('', `${h('conflicts')}:`);
    for (const c of a.conflicts) {
      lines.push(`  • ${pick(c.topic, lang)}`);
      for (const p of c.positions)
        lines.push(`      ${p.stance}: ${pick(p.message, lang)} [${p.sources.join(', ')}]`);
      if (c.provinces.length > 0) {
        lines.push(`      ${c.provinces.map((p) => (lang === 'zh' ? p.nameZh : p.nameEn)).join(', ')}`);
      }
    }
  }

  if (a.provinceRules.province && a.provinceRules.items.length > 0) {
    const p = a.provinceRules.province;
    lines.push('', `${h('provinceRules')} (${lang === 'zh' ? p.nameZh : p.nameEn}):`);
    for (const item of a.provinceRules.items) {
      lines.push(reasonLine(item, lang, '  '));
      for (const alt of item.alternatives)
        lines.push(`      ≠ ${pick(alt.message, lang)} [${alt.sources.join(', ')}]`);
    }
  }

  for (const section of a.checklist) {
    if (section.items.length === 0) continue;
    const name = a.instruments.find((i) => i.instrument === section.instrument)?.name;
    lines.push('', `${h('checklist')} — ${name ? pick(name, lang) : section.instrument}:`);
    for (const item of section.items) {
      const name = pick({ en: item.document.nameEn, zh: item.document.nameZh }, lang);
      const notes = item.notes.map((n) => ` — ${pick(n, lang)}`).join('');
      lines.push(`  [${item.required ? h('required') : h('optional')}] ${name}${notes}`);
    }
  }

  if (a.timeline.phases.length > 0) {
    lines.push('', `${h('timeline')}${a.timeline.startDate ? ` (${a.timeline.startDate})` : ''}:`);
    for (const phase of a.timeline.phases) {
      const name = a.instruments.find((i) => i.instrument === phase.instrument)?.name;
      lines.push(`  ${name ? pick(name, lang) : phase.instrument}:`);
      for (const step of phase.steps) {
        const unit = step.unit === 'working_days' ? h('workingDays') : h('calendarDays');
        const dates = step.dates
          ? `  ${step.dates.typical.start} → ${step.dates.typical.end} (${h('worst')} ${step.dates.max.end})`
          : '';
        lines.push(
          `    ${pick(step.name, lang)}: ${step.days.typical === step.days.max ? step.days.typical : `${step.days.typical}–${step.days.max}`} ${unit}${dates}`,
        );
      }
      if (phase.completion) {
        lines.push(
          `    ${h('done')}: ${h('typical')} ${phase.completion.typical}, ${h('worst')} ${phase.completion.max}`,
        );
      }
    }
    for (const w of a.timeline.warnings) lines.push(`  ! ${pick(w.message, lang)}`);
  }
  return lines.join('\n');
}

export function registerEligibilityCommand(program: Command, output: () => Output): void {
  program
    .command('eligibility')
    .description(
      'which licence a site needs, whether the applicant can get it, where, with which documents and when',
    )
    .argument(
      '<profile>',
      'applicant profile JSON file, or - for standard input (see docs/cli.md and examples/profiles/)',
    )
    .option('--start <date>', 'start date of the timeline (YYYY-MM-DD, default: today in China)')
    .action((path: string, opts: { start?: string }) => {
      const o = output();
      const startDate = opts.start === undefined ? todayInChina() : parseDateOption(opts.start, '--start');
      const parsed = applicantProfileSchema.safeParse(readProfile(path));
      if (!parsed.success) {
        const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new CliInputError(
          `profile ${path} is not valid:\n${fields.map((f) => `  - ${f.path || '(root)'}: ${f.message}`).join('\n')}`,
          'invalid_profile',
          fields,
        );
      }
      const assessment = assessEligibility(parsed.data, { startDate });
      o.out(o.json ? JSON.stringify(assessment, null, 2) : formatAssessment(assessment, o.lang));
    });
}
