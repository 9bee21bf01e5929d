import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_USERS, getBaseUrl, setUpBrowser, visit, waitForNetworkQuiet } from '../support/fixtures.ts';
import { type JourneyUser, keyStep } from '../support/journey-screenshots.ts';
import { fill, textsFor } from '../support/journey-ui.ts';
import type { Language } from '../support/page-info.ts';

/**
 * Issue 4, acceptance: "an admin adds a 2027 holiday". The shipped calendar data ends before 2027,
 * so 2027 counts plain Monday–Friday weeks until the State Council's notice is entered. The admin
 * enters a day of the 2027 Spring Festival through the calendar page's form; the public calendar
 * API then calls it a holiday and the page lists it. Driven in English on a phone; key steps also in
 * Chinese and at desktop width.
 */
const { openPage } = setUpBrowser();
const JOURNEY = 'admin-holiday';
const LANGUAGE: Language = 'en';
const ui = textsFor(LANGUAGE);
const t = ui.admin.calendar;
const admin: JourneyUser = { email: DEMO_USERS.admin };
/** A Monday of the 2027 Spring Festival week: a working day until the holiday is entered. */
const DATE = '2027-02-08';
const YEAR = '2027';

interface CalendarDay {
  date: string;
  isWorkingDay: boolean;
  reason: string;
}

async function readPublicDay(page: Page): Promise<CalendarDay> {
  const response = await page.request.get(`${getBaseUrl()}/api/calendar/days/${DATE}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as CalendarDay;
}

/** The page opens on this year; the year is chosen in its select. */
/** The single-day form, filled with the Spring Festival day and the notice it comes from. */
async function fillHolidayForm(page: Page, language: Language): Promise<void> {
  const texts = textsFor(language).admin.calendar.form;
  const form = page.getByRole('region', { name: texts.title });
  await form.getByRole('textbox', { name: texts.date, exact: true }).fill(DATE);
  await form.getByRole('textbox', { name: texts.nameEn }).fill('Spring Festival');
  await form.getByRole('textbox', { name: texts.nameZh }).fill('春节');
  await form
    .getByRole('textbox', { name: texts.source, exact: true })
    .fill('国务院办公厅关于2027年部分节假日安排的通知');
}

async function showYear(page: Page, language: Language): Promise<void> {
  const texts = textsFor(language).admin.calendar;
  await page.getByRole('combobox', { name: texts.year }).selectOption(YEAR);
  await page
    .getByRole('region', { name: fill(texts.list.title, { year: YEAR }) })
    // The list's card, and its scrolling table once it has rows, share the name.
    .first()
    .waitFor({ timeout: 30_000 });
  await waitForNetworkQuiet(page);
}

describe('an administrator adds a 2027 holiday', () => {
  test('through the calendar form; the public API and the page then show it as a holiday', async () => {
    const page = await openPage({ language: LANGUAGE, viewport: 'mobile', signInAs: admin.email });
    // Before: an ordinary working Monday, for lack of 2027 data.
    expect(await readPublicDay(page)).toMatchObject({ date: DATE, isWorkingDay: true });

    await visit(page, '/admin/calendar');
    await showYear(page, LANGUAGE);
    await expect
      .poll(() => page.getByRole('alert', { name: fill(t.noData.title, { year: YEAR }) }).isVisible())
      .toBe(true);
    const form = page.getByRole('region', { name: t.form.title });
    await fillHolidayForm(page, LANGUAGE);
    expect(await form.getByRole('combobox', { name: t.form.kind }).inputValue()).toMatch(/holiday/i);
    await keyStep(openPage, page, JOURNEY, 'holiday-form-filled', {
      user: admin,
      prepare: async (variant, language) => {
        await showYear(variant, language);
        await fillHolidayForm(variant, language);
      },
    });
    await form.getByRole('button', { name: ui.common.actions.save }).click();
    await expect
      .poll(
        () =>
          page
            .getByText(fill(t.form.savedHoliday, { date: '' }).trim())
            .first()
            .isVisible(),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);

    // The public calendar API now answers: a holiday.
    const day = await readPublicDay(page);
    expect(day).toMatchObject({ date: DATE, isWorkingDay: false });
    expect(day.reason).toMatch(/holiday/);

    // And the page lists the day for 2027.
    const list = page.getByRole('region', { name: fill(t.list.title, { year: YEAR }) });
    await expect.poll(() => list.getByText('Spring Festival').first().isVisible()).toBe(true);
    await keyStep(openPage, page, JOURNEY, 'holiday-listed', { user: admin, prepare: showYear });
  }, 240_000);

  test('a State Council notice: a holiday range with its make-up days at once, each day in the audit log', async () => {
    const page = await openPage({ language: LANGUAGE, viewport: 'mobile', signInAs: admin.email });
    const notice = t.notice;
    await visit(page, '/admin/calendar');
    await showYear(page, LANGUAGE);
    const form = page.getByRole('region', { name: notice.title });
    await form.getByRole('textbox', { name: notice.from, exact: true }).fill('2027-10-01');
    await form.getByRole('textbox', { name: notice.to, exact: true }).fill('2027-10-07');
    await form.getByRole('textbox', { name: fill(notice.makeupDay, { n: 1 }) }).fill('2027-09-26');
    await form.getByRole('button', { name: notice.addDay }).click();
    await form.getByRole('textbox', { name: fill(notice.makeupDay, { n: 2 }) }).fill('2027-10-09');
    await form.getByRole('textbox', { name: t.form.nameEn }).fill('National Day');
    await form.getByRole('textbox', { name: t.form.nameZh }).fill('国庆节');
    await form
      .getByRole('textbox', { name: t.form.source, exact: true })
      .fill('国务院办公厅关于2027年部分节假日安排的通知');
    await form.getByRole('button', { name: notice.submit }).click();
    await expect
      .poll(() => form.getByTestId('calendar-notice-result').textContent(), { timeout: 30_000 })
      .toContain('7');
    for (const [date, isWorkingDay] of [
      ['2027-10-04', false],
      ['2027-09-26', true],
      ['2027-10-09', true],
    ] as const) {
      const response = await page.request.get(`${getBaseUrl()}/api/calendar/days/${date}`);
      expect(await response.json()).toMatchObject({ date, isWorkingDay });
    }

    // The audit log: narrowed to one of the days, its event opens with its hashes and data.
    const audit = ui.admin.audit;
    await visit(page, '/admin/audit');
    await page.getByRole('textbox', { name: audit.filters.subjectId }).fill('2027-10-04');
    await page.getByRole('button', { name: audit.filters.apply }).click();
    const details = page.getByRole('button', { name: /#\d+/u });
    await expect.poll(() => details.count(), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(() => page.getByText(audit.actions.calendar.override_set).first().isVisible())
      .toBe(true);
    await details.first().click();
    const drawer = page.getByTestId('audit-event-detail');
    await expect
      .poll(() => drawer.getByText(audit.detail.prevHash).isVisible(), { timeout: 30_000 })
      .toBe(true);
    expect(await drawer.textContent()).toContain('holidayFrom');
    await keyStep(openPage, page, JOURNEY, 'audit-event-detail', { user: admin });
  }, 240_000);
});
