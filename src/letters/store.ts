// The SQL of letters that the routes show (the letters' own writes are in service.ts).
import type { Db } from '../db/connection.ts';

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
  return db.selectFrom('letters').select(['pdf', 'number']).where('id', '=', letterId).where('appeal_id', '=', appealId).executeTakeFirst();
}

/** A user's demo PKCS#12, if the demo made one. */
export async function demoKeyOf(db: Db, userId: string) {
  return db.selectFrom('demo_keys').select('pkcs12').where('user_id', '=', userId).executeTakeFirst();
}
