// Staff notifications (issue 10, item 13) are written in the transaction of what they tell: the door
// (src/appeals/change.ts) calls noticesOfChange for every change of an appeal, the daily sweep
// (sweep.ts) adds the term ones. A notice is one per (user, key): written again, it is not added,
// and its e-mail (through the outbox, for a user who has not turned e-mail off) goes with the row
// actually added — so neither is ever duplicated.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../access/actor.ts';
import type { AppealRow } from '../appeals/store.ts';
import { inboxText, type InboxKind, type InboxParams } from '../domain/inbox.ts';
import { enqueue, type OutboxMessage } from '../notifications/outbox.ts';

export interface NewNotice {
  userId: string;
  kind: InboxKind;
  appealId: string;
  organizationId: number;
  key: string;
  params: InboxParams;
}

/** Adds the notices not there yet and enqueues their e-mails; how many were added. */
export async function addNotices(trx: Db, notices: readonly NewNotice[], now: Date): Promise<number> {
  // one order for every writer: the sweep and a change inserting the same keys in different orders deadlocked
  const ordered = [...notices].sort((a, b) => (a.userId === b.userId ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.userId < b.userId ? -1 : 1));
  // in parts: a country's sweep finds more notices than one statement's 65,535 parameters hold
  let n = 0;
  for (let i = 0; i < ordered.length; i += NOTICES_PER_STATEMENT) n += await addOrdered(trx, ordered.slice(i, i + NOTICES_PER_STATEMENT), now);
  return n;
}

const NOTICES_PER_STATEMENT = 2_000;

async function addOrdered(trx: Db, ordered: readonly NewNotice[], now: Date): Promise<number> {
  if (ordered.length === 0) return 0;
  const byKey = new Map(ordered.map((x) => [`${x.userId} ${x.key}`, x]));
  const added = await trx
    .insertInto('staff_notifications')
    .values(ordered.map((n) => ({ user_id: n.userId, kind: n.kind, appeal_id: n.appealId, key: n.key, params: JSON.stringify(n.params), created_at: now })))
    .onConflict((c) => c.columns(['user_id', 'key']).doNothing())
    .returning(['user_id', 'key'])
    .execute();
  if (added.length === 0) return 0;
  const recipients = await trx
    .selectFrom('users as u')
    .leftJoin('staff_notification_settings as s', 's.user_id', 'u.id')
    .select(['u.id', 'u.email', 'u.organization_id'])
    .where('u.id', 'in', [...new Set(added.map((a) => a.user_id))])
    .where('u.active', '=', true)
    .where('u.email', 'is not', null)
    .where(sql<boolean>`coalesce(s.email, true)`)
    .execute();
  const byId = new Map(recipients.map((r) => [r.id, r]));
  const mails: OutboxMessage[] = [];
  for (const a of added) {
    const user = byId.get(a.user_id);
    const n = byKey.get(`${a.user_id} ${a.key}`)!;
    if (!user?.email?.trim()) continue;
    mails.push({
      organizationId: n.organizationId,
      appealId: null, // staff mail, not among the applicant's messages of the appeal
      kind: 'staffNotice',
      channel: 'email',
      recipient: user.email,
      language: 'kk',
      subject: `Joldanym: ${inboxText(n.kind, n.params, 'kk')}`,
      body: (['kk', 'ru', 'en'] as const).map((l) => inboxText(n.kind, n.params, l)).join('\n\n'),
    });
  }
  await enqueue(trx, mails, now);
  return added.length;
}

/** The heads of the appeal's organization: who approves its drafts. */
async function headsOf(trx: Db, organizationId: number): Promise<string[]> {
  const rows = await trx.selectFrom('users').select('id').where('organization_id', '=', organizationId).where('active', '=', true).where(sql<boolean>`'head' = ANY(roles)`).execute();
  return rows.map((r) => r.id);
}

/** What a change of an appeal tells the staff: the executor of an assignment, the heads of a draft
 *  waiting for approval, the author of a draft returned — never the one who did it. */
export async function noticesOfChange(trx: Db, actor: Actor | null, appeal: AppealRow, event: { kind: string; changes: Record<string, unknown> }, now: Date): Promise<void> {
  const base = { appealId: appeal.id, organizationId: appeal.organization_id };
  const params: InboxParams = { registrationNumber: appeal.registration_number, dueDate: appeal.due_date, by: actor?.fullName ?? null };
  const notices: NewNotice[] = [];
  const c = event.changes;
  if (event.kind === 'assigned' || event.kind === 'reassigned') {
    const executor = (c.executor as { to?: string } | undefined)?.to;
    if (executor) notices.push({ ...base, userId: executor, kind: 'assigned', key: `assigned:${appeal.id}:${executor}:${now.toISOString()}`, params });
  } else if (event.kind === 'decisionDrafted') {
    const draftId = (c.draft as { id: string }).id;
    for (const head of await headsOf(trx, appeal.organization_id)) notices.push({ ...base, userId: head, kind: 'draftToApprove', key: `draftToApprove:${draftId}`, params });
  } else if (event.kind === 'draftReturned') {
    const draftId = (c.draft as { id: string }).id;
    const draft = await trx.selectFrom('decision_drafts').select('drafted_by').where('id', '=', draftId).executeTakeFirst();
    if (draft) notices.push({ ...base, userId: draft.drafted_by, kind: 'draftReturned', key: `draftReturned:${draftId}`, params: { ...params, remark: (c.remark as string | null) ?? null } });
  }
  await addNotices(
    trx,
    notices.filter((n) => n.userId !== actor?.id),
    now,
  );
}
