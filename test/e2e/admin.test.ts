// Issue 10, item 12, in the browser: the administrator's screens. The administrator creates a user
// (the temporary password shown once), the user signs in with it and is asked to change it, the
// administrator deactivates them and their next request is refused; the organization tree, the directories and the calendar (a
// holiday added with its basis) — each checked with axe at 1280 px; the section is the
// administrator's only.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { axe, base, LANGS, m, newPage, pickOption, ROOT, shot, signIn, SKIP, startSystem, stopSystem, switchLanguage } from './support.ts';

const SHOTS = join(ROOT, 'test-results/screenshots-admin');

describe('administration in the browser (issue 10, item 12)', { skip: SKIP }, () => {
  before(() => startSystem(SHOTS, 'e2e-admin.log'));
  after(stopSystem);

  test('a user created, signed in, deactivated: their next request is refused', async () => {
    const page = await newPage('kk');
    await signIn(page, 'kk', 'admin');
    await page
      .getByTestId('nav-item')
      .filter({ hasText: m('kk', 'nav.admin') })
      .click();
    await page.getByRole('heading', { name: m('kk', 'adm.users.title') }).waitFor();
    await page.getByTestId('user-row').first().waitFor();
    await axe(page, 'users (kk)');

    await page.getByTestId('user-new').click();
    const form = page.getByTestId('user-form');
    await form.getByLabel(m('kk', 'adm.users.login')).fill('gaukhar');
    await form.getByLabel(m('kk', 'adm.users.fullName')).fill('Сәрсенова Гауһар');
    await form.getByLabel(m('kk', 'adm.users.position')).fill('Бас маман');
    await form.getByLabel(m('kk', 'adm.users.email')).fill('gaukhar@example.kz');
    await pickOption(page, form.getByTestId('user-organization'), 'AKM-BURABAY', /\(AKM-BURABAY\)$/);
    await form.getByLabel(m('kk', 'role.executor'), { exact: true }).check();
    await axe(page, 'new user form (kk)');
    await form.getByTestId('user-save').click();
    const shown = page.getByTestId('temporary-password');
    await shown.waitFor();
    const password = (await shown.textContent())!.trim();
    assert.match(password, /^[A-Za-z0-9]{14}$/);
    await axe(page, 'temporary password (kk)');
    await shot(page, 'admin-temporary-password-kk', false);
    await page
      .getByRole('button', { name: m('kk', 'close'), exact: true })
      .last()
      .click();
    await shown.waitFor({ state: 'detached' });

    const user = await newPage('kk');
    await signIn(user, 'kk', 'gaukhar', password);
    // a password the administrator gave is changed before anything else
    await user.getByRole('dialog', { name: m('kk', 'changePassword') }).waitFor();
    const blocked = await user.evaluate(async () => (await fetch('/api/v1/users', { credentials: 'same-origin' })).status);
    assert.equal(blocked, 403);
    // not an administrator: no administration in the navigation, and /admin leads home
    assert.equal(
      await user
        .getByTestId('nav-item')
        .filter({ hasText: m('kk', 'nav.admin') })
        .count(),
      0,
    );
    const me = () => user.evaluate(async () => (await fetch('/api/v1/me', { credentials: 'same-origin' })).status);
    assert.equal(await me(), 200);

    await page.getByTestId('user-search').fill('gaukhar');
    const row = page.locator('[data-testid=user-row][data-login=gaukhar]');
    await row.waitFor();
    await row.getByTestId('user-deactivate').click();
    await page.getByText(m('kk', 'adm.users.deactivated', { login: 'gaukhar' })).waitFor();
    assert.equal(await me(), 401);
    await user.goto(`${base}/staff/queues/all`);
    await user.locator('input[name=login]').waitFor();

    for (const lang of ['ru', 'en'] as const) {
      await switchLanguage(page, lang);
      await page.getByRole('heading', { name: m(lang, 'adm.users.title') }).waitFor();
      await axe(page, `users (${lang})`);
    }
    await shot(page, 'admin-users-en');
  });

  test('the organization tree, directories and calendar; a holiday added with its basis', async () => {
    const page = await newPage('kk');
    await signIn(page, 'kk', 'admin');
    await page.goto(`${base}/staff/admin/organizations`);
    await page.getByTestId('organization-tree').getByText('AKM-BURABAY ·').first().click();
    await page.getByTestId('organization-profile').waitFor();
    await axe(page, 'organization tree (kk)');
    await page.getByTestId('organization-add-child').click();
    await page.getByTestId('organization-child-form').waitFor();
    await axe(page, 'new organization form (kk)');
    await page.keyboard.press('Escape');

    await page.goto(`${base}/staff/admin/directories`);
    await page.getByTestId('directory-entries').locator('tbody tr').first().waitFor();
    await axe(page, 'directories (kk)');

    await page.goto(`${base}/staff/admin/calendar`);
    const dueDate = () => page.evaluate(async () => (await (await fetch('/api/v1/calendar/term?receivedAt=2026-03-18T10%3A00%3A00%2B05%3A00&documentType=application')).json()).dueDate as string);
    const before = await dueDate();
    await page.getByTestId('calendar-year').fill('2026');
    await page.getByTestId('calendar-day').first().waitFor();
    await page.getByTestId('calendar-date').fill('2026-03-31');
    await page.getByTestId('calendar-note').fill('ҚР Үкіметінің қаулысы (сынақ), ҚР Еңбек кодексі 85-бап');
    await page.getByTestId('calendar-save').click();
    await page.locator('[data-testid=calendar-day][data-date="2026-03-31"]').waitFor();
    await axe(page, 'calendar (kk)');
    await shot(page, 'admin-calendar-kk');
    for (const lang of LANGS) {
      await switchLanguage(page, lang);
      await page.getByRole('heading', { name: m(lang, 'adm.cal.title') }).waitFor();
    }
    const after = await dueDate();
    assert.ok(after > before, `the due date moved past the holiday: ${after} after ${before}`);
  });
});
