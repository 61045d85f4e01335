// End to end, in the machine's Chromium (playwright-core, /usr/bin/chromium): the real server
// (`src/cli.ts serve`, what `npm start` runs from its bundle) on a fresh embedded database with the demo data and a
// fixed clock (Wednesday 18 March 2026, 10:00 in Astana), and the staff web app it serves.
//
// In Kazakh, Russian and English: the registrar registers an individual's paper application and
// the talon opens → the head assigns it → the executor drafts an act (4.15) → the head approves it signing the
// letter → the appeal is completed and the letter verifies on the public page. Then a complaint
// sent to the reviewing body (4.24) and its letter signed through NCALayer (a test double speaking
// its protocol, ./ncalayer-double.ts), an extension by the head (4.14), a duplicate flagged while
// typing, the lockout, a password change, the overview, a tablet viewport. axe (WCAG 2.2 AA)
// finds no serious or critical violation on any screen; no layout shift on load; screenshots of
// every screen go to test-results/screenshots/.
//
// Without /usr/bin/chromium the browser tests are skipped with that reason, except in CI (CI=true).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { MessageKey } from '../../web/src/i18n/messages.ts';
import { DECISION_MESSAGES } from '../../src/domain/decisions/messages.ts';
import { axe, base, LANGS, m, ncaLayer, newPage, noLayoutShift, noOverflow, pickOption, recordPrinting, ROOT, shot, signIn, SKIP, startSystem, stopSystem, switchLanguage, TABLET, type Lang } from './support.ts';
import { signedParts } from '../../src/letters/pades.ts';

const SHOTS = join(ROOT, 'test-results/screenshots');

// Demo registry persons with no demo appeals (src/db/reference/demo-registry.ts): one per language.
const PERSON: Record<Lang, { iin: string }> = {
  kk: { iin: '751203327816' },
  ru: { iin: '930228440168' },
  en: { iin: '850611336257' },
};

async function openFromQueue(page: Page, queue: string, number: string): Promise<void> {
  await page.goto(`${base}/staff/queues/${queue}?q=${encodeURIComponent(number)}`);
  await page.getByRole('link', { name: number, exact: true }).click();
  await page.getByTestId('appeal-number').filter({ hasText: number }).waitFor();
}

async function statusIs(page: Page, lang: Lang, status: string): Promise<void> {
  await page
    .getByTestId('appeal-status')
    .filter({ hasText: m(lang, `status.${status}` as MessageKey) })
    .waitFor();
}

/** Signs the newest unsigned letter: opened by the head's click, or at once after the head's own decision. */
async function signNewestLetter(page: Page, lang: Lang, opts: { opensItself?: boolean; screen?: string } = {}): Promise<void> {
  const form = page.getByTestId('sign-form');
  if (!opts.opensItself) await page.getByTestId('letter-sign').last().click();
  await form.waitFor();
  await page.getByTestId('letter-preview').waitFor();
  await page.getByTestId('use-demo-key').click();
  await page.getByText(m(lang, 'sign.demoKeyLoaded')).waitFor();
  if (opts.screen) {
    await axe(page, opts.screen);
    await shot(page, opts.screen, false);
  }
  await page.getByTestId('sign-submit').click();
  await form.waitFor({ state: 'detached' });
}

/** Fills the desk with an individual's paper application, the IIN looked up in the registry. */
async function registerIndividual(page: Page, lang: Lang, iin: string, summary: string, text: string): Promise<void> {
  await page.goto(`${base}/staff/desk`);
  await page.getByRole('heading', { name: m(lang, 'desk.title') }).waitFor();
  await page.selectOption('#documentType', 'application');
  await page.selectOption('#form', 'paper');
  await page.selectOption('#channel', 'post');
  await page.selectOption('#issueCategory', 'land');
  await page.fill('#p-iin', iin);
  await page
    .getByTestId('lookup-person')
    .filter({ hasText: m(lang, 'lookupFound') })
    .waitFor();
  assert.notEqual(await page.inputValue('#p-last'), '', 'the registry filled the surname');
  await page.fill('#summary', summary);
  await page.fill('#text', text);
}

async function submitDesk(page: Page): Promise<{ id: string; number: string }> {
  await page.locator('#summary').press('Control+Enter');
  const number = (await page.getByTestId('registration-number').textContent())!.trim();
  const src = (await page.getByTestId('talon-frame').getAttribute('src'))!;
  const id = /appeals\/([0-9a-f-]{36})\//.exec(src)![1]!;
  const talon = await page.request.get(`${base}${src}`);
  assert.equal(talon.status(), 200);
  assert.equal(talon.headers()['content-type'], 'application/pdf');
  return { id, number };
}

describe('the staff web app in the browser', { skip: SKIP }, () => {
  before(() => startSystem(SHOTS, 'e2e-server.log', true));

  after(stopSystem);

  test('sign-in: after wrong passwords the account is throttled, answered like any wrong password', async () => {
    const page = await newPage('en');
    await page.goto(`${base}/staff/`);
    await page.locator('input[name=login]').waitFor();
    await noLayoutShift(page, 'sign-in');
    await axe(page, 'sign-in');
    await shot(page, 'sign-in-kk', false);
    await switchLanguage(page, 'en');
    for (let i = 0; i < 5; i++) {
      await page.fill('input[name=login]', 'operator');
      await page.fill('input[name=password]', `wrong-${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('login-error').filter({ hasText: 'Wrong login or password' }).waitFor();
    }
    // the server's clock stands still here, so the delay never passes: even the right password is
    // refused, with the same words as a wrong one (nothing tells that the login exists)
    await page.fill('input[name=login]', 'operator');
    await page.fill('input[name=password]', 'demo');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    const refused = await answer;
    if (refused.status() !== 401 || refused.headers()['retry-after'] !== '1') throw new Error(`throttled sign-in: ${refused.status()} ${refused.headers()['retry-after']}`);
    await page.getByTestId('login-error').filter({ hasText: 'Wrong login or password' }).waitFor();
    await axe(page, 'sign-in throttled');
    await shot(page, 'sign-in-throttled-en', false);
  });

  for (const lang of LANGS) {
    test(`core flow in ${lang}: register, talon, assign, act 4.15, sign, completed, verified`, async () => {
      const registrar = await newPage(lang);
      await recordPrinting(registrar);
      await signIn(registrar, lang, 'registrar');
      assert.equal(await registrar.evaluate(() => document.documentElement.lang), lang);
      assert.equal((await registrar.evaluate(() => localStorage.getItem('joldanym.lang'))) ?? 'kk', lang);
      await registrar.getByRole('heading', { name: m(lang, 'desk.title') }).waitFor();
      await noLayoutShift(registrar, `desk ${lang}`);
      await registerIndividual(registrar, lang, PERSON[lang].iin, `E2E ${lang}: жер учаскесі`, 'Жеке тұрғын үй салу үшін жер учаскесін беруді сұраймын.');
      await axe(registrar, `desk ${lang}`);
      await shot(registrar, `desk-${lang}`);
      const appeal = await submitDesk(registrar);
      assert.match(appeal.number, /^ЖТ-2026-\d{8}$/);
      await axe(registrar, `talon ${lang}`);
      await shot(registrar, `talon-${lang}`, false);
      // Print prints the talon's PDF, once it is in its frame
      await registrar.waitForFunction(() => {
        const w = document.querySelector<HTMLIFrameElement>('[data-testid=talon-frame]')?.contentWindow;
        return !!w && w.location.href.endsWith('/talon.pdf') && w.document.readyState === 'complete';
      });
      await registrar.getByRole('button', { name: m(lang, 'print'), exact: true }).click();
      await registrar.waitForFunction(() => (window as unknown as { __printed?: number }).__printed === 1);

      // the head assigns the executor
      const head = await newPage(lang);
      await signIn(head, lang, 'head');
      await head.getByTestId('tab-awaitingRouting').waitFor();
      await head.goto(`${base}/staff/queues/awaitingRouting?q=${encodeURIComponent(appeal.number)}`);
      await head.getByTestId('queue-row').first().waitFor();
      await noLayoutShift(head, `queue ${lang}`);
      await head.goto(`${base}/staff/queues/awaitingRouting`);
      await head.getByTestId('queue-row').first().waitFor();
      await axe(head, `queue ${lang}`);
      await shot(head, `queue-${lang}`);
      await openFromQueue(head, 'awaitingRouting', appeal.number);
      await noLayoutShift(head, `card ${lang}`);
      await head.getByTestId('action-assign').click();
      await head.getByTestId('assign-form').waitFor();
      await pickOption(head, head.getByTestId('assign-executor'), null, /Омаров Дәурен/);
      await axe(head, `assign ${lang}`);
      await shot(head, `assign-${lang}`, false);
      await head.getByTestId('assign-submit').click();
      await statusIs(head, lang, 'inExecution');

      // the executor adopts a favourable act; its letter waits for the head
      const executor = await newPage(lang);
      await signIn(executor, lang, 'executor');
      if (lang === 'kk') {
        await executor.getByTestId('queue-row').first().waitFor(); // the executor starts in the queue
        await axe(executor, 'queue executor');
        await shot(executor, 'queue-executor-kk');
      }
      await openFromQueue(executor, 'inExecution', appeal.number);
      await executor.getByTestId('decision-4.15').click();
      await executor.getByTestId('decision-form').waitFor();
      await executor.getByTestId('decision-form').getByRole('checkbox').first().check();
      await executor.getByTestId('decision-form').locator('textarea').first().fill('Жер учаскесі берілсін.');
      await axe(executor, `decision 4.15 ${lang}`);
      await shot(executor, `decision-4.15-${lang}`, false);
      // the executor's act is a draft with its letter, for the head to approve
      await executor.getByTestId('decision-approval-hint').waitFor();
      await executor.getByTestId('decision-submit').click();
      await executor.getByTestId('decision-form').waitFor({ state: 'detached' });
      await executor.getByTestId('draft-pending').waitFor();
      await statusIs(executor, lang, 'inExecution');
      await executor
        .getByTestId('letter')
        .first()
        .getByTestId('signature-status')
        .filter({ hasText: m(lang, 'letters.draft') })
        .waitFor();
      await executor.getByTestId('tab-timeline').click();
      await executor
        .getByTestId('timeline')
        .getByText(m(lang, 'event.decisionDrafted', { code: '4.15' }))
        .waitFor();
      // what is not available now, and why: another act while this draft awaits the head
      const unavailable = executor.getByTestId('unavailable');
      const disclosure = unavailable.getByRole('button', { name: new RegExp(m(lang, 'actions.unavailable')) });
      assert.equal(await disclosure.getAttribute('aria-expanded'), 'false');
      await disclosure.click();
      assert.equal(await disclosure.getAttribute('aria-expanded'), 'true');
      await unavailable.getByTestId('unavailable-4.15').filter({ hasText: DECISION_MESSAGES['decision.draftPending']![lang] }).waitFor();
      await axe(executor, `card ${lang}`);
      await shot(executor, `card-timeline-${lang}`);

      // the head approves it from the "to approve" queue by signing its letter: previewed, the demo key, completed
      await openFromQueue(head, 'toApprove', appeal.number);
      await head.getByTestId('draft-pending').waitFor();
      await head.getByTestId('draft-approve').click();
      await signNewestLetter(head, lang, { opensItself: true, screen: `sign-${lang}` });
      await statusIs(head, lang, 'completed');
      const letter = head.getByTestId('letter').last();
      await letter
        .getByTestId('signature-status')
        .filter({ hasText: m(lang, 'letters.valid') })
        .waitFor();
      await axe(head, `card completed ${lang}`);
      await shot(head, `card-${lang}`);
      const pdf = await head.request.get(`${base}${await letter.getByTestId('letter-download').getAttribute('href')}`);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');

      // the public verification page of the letter (its QR code opens it)
      const verify = await newPage(lang);
      await verify.goto(`${base}${await letter.getByTestId('letter-verify').getAttribute('href')}`);
      await verify.getByText('Подпись действительна').waitFor();
      await shot(verify, `verify-${lang}`, false);
    });
  }

  test('a complaint sent to the reviewing body (4.24) and signed through NCALayer, an extension (4.14), a duplicate flagged while typing', async () => {
    const lang: Lang = 'en';
    // a browser in another time zone: the times typed are the organization's (Astana) all the same
    const registrar = await newPage(lang, undefined, 'America/New_York');
    await signIn(registrar, lang, 'registrar');

    // a duplicate: the same applicant (IIN) and a similar text as a demo appeal
    await registerIndividual(registrar, lang, '780315345211', 'Жер учаскесін беру туралы', 'Жеке тұрғын үй құрылысы үшін жер учаскесін беруді сұраймын.');
    await registrar.getByTestId('dup-item').first().waitFor();
    await registrar
      .getByTestId('dup-status')
      .filter({ hasText: /Possible duplicates: [1-9]/ })
      .waitFor();
    await axe(registrar, 'desk with duplicates');
    await shot(registrar, 'desk-duplicate-en');
    const candidateLink = registrar.getByTestId('dup-item').first().getByRole('link');
    const challenged = { number: (await candidateLink.textContent())!.trim(), id: (await candidateLink.getAttribute('href'))!.split('/').pop()! };
    const [candidate] = await Promise.all([registrar.waitForEvent('popup'), candidateLink.click()]);
    await candidate.getByTestId('appeal-number').waitFor();
    await candidate.close();

    // a complaint against this organization, sent by the head to the reviewing body
    await registrar.goto(`${base}/staff/desk`);
    await registrar.selectOption('#documentType', 'complaint');
    await registrar.selectOption('#form', 'paper');
    // a wrong check digit is said as soon as the twelfth digit is typed, before leaving the field
    await registrar.locator('#p-iin').pressSequentially(`${PERSON.kk.iin.slice(0, 11)}${(Number(PERSON.kk.iin[11]) + 1) % 10}`);
    await registrar.getByText(m(lang, 'iin.checkDigit')).waitFor();
    assert.equal(await registrar.evaluate(() => document.activeElement?.id), 'p-iin');
    await registrar.fill('#p-iin', PERSON.kk.iin);
    await registrar
      .getByTestId('lookup-person')
      .filter({ hasText: m(lang, 'lookupFound') })
      .waitFor();
    assert.equal(await registrar.getByText(m(lang, 'iin.checkDigit')).count(), 0);
    await registrar.fill('#receivedAt', '2026-03-18T09:15');
    await pickOption(registrar, registrar.locator('#challengedAppealId'), challenged.number, new RegExp(challenged.number));
    await registrar.fill('#complainedOfficial', 'Серікбаев А.');
    await registrar.fill('#summary', 'Complaint about a refusal to register for housing');
    await registrar.fill('#text', 'The refusal of the housing department is unlawful.');
    await axe(registrar, 'desk complaint');
    await shot(registrar, 'desk-complaint-en');
    const complaint = await submitDesk(registrar);
    const registered = await (await registrar.request.get(`${base}/api/v1/appeals/${complaint.id}`)).json();
    assert.equal(registered.receivedAt, '2026-03-18T04:15:00.000Z', '09:15 in Astana, typed in New York');
    assert.equal(registered.challengedAppealId, challenged.id);
    await registrar.getByTestId('next-appeal').click();

    const head = await newPage(lang);
    await signIn(head, lang, 'head');
    await openFromQueue(head, 'awaitingRouting', complaint.number);
    await head.getByTestId('decision-4.24').click();
    await head.getByTestId('decision-form').waitFor();
    await pickOption(head, head.getByTestId('decision-form').getByLabel('Reviewing body'), 'AKM-AKIMAT', /AKM-AKIMAT/);
    await axe(head, 'decision 4.24');
    await shot(head, 'decision-4.24-en', false);
    await head.getByTestId('decision-submit').click();
    // the head's own decision: its letter opens for signing at once; signed through NCALayer, where
    // the head first closes the key dialog, then picks the key (the double: the head's demo key)
    await head.getByTestId('sign-form').waitFor();
    ncaLayer!.useKey(await (await head.request.get(`${base}/api/v1/me/demo-key.p12`)).body(), 'demo');
    ncaLayer!.refuseNext('action.canceled');
    await head.getByTestId('sign-ncalayer').click();
    await head
      .getByTestId('sign-error')
      .filter({ hasText: m(lang, 'sign.ncaLayerCancelled') })
      .waitFor();
    await axe(head, 'sign through NCALayer');
    await shot(head, 'sign-ncalayer-en', false);
    await head.getByTestId('sign-ncalayer').click();
    await head.getByTestId('sign-form').waitFor({ state: 'detached' });
    const request = ncaLayer!.requests.at(-1)!;
    assert.deepEqual([request.module, request.method, request.args[0], request.args[1], request.args[3]], ['kz.gov.pki.knca.commonUtils', 'createCAdESFromBase64', 'PKCS12', 'SIGNATURE', false]);
    const signed = head.getByTestId('letter').last();
    const letterPdf = await head.request.get(`${base}${await signed.getByTestId('letter-download').getAttribute('href')}`);
    // the signed letter carries the signature inside (PAdES): its /ByteRange is the file NCALayer signed
    assert.equal(request.args[2], signedParts(await letterPdf.body()).content.toString('base64'), 'NCALayer signed the letter exactly');
    await signed
      .getByTestId('signature-status')
      .filter({ hasText: m(lang, 'letters.valid') })
      .waitFor();
    await statusIs(head, lang, 'forwarded');
    await head
      .getByTestId('route')
      .getByText(/AKM|Akmola/)
      .first()
      .waitFor();
    await shot(head, 'card-complaint-forwarded-en');

    // an application, assigned, and its term extended by the head
    await registerIndividual(registrar, lang, PERSON.ru.iin, 'Extension: information requested from other bodies', 'Please review my request for a land plot.');
    const appeal = await submitDesk(registrar);
    await openFromQueue(head, 'awaitingRouting', appeal.number);
    await head.getByTestId('action-assign').click();
    await pickOption(head, head.getByTestId('assign-executor'), null, /Омаров Дәурен/);
    await head.getByTestId('assign-submit').click();
    await statusIs(head, lang, 'inExecution');
    await head.getByTestId('decision-4.14').click();
    const form = head.getByTestId('decision-form');
    await form.locator('input[type=date]').fill('2026-05-15');
    await form.locator('textarea').fill('Information was requested from other state bodies.');
    await axe(head, 'decision 4.14');
    await shot(head, 'decision-4.14-en', false);
    await head.getByTestId('decision-submit').click();
    await signNewestLetter(head, lang, { opensItself: true });
    // dates as English writes them, one rule for every screen (src/domain/dates.ts, issue 10 item 8)
    await head.getByText('15 May 2026').first().waitFor();
    await statusIs(head, lang, 'inExecution');
    await shot(head, 'card-extended-en');
    // the card prints (the browser's Print) without the app's header and navigation (issue 10 item 14)
    await head.emulateMedia({ media: 'print' });
    assert.equal(await head.locator('header').first().isVisible(), false);
    assert.equal(await head.getByRole('navigation', { name: m(lang, 'nav.main') }).isVisible(), false);
    assert.ok(await head.getByTestId('appeal-number').isVisible());
    await head.emulateMedia({ media: 'screen' });
  });

  test('overview, password change, queues and card on a tablet', async () => {
    const lang: Lang = 'ru';
    const head = await newPage(lang);
    await signIn(head, lang, 'head');
    await head.goto(`${base}/staff/overview`);
    await head.getByTestId('by-executor').getByText('Омаров Дәурен Болатұлы').waitFor();
    await noLayoutShift(head, 'overview');
    await axe(head, 'overview');
    await shot(head, 'overview-ru');
    await head.getByTestId('overview-completed').click();
    await head.getByTestId('queue-row').first().waitFor();
    // the akimat's own open appeals: the link opens exactly the appeals counted
    await head.goBack();
    const ownOpen = head.getByTestId('by-organization').locator('tbody tr').first().getByRole('link').first();
    const counted = Number((await ownOpen.textContent())!.replace(/\D/g, ''));
    await ownOpen.click();
    await head
      .getByTestId('queue-caption')
      .filter({ hasText: m(lang, 'table.caption', { queue: m(lang, 'queue.all'), n: counted }) })
      .waitFor();
    assert.ok((await head.getByLabel(m(lang, 'filters.ownOnly')).isChecked()) && (await head.getByLabel(m(lang, 'filters.open')).isChecked()));

    const controller = await newPage('kk');
    await signIn(controller, 'kk', 'controller');
    await controller
      .getByTestId('by-organization')
      .getByText(/Бурабай/)
      .first()
      .waitFor();
    await axe(controller, 'overview controller');
    await shot(controller, 'overview-controller-kk');

    // the password: changed in the dialog, then the new one signs in
    const reception = await newPage('en');
    await signIn(reception, 'en', 'reception');
    await reception.getByRole('button', { name: 'User menu' }).click();
    await reception.getByRole('menuitem', { name: 'Change password' }).click();
    await reception.getByRole('menu').waitFor({ state: 'hidden' });
    await reception.getByLabel('Current password').fill('demo');
    await reception.getByLabel(/^New password/).fill('a longer password');
    await reception.getByLabel('Repeat the new password').fill('a longer password');
    await axe(reception, 'password change');
    await shot(reception, 'password-en', false);
    await reception.getByRole('button', { name: 'Save' }).click();
    await reception.getByText('Password changed').waitFor();
    await reception.getByRole('button', { name: 'User menu' }).click();
    await reception.getByRole('menuitem', { name: 'Sign out' }).click();
    await reception.locator('input[name=login]').waitFor();
    await signIn(reception, 'en', 'reception', 'a longer password');

    // a tablet: nothing wider than the screen
    const tablet = await newPage('kk', TABLET);
    await signIn(tablet, 'kk', 'head');
    for (const [path, name] of [
      ['/queues/completed', 'queue'],
      ['/overview', 'overview'],
    ] as const) {
      await tablet.goto(`${base}/staff${path}`);
      await tablet.waitForLoadState('networkidle');
      await noLayoutShift(tablet, `tablet ${name}`);
      await noOverflow(tablet, `tablet ${name}`);
      await axe(tablet, `tablet ${name}`);
      await shot(tablet, `tablet-${name}-kk`);
    }
    await tablet.goto(`${base}/staff/queues/completed`);
    await tablet.getByTestId('queue-row').first().locator('a').first().click();
    await tablet.getByTestId('appeal-number').waitFor();
    await tablet.waitForLoadState('networkidle');
    await noOverflow(tablet, 'tablet card');
    await axe(tablet, 'tablet card');
    await shot(tablet, 'tablet-card-kk');
    const tabletDesk = await newPage('kk', TABLET);
    await signIn(tabletDesk, 'kk', 'registrar');
    await tabletDesk.getByRole('heading', { name: m('kk', 'desk.title') }).waitFor();
    await tabletDesk.waitForLoadState('networkidle');
    await noLayoutShift(tabletDesk, 'tablet desk');
    await noOverflow(tabletDesk, 'tablet desk');
    await axe(tabletDesk, 'tablet desk');
    await shot(tabletDesk, 'tablet-desk-kk');
  });
});
