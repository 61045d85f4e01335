// End to end, in the machine's Chromium, on the demo system (test/e2e/support.ts): the contact
// centre's operator console (issue 13). A call rings through the signed telephone webhook (EA-10)
// and pops on the console with the caller's earlier appeal; the operator answers from a knowledge
// card (a consultation); the next call is registered as an appeal for a district and its talon
// number is read out; a third contact ends as a public-service complaint (CC-25: no appeal). axe
// finds no serious or critical violation; screenshots go to test-results/screenshots-contact-centre/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { MessageKey } from '../../web/src/i18n/messages.ts';
import { axe, base, m, newPage, pickOption, ROOT, shot, signIn, SKIP, startSystem, stopSystem, type Lang } from './support.ts';
import WebSocket from 'ws';
import { signBody } from '../../src/cti/signature.ts';

const SHOTS = join(ROOT, 'test-results/screenshots-contact-centre');
/** Where the staff app lives: every URL of this test starts here. */
const STAFF = '/staff';
const SECRET = 'e2e-cti-secret';
const CALLER = '+77015554433';

/** The API as a demo user (bearer token), for what the test prepares and checks. */
async function apiAs(login: string) {
  const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'demo' }) });
  const { token } = (await r.json()) as { token: string };
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    // biome-ignore lint/suspicious/noExplicitAny: JSON answers, checked by the assertions
    return { status: res.status, body: (await res.json()) as any };
  };
}

/** The telephone system says a call rings at the demo operator's extension. */
async function ring(callId: string, event = 'ringing'): Promise<void> {
  const raw = JSON.stringify({ event, callId, callerPhone: CALLER, operator: 'operator' });
  const r = await fetch(`${base}/api/v1/cti/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-joldanym-signature': signBody(SECRET, raw) }, body: raw });
  assert.equal(r.status, 200, await r.text());
}

async function check(page: Page, screen: string): Promise<void> {
  await axe(page, screen);
  await shot(page, screen);
}

describe('the contact centre in the browser', { skip: SKIP }, () => {
  before(async () => {
    process.env.JOLDANYM_CTI_SECRET = SECRET;
    await startSystem(SHOTS, 'e2e-server-contact-centre.log');
  });
  after(stopSystem);

  test('EA-10, EA-05, CC-03, CC-25: a call pops with the caller’s earlier appeal, is answered from a card; the next is registered as an appeal for a district and the talon read out; a third ends as a public-service complaint', async () => {
    // what the system holds already: a live knowledge card, an earlier appeal of the caller
    const head = await apiAs('head');
    const card = await head('POST', '/api/v1/contact-centre/knowledge-cards', {
      serviceKk: 'Жер учаскесін беру',
      serviceRu: 'Предоставление земельного участка',
      bylawKk: 'Қағидалар № 123',
      bylawRu: 'Правила № 123',
      bylawApprovedOn: '2026-02-02',
      responsibleName: 'Әлиев Бауыржан',
      responsiblePosition: 'Бөлім басшысы',
      responsiblePhone: '+7 71636 4 00 00',
      providerName: 'Жер қатынастары бөлімі',
      answerKk: 'Өтінішті eGov порталы арқылы беріңіз.',
      answerRu: 'Подайте заявление через портал eGov.',
    });
    assert.equal(card.status, 201, JSON.stringify(card.body));
    assert.equal((await head('PATCH', `/api/v1/contact-centre/knowledge-cards/${card.body.id}`, { sentOn: '2026-02-05', trainedOn: '2026-02-12', protocolOn: '2026-02-16' })).body.state, 'live');
    const registrar = await apiAs('registrar');
    const earlier = await registrar('POST', '/api/v1/appeals', {
      documentType: 'application',
      form: 'paper',
      channel: 'post',
      language: 'ru',
      summary: 'Ремонт дороги на ул. Абая',
      applicant: { kind: 'individual', lastName: 'Жұмабаев', firstName: 'Ерлан', phone: CALLER },
    });
    assert.equal(earlier.status, 201, JSON.stringify(earlier.body));

    const lang: Lang = 'ru';
    const page = await newPage(lang);
    await signIn(page, lang, 'operator');
    await page.getByRole('link', { name: m(lang, 'nav.contactCentre') }).click();
    await page.waitForURL(`${base}${STAFF}/contact-centre`);
    await page.locator('[data-testid=cc-console][data-screen-pop=connected]').waitFor();
    await check(page, 'console-waiting-ru');

    // 1. the call rings: the console pops with the caller and the earlier appeal
    await ring('e2e-call-1');
    await page.getByTestId('live-contact').waitFor();
    assert.equal(await page.getByTestId('caller-phone').textContent(), CALLER);
    await page.getByTestId('caller-history').getByText(earlier.body.registrationNumber).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'live-contact', 'the focus goes to the contact');
    // the operator finds the card by a Russian word and answers from it
    await page.getByTestId('card-search').fill('земельного');
    const found = page.getByTestId('knowledge-card').filter({ hasText: 'Предоставление земельного участка' });
    await found.waitFor();
    await found.getByRole('button', { name: m(lang, 'cc.cards.use') }).click();
    await page.getByTestId('chosen-card').getByText('Предоставление земельного участка').waitFor();
    await check(page, 'console-call-ru');
    await page.getByTestId('close-contact').click();
    await page.getByRole('heading', { name: m(lang, 'cc.closed') }).waitFor();
    await ring('e2e-call-1', 'hangup');
    await page.getByRole('button', { name: m(lang, 'cc.next') }).click();

    // 2. the next call: an appeal for the district, the competent organization suggested, the talon read out
    await page.locator('[data-testid=cc-console][data-screen-pop=connected]').waitFor();
    await ring('e2e-call-2');
    await page.getByTestId('live-contact').waitFor();
    await page.getByText(m(lang, 'cc.outcome.appeal'), { exact: true }).click();
    await pickOption(page, page.getByTestId('territory'), 'Златополь', /Златополь/);
    await page.getByLabel(m(lang, 'cc.issueCategory')).selectOption('housingProvision');
    await page.getByRole('button', { name: m(lang, 'cc.suggest') }).click();
    // the district akimat, for a housing question from a rural okrug of it
    await page.waitForFunction(
      (label) => [...document.querySelectorAll('input')].some((i) => [...(i.labels ?? [])].some((l) => l.textContent?.includes(label)) && /\(AKM-BURABAY\)$/.test(i.value)),
      m(lang, 'cc.competent'),
    );
    await page.getByLabel(m(lang, 'cc.lastName')).fill('Жұмабаев');
    await page.getByLabel(m(lang, 'cc.firstName')).fill('Ерлан');
    await page.getByLabel(m(lang, 'cc.summary')).fill('Очередь на жильё');
    await page.getByLabel(m(lang, 'cc.protocol')).fill('Звонящий спрашивает о продвижении очереди на жильё.');
    await check(page, 'console-appeal-ru');
    await page.getByTestId('close-contact').click();
    const talon = await page.getByTestId('talon-read-out').textContent();
    const talonNumber = /(\d{8,})/.exec(talon ?? '')?.[1];
    assert.ok(talonNumber, talon ?? '');
    const operator = await apiAs('operator');
    const registered = await operator('GET', `/api/v1/appeals?talonNumber=${talonNumber}`);
    assert.equal(registered.body.items.length, 1);
    const appeal = await operator('GET', `/api/v1/appeals/${registered.body.items[0].id}`);
    assert.equal(appeal.body.channel, 'contactCentre');
    assert.equal(appeal.body.form, 'oral');
    await check(page, 'console-talon-ru');
    await page.getByRole('button', { name: m(lang, 'cc.next') }).click();

    // 3. a web-form contact opened by hand ends as a public-service complaint: no appeal
    await page.getByLabel(m(lang, 'cc.channel')).selectOption('web');
    await page.getByRole('button', { name: m(lang, 'cc.open') }).click();
    await page.getByTestId('live-contact').waitFor();
    await page.getByText(m(lang, 'cc.outcome.publicServiceComplaint'), { exact: true }).click();
    await page.getByLabel(m(lang, 'cc.region')).fill('Акмолинская область');
    await page.getByLabel(m(lang, 'cc.applicantName')).fill('Сапарова Айгуль');
    await page.getByLabel(m(lang, 'cc.nature')).fill('Нарушен срок оказания услуги');
    await page.getByLabel(m(lang, 'cc.content')).fill('Справку не выдают 10 дней');
    await page.getByLabel(m(lang, 'cc.measures')).fill('Направлен запрос поставщику');
    await page.getByTestId('close-contact').click();
    await page.getByTestId('complaint-saved').waitFor();
    await check(page, 'console-complaint-ru');
    const annex2 = await head('GET', '/api/v1/contact-centre/reports/annex2?month=2026-03');
    assert.deepEqual(
      annex2.body.rows.map((r: { applicant: string }) => r.applicant),
      ['Сапарова Айгуль'],
    );

    // 4. a chat from the citizens' pages (EA-05): the operator takes it, they talk, a card answers it
    await page.getByRole('button', { name: m(lang, 'cc.next') }).click();
    const chat = (await (
      await fetch(`${base}/api/v1/contact-centre/chats`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ organizationId: (await operator('GET', '/api/v1/me')).body.organization.id, language: 'ru' }),
      })
    ).json()) as { contactId: string; token: string };
    const caller = new WebSocket(`${base.replace('http', 'ws')}/api/v1/contact-centre/chats/${chat.contactId}/socket?token=${chat.token}`);
    const heard: string[] = [];
    let hear: () => void = () => {};
    caller.on('message', (d) => {
      heard.push(String(d));
      hear();
    });
    await new Promise((ok) => caller.once('open', ok));
    caller.send(JSON.stringify({ text: 'Как получить земельный участок?' }));
    const waitingChat = page.getByTestId('waiting-chat').filter({ hasText: 'Как получить земельный участок?' });
    await waitingChat.waitFor();
    await waitingChat.getByRole('button', { name: m(lang, 'cc.chats.take') }).click();
    await page.getByTestId('chat-log').getByText('Как получить земельный участок?').waitFor();
    const answered = new Promise<void>((ok) => (hear = () => heard.some((h) => h.includes('через портал eGov')) && ok()));
    await page.getByTestId('chat-input').fill('Подайте заявление через портал eGov.');
    await page.getByRole('button', { name: m(lang, 'cc.chat.send') }).click();
    await answered;
    await check(page, 'console-chat-ru');
    await page.getByTestId('card-search').fill('земельного');
    await page
      .getByTestId('knowledge-card')
      .first()
      .getByRole('button', { name: m(lang, 'cc.cards.use') })
      .click();
    await page.getByTestId('close-contact').click();
    await page.getByRole('heading', { name: m(lang, 'cc.closed') }).waitFor();
    caller.close();
    const transcript = await operator('GET', `/api/v1/contact-centre/contacts/${chat.contactId}/transcript`);
    assert.deepEqual(
      transcript.body.items.map((x: { author: string }) => x.author),
      ['caller', 'operator'],
    );
  });

  test('CC-16, CC-04: the contact-centre head sees the month’s figures with a chart, the Annex 2 report due on the 5th, the cards’ lifecycle', async () => {
    const lang: Lang = 'ru';
    const page = await newPage(lang);
    await signIn(page, lang, 'head');
    await page.getByRole('link', { name: m(lang, 'nav.contactCentre') }).click();
    await page.waitForURL(`${base}${STAFF}/contact-centre/figures`);
    await page.getByTestId('cc-month').fill('2026-03');
    await page.getByTestId('cc-figures').waitFor();
    await page.getByText(m(lang, 'cc.head.annex2.due', { date: '05.04.2026', n: 1 })).waitFor();
    await page.getByTestId('cc-cards').getByText('Предоставление земельного участка').waitFor();
    await check(page, 'head-figures-ru');
    // CC-05, CC-04: a new card with the Annex 1 fields, then the day it was sent
    const fields: [MessageKey, string][] = [
      ['cc.card.serviceKk', 'Тұрғын үй кезегіне қою'],
      ['cc.card.serviceRu', 'Постановка на очередь на жильё'],
      ['cc.card.bylawKk', 'Қағидалар № 7'],
      ['cc.card.bylawRu', 'Правила № 7'],
      ['cc.card.responsibleName', 'Серікова Ә.'],
      ['cc.card.responsiblePosition', 'Бөлім басшысы'],
      ['cc.card.providerName', 'Тұрғын үй бөлімі'],
      ['cc.card.bylawApprovedOn', '2026-03-16'],
      ['cc.card.answerKk', 'Құжаттарды ХҚКО-ға тапсырыңыз.'],
      ['cc.card.answerRu', 'Сдайте документы в ЦОН.'],
    ];
    for (const [key, value] of fields) await page.getByLabel(m(lang, key)).fill(value);
    await page
      .getByRole('button', { name: m(lang, 'save'), exact: true })
      .last()
      .click();
    const row = page.getByTestId('cc-cards').locator('tr').filter({ hasText: 'Постановка на очередь на жильё' });
    await row.getByText(m(lang, 'cc.state.awaitingCard')).waitFor();
    await row.getByLabel(m(lang, 'cc.cardForm.date')).fill('2026-03-18');
    await row.getByRole('button', { name: m(lang, 'save') }).click();
    await row.getByText(m(lang, 'cc.state.awaitingTraining')).waitFor();
    await check(page, 'head-cards-ru');
  });

  test('the console in Kazakh and English passes axe', async () => {
    for (const lang of ['kk', 'en'] as Lang[]) {
      const page = await newPage(lang);
      await signIn(page, lang, 'operator');
      await page.goto(`${base}${STAFF}/contact-centre`);
      await page.getByRole('heading', { name: m(lang, 'cc.title') }).waitFor();
      await check(page, `console-waiting-${lang}`);
    }
  });
});
