// The portal's reads and writes: codes, sessions, the applicant's appeals (linked by phone, e-mail
// or IIN), attachments, ratings, the public status look-up and the portal's registering actor.
import { foldedContains } from '../db/search.ts';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../access/actor.ts';
import { phoneKey } from '../domain/portal.ts';

// ---- codes and sessions ----

/** Where a code was sent: a phone (SMS) or an e-mail address. */
export type CodeAddress = { phone: string } | { email: string };
const byAddress = (to: CodeAddress) => ('phone' in to ? (['phone', to.phone] as const) : (['email', to.email] as const));

export async function codesSince(db: Db, to: CodeAddress, since: Date): Promise<number> {
  const [column, value] = byAddress(to);
  const row = await db
    .selectFrom('portal_codes')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where(column, '=', value)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertCode(db: Db, to: CodeAddress, codeSha256: string, now: Date, expiresAt: Date): Promise<void> {
  const [column, value] = byAddress(to);
  await db
    .insertInto('portal_codes')
    .values({ phone: null, email: null, [column]: value, code_sha256: codeSha256, created_at: now, expires_at: expiresAt, used_at: null })
    .execute();
}

/** The address's latest code (only the latest one counts: asking again replaces it). */
export async function latestCode(db: Db, to: CodeAddress) {
  const [column, value] = byAddress(to);
  return db.selectFrom('portal_codes').selectAll().where(column, '=', value).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** Counts an attempt before the code is compared, in its own statement, so a failed try is counted
 *  whatever happens next; undefined when the attempts are used up meanwhile. */
export async function countAttempt(db: Db, id: number, max: number): Promise<number | undefined> {
  const row = await db
    .updateTable('portal_codes')
    .set((e) => ({ attempts: e('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('attempts', '<', max)
    .where('used_at', 'is', null)
    .returning('attempts')
    .executeTakeFirst();
  return row?.attempts;
}

export async function spendCode(db: Db, id: number, at: Date): Promise<boolean> {
  const r = await db.updateTable('portal_codes').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertSession(db: Db, tokenSha256: string, who: Applicant, now: Date, expiresAt: Date): Promise<void> {
  await db.insertInto('portal_sessions').values({ token_sha256: tokenSha256, phone: who.phone, iin: who.iin, email: who.email, created_at: now, expires_at: expiresAt }).execute();
}

export async function insertChallenge(db: Db, challengeSha256: string, now: Date, expiresAt: Date): Promise<void> {
  await db.insertInto('portal_challenges').values({ challenge_sha256: challengeSha256, created_at: now, expires_at: expiresAt, used_at: null }).execute();
}

/** Marks the challenge used if it was issued here, is unused and has not expired; whether it did. */
export async function spendChallenge(db: Db, challengeSha256: string, now: Date): Promise<boolean> {
  const r = await db.updateTable('portal_challenges').set({ used_at: now }).where('challenge_sha256', '=', challengeSha256).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function sessionOf(db: Db, tokenSha256: string, now: Date) {
  return db.selectFrom('portal_sessions').select(['phone', 'iin', 'email']).where('token_sha256', '=', tokenSha256).where('expires_at', '>', now).executeTakeFirst();
}

export async function endSession(db: Db, tokenSha256: string): Promise<void> {
  await db.deleteFrom('portal_sessions').where('token_sha256', '=', tokenSha256).execute();
}

/** The root of the organization tree: where the code's SMS is counted (the outbox needs one). */
export async function rootOrganization(db: Db) {
  return db.selectFrom('organizations').select(['id', 'name_kk', 'name_ru', 'name_en']).where('parent_id', 'is', null).orderBy('id').limit(1).executeTakeFirstOrThrow();
}

// ---- the portal's registering actor ----

export const PORTAL_LOGIN = 'portal.system';

/** The user the portal registers appeals as (registered_by, the audit log): made on first use at
 *  the root, inactive, with a password hash no password matches, so nobody can sign in as it. */
export async function portalActor(db: Db): Promise<Actor> {
  const root = await rootOrganization(db);
  await db
    .insertInto('users')
    .values({ login: PORTAL_LOGIN, password_hash: '!', full_name: 'Public portal', position: 'Public portal', organization_id: root.id, roles: ['registrar'], email: null, phone: null, active: false })
    .onConflict((oc) => oc.column('login').doNothing())
    .execute();
  const user = await db.selectFrom('users').select(['id', 'login', 'full_name', 'position', 'organization_id']).where('login', '=', PORTAL_LOGIN).executeTakeFirstOrThrow();
  // The applicant may address any organization of the tree (there are many top-level ones): the
  // whole tree is the portal's scope, which the scope rule grants only with 'admin'. This actor is
  // built here and passed only to the registration, the duplicate check, the talon of an appeal
  // the applicant owns and the door with the scope checked by ownership (src/portal/applicant.ts).
  return { id: user.id, login: user.login, fullName: user.full_name, position: user.position, organizationId: user.organization_id, scopeOrganizationId: user.organization_id, roles: ['registrar', 'admin'] };
}

// ---- the applicant's appeals ----

/** The signed-in applicant: the phone or e-mail of a one-time code, or the IIN of an EDS certificate. */
export interface Applicant {
  phone: string | null;
  iin: string | null;
  email: string | null;
}

/** The appeals whose applicant cards carry the applicant's phone (any way it was written), e-mail or IIN. */
function mine(db: Db, applicant: Applicant) {
  const phone = applicant.phone;
  return db
    .selectFrom('applicant_cards as c')
    .select('c.appeal_id')
    .where((e) =>
      e.or([
        ...(phone ? [e(sql<string>`right(regexp_replace(coalesce(c.phone_mobile, ''), '[^0-9]', '', 'g'), 10)`, '=', phoneKey(phone))] : []),
        ...(applicant.iin ? [e('c.iin', '=', applicant.iin)] : []),
        ...(applicant.email ? [e(sql<string>`lower(c.email)`, '=', applicant.email)] : []),
        // a session always has one of them; without, nothing
        e.lit(false),
      ]),
    );
}

const APPEAL_COLUMNS = [
  'a.id',
  'a.registration_number',
  'a.talon_number',
  'a.registration_date',
  'a.due_date',
  'a.status',
  'a.document_type',
  'a.summary',
  'a.channel',
  'a.final_decision_code',
  'a.review_ended_on',
  'a.organization_id',
  'o.name_kk',
  'o.name_ru',
  'o.name_en',
] as const;

export async function appealsOf(db: Db, applicant: Applicant, page: { limit: number; offset: number }) {
  const q = db.selectFrom('appeals as a').innerJoin('organizations as o', 'o.id', 'a.organization_id').where('a.id', 'in', mine(db, applicant));
  const [items, count] = await Promise.all([
    q.select(APPEAL_COLUMNS).orderBy('a.registration_date', 'desc').orderBy('a.registration_number', 'desc').limit(page.limit).offset(page.offset).execute(),
    q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** One of the applicant's appeals, or undefined (another's answers as an unknown one). */
export async function appealOf(db: Db, applicant: Applicant, id: string) {
  return db.selectFrom('appeals as a').innerJoin('organizations as o', 'o.id', 'a.organization_id').select(APPEAL_COLUMNS).where('a.id', '=', id).where('a.id', 'in', mine(db, applicant)).executeTakeFirst();
}

export async function appealRow(db: Db, id: string) {
  return db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function ownedAmong(db: Db, applicant: Applicant, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await mine(db, applicant).where('c.appeal_id', 'in', ids).execute();
  return new Set(rows.map((r) => r.appeal_id));
}

/** The events of the appeal the applicant's timeline tells (the same log as the staff's card). */
export async function eventsOf(db: Db, appealId: string, kinds: string[]) {
  return db.selectFrom('events').select(['at', 'kind', 'changes']).where('appeal_id', '=', appealId).where('kind', 'in', kinds).orderBy('id').execute();
}

// ---- the public status ----

/** A transaction-long lock on a key (a throttled look-up), released at commit. */
export async function lockKey(db: Db, key: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
}

export async function appealByNumbers(db: Db, registrationNumber: string, talonNumber: string) {
  return db
    .selectFrom('appeals as a')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .select(['a.status', 'a.registration_date', 'a.due_date', 'a.review_ended_on', 'o.name_kk', 'o.name_ru', 'o.name_en'])
    .where('a.registration_number', '=', registrationNumber)
    .where('a.talon_number', '=', talonNumber)
    .executeTakeFirst();
}

// ---- letters ----

/** The appeal's signed letters (answers, notices): what the applicant may download and check. */
export async function signedLettersOf(db: Db, appealId: string) {
  return db.selectFrom('letters').select(['id', 'number', 'letter_date', 'signer_name', 'signed_at', 'sha256']).where('appeal_id', '=', appealId).where('signature', 'is not', null).orderBy('created_at').execute();
}

export async function signedLetter(db: Db, appealId: string, letterId: string) {
  return db.selectFrom('letters').select(['number', 'pdf', 'signature']).where('appeal_id', '=', appealId).where('id', '=', letterId).where('signature', 'is not', null).executeTakeFirst();
}

// ---- ratings (attachments: src/attachments) ----

export async function upsertRating(db: Db, appealId: string, score: number, comment: string, at: Date): Promise<void> {
  await db
    .insertInto('portal_ratings')
    .values({ appeal_id: appealId, score, comment, rated_at: at })
    .onConflict((oc) => oc.column('appeal_id').doUpdateSet({ score, comment, rated_at: at }))
    .execute();
}

export async function ratingOf(db: Db, appealId: string) {
  return db.selectFrom('portal_ratings').select(['score', 'comment', 'rated_at']).where('appeal_id', '=', appealId).executeTakeFirst();
}

/** Organizations whose name (in any language) or code contains the words, for the applicant to address. */
export async function organizationsMatching(db: Db, q: string, limit: number) {
  return db
    .selectFrom('organizations')
    .select(['id', 'code', 'name_kk', 'name_ru', 'name_en'])
    .where(foldedContains(sql`name_kk || ' ' || name_ru || ' ' || name_en || ' ' || code`, q.trim()))
    .orderBy('code')
    .limit(limit)
    .execute();
}
