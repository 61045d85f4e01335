import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Calendar } from './calendar.ts';
import { cardSearchQuery, cardState, cardTerms, liveFrom, overdueSteps, shownToOperators, type CardDates } from './knowledge-cards.ts';
import { annex2Due, refusalNotices, suggestCompetentOrganization } from './contact-centre.ts';

const cal = Calendar.shipped();
const blank: CardDates = { bylawApprovedOn: '2026-03-19', sentOn: null, trainedOn: null, protocolOn: null, bylawChangedOn: null, updatedOn: null, responsibleChangedOn: null, responsibleNotifiedOn: null };
const due = (card: CardDates, today: string, step: string) => cardTerms(card, cal, today).find((t) => t.step === step);

test('CC-04: the card is due 5 WD after the bylaw’s approval on the shipped calendar (Nauryz 23–25 March 2026 skipped), overdue after', () => {
  assert.equal(due(blank, '2026-03-20', 'send')?.dueOn, '2026-03-31');
  assert.deepEqual(overdueSteps(blank, cal, '2026-03-31'), []);
  assert.deepEqual(
    overdueSteps(blank, cal, '2026-04-01').map((t) => t.step),
    ['send'],
  );
  assert.equal(cardState(blank, cal, '2026-04-01'), 'awaitingCard');
});

test('CC-06: training within 10 WD of sending (1, 7 and 11 May 2026 are holidays)', () => {
  const sent = { ...blank, sentOn: '2026-04-28' };
  assert.equal(due(sent, '2026-04-28', 'train')?.dueOn, '2026-05-15');
  assert.equal(due(sent, '2026-04-28', 'send')?.overdue, true, 'sent after its term: marked');
  assert.deepEqual(
    overdueSteps(sent, cal, '2026-05-18').map((t) => t.step),
    ['train'],
  );
  assert.equal(cardState(sent, cal, '2026-05-18'), 'awaitingTraining');
});

test('CC-07, CC-08, CC-03: accepted at the protocol, live 5 WD later; only a live card is shown to operators', () => {
  const accepted = { ...blank, sentOn: '2026-03-26', trainedOn: '2026-04-02', protocolOn: '2026-05-05' };
  assert.equal(liveFrom('2026-05-05', cal), '2026-05-14');
  assert.equal(cardState(accepted, cal, '2026-05-13'), 'accepted');
  assert.equal(shownToOperators(accepted, cal, '2026-05-13'), false);
  assert.equal(cardState(accepted, cal, '2026-05-14'), 'live');
  assert.equal(shownToOperators(accepted, cal, '2026-05-14'), true);
  assert.equal(shownToOperators({ ...blank, sentOn: '2026-03-26', trainedOn: '2026-04-02' }, cal, '2026-12-31'), false);
});

test('CC-11, CC-12: an update within 5 WD of the bylaw’s change, a new responsible person notified within 5 WD', () => {
  const live = { ...blank, sentOn: '2026-03-26', trainedOn: '2026-04-02', protocolOn: '2026-04-06' };
  const changed = { ...live, bylawChangedOn: '2026-05-06', responsibleChangedOn: '2026-06-01' };
  assert.equal(due(changed, '2026-06-01', 'update')?.dueOn, '2026-05-15');
  assert.equal(due(changed, '2026-06-01', 'notifyResponsible')?.dueOn, '2026-06-08');
  assert.deepEqual(
    overdueSteps(changed, cal, '2026-06-09').map((t) => t.step),
    ['update', 'notifyResponsible'],
  );
  // an update before the change does not meet it; one after does
  assert.equal(due({ ...changed, updatedOn: '2026-04-01' }, '2026-06-09', 'update')?.doneOn, null);
  assert.deepEqual(overdueSteps({ ...changed, updatedOn: '2026-05-12', responsibleNotifiedOn: '2026-06-03' }, cal, '2026-06-09'), []);
});

test('the search query: every word a prefix, any script, nothing the user types is syntax', () => {
  assert.equal(cardSearchQuery('Жер учаскесі'), 'жер:* & учаскесі:*');
  assert.equal(cardSearchQuery("земельн' & | !(x"), 'земельн:* & x:*');
  assert.equal(cardSearchQuery(' !&| '), null);
});

test('CC-16: Annex 2 is due on the 5th of the next month, not moved when it is a day off (flagged)', () => {
  assert.deepEqual(annex2Due(2026, 3, cal), { dueOn: '2026-04-05', dueOnWorkingDay: false });
  assert.deepEqual(annex2Due(2026, 12, cal), { dueOn: '2027-01-05', dueOnWorkingDay: true });
});

test('the competent organization: the nearest of the level the issue needs, else the district', () => {
  const chain = [
    { id: 3, kind: 'ruralAkimat' },
    { id: 2, kind: 'districtAkimat' },
    { id: 1, kind: 'akimat' },
  ];
  assert.deepEqual(suggestCompetentOrganization({ category: 'wasteCollection', group: 'utilities' }, chain), { organizationId: 3, level: 'settlement' });
  assert.deepEqual(suggestCompetentOrganization({ category: 'heating', group: 'utilities' }, chain), { organizationId: 2, level: 'district' });
  assert.deepEqual(suggestCompetentOrganization({ category: 'schools', group: 'education' }, chain), { organizationId: 1, level: 'oblast' });
  assert.deepEqual(suggestCompetentOrganization({ category: null, group: null }, chain), { organizationId: 2, level: 'district' });
  assert.deepEqual(suggestCompetentOrganization({ category: 'landscaping', group: null }, chain.slice(1)), { organizationId: 2, level: 'settlement' });
});

test('CC-13: the draft notices of a month: providers with REFUSALS_FOR_NOTICE refusals or more, the records in date order', () => {
  const r = (id: string, providerId: number, refusedOn: string) => ({ id, providerId, refusedOn });
  const list = [r('a', 1, '2026-04-20'), r('b', 1, '2026-04-02'), r('c', 2, '2026-04-05'), r('d', 2, '2026-05-01'), r('e', 3, '2026-04-01')];
  assert.deepEqual(refusalNotices(list, '2026-04'), [{ providerId: 1, refusals: [list[1], list[0]] }]);
  assert.deepEqual(
    refusalNotices(list, '2026-04', 1).map((n) => n.providerId),
    [1, 2, 3],
  );
});
