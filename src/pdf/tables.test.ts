// Every PDF table of the project prints every column heading and every cell, within the page
// (issue 10 item 1; the 1-ТӨ itself: src/statistics/render.test.ts). Filled with long values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annex2Pdf } from '../contact-centre/reports.ts';
import { ANNEX2_COLUMNS } from '../domain/contact-centre.ts';
import { semiAnnualPdf } from '../instructions/report.ts';
import { quarterlyReportPdf, type QuarterlyReport } from '../reception/report.ts';
import { extractPdfItems, textOutsidePages } from './pdf-text.ts';

const bare = (s: string) => s.replace(/\s+/g, '');
const LONG = 'Ақмола облысы Бурабай ауданы әкімдігінің жер қатынастары, сәулет және қала құрылысы бөлімінің басшысы';

async function printed(pdf: Buffer): Promise<string> {
  const pages = await extractPdfItems(pdf);
  assert.deepEqual(textOutsidePages(pages), [], 'nothing runs past the page edge');
  return bare(pages.flatMap((p) => p.items.map((i) => i.str)).join(''));
}

test('contact-centre Annex 2: every column and cell', async () => {
  const rows = [1, 2, 3].map((n) => Object.fromEntries(ANNEX2_COLUMNS.map((c) => [c.key, c.n === 0 ? n : `${c.key}-${n} ${LONG}`])));
  const text = await printed(await annex2Pdf({ month: '2026-11', provider: null, dueOn: '2026-12-05', dueOnWorkingDay: true, pastDue: false, columns: ANNEX2_COLUMNS, rows }, new Date('2026-12-04T10:00:00Z')));
  for (const c of ANNEX2_COLUMNS) assert.ok(text.includes(bare(c.title.kk)) && text.includes(bare(c.title.ru)), c.key);
  for (const r of rows) for (const v of Object.values(r)) assert.ok(text.includes(bare(String(v))), String(v));
});

test('semi-annual instructions report: every column and cell', async () => {
  const rows = [1, 2].map((n) => ({
    issuer: 'akim',
    basisDocument: `Хаттама №${n}-ПР-2026`,
    text: `${n} ${LONG}`,
    mainExecutor: LONG,
    dueDate: '2026-06-30',
    state: 'removed' as const,
    acceptedOn: '2026-06-29',
    onTime: true,
  }));
  const text = await printed(
    await semiAnnualPdf({ year: 2026, half: 1, from: '2026-01-01', to: '2026-06-30', rows, totals: { total: 2, executed: 2, onTime: 2, overdue: 0, underControl: 0 } }, new Date('2026-07-01T10:00:00Z')),
  );
  for (const r of rows) for (const v of [r.basisDocument, r.text, r.mainExecutor, '30.06.2026', '29.06.2026']) assert.ok(text.includes(bare(v)), v);
  assert.ok(text.includes('01.01.2026—30.06.2026'), 'the period as dates are written (src/domain/dates.ts)');
});

test('reception quarterly report: every figure and official', async () => {
  const report = {
    year: 2026,
    quarter: 3,
    from: '2026-07-01',
    to: '2026-09-30',
    organization: { id: 1, kk: LONG, ru: LONG },
    addressee: 'presidentialAdministration',
    sessionsHeld: 101,
    sessionsCancelled: 102,
    videoSessions: 103,
    received: 104,
    outOfTurn: 105,
    protocolLines: 106,
    instructions: 107,
    instructionsOnTime: 108,
    signUps: 109,
    signUpsGivenSession: 110,
    signUpsRefused: 111,
    signUpsNotConsidered: 112,
    surveyDrawn: 113,
    surveyReached: 114,
    satisfactionAverage: 4.5,
    byOfficial: [{ officialId: 1, name: LONG, kind: 'head', sessions: 215, received: 316 }],
  } as unknown as QuarterlyReport;
  const text = await printed(await quarterlyReportPdf(report));
  for (const v of ['101', '109', '114', '4.5', '215', '316', bare(LONG), '01.07.2026–30.09.2026']) assert.ok(text.includes(v), v);
});
