// The SQL of the work queues and the overview: every queue of src/domain/queues.ts as a predicate
// over appeals in the actor's territory (access/scope.ts), with the same filters and search for the
// list, its total and the counts of every queue.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../access/actor.ts';
import { inScope } from '../access/scope.ts';
import type { IsoDate } from '../domain/calendar.ts';
import { containsFolded } from '../db/search.ts';
import { withSettings } from '../db/transaction.ts';
import { REGISTRATION_NUMBER_PATTERN, TALON_NUMBER_PATTERN } from '../domain/numbering.ts';
import { COUNT_CAP, NOT_REVIEWED_STATUSES, QUEUE_DEFINITIONS, QUEUES, type Queue, type QueueDefinition, type QueueSort } from '../domain/queues.ts';

export interface QueueFilter {
  documentType?: string;
  form?: string;
  channel?: string;
  issueCategory?: string;
  status?: string;
  executorId?: string;
  /** This organization and those below it, */
  organizationId?: number;
  /** or only its own appeals. */
  ownOnly?: boolean;
  /** Only appeals whose review still runs. */
  open?: boolean;
  /** Registration date range. */
  dateFrom?: IsoDate;
  dateTo?: IsoDate;
  /** Due date range. */
  dueFrom?: IsoDate;
  dueTo?: IsoDate;
  /** Registration number, talon number, IIN/BIN, applicant name, or words of the summary and text. */
  q?: string;
}

/** The dates the term predicates need: today at the organization and the at-risk horizon. */
export interface TermDates {
  today: IsoDate;
  horizon: IsoDate;
}

const AND = (parts: RawBuilder<SqlBool>[]) => (parts.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(parts, sql` AND `)})`);

/** The summary, text and applicant name folded, as stored with the appeal under its trigram index (migration 0030). */
const SEARCH_TEXT = sql`a.search_text`;

function likePattern(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function queueCondition(def: QueueDefinition, d: TermDates): RawBuilder<SqlBool> {
  const c: RawBuilder<SqlBool>[] = [];
  if (def.open) c.push(sql`a.review_ended_on IS NULL`);
  if (def.statuses) c.push(sql`a.status IN (${sql.join([...def.statuses])})`);
  if (def.unassigned) c.push(sql`a.executor_id IS NULL`);
  // driven from the few pending drafts and unsigned letters (their partial indexes), not from the territory's appeals
  if (def.pendingDraft) c.push(sql`a.id IN (SELECT r.appeal_id FROM decision_drafts r WHERE r.status = 'pending')`);
  if (def.unsignedLetter) c.push(sql`a.id IN (SELECT l.appeal_id FROM letters l WHERE l.signed_at IS NULL AND l.decision_id IS NOT NULL)`);
  if (def.term === 'overdue') c.push(sql`a.due_date < ${d.today}::date`);
  if (def.term === 'atRisk') c.push(sql`a.due_date >= ${d.today}::date AND a.due_date < ${d.horizon}::date`);
  return AND(c);
}

/** The territory and the filters (not the queue). */
function filterConditions(actor: Actor, f: QueueFilter): RawBuilder<SqlBool>[] {
  const c: RawBuilder<SqlBool>[] = [inScope(actor, 'a.organization_id')];
  if (f.organizationId !== undefined && f.ownOnly) c.push(sql`a.organization_id = ${f.organizationId}::integer`);
  else if (f.organizationId !== undefined) {
    c.push(sql`a.organization_id IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = ${f.organizationId}::integer)`);
  }
  if (f.open) c.push(sql`a.review_ended_on IS NULL`);
  if (f.documentType) c.push(sql`a.document_type = ${f.documentType}`);
  if (f.form) c.push(sql`a.form = ${f.form}`);
  if (f.channel) c.push(sql`a.channel = ${f.channel}`);
  if (f.issueCategory) c.push(sql`a.issue_category = ${f.issueCategory}`);
  if (f.status) c.push(sql`a.status = ${f.status}`);
  if (f.executorId) c.push(sql`a.executor_id = ${f.executorId}::uuid`);
  if (f.dateFrom) c.push(sql`a.registration_date >= ${f.dateFrom}::date`);
  if (f.dateTo) c.push(sql`a.registration_date <= ${f.dateTo}::date`);
  if (f.dueFrom) c.push(sql`a.due_date >= ${f.dueFrom}::date`);
  if (f.dueTo) c.push(sql`a.due_date <= ${f.dueTo}::date`);
  const q = f.q?.trim();
  if (q) c.push(searchCondition(q));
  return c;
}

/** Whether the filter looks for words (not an IIN or BIN, nor a whole registration or talon number). */
function searchesWords(f: QueueFilter): boolean {
  const q = f.q?.trim();
  return !!q && !/^\d{12}$/.test(q) && !REGISTRATION_NUMBER_PATTERN.test(q.toUpperCase()) && !TALON_NUMBER_PATTERN.test(q);
}

/** `fn` under the memory a search by words takes for its bitmap of matches, when the filter has
 *  words (queueItems, queueCounts). Through the trigram index an oblast's common words match over
 *  200,000 appeals of the country; at the default work_mem the bitmap could not hold them exactly,
 *  so every appeal on a page with a match was read and checked: the count took 0.9 s, 0.45 s with
 *  the bitmap exact (docs/performance-country-4.md). */
function underWordSearch<T>(db: Db, f: QueueFilter, fn: (h: Db) => Promise<T>): Promise<T> {
  return searchesWords(f) ? withSettings(db, { work_mem: '32MB' }, fn) : fn(db);
}

/** A 12-digit query is an IIN or BIN, a whole registration or talon number that number; anything else matches the registration number (any part),
 *  the talon number, or — every word — the summary, text and applicant name. */
function searchCondition(q: string): RawBuilder<SqlBool> {
  if (/^\d{12}$/.test(q)) {
    return sql`a.id IN (SELECT c.appeal_id FROM applicant_cards c WHERE c.iin = ${q} OR c.bin = ${q})`;
  }
  // a whole registration or talon number is looked up by its index, not matched against every text
  const number = q.toUpperCase();
  // the number and its split parts (…/1, …/2): '/' < '0' follow it in the index
  if (REGISTRATION_NUMBER_PATTERN.test(number)) return sql<SqlBool>`(a.registration_number = ${number} OR (a.registration_number >= ${`${number}/`} AND a.registration_number < ${`${number}0`}))`;
  if (TALON_NUMBER_PATTERN.test(q)) return sql<SqlBool>`a.talon_number = ${q}`;
  const words = q.split(/\s+/).filter(Boolean).slice(0, 8);
  const allWords = AND(words.map((w) => containsFolded(SEARCH_TEXT, w)));
  return sql`(a.registration_number ILIKE ${likePattern(q)} OR a.talon_number = ${q} OR ${allWords})`;
}

const SORT_COLUMNS: Record<QueueSort, string> = {
  registrationDate: 'a.registration_date',
  dueDate: 'a.due_date',
  registrationNumber: 'a.registration_number',
  applicantName: 'a.applicant_name',
  status: 'a.status',
};

export interface QueueRow {
  id: string;
  registration_number: string;
  talon_number: string;
  registration_date: string;
  due_date: string;
  document_type: string;
  form: string;
  channel: string;
  applicant_kind: string;
  applicant_name: string | null;
  summary: string;
  status: string;
  issue_category: string | null;
  duplicate_candidate: boolean;
  review_ended_on: string | null;
  executor_id: string | null;
  executor_name: string | null;
  organization_id: number;
  organization_code: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  unsigned_letters: number;
  /** The appeal's latest draft, when it was returned and the review goes on: its code, remark, who and when. */
  returned_code: string | null;
  returned_remark: string | null;
  returned_by_name: string | null;
  returned_at: Date | null;
}

export async function queueItems(
  db: Db,
  actor: Actor,
  queue: Queue,
  f: QueueFilter,
  d: TermDates,
  page: { sort: QueueSort; order: 'asc' | 'desc'; limit: number; offset: number },
  cap = COUNT_CAP,
): Promise<{ rows: QueueRow[]; total: number; totalCapped: boolean }> {
  const where = AND([...filterConditions(actor, f), queueCondition(QUEUE_DEFINITIONS[queue], d)]);
  const dir = sql.raw(page.order === 'asc' ? 'ASC' : 'DESC');
  const column = sql.raw(SORT_COLUMNS[page.sort]);
  const nulls = sql.raw(page.order === 'asc' ? 'NULLS LAST' : 'NULLS FIRST');
  const order = sql`ORDER BY ${column} ${dir} ${nulls}, a.registration_number ${dir}, a.id`;
  return underWordSearch(db, f, pageOf);

  async function pageOf(h: Db): Promise<{ rows: QueueRow[]; total: number; totalCapped: boolean }> {
    // Counted first, since the count says how to read the page. Up to the cap, the matching appeals
    // are found by the filters' own plan (OFFSET 0 keeps the planner from merging them into the
    // ordered walk) and sorted: a district's word search walked the country's newest-first index past
    // 155,000 appeals for its 25 — 3.4 s at 5 million appeals, 43 ms from the district's 7,800 — and
    // its first page of "all" took 180 ms instead of 10. Beyond the cap the matches are dense enough
    // that the walk in the page's order stops soon.
    const n = Number((await sql<{ n: number }>`SELECT ${cappedCount(where, cap)} AS n`.execute(h)).rows[0]?.n ?? 0);
    if (n === 0 || (n <= cap && page.offset >= n)) return { rows: [], total: Math.min(n, cap), totalCapped: n > cap };
    const matching = n <= cap ? sql`(SELECT * FROM appeals a WHERE ${where} OFFSET 0) a` : sql`appeals a WHERE ${where}`;
    const read = (on: Db) =>
      sql<QueueRow>`
    SELECT a.id, a.registration_number, a.talon_number, a.registration_date, a.due_date, a.document_type, a.form, a.channel,
           a.applicant_kind, a.applicant_name, a.summary, a.status, a.issue_category, a.duplicate_candidate, a.review_ended_on,
           a.executor_id, u.full_name AS executor_name, a.organization_id, o.code AS organization_code, o.name_kk, o.name_ru, o.name_en,
           (SELECT count(*) FROM letters l WHERE l.appeal_id = a.id AND l.signed_at IS NULL AND l.decision_id IS NOT NULL)::integer AS unsigned_letters,
           rd.code AS returned_code, rd.remark AS returned_remark, rd.resolved_by_name AS returned_by_name, rd.resolved_at AS returned_at
    FROM (SELECT a.* FROM ${matching} ${order} LIMIT ${page.limit} OFFSET ${page.offset}) a
    JOIN organizations o ON o.id = a.organization_id
    LEFT JOIN users u ON u.id = a.executor_id
    -- a returned draft waits for its rework (issue 10, item 5): the latest draft, returned, the review open;
    -- drafted at the same instant, the one not yet resolved is the later (a new draft follows a return)
    LEFT JOIN LATERAL (
      SELECT d.code, d.remark, d.resolved_by_name, d.resolved_at, d.status FROM decision_drafts d WHERE d.appeal_id = a.id ORDER BY d.drafted_at DESC, d.resolved_at DESC NULLS FIRST, d.id DESC LIMIT 1
    ) rd ON rd.status = 'returned' AND a.review_ended_on IS NULL
    ${order}`.execute(on);
    // Beyond the cap, words are still planned as a read of every match of the country through their
    // trigram index, sorted — an oblast's two common words: 208,000 rows, 2.6 s at 5 million appeals.
    // With sorting priced out for that one statement the planner walks the newest first (285 ms).
    const walk = n > cap && page.sort === 'registrationDate' && searchesWords(f);
    const rows = walk ? await withSettings(h, { enable_sort: 'off' }, read) : await read(h);
    return { rows: rows.rows, total: Math.min(n, cap), totalCapped: n > cap };
  }
}

/** The appeals matching `where`, counted up to one past the cap. */
const cappedCount = (where: RawBuilder<SqlBool>, cap: number) => sql<number>`(SELECT count(*)::integer FROM (SELECT 1 FROM appeals a WHERE ${where} LIMIT ${cap + 1}) x)`;

export interface QueueCounts {
  counts: Record<Queue, number>;
  /** The queues holding more than the counts say (COUNT_CAP). */
  capped: Queue[];
}

/** How many appeals each queue holds, with the filters applied, up to the cap, in one statement:
 *  each queue counted by its own plan (the open appeals' index, the pending drafts, …). */
export async function queueCounts(db: Db, actor: Actor, f: QueueFilter, d: TermDates, cap = COUNT_CAP): Promise<QueueCounts> {
  const filters = filterConditions(actor, f);
  const columns = sql.join(QUEUES.map((q) => sql`${cappedCount(AND([...filters, queueCondition(QUEUE_DEFINITIONS[q], d)]), cap)} AS ${sql.ref(q)}`));
  const counts = sql<Record<Queue, number>>`SELECT ${columns}`;
  const row = (await underWordSearch(db, f, (h) => counts.execute(h))).rows[0]!;
  const n = (q: Queue) => Number(row[q] ?? 0);
  return {
    counts: Object.fromEntries(QUEUES.map((q) => [q, Math.min(n(q), cap)])) as Record<Queue, number>,
    capped: QUEUES.filter((q) => n(q) > cap),
  };
}

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** The appeals of the organization's subtree that the actor may see. */
const inSubtree = (actor: Actor, rootId: number) => sql<SqlBool>`${inScope(actor, 'a.organization_id')} AND a.organization_id IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = ${rootId}::integer)`;

const ENDED_IN_PERIOD = (p: Period) => sql<SqlBool>`a.review_ended_on BETWEEN ${p.from}::date AND ${p.to}::date AND a.status NOT IN (${sql.join([...NOT_REVIEWED_STATUSES])})`;

/** Open, at-risk and overdue appeals per executor, in the organization's subtree. */
export async function byExecutor(db: Db, actor: Actor, rootId: number, d: TermDates) {
  const result = await sql<{ id: string; full_name: string; open: number; at_risk: number; overdue: number }>`
    SELECT u.id, u.full_name,
           count(*)::integer AS open,
           count(*) FILTER (WHERE a.due_date >= ${d.today}::date AND a.due_date < ${d.horizon}::date)::integer AS at_risk,
           count(*) FILTER (WHERE a.due_date < ${d.today}::date)::integer AS overdue
    FROM appeals a
    JOIN users u ON u.id = a.executor_id
    WHERE a.review_ended_on IS NULL AND ${inSubtree(actor, rootId)}
    GROUP BY u.id, u.full_name
    ORDER BY overdue DESC, at_risk DESC, open DESC, u.full_name
    LIMIT 200`.execute(db);
  return result.rows;
}

/** The organization itself (its own appeals) and each organization directly below it (with
 *  everything below that): open, at risk, overdue, and reviews ended in the period, on time or not. */
export async function byOrganization(db: Db, actor: Actor, rootId: number, d: TermDates, p: Period) {
  const result = await sql<{
    id: number;
    code: string;
    name_kk: string;
    name_ru: string;
    name_en: string;
    own: boolean;
    open: number;
    at_risk: number;
    overdue: number;
    ended: number;
    ended_on_time: number;
  }>`
    WITH per_organization AS (
      -- the open appeals from their own index, the reviews ended in the period from theirs (migration 0029)
      SELECT a.organization_id, count(*) AS open,
             count(*) FILTER (WHERE a.due_date >= ${d.today}::date AND a.due_date < ${d.horizon}::date) AS at_risk,
             count(*) FILTER (WHERE a.due_date < ${d.today}::date) AS overdue, 0 AS ended, 0 AS ended_on_time
      FROM appeals a
      WHERE a.review_ended_on IS NULL AND ${inSubtree(actor, rootId)}
      GROUP BY a.organization_id
      UNION ALL
      SELECT a.organization_id, 0, 0, 0, count(*), count(*) FILTER (WHERE a.review_ended_on <= a.due_date)
      FROM appeals a
      WHERE ${ENDED_IN_PERIOD(p)} AND ${inSubtree(actor, rootId)}
      GROUP BY a.organization_id
    )
    SELECT o.id, o.code, o.name_kk, o.name_ru, o.name_en, (o.id = ${rootId}::integer) AS own,
           coalesce(sum(x.open), 0)::integer AS open, coalesce(sum(x.at_risk), 0)::integer AS at_risk,
           coalesce(sum(x.overdue), 0)::integer AS overdue, coalesce(sum(x.ended), 0)::integer AS ended,
           coalesce(sum(x.ended_on_time), 0)::integer AS ended_on_time
    FROM organizations o
    JOIN organization_closure oc ON oc.ancestor_id = o.id AND (o.id <> ${rootId}::integer OR oc.depth = 0)
    LEFT JOIN per_organization x ON x.organization_id = oc.descendant_id
    WHERE o.parent_id = ${rootId}::integer OR o.id = ${rootId}::integer
    GROUP BY o.id, o.code, o.name_kk, o.name_ru, o.name_en, o.report_row
    ORDER BY own DESC, overdue DESC, open DESC, o.report_row NULLS LAST, o.id
    LIMIT 500`.execute(db);
  return result.rows;
}

/** Reviews ended in the period in the subtree, and how many of them on time. */
export async function endedOnTime(db: Db, actor: Actor, rootId: number, p: Period) {
  const result = await sql<{ ended: number; ended_on_time: number }>`
    SELECT count(*)::integer AS ended, count(*) FILTER (WHERE a.review_ended_on <= a.due_date)::integer AS ended_on_time
    FROM appeals a
    WHERE ${ENDED_IN_PERIOD(p)} AND ${inSubtree(actor, rootId)}`.execute(db);
  return result.rows[0] ?? { ended: 0, ended_on_time: 0 };
}
