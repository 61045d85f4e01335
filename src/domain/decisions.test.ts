import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

import { Calendar, type IsoDate } from './calendar.ts';
import {
  ACT_CODES,
  APPEAL_STATUSES,
  COMPLIANCE_CHECKLIST,
  DECISIONS,
  DECISION_CODES,
  DECISION_MESSAGES,
  HEARING_EXCEPTIONS,
  MOVE_OUT_REASONS,
  TERMINATION_REASONS,
  allowedDecisions,
  applyCancelMoveOut,
  applyDecision,
  canRecordFix,
  cancelMoveOutDeadline,
  checkCancelMoveOut,
  checkDecision,
  decisionData,
  decisionInputSchema,
  defaultFixBy,
  endsReviewWith,
  finalStatusOf,
  isReviewEnded,
  needsApproval,
  nextStatus,
  statusOf,
  type AppealState,
  type DecisionCheck,
  type DecisionCode,
  type DecisionData,
  type TakenDecision,
  type VocabularyItem,
} from './decisions.ts';
import { PROCEDURES, type Procedure, type Role } from './vocabulary.ts';

const cal = Calendar.shipped();

// Registered Monday 6 April 2026 (no holidays in April): due 24 April (15 WD, day 1 = registration),
// extension cap 6 June (Saturday) → Monday 8 June; fix default 10 April; complaint grant window to 8 April.
const REG = '2026-04-06';
const DUE = '2026-04-24';
const CAP = '2026-06-08';
const TODAY = '2026-04-09';

const HEAD: Role[] = ['head'];
const EXEC: Role[] = ['executor'];
const REGISTRAR: Role[] = ['registrar'];

const DOC_OF: Record<Procedure, AppealState['documentType']> = { administrative: 'application', complaint: 'complaint', simplified: 'report' };

function appeal(over: Partial<AppealState> = {}): AppealState {
  const procedure = over.procedure ?? 'administrative';
  return {
    id: 'a-1',
    procedure,
    documentType: DOC_OF[procedure],
    applicantKind: 'individual',
    anonymous: false,
    containsCrimeOrSecurityInfo: false,
    registrationDate: REG,
    dueDate: DUE,
    receivedByReviewingBody: false,
    executorAssigned: true,
    decisions: [],
    ...over,
  };
}

const taken = (code: DecisionCode, decisionDate: IsoDate, data: DecisionData = {}): TakenDecision => ({ code, decisionDate, data });

/** Valid data for every decision. */
function sample(code: DecisionCode, procedure: Procedure): DecisionData {
  switch (code) {
    case '4.1':
      return { targetSystem: 'ЕСЭДО', reason: 'serviceDocument' };
    case '4.2':
      return { missing: ['signature'] };
    case '4.3':
      return {};
    case '4.4':
      return { targetOrganizationId: 17 };
    case '4.5':
      return { mainAppealId: 'a-0' };
    case '4.6':
      return { withdrawalReceivedAt: REG };
    case '4.7':
      return { hearingAt: '2026-04-20T10:00', place: 'каб. 101', contacts: '+7 7172 00 00 00' };
    case '4.8':
      return { official: 'Ахметов А.', selfRecusal: false };
    case '4.9':
      return { representative: { name: 'Сейтқали Б.', iin: '900101300123' } };
    case '4.10':
      return { representative: { name: 'Сейтқали Б.' } };
    case '4.11':
      return { protocol: 'Хаттама №1' };
    case '4.12':
      return { remark: 'Ескертпе' };
    case '4.13':
      return { reason: 'repeatWithoutNewArguments' };
    case '4.14':
      return { newDueDate: '2026-05-15', reason: 'Қосымша тексеру' };
    case '4.15':
      return { favourable: true, text: 'Арыз қанағаттандырылды' };
    case '4.16':
      return { requestedAt: REG };
    case '4.17':
      return { correction: 'Күні түзетілді' };
    case '4.22':
      return { text: 'Іс қайтарылды', violations: 'Бұзушылықтар', proposals: 'Ұсыныстар' };
    case '4.24':
      return { targetOrganizationId: 3 };
    default:
      return { text: procedure === 'simplified' ? 'Жауап' : 'Шешім' };
  }
}

/** An appeal on which the decision's prerequisites are met, and the day to take it. */
function prepared(code: DecisionCode, procedure: Procedure): { state: AppealState; today: IsoDate } {
  const atReviewingBody = procedure === 'complaint' && DECISIONS[code].complaintStage === 'reviewingBody';
  const base = appeal({ procedure, receivedByReviewingBody: atReviewingBody || (procedure === 'complaint' && code === '4.17') });
  const before: TakenDecision[] = [];
  let today = TODAY;
  switch (code) {
    case '4.3':
      before.push(taken('4.2', REG, { missing: ['signature'], fixBy: '2026-04-08' }));
      break;
    case '4.10':
      before.push(taken('4.9', REG, sample('4.9', procedure)));
      break;
    case '4.11':
      before.push(taken('4.7', REG, { ...sample('4.7', procedure), hearingAt: '2026-04-08T10:00' }));
      break;
    case '4.12':
      before.push(taken('4.7', REG, { ...sample('4.7', procedure), hearingAt: '2026-04-08T10:00' }), taken('4.11', '2026-04-08', { protocol: 'x' }));
      break;
    case '4.17':
      before.push(procedure === 'complaint' ? taken('4.18', REG, { text: 'x' }) : taken('4.15', REG, { favourable: true, text: 'x' }));
      break;
    case '4.21':
      before.push(taken('4.7', REG, { ...sample('4.7', procedure), hearingAt: '2026-04-08T10:00' }));
      break;
    case '4.15':
      if (procedure === 'complaint') today = '2026-04-08';
      break;
  }
  return { state: { ...base, decisions: before }, today };
}

const range = (from: number, to: number): DecisionCode[] =>
  DECISION_CODES.filter((c) => {
    const n = Number(c.slice(2));
    return n >= from && n <= to;
  });

// docs/legal-basis.md#which-decisions-fit-which-procedure, written out independently of the table.
const FITS: Record<Procedure, DecisionCode[]> = {
  administrative: range(1, 17),
  complaint: [...range(1, 14), '4.15', ...range(16, 24)],
  simplified: [...range(1, 6), '4.13', '4.14', '4.25', '4.26'],
};
const ENDS: DecisionCode[] = ['4.1', '4.3', '4.4', '4.5', '4.6', '4.13', '4.15', ...range(18, 24), '4.25', '4.26'];

function refused(r: DecisionCheck, code: string, msg?: string): void {
  assert.equal(r.ok, false, msg ?? `expected ${code}`);
  if (!r.ok) assert.equal(r.code, code, msg);
}

// ---------------------------------------------------------------------------------------------

test('the table: 26 codes, one row each, labels in kk/ru/en, a basis citing the APPC or the rules', () => {
  assert.equal(DECISION_CODES.length, 26);
  assert.deepEqual(Object.keys(DECISIONS).sort(), [...DECISION_CODES].sort());
  for (const code of DECISION_CODES) {
    const r = DECISIONS[code];
    assert.equal(r.code, code);
    assert.ok(r.label.kk && r.label.ru && r.label.en, code);
    assert.match(r.basis, /APPC Art\. \d+|Rules p\.\d+/, code);
    assert.ok(r.roles.length > 0, code);
    assert.ok(!r.roles.includes('admin' as never), code);
    for (const f of r.fields) assert.ok(f.label.kk && f.label.ru && f.label.en, `${code}.${f.name}`);
  }
  // The Kazakh wording of Annex 4.
  assert.equal(DECISIONS['4.13'].label.kk, 'Әкімшілік рәсім тоқтатылды');
  assert.equal(DECISIONS['4.21'].label.kk, 'Шағым қанағаттандырусыз қалдырылды');
  assert.equal(DECISIONS['4.24'].label.kk, 'Шағымды қарайтын органға шағым жіберілді');
  assert.match(DECISIONS['4.14'].basis, /Art\. 76 p\.3/);
  assert.match(DECISIONS['4.15'].basis, /Art\. 77 p\.1 sub\.1/);
});

test('vocabularies: codes unique, every item labelled; five move-out kinds; unverified Art. 73 p.2 items say so', () => {
  const lists = [MOVE_OUT_REASONS, COMPLIANCE_CHECKLIST.art63, COMPLIANCE_CHECKLIST.art93, HEARING_EXCEPTIONS, TERMINATION_REASONS];
  for (const list of lists) {
    const codes = list.map((i) => i.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const i of list) assert.ok(i.label.kk && i.label.ru && i.label.en, i.code);
  }
  assert.equal(MOVE_OUT_REASONS.length, 5);
  assert.equal(COMPLIANCE_CHECKLIST.art93.length, 10);
  for (const e of HEARING_EXCEPTIONS) if (!e.verified) assert.match(e.basis, /not verified/, e.code);
});

test('which decision fits which procedure (docs/legal-basis.md#which-decisions-fit-which-procedure): every code × procedure', () => {
  for (const procedure of PROCEDURES) {
    for (const code of DECISION_CODES) {
      const fits = FITS[procedure].includes(code);
      assert.equal(DECISIONS[code].procedures.includes(procedure), fits, `${code} ${procedure}`);
      const { state, today } = prepared(code, procedure);
      const r = checkDecision(state, code, sample(code, procedure), HEAD, today, cal);
      if (!fits) refused(r, 'decision.notForProcedure', `${code} ${procedure}`);
      else if (code === '4.14' && procedure === 'complaint') refused(r, 'decision.extensionNotAllowed', 'complaint: no extension (Art. 99)');
      else assert.deepEqual(r, { ok: true }, `${code} ${procedure}: ${JSON.stringify(r)}`);
      const listed = allowedDecisions(state, HEAD, today, cal).find((a) => a.code === code);
      assert.equal(listed?.allowed, fits && !(code === '4.14' && procedure === 'complaint'), `allowedDecisions ${code} ${procedure}`);
    }
  }
});

test('which decisions end the review; the final status of each; a split keeping the rest does not end it', () => {
  for (const code of DECISION_CODES) {
    assert.equal(DECISIONS[code].endsReview, ENDS.includes(code), code);
    const final = finalStatusOf(code, sample(code, 'administrative'));
    assert.equal(final !== null, ENDS.includes(code), code);
  }
  assert.equal(finalStatusOf('4.1', {}), 'movedOut');
  assert.equal(finalStatusOf('4.3', {}), 'returned');
  assert.equal(finalStatusOf('4.4', { targetOrganizationId: 1 }), 'forwarded');
  assert.equal(finalStatusOf('4.5', {}), 'attached');
  assert.equal(finalStatusOf('4.6', {}), 'withdrawn');
  assert.equal(finalStatusOf('4.13', {}), 'terminated');
  assert.equal(finalStatusOf('4.24', {}), 'forwarded');
  for (const c of ['4.15', '4.18', '4.19', '4.20', '4.21', '4.22', '4.23', '4.25', '4.26'] as const) assert.equal(finalStatusOf(c, {}), 'completed');

  const split = { parts: [{ summary: 'жер мәселесі', targetOrganizationId: 5 }] };
  assert.equal(endsReviewWith('4.4', split), false);
  assert.equal(endsReviewWith('4.4', { ...split, remainderKept: false }), true);
  const s = applyDecision(appeal(), '4.4', decisionData(appeal(), '4.4', split, TODAY, cal), TODAY);
  assert.equal(isReviewEnded(s), false);
  assert.deepEqual(checkDecision(s, '4.15', sample('4.15', 'administrative'), EXEC, TODAY, cal), { ok: true });
});

test('a second final decision is refused after every ending decision, in every procedure', () => {
  for (const procedure of PROCEDURES) {
    for (const first of ENDS.filter((c) => FITS[procedure].includes(c))) {
      const { state, today } = prepared(first, procedure);
      const ended = applyDecision(state, first, sample(first, procedure), today);
      assert.equal(isReviewEnded(ended), true, `${first} ends`);
      for (const second of FITS[procedure]) {
        if (second === '4.17' && ACT_CODES.includes(first)) continue; // corrections of an adopted act (Art. 82)
        const r = checkDecision({ ...ended, receivedByReviewingBody: state.receivedByReviewingBody }, second, sample(second, procedure), HEAD, today, cal);
        refused(r, 'decision.reviewEnded', `${procedure}: ${second} after ${first}`);
        if (!r.ok) assert.equal(r.params?.endedBy, first);
      }
    }
  }
  // The state flag alone also closes the review.
  refused(checkDecision(appeal({ reviewEnded: true }), '4.15', sample('4.15', 'administrative'), EXEC, TODAY, cal), 'decision.reviewEnded');
});

test('4.17 corrects an adopted act (Art. 82): allowed after 4.15, refused after a non-act ending and before any act', () => {
  const afterAct = appeal({ decisions: [taken('4.15', REG, { favourable: true, text: 'x' })] });
  assert.deepEqual(checkDecision(afterAct, '4.17', sample('4.17', 'administrative'), EXEC, TODAY, cal), { ok: true });
  assert.equal(nextStatus(afterAct, '4.17', sample('4.17', 'administrative')), 'completed');
  const afterForward = appeal({ decisions: [taken('4.4', REG, { targetOrganizationId: 3 })] });
  refused(checkDecision(afterForward, '4.17', sample('4.17', 'administrative'), EXEC, TODAY, cal), 'decision.reviewEnded');
  const r = checkDecision(appeal(), '4.17', sample('4.17', 'administrative'), EXEC, TODAY, cal);
  refused(r, 'decision.requires');
});

test('roles: termination and extension by the head or a deputy only; the registrar only at the desk; admin is nobody special', () => {
  for (const code of ['4.13', '4.14'] as const) {
    const { state, today } = prepared(code, 'administrative');
    refused(checkDecision(state, code, sample(code, 'administrative'), EXEC, today, cal), 'decision.headOnly', code);
    refused(checkDecision(state, code, sample(code, 'administrative'), ['registrar', 'executor', 'controller'], today, cal), 'decision.headOnly', code);
    assert.deepEqual(checkDecision(state, code, sample(code, 'administrative'), HEAD, today, cal), { ok: true }, code);
    assert.deepEqual(checkDecision(state, code, sample(code, 'administrative'), ['executor', 'head'], today, cal), { ok: true }, code);
    assert.deepEqual(DECISIONS[code].roles, ['head']);
  }
  const desk = appeal({ executorAssigned: false });
  for (const code of ['4.1', '4.2', '4.4', '4.5'] as const) {
    assert.deepEqual(checkDecision(desk, code, sample(code, 'administrative'), REGISTRAR, TODAY, cal), { ok: true }, code);
    refused(checkDecision(appeal(), code, sample(code, 'administrative'), REGISTRAR, TODAY, cal), 'decision.registrarDeskOnly', code);
  }
  for (const code of ['4.6', '4.7', '4.15'] as const) {
    refused(checkDecision(desk, code, sample(code, 'administrative'), REGISTRAR, TODAY, cal), 'decision.roleNotAllowed', code);
  }
  for (const roles of [['admin'], ['controller', 'statistician'], []] as Role[][]) {
    refused(checkDecision(appeal(), '4.15', sample('4.15', 'administrative'), roles, TODAY, cal), 'decision.roleNotAllowed', roles.join());
    refused(checkDecision(appeal(), '4.13', sample('4.13', 'administrative'), roles, TODAY, cal), 'decision.headOnly', roles.join());
  }
  const listed = allowedDecisions(appeal(), EXEC, TODAY, cal);
  assert.equal(listed.find((a) => a.code === '4.13')?.reason, 'decision.headOnly');
  assert.equal(listed.find((a) => a.code === '4.15')?.allowed, true);
});

test('extension (Art. 76 p.3): later than the due date, within 2 months of receipt; repeatable; never for complaints', () => {
  const s = appeal();
  const ext = (newDueDate: string, st = s, today = TODAY) => checkDecision(st, '4.14', { newDueDate, reason: 'күрделі' }, HEAD, today, cal);
  assert.deepEqual(ext('2026-05-15'), { ok: true });
  assert.deepEqual(ext(CAP), { ok: true }, 'up to the cap itself');
  const beyond = ext('2026-06-09');
  refused(beyond, 'decision.extensionBeyondCap');
  if (!beyond.ok) assert.equal(beyond.params?.cap, CAP);
  refused(ext(DUE), 'decision.extensionNotLater');
  refused(ext('2026-04-20'), 'decision.extensionNotLater');
  refused(ext('2026-05-16'), 'decision.notWorkingDay', 'a Saturday');
  refused(ext('2026-05-20', s, '2026-04-27'), 'decision.termExpired', 'the term already ran out');

  // A second extension from the extended due date, still within the cap.
  const once = applyDecision(s, '4.14', { newDueDate: '2026-05-15', reason: 'x' }, TODAY);
  assert.equal(once.dueDate, '2026-05-15');
  refused(ext('2026-05-14', once), 'decision.extensionNotLater');
  assert.deepEqual(ext('2026-06-01', once, '2026-05-12'), { ok: true });
  refused(ext('2026-06-10', once, '2026-05-12'), 'decision.extensionBeyondCap');

  // Complaints: 20 WD, no extension (Art. 99); a term marked not extendable likewise.
  const complaint = appeal({ procedure: 'complaint', receivedByReviewingBody: true });
  refused(ext('2026-05-15', complaint), 'decision.extensionNotAllowed');
  refused(ext('2026-05-15', appeal({ procedure: 'simplified', documentType: 'inquiry', extendable: false })), 'decision.extensionNotAllowed');
  assert.equal(allowedDecisions(complaint, HEAD, TODAY, cal).find((a) => a.code === '4.14')?.reason, 'decision.extensionNotAllowed');
});

test('hearing (Art. 73): an unfavourable act waits for the notice + 3 WD and the 2-WD objection window, unless an exception is recorded', () => {
  const unfavourable = { favourable: false, text: 'Бас тартылды' };
  // No notice at all.
  refused(checkDecision(appeal(), '4.15', unfavourable, EXEC, TODAY, cal), 'decision.hearingNoticeMissing');
  // A favourable act needs no hearing.
  assert.deepEqual(checkDecision(appeal(), '4.15', { favourable: true, text: 'ok' }, EXEC, TODAY, cal), { ok: true });

  // Notice on Monday 13 April → the act from Thursday 16 April.
  const notified = appeal({ decisions: [taken('4.7', '2026-04-13', { hearingAt: '2026-04-14T10:00', contacts: '1414' })] });
  const early = checkDecision(notified, '4.15', unfavourable, EXEC, '2026-04-15', cal);
  refused(early, 'decision.hearingWindowOpen');
  if (!early.ok) assert.equal(early.params?.earliest, '2026-04-16');
  assert.deepEqual(checkDecision(notified, '4.15', unfavourable, EXEC, '2026-04-16', cal), { ok: true });
  // With a recorded Art. 73 p.2 exception, at once (and even without a notice).
  assert.deepEqual(checkDecision(notified, '4.15', { ...unfavourable, hearingException: 'waivedInWriting' }, EXEC, '2026-04-14', cal), { ok: true });
  assert.deepEqual(checkDecision(appeal(), '4.15', { ...unfavourable, hearingException: 'urgency' }, EXEC, TODAY, cal), { ok: true });
  // The simplified procedure's exception is not for other procedures; exceptions only for unfavourable acts.
  refused(checkDecision(appeal(), '4.15', { ...unfavourable, hearingException: 'simplifiedProcedure' }, EXEC, TODAY, cal), 'decision.reasonNotApplicable');
  refused(checkDecision(appeal(), '4.15', { favourable: true, text: 'ok', hearingException: 'urgency' }, EXEC, TODAY, cal), 'decision.invalidInput');
  // Each exception checked against the act it is offered for (issue 10, defect 17): an unfavourable act
  // cannot "fully grant the application", so that ground never skips its hearing.
  refused(checkDecision(appeal(), '4.15', { ...unfavourable, hearingException: 'fullyGranted' }, EXEC, TODAY, cal), 'decision.hearingExceptionNotForUnfavourable');
  for (const e of HEARING_EXCEPTIONS) {
    if (e.code === 'simplifiedProcedure') continue;
    const r = checkDecision(appeal(), '4.15', { ...unfavourable, hearingException: e.code }, EXEC, TODAY, cal);
    assert.equal(r.ok, (e as VocabularyItem).excusesUnfavourableAct !== false, e.code);
  }

  // Delivered later (Wednesday 15th): objections until Friday 17th, the act from Monday 20th.
  const delivered = { ...notified, hearingNoticeDeliveredOn: '2026-04-15' };
  refused(checkDecision(delivered, '4.15', unfavourable, EXEC, '2026-04-17', cal), 'decision.hearingWindowOpen');
  assert.deepEqual(checkDecision(delivered, '4.15', unfavourable, EXEC, '2026-04-20', cal), { ok: true });

  // A hearing scheduled after the window, not yet held, keeps the act back; once held, not.
  const scheduled = appeal({ decisions: [taken('4.7', '2026-04-13', { hearingAt: '2026-04-21T10:00', contacts: '1414' })] });
  refused(checkDecision(scheduled, '4.15', unfavourable, EXEC, '2026-04-17', cal), 'decision.hearingScheduled');
  const held = applyDecision(scheduled, '4.11', { protocol: 'x' }, '2026-04-17');
  assert.deepEqual(checkDecision(held, '4.15', unfavourable, EXEC, '2026-04-17', cal), { ok: true });

  // Complaints: leaving it unsatisfied is unfavourable; the revoked act's replacement when marked so.
  const complaint = appeal({ procedure: 'complaint', receivedByReviewingBody: true });
  refused(checkDecision(complaint, '4.21', { text: 'x' }, EXEC, TODAY, cal), 'decision.hearingNoticeMissing');
  refused(checkDecision(complaint, '4.19', { text: 'x', favourable: false }, EXEC, TODAY, cal), 'decision.hearingNoticeMissing');
  assert.deepEqual(checkDecision(complaint, '4.19', { text: 'x' }, EXEC, TODAY, cal), { ok: true });
  assert.deepEqual(checkDecision(complaint, '4.18', { text: 'x' }, EXEC, TODAY, cal), { ok: true });
  const complaintNotified = { ...complaint, decisions: [taken('4.7', '2026-04-13', { hearingAt: '2026-04-14T10:00', contacts: '1414' })] };
  refused(checkDecision(complaintNotified, '4.21', { text: 'x' }, EXEC, '2026-04-15', cal), 'decision.hearingWindowOpen');
  assert.deepEqual(checkDecision(complaintNotified, '4.21', { text: 'x' }, EXEC, '2026-04-16', cal), { ok: true });
  assert.deepEqual(checkDecision(complaint, '4.21', { text: 'x', hearingException: 'alreadyStated' }, EXEC, TODAY, cal), { ok: true });

  // allowedDecisions shows the act as allowed, with the caveat.
  const item = allowedDecisions(notified, EXEC, '2026-04-15', cal).find((a) => a.code === '4.15');
  assert.equal(item?.allowed, true);
  assert.equal(item?.caveat, 'decision.hearingWindowOpen');
  assert.equal(item?.caveatParams?.earliest, '2026-04-16');
  assert.equal(allowedDecisions(notified, EXEC, '2026-04-16', cal).find((a) => a.code === '4.15')?.caveat, undefined);
});

test('anonymous reports, inquiries, feedback, proposals (Art. 88 p.1): terminated — or, with crime or security information, only forwarded', () => {
  for (const documentType of ['report', 'inquiry', 'feedback', 'proposal'] as const) {
    const plain = appeal({ procedure: 'simplified', documentType, applicantKind: 'anonymous', anonymous: true });
    refused(checkDecision(plain, '4.25', sample('4.25', 'simplified'), HEAD, TODAY, cal), 'decision.anonymousMustBeTerminated', documentType);
    refused(checkDecision(plain, '4.26', sample('4.26', 'simplified'), HEAD, TODAY, cal), 'decision.anonymousMustBeTerminated');
    refused(checkDecision(plain, '4.4', sample('4.4', 'simplified'), HEAD, TODAY, cal), 'decision.anonymousMustBeTerminated');
    refused(checkDecision(plain, '4.14', sample('4.14', 'simplified'), HEAD, TODAY, cal), 'decision.anonymousMustBeTerminated');
    assert.deepEqual(checkDecision(plain, '4.13', { reason: 'anonymous' }, HEAD, TODAY, cal), { ok: true });
    refused(checkDecision(plain, '4.13', { reason: 'anonymous' }, EXEC, TODAY, cal), 'decision.headOnly');
    assert.deepEqual(checkDecision(plain, '4.5', { mainAppealId: 'a-0' }, EXEC, TODAY, cal), { ok: true }, 'a duplicate is still attached');

    const crime = { ...plain, containsCrimeOrSecurityInfo: true };
    assert.deepEqual(checkDecision(crime, '4.4', { targetOrganizationId: 9 }, EXEC, TODAY, cal), { ok: true });
    refused(checkDecision(crime, '4.13', { reason: 'anonymous' }, HEAD, TODAY, cal), 'decision.anonymousMustBeForwarded');
    refused(checkDecision(crime, '4.25', sample('4.25', 'simplified'), HEAD, TODAY, cal), 'decision.anonymousMustBeForwarded');
    const allowed = allowedDecisions(crime, HEAD, TODAY, cal)
      .filter((a) => a.allowed)
      .map((a) => a.code);
    assert.deepEqual(allowed, ['4.4']);
  }
  // The ground "anonymous" only for an anonymous appeal; the rule is the simplified procedure's.
  refused(checkDecision(appeal(), '4.13', { reason: 'anonymous' }, HEAD, TODAY, cal), 'decision.reasonNotApplicable');
  const anonymousApplication = appeal({ applicantKind: 'anonymous', anonymous: true });
  assert.deepEqual(checkDecision(anonymousApplication, '4.13', { reason: 'anonymous' }, HEAD, TODAY, cal), { ok: true });
  assert.deepEqual(checkDecision(anonymousApplication, '4.2', { missing: ['signature'] }, EXEC, TODAY, cal), { ok: true });
});

test('4.2 / 4.3 (Art. 64 p.6–7): return only after fixBy passed; fixBy defaults to registration + 5 WD', () => {
  assert.equal(defaultFixBy(appeal(), REG, cal), '2026-04-10');
  assert.equal(defaultFixBy(appeal(), '2026-04-13', cal), '2026-04-20', 'already passed: 5 WD from the decision date');
  const data = decisionData(appeal(), '4.2', { missing: ['signature', 'individualPostalAddress'] }, REG, cal);
  assert.equal(data.fixBy, '2026-04-10');
  const waiting = applyDecision(appeal(), '4.2', data, REG);
  assert.equal(statusOf(waiting), 'awaitingFix');

  refused(checkDecision(appeal(), '4.3', {}, EXEC, TODAY, cal), 'decision.requires');
  const before = checkDecision(waiting, '4.3', {}, EXEC, '2026-04-10', cal);
  refused(before, 'decision.fixTermNotExpired');
  if (!before.ok) assert.equal(before.params?.fixBy, '2026-04-10');
  assert.deepEqual(checkDecision(waiting, '4.3', {}, EXEC, '2026-04-13', cal), { ok: true });
  assert.equal(nextStatus(waiting, '4.3', {}), 'returned');

  // A fixBy stored without the default applied falls back to the default.
  const bare = appeal({ decisions: [taken('4.2', REG, { missing: ['date'] })] });
  refused(checkDecision(bare, '4.3', {}, EXEC, '2026-04-10', cal), 'decision.fixTermNotExpired');

  // fixBy must lie after the decision date; the checklist is Art. 63's or, for complaints, Art. 93's.
  refused(checkDecision(appeal(), '4.2', { missing: ['signature'], fixBy: TODAY }, EXEC, TODAY, cal), 'decision.invalidInput');
  refused(checkDecision(appeal(), '4.2', { missing: [] }, EXEC, TODAY, cal), 'decision.invalidInput');
  refused(checkDecision(appeal(), '4.2', { missing: ['attachmentsList'] }, EXEC, TODAY, cal), 'decision.invalidInput');
  const complaint = appeal({ procedure: 'complaint', receivedByReviewingBody: true });
  assert.deepEqual(checkDecision(complaint, '4.2', { missing: ['attachmentsList', 'iinBin'] }, EXEC, TODAY, cal), { ok: true });
  refused(checkDecision(complaint, '4.2', { missing: ['individualIin'] }, EXEC, TODAY, cal), 'decision.invalidInput');
});

test('order: 4.12 needs 4.11, 4.11 needs 4.7, 4.10 needs 4.9', () => {
  const r = checkDecision(appeal(), '4.12', { remark: 'x' }, EXEC, TODAY, cal);
  refused(r, 'decision.requires');
  if (!r.ok) assert.equal(r.params?.anyOf, '4.11');
  const noticed = appeal({ decisions: [taken('4.7', REG, { hearingAt: '2026-04-08T10:00', contacts: 'x' })] });
  refused(checkDecision(noticed, '4.12', { remark: 'x' }, EXEC, TODAY, cal), 'decision.requires', '4.7 alone is not enough');
  refused(checkDecision(appeal(), '4.11', { protocol: 'x' }, EXEC, TODAY, cal), 'decision.requires');
  refused(checkDecision(appeal(), '4.10', sample('4.10', 'administrative'), EXEC, TODAY, cal), 'decision.requires');
  const held = applyDecision(noticed, '4.11', { protocol: 'x' }, '2026-04-08');
  assert.deepEqual(checkDecision(held, '4.12', { remark: 'x' }, EXEC, TODAY, cal), { ok: true });
});

test('complaints: the body complained about grants in full within 3 WD or sends it on; 4.18–4.23 only at the reviewing body', () => {
  const atBody = appeal({ procedure: 'complaint' });
  const grant = { favourable: true, text: 'Шағым толық қанағаттандырылды' };
  assert.deepEqual(checkDecision(atBody, '4.15', grant, EXEC, '2026-04-08', cal), { ok: true });
  assert.deepEqual(
    allowedDecisions(atBody, EXEC, '2026-04-08', cal).find((x) => x.code === '4.15'),
    { code: '4.15', allowed: true, forMyRoles: true, approval: true },
  );
  const late = checkDecision(atBody, '4.15', grant, EXEC, '2026-04-09', cal);
  refused(late, 'decision.complaintGrantWindowClosed');
  if (!late.ok) assert.equal(late.params?.until, '2026-04-08');
  refused(checkDecision(atBody, '4.15', { favourable: false, text: 'x', hearingException: 'urgency' }, EXEC, '2026-04-08', cal), 'decision.complaintGrantMustBeFavourable');
  assert.deepEqual(checkDecision(atBody, '4.24', { targetOrganizationId: 3 }, EXEC, '2026-04-09', cal), { ok: true }, 'sending on is never refused for lateness');

  for (const code of range(18, 23)) {
    refused(checkDecision(atBody, code, sample(code, 'complaint'), HEAD, TODAY, cal), 'decision.onlyAtReviewingBody', code);
  }
  for (const code of ['4.2', '4.3', '4.7', '4.11', '4.13', '4.14'] as const) {
    refused(checkDecision(atBody, code, sample(code, 'complaint'), HEAD, TODAY, cal), 'decision.onlyAtReviewingBody', code);
  }
  const atReviewer = appeal({ procedure: 'complaint', receivedByReviewingBody: true });
  refused(checkDecision(atReviewer, '4.15', grant, EXEC, '2026-04-07', cal), 'decision.onlyAtBodyComplainedAbout');
  refused(checkDecision(atReviewer, '4.24', { targetOrganizationId: 3 }, EXEC, TODAY, cal), 'decision.onlyAtBodyComplainedAbout');
  for (const code of ['4.1', '4.4', '4.5', '4.6'] as const) {
    assert.deepEqual(checkDecision(atBody, code, sample(code, 'complaint'), EXEC, TODAY, cal), { ok: true }, `${code} at the body`);
    assert.deepEqual(checkDecision(atReviewer, code, sample(code, 'complaint'), EXEC, TODAY, cal), { ok: true }, `${code} at the reviewer`);
  }
  assert.equal(nextStatus(atBody, '4.24', { targetOrganizationId: 3 }), 'forwarded');
  assert.equal(nextStatus(atReviewer, '4.22', sample('4.22', 'complaint')), 'completed');
});

test('withdrawal (Art. 64 p.9): before the decision only; the withdrawal date not in the future', () => {
  assert.deepEqual(checkDecision(appeal(), '4.6', { withdrawalReceivedAt: '2026-04-08' }, EXEC, TODAY, cal), { ok: true });
  refused(checkDecision(appeal(), '4.6', { withdrawalReceivedAt: '2026-04-10' }, EXEC, TODAY, cal), 'decision.invalidInput');
  const decided = appeal({ decisions: [taken('4.15', '2026-04-08', { favourable: true, text: 'x' })] });
  refused(checkDecision(decided, '4.6', { withdrawalReceivedAt: '2026-04-08' }, EXEC, TODAY, cal), 'decision.reviewEnded');
  const answered = appeal({ procedure: 'simplified', decisions: [taken('4.25', '2026-04-08', { text: 'x' })] });
  refused(checkDecision(answered, '4.6', { withdrawalReceivedAt: '2026-04-08' }, EXEC, TODAY, cal), 'decision.reviewEnded');
  assert.equal(nextStatus(appeal(), '4.6', { withdrawalReceivedAt: '2026-04-08' }), 'withdrawn');
});

test('cancelMoveOut (rules p.15): within 1 WD of the move-out, then the review goes on', () => {
  // Moved out on Friday 10 April: cancellable until Monday 13 April.
  const moved = applyDecision(appeal({ executorAssigned: false }), '4.1', sample('4.1', 'administrative'), '2026-04-10');
  assert.equal(statusOf(moved), 'movedOut');
  assert.equal(cancelMoveOutDeadline('2026-04-10', cal), '2026-04-13');
  assert.deepEqual(checkCancelMoveOut(moved, REGISTRAR, '2026-04-10', cal), { ok: true });
  assert.deepEqual(checkCancelMoveOut(moved, EXEC, '2026-04-13', cal), { ok: true });
  const late = checkCancelMoveOut(moved, EXEC, '2026-04-14', cal);
  refused(late, 'decision.cancelMoveOut.windowClosed');
  if (!late.ok) assert.equal(late.params?.until, '2026-04-13');
  refused(checkCancelMoveOut(moved, ['controller'], '2026-04-13', cal), 'decision.roleNotAllowed');
  refused(checkCancelMoveOut(appeal(), EXEC, TODAY, cal), 'decision.cancelMoveOut.none');

  refused(checkDecision(moved, '4.15', sample('4.15', 'administrative'), EXEC, '2026-04-13', cal), 'decision.reviewEnded');
  const reopened = applyCancelMoveOut(moved, '2026-04-13');
  assert.equal(reopened.decisions[0]?.cancelledOn, '2026-04-13');
  assert.equal(isReviewEnded(reopened), false);
  assert.equal(statusOf(reopened), 'registered');
  assert.deepEqual(checkDecision(reopened, '4.15', sample('4.15', 'administrative'), EXEC, '2026-04-13', cal), { ok: true });
  refused(checkCancelMoveOut(reopened, EXEC, '2026-04-13', cal), 'decision.cancelMoveOut.none');
});

test('statuses: registered → inExecution → awaitingFix → hearing → completed', () => {
  assert.equal(APPEAL_STATUSES.length, 12);
  let s = appeal({ executorAssigned: false });
  assert.equal(statusOf(s), 'registered');
  // routing follows assignment, not any decision (an extension before assignment leaves it awaiting routing)
  assert.equal(nextStatus(s, '4.9', sample('4.9', 'administrative')), 'registered');
  assert.equal(nextStatus(s, '4.14', sample('4.14', 'administrative')), 'registered');
  assert.equal(nextStatus({ ...s, executorAssigned: true }, '4.14', sample('4.14', 'administrative')), 'inExecution');
  s = applyDecision(s, '4.2', { missing: ['date'], fixBy: '2026-04-10' }, REG);
  assert.equal(statusOf(s), 'awaitingFix');
  assert.equal(nextStatus(s, '4.14', sample('4.14', 'administrative')), 'awaitingFix');
  s = applyDecision(s, '4.7', sample('4.7', 'administrative'), '2026-04-13');
  assert.equal(statusOf(s), 'hearing');
  s = applyDecision(s, '4.11', { protocol: 'x' }, '2026-04-20');
  assert.equal(statusOf(s), 'hearing');
  assert.equal(nextStatus(s, '4.15', { favourable: false, text: 'x' }), 'completed');
  assert.equal(nextStatus(appeal(), '4.4', { parts: [{ summary: 'x', targetOrganizationId: 2 }] }), 'inExecution');
});

test('data validation: required, unknown fields, exactly one of whole/parts, dates', () => {
  const invalid = (code: DecisionCode, data: DecisionData, path: string, errorCode: string, st = appeal()) => {
    const r = checkDecision(st, code, data, HEAD, TODAY, cal);
    refused(r, 'decision.invalidInput', `${code} ${JSON.stringify(data)}`);
    if (!r.ok)
      assert.ok(
        r.fields?.some((f) => f.path === path && f.code === errorCode),
        JSON.stringify(r.fields),
      );
  };
  invalid('4.15', { text: 'x' }, '/favourable', 'required');
  invalid('4.15', { favourable: true, text: '  ' }, '/text', 'minLength');
  invalid('4.15', { favourable: true, text: 'x', extra: 1 }, '/', 'additionalProperties');
  invalid('4.4', {}, '/', 'decision.exactlyOneOf');
  invalid('4.4', { targetOrganizationId: 1, parts: [{ summary: 'x', targetOrganizationId: 2 }] }, '/', 'decision.exactlyOneOf');
  invalid('4.4', { targetOrganizationId: 1, remainderKept: true }, '/remainderKept', 'decision.fieldNotApplicable');
  invalid('4.4', { parts: [{ summary: 'x' }] }, '/parts/0/targetOrganizationId', 'required');
  invalid('4.4', { targetOrganizationId: 'x' }, '/targetOrganizationId', 'type');
  invalid('4.1', { targetSystem: 'x', reason: 'spam' }, '/reason', 'enum');
  invalid('4.7', { hearingAt: '2026-04-08T10:00', contacts: 'x' }, '/hearingAt', 'decision.dateBeforeToday');
  invalid('4.7', { hearingAt: '20.04.2026 10:00', contacts: 'x' }, '/hearingAt', 'format');
  invalid('4.9', { representative: {} }, '/representative/name', 'required');
  invalid('4.16', { requestedAt: '2026-04-31' }, '/requestedAt', 'format');
  invalid('4.13', { reason: 'bored' }, '/reason', 'enum');
  refused(checkDecision(appeal(), '4.5', { mainAppealId: 'a-1' }, EXEC, TODAY, cal), 'decision.attachToItself');
  refused(checkDecision(appeal(), '4.15', sample('4.15', 'administrative'), EXEC, '2026-04-03', cal), 'decision.beforeRegistration');
  const later = appeal({ decisions: [taken('4.9', '2026-04-10', sample('4.9', 'administrative'))] });
  refused(checkDecision(later, '4.15', sample('4.15', 'administrative'), EXEC, TODAY, cal), 'decision.beforeLastDecision');
  refused(checkDecision(appeal(), '4.99' as DecisionCode, {}, EXEC, TODAY, cal), 'decision.unknownCode');
});

test('decisionInputSchema: the field specs as JSON schema', () => {
  const s42 = decisionInputSchema('4.2', 'complaint') as { properties: Record<string, { items?: { enum: string[] } }>; required: string[] };
  assert.deepEqual(s42.required, ['missing']);
  assert.ok(s42.properties.missing?.items?.enum.includes('attachmentsList'));
  const s44 = decisionInputSchema('4.4', 'administrative') as { oneOf: unknown[]; additionalProperties: boolean };
  assert.equal(s44.oneOf.length, 2);
  assert.equal(s44.additionalProperties, false);
  for (const code of DECISION_CODES) for (const p of PROCEDURES) assert.equal((decisionInputSchema(code, p) as { type: string }).type, 'object');
});

test('every error code the module can return has kk/ru/en messages', () => {
  // The module is decisions.ts and the files of decisions/ it re-exports.
  const dir = new URL('./decisions/', import.meta.url);
  const files = [
    new URL('./decisions.ts', import.meta.url),
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => new URL(f, dir)),
  ];
  const source = files.map((f) => readFileSync(f, 'utf8')).join('\n');
  const codes = new Set([...source.matchAll(/'(decision\.[A-Za-z.]+)'/g)].map((m) => m[1]!));
  assert.ok(codes.size > 20);
  for (const c of codes) {
    const m = DECISION_MESSAGES[c];
    assert.ok(m && m.kk && m.ru && m.en, `message for ${c}`);
  }
});

test('an appeal brought into line after 4.2 goes on and cannot be returned', () => {
  const notice: AppealState = {
    procedure: 'administrative',
    documentType: 'application',
    applicantKind: 'individual',
    anonymous: false,
    containsCrimeOrSecurityInfo: false,
    registrationDate: '2026-03-18',
    dueDate: '2026-04-10',
    receivedByReviewingBody: false,
    executorAssigned: true,
    decisions: [{ code: '4.2', decisionDate: '2026-03-18', data: { fixBy: '2026-03-27', missing: ['signature'] } }],
  };
  assert.equal(statusOf(notice), 'awaitingFix');
  assert.equal(canRecordFix(notice), true);
  const fixed = { ...notice, fixedOn: '2026-03-20' };
  assert.equal(statusOf(fixed), 'inExecution');
  assert.equal(canRecordFix(fixed), false);
  const late = checkDecision(fixed, '4.3', {}, ['executor'], '2026-03-30', cal);
  assert.deepEqual(late.ok ? null : late.code, 'decision.appealFixed');
  assert.equal(checkDecision(notice, '4.3', {}, ['executor'], '2026-03-30', cal).ok, true);
});

test("approval: an executor's outcome is a draft for the head; records and the desk's routing take effect at once", () => {
  const assigned = appeal({ executorAssigned: true });
  const desk = appeal({ executorAssigned: false });
  const outcomes = DECISION_CODES.filter((c) => DECISIONS[c].approval);
  assert.deepEqual(outcomes, ['4.3', '4.4', '4.7', '4.15', '4.18', '4.19', '4.20', '4.21', '4.22', '4.23', '4.24', '4.25', '4.26']);
  for (const c of outcomes) {
    assert.equal(needsApproval(assigned, c, EXEC), true, c);
    assert.equal(needsApproval(assigned, c, HEAD), false, `${c}: the head's own card`);
    assert.equal(needsApproval(assigned, c, ['executor', 'head']), false, `${c}: a head who executes`);
  }
  // Records of the procedure are the executor's to save.
  for (const c of ['4.5', '4.6', '4.8', '4.11', '4.16'] as const) assert.equal(needsApproval(assigned, c, EXEC), false, c);
  // The desk forwards a misaddressed appeal itself; once an executor works on it, a forward is a draft.
  assert.equal(needsApproval(desk, '4.4', REGISTRAR), false);
  assert.equal(needsApproval(desk, '4.4', EXEC), true);
  assert.equal(allowedDecisions(assigned, EXEC, TODAY, cal).find((a) => a.code === '4.15')?.approval, true);
  assert.equal(allowedDecisions(assigned, HEAD, TODAY, cal).find((a) => a.code === '4.15')?.approval, undefined);

  // While a draft awaits the head, the executor drafts nothing else; records and the head's cards go on.
  const pending = { ...assigned, draftPending: true };
  refused(checkDecision(pending, '4.15', { favourable: true, text: 'x' }, EXEC, TODAY, cal), 'decision.draftPending');
  assert.deepEqual(checkDecision(pending, '4.16', { requestedAt: TODAY }, EXEC, TODAY, cal), { ok: true });
  assert.deepEqual(checkDecision(pending, '4.15', { favourable: true, text: 'x' }, HEAD, TODAY, cal), { ok: true });
});

test('hearing (Art. 73): the window runs from the day the notice went out, not from the draft', () => {
  const unfavourable = { favourable: false, text: 'Бас тартылды' };
  const notice = taken('4.7', '2026-04-13', { hearingAt: '2026-04-14T10:00', contacts: '1414' });
  // Saved but not signed and sent: no act, however long ago.
  const unsent = appeal({ decisions: [notice], hearingNoticeDeliveredOn: null });
  refused(checkDecision(unsent, '4.15', unfavourable, HEAD, '2026-04-30', cal), 'decision.hearingNoticeNotSent');
  // applyDecision marks a new notice as not sent yet.
  assert.equal(applyDecision(appeal(), '4.7', notice.data, '2026-04-13').hearingNoticeDeliveredOn, null);
  // Sent on Friday 17th: 3 WD before the act (Art. 73 p.1) → from Wednesday 22nd.
  const sent = { ...unsent, hearingNoticeDeliveredOn: '2026-04-17' };
  refused(checkDecision(sent, '4.15', unfavourable, HEAD, '2026-04-21', cal), 'decision.hearingWindowOpen');
  assert.deepEqual(checkDecision(sent, '4.15', unfavourable, HEAD, '2026-04-22', cal), { ok: true });
});

test('allowedDecisions says which decisions the roles may take at all, whatever the state (the card lists the rest as not available now)', () => {
  const ended = appeal({ decisions: [taken('4.25', TODAY, {})] });
  const byExecutor = allowedDecisions(ended, EXEC, TODAY, cal);
  assert.equal(byExecutor.find((d) => d.code === '4.14')!.forMyRoles, false, 'an extension is the head’s');
  assert.equal(byExecutor.find((d) => d.code === '4.2')!.forMyRoles, true);
  assert.ok(byExecutor.every((d) => !d.allowed || d.forMyRoles));
});
