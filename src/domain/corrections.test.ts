import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Calendar } from './calendar.ts';
import { SHIPPED_DAY_EXCEPTIONS } from './calendar-data.ts';
import {
  checkCorrection,
  closedPeriodForRegistration,
  CORRECTABLE_FIELDS,
  correctionDecidedBy,
  defaultBasis,
  mayFile,
  mayReview,
  periodClosed,
  petitionOverdue,
  petitionPeriod,
  petitionPeriodOf,
  petitionReviewable,
  petitionReviewDue,
} from './corrections.ts';
import { actsForStatisticsAuthority, roleAllowedAt } from './scope.ts';

const cal = new Calendar(SHIPPED_DAY_EXCEPTIONS);

describe('who decides a correction (p.27)', () => {
  test('due date, answer sent date, the extension card and deleting a ТЖ-1: the statistics authority', () => {
    assert.equal(correctionDecidedBy({ action: 'change', changes: { dueDate: '2026-04-01' } }), 'authority');
    assert.equal(correctionDecidedBy({ action: 'change', changes: { answerSentAt: '2026-04-01T10:00:00+05:00', channel: 'post' } }), 'authority');
    assert.equal(correctionDecidedBy({ action: 'delete', record: { kind: 'tzh1', id: 'x' } }), 'authority');
    assert.equal(correctionDecidedBy({ action: 'delete', record: { kind: 'tzh2', id: 'x', decisionCode: '4.14' }, changes: { dueDate: '2026-04-01' } }), 'authority');
  });

  test('everything else: the organization', () => {
    assert.equal(correctionDecidedBy({ action: 'change', changes: { channel: 'post', summary: 'x' } }), 'organization');
    assert.equal(correctionDecidedBy({ action: 'delete', record: { kind: 'tzh2', id: 'x', decisionCode: '4.7' } }), 'organization');
  });

  test('who files and who reviews', () => {
    const head = { roles: ['head'] as const, statisticsAuthority: false };
    const authority = { roles: ['statistician'] as const, statisticsAuthority: true };
    const statisticianElsewhere = { roles: ['statistician'] as const, statisticsAuthority: false };
    assert.ok(mayFile(head, 'authority', 'headPetition'));
    assert.ok(!mayFile({ roles: ['registrar'], statisticsAuthority: false }, 'authority', 'headPetition'));
    assert.ok(mayFile(head, 'organization', 'unitHeadPetition'));
    assert.ok(mayFile(authority, 'organization', 'authorityReport'));
    assert.ok(!mayFile(statisticianElsewhere, 'organization', 'authorityReport'), 'the role outside the authority is not the authority');
    assert.ok(!mayFile(authority, 'authority', 'authorityReport'));
    assert.ok(mayReview(authority, 'authority', false));
    assert.ok(!mayReview(statisticianElsewhere, 'authority', false));
    assert.ok(!mayReview(head, 'authority', false));
    assert.ok(mayReview(head, 'organization', false));
    assert.ok(!mayReview(head, 'organization', true), 'never the petitioner');
    // a petition that names no basis
    assert.equal(defaultBasis(head, 'authority'), 'headPetition');
    assert.equal(defaultBasis(head, 'organization'), 'unitHeadPetition');
    assert.equal(defaultBasis(authority, 'organization'), 'authorityReport');
  });

  test('the statistician exists only at the statistics authority', () => {
    assert.ok(roleAllowedAt('statistician', 'statsAuthority'));
    assert.ok(roleAllowedAt('statistician', 'statsDepartment'));
    assert.ok(!roleAllowedAt('statistician', 'akimat'));
    assert.ok(roleAllowedAt('head', 'akimat'));
    assert.ok(actsForStatisticsAuthority(['statistician'], 'statsDepartment'));
    assert.ok(!actsForStatisticsAuthority(['statistician', 'head'], 'akimat'));
    assert.ok(!actsForStatisticsAuthority(['head'], 'statsDepartment'));
  });

  test('the field catalogue: ТЖ-1, АИ-1 and ТЖ-2 fields, each with who decides it', () => {
    const authority = Object.entries(CORRECTABLE_FIELDS)
      .filter(([, f]) => f.decidedBy === 'authority')
      .map(([k]) => k);
    assert.deepEqual(authority.sort(), ['answerSentAt', 'decision.extensionReason', 'dueDate']);
    for (const card of ['tzh1', 'ai1', 'tzh2'] as const) assert.ok(Object.values(CORRECTABLE_FIELDS).filter((f) => f.card === card).length >= 5, card);
    // an applicant field on the applicant card of the right kind; a decision field on a decision that has it
    const ai1 = { kind: 'ai1' as const, id: 'x', applicantKind: 'individual' };
    assert.deepEqual(checkCorrection({ action: 'change', record: ai1, changes: { 'applicant.lastName': 'Сапаров', 'applicant.email': 'a@b.kz', 'applicant.phone': '+7 701 123 45 67' } }), []);
    assert.deepEqual(
      checkCorrection({ action: 'change', record: ai1, changes: { 'applicant.legalName': 'ЖШС' } }).map((e) => e.code),
      ['correction.fieldNotOnRecord'],
    );
    assert.deepEqual(
      checkCorrection({ action: 'change', changes: { 'applicant.lastName': 'Сапаров' } }).map((e) => e.code),
      ['correction.fieldNotOnRecord'],
    );
    assert.deepEqual(
      checkCorrection({ action: 'change', record: ai1, changes: { 'applicant.email': 'жоқ', 'applicant.middleName': null, 'applicant.lastName': null } }).map((e) => `${e.path} ${e.code}`),
      ['/changes/applicant.email format', '/changes/applicant.lastName required'],
    );
    const act = { kind: 'tzh2' as const, id: 'y', decisionCode: '4.15' };
    assert.deepEqual(checkCorrection({ action: 'change', record: act, changes: { 'decision.favourable': false, 'decision.text': 'Түзетілген мәтін' } }), []);
    assert.deepEqual(
      checkCorrection({ action: 'change', record: act, changes: { 'decision.protocol': 'x' } }).map((e) => e.code),
      ['correction.fieldNotOnRecord'],
    );
    assert.deepEqual(
      checkCorrection({ action: 'delete', record: ai1 }).map((e) => e.code),
      ['correction.recordNotDeletable'],
    );
    // a document type within its procedure only
    assert.deepEqual(checkCorrection({ action: 'change', changes: { documentType: 'inquiry' } }, { procedure: 'simplified' }), []);
    assert.deepEqual(
      checkCorrection({ action: 'change', changes: { documentType: 'complaint' } }, { procedure: 'simplified' }).map((e) => e.code),
      ['correction.procedureChange'],
    );
    // "term extended": any change of a 4.14 card is the authority's
    assert.equal(correctionDecidedBy({ action: 'change', record: { kind: 'tzh2', id: 'z', decisionCode: '4.14' }, changes: { 'decision.extensionReason': 'x' } }), 'authority');
    assert.equal(correctionDecidedBy({ action: 'change', record: act, changes: { 'decision.text': 'x' } }), 'organization');
    assert.equal(correctionDecidedBy({ action: 'change', record: ai1, changes: { 'applicant.lastName': 'x' } }), 'organization');
  });

  test('the shape of a correction', () => {
    assert.deepEqual(
      checkCorrection({ action: 'change', changes: {} }).map((e) => e.code),
      ['correction.nothingToChange'],
    );
    assert.deepEqual(
      checkCorrection({ action: 'change', changes: { iin: 'x' } }).map((e) => e.code),
      ['correction.fieldNotCorrectable'],
    );
    assert.deepEqual(
      checkCorrection({ action: 'change', changes: { dueDate: '2026-02-30', form: 'fax' } }).map((e) => e.path),
      ['/changes/dueDate', '/changes/form'],
    );
    assert.deepEqual(
      checkCorrection({ action: 'delete', record: { kind: 'tzh2', id: 'x', decisionCode: '4.14' } }).map((e) => e.code),
      ['correction.dueDateRequired'],
    );
    assert.deepEqual(checkCorrection({ action: 'change', changes: { channel: 'email', fromReception: true } }), []);
  });
});

describe('periods and terms (p.28)', () => {
  test('a petition reaches the period no later than 5 working days before it closes; later ones go to the next', () => {
    // March closes with its report on Friday 10 April 2026; 5 WD before: Friday 3 April.
    assert.deepEqual(petitionPeriod('2026-04-03', cal), { year: 2026, month: 3, opensOn: '2026-03-10', closesOn: '2026-04-10', deadline: '2026-04-03', late: false });
    assert.deepEqual(petitionPeriod('2026-04-06', cal), { year: 2026, month: 4, opensOn: '2026-04-10', closesOn: '2026-05-12', deadline: '2026-04-30', late: true });
    assert.equal(petitionPeriod('2026-04-13', cal).month, 4, 'after March closed: April');
    assert.equal(petitionPeriod('2026-04-13', cal).late, false);
    assert.equal(petitionPeriod('2026-04-10', cal).late, true, 'on the day March closes: late for March, in April');
  });

  test('the period kept with a petition gives the days and the lateness it was filed with', () => {
    for (const filedOn of ['2026-03-02', '2026-04-03', '2026-04-06', '2026-04-10', '2026-04-13', '2026-04-30', '2026-05-04', '2026-05-12', '2026-12-31']) {
      const p = petitionPeriod(filedOn, cal);
      assert.deepEqual(petitionPeriodOf(p.year, p.month, filedOn, cal), p, filedOn);
    }
  });

  test('a late petition is reviewed only once its period opens, and within 5 WD of that', () => {
    const late = petitionPeriod('2026-04-06', cal);
    assert.ok(!petitionReviewable(late, '2026-04-09'), 'March is still open: the correction would reach it');
    assert.ok(petitionReviewable(late, '2026-04-10'));
    assert.equal(petitionReviewDue('2026-04-06', late, cal), '2026-04-17');
    const inTime = petitionPeriod('2026-03-18', cal);
    assert.ok(petitionReviewable(inTime, '2026-03-18'));
    assert.equal(petitionReviewDue('2026-03-18', inTime, cal), '2026-03-30', 'Nauryz: 23–25 March are days off');
    assert.ok(!petitionOverdue('pending', '2026-03-30', '2026-03-30'));
    assert.ok(petitionOverdue('pending', '2026-03-30', '2026-03-31'));
    assert.ok(!petitionOverdue('applied', '2026-03-30', '2026-04-30'));
  });

  test('a formed period is closed: a registration may not be dated in it, except from the paper journal of an outage', () => {
    assert.ok(periodClosed(2026, 3, '2026-04-10', cal));
    assert.ok(!periodClosed(2026, 3, '2026-04-09', cal));
    assert.equal(closedPeriodForRegistration('2026-03-20', '2026-04-09', cal, false), null);
    assert.deepEqual(closedPeriodForRegistration('2026-03-20', '2026-04-10', cal, false), { year: 2026, month: 3, closedOn: '2026-04-10' });
    assert.deepEqual(closedPeriodForRegistration('2025-12-30', '2026-03-02', cal, false)?.year, 2025, 'the previous year');
    assert.equal(closedPeriodForRegistration('2026-03-20', '2026-04-10', cal, true), null);
  });
});
