// End to end, in the machine's Chromium, on the demo system (test/e2e/support.ts): a reception day.
// Reception staff add the district akim as a receiving official and plan his session; the head
// approves the month's schedule; the public schedule shows it without sign-in in Kazakh and
// Russian; a sign-up is registered and given the session; on the day arrivals join the live queue,
// a combat veteran out of turn ahead of one who came earlier; the next is called and the hall
// screen shows the ticket live; the protocol records an instruction with its executor and due
// date; the quarter's report and survey, the compliance check. axe finds no serious or critical violation on these screens; screenshots go to
// test-results/screenshots-reception/ (live-queue.png is the README's).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axe, base, m, newPage, pickOption, ROOT, shot, signIn, SKIP, startSystem, stopSystem, switchLanguage } from './support.ts';

const SHOTS = join(ROOT, 'test-results/screenshots-reception');
/** Where the staff app lives under the server: every staff URL is made here. */
const STAFF = '/staff';
const staff = (path: string) => `${base}${STAFF}${path}`;

async function check(page: Page, screen: string): Promise<void> {
  // a notification fading in is half transparent: axe measures it once its transition has ended
  await page.waitForFunction(() => document.getAnimations().every((a) => a.effect?.getComputedTiming().iterations === Number.POSITIVE_INFINITY || a.playState === 'finished'));
  await axe(page, screen);
  await shot(page, screen);
}

describe('a reception day in the browser', { skip: SKIP }, () => {
  before(() => startSystem(SHOTS, 'e2e-server-reception.log'));
  after(stopSystem);

  test('schedule approved and published, a sign-up given its session, the live queue with an out-of-turn veteran, the hall screen, the protocol with an instruction', async () => {
    // reception staff: the official and the session
    const rec = await newPage('kk');
    await signIn(rec, 'kk', 'reception');
    await rec.goto(staff('/reception/schedule'));
    await rec.getByTestId('official-form').waitFor();
    await rec.getByTestId('official-name').fill('Әкімов Серік Болатұлы');
    await rec.getByTestId('official-position-kk').fill('Бурабай ауданының әкімі');
    await rec.getByTestId('official-position-ru').fill('Аким Бурабайского района');
    await rec.getByTestId('official-kind').selectOption('akim');
    await rec.getByTestId('official-submit').click();
    await rec.getByTestId('officials').getByText('Әкімов Серік Болатұлы').waitFor();
    await rec.getByTestId('session-official').locator('option', { hasText: 'Әкімов' }).waitFor({ state: 'attached' });
    await rec.getByTestId('session-starts').fill('2026-03-20T10:00');
    await rec.getByTestId('session-ends').fill('2026-03-20T12:00');
    await rec.getByTestId('session-place').fill('Щучинск, Абылай хан к-сі, 34, 105 каб.');
    await rec.getByTestId('session-submit').click();
    await rec.getByTestId('session-row').first().waitFor();
    await check(rec, 'schedule-kk');

    // the head approves the month
    const head = await newPage('ru');
    await signIn(head, 'ru', 'head');
    await head.goto(staff('/reception/schedule'));
    await head.getByTestId('approve').click();
    await head.getByTestId('approved-by').waitFor();
    assert.match((await head.getByTestId('approved-by').textContent()) ?? '', /Қасымов Нұрлан/);
    await check(head, 'schedule-approved-ru');

    // the public schedule, without sign-in, in Kazakh and in Russian
    const publicHref = await rec.getByRole('link', { name: m('kk', 'rc.publicLink') }).getAttribute('href');
    const pub = await newPage('kk');
    await pub.goto(`${base}${publicHref}`);
    const row = pub.getByTestId('public-row').first();
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Бурабай ауданының әкімдігі.*Әкімов Серік Болатұлы.*Бурабай ауданының әкімі.*2026-03-20 10:00–12:00/);
    await check(pub, 'public-schedule-kk');
    await switchLanguage(pub, 'ru');
    await pub.getByTestId('public-row').filter({ hasText: 'Акимат Бурабайского района' }).waitFor();
    await check(pub, 'public-schedule-ru');

    // a sign-up registered and given the session
    await rec.goto(staff('/reception/sign-ups'));
    await rec.getByTestId('sign-up-last-name').fill('Жұмабаев');
    await rec.getByTestId('sign-up-first-name').fill('Ерлан');
    await rec.getByTestId('sign-up-phone').fill('+77011234567');
    await rec.getByTestId('sign-up-question').fill('Жер телімін ресімдеу');
    await rec.getByTestId('sign-up-submit').click();
    await rec.getByTestId('sign-up-row').first().waitFor();
    assert.match((await rec.getByTestId('sign-up-row').first().textContent()) ?? '', /ЖТ-2026-\d{8}.*Жұмабаев Ерлан/);
    await check(rec, 'sign-ups-kk');
    await rec.getByTestId('give-session').click();
    await rec.getByText(m('kk', 'rc.noneWaiting')).waitFor();

    // the day: the list, arrivals, the out-of-turn veteran first
    await rec.goto(staff('/reception/schedule'));
    await rec.getByTestId('open-session').first().click();
    await rec.waitForURL(/\/reception\/sessions\//);
    const sessionId = rec.url().split('/').pop()!;
    await rec.getByTestId('session-sign-ups').getByText('Жұмабаев Ерлан').waitFor();
    const arrive = async (name: string, time: string, outOfTurn?: string) => {
      await rec.getByTestId('arrival-name').fill(name);
      await rec.getByTestId('arrival-time').fill(time);
      await rec.getByTestId('arrival-out-of-turn').selectOption(outOfTurn ?? '');
      if (outOfTurn) await rec.getByTestId('arrival-evidence').fill('Ардагер куәлігі №123');
      await rec.getByTestId('arrival-submit').click();
      await rec.getByTestId('queue-name').filter({ hasText: name }).waitFor();
      // the form is emptied once the arrival is in: the next is typed after that
      await rec.waitForFunction(() => (document.querySelector('[data-testid=arrival-name]') as HTMLInputElement | null)?.value === '');
    };
    await arrive('Жұмабаев Ерлан', '09:55');
    await arrive('Бекова Бибігүл', '10:05', 'veteranCombat');
    assert.deepEqual(await rec.getByTestId('queue-name').allTextContents(), ['Бекова Бибігүл', 'Жұмабаев Ерлан']);
    await check(rec, 'live-queue');

    // the hall screen, public, updated live as the next is called
    const hall = await newPage('kk');
    await hall.goto(`${base}${STAFF}/public/reception/hall/${sessionId}`);
    await hall.getByTestId('hall-waiting').getByText('2').waitFor();
    assert.equal(await hall.getByTestId('hall-called').textContent(), '—');
    await rec.getByTestId('call-next').click();
    await rec.locator('[data-testid=queue-row][data-status=called]').filter({ hasText: 'Бекова Бибігүл' }).waitFor();
    await hall.getByTestId('hall-called').filter({ hasText: /^2$/ }).waitFor();
    await check(hall, 'hall');

    // the protocol: the veteran's question given to the rural akim's office as an instruction
    await rec.getByTestId('protocol-visitor').selectOption({ label: '2 · Бекова Бибігүл' });
    await rec.getByTestId('protocol-question').fill('Жол жөндеу');
    await rec.getByTestId('protocol-decision').fill('Ауыл әкімінің аппаратына тапсырылсын');
    await rec.getByTestId('protocol-instruction').check();
    await pickOption(rec, rec.getByTestId('protocol-executor'), 'Златополь', /Златополь/);
    await rec.getByTestId('protocol-due').fill('2026-04-10');
    await rec.getByTestId('protocol-submit').click();
    const line = rec.getByTestId('protocol-line').first();
    await line.waitFor();
    assert.match((await line.textContent()) ?? '', /Бекова Бибігүл.*Жол жөндеу.*Златополь.*2026-04-10/);
    await check(rec, 'protocol-kk');

    // the quarter: the report's figures and the survey (PR-44, PR-46)
    await rec.goto(staff('/reception/report?year=2026&quarter=1'));
    await rec.getByTestId('report-sessionsHeld').filter({ hasText: /^1$/ }).waitFor();
    await rec.getByTestId('draw-sample').click();
    await rec.getByTestId('report-outOfTurn').waitFor();
    await check(rec, 'report-kk');
    await rec.goto(staff('/reception/compliance'));
    await rec.getByTestId('compliance-organizations').waitFor();
    await check(rec, 'compliance-kk');
  });
});
