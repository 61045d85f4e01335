// The SQL of letters: what the routes show, and what the use cases (service.ts) read and write.
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../access/actor.ts';
import type { LettersTable } from '../db/schema.ts';

/** The cover letters of an appeal, oldest first, with the decision (or draft) code and the
 *  signatory's name. */
export async function lettersOf(db: Db, appealId: string) {
  return db
    .selectFrom('letters as l')
    .leftJoin('decisions as d', 'd.id', 'l.decision_id')
    .leftJoin('decision_drafts as r', 'r.id', 'l.draft_id')
    .leftJoin('users as s', 's.id', 'l.signatory_id')
    .select(['l.id', 'l.number', 'l.language', 'l.letter_date', 'l.pdf', 'l.sha256', 'l.signature', 'l.signer_name', 'l.signed_at', 'l.sent_at'])
    .select(['l.decision_id', 'l.draft_id', 'l.signatory_id', 's.full_name as signatory_name'])
    .select((e) => e.fn.coalesce('d.code', 'r.code').as('code'))
    .where('l.appeal_id', '=', appealId)
    .orderBy('l.created_at')
    .execute();
}

/** A letter's PDF and number, if it is a letter of this appeal. */
export async function letterPdfOf(db: Db, appealId: string, letterId: string) {
  return db.selectFrom('letters').select(['pdf', 'number', 'signature']).where('id', '=', letterId).where('appeal_id', '=', appealId).executeTakeFirst();
}

/** A user's demo PKCS#12, if the demo made one. */
export async function demoKeyOf(db: Db, userId: string) {
  return db.selectFrom('demo_keys').select('pkcs12').where('user_id', '=', userId).executeTakeFirst();
}

/** The highest number `…-n` given to a letter of the appeal (`n`: null when none). */
export async function highestLetterNumber(db: Db, appealId: string) {
  return db.selectFrom('letters').select(sql<number | null>`max(substring(number from '-([0-9]+)$')::integer)`.as('n')).where('appeal_id', '=', appealId).executeTakeFirstOrThrow();
}

/** A new cover letter. */
export async function insertLetter(db: Db, row: Insertable<LettersTable>): Promise<void> {
  await db.insertInto('letters').values(row).execute();
}

/** An organization's row. */
export async function organizationOf(db: Db, id: number) {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The first applicant card of an appeal. */
export async function firstApplicantCard(db: Db, appealId: string) {
  return db.selectFrom('applicant_cards').selectAll().where('appeal_id', '=', appealId).orderBy('position').executeTakeFirst();
}

/** An executor's name, phone and email: the letter's contact. */
export async function executorContact(db: Db, userId: string) {
  return db.selectFrom('users').select(['full_name', 'phone', 'email']).where('id', '=', userId).executeTakeFirst();
}

/** The head who signs the organization's letters unless another takes one: the first active head. */
export async function headOf(db: Db, organizationId: number): Promise<{ id: string; full_name: string; position: string } | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'full_name', 'position'])
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .where(({ eb, val }) => eb(val('head'), '=', eb.fn.any('roles')))
    .orderBy('created_at')
    .executeTakeFirst();
}

/** The names of organizations, in the three languages. */
export async function organizationNames(db: Db, ids: number[]) {
  return db.selectFrom('organizations').select(['id', 'name_kk', 'name_ru', 'name_en']).where('id', 'in', ids).execute();
}

/** An appeal's registration number, if the appeal exists. */
export async function registrationNumberOf(db: Db, appealId: string) {
  return db.selectFrom('appeals').select('registration_number').where('id', '=', appealId).executeTakeFirst();
}

/** A decision card. */
export async function decisionById(db: Db, id: string) {
  return db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A decision card's code and data. */
export async function decisionCodeAndData(db: Db, id: string) {
  return db.selectFrom('decisions').select(['code', 'data']).where('id', '=', id).executeTakeFirstOrThrow();
}

/** An executor's decision draft. */
export async function draftById(db: Db, id: string) {
  return db.selectFrom('decision_drafts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A letter rendered anew: its PDF, hash, date and signatory; the letter as it is now. */
export async function updateLetterPdf(db: Db, id: string, set: Pick<Updateable<LettersTable>, 'pdf' | 'sha256' | 'letter_date' | 'signatory_id'>) {
  return db.updateTable('letters').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** A letter of the appeal, locked (FOR UPDATE) until the transaction ends. */
export async function letterForUpdate(db: Db, appealId: string, letterId: string) {
  return db.selectFrom('letters').selectAll().where('id', '=', letterId).where('appeal_id', '=', appealId).forUpdate().executeTakeFirst();
}

/** A letter signed by the actor and sent, both at `now`. */
export async function markLetterSigned(db: Db, id: string, cms: Uint8Array, actor: Actor, now: Date): Promise<void> {
  await db
    .updateTable('letters')
    .set({ signature: Buffer.from(cms), signer_id: actor.id, signer_name: actor.fullName, signed_at: now, sent_at: now })
    .where('id', '=', id)
    .execute();
}

/** A letter with its organization's names, for the public verification page. */
export async function letterToVerify(db: Db, letterId: string) {
  return db
    .selectFrom('letters as l')
    .innerJoin('organizations as o', 'o.id', 'l.organization_id')
    .select(['l.id', 'l.number', 'l.letter_date', 'l.pdf', 'l.sha256', 'l.signature', 'l.signed_at', 'o.name_kk', 'o.name_ru', 'o.name_en'])
    .where('l.id', '=', letterId)
    .executeTakeFirst();
}
