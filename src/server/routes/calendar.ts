import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listCalendarYears } from '../../app/admin/list-calendar-years.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/working-day-calendar.ts';
import { getRateLimitConfig, type RouteDeps } from '../deps.ts';
import { calendarYearSchema } from '../schemas/admin.ts';
import { addWorkingDaysSchema, dayDescriptionSchema, workingDaysBetweenSchema } from '../schemas/calendar.ts';
import { inputErrorResponses, plainErrorResponses } from '../schemas/common.ts';
import { buildDateInput } from '../schemas/inputs.ts';

/** About twelve years of working days: beyond any filing deadline, and within the years dates may name. */
export const MAX_WORKING_DAYS = 3000;

/** Years the answer touches that have no holiday data: the answer assumed a plain Monday–Friday week. */
function findYearsWithoutData(calendar: WorkingDayCalendar, ...dates: string[]): number[] {
  const years = new Set(dates.map((date) => Number(date.slice(0, 4))));
  return [...years].filter((year) => !calendar.hasDataFor(year)).sort((a, b) => a - b);
}

export function registerCalendarRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const config = { rateLimit: getRateLimitConfig(deps, 'publicApi') };
  const tags = ['calendar'];

  routes.get(
    '/api/calendar/days/:date',
    {
      config,
      schema: {
        tags,
        summary: 'Describe a day',
        description:
          'Whether the day is a China working day and why (weekday, weekend, holiday, make-up working day).',
        params: z.object({ date: buildDateInput('The day:') }),
        response: { 200: dayDescriptionSchema, ...inputErrorResponses },
      },
    },
    async (request) => {
      const calendar = await deps.calendar.getCalendar();
      const { date } = request.params;
      return {
        ...calendar.describeDay(date),
        hasHolidayData: calendar.hasDataFor(Number(date.slice(0, 4))),
      };
    },
  );

  routes.get(
    '/api/calendar/add',
    {
      config,
      schema: {
        tags,
        summary: 'Add working days to a date',
        description:
          'n > 0: the n-th working day after the date (not counting it); n < 0: before it; n = 0: the date itself if it is a working day, else the next one.',
        querystring: z.object({
          date: buildDateInput('The start day:'),
          n: z.coerce
            .number()
            .int()
            .min(-MAX_WORKING_DAYS)
            .max(MAX_WORKING_DAYS)
            .describe(`Working days to add, −${MAX_WORKING_DAYS} to ${MAX_WORKING_DAYS}.`),
        }),
        response: { 200: addWorkingDaysSchema, ...inputErrorResponses },
      },
    },
    async (request) => {
      const calendar = await deps.calendar.getCalendar();
      const { date, n } = request.query;
      const result = calendar.addWorkingDays(date, n);
      return { date, workingDays: n, result, yearsWithoutData: findYearsWithoutData(calendar, date, result) };
    },
  );

  routes.get(
    '/api/calendar/between',
    {
      config,
      schema: {
        tags,
        summary: 'Count working days between two dates',
        description: 'Working days d with from < d ≤ to; negative when to is before from.',
        querystring: z.object({
          from: buildDateInput('The first day:'),
          to: buildDateInput('The last day:'),
        }),
        response: { 200: workingDaysBetweenSchema, ...inputErrorResponses },
      },
    },
    async (request) => {
      const calendar = await deps.calendar.getCalendar();
      const { from, to } = request.query;
      return {
        from,
        to,
        workingDays: calendar.workingDaysBetween(from, to),
        yearsWithoutData: findYearsWithoutData(calendar, from, to),
      };
    },
  );
  routes.get(
    '/api/calendar/years',
    {
      config,
      schema: {
        tags,
        summary: 'Years with holiday data',
        description:
          'Each year the calendar knows holidays for, from the shipped data (chinese-days) or from administrators’ overrides, with its counts after overrides. A year with overrides but no shipped data counts as having data (`hasSeedData: false` says so); other years are counted as plain Monday–Friday weeks.',
        response: { 200: z.object({ items: z.array(calendarYearSchema) }), ...plainErrorResponses },
      },
    },
    async () => ({
      items: await listCalendarYears({
        calendar: deps.calendar,
        overrides: deps.admin?.read.calendarOverrides,
      }),
    }),
  );
}
