import { z } from 'zod';

export const dayDescriptionSchema = z
  .object({
    date: z.string(),
    isWorkingDay: z.boolean(),
    reason: z.enum(['weekday', 'weekend', 'holiday', 'makeup_workday']),
    name: z.string().optional().describe('The holiday the day belongs to, when the data names it.'),
    source: z
      .string()
      .optional()
      .describe("Where the entry deciding this day comes from: 'chinese-days' or an override."),
    hasHolidayData: z
      .boolean()
      .describe('False when the year has no holiday data: the answer assumes a plain Monday–Friday week.'),
  })
  .meta({ id: 'CalendarDay' });

export const addWorkingDaysSchema = z
  .object({
    date: z.string(),
    workingDays: z.number().int(),
    result: z.string().describe('The date n working days after (or before, for negative n) the given date.'),
    yearsWithoutData: z
      .array(z.number().int())
      .describe('Years the answer touches that have no holiday data.'),
  })
  .meta({ id: 'CalendarAddResult' });

export const workingDaysBetweenSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    workingDays: z
      .number()
      .int()
      .describe('Working days d with from < d ≤ to; negative when to is before from.'),
    yearsWithoutData: z.array(z.number().int()),
  })
  .meta({ id: 'CalendarBetweenResult' });
