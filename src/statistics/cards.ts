// What a card contributes, kept up to date in the transaction that changes the card.
//
// cardsChanged(trx, ids, at) is the hook the one door of appeal changes (src/appeals/change.ts)
// calls last in the transaction of a change: it reads the cards' export records (ТЖ-1, ТЖ-2, АИ-1: the SQL functions of
// 0004_statistics), computes each card's 1-ТӨ cells with the pure rules (src/domain/form1.ts),
// applies the difference to the aggregates (stat_cells, card_cells: refreshCardCells) and appends
// the records that changed to the daily-export journal — one read and one write statement.
// The statistics rows it locks are locked in one order (the primary key's), so concurrent
// changes never deadlock on them, and at the end of the transaction, so they are held briefly.
//
// New registrations are stored by one statement per batch (src/intake/store.ts); for them this
// module gives what that statement needs: the cells of each new card in both variants the
// statement decides between (duplicate candidate or not), the parts that add the chosen cells after
// the duplicate check and before the statement takes the year's counter row (newCardPrelude), and
// those that store card_cells and the journal once the numbers are known (newCardStatements).
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/connection.ts';
import { DEFAULT_TIME_ZONE, localDateTime, type IsoDate } from '../domain/calendar.ts';
import { cardCells, cellDelta, cellKey, form1Card, parseCellKey, type Form1Card, type Tzh1ForForm1, type Tzh2ForForm1 } from '../domain/form1.ts';
import { FORM1_TABLES } from './form1-layout.ts';

/** Days of the journal and years of the cells are those of Kazakhstan (one time zone, UTC+5). */
export const STATISTICS_TIME_ZONE = DEFAULT_TIME_ZONE;

export function statisticsDay(at: Date): IsoDate {
  return localDateTime(at, STATISTICS_TIME_ZONE).date;
}

/** Cells are kept up to the current year for cards still in review. */
function untilYearOf(at: Date): number {
  return Number(statisticsDay(at).slice(0, 4));
}

type Cells = Map<number, string[]>;

export interface LoadedCard {
  id: string;
  organizationId: number;
  tzh1: Record<string, unknown> & Tzh1ForForm1;
  tzh2: (Record<string, unknown> & Tzh2ForForm1)[];
  ai1: Record<string, unknown>[];
  oldCells: Cells;
  /** The last journaled version of each record: `kind/id` → canonical JSON (null: deleted). */
  journaled: Map<string, string | null>;
  /** Imported from another instance (not journaled again). */
  imported: boolean;
}

export function cardOf(c: Pick<LoadedCard, 'id' | 'organizationId' | 'tzh1' | 'tzh2'>): Form1Card {
  return form1Card(c.id, c.organizationId, c.tzh1, c.tzh2, STATISTICS_TIME_ZONE);
}

export function cellsOf(card: Form1Card, at: Date): Cells {
  return cardCells(card, FORM1_TABLES, untilYearOf(at));
}

/** JSON with object keys sorted at every level: equal records give equal text. */
export function canonicalJson(x: unknown): string {
  return JSON.stringify(sortKeys(x));
}

function sortKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(sortKeys);
  if (x && typeof x === 'object' && !(x instanceof Date)) {
    return Object.fromEntries(
      Object.keys(x as object)
        .sort()
        .map((k) => [k, sortKeys((x as Record<string, unknown>)[k])]),
    );
  }
  return x;
}

function cellsFromRows(rows: [number, string[]][] | null): Cells {
  return new Map((rows ?? []).map(([y, cells]) => [Number(y), cells]));
}

interface CardRow {
  id: string;
  organization_id: number;
  tzh1: LoadedCard['tzh1'];
  tzh2: LoadedCard['tzh2'] | null;
  ai1: Record<string, unknown>[] | null;
  old_cells: [number, string[]][] | null;
  journaled: [string, string, Record<string, unknown> | null][] | null;
}

/** This instance's cards, locked (FOR NO KEY UPDATE: two changes of one card take turns). */
export async function loadLocalCards(db: Db, ids: readonly string[], options: { lock?: boolean; journal?: boolean } = {}): Promise<LoadedCard[]> {
  if (ids.length === 0) return [];
  const lock = options.lock ?? true;
  const journal = options.journal ?? true;
  const result = await sql<CardRow>`
    SELECT a.id, a.organization_id, export_tzh1(a) AS tzh1,
      (SELECT jsonb_agg(export_tzh2(d) ORDER BY d.decided_at, d.id) FROM decisions d WHERE d.appeal_id = a.id) AS tzh2,
      (SELECT jsonb_agg(export_ai1(c) ORDER BY c.position) FROM applicant_cards c WHERE c.appeal_id = a.id) AS ai1,
      (SELECT jsonb_agg(jsonb_build_array(cc.year, cc.cells)) FROM card_cells cc WHERE cc.appeal_id = a.id) AS old_cells,
      ${
        journal
          ? sql`(SELECT jsonb_agg(jsonb_build_array(j.kind, j.record_id, j.record)) FROM (
                   SELECT DISTINCT ON (e.kind, e.record_id) e.kind, e.record_id, e.record
                   FROM export_journal e WHERE e.appeal_id = a.id ORDER BY e.kind, e.record_id, e.seq DESC) j)`
          : sql`NULL`
      } AS journaled
    FROM appeals a
    WHERE a.id = ANY(${[...new Set(ids)]}::uuid[])
    ORDER BY a.id
    ${lock ? sql`FOR NO KEY UPDATE OF a` : sql``}
  `.execute(db);
  return result.rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    tzh1: r.tzh1,
    tzh2: r.tzh2 ?? [],
    ai1: r.ai1 ?? [],
    oldCells: cellsFromRows(r.old_cells),
    journaled: new Map((r.journaled ?? []).map(([kind, id, record]) => [`${kind}/${id}`, record === null ? null : canonicalJson(record)])),
    imported: false,
  }));
}

/** Cards imported from other instances, by their local key. */
export async function loadImportedCards(db: Db, keys: readonly string[]): Promise<LoadedCard[]> {
  if (keys.length === 0) return [];
  const result = await sql<CardRow>`
    SELECT r.card_key AS id, r.organization_id, r.record AS tzh1,
      (SELECT jsonb_agg(d.record ORDER BY d.record->>'decidedAt', d.record_id) FROM imported_records d
        WHERE d.card_key = r.card_key AND d.kind = 'tzh2' AND d.record IS NOT NULL) AS tzh2,
      NULL::jsonb AS ai1,
      (SELECT jsonb_agg(jsonb_build_array(cc.year, cc.cells)) FROM card_cells cc WHERE cc.appeal_id = r.card_key) AS old_cells,
      NULL::jsonb AS journaled
    FROM imported_records r
    WHERE r.kind = 'tzh1' AND r.card_key = ANY(${[...new Set(keys)]}::uuid[])
    ORDER BY r.card_key
  `.execute(db);
  return result.rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    // a deleted card (record NULL) counts nothing; its old cells are taken back
    tzh1: r.tzh1 ?? ({ deleted: true } as unknown as LoadedCard['tzh1']),
    tzh2: r.tzh2 ?? [],
    ai1: [],
    oldCells: cellsFromRows(r.old_cells),
    journaled: new Map(),
    imported: true,
  }));
}

interface CardCellRow {
  appeal_id: string;
  organization_id: number;
  year: number;
  cells: string[];
}

interface StatDelta {
  organization_id: number;
  year: number;
  month: number;
  table_id: string;
  column_key: string;
  n: number;
}

interface JournalRow {
  day: string;
  organization_id: number;
  appeal_id: string;
  kind: string;
  record_id: string;
  record: Record<string, unknown> | null;
  at: string;
}

/** Sorted by the primary key of stat_cells: the order every statement locks its rows in. */
function sortDeltas(deltas: StatDelta[]): StatDelta[] {
  const key = (d: StatDelta) => [d.year, d.organization_id, d.table_id, d.column_key, d.month] as const;
  return deltas.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      if (ka[i]! < kb[i]!) return -1;
      if (ka[i]! > kb[i]!) return 1;
    }
    return 0;
  });
}

function deltasOf(changes: { organizationId: number; before: Cells; after: Cells }[]): StatDelta[] {
  const sum = new Map<string, StatDelta>();
  for (const ch of changes) {
    for (const [k, n] of cellDelta(ch.before, ch.after)) {
      const [year, cell] = k.split('|');
      const { table, column, month } = parseCellKey(cell!);
      const id = `${ch.organizationId}|${year}|${cell}`;
      const d = sum.get(id);
      if (d) d.n += n;
      else sum.set(id, { organization_id: ch.organizationId, year: Number(year), month, table_id: table, column_key: column, n });
    }
  }
  return sortDeltas([...sum.values()].filter((d) => d.n !== 0));
}

/**
 * Adds the deltas to stat_cells (the organization's own cells) and to stat_subtree_cells (the cells
 * of the organization and of each of its ancestors), rows created as needed: the CTEs
 * `${name}_own` and `${name}_subtree` of a statement. Rows are locked in primary-key order,
 * stat_cells first (the second part reads the first's result, so it runs after); a later part of
 * the statement that reads `${name}_subtree` runs after both.
 */
function deltaCtes(name: string, deltas: StatDelta[] | RawBuilder<unknown>) {
  const x = sql.raw(`${name}_x`);
  const own = sql.raw(`${name}_own`);
  const subtree = sql.raw(`${name}_subtree`);
  const source = Array.isArray(deltas)
    ? sql`SELECT * FROM jsonb_to_recordset(${JSON.stringify(sortDeltas(deltas))}::jsonb)
        AS x(organization_id integer, year integer, month integer, table_id text, column_key text, n integer)`
    : deltas;
  return sql`${x} AS (${source}), ${own} AS (
      INSERT INTO stat_cells AS s (organization_id, year, month, table_id, column_key, n)
      SELECT x.organization_id, x.year, x.month, x.table_id, x.column_key, x.n FROM ${x} x
      ORDER BY x.year, x.organization_id, x.table_id, x.column_key, x.month
      ON CONFLICT (year, organization_id, table_id, column_key, month) DO UPDATE SET n = s.n + EXCLUDED.n
      RETURNING 1
    ), ${subtree} AS (
      INSERT INTO stat_subtree_cells AS s (organization_id, year, month, table_id, column_key, n)
      SELECT c.ancestor_id, x.year, x.month, x.table_id, x.column_key, sum(x.n)::integer
      FROM ${x} x JOIN organization_closure c ON c.descendant_id = x.organization_id
      WHERE (SELECT count(*) FROM ${own}) >= 0
      GROUP BY c.ancestor_id, x.year, x.month, x.table_id, x.column_key
      ORDER BY x.year, c.ancestor_id, x.table_id, x.column_key, x.month
      ON CONFLICT (year, organization_id, table_id, column_key, month) DO UPDATE SET n = s.n + EXCLUDED.n
      RETURNING 1
    )`;
}

/**
 * The cards changed: their 1-ТӨ cells are computed anew and the difference applied (stat_cells,
 * card_cells), and their changed records are appended to the daily-export journal. Call it last
 * in the transaction that changed them, with the instant of the change.
 */
export async function cardsChanged(db: Db, appealIds: readonly string[], at: Date): Promise<void> {
  const cards = await loadLocalCards(db, appealIds);
  await storeChanges(db, cards, at, { journal: true });
}

/** The aggregates only (no journal): refreshCardCells of the design. */
export async function refreshCardCells(db: Db, appealIds: readonly string[], at: Date): Promise<void> {
  const cards = await loadLocalCards(db, appealIds, { journal: false });
  await storeChanges(db, cards, at, { journal: false });
}

/** The same for cards imported from other instances (src/exports/import.ts). */
export async function importedCardsChanged(db: Db, cardKeys: readonly string[], at: Date): Promise<void> {
  await storeChanges(db, await loadImportedCards(db, cardKeys), at, { journal: false });
}

async function storeChanges(db: Db, cards: LoadedCard[], at: Date, options: { journal: boolean }): Promise<void> {
  if (cards.length === 0) return;
  const changes = cards.map((c) => ({ card: c, organizationId: c.organizationId, before: c.oldCells, after: cellsOf(cardOf(c), at) }));
  const deltas = deltasOf(changes);
  const rows: CardCellRow[] = changes.flatMap((ch) => [...ch.after.entries()].map(([year, cells]) => ({ appeal_id: ch.card.id, organization_id: ch.organizationId, year, cells })));
  const journal = options.journal ? journalRows(cards, at) : [];
  const ids = cards.map((c) => c.id);
  await sql`
    WITH dropped AS (
      DELETE FROM card_cells c
      WHERE c.appeal_id = ANY(${ids}::uuid[])
        AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(appeal_id uuid, year integer)
                        WHERE r.appeal_id = c.appeal_id AND r.year = c.year)
    ), kept AS (
      INSERT INTO card_cells AS c (appeal_id, organization_id, year, cells)
      SELECT r.appeal_id, r.organization_id, r.year, r.cells
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(appeal_id uuid, organization_id integer, year integer, cells jsonb)
      ORDER BY r.appeal_id, r.year
      ON CONFLICT (appeal_id, year) DO UPDATE SET cells = EXCLUDED.cells, organization_id = EXCLUDED.organization_id
      WHERE c.cells IS DISTINCT FROM EXCLUDED.cells OR c.organization_id IS DISTINCT FROM EXCLUDED.organization_id
    ), journal AS (
      INSERT INTO export_journal (day, organization_id, appeal_id, kind, record_id, record, at)
      SELECT j.day, j.organization_id, j.appeal_id, j.kind, j.record_id, j.record, j.at
      FROM jsonb_to_recordset(${JSON.stringify(journal)}::jsonb) AS j(day date, organization_id integer, appeal_id uuid, kind text, record_id uuid, record jsonb, at timestamptz)
    ), ${deltaCtes('stat', deltas)}
    SELECT (SELECT count(*) FROM stat_subtree) AS n
  `.execute(db);
}

/** The records of the cards that differ from their last journaled version. */
function journalRows(cards: LoadedCard[], at: Date): JournalRow[] {
  const day = statisticsDay(at);
  const out: JournalRow[] = [];
  for (const c of cards) {
    if (c.imported) continue;
    const records: [string, string, Record<string, unknown>][] = [
      ['tzh1', c.id, c.tzh1],
      ...c.ai1.map((r): [string, string, Record<string, unknown>] => ['ai1', String(r.id), r]),
      ...c.tzh2.map((r): [string, string, Record<string, unknown>] => ['tzh2', String(r.id), r]),
    ];
    for (const [kind, id, record] of records) {
      const text = canonicalJson(record);
      if (c.journaled.get(`${kind}/${id}`) === text) continue;
      out.push({ day, organization_id: c.organizationId, appeal_id: c.id, kind, record_id: id, record, at: at.toISOString() });
    }
    // records that no longer exist (an applicant card removed by a correction)
    const present = new Set(records.map(([kind, id]) => `${kind}/${id}`));
    for (const [key, last] of c.journaled) {
      if (present.has(key) || last === null) continue;
      const [kind, id] = key.split('/');
      out.push({ day, organization_id: c.organizationId, appeal_id: c.id, kind: kind!, record_id: id!, record: null, at: at.toISOString() });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// New registrations (src/intake/store.ts: insertRegistrations)

/** What the registration statement needs to know of one new card. */
export interface NewCardStatistics {
  /** Its cells, by year, when the duplicate check finds nothing, and when it finds candidates. */
  plain: { year: number; cells: string[] }[];
  asDuplicate: { year: number; cells: string[] }[];
  day: IsoDate;
  at: string;
  /** The same cells parsed (not sent to the database: a symbol key). */
  [PARSED]?: { plain: ParsedCell[]; extra: ParsedCell[] };
}

const PARSED = Symbol('parsed cells');
interface ParsedCell {
  year: number;
  month: number;
  table: string;
  column: string;
}

/** New cards of a day mostly share their cells (same dates and attributes): computed once per kind. */
const NEW_CARD_CACHE_MAX = 5000;
const newCardCache = new Map<string, { plain: NewCardStatistics['plain']; asDuplicate: NewCardStatistics['plain']; parsed: { plain: ParsedCell[]; extra: ParsedCell[] } }>();

/** The fields of a new ТЖ-1 row the report reads (before the statement numbers it). */
export interface NewAppealForStatistics {
  id: string;
  organization_id: number;
  registration_date: string;
  due_date: string;
  document_type: string;
  form: string;
  channel: string;
  language: string;
  applicant_kind: string;
  created_at: Date | string;
  from_reception?: boolean;
}

export function newCardStatistics(appeal: NewAppealForStatistics): NewCardStatistics {
  const at = new Date(appeal.created_at);
  const tzh1 = (duplicateCandidate: boolean): Tzh1ForForm1 => ({
    documentType: appeal.document_type,
    form: appeal.form,
    channel: appeal.channel,
    applicantKind: appeal.applicant_kind,
    language: appeal.language,
    fromReception: appeal.from_reception ?? false,
    duplicateCandidate,
    originAppealId: null,
    registrationDate: appeal.registration_date,
    dueDate: appeal.due_date,
    reviewEndedOn: null,
    finalDecisionCode: null,
    answerSentAt: null,
    deemedRefusal: false,
  });
  const day = statisticsDay(at);
  const key = [appeal.document_type, appeal.form, appeal.channel, appeal.applicant_kind, appeal.language, appeal.from_reception ?? false, appeal.registration_date, appeal.due_date, day.slice(0, 4)].join('|');
  let cached = newCardCache.get(key);
  if (!cached) {
    const cells = (dup: boolean) => cellsOf(form1Card(appeal.id, appeal.organization_id, tzh1(dup), [], STATISTICS_TIME_ZONE), at);
    const plain = cells(false);
    const asDuplicate = cells(true);
    const parse = (m: Cells) => [...m.entries()].flatMap(([year, list]) => list.map((k) => ({ year, ...parseCellKey(k) })));
    const plainSet = new Set([...plain.entries()].flatMap(([y, l]) => l.map((k) => `${y}|${k}`)));
    for (const [y, l] of plain) for (const k of l) if (!asDuplicate.get(y)?.includes(k)) throw new Error('form 1-ТӨ: a duplicate candidate may only add cells');
    const list = (m: Cells) => [...m.entries()].map(([year, c]) => ({ year, cells: c }));
    cached = {
      plain: list(plain),
      asDuplicate: list(asDuplicate),
      parsed: { plain: parse(plain), extra: parse(asDuplicate).filter((c) => !plainSet.has(`${c.year}|${cellKey(c.table, c.column, c.month)}`)) },
    };
    if (newCardCache.size >= NEW_CARD_CACHE_MAX) newCardCache.clear();
    newCardCache.set(key, cached);
  }
  return { plain: cached.plain, asDuplicate: cached.asDuplicate, day, at: at.toISOString(), [PARSED]: cached.parsed };
}

/**
 * The parts of the registration statement that add the new cards' cells (CTEs `stat_prelude_own`,
 * `stat_prelude_subtree`): after the duplicate check (`dup`, by `ord`, the card's place in the
 * batch from 1), whose answer adds the cells only a duplicate candidate has, and before the counter
 * — the counter CTE reads `stat_prelude_subtree`, so the statement never waits for a statistics row
 * while it holds the year's counter row. The lists are flat and summed here: estimates stay small
 * (nested set-returning functions would make the planner expect millions of rows and JIT-compile).
 */
export function newCardPrelude(cards: { statistics: NewCardStatistics; organizationId: number }[]): RawBuilder<unknown> {
  const sums = new Map<string, StatDelta>();
  const extra: (StatDelta & { ord: number })[] = [];
  cards.forEach((c, i) => {
    const parsed = c.statistics[PARSED]!;
    for (const p of parsed.plain) {
      const k = `${c.organizationId}|${p.year}|${p.table}|${p.column}|${p.month}`;
      const d = sums.get(k);
      if (d) d.n++;
      else sums.set(k, { organization_id: c.organizationId, year: p.year, month: p.month, table_id: p.table, column_key: p.column, n: 1 });
    }
    for (const p of parsed.extra) extra.push({ ord: i + 1, organization_id: c.organizationId, year: p.year, month: p.month, table_id: p.table, column_key: p.column, n: 1 });
  });
  const plain = [...sums.values()];
  return deltaCtes(
    'stat_prelude',
    sql`SELECT d.organization_id, d.year, d.month, d.table_id, d.column_key, sum(d.n)::integer AS n FROM (
          SELECT x.organization_id, x.year, x.month, x.table_id, x.column_key, x.n
          FROM jsonb_to_recordset(${JSON.stringify(plain)}::jsonb)
            AS x(organization_id integer, year integer, month integer, table_id text, column_key text, n integer)
          UNION ALL
          SELECT e.organization_id, e.year, e.month, e.table_id, e.column_key, e.n
          FROM jsonb_to_recordset(${JSON.stringify(extra)}::jsonb)
            AS e(ord bigint, organization_id integer, year integer, month integer, table_id text, column_key text, n integer)
          WHERE EXISTS (SELECT 1 FROM dup WHERE dup.ord = e.ord)
        ) d
        GROUP BY 1, 2, 3, 4, 5`,
  );
}

/**
 * The parts of the registration statement that store the new cards' card_cells, add the cells of
 * the duplicate candidates and journal the new ТЖ-1 and АИ-1 records. The statement provides:
 * `numbered` (ord, doc with doc->'statistics' a NewCardStatistics), `dup` (ord of duplicate
 * candidates), `appeal` (id, organization_id, tzh1 = export_tzh1 of the new row) and, when there
 * are applicant cards, `cards` (id, appeal_id, organization_id, ai1 = export_ai1 of the new row).
 */
export function newCardStatements(withApplicantCards: boolean): RawBuilder<unknown> {
  return sql`
    stat_card_cells AS (
      INSERT INTO card_cells (appeal_id, organization_id, year, cells)
      SELECT a.id, a.organization_id, y.year, y.cells
      FROM numbered n
      JOIN appeal a ON a.id = (n.doc->'appeal'->>'id')::uuid
      CROSS JOIN LATERAL jsonb_to_recordset(
        CASE WHEN EXISTS (SELECT 1 FROM dup WHERE dup.ord = n.ord) THEN n.doc->'statistics'->'asDuplicate' ELSE n.doc->'statistics'->'plain' END
      ) AS y(year integer, cells jsonb)
    ), stat_journal AS (
      INSERT INTO export_journal (day, organization_id, appeal_id, kind, record_id, record, at)
      SELECT (n.doc->'statistics'->>'day')::date, a.organization_id, a.id, 'tzh1', a.id, a.tzh1, (n.doc->'statistics'->>'at')::timestamptz
      FROM numbered n JOIN appeal a ON a.id = (n.doc->'appeal'->>'id')::uuid
      ${
        withApplicantCards
          ? sql`UNION ALL
      SELECT (n.doc->'statistics'->>'day')::date, c.organization_id, c.appeal_id, 'ai1', c.id, c.ai1, (n.doc->'statistics'->>'at')::timestamptz
      FROM cards c JOIN numbered n ON (n.doc->'appeal'->>'id')::uuid = c.appeal_id`
          : sql``
      }
    )`;
}
