// The SQL of the statistics: report sums over the aggregates, the cards behind a cell, formed reports.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { cellKey } from '../domain/form1.ts';
import { FORM1_TABLES } from './form1-layout.ts';
import { countedPredicate, type CountedOrganizations } from './scope.ts';

export interface RowOrganization {
  id: number;
  code: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  report_row: number | null;
  parent_id: number | null;
}

const ORG_COLUMNS = ['id', 'code', 'name_kk', 'name_ru', 'name_en', 'report_row', 'parent_id'] as const;

/** The organizations with a report row, in the report's order. */
export async function reportRowOrganizations(db: Db): Promise<RowOrganization[]> {
  return db.selectFrom('organizations').select(ORG_COLUMNS).where('report_row', 'is not', null).orderBy('report_row').orderBy('id').execute();
}

export async function organizationWithChildren(db: Db, id: number): Promise<{ self: RowOrganization | undefined; children: RowOrganization[] }> {
  const [self, children] = await Promise.all([
    db.selectFrom('organizations').select(ORG_COLUMNS).where('id', '=', id).executeTakeFirst(),
    db.selectFrom('organizations').select(ORG_COLUMNS).where('parent_id', '=', id).orderBy('id').execute(),
  ]);
  return { self, children };
}

/** A row of the report: the organization whose subtree it sums, or only its own cards. */
export interface RowSpec {
  organizationId: number;
  ownOnly: boolean;
}

/** `table/column` of the stock columns: read in the month itself, not summed over the months. */
export const STOCK_CELLS = FORM1_TABLES.flatMap((t) => t.columns.filter((c) => c.kind === 'stock').map((c) => `${t.id}/${c.key}`));

/**
 * What each row sums, as SQL (i, organization_id, own): a subtree row reads its organization's
 * subtree sums (stat_subtree_cells) when the whole subtree is counted; when only part of it is (a
 * territorial department's territory), the sums of the counted organizations below it that have no
 * counted parent — the counted organizations are closed downwards, so these few roots cover exactly
 * the counted part. An "own" row reads the organization's own cells (stat_cells) when it is counted.
 */
function rowTargets(rows: RowSpec[], counted: CountedOrganizations) {
  const r = sql`(SELECT x.i, x.organization_id, x.own_only
      FROM jsonb_to_recordset(${JSON.stringify(rows.map((r, i) => ({ i, organization_id: r.organizationId, own_only: r.ownOnly })))}::jsonb)
        AS x(i integer, organization_id integer, own_only boolean))`;
  if ('all' in counted) return sql`SELECT r.i, r.organization_id, r.own_only AS own FROM ${r} r`;
  const pred = (column: string) => countedPredicate(counted, sql.ref(column));
  return sql`
    SELECT r.i, r.organization_id, r.own_only AS own FROM ${r} r WHERE ${pred('r.organization_id')}
    UNION ALL
    SELECT r.i, c.descendant_id, false FROM ${r} r
    JOIN organization_closure c ON c.ancestor_id = r.organization_id AND c.depth > 0
    JOIN organizations o ON o.id = c.descendant_id
    WHERE NOT r.own_only AND NOT ${pred('r.organization_id')}
      AND ${pred('o.id')} AND (o.parent_id IS NULL OR NOT ${pred('o.parent_id')})`;
}

/**
 * The sums of the report for month `month` of `year`: flow cells of months 1..month, stock cells
 * of the month, each row over its organization's subtree or its own cards, counting only the
 * counted organizations. Returns `row index` → `table/column` → n.
 */
export async function reportSums(db: Db, year: number, month: number, rows: RowSpec[], counted: CountedOrganizations): Promise<Map<number, Map<string, number>>> {
  const out = new Map<number, Map<string, number>>();
  if (rows.length === 0) return out;
  const months = sql`s.year = ${year}::integer AND s.month <= ${month}::integer
      AND (s.month = ${month}::integer OR (s.table_id || '/' || s.column_key) <> ALL(${STOCK_CELLS}::text[]))`;
  const result = await sql<{ i: number; table_id: string; column_key: string; n: number }>`
    WITH t AS (${rowTargets(rows, counted)})
    SELECT i, table_id, column_key, sum(n)::bigint AS n FROM (
      SELECT t.i, s.table_id, s.column_key, s.n FROM t JOIN stat_subtree_cells s ON s.organization_id = t.organization_id WHERE NOT t.own AND ${months}
      UNION ALL
      SELECT t.i, s.table_id, s.column_key, s.n FROM t JOIN stat_cells s ON s.organization_id = t.organization_id WHERE t.own AND ${months}
    ) x
    GROUP BY i, table_id, column_key
  `.execute(db);
  for (const row of result.rows) {
    let m = out.get(row.i);
    if (!m) out.set(row.i, (m = new Map()));
    m.set(`${row.table_id}/${row.column_key}`, Number(row.n));
  }
  return out;
}

/** The cards whose cells name the cell (flow: any month 1..month; stock: the month): the
 *  candidates of a drill-down, which the pure rules then check one by one. */
export async function cellCandidates(
  db: Db,
  year: number,
  month: number,
  table: string,
  column: string,
  kind: 'flow' | 'stock',
  row: RowSpec | null,
  counted: CountedOrganizations,
): Promise<{ appeal_id: string; local: boolean }[]> {
  const keys = kind === 'stock' ? [cellKey(table, column, month)] : Array.from({ length: month }, (_, i) => cellKey(table, column, i + 1));
  const result = await sql<{ appeal_id: string; local: boolean }>`
    SELECT cc.appeal_id, EXISTS (SELECT 1 FROM appeals a WHERE a.id = cc.appeal_id) AS local
    FROM card_cells cc
    WHERE cc.year = ${year}::integer
      AND cc.cells ?| ${keys}::text[]
      AND ${row ? sql`cc.organization_id IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = ${row.organizationId}::integer ${row.ownOnly ? sql`AND depth = 0` : sql``})` : sql`true`}
      AND ${countedPredicate(counted, sql.ref('cc.organization_id'))}
    ORDER BY cc.appeal_id
  `.execute(db);
  return result.rows;
}

export interface CardSummary {
  id: string;
  registration_number: string;
  registration_date: string;
  document_type: string;
  status: string;
  organization_id: number;
  organization_code: string;
  summary: string;
}

/** What a drill-down lists of each card: local appeals, and cards imported from other instances. */
export async function cardSummaries(db: Db, localIds: string[], importedKeys: string[]): Promise<CardSummary[]> {
  const [local, imported] = await Promise.all([
    localIds.length
      ? db
          .selectFrom('appeals as a')
          .innerJoin('organizations as o', 'o.id', 'a.organization_id')
          .select(['a.id', 'a.registration_number', 'a.registration_date', 'a.document_type', 'a.status', 'a.organization_id', 'o.code as organization_code', 'a.summary'])
          .where('a.id', 'in', localIds)
          .execute()
      : [],
    importedKeys.length
      ? sql<CardSummary>`
          SELECT r.card_key AS id, r.record->>'registrationNumber' AS registration_number, r.record->>'registrationDate' AS registration_date,
                 r.record->>'documentType' AS document_type, r.record->>'status' AS status, r.organization_id,
                 o.code AS organization_code, r.record->>'summary' AS summary
          FROM imported_records r JOIN organizations o ON o.id = r.organization_id
          WHERE r.kind = 'tzh1' AND r.card_key = ANY(${importedKeys}::uuid[])`
          .execute(db)
          .then((x) => x.rows)
      : [],
  ]);
  return [...local, ...imported].sort((a, b) => (a.registration_date < b.registration_date ? -1 : a.registration_date > b.registration_date ? 1 : a.registration_number.localeCompare(b.registration_number)));
}

/** The cells of each month 1..month (not summed over months) for the rows: row → month → 'table/column' → n. */
export async function monthlySums(db: Db, year: number, month: number, rows: RowSpec[], counted: CountedOrganizations, cells: readonly string[]): Promise<Map<number, Map<number, Map<string, number>>>> {
  const out = new Map<number, Map<number, Map<string, number>>>();
  if (rows.length === 0) return out;
  const where = sql`s.year = ${year}::integer AND s.month <= ${month}::integer AND (s.table_id || '/' || s.column_key) = ANY(${[...cells]}::text[])`;
  const result = await sql<{ i: number; month: number; cell: string; n: number }>`
    WITH t AS (${rowTargets(rows, counted)})
    SELECT i, month, cell, sum(n)::bigint AS n FROM (
      SELECT t.i, s.month, s.table_id || '/' || s.column_key AS cell, s.n FROM t JOIN stat_subtree_cells s ON s.organization_id = t.organization_id WHERE NOT t.own AND ${where}
      UNION ALL
      SELECT t.i, s.month, s.table_id || '/' || s.column_key AS cell, s.n FROM t JOIN stat_cells s ON s.organization_id = t.organization_id WHERE t.own AND ${where}
    ) x
    GROUP BY i, month, cell
  `.execute(db);
  for (const row of result.rows) {
    let byMonth = out.get(row.i);
    if (!byMonth) out.set(row.i, (byMonth = new Map()));
    let m = byMonth.get(row.month);
    if (!m) byMonth.set(row.month, (m = new Map()));
    m.set(row.cell, Number(row.n));
  }
  return out;
}
