import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Calendar, plusDays } from '../domain/calendar.ts';
import { SHIPPED_DAY_EXCEPTIONS } from '../domain/calendar-data.ts';
import { cardCells, cardInCell, cellDelta, duePeriods, excludedFromForm1, form1Card, form1FormationDate, statisticsTerritory, type Form1Card, type Form1Decision } from '../domain/form1.ts';
import type { DecisionCode } from '../domain/decisions.ts';
import { DOCUMENT_TYPES, type DocumentType } from '../domain/vocabulary.ts';
import { FORM1_TABLES, RESULT_GROUP } from './form1-layout.ts';

const cal = new Calendar(SHIPPED_DAY_EXCEPTIONS);

function card(over: Partial<Form1Card> = {}): Form1Card {
  return {
    id: 'c1',
    organizationId: 7,
    documentType: 'application',
    form: 'paper',
    channel: 'post',
    applicantKind: 'individual',
    language: 'kk',
    fromReception: false,
    duplicateCandidate: false,
    forwardedIn: false,
    registrationDate: '2026-03-18',
    dueDate: '2026-04-09',
    endedOn: null,
    finalDecision: null,
    decisions: [],
    answerSentOn: null,
    deemedRefusal: false,
    deleted: false,
    ...over,
  };
}

const cellsOf = (c: Form1Card, until = 2026) => cardCells(c, FORM1_TABLES, until);
const has = (c: Form1Card, year: number, key: string, until = 2026) => cellsOf(c, until).get(year)?.includes(key) ?? false;

describe('cells of a card', () => {
  test('a registered application counts where it was registered, by every attribute, in its month', () => {
    const c = card({ form: 'electronic', channel: 'egovPortal', applicantKind: 'collective', language: 'ru' });
    for (const key of ['received', 'type.application', 'form.electronic', 'channel.egovPortal', 'applicant.collective', 'language.ru']) {
      assert.ok(has(c, 2026, `s1/${key}/3`), key);
    }
    assert.ok(has(c, 2026, 's2t1/received/3'));
    assert.ok(has(c, 2026, 's2t1/electronic/3'));
    assert.ok(has(c, 2026, 's2t1/collective/3'));
    assert.ok(!has(c, 2026, 's2t2/received/3'), 'not in the complaints table');
    assert.ok(!has(c, 2026, 's1/language.kk/3'));
  });

  test('stock: in review at the end of every month until it ends; overdue once past the due date', () => {
    const open = card();
    for (let m = 3; m <= 12; m++) assert.ok(has(open, 2026, `s2t1/inReviewAtEnd/${m}`), `month ${m}`);
    assert.ok(!has(open, 2026, 's2t1/inReviewAtEnd/2'));
    assert.ok(!has(open, 2026, 's2t1/overdueAtEnd/3'), 'due 9 April');
    assert.ok(has(open, 2026, 's2t1/overdueAtEnd/4'));
    const ended = card({ endedOn: '2026-05-04', finalDecision: '4.15', decisions: [{ code: '4.15', date: '2026-05-04', favourable: true }] });
    assert.ok(has(ended, 2026, 's2t1/inReviewAtEnd/4'));
    assert.ok(!has(ended, 2026, 's2t1/inReviewAtEnd/5'));
    assert.ok(has(ended, 2026, 's2t1/reviewed/5'));
    assert.ok(has(ended, 2026, 's2t1/actFavourable/5'));
    assert.ok(has(ended, 2026, 's2t1/decidedLate/5'), 'ended after 9 April');
    assert.ok(!has(ended, 2026, 's2t1/actUnfavourable/5'));
  });

  test('carried over into the next year, in every month of it; until the current year only while open', () => {
    const c = card({ registrationDate: '2025-12-22', dueDate: '2026-01-14' });
    assert.equal(cellsOf(c, 2025).has(2026), false, 'not beyond the current year');
    for (let m = 1; m <= 12; m++) assert.ok(has(c, 2026, `s2t1/carriedOver/${m}`));
    assert.ok(has(c, 2025, 's2t1/received/12'));
    assert.ok(!has(c, 2026, 's2t1/received/1'));
    const endedIn2026 = { ...c, endedOn: '2026-01-12', finalDecision: '4.13' as DecisionCode, decisions: [{ code: '4.13' as DecisionCode, date: '2026-01-12' }] };
    assert.ok(has(endedIn2026, 2026, 's2t1/carriedOver/7'), 'carried over stays for the year');
    assert.ok(has(endedIn2026, 2026, 's2t1/terminated/1'));
    assert.ok(!has(endedIn2026, 2026, 's2t1/inReviewAtEnd/1'));
    assert.equal(cellsOf(endedIn2026, 2030).has(2027), false, 'an ended card stops at its year');
  });

  test('attached and moved-out documents count nowhere (p.33); a cancelled move counts again', () => {
    const attached = card({ endedOn: '2026-03-18', finalDecision: '4.5', decisions: [{ code: '4.5', date: '2026-03-18' }] });
    const moved = card({ endedOn: '2026-03-18', finalDecision: '4.1', decisions: [{ code: '4.1', date: '2026-03-18' }] });
    assert.ok(excludedFromForm1(attached));
    assert.equal(cellsOf(attached).size, 0);
    assert.equal(cellsOf(moved).size, 0);
    assert.equal(cellsOf(card({ deleted: true })).size, 0);
    const cancelled = form1Card(
      'x',
      7,
      {
        documentType: 'report',
        form: 'paper',
        channel: 'post',
        applicantKind: 'individual',
        language: 'kk',
        fromReception: false,
        duplicateCandidate: false,
        originAppealId: null,
        registrationDate: '2026-03-18',
        dueDate: '2026-04-09',
        reviewEndedOn: null,
        finalDecisionCode: null,
        answerSentAt: null,
        deemedRefusal: false,
      },
      [{ id: 'd1', code: '4.1', decisionDate: '2026-03-18', decidedAt: '2026-03-18T05:00:00.000Z', cancelledAt: '2026-03-19T05:00:00.000Z', data: {} }],
      'Asia/Almaty',
    );
    assert.equal(excludedFromForm1(cancelled), false);
    assert.ok(cellsOf(cancelled).get(2026)!.includes('s3t1/received/3'));
  });

  test('events count in the month they happened', () => {
    const c = card({
      documentType: 'complaint',
      registrationDate: '2026-01-28',
      dueDate: '2026-02-25',
      endedOn: '2026-03-03',
      finalDecision: '4.21',
      deemedRefusal: true,
      answerSentOn: '2026-04-01',
      decisions: [
        { code: '4.7', date: '2026-02-02' },
        { code: '4.11', date: '2026-02-10' },
        { code: '4.21', date: '2026-03-03' },
      ],
    });
    assert.ok(has(c, 2026, 's2t2/received/1'));
    assert.ok(has(c, 2026, 's2t2/hearingHeld/2'));
    assert.ok(has(c, 2026, 's2t2/deemedRefusal/2'), 'the day after 25 February');
    assert.ok(has(c, 2026, 's2t2/complaintUnsatisfied/3'));
    assert.ok(has(c, 2026, 's2t2/answerSent/4'));
    assert.ok(cardInCell(cellsOf(c), 2026, 3, 's2t2', 'hearingHeld', 'flow'), 'flow: counted in months 1..M');
    assert.ok(!cardInCell(cellsOf(c), 2026, 1, 's2t2', 'hearingHeld', 'flow'));
    assert.ok(cardInCell(cellsOf(c), 2026, 2, 's2t2', 'inReviewAtEnd', 'stock'));
    assert.ok(!cardInCell(cellsOf(c), 2026, 3, 's2t2', 'inReviewAtEnd', 'stock'));
  });

  test('the difference of two contributions', () => {
    const before = cellsOf(card());
    const after = cellsOf(card({ endedOn: '2026-03-20', finalDecision: '4.6', decisions: [{ code: '4.6', date: '2026-03-20' }] }));
    const d = cellDelta(before, after);
    assert.equal(d.get('2026|s2t1/withdrawn/3'), 1);
    assert.equal(d.get('2026|s2t1/inReviewAtEnd/4'), -1);
    assert.equal(d.has('2026|s2t1/received/3'), false, 'unchanged cells are not in the difference');
    assert.equal(cellDelta(after, after).size, 0);
  });
});

// A deterministic generator of cards whose decisions follow the procedure.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FINALS: Record<string, DecisionCode[]> = {
  application: ['4.15', '4.13', '4.3', '4.6', '4.4'],
  complaint: ['4.15', '4.18', '4.19', '4.20', '4.21', '4.22', '4.23', '4.24', '4.13', '4.3', '4.6', '4.4'],
  simplified: ['4.25', '4.26', '4.13', '4.3', '4.6', '4.4'],
};

function randomCard(r: () => number, i: number): Form1Card {
  const type = DOCUMENT_TYPES[Math.floor(r() * 6)] as DocumentType;
  const reg = plusDays('2025-10-01', Math.floor(r() * 450));
  const due = plusDays(reg, 10 + Math.floor(r() * 40));
  const decisions: Form1Decision[] = [];
  let endedOn: string | null = null;
  let finalDecision: DecisionCode | null = null;
  if (r() < 0.2) decisions.push({ code: '4.2', date: plusDays(reg, 1) });
  if (r() < 0.2) decisions.push({ code: '4.14', date: plusDays(reg, 2) });
  if (r() < 0.2) decisions.push({ code: '4.11', date: plusDays(reg, 3) });
  if (r() < 0.1) decisions.push({ code: '4.4', date: plusDays(reg, 3), split: true });
  if (r() < 0.08) decisions.push({ code: r() < 0.5 ? '4.1' : '4.5', date: plusDays(reg, 1) });
  if (r() < 0.7) {
    const list = FINALS[type === 'application' ? 'application' : type === 'complaint' ? 'complaint' : 'simplified']!;
    finalDecision = list[Math.floor(r() * list.length)]!;
    endedOn = plusDays(reg, 4 + Math.floor(r() * 60));
    decisions.push({ code: finalDecision, date: endedOn, ...(finalDecision === '4.15' ? { favourable: r() < 0.6 } : {}) });
  }
  return card({
    id: `c${i}`,
    documentType: type,
    registrationDate: reg,
    dueDate: due,
    endedOn,
    finalDecision,
    decisions,
    deemedRefusal: endedOn === null ? r() < 0.3 : endedOn > due && r() < 0.5,
    answerSentOn: endedOn && r() < 0.8 ? plusDays(endedOn, Math.floor(r() * 3)) : null,
    form: ['paper', 'oral', 'electronic', 'video'][Math.floor(r() * 4)]!,
    forwardedIn: r() < 0.2,
    deleted: r() < 0.03,
  });
}

describe('the report adds up', () => {
  const r = rng(42);
  const cards = Array.from({ length: 3000 }, (_, i) => randomCard(r, i));
  const sums = new Map<string, number>();
  for (const c of cards) for (const [y, list] of cellsOf(c)) for (const k of list) sums.set(`${y}|${k}`, (sums.get(`${y}|${k}`) ?? 0) + 1);
  const value = (year: number, month: number, table: string, column: string) => {
    const kind = FORM1_TABLES.find((t) => t.id === table)!.columns.find((c) => c.key === column)!.kind;
    if (kind === 'stock') return sums.get(`${year}|${table}/${column}/${month}`) ?? 0;
    let n = 0;
    for (let m = 1; m <= month; m++) n += sums.get(`${year}|${table}/${column}/${m}`) ?? 0;
    return n;
  };

  test('carried over + received − reviewed = in review at the end, every table and month', () => {
    for (const t of FORM1_TABLES.filter((x) => x.id !== 's1')) {
      for (let m = 1; m <= 12; m++) {
        const lhs = value(2026, m, t.id, 'carriedOver') + value(2026, m, t.id, 'received') - value(2026, m, t.id, 'reviewed');
        assert.equal(lhs, value(2026, m, t.id, 'inReviewAtEnd'), `${t.id} month ${m}`);
      }
    }
  });

  test('the results of review add up to the reviewed', () => {
    for (const t of FORM1_TABLES.filter((x) => x.id !== 's1')) {
      const results = t.columns.filter((c) => c.group?.kk === RESULT_GROUP.kk);
      for (let m = 1; m <= 12; m++) {
        const sum = results.reduce((a, c) => a + value(2026, m, t.id, c.key), 0);
        assert.equal(sum, value(2026, m, t.id, 'reviewed'), `${t.id} month ${m}`);
      }
    }
  });

  test('section 1 counts every registered card once by type, form and channel', () => {
    for (let m = 1; m <= 12; m++) {
      const total = value(2026, m, 's1', 'received');
      const byType = DOCUMENT_TYPES.reduce((a, t) => a + value(2026, m, 's1', `type.${t}`), 0);
      assert.equal(byType, total);
      const detail = FORM1_TABLES.filter((t) => t.id !== 's1').reduce((a, t) => a + value(2026, m, t.id, 'received'), 0);
      assert.equal(detail, total);
    }
  });

  test('every card contributes to a finite set of cells that depends only on the card', () => {
    for (const c of cards.slice(0, 200)) assert.deepEqual(cellsOf(c), cellsOf(structuredClone(c)));
  });
});

describe('formation and territory', () => {
  test('the 10th of the next month, or the next working day', () => {
    assert.equal(form1FormationDate(2026, 2, cal), '2026-03-10');
    assert.equal(form1FormationDate(2026, 4, cal), '2026-05-12', '10 May is a Sunday, 11 May a day off');
    assert.equal(form1FormationDate(2026, 12, cal), '2027-01-11');
    assert.deepEqual(duePeriods('2026-03-10', cal, 2), [
      { year: 2026, month: 2 },
      { year: 2026, month: 1 },
    ]);
    assert.deepEqual(duePeriods('2026-03-09', cal, 1), []);
  });

  test('the territory of the statistics authority', () => {
    assert.deepEqual(statisticsTerritory({ kind: 'statsAuthority', kato: null }), { all: true });
    assert.deepEqual(statisticsTerritory({ kind: 'statsDepartment', kato: '110000000' }), { katoPrefix: '11' });
    assert.equal(statisticsTerritory({ kind: 'akimat', kato: '110000000' }), null);
  });
});
