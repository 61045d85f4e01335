// The SQL of content analysis (CD-18, CD-19): appeals counted by issue category or territory in a
// period. An appeal counts once in a subtree: the cards it opened there by forwarding or splitting
// are not counted again. The territory of a card is the highest organization with a KATO code
// below the root on its way up (the district under an oblast, the rural okrug under a district),
// or the root itself.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { KAZAKH_STOP_WORDS } from '../domain/content-analysis.ts';

/** Each organization of the root's subtree and its territory: the highest organization with a
 *  KATO code below the root on its way up, or the root itself — worked out once per organization,
 *  not per appeal. */
const territories = (root: number) => sql`
  SELECT s.descendant_id AS organization_id, coalesce(k.territory_id, ${root}) AS territory_id
  FROM organization_closure s
  LEFT JOIN (
    SELECT DISTINCT ON (up.descendant_id) up.descendant_id, t.id AS territory_id
    FROM organization_closure below
    JOIN organizations t ON t.id = below.descendant_id AND t.kato IS NOT NULL
    JOIN organization_closure up ON up.ancestor_id = t.id
    WHERE below.ancestor_id = ${root} AND below.depth > 0
    ORDER BY up.descendant_id, below.depth
  ) k ON k.descendant_id = s.descendant_id
  WHERE s.ancestor_id = ${root}`;

/** The appeals of the root's subtree registered in the period, each counted once: a card opened
 *  there by forwarding or splitting another card of the subtree is not counted again. The columns
 *  are those of the appeals_content index (migration 0029), so an oblast is counted from it alone. */
const inPeriod = (root: number, from: string, to: string) => sql`
  SELECT a.id, a.organization_id, a.issue_category, a.due_date, a.review_ended_on
  FROM appeals a
  WHERE a.organization_id IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = ${root})
    AND a.registration_date BETWEEN ${from} AND ${to}
    AND (a.origin_appeal_id IS NULL OR NOT EXISTS (
      SELECT 1 FROM appeals src JOIN organization_closure sc ON sc.descendant_id = src.organization_id AND sc.ancestor_id = ${root}
      WHERE src.id = a.origin_appeal_id))`;

/** The same, each with its territory. */
const counted = (root: number, from: string, to: string) => sql`
  SELECT c.*, w.territory_id FROM (${inPeriod(root, from, to)}) c JOIN (${territories(root)}) w ON w.organization_id = c.organization_id`;

/** Counts by key in a period: counted per organization first, then summed by key — an oblast's
 *  territories join its 10,000 organizations' rows, not its 80,000 appeals (docs/performance.md). */
export async function countsBy(db: Db, root: number, from: string, to: string, groupBy: 'category' | 'territory'): Promise<Map<string, number>> {
  const r = await sql<{ key: string; n: number }>`
    WITH per AS (
      SELECT c.organization_id, coalesce(c.issue_category, 'none') AS category, count(*) AS n
      FROM (${inPeriod(root, from, to)}) c GROUP BY 1, 2)
    ${
      groupBy === 'category'
        ? sql`SELECT per.category AS key, sum(per.n)::int AS n FROM per GROUP BY 1`
        : sql`SELECT w.territory_id::text AS key, sum(per.n)::int AS n FROM per JOIN (${territories(root)}) w ON w.organization_id = per.organization_id GROUP BY w.territory_id`
    }`.execute(db);
  return new Map(r.rows.map((x) => [x.key, Number(x.n)]));
}

/** Counts and applicants by category × territory in a period. */
export async function cells(db: Db, root: number, from: string, to: string) {
  const r = await sql<{ category: string; territory_id: number; n: number; applicants: number }>`
    SELECT coalesce(c.issue_category, 'none') AS category, c.territory_id, count(DISTINCT c.id)::int AS n,
      count(DISTINCT coalesce(p.iin, p.bin, lower(p.last_name) || coalesce(p.phone_mobile, ''), p.id::text))::int AS applicants
    FROM (${counted(root, from, to)}) c LEFT JOIN applicant_cards p ON p.appeal_id = c.id
    GROUP BY 1, 2`.execute(db);
  return r.rows.map((x) => ({ ...x, n: Number(x.n), applicants: Number(x.applicants), territory_id: Number(x.territory_id) }));
}

export async function categoryLabels(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db.selectFrom('directory_entries').select(['code', 'label_kk', 'label_ru', 'label_en']).where('directory', '=', 'issueCategory').where('code', 'in', codes).execute();
}

export async function organizationsById(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('organizations').select(['id', 'code', 'kato', 'name_kk', 'name_ru', 'name_en']).where('id', 'in', ids).execute();
}

/** The most frequent words of the appeals' summaries and texts in one language (by the number of
 *  appeals that use each), PostgreSQL full-text search with `config`. */
export async function frequentWords(db: Db, root: number, from: string, to: string, language: 'kk' | 'ru', config: 'russian' | 'simple', limit: number) {
  const r = await sql<{ word: string; n: number }>`
    SELECT w AS word, count(*)::int AS n
    FROM (${counted(root, from, to)}) c JOIN appeals t ON t.id = c.id,
      unnest(tsvector_to_array(to_tsvector(${config}::regconfig, t.summary || ' ' || t.text))) w
    WHERE t.language = ${language} AND char_length(w) >= 3 AND w !~ '^[0-9]+$'
      AND w <> ALL (${sql.val([...KAZAKH_STOP_WORDS])}::text[])
    GROUP BY w ORDER BY n DESC, w LIMIT ${limit}`.execute(db);
  return r.rows.map((x) => ({ word: x.word, count: Number(x.n) }));
}

/** CD-08, CD-12: by territory, the appeals of the period, those still open, and those whose term
 *  was broken (ended late, or open past the due date). */
export async function territoryFigures(db: Db, root: number, from: string, to: string, today: string) {
  const r = await sql<{ territory_id: number; n: number; open: number; overdue: number }>`
    WITH per AS (
      SELECT c.organization_id, count(*) AS n,
        count(*) FILTER (WHERE c.review_ended_on IS NULL) AS open,
        count(*) FILTER (WHERE (c.review_ended_on IS NULL AND c.due_date < ${today}) OR c.review_ended_on > c.due_date) AS overdue
      FROM (${inPeriod(root, from, to)}) c GROUP BY 1)
    SELECT w.territory_id, sum(per.n)::int AS n, sum(per.open)::int AS open, sum(per.overdue)::int AS overdue
    FROM per JOIN (${territories(root)}) w ON w.organization_id = per.organization_id
    GROUP BY 1 ORDER BY 2 DESC`.execute(db);
  return r.rows.map((x) => ({ territoryId: Number(x.territory_id), appeals: Number(x.n), open: Number(x.open), overdue: Number(x.overdue) }));
}

/** CD-19: the territories right below the root — the highest organizations with a KATO code under
 *  it — whether or not they had appeals in a period (the map shows every one). */
export async function territoriesBelow(db: Db, root: number): Promise<number[]> {
  const r = await sql<{ id: number }>`
    SELECT t.id FROM organization_closure s JOIN organizations t ON t.id = s.descendant_id
    WHERE s.ancestor_id = ${root} AND s.depth > 0 AND t.kato IS NOT NULL
      AND NOT EXISTS (
        SELECT 1 FROM organization_closure up
        JOIN organizations m ON m.id = up.ancestor_id
        JOIN organization_closure s2 ON s2.descendant_id = m.id AND s2.ancestor_id = ${root}
        WHERE up.descendant_id = t.id AND up.depth > 0 AND s2.depth > 0 AND m.kato IS NOT NULL)
    ORDER BY t.id`.execute(db);
  return r.rows.map((x) => Number(x.id));
}
