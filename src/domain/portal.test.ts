// Pure rules of the citizen portal (issue 14): phones, one-time codes, the
// applicant's windows on the shipped calendar, small cells.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CODE_POLICY, applicantWindows, codeUsable, maskedPhone, normalPhone, phoneKey, suppressed } from './portal.ts';
import { publishedShare, open311Status, toCsv, DATASETS } from './open-data.ts';
import { Calendar } from './calendar.ts';
import { SHIPPED_DAY_EXCEPTIONS, SHIPPED_YEARS } from './calendar-data.ts';
import type { AppealState } from './decisions.ts';

test('phones: a Kazakhstan mobile number written any usual way, masked in answers', () => {
  for (const p of ['+77011234567', '87011234567', '8 (701) 123-45-67', '+7 701 123 45 67']) assert.equal(normalPhone(p), '+77011234567');
  for (const p of ['12345', '+1 202 555 0100', '+7701123456']) assert.equal(normalPhone(p), null);
  assert.equal(phoneKey('8 (701) 123-45-67'), '7011234567');
  assert.equal(maskedPhone('+77011234567'), '+7 701 ••• •• 67');
});

test('one-time codes: used once, 5 attempts, 5 minutes', () => {
  const now = new Date('2026-03-18T05:00:00Z');
  const later = (min: number) => new Date(now.getTime() + min * 60_000);
  assert.deepEqual(codeUsable({ expiresAt: later(CODE_POLICY.ttlMinutes), attempts: 0, usedAt: null }, now), { ok: true });
  assert.deepEqual(codeUsable({ expiresAt: later(5), attempts: 5, usedAt: null }, now), { ok: false, code: 'portal.codeAttempts' });
  assert.deepEqual(codeUsable({ expiresAt: later(5), attempts: 0, usedAt: now }, now), { ok: false, code: 'portal.codeInvalid' });
  assert.deepEqual(codeUsable({ expiresAt: now, attempts: 0, usedAt: null }, now), { ok: false, code: 'portal.codeExpired' });
});

const cal = new Calendar(SHIPPED_DAY_EXCEPTIONS, SHIPPED_YEARS);
const state = (decisions: AppealState['decisions'], extra: Partial<AppealState> = {}): AppealState => ({
  id: 'a',
  procedure: 'administrative',
  documentType: 'application',
  applicantKind: 'individual',
  anonymous: false,
  containsCrimeOrSecurityInfo: false,
  registrationDate: '2026-03-16',
  dueDate: '2026-04-10',
  extendable: true,
  receivedByReviewingBody: false,
  executorAssigned: true,
  decisions,
  ...extra,
});
const windowOf = (s: AppealState, today: string, action: string) => applicantWindows(s, today, cal).find((w) => w.action === action);

test('the objection runs 2 working days from the day after the hearing notice reached the applicant (APPC Art. 73 p.3), past the Nauryz holidays', () => {
  const heard = state([{ code: '4.7', decisionDate: '2026-03-18', data: { hearingAt: '2026-03-27T11:00' } }]);
  assert.deepEqual(windowOf(heard, '2026-03-20', 'object'), { action: 'object', open: true, until: '2026-03-20', basis: windowOf(heard, '2026-03-20', 'object')!.basis });
  assert.equal(windowOf(heard, '2026-03-24', 'object')!.open, false);
  const sentLater = state(heard.decisions, { hearingNoticeDeliveredOn: '2026-03-20' });
  assert.equal(windowOf(sentLater, '2026-03-24', 'object')!.until, '2026-03-27', 'sent Fri 20: Nauryz (21–23) and its moved days off (24–25) do not count, so Thu 26 and Fri 27');
  assert.equal(windowOf(state([]), '2026-03-18', 'object'), undefined, 'no notice, no objection');
});

test('withdraw while the review goes on; fix until the date of the 4.2 notice, once; rate once it ended', () => {
  const fix = state([{ code: '4.2', decisionDate: '2026-03-18', data: { fixBy: '2026-03-25', missing: ['substance'] } }]);
  assert.equal(windowOf(fix, '2026-03-25', 'fix')!.open, true);
  assert.equal(windowOf(fix, '2026-03-26', 'fix')!.open, false);
  assert.equal(windowOf({ ...fix, fixedOn: '2026-03-20' }, '2026-03-21', 'fix')!.open, false);
  assert.equal(windowOf(fix, '2026-03-20', 'withdraw')!.open, true);
  assert.equal(windowOf(fix, '2026-03-20', 'rate')!.open, false);
  const ended = state([{ code: '4.15', decisionDate: '2026-03-20', data: { favourable: true } }]);
  assert.equal(windowOf(ended, '2026-03-20', 'withdraw')!.open, false);
  assert.equal(windowOf(ended, '2026-03-20', 'rate')!.open, true);
});

test('published figures: counts of 1–4 and the shares that would give them away are empty (EA-08)', () => {
  assert.deepEqual([0, 1, 4, 5, 120].map(suppressed), [0, null, null, 5, 120]);
  assert.equal(publishedShare(2, 8), null);
  assert.equal(publishedShare(6, 8), 0.75);
  assert.equal(publishedShare(3, 3), null);
  assert.equal(publishedShare(0, 0), null);
  assert.equal(open311Status('withdrawn'), 'closed');
  assert.equal(open311Status('hearing'), 'open');
  const csv = toCsv(DATASETS[1]!, [
    { organization_code: 'X', organization_name_kk: 'А, "Б"', organization_name_ru: 'В', year: 2026, month: 3, issue_category: null, channel: 'post', status: 'registered', appeals: null },
  ]);
  assert.equal(csv.split('\r\n')[1], 'X,"А, ""Б""",В,2026,3,,post,registered,');
});
