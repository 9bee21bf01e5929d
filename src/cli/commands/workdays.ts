import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  type CalendarOverride,
  calendarOverrideSchema,
  createWorkingDayCalendar,
  type WorkingDayCalendar,
} from '../../domain/calendar/working-day-calendar.ts';
import { CliInputError, formatFields, type Lang, type Output } from '../output.ts';
import { parseDateOption, parseIntegerOption } from '../parse-options.ts';

interface CalendarOptions {
  overrides?: string;
}

function loadOverrides(path: string): CalendarOverride[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliInputError(
      `--overrides: cannot read JSON from ${path}: ${(error as Error).message}`,
      'invalid_file',
    );
  }
  const parsed = z.array(calendarOverrideSchema).safeParse(Array.isArray(raw) ? raw : [raw]);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new CliInputError(
      `--overrides: ${path} is not a valid override list:\n  ${problems.join('\n  ')}`,
      'invalid_overrides',
      problems,
    );
  }
  return parsed.data;
}

function calendarFrom(opts: CalendarOptions): WorkingDayCalendar {
  return createWorkingDayCalendar(opts.overrides ? { overrides: loadOverrides(opts.overrides) } : {});
}

/** Years the answer touches that have no holiday data: the answer assumes a plain Monday–Friday week. */
function missingYears(calendar: WorkingDayCalendar, ...dates: string[]): number[] {
  const years = new Set(dates.map((d) => Number(d.slice(0, 4))));
  return [...years].filter((y) => !calendar.hasDataFor(y)).sort();
}

function warnMissing(output: Output, years: number[]): void {
  if (years.length > 0 && !output.json) {
    output.err(
      `warning: no holiday data for ${years.join(', ')}; counted Monday–Friday only (add the year with --overrides)`,
    );
  }
}

export function registerWorkdaysCommand(program: Command, output: () => Output): void {
  const workdays = program
    .command('workdays')
    .description(
      'China working days: public holidays and make-up working days (调休), 2004–2026 plus overrides',
    );

  workdays
    .command('add')
    .description(
      'the date N working days after DATE (not counting DATE); negative N counts back (use -- before it)',
    )
    .argument('<date>', 'YYYY-MM-DD')
    .argument('<n>', 'number of working days')
    .option('--overrides <file>', 'JSON calendar overrides (see docs/cli.md), e.g. to add 2027')
    .action((dateArg: string, nArg: string, opts: CalendarOptions) => {
      const o = output();
      const date = parseDateOption(dateArg, '<date>');
      const n = parseIntegerOption(nArg, '<n>');
      const calendar = calendarFrom(opts);
      const result = calendar.addWorkingDays(date, n);
      const noData = missingYears(calendar, date, result);
      if (o.json) {
        o.out(JSON.stringify({ date, workingDays: n, result, yearsWithoutData: noData }, null, 2));
      } else {
        o.out(
          formatFields(
            [
              ['start', date],
              ['working days', n],
              ['result', result],
              ['day', weekday(result, o.lang)],
            ],
            o.lang,
          ),
        );
      }
      warnMissing(o, noData);
    });

  workdays
    .command('between')
    .description('working days d with A < d ≤ B (negative when B is before A)')
    .argument('<a>', 'YYYY-MM-DD')
    .argument('<b>', 'YYYY-MM-DD')
    .option('--overrides <file>', 'JSON calendar overrides (see docs/cli.md)')
    .action((aArg: string, bArg: string, opts: CalendarOptions) => {
      const o = output();
      const from = parseDateOption(aArg, '<a>');
      const to = parseDateOption(bArg, '<b>');
      const calendar = calendarFrom(opts);
      const workingDays = calendar.workingDaysBetween(from, to);
      const noData = missingYears(calendar, from, to);
      if (o.json) {
        o.out(JSON.stringify({ from, to, workingDays, yearsWithoutData: noData }, null, 2));
      } else {
        o.out(
          formatFields(
            [
              ['from', from],
              ['to', to],
              ['working days', workingDays],
            ],
            o.lang,
          ),
        );
      }
      warnMissing(o, noData);
    });

  workdays
    .command('day')
    .description('is DATE a working day, and why (weekday, weekend, holiday, make-up working day)')
    .argument('<date>', 'YYYY-MM-DD')
    .option('--overrides <file>', 'JSON calendar overrides (see docs/cli.md)')
    .action((dateArg: string, opts: CalendarOptions) => {
      const o = output();
      const date = parseDateOption(dateArg, '<date>');
      const calendar = calendarFrom(opts);
      const day = calendar.describeDay(date);
      const noData = missingYears(calendar, date);
      if (o.json) {
        o.out(JSON.stringify({ ...day, yearsWithoutData: noData }, null, 2));
      } else {
        o.out(
          formatFields(
            [
              ['date', `${date} (${weekday(date, o.lang)})`],
              ['working day', day.isWorkingDay],
              ['reason', day.reason],
              ['name', day.name],
            ],
            o.lang,
          ),
        );
      }
      warnMissing(o, noData);
    });
}

function weekday(date: string, lang: Lang): string {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(locale, { weekday: 'long', timeZone: 'UTC' });
}
