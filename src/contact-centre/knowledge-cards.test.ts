// Knowledge cards over HTTP (CC-03…CC-12): the Annex 1 fields in Kazakh and Russian, the lifecycle
// and its terms on the shipped calendar, the overdue list, operators reading live cards only,
// full-text search in both languages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp, type Api } from '../../test/support.ts';

let t: TestApp;
let head: Api;
let operator: Api;
let registrar: Api;

const annex1 = (over: Record<string, unknown> = {}) => ({
  serviceKk: 'Мүгедектігі бар адамдарға әлеуметтік көмек',
  serviceRu: 'Социальная помощь лицам с инвалидностью',
  bylawKk: 'Қағидалар, бұйрық № 44, 2026 ж. 19 наурыз',
  bylawRu: 'Правила, приказ № 44 от 19 марта 2026 г.',
  bylawApprovedOn: '2026-03-19',
  changesKk: '',
  webPage: 'https://egov.kz/services/44',
  responsibleName: 'Серікова Ә.',
  responsiblePosition: 'Бөлім басшысы',
  responsiblePhone: '+7 7162 25 00 00',
  responsibleEmail: 'serikova@example.kz',
  providerName: 'Жұмыспен қамту бөлімі',
  providerContacts: '+7 7162 25 11 11',
  answerKk: 'Құжаттарды халыққа қызмет көрсету орталығына тапсырыңыз.',
  answerRu: 'Сдайте документы в центр обслуживания населения.',
  ...over,
});

before(async () => {
  t = await testApp({ now: '2026-03-20T10:00:00+05:00' });
  head = await t.as('head');
  operator = await t.as('operator');
  registrar = await t.as('registrar');
});
after(() => t.close());

test('CC-05: the Annex 1 card in Kazakh and Russian is kept by the contact-centre head; others may not', async () => {
  assert.equal((await operator('POST', '/api/v1/contact-centre/knowledge-cards', annex1())).status, 403);
  const missing = await head('POST', '/api/v1/contact-centre/knowledge-cards', annex1({ answerRu: undefined }));
  assert.equal(missing.status, 400);
  assert.equal(missing.body.error.fields[0].path, '/answerRu');
  const future = await head('POST', '/api/v1/contact-centre/knowledge-cards', annex1({ bylawApprovedOn: '2026-03-21' }));
  assert.equal(future.status, 422);
  assert.equal(future.body.error.fields[0].code, 'knowledgeCard.dateInFuture');
  const made = await head('POST', '/api/v1/contact-centre/knowledge-cards', annex1());
  assert.equal(made.status, 201);
  const card = await head('GET', `/api/v1/contact-centre/knowledge-cards/${made.body.id}`);
  assert.equal(card.body.serviceRu, 'Социальная помощь лицам с инвалидностью');
  assert.equal(card.body.providerContacts, '+7 7162 25 11 11');
  assert.equal(card.body.state, 'awaitingCard');
  // CC-04: sent within 5 WD of 19 March: Nauryz (23–25 March) skipped, due 31 March
  assert.deepEqual(card.body.terms, [{ step: 'send', dueOn: '2026-03-31', doneOn: null, overdue: false, basis: card.body.terms[0].basis }]);
  assert.match(card.body.terms[0].basis, /CC-04/);
  assert.equal((await operator('GET', `/api/v1/contact-centre/knowledge-cards/${made.body.id}`)).status, 404, 'not live: not shown to operators');
});

test('CC-04, CC-06, CC-07, CC-08: the lifecycle on the shipped calendar; overdue steps listed; live 5 WD after the protocol; only live cards shown to operators', async () => {
  const { id } = (await head('POST', '/api/v1/contact-centre/knowledge-cards', annex1({ serviceKk: 'Жер учаскесін беру', serviceRu: 'Предоставление земельного участка' }))).body;
  t.setNow('2026-04-01T10:00:00+05:00');
  const overdue = await head('GET', '/api/v1/contact-centre/knowledge-cards?overdue=true');
  const mine = overdue.body.items.find((c: { id: string }) => c.id === id);
  assert.deepEqual(mine.overdue, ['send']);
  const outOfOrder = await head('PATCH', `/api/v1/contact-centre/knowledge-cards/${id}`, { trainedOn: '2026-04-01' });
  assert.equal(outOfOrder.status, 422);
  assert.equal(outOfOrder.body.error.fields[0].code, 'knowledgeCard.stepOutOfOrder');
  const sent = await head('PATCH', `/api/v1/contact-centre/knowledge-cards/${id}`, { sentOn: '2026-04-01' });
  assert.equal(sent.body.state, 'awaitingTraining');
  assert.deepEqual(sent.body.overdue, []);
  assert.equal(sent.body.terms.find((x: { step: string }) => x.step === 'send').overdue, true, 'sent late: marked');
  assert.equal(sent.body.terms.find((x: { step: string }) => x.step === 'train').dueOn, '2026-04-15');
  t.setNow('2026-04-10T10:00:00+05:00');
  await head('PATCH', `/api/v1/contact-centre/knowledge-cards/${id}`, { trainedOn: '2026-04-08', protocolOn: '2026-04-10' });
  const accepted = (await head('GET', `/api/v1/contact-centre/knowledge-cards/${id}`)).body;
  assert.equal(accepted.state, 'accepted');
  assert.equal(accepted.terms.find((x: { step: string }) => x.step === 'live').dueOn, '2026-04-17');
  assert.equal((await operator('GET', '/api/v1/contact-centre/knowledge-cards')).body.items.length, 0, 'accepted, not yet live');
  t.setNow('2026-04-17T09:00:00+05:00');
  const live = (await operator('GET', '/api/v1/contact-centre/knowledge-cards')).body.items;
  assert.deepEqual(
    live.map((c: { id: string }) => c.id),
    [id],
  );
  assert.equal(live[0].state, 'live');
  // CC-11: the bylaw changes on 4 May; the update is due within 5 WD (7 and 11 May holidays)
  t.setNow('2026-05-14T10:00:00+05:00');
  const changed = await head('PATCH', `/api/v1/contact-centre/knowledge-cards/${id}`, { bylawChangedOn: '2026-05-04' });
  assert.equal(changed.body.terms.find((x: { step: string }) => x.step === 'update').dueOn, '2026-05-13');
  assert.deepEqual(changed.body.overdue, ['update']);
  const updated = await head('PATCH', `/api/v1/contact-centre/knowledge-cards/${id}`, { updatedOn: '2026-05-14', answerRu: 'Подайте заявление через eGov или ЦОН.' });
  assert.deepEqual(updated.body.overdue, []);
  assert.equal(updated.body.answerRu, 'Подайте заявление через eGov или ЦОН.');
  assert.equal((await registrar('GET', '/api/v1/contact-centre/knowledge-cards')).status, 403);
});

test('CC-03: full-text search in Kazakh and in Russian, word prefixes, over the live cards', async () => {
  const search = async (q: string) => (await operator('GET', `/api/v1/contact-centre/knowledge-cards?q=${encodeURIComponent(q)}`)).body.items.map((c: { serviceKk: string }) => c.serviceKk);
  assert.deepEqual(await search('жер учаске'), ['Жер учаскесін беру']);
  assert.deepEqual(await search('земельного'), ['Жер учаскесін беру']);
  assert.deepEqual(await search('ЦОН'), ['Жер учаскесін беру']);
  assert.deepEqual(await search('инвалидностью'), [], 'that card is not live');
  assert.deepEqual(await search('!&|'), []);
  assert.equal((await head('GET', `/api/v1/contact-centre/knowledge-cards?q=${encodeURIComponent('инвалид')}`)).body.items.length, 1, 'the head sees every card');
});

test('CC-13: two refusals of a provider in a month make a draft notice to the quality authority with the records; one does not', async () => {
  const orgs = Object.fromEntries((await t.ctx.db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
  const refuse = (provider: string, refusedOn: string) =>
    operator('POST', '/api/v1/contact-centre/provider-refusals', { providerId: orgs[provider], refusedOn, request: 'Мемлекеттік қызметтің тәртібі туралы түсініктеме' });
  assert.equal((await refuse('AKM-LAND', '2026-04-03')).status, 201);
  assert.equal((await refuse('AKM-EMPLOYMENT', '2026-04-07')).status, 201);
  assert.equal((await refuse('AKM-LAND', '2026-05-04')).status, 201, 'another month');
  const one = await head('GET', '/api/v1/contact-centre/provider-refusals/notices?month=2026-04');
  assert.deepEqual(one.body.items, []);
  assert.equal((await refuse('AKM-LAND', '2026-04-21')).status, 201);
  const two = await head('GET', '/api/v1/contact-centre/provider-refusals/notices?month=2026-04');
  assert.equal(two.body.items.length, 1);
  assert.equal(two.body.items[0].provider.code, 'AKM-LAND');
  assert.deepEqual(
    two.body.items[0].refusals.map((r: { refusedOn: string }) => r.refusedOn),
    ['2026-04-03', '2026-04-21'],
  );
  assert.match(two.body.items[0].draft.ru, /2 раз/);
  const future = await refuse('AKM-LAND', '2026-06-01');
  assert.equal(future.status, 422);
  assert.equal((await registrar('POST', '/api/v1/contact-centre/provider-refusals', { providerId: orgs['AKM-LAND'], refusedOn: '2026-04-03', request: 'x' })).status, 403);
});
