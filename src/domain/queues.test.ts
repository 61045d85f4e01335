import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Calendar } from './calendar.ts';
import { AT_RISK_WORKING_DAYS, atRiskHorizon, daysLeft, onTimeShare, queuesFor, termRisk, QUEUES } from './queues.ts';

const cal = Calendar.shipped();

test('the risk of a term by working days left: at most 3 is at risk, past the due date overdue', () => {
  // Tuesday 7 April 2026; Friday 10 April is 3 working days later.
  assert.equal(daysLeft(cal, '2026-04-07', '2026-04-10'), 3);
  assert.equal(termRisk(cal, '2026-04-07', '2026-04-10', false), 'atRisk');
  assert.equal(termRisk(cal, '2026-04-07', '2026-04-13', false), 'onTrack'); // 4 working days
  assert.equal(termRisk(cal, '2026-04-07', '2026-04-07', false), 'atRisk'); // due today
  assert.equal(termRisk(cal, '2026-04-07', '2026-04-06', false), 'overdue');
  assert.equal(termRisk(cal, '2026-04-07', '2026-04-06', true), null);
  assert.equal(atRiskHorizon(cal, '2026-04-07'), '2026-04-13');
  // Nauryz (21–25 March 2026) is not counted: from Friday 20 March, 3 working days reach 27 March.
  assert.equal(daysLeft(cal, '2026-03-20', '2026-03-27'), 2);
  assert.equal(termRisk(cal, '2026-03-20', '2026-03-30', false, AT_RISK_WORKING_DAYS), 'atRisk');
});

test('the on-time share and the queues of each role', () => {
  assert.equal(onTimeShare(0, 0), null);
  assert.equal(onTimeShare(3, 2), 0.667);
  assert.deepEqual(queuesFor(['admin']), QUEUES);
  assert.ok(queuesFor(['executor']).includes('inExecution'));
  assert.ok(!queuesFor(['registrar']).includes('toSign'));
  assert.deepEqual([...queuesFor(['registrar', 'head'])].sort(), [...QUEUES].sort());
  // in the role's own order: the control department starts with what is overdue
  assert.deepEqual(queuesFor(['controller']).slice(0, 2), ['overdue', 'atRisk']);
});
