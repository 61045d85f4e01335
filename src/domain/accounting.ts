// Pure rules of the accounting around 1-ТӨ: indicators (on-time share, overdue, electronic, personal
// reception, contact centre), the outage journal's 24 hours (rules p.31), the reconciliation
// window (p.34) and what reconciliation compares.
import type { IsoDate } from './calendar.ts';
import { cardInCell } from './form1.ts';

// ---------------------------------------------------------------------------------------------
// Indicators (issue 5 §8): by organization and month, from the 1-ТӨ cells of that month alone.

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
  overdueAtEnd: number;
  electronicShare: number | null;
  receptionShare: number | null;
  contactCentreShare: number | null;
}

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

export function indicatorsOf(cells: MonthCells): Indicators {
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
    overdueAtEnd: sum('overdueAtEnd'),
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
