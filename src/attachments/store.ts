// The SQL of attachments (table `attachments`, migration 0022).
import type { Insertable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { AttachmentsTable } from '../db/schema.ts';

/** Who uploaded a file: a user, or the portal's applicant (their key). */
export type Uploader = { userId: string } | { applicantKey: string };

const ownedBy = (u: Uploader) => ('userId' in u ? { uploaded_by: u.userId, applicant_key: null } : { uploaded_by: null, applicant_key: u.applicantKey });

/** Everything but the bytes. */
const LISTED = ['id', 'appeal_id', 'decision_id', 'letter_id', 'purpose', 'name', 'media_type', 'size', 'sha256', 'created_at', 'uploaded_by'] as const;

export async function insertAttachment(db: Db, row: Omit<Insertable<AttachmentsTable>, 'uploaded_by' | 'applicant_key'>, uploader: Uploader): Promise<void> {
  await db
    .insertInto('attachments')
    .values({ ...row, ...ownedBy(uploader) })
    .execute();
}

/** Files staged longer than `before` were never registered: they go, whoever uploaded them. */
export async function dropStaleStaged(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('attachments').where('appeal_id', 'is', null).where('created_at', '<', before).execute();
}

/** How many files the uploader holds staged now. */
export async function stagedCount(db: Db, uploader: Uploader): Promise<number> {
  const owner = ownedBy(uploader);
  let q = db
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('appeal_id', 'is', null);
  q = owner.uploaded_by ? q.where('uploaded_by', '=', owner.uploaded_by) : q.where('applicant_key', '=', owner.applicant_key);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Of `ids`, the uploader's files that are staged, or already the appeal's (a repeated registration). */
export async function takeable(db: Db, uploader: Uploader, ids: readonly string[], appealId: string | null) {
  if (ids.length === 0) return [];
  const owner = ownedBy(uploader);
  let q = db
    .selectFrom('attachments')
    .select(LISTED)
    .where('id', 'in', ids)
    .where((eb) => (appealId ? eb.or([eb('appeal_id', 'is', null), eb('appeal_id', '=', appealId)]) : eb('appeal_id', 'is', null)));
  q = owner.uploaded_by ? q.where('uploaded_by', '=', owner.uploaded_by) : q.where('applicant_key', '=', owner.applicant_key);
  return q.execute();
}

export async function bindToAppeal(db: Db, ids: readonly string[], appealId: string, purpose: string): Promise<void> {
  if (ids.length > 0) await db.updateTable('attachments').set({ appeal_id: appealId, purpose }).where('id', 'in', ids).where('appeal_id', 'is', null).execute();
}

export async function countOf(db: Db, appealId: string, purposes?: readonly string[]): Promise<number> {
  let q = db
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('appeal_id', '=', appealId);
  if (purposes) q = q.where('purpose', 'in', purposes);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The appeal's files, oldest first, without their bytes. */
export async function attachmentsOf(db: Db, appealId: string, purposes?: readonly string[]) {
  let q = db.selectFrom('attachments').select(LISTED).where('appeal_id', '=', appealId);
  if (purposes) q = q.where('purpose', 'in', purposes);
  return q.orderBy('seq').execute();
}

/** One file of the appeal with its bytes. */
export async function attachmentOf(db: Db, appealId: string, id: string) {
  return db.selectFrom('attachments').selectAll().where('appeal_id', '=', appealId).where('id', '=', id).executeTakeFirst();
}

/** Whether the decision or letter is the appeal's. */
export async function documentOfAppeal(db: Db, appealId: string, of: { decisionId?: string; letterId?: string }): Promise<boolean> {
  if (of.decisionId && !(await db.selectFrom('decisions').select('id').where('id', '=', of.decisionId).where('appeal_id', '=', appealId).executeTakeFirst())) return false;
  if (of.letterId && !(await db.selectFrom('letters').select('id').where('id', '=', of.letterId).where('appeal_id', '=', appealId).executeTakeFirst())) return false;
  return true;
}

export async function organizationOf(db: Db, appealId: string): Promise<number> {
  const row = await db.selectFrom('appeals').select('organization_id').where('id', '=', appealId).executeTakeFirstOrThrow();
  return row.organization_id;
}
