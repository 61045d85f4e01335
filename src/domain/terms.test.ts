import { test } from 'node:test';
import assert from 'node:assert/strict';

import { Calendar } from './calendar.ts';
import { DOCUMENT_TYPES } from './vocabulary.ts';
import { PROCEDURAL_TERMS, TERM_CATALOGUE, applyTerm, dueDate, extensionCap, findTermRule, termRule, type Term } from './terms.ts';

const cal = Calendar.shipped();
const WD = (count: number): Term => ({ unit: 'workingDays', count });

test('every document type has exactly one default rule; (type, subKind) pairs are unique', () => {
  for (const t of DOCUMENT_TYPES) {
    assert.equal(TERM_CATALOGUE.filter((r) => r.documentType === t && r.subKind === null).length, 1, t);
  }
  const keys = TERM_CATALOGUE.map((r) => `${r.documentType}/${r.subKind ?? ''}`);
  assert.equal(new Set(keys).size, keys.length);
  for (const r of TERM_CATALOGUE) {
    assert.ok(r.label.kk && r.label.ru && r.label.en, `${r.documentType}/${r.subKind} labels`);
    assert.ok(r.basis.length > 10, `${r.documentType}/${r.subKind} basis`);
    assert.ok(Number.isInteger(r.term.count) && r.term.count > 0);
  }
});

test('the APPC defaults: application 15 WD extendable, complaint 20 WD not, simplified 15 WD extendable', () => {
  const app = termRule(TERM_CATALOGUE, 'application');
  assert.deepEqual(app.term, WD(15));
  assert.equal(app.extendable, true);
  assert.match(app.basis, /Art\. 76 p\.1/);

  const complaint = termRule(TERM_CATALOGUE, 'complaint');
  assert.deepEqual(complaint.term, WD(20));
  assert.equal(complaint.extendable, false);
  assert.match(complaint.basis, /Art\. 99/);

  for (const t of ['report', 'inquiry', 'feedback', 'proposal'] as const) {
    const r = termRule(TERM_CATALOGUE, t);
    assert.deepEqual(r.term, WD(15), t);
    assert.equal(r.extendable, true, t);
    assert.match(r.basis, /Art\. 87 p\.2/, t);
    assert.match(r.basis, /Art\. 76 p\.1/, t);
  }
});

test('special-law sub-kinds are data, flagged for verification; an unknown sub-kind has no rule', () => {
  assert.equal(termRule(TERM_CATALOGUE, 'inquiry', 'mediaInquiry').subKind, 'mediaInquiry');
  assert.equal(termRule(TERM_CATALOGUE, 'inquiry', 'lawyerInquiry').subKind, 'lawyerInquiry');
  assert.equal(termRule(TERM_CATALOGUE, 'application', 'rehabilitation').subKind, 'rehabilitation');
  // (the sign-up for personal reception is a regulation's own term, PR-36, not a special law's)
  for (const r of TERM_CATALOGUE.filter((x) => x.subKind !== null && x.subKind !== 'receptionSignUp')) {
    assert.match(r.basis, /verif/i, `${r.subKind} says to verify`);
    assert.match(r.label.en, /verif/i);
  }
  assert.equal(findTermRule(TERM_CATALOGUE, 'inquiry', 'noSuchKind'), undefined);
  assert.equal(findTermRule(TERM_CATALOGUE, 'complaint', 'lawyerInquiry'), undefined); // a sub-kind of another type
  assert.throws(() => termRule(TERM_CATALOGUE, 'inquiry', 'noSuchKind'), /no term for inquiry of sub-kind noSuchKind/);
  assert.equal(termRule(TERM_CATALOGUE, 'inquiry', null).subKind, null);
  assert.equal(findTermRule(TERM_CATALOGUE, 'inquiry', '')?.subKind, null); // an empty sub-kind is none
});

test('termRule with an explicit (e.g. database-loaded) catalogue', () => {
  const edited = TERM_CATALOGUE.map((r) => (r.documentType === 'inquiry' && r.subKind === 'mediaInquiry' ? { ...r, term: WD(7) } : r));
  assert.deepEqual(termRule(edited, 'inquiry', 'mediaInquiry').term, WD(7));
  assert.deepEqual(termRule(edited, 'inquiry').term, WD(15));
  assert.deepEqual(termRule(edited, 'complaint', null).term, WD(20));
  assert.throws(() => termRule([], 'application'), /no default term/);
});

test('the worked example of docs/legal-basis.md#counting-working-days through dueDate: 2022-05-26 + 15 WD → 2022-06-15 (civilCode → 2022-06-16)', () => {
  assert.equal(dueDate(cal, '2022-05-26', termRule(TERM_CATALOGUE, 'application').term, 'registrationDayIsDayOne'), '2022-06-15');
  assert.equal(dueDate(cal, '2022-05-26', termRule(TERM_CATALOGUE, 'application').term), '2022-06-15');
  assert.equal(dueDate(cal, '2022-05-26', termRule(TERM_CATALOGUE, 'application').term, 'civilCode'), '2022-06-16');
});

test('application terms across Nauryz and the May holidays of 2026', () => {
  const t = termRule(TERM_CATALOGUE, 'application').term;
  assert.equal(dueDate(cal, '2026-03-19', t), '2026-04-13');
  assert.equal(dueDate(cal, '2026-03-19', t, 'civilCode'), '2026-04-14');
  assert.equal(dueDate(cal, '2026-04-29', t), '2026-05-22');
  // Registered Fri 2026-03-20, the last working day before Nauryz: 20, 26, 27, 30, 31 Mar, 1–3, 6–10, 13, 14 Apr.
  assert.equal(dueDate(cal, '2026-03-20', t), '2026-04-14');
});

test('complaint: 20 WD', () => {
  const t = termRule(TERM_CATALOGUE, 'complaint').term;
  // 19 Mar 2026: the 15th WD is 13 Apr, then 14, 15, 16, 17, 20 Apr.
  assert.equal(dueDate(cal, '2026-03-19', t), '2026-04-20');
  // 29 Apr 2026: the 15th WD is 22 May, then 25, 26, (27 Kurban Ait), 28, 29 May, 1 Jun.
  assert.equal(dueDate(cal, '2026-04-29', t), '2026-06-01');
  assert.equal(dueDate(cal, '2026-04-29', t, 'civilCode'), '2026-06-02');
  // No holidays: Mon 2026-06-01 → Fri 2026-06-26.
  assert.equal(dueDate(cal, '2026-06-01', t), '2026-06-26');
});

test('the 2-month extension cap: same day number, last day of a shorter month, next working day', () => {
  assert.equal(extensionCap(cal, '2026-04-14'), '2026-06-15'); // 14 Jun is a Sunday → Mon 15 Jun
  assert.equal(extensionCap(cal, '2026-03-30'), '2026-06-01'); // 30 May is a Saturday → Mon 1 Jun
  assert.equal(extensionCap(cal, '2026-03-31'), '2026-06-01'); // 31 May is a Sunday → Mon 1 Jun
  assert.equal(extensionCap(cal, '2025-12-31'), '2026-03-02'); // → 28 Feb (Sat) → Mon 2 Mar
  assert.equal(extensionCap(cal, '2026-03-11'), '2026-05-12'); // 11 May is a holiday (Victory Day moved) → Tue 12 May
  assert.equal(extensionCap(cal, '2026-06-17'), '2026-08-17'); // Mon 17 Aug, no move
  assert.equal(extensionCap(cal, '2026-06-30'), '2026-08-31'); // 31 Aug: shipped as a working day
  assert.equal(extensionCap(cal, '2023-12-29'), '2024-02-29'); // leap year
  assert.deepEqual(PROCEDURAL_TERMS.extensionCap.term, { unit: 'months', count: 2 });
});

test('applyTerm handles every unit', () => {
  assert.equal(applyTerm(cal, '2026-03-02', { unit: 'calendarDays', count: 30 }), '2026-04-01');
  assert.equal(applyTerm(cal, '2026-02-19', { unit: 'calendarDays', count: 30 }), '2026-03-26'); // Sat 21 Mar → after Nauryz
  assert.equal(applyTerm(cal, '2026-01-31', { unit: 'months', count: 1 }), '2026-03-02');
  assert.equal(applyTerm(cal, '2026-05-13', WD(3)), '2026-05-15');
  assert.equal(applyTerm(cal, '2026-05-13', WD(3), 'civilCode'), '2026-05-18');
  const rehab = termRule(TERM_CATALOGUE, 'application', 'rehabilitation');
  assert.deepEqual(rehab.term, { unit: 'months', count: 3 });
  assert.equal(applyTerm(cal, '2026-01-30', rehab.term), '2026-04-30');
});

test('procedural terms (docs/legal-basis.md#procedural-terms)', () => {
  const expected: Record<string, [Term['unit'] | 'hours', number, RegExp]> = {
    forward: ['workingDays', 3, /Art\. 65/],
    moveOut: ['workingDays', 1, /p\.15/],
    moveOutCancel: ['workingDays', 1, /p\.15/],
    notifyExtension: ['workingDays', 3, /Art\. 76 p\.3/],
    preliminaryNotice: ['workingDays', 3, /Art\. 73 p\.1/],
    objection: ['workingDays', 2, /Art\. 73 p\.3/],
    protocolRemarks: ['workingDays', 3, /Art\. 74 p\.6/],
    notifyTerminationOrReturn: ['workingDays', 3, /Art\. 70 p\.3/],
    forwardAtOnce: ['calendarDays', 0, /Art\. 88 p\.1/],
    complaintForward: ['workingDays', 3, /Art\. 91 p\.4/],
    complaintLeftWithoutConsideration: ['workingDays', 3, /Art\. 95 p\.2/],
    caseReturn: ['workingDays', 5, /Art\. 100 p\.2/],
    recusal: ['workingDays', 3, /Art\. 67 p\.3/],
    caseAccess: ['workingDays', 3, /Art\. 75 p\.1/],
    fixDefault: ['workingDays', 5, /Art\. 64 p\.6/],
    extensionCap: ['months', 2, /Art\. 76 p\.3/],
    correctionReview: ['workingDays', 5, /p\.28/],
    outageBackfill: ['hours', 24, /p\.31/],
    receptionAnswer: ['workingDays', 15, /PR-36/],
    receptionReferenceNote: ['workingDays', 5, /PR-33/],
    receptionParticipationNotice: ['workingDays', 2, /PR-27/],
    receptionJointRefusalReport: ['workingDays', 2, /PR-28/],
  };
  assert.deepEqual(Object.keys(PROCEDURAL_TERMS).sort(), Object.keys(expected).sort());
  for (const [name, [unit, count, basis]] of Object.entries(expected)) {
    const p = PROCEDURAL_TERMS[name as keyof typeof PROCEDURAL_TERMS];
    assert.equal(p.term.unit, unit, name);
    assert.equal(p.term.count, count, name);
    assert.match(p.basis, basis, name);
    assert.ok(p.label.kk && p.label.ru && p.label.en, name);
  }
  assert.equal(PROCEDURAL_TERMS.preliminaryNotice.direction, 'before');
  // Forwarding by competence: 3 WD from registration on Fri 20 Mar 2026 → 20, 26, 27 Mar.
  assert.equal(applyTerm(cal, '2026-03-20', PROCEDURAL_TERMS.forward.term), '2026-03-27');
  // The latest date to notify a preliminary decision for an act on Fri 2026-05-15: 3 WD before → Tue 12 May.
  assert.equal(cal.subtractWorkingDays('2026-05-15', 3), '2026-05-12');
  assert.equal(cal.workingDaysBetween('2026-05-12', '2026-05-15'), 3);
});
