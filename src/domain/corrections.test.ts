import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Calendar } from './calendar.ts';
import { SHIPPED_DAY_EXCEPTIONS } from './calendar-data.ts';
import { checkCorrection, correctionDecidedBy, mayFile, mayReview, periodClosed, petitionPeriod, petitionReviewDue } from './corrections.ts';

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
    assert.ok(mayFile(['head'], 'authority', 'headPetition'));
    assert.ok(!mayFile(['registrar'], 'authority', 'headPetition'));
    assert.ok(mayFile(['head'], 'organization', 'unitHeadPetition'));
    assert.ok(mayFile(['statistician'], 'organization', 'authorityReport'));
    assert.ok(!mayFile(['statistician'], 'authority', 'authorityReport'));
    assert.ok(mayReview(['statistician'], 'authority', false));
    assert.ok(!mayReview(['head'], 'authority', false));
    assert.ok(mayReview(['head'], 'organization', false));
    assert.ok(!mayReview(['head'], 'organization', true), 'never the petitioner');
  });

  test('the shape of a correction', () => {
    assert.deepEqual(checkCorrection({ action: 'change', changes: {} }).map((e) => e.code), ['correction.nothingToChange']);
    assert.deepEqual(checkCorrection({ action: 'change', changes: { iin: 'x' } }).map((e) => e.code), ['correction.fieldNotCorrectable']);
    assert.deepEqual(checkCorrection({ action: 'change', changes: { dueDate: '2026-02-30', form: 'fax' } }).map((e) => e.path), ['/changes/dueDate', '/changes/form']);
    assert.deepEqual(checkCorrection({ action: 'delete', record: { kind: 'tzh2', id: 'x', decisionCode: '4.14' } }).map((e) => e.code), ['correction.dueDateRequired']);
    assert.deepEqual(checkCorrection({ action: 'change', changes: { channel: 'email', fromReception: true } }), []);
  });
});

describe('periods and terms (p.28)', () => {
  test('a petition reaches the period no later than 5 working days before it closes; later ones go to the next', () => {
    // March closes with its report on Friday 10 April 2026; 5 WD before: Friday 3 April.
    assert.deepEqual(petitionPeriod('2026-04-03', cal), { year: 2026, month: 3, closesOn: '2026-04-10', deadline: '2026-04-03', late: false });
    assert.deepEqual(petitionPeriod('2026-04-06', cal), { year: 2026, month: 4, closesOn: '2026-05-12', deadline: '2026-04-30', late: true });
    assert.equal(petitionPeriod('2026-04-13', cal).month, 4, 'after March closed: April');
    assert.equal(petitionPeriod('2026-04-13', cal).late, false);
  });

  test('reviewed within 5 working days; a formed period is closed', () => {
    assert.equal(petitionReviewDue('2026-03-18', cal), '2026-03-30', 'Nauryz: 23–25 March are days off');
    assert.ok(periodClosed(2026, 3, '2026-04-10', cal));
    assert.ok(!periodClosed(2026, 3, '2026-04-09', cal));
  });
});
