// The SQL of corrections: petitions, their documents, and the card writes an approved petition makes.
import { sql, type Insertable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { CardDeletionsTable, CorrectionAttachmentsTable, CorrectionPetitionsTable } from '../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { inScope } from '../access/scope.ts';
import { countedPredicate, type CountedOrganizations } from '../statistics/scope.ts';

/** The appeal, with `own_scope`: in the actor's scope, and `counted`: among the `counted` organizations (false without them). */
export async function appealWithScope(db: Db, actor: Actor, id: string, counted: CountedOrganizations | null) {
  return db
    .selectFrom('appeals')
    .selectAll()
    .select(inScope(actor, 'organization_id').as('own_scope'))
    .select(counted ? countedPredicate(counted, sql.ref('organization_id')).as('counted') : sql<boolean>`false`.as('counted'))
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The ids of the cards of an appeal deleted by a correction. */
export async function deletedIds(db: Db, appealId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('card_deletions').select('record_id').where('appeal_id', '=', appealId).execute();
  return new Set(rows.map((r) => r.record_id));
}

/** A decision card's code, if the card is the appeal's. */
export async function decisionCodeOf(db: Db, id: string, appealId: string) {
  return db.selectFrom('decisions').select('code').where('id', '=', id).where('appeal_id', '=', appealId).executeTakeFirst();
}

/** An applicant card's kind, if the card is the appeal's. */
export async function applicantKindOf(db: Db, id: string, appealId: string) {
  return db.selectFrom('applicant_cards').select('kind').where('id', '=', id).where('appeal_id', '=', appealId).executeTakeFirst();
}

/** A directory's entry, if the code is in it. */
export async function directoryEntry(db: Db, directory: string, code: string) {
  return db.selectFrom('directory_entries').select('code').where('directory', '=', directory).where('code', '=', code).executeTakeFirst();
}

/** A new correction petition. */
export async function insertPetition(db: Db, row: Insertable<CorrectionPetitionsTable>): Promise<void> {
  await db.insertInto('correction_petitions').values(row).execute();
}

/** A document supporting a petition. */
export async function insertAttachment(db: Db, row: Insertable<CorrectionAttachmentsTable>): Promise<void> {
  await db.insertInto('correction_attachments').values(row).execute();
}

/** The petitions of the organizations counted (`counted`), or else of the actor's scope, filtered, newest first. */
export async function petitionsVisible(db: Db, actor: Actor, counted: CountedOrganizations | null, filter: { status?: string; appealId?: string; overdue?: { status: string; reviewDueBefore: string } }) {
  let q = db.selectFrom('correction_petitions as p').innerJoin('appeals as a', 'a.id', 'p.appeal_id').innerJoin('organizations as o', 'o.id', 'p.organization_id');
  q = counted ? q.where(countedPredicate(counted, sql.ref('p.organization_id'))) : q.where(inScope(actor, 'p.organization_id'));
  if (filter.status) q = q.where('p.status', '=', filter.status);
  if (filter.appealId) q = q.where('p.appeal_id', '=', filter.appealId);
  if (filter.overdue) {
    const overdue = filter.overdue;
    q = q.where('p.status', '=', overdue.status).where('p.review_due', '<', overdue.reviewDueBefore);
  }
  return q
    .select([
      'p.id',
      'p.appeal_id',
      'a.registration_number',
      'p.organization_id',
      'o.code as organization_code',
      'p.action',
      'p.changes',
      'p.reason',
      'p.decided_by',
      'p.basis',
      'p.petitioner_id',
      'p.petitioner_name',
      'p.filed_at',
      'p.filed_on',
      'p.period_year',
      'p.period_month',
      'p.review_due',
      'p.status',
      'p.reviewer_name',
      'p.reviewed_at',
      'p.review_comment',
      'p.before',
      'p.after',
    ])
    .orderBy('p.filed_at', 'desc')
    .limit(500)
    .execute();
}

/** A petition, if it exists. */
export async function petitionById(db: Db, id: string) {
  return db.selectFrom('correction_petitions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The documents of a petition, without their content. */
export async function attachmentsOf(db: Db, petitionId: string) {
  return db.selectFrom('correction_attachments').select(['id', 'name', 'media_type', 'sha256']).where('petition_id', '=', petitionId).execute();
}

/** A document of a petition, with its content. */
export async function attachmentById(db: Db, petitionId: string, attachmentId: string) {
  return db.selectFrom('correction_attachments').selectAll().where('id', '=', attachmentId).where('petition_id', '=', petitionId).executeTakeFirst();
}

/** Decides a pending petition (applied or rejected) by its review; the result's numUpdatedRows is 0 when it was decided already. */
export async function claimPetition(db: Db, id: string, status: 'applied' | 'rejected', review: { reviewer_id: string; reviewer_name: string; reviewed_at: Date; review_comment: string | null }) {
  return db
    .updateTable('correction_petitions')
    .set({ status, ...review })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

/** An applicant card. */
export async function applicantCardById(db: Db, id: string) {
  return db.selectFrom('applicant_cards').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A decision card's data. */
export async function decisionDataOf(db: Db, id: string) {
  return db.selectFrom('decisions').select('data').where('id', '=', id).executeTakeFirstOrThrow();
}

/** A card deleted by a petition. */
export async function insertCardDeletion(db: Db, row: Insertable<CardDeletionsTable>): Promise<void> {
  await db.insertInto('card_deletions').values(row).execute();
}

/** Changes the fields of an applicant card. */
export async function updateApplicantCard(db: Db, id: string, set: Record<string, unknown>): Promise<void> {
  await db.updateTable('applicant_cards').set(set).where('id', '=', id).execute();
}

/** Replaces a decision card's data. */
export async function updateDecisionData(db: Db, id: string, data: Record<string, unknown>): Promise<void> {
  await db
    .updateTable('decisions')
    .set({ data: JSON.stringify(data) })
    .where('id', '=', id)
    .execute();
}

/** Records on an applied petition the card fields before and after it. */
export async function recordBeforeAfter(db: Db, id: string, before: Record<string, unknown>, after: Record<string, unknown>): Promise<void> {
  await db
    .updateTable('correction_petitions')
    .set({ before: JSON.stringify(before), after: JSON.stringify(after) })
    .where('id', '=', id)
    .execute();
}

/** The names on an appeal's applicant cards, in order. */
export async function applicantNamesOf(db: Db, appealId: string) {
  return db.selectFrom('applicant_cards').select(['kind', 'last_name', 'first_name', 'middle_name', 'legal_name']).where('appeal_id', '=', appealId).orderBy('position').execute();
}

/** An appeal's decision cards, in order, with what the status machine needs of them. */
export async function decisionsOfAppeal(db: Db, appealId: string) {
  return db.selectFrom('decisions').select(['id', 'code', 'decision_date', 'data', 'cancelled_at']).where('appeal_id', '=', appealId).orderBy('decided_at').orderBy('id').execute();
}
