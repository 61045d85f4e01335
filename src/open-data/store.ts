// Reads of open data, open statistics and Open311: aggregates only (the 1-ТӨ cells of each
// organization, counts grouped over the appeals) and the public columns of appeals. Nothing here
// reads an applicant card, the text or the summary of an appeal. Open311's API keys are kept as hashes.
import { sql, type Insertable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Open311KeysTable } from '../db/schema.ts';
import { INDICATOR_CELLS } from '../domain/accounting.ts';

/** The 1-ТӨ cells of every organization's own appeals (stat_cells: the same aggregates as the
 *  report), one row per organization, month and cell, for the cells the indicators read. */
export async function monthlyCells(db: Db, year: number) {
  const rows = await db
    .selectFrom('stat_cells as s')
    .innerJoin('organizations as o', 'o.id', 's.organization_id')
    .select(['o.id', 'o.code', 'o.name_kk', 'o.name_ru', 'o.name_en', 's.month', sql<string>`s.table_id || '/' || s.column_key`.as('cell'), 's.n'])
    .where('s.year', '=', year)
    .where(sql<boolean>`(s.table_id || '/' || s.column_key) = ANY(${[...INDICATOR_CELLS]}::text[])`)
    .orderBy('o.code')
    .orderBy('s.month')
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Appeals by organization × issue category × channel × month of registration × outcome (the
 *  status), counted; appeals carrying security information are left out. */
export async function appealCounts(db: Db, year: number) {
  const rows = await db
    .selectFrom('appeals as a')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .select([
      'o.code',
      'o.name_kk',
      'o.name_ru',
      'o.name_en',
      sql<number>`extract(month from a.registration_date::date)::integer`.as('month'),
      'a.issue_category',
      'a.channel',
      'a.status',
      (e) => e.fn.countAll<number>().as('n'),
    ])
    .where('a.registration_year', '=', year)
    .where('a.security_info', '=', false)
    .groupBy(['o.code', 'o.name_kk', 'o.name_ru', 'o.name_en', sql`extract(month from a.registration_date::date)`, 'a.issue_category', 'a.channel', 'a.status'])
    .orderBy('o.code')
    .execute();
  return rows.map((r) => ({ ...r, month: Number(r.month), n: Number(r.n) }));
}

/** Personal receptions per organization and month of the reception day: sessions (planned or
 *  held, by video, cancelled), the visitors of their live queues, and the sign-ups registered in
 *  the month. Counts only: no names, questions or places. */
export async function receptionCounts(db: Db, year: number) {
  const { rows } = await sql<{
    code: string;
    name_kk: string;
    name_ru: string;
    name_en: string;
    month: number;
    sessions: number;
    video_sessions: number;
    sessions_cancelled: number;
    visitors: number;
    visitors_served: number;
    sign_ups: number;
  }>`
    SELECT o.code, o.name_kk, o.name_ru, o.name_en, x.month,
      sum(x.sessions)::int AS sessions, sum(x.video_sessions)::int AS video_sessions, sum(x.sessions_cancelled)::int AS sessions_cancelled,
      sum(x.visitors)::int AS visitors, sum(x.visitors_served)::int AS visitors_served, sum(x.sign_ups)::int AS sign_ups
    FROM (
      SELECT s.organization_id, extract(month FROM s.reception_date)::int AS month,
        count(*) FILTER (WHERE s.status = 'planned') AS sessions,
        count(*) FILTER (WHERE s.status = 'planned' AND s.format = 'video') AS video_sessions,
        count(*) FILTER (WHERE s.status = 'cancelled') AS sessions_cancelled,
        0 AS visitors, 0 AS visitors_served, 0 AS sign_ups
      FROM reception_sessions s WHERE extract(year FROM s.reception_date) = ${year} GROUP BY 1, 2
      UNION ALL
      SELECT s.organization_id, extract(month FROM s.reception_date)::int, 0, 0, 0, count(*), count(*) FILTER (WHERE q.status = 'served'), 0
      FROM reception_queue q JOIN reception_sessions s ON s.id = q.session_id WHERE extract(year FROM s.reception_date) = ${year} GROUP BY 1, 2
      UNION ALL
      SELECT u.organization_id, extract(month FROM a.registration_date::date)::int, 0, 0, 0, 0, 0, count(*)
      FROM reception_sign_ups u JOIN appeals a ON a.id = u.appeal_id WHERE a.registration_year = ${year} AND NOT a.security_info GROUP BY 1, 2
    ) x JOIN organizations o ON o.id = x.organization_id
    GROUP BY o.code, o.name_kk, o.name_ru, o.name_en, x.month
    ORDER BY o.code, x.month`.execute(db);
  return rows;
}

/** The contact centre's contacts per centre, month (in `timeZone`) and channel, by outcome, with
 *  the average seconds to answer. Counts only: no caller, address or transcript. */
export async function contactCounts(db: Db, year: number, timeZone: string) {
  const { rows } = await sql<{
    code: string;
    name_kk: string;
    name_ru: string;
    name_en: string;
    month: number;
    channel: string;
    contacts: number;
    answered: number;
    consultations: number;
    status_answers: number;
    public_service_complaints: number;
    appeals: number;
    average_answer_seconds: number | null;
  }>`
    SELECT o.code, o.name_kk, o.name_ru, o.name_en, extract(month FROM (c.started_at AT TIME ZONE ${timeZone}))::int AS month, c.channel,
      count(*)::int AS contacts,
      count(*) FILTER (WHERE c.answered_at IS NOT NULL)::int AS answered,
      count(*) FILTER (WHERE c.outcome = 'consultation')::int AS consultations,
      count(*) FILTER (WHERE c.outcome = 'statusAnswer')::int AS status_answers,
      count(*) FILTER (WHERE c.outcome = 'publicServiceComplaint')::int AS public_service_complaints,
      count(*) FILTER (WHERE c.outcome = 'appeal')::int AS appeals,
      round(avg(extract(epoch FROM c.answered_at - c.started_at)) FILTER (WHERE c.answered_at IS NOT NULL))::int AS average_answer_seconds
    FROM contacts c JOIN organizations o ON o.id = c.organization_id
    WHERE extract(year FROM (c.started_at AT TIME ZONE ${timeZone})) = ${year}
    GROUP BY o.code, o.name_kk, o.name_ru, o.name_en, 5, c.channel
    ORDER BY o.code, 5, c.channel`.execute(db);
  return rows;
}

/** The labels of a directory's codes (issue categories, channels). */
export async function directoryLabels(db: Db, directory: string) {
  return db.selectFrom('directory_entries').select(['code', 'label_kk', 'label_ru', 'label_en']).where('directory', '=', directory).execute();
}

export async function issueCategories(db: Db) {
  return db.selectFrom('directory_entries').select(['code', 'parent_code', 'label_kk', 'label_ru', 'label_en']).where('directory', '=', 'issueCategory').where('active', '=', true).orderBy('sort_order').execute();
}

export interface RequestFilter {
  ids?: string[];
  serviceCode?: string;
  from: Date;
  to: Date;
  statuses?: readonly string[];
  limit: number;
}

/** The public columns of appeals for Open311 requests: never the applicant, text or summary; only
 *  the requests filed in public (the portal, Open311 itself) — listing every appeal one by one would
 *  give away the small counts open data suppresses. */
export async function publicRequests(db: Db, f: RequestFilter) {
  let q = db
    .selectFrom('appeals as a')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .leftJoin('directory_entries as d', (j) => j.onRef('d.code', '=', 'a.issue_category').on('d.directory', '=', 'issueCategory'))
    .select(['a.id', 'a.status', 'a.issue_category', 'a.received_at', 'a.updated_at', 'a.due_date', 'o.name_kk', 'o.name_ru', 'o.name_en', 'd.label_kk', 'd.label_ru', 'd.label_en'])
    .where('a.security_info', '=', false)
    .where('a.channel', '=', 'publicPortal')
    .where('a.received_at', '>=', f.from)
    .where('a.received_at', '<', f.to);
  if (f.ids) q = q.where('a.id', 'in', f.ids.length > 0 ? f.ids : ['00000000-0000-0000-0000-000000000000']);
  if (f.serviceCode) q = q.where('a.issue_category', '=', f.serviceCode);
  if (f.statuses) q = q.where('a.status', 'in', [...f.statuses]);
  return q.orderBy('a.received_at', 'desc').limit(f.limit).execute();
}

// ---- Open311 keys and requests ----

export async function insertKey(db: Db, row: Insertable<Open311KeysTable>): Promise<void> {
  await db.insertInto('open311_keys').values(row).execute();
}

export async function lockedKey(db: Db, id: string) {
  return db.selectFrom('open311_keys').select(['id', 'revoked_at']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function markRevoked(db: Db, id: string, by: string, at: Date): Promise<void> {
  await db.updateTable('open311_keys').set({ revoked_at: at, revoked_by: by }).where('id', '=', id).execute();
}

export async function keys(db: Db) {
  return db.selectFrom('open311_keys').select(['id', 'name', 'prefix', 'created_at', 'revoked_at', 'last_used_at']).orderBy('created_at', 'desc').execute();
}

/** A key not revoked, by its hash. */
export async function liveKey(db: Db, keySha256: string) {
  return db.selectFrom('open311_keys').select(['id', 'name']).where('key_sha256', '=', keySha256).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function keyUsed(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('open311_keys').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function organizationByCode(db: Db, code: string) {
  return db.selectFrom('organizations').select(['id']).where('code', '=', code).executeTakeFirst();
}

/** What a GeoReport POST answers of the appeal it registered: its id and numbers, nothing personal. */
export async function registered(db: Db, id: string) {
  return db.selectFrom('appeals').select(['id', 'registration_number', 'talon_number', 'due_date']).where('id', '=', id).executeTakeFirstOrThrow();
}
