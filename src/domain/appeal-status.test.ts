// The status machine (src/domain/appeal-status.ts): one event on one stored card, the status and
// the fields and effects it gives, for every kind of event.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { Calendar } from './calendar.ts';
import { INITIAL_STATUS, transition, type AppealEffect, type Law, type StoredCard } from './appeal-status.ts';
import { DECISION_CODES, finalStatusOf, type AppealState, type DecisionCode, type DecisionData } from './decisions.ts';

const law: Law = { calendar: Calendar.shipped(), count: 'registrationDayIsDayOne' };
const REG = '2026-03-02';
const TODAY = '2026-03-10';

function state(over: Partial<AppealState> = {}): AppealState {
  return {
    id: 'a-1',
    procedure: 'administrative',
    documentType: 'application',
    applicantKind: 'individual',
    anonymous: false,
    containsCrimeOrSecurityInfo: false,
    registrationDate: REG,
    dueDate: '2026-03-24',
    receivedByReviewingBody: false,
    executorAssigned: true,
    decisions: [],
    ...over,
  };
}

const card = (status: StoredCard['status'] = 'inExecution', finalDecisionCode: string | null = null): StoredCard => ({ status, finalDecisionCode });
const kinds = (effects: AppealEffect[]) => effects.map((e) => e.kind);
const taken = (code: DecisionCode, data: DecisionData, withLetter = true, over: Partial<AppealState> = {}) => transition(card(), { kind: 'decisionTaken', state: state(over), code, data, withLetter }, TODAY, law);

test('a new card awaits routing; assigning an executor puts it in execution, and only then', () => {
  assert.equal(INITIAL_STATUS, 'registered');
  assert.equal(transition(card('registered'), { kind: 'assigned' }, TODAY, law).status, 'inExecution');
  for (const s of ['inExecution', 'awaitingFix', 'hearing', 'toSign'] as const) {
    assert.equal(transition(card(s), { kind: 'assigned' }, TODAY, law).status, s, s);
  }
});

test('an extension before anyone is assigned leaves the appeal awaiting routing; assignment alone moves it (issue 10, defect 2)', () => {
  const early = transition(card('registered'), { kind: 'decisionTaken', state: state({ executorAssigned: false }), code: '4.14', data: { newDueDate: '2026-04-20', reason: 'r' }, withLetter: true }, TODAY, law);
  assert.equal(early.status, 'registered');
  assert.equal(transition(card('registered'), { kind: 'assigned' }, TODAY, law).status, 'inExecution');
});

test('a final decision with a letter waits for the signature (toSign); without one it is final at once', () => {
  const answer = taken('4.25', { text: 'answer' });
  assert.equal(answer.status, 'toSign');
  assert.deepEqual(answer.fields, { dueDate: '2026-03-24', reviewEndedOn: TODAY, finalDecisionCode: '4.25' });
  assert.ok(kinds(answer.effects).includes('supersedeDrafts'));
  const moveOut = taken('4.1', { reason: 'x' }, false);
  assert.equal(moveOut.status, 'movedOut');
  assert.equal(moveOut.fields.finalDecisionCode, '4.1');
});

test('every decision that ends the review ends it in the status of the catalogue, after its letter', () => {
  for (const code of DECISION_CODES) {
    const data: DecisionData = code === '4.4' ? { targetOrganizationId: 7 } : code === '4.24' ? { targetOrganizationId: 8 } : code === '4.5' ? { mainAppealId: 'm-1' } : {};
    const final = finalStatusOf(code, data);
    if (final === null) continue;
    const sent = transition(card('toSign', code), { kind: 'letterSent', code, data, language: 'kk' }, TODAY, law);
    assert.equal(sent.status, final, code);
    assert.deepEqual(sent.fields, { answerSent: true }, code);
  }
});

test('forwarding opens a card at the receiving organization; a split opens one per part and keeps the rest here (rules p.10, p.11)', () => {
  const whole = taken('4.4', { targetOrganizationId: 7 });
  assert.deepEqual(
    whole.effects.find((e) => e.kind === 'openCards'),
    { kind: 'openCards', cards: [{ targetOrganizationId: 7, atReviewingBody: false }] },
  );
  const parts = taken('4.4', {
    parts: [
      { summary: 'a', targetOrganizationId: 7 },
      { summary: 'b', targetOrganizationId: 8 },
    ],
    remainderKept: true,
  });
  assert.equal(parts.status, 'inExecution');
  assert.equal(parts.fields.reviewEndedOn, undefined);
  assert.deepEqual(
    parts.effects.find((e) => e.kind === 'openCards'),
    {
      kind: 'openCards',
      cards: [
        { targetOrganizationId: 7, part: { summary: 'a' }, atReviewingBody: false },
        { targetOrganizationId: 8, part: { summary: 'b' }, atReviewingBody: false },
      ],
    },
  );
  assert.ok(!kinds(parts.effects).includes('supersedeDrafts'));
  const complaint = taken('4.24', { targetOrganizationId: 9 }, true, { procedure: 'complaint', documentType: 'complaint' });
  assert.deepEqual(
    complaint.effects.find((e) => e.kind === 'openCards'),
    { kind: 'openCards', cards: [{ targetOrganizationId: 9, atReviewingBody: true }] },
  );
});

test('an attachment names the main appeal (p.22); an extension moves the due date and tells the applicant when its letter goes out (Art. 76 p.3)', () => {
  assert.equal(taken('4.5', { mainAppealId: 'm-1' }).fields.mainAppealId, 'm-1');
  const extension = taken('4.14', { newDueDate: '2026-04-20', reason: 'r' });
  assert.equal(extension.status, 'inExecution');
  assert.equal(extension.fields.dueDate, '2026-04-20');
  const sent = transition(card('inExecution'), { kind: 'letterSent', code: '4.14', data: { newDueDate: '2026-04-20', reason: 'r' }, language: 'ru' }, TODAY, law);
  assert.equal(sent.status, 'inExecution');
  assert.deepEqual(sent.fields, {});
  assert.deepEqual(sent.effects, [
    { kind: 'meetObligations', kinds: ['notifyExtension'] },
    { kind: 'notify', message: 'extended', params: { dueDate: '2026-04-20', reason: 'r' } },
  ]);
});

test('a notice to fix awaits the fix; recording the fix returns the appeal to execution (Art. 64 p.6)', () => {
  const notice = taken('4.2', { missing: ['signature'] });
  assert.equal(notice.status, 'awaitingFix');
  const after = state({ decisions: [{ code: '4.2', decisionDate: TODAY, data: { fixBy: '2026-03-17' } }] });
  assert.equal(transition(card('awaitingFix'), { kind: 'fixRecorded', state: after }, TODAY, law).status, 'inExecution');
});

test('a cancelled move-out puts the appeal back in review (rules p.15)', () => {
  const moved = state({ decisions: [{ code: '4.1', decisionDate: TODAY, data: {} }] });
  const t = transition(card('movedOut', '4.1'), { kind: 'moveOutCancelled', state: moved }, TODAY, law);
  assert.equal(t.status, 'inExecution');
  assert.deepEqual(t.fields, { reviewEndedOn: null, finalDecisionCode: null });
});

test('a deleted decision card: the status follows from the cards left; a letter still awaiting signature keeps toSign', () => {
  const none = transition(card('completed', '4.25'), { kind: 'decisionDeleted', state: state() }, TODAY, law);
  assert.equal(none.status, 'inExecution');
  assert.deepEqual(none.fields, { reviewEndedOn: null, finalDecisionCode: null });
  const left = state({ decisions: [{ code: '4.25', decisionDate: TODAY, data: {} }] });
  assert.equal(transition(card('toSign', '4.25'), { kind: 'decisionDeleted', state: left }, TODAY, law).status, 'toSign');
  assert.equal(transition(card('completed', '4.26'), { kind: 'decisionDeleted', state: left }, TODAY, law).status, 'completed');
});
