import { describe, expect, test } from 'vitest';
import { DEMO_USERS, getBaseUrl, setUpBrowser, visit, waitForNetworkQuiet } from '../support/fixtures.ts';
import { type JourneyUser, keyStep } from '../support/journey-screenshots.ts';
import { fill, textsFor } from '../support/journey-ui.ts';
import type { Language } from '../support/page-info.ts';

/**
 * An administrator invites a user; the user chooses a password from the link in the mail (read from
 * the outbox, as an administrator without SMTP would) and signs in; the administrator then disables
 * the account, and signing in is refused with the translated "disabled" message.
 */
const { openPage } = setUpBrowser();
const JOURNEY = 'admin-users';
const LANGUAGE: Language = 'en';
const ui = textsFor(LANGUAGE);
const t = ui.admin;
const admin: JourneyUser = { email: DEMO_USERS.admin };
const NAME = 'Journey Invitee';
const PASSWORD = 'journey invitee password';

describe('an administrator invites, then disables, a user', () => {
  test('invitation mail → password chosen → signed in → disabled → sign-in refused', async () => {
    const email = `invitee-${Date.now()}@example.test`;
    const page = await openPage({ language: LANGUAGE, viewport: 'desktop', signInAs: admin.email });
    await visit(page, '/admin/users');
    await page.getByTestId('users-table').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: t.invite.open }).click();
    const dialog = page.getByRole('dialog', { name: t.invite.title });
    await dialog.getByRole('textbox', { name: t.invite.name }).fill(NAME);
    await dialog.getByRole('textbox', { name: t.invite.email }).fill(email);
    await keyStep(openPage, page, JOURNEY, 'invite-form', { user: admin });
    await dialog.getByRole('button', { name: t.invite.submit }).click();
    await expect
      .poll(() => page.getByText(fill(t.invite.done, { name: NAME, email })).isVisible(), { timeout: 30_000 })
      .toBe(true);

    // The mail, as the outbox holds it.
    const outbox = await page.request.get(`${getBaseUrl()}/api/admin/mail-outbox?limit=20`);
    const { items } = (await outbox.json()) as { items: { to: string; text: string }[] };
    const mail = items.find((item) => item.to === email);
    const token = /\/reset-password\?token=([\w-]+)/.exec(mail?.text ?? '')?.[1];
    expect(token, mail?.text).toBeDefined();

    const invitee = await openPage({
      language: LANGUAGE,
      viewport: 'mobile',
      // The refused sign-in at the end answers 401 on purpose.
      allowConsoleErrors: [/401 \(Unauthorized\).*\/api\/auth\/sign-in\/email/],
    });
    await visit(invitee, `/reset-password?token=${token}`);
    await invitee.getByLabel(ui.auth.reset.newPassword).fill(PASSWORD);
    await invitee.getByLabel(ui.auth.reset.repeatPassword).fill(PASSWORD);
    await keyStep(openPage, invitee, JOURNEY, 'choose-password');
    await invitee.getByRole('button', { name: ui.auth.reset.save }).click();
    await invitee.getByText(ui.auth.reset.doneTitle).waitFor({ timeout: 30_000 });

    const signIn = async () => {
      await visit(invitee, '/sign-in');
      await invitee.getByRole('textbox', { name: ui.auth.signIn.email }).fill(email);
      await invitee.getByLabel(ui.auth.signIn.password).first().fill(PASSWORD);
      await invitee.getByRole('button', { name: ui.auth.signIn.submit }).click();
    };
    await signIn();
    await expect.poll(() => new URL(invitee.url()).pathname, { timeout: 30_000 }).not.toBe('/sign-in');

    // The administrator disables the account from its row.
    await page.getByRole('searchbox', { name: t.users.search }).fill(email);
    await waitForNetworkQuiet(page);
    await page.getByRole('button', { name: fill(t.users.actionsFor, { name: NAME }) }).click();
    await page.getByRole('menuitem', { name: t.users.disable }).click();
    const confirm = page.getByRole('dialog', { name: fill(t.confirm.disable.title, { name: NAME }) });
    await confirm.waitFor();
    // The menu's closing transition leaves an empty menu for a moment.
    await page.getByRole('menu').waitFor({ state: 'detached' });
    await keyStep(openPage, page, JOURNEY, 'confirm-disable', { user: admin });
    await confirm.getByRole('button', { name: t.confirm.disable.confirm }).click();
    await expect
      .poll(() => page.getByText(fill(t.confirm.disable.done, { name: NAME })).isVisible(), {
        timeout: 30_000,
      })
      .toBe(true);

    // Signed out everywhere; signing in again is refused with the translated message.
    await invitee.context().clearCookies();
    await signIn();
    await invitee.getByTestId('account-disabled').waitFor({ timeout: 30_000 });
    expect(await invitee.getByTestId('account-disabled').textContent()).toContain(
      ui.auth.signIn.disabledTitle,
    );
    await keyStep(openPage, invitee, JOURNEY, 'sign-in-refused');
  }, 300_000);
});
