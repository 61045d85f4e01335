// The pure rules of personal reception on the shipped calendar (Nauryz 23–25 Mar 2026).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Calendar } from './calendar.ts';
import {
  sameDayAllowedFor,
  quarterRange,
  reportAddressee,
  earliestRefusal,
  refusalLinkMissing,
  cancellationLate,
  extensionLimit,
  formatRefusal,
  monthRange,
  occasionErrors,
  OFFICIAL_KINDS,
  officialsWithoutSession,
  OUT_OF_TURN_CATEGORIES,
  referenceNoteDue,
  servingOrder,
  videoConsentMissing,
  videoUrl,
} from './reception.ts';
import { dueDate, findTermRule, termRule, TERM_CATALOGUE } from './terms.ts';

const cal = Calendar.shipped();

test('PR-02, PR-21: six kinds of receiving persons, seven out-of-turn categories', () => {
  assert.equal(OFFICIAL_KINDS.length, 6);
  assert.deepEqual([...OUT_OF_TURN_CATEGORIES], ['veteranGreatPatrioticWar', 'veteranEquated', 'veteranCombat', 'labourVeteran', 'disability', 'pregnant', 'stateOrderHolder']);
});

test('PR-36: the sign-up term is 15 WD from registration, Nauryz skipped', () => {
  const rule = termRule(TERM_CATALOGUE, 'application', 'receptionSignUp');
  assert.deepEqual(rule.term, { unit: 'workingDays', count: 15 });
  assert.match(rule.basis, /p\.29/);
  assert.equal(dueDate(cal, '2026-03-18', rule.term), '2026-04-10');
  assert.equal(findTermRule(TERM_CATALOGUE, 'complaint', 'receptionSignUp'), undefined, 'a sign-up is an application');
});

test('PR-21: strict precedence — every out-of-turn entry first, each class by arrival', () => {
  const e = (name: string, hhmm: string, outOfTurn: string | null, seq: number) => ({ name, outOfTurn, arrivedAt: new Date(`2026-03-20T${hhmm}:00+05:00`), seq });
  const order = servingOrder([e('a', '09:00', null, 1), e('b', '09:30', 'pregnant', 2), e('c', '08:50', null, 3), e('d', '09:10', 'disability', 4), e('f', '09:10', 'labourVeteran', 5)]);
  assert.deepEqual(
    order.map((x) => x.name),
    ['d', 'f', 'b', 'c', 'a'],
  );
});

test('PR-22, PR-23: video for kinds 1–2 with consent; a restrictive regime forces it for all', () => {
  assert.equal(formatRefusal('video', 'akim', false), null);
  assert.equal(formatRefusal('video', 'centralBodyHead', false), null);
  assert.equal(formatRefusal('video', 'unitHead', false), 'reception.videoNotForKind');
  assert.equal(formatRefusal('inPerson', 'unitHead', false), null);
  assert.equal(formatRefusal('inPerson', 'akim', true), 'reception.restrictiveRegimeVideoOnly');
  assert.equal(formatRefusal('video', 'authorizedEmployee', true), null);
  assert.equal(videoConsentMissing('video', false, false), true);
  assert.equal(videoConsentMissing('video', false, true), false);
  assert.equal(videoConsentMissing('inPerson', false, false), false);
  assert.equal(videoUrl('https://vc.example/{session}?x={session}', 's1'), 'https://vc.example/s1?x=s1');
});

test('PR-18, CD-15: off-schedule needs the instruction, visiting the settlement', () => {
  assert.equal(occasionErrors('offSchedule', {}, null).length, 2);
  assert.deepEqual(occasionErrors('offSchedule', { issuer: 'Әкім', date: '2026-03-01' }, null), []);
  assert.deepEqual(occasionErrors('visiting', {}, 'Зеренді').length, 0);
  assert.equal(occasionErrors('visiting', {}, ' ').length, 1);
});

test('PR-24: a cancellation is late after the date − 2 WD and before the day', () => {
  // Tue 14 Apr 2026: 2 WD before is Fri 10 Apr
  assert.equal(cancellationLate(cal, '2026-04-14', '2026-04-10'), false);
  assert.equal(cancellationLate(cal, '2026-04-14', '2026-04-13'), true);
  assert.equal(cancellationLate(cal, '2026-04-14', '2026-04-14'), false, 'on the day itself');
  // Thu 26 Mar 2026 after Nauryz (23–25 Mar): 2 WD before is Thu 19 Mar; Fri 20 Mar is late
  assert.equal(cancellationLate(cal, '2026-03-26', '2026-03-19'), false);
  assert.equal(cancellationLate(cal, '2026-03-26', '2026-03-20'), true);
});

test('PR-33: the reference note 5 WD before the reception', () => {
  assert.equal(referenceNoteDue(cal, '2026-04-14'), '2026-04-07');
  assert.equal(referenceNoteDue(cal, '2026-03-27'), '2026-03-17', 'Nauryz skipped backwards: 26, 20, 19, 18, 17 Mar');
});

test('PR-37, PR-38: 30 CD by letter, 2 months by decision (from registration, or the due date as configured)', () => {
  assert.equal(extensionLimit(cal, 'letter', '2026-03-18', '2026-04-10'), '2026-04-17');
  assert.equal(extensionLimit(cal, 'decision', '2026-03-18', '2026-04-10'), '2026-05-18');
  assert.equal(extensionLimit(cal, 'decision', '2026-03-18', '2026-04-10', 'dueDate'), '2026-06-10');
});

test('PR-13: officials with no session (cancelled ones do not count) in a calendar month', () => {
  const officials = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  const sessions = [
    { officialId: 'a', date: '2026-04-30', cancelled: false },
    { officialId: 'b', date: '2026-04-14', cancelled: true },
    { officialId: 'c', date: '2026-05-01', cancelled: false },
  ];
  assert.deepEqual(
    officialsWithoutSession(officials, sessions, '2026-04').map((o) => o.id),
    ['b', 'c'],
  );
  assert.deepEqual(monthRange('2026-02'), { from: '2026-02-01', to: '2026-02-28' });
});

test('PR-10, PR-11: grounds and their links; the refusal 3 WD after the draft', () => {
  assert.equal(refusalLinkMissing('outsideCompetence', undefined), false);
  for (const g of ['earlierDecision', 'courtAct', 'returned', 'withdrawn'] as const) {
    assert.equal(refusalLinkMissing(g, ' '), true, g);
    assert.equal(refusalLinkMissing(g, '№ 1'), false, g);
  }
  assert.equal(earliestRefusal(cal, '2026-03-18'), '2026-03-26', 'Nauryz 23–25 Mar skipped');
  assert.equal(earliestRefusal(cal, '2026-04-14'), '2026-04-17');
});

test('PR-46: the addressee by the organization and its ancestors; quarters', () => {
  assert.equal(reportAddressee(['AKM-BURABAY', 'AKM-AKIMAT', 'AKM-OBL']), 'governmentApparatus');
  assert.equal(reportAddressee(['KNB']), 'presidentialAdministration');
  assert.deepEqual(quarterRange(2026, 1), { from: '2026-01-01', to: '2026-03-31' });
  assert.deepEqual(quarterRange(2026, 4), { from: '2026-10-01', to: '2026-12-31' });
});

test('PR-04: the same day only with a unit head or a head of an akim’s apparatus', () => {
  assert.deepEqual(OFFICIAL_KINDS.filter(sameDayAllowedFor), ['akimApparatusHead', 'unitHead']);
});
