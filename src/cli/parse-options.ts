import { parseIsoDate, toChinaDate } from '../domain/calendar/working-day-calendar.ts';
import { CliInputError } from './output.ts';

/** The CLI, unlike the domain, may read the clock: today's date in China. */
export function todayInChina(): string {
  return toChinaDate(new Date());
}

export function parseDateOption(value: string, name: string): string {
  const parsed = parseIsoDate(value);
  if (!parsed.ok)
    throw new CliInputError(`${name}: ${parsed.error.message.en} (got "${value}")`, 'invalid_date');
  return parsed.value;
}

export function parseIntegerOption(value: string, name: string): number {
  const normalized = value.normalize('NFKC').trim();
  if (!/^-?\d+$/.test(normalized)) {
    throw new CliInputError(`${name} must be a whole number (got "${value}")`, 'invalid_number');
  }
  return Number.parseInt(normalized, 10);
}
