// Pure rules of the accounting around 1-ТӨ: indicators (on-time share, overdue, electronic, personal
// reception, contact centre), the outage journal's 24 hours (rules p.31), the reconciliation
// window (p.34) and what reconciliation compares.
import type { IsoDate } from './calendar.ts';
import { cardInCell } from './form1.ts';

// ---------------------------------------------------------------------------------------------
// Indicators (issue 5 §8): by organization and month, each one defined by the cells of the 1-ТӨ
// report of that month (issue 10, item 3): cumulative from 1 January like the report (the flows of
// months 1..M, the stocks at the end of M: cumulativeCells), and "overdue at the end of the month"
// only once that month is over — before, the cell is a forecast that an appeal still in time will
// be late, which the overview (overdue now) rightly does not count.

/** The tables of the review (every document type once). */
export const REVIEW_TABLES = ['s2t1', 's2t2', 's3t1', 's3t2', 's3t3', 's3t4'] as const;

export interface MonthCells {
  /** 'table/column' → n, the cells of one month (flows of the month, stocks at its end). */
  get(key: string): number | undefined;
}

export interface Indicators {
  received: number;
  reviewed: number;
  decidedLate: number;
  /** Reviewed within the due date, of the reviewed; null when nothing was reviewed. */
  onTimeShare: number | null;
  /** In review and past the due date at the end of the month; null while the month is not over. */
  overdueAtEnd: number | null;
  electronicShare: number | null;
  receptionShare: number | null;
  contactCentreShare: number | null;
}

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

/** The cells of the report for month `month` from the cells of each month: flows summed over
 *  months 1..month, `stock` cells (table/column) of that month alone (as src/statistics/store.ts, reportSums). */
export function cumulativeCells(ofMonth: (m: number) => ReadonlyMap<string, number>, month: number, stock: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (let m = 1; m <= month; m++) {
    for (const [k, n] of ofMonth(m)) if (m === month || !stock.has(k)) out.set(k, (out.get(k) ?? 0) + n);
  }
  return out;
}

/** The indicators of the report's cells for a month; `monthOver`: its last day has passed. */
export function indicatorsOf(cells: MonthCells, monthOver: boolean): Indicators {
  const v = (k: string) => cells.get(k) ?? 0;
  const sum = (column: string) => REVIEW_TABLES.reduce((n, t) => n + v(`${t}/${column}`), 0);
  const received = v('s1/received');
  const reviewed = sum('reviewed');
  const decidedLate = sum('decidedLate');
  return {
    received,
    reviewed,
    decidedLate,
    onTimeShare: share(reviewed - decidedLate, reviewed),
    overdueAtEnd: monthOver ? sum('overdueAtEnd') : null,
    electronicShare: share(v('s1/form.electronic'), received),
    receptionShare: share(v('s1/fromReception'), received),
    contactCentreShare: share(v('s1/channel.contactCentre'), received),
  };
}

/** The cells indicatorsOf reads. */
export const INDICATOR_CELLS: readonly string[] = [
  's1/received',
  's1/form.electronic',
  's1/fromReception',
  's1/channel.contactCentre',
  ...REVIEW_TABLES.flatMap((t) => [`${t}/reviewed`, `${t}/decidedLate`, `${t}/overdueAtEnd`]),
];

// ---------------------------------------------------------------------------------------------
// Outages (p.31)

export const BACKFILL_HOURS = 24;

/** Entered into the system more than 24 hours after access was restored: a violation. */
export function paperJournalEntryLate(restoredAt: Date, enteredAt: Date): boolean {
  return enteredAt.getTime() > restoredAt.getTime() + BACKFILL_HOURS * 3_600_000;
}

// ---------------------------------------------------------------------------------------------
// Reconciliation (p.34): from the 1st to the 8th of a month, the previous month's figures.

export const RECONCILIATION_LAST_DAY = 8;

/** The period reconciled on `today`, or null outside the window. */
export function reconciliationPeriod(today: IsoDate): { year: number; month: number } | null {
  if (Number(today.slice(8, 10)) > RECONCILIATION_LAST_DAY) return null;
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? { year: y - 1, month: 12 } : { year: y, month: m - 1 };
}

/** What is reconciled of one card for a period: received, reviewed, and the result of the review. */
export interface ReconciledCard {
  received: boolean;
  reviewed: boolean;
  /** The result column ('actFavourable', 'terminated' …) the card counts in, if reviewed. */
  result: string | null;
}

/** The reconciled facts of a card from its cells (src/domain/form1.ts), for month `month` cumulative. */
export function reconciledCard(cells: ReadonlyMap<number, readonly string[]>, year: number, month: number, table: { id: string; resultColumns: readonly string[] } | undefined): ReconciledCard {
  const received = cardInCell(cells, year, month, 's1', 'received', 'flow');
  if (!table) return { received, reviewed: false, result: null };
  const reviewed = cardInCell(cells, year, month, table.id, 'reviewed', 'flow');
  const result = reviewed ? (table.resultColumns.find((c) => cardInCell(cells, year, month, table.id, c, 'flow')) ?? null) : null;
  return { received, reviewed, result };
}

export function sameReconciledCard(a: ReconciledCard | undefined, b: ReconciledCard | undefined): boolean {
  const x = a ?? { received: false, reviewed: false, result: null };
  const y = b ?? { received: false, reviewed: false, result: null };
  return x.received === y.received && x.reviewed === y.reviewed && x.result === y.result;
}

/** Totals of one side: received, reviewed, and reviewed by result. */
export function reconciliationCounts(cards: Iterable<ReconciledCard>): { received: number; reviewed: number; results: Record<string, number> } {
  const out = { received: 0, reviewed: 0, results: {} as Record<string, number> };
  for (const c of cards) {
    if (c.received) out.received++;
    if (c.reviewed) out.reviewed++;
    if (c.result) out.results[c.result] = (out.results[c.result] ?? 0) + 1;
  }
  return out;
}
