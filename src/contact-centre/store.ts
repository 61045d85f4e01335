// The SQL of the contact centre: contacts, public-service complaints, knowledge cards, the
// caller's history and the organizations a suggestion chooses from.
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { ChatMessagesTable, ContactsTable, KnowledgeCardsTable, ProviderRefusalsTable, PublicServiceComplaintsTable } from '../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { inScope } from '../access/scope.ts';

// ---- contacts ----

export async function insertContact(db: Db, row: Insertable<ContactsTable>): Promise<void> {
  await db.insertInto('contacts').values(row).execute();
}

/** A contact of the telephone system's call, made once: a repeated "ringing" finds the first. */
export async function insertCallContact(db: Db, row: Insertable<ContactsTable> & { call_id: string }): Promise<{ id: string; created: boolean }> {
  const made = await db
    .insertInto('contacts')
    .values(row)
    .onConflict((c) => c.column('call_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (made) return { id: made.id, created: true };
  const found = await db.selectFrom('contacts').select('id').where('call_id', '=', row.call_id).executeTakeFirstOrThrow();
  return { id: found.id, created: false };
}

export async function contactByCall(db: Db, callId: string) {
  return db.selectFrom('contacts').selectAll().where('call_id', '=', callId).executeTakeFirst();
}

/** The contact with whether the actor's scope holds it; locked for the transaction when asked. */
export async function contactInScope(db: Db, actor: Actor, id: string, lock = false) {
  let q = db.selectFrom('contacts').selectAll().select(inScope(actor, 'organization_id').as('visible')).where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateContact(db: Db, id: string, set: Updateable<ContactsTable>): Promise<void> {
  await db.updateTable('contacts').set(set).where('id', '=', id).execute();
}

/** Contacts of the telephone system's call not yet marked with this moment. */
export async function markCall(db: Db, callId: string, column: 'answered_at' | 'ended_at', at: Date) {
  return db
    .updateTable('contacts')
    .set({ [column]: at })
    .where('call_id', '=', callId)
    .where(column, 'is', null)
    .returning(['id', 'operator_id', 'organization_id'])
    .executeTakeFirst();
}

/** The phone number as compared: its last 10 digits (+7 701…, 8 701… and 701… are one number). */
const phoneKey = (column: string) => sql<string>`right(regexp_replace(${sql.ref(column)}, '[^0-9]', '', 'g'), 10)`;
const phoneValue = (phone: string) => phone.replace(/\D/g, '').slice(-10);

/** The caller's earlier contacts in the actor's scope, newest first. */
export async function earlierContacts(db: Db, actor: Actor, phone: string, except: string) {
  return db
    .selectFrom('contacts as c')
    .leftJoin('appeals as a', 'a.id', 'c.appeal_id')
    .select(['c.id', 'c.channel', 'c.started_at', 'c.outcome', 'c.operator_name', 'a.registration_number'])
    .where(phoneKey('c.caller_phone'), '=', phoneValue(phone))
    .where('c.id', '<>', except)
    .where(inScope(actor, 'c.organization_id'))
    .orderBy('c.started_at', 'desc')
    .limit(20)
    .execute();
}

/** The caller's appeals (an applicant with this phone) in the actor's scope, newest first. */
export async function appealsOfPhone(db: Db, actor: Actor, phone: string) {
  return db
    .selectFrom('appeals as a')
    .select(['a.id', 'a.registration_number', 'a.talon_number', 'a.registration_date', 'a.due_date', 'a.status', 'a.summary', 'a.organization_id'])
    .where((e) =>
      e.exists(
        e
          .selectFrom('applicant_cards as ac')
          .select('ac.appeal_id')
          .whereRef('ac.appeal_id', '=', 'a.id')
          .where((x) => x.or([x(phoneKey('ac.phone_mobile'), '=', phoneValue(phone)), x(phoneKey('ac.phone_other'), '=', phoneValue(phone))])),
      ),
    )
    .where(inScope(actor, 'a.organization_id'))
    .orderBy('a.registration_date', 'desc')
    .limit(20)
    .execute();
}

/** An appeal by its registration and talon numbers (the caller gives both), in scope. */
export async function appealByNumbers(db: Db, actor: Actor, registrationNumber: string, talonNumber: string) {
  return db
    .selectFrom('appeals')
    .select(['id', 'registration_number', 'talon_number', 'registration_date', 'due_date', 'status', 'organization_id'])
    .where('registration_number', '=', registrationNumber)
    .where('talon_number', '=', talonNumber)
    .where(inScope(actor, 'organization_id'))
    .executeTakeFirst();
}

/** The appeals of an applicant identified by IIN, in scope, newest first. */
export async function appealsOfIin(db: Db, actor: Actor, iin: string) {
  return db
    .selectFrom('appeals as a')
    .select(['a.id', 'a.registration_number', 'a.talon_number', 'a.registration_date', 'a.due_date', 'a.status', 'a.organization_id'])
    .where((e) => e.exists(e.selectFrom('applicant_cards as ac').select('ac.appeal_id').whereRef('ac.appeal_id', '=', 'a.id').where('ac.iin', '=', iin)))
    .where(inScope(actor, 'a.organization_id'))
    .orderBy('a.registration_date', 'desc')
    .limit(20)
    .execute();
}

export async function appealNumbers(db: Db, id: string) {
  return db.selectFrom('appeals').select(['id', 'registration_number', 'talon_number', 'channel', 'organization_id']).where('id', '=', id).executeTakeFirstOrThrow();
}

export async function insertComplaint(db: Db, row: Insertable<PublicServiceComplaintsTable>): Promise<void> {
  await db.insertInto('public_service_complaints').values(row).execute();
}

/** The public-service complaints of a period in the actor's scope (and of one provider), oldest first. */
export async function complaintsOf(db: Db, actor: Actor, from: Date, to: Date, providerId: number | undefined) {
  let q = db.selectFrom('public_service_complaints as p').selectAll('p').where('p.received_at', '>=', from).where('p.received_at', '<', to).where(inScope(actor, 'p.organization_id'));
  if (providerId !== undefined) q = q.where('p.provider_id', '=', providerId);
  return q.orderBy('p.received_at').orderBy('p.id').execute();
}

// ---- operators and organizations ----

/** The operator a telephone-system event names: by login or by the phone extension on record. */
export async function operatorByName(db: Db, name: string) {
  return db
    .selectFrom('users')
    .select(['id', 'login', 'full_name', 'organization_id', 'roles'])
    .where((e) => e.or([e('login', '=', name), e('phone', '=', name)]))
    .where('active', '=', true)
    .orderBy('login')
    .executeTakeFirst();
}

/** The organization and its ancestors, nearest first. */
export async function organizationAndAncestors(db: Db, id: number) {
  return db
    .selectFrom('organization_closure as c')
    .innerJoin('organizations as o', 'o.id', 'c.ancestor_id')
    .select(['o.id', 'o.kind', 'o.code', 'o.name_kk', 'o.name_ru', 'o.name_en'])
    .where('c.descendant_id', '=', id)
    .orderBy('c.depth')
    .execute();
}

export async function organizationById(db: Db, id: number) {
  return db.selectFrom('organizations').select(['id', 'code', 'kind', 'name_kk', 'name_ru', 'name_en']).where('id', '=', id).executeTakeFirst();
}

/** The group of an issue category (its parent in the directory), if any. */
export async function issueGroupOf(db: Db, category: string): Promise<string | null | undefined> {
  const row = await db.selectFrom('directory_entries').select('parent_code').where('directory', '=', 'issueCategory').where('code', '=', category).executeTakeFirst();
  return row ? row.parent_code : undefined;
}

// ---- knowledge cards ----

export type CardRow = Awaited<ReturnType<typeof cardById>> & {};

export async function insertCard(db: Db, row: Insertable<KnowledgeCardsTable>): Promise<void> {
  await db.insertInto('knowledge_cards').values(row).execute();
}

export async function cardById(db: Db, id: string, lock = false) {
  let q = db.selectFrom('knowledge_cards').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateCard(db: Db, id: string, set: Updateable<KnowledgeCardsTable>): Promise<void> {
  await db.updateTable('knowledge_cards').set(set).where('id', '=', id).execute();
}

export async function countCardUse(db: Db, id: string): Promise<void> {
  await db
    .updateTable('knowledge_cards')
    .set((e) => ({ usage_count: sql`${e.ref('usage_count')} + 1` }))
    .where('id', '=', id)
    .execute();
}

/** The cards of the actor's scope matching the tsquery (all when null), the best match first. */
export async function cardsMatching(db: Db, actor: Actor, tsquery: string | null) {
  const document = sql`to_tsvector('simple', service_kk || ' ' || service_ru || ' ' || bylaw_kk || ' ' || bylaw_ru || ' ' || answer_kk || ' ' || answer_ru || ' ' || provider_name)`;
  let q = db.selectFrom('knowledge_cards').selectAll().where(inScope(actor, 'organization_id'));
  if (tsquery) {
    q = q.where(sql<boolean>`${document} @@ to_tsquery('simple', ${tsquery})`).orderBy(sql`ts_rank(${document}, to_tsquery('simple', ${tsquery}))`, 'desc');
  }
  return q.orderBy('usage_count', 'desc').orderBy('service_kk').limit(500).execute();
}

/** The contacts started in [from, to) in the actor's scope, with the caller as compared. */
export async function contactsBetween(db: Db, actor: Actor, from: Date, to: Date) {
  return db
    .selectFrom('contacts')
    .select(['id', 'channel', 'outcome', 'started_at', 'answered_at', 'ended_at', 'call_id', 'knowledge_card_id'])
    .select(sql<string | null>`coalesce(nullif(right(regexp_replace(caller_phone, '[^0-9]', '', 'g'), 10), ''), lower(caller_address))`.as('caller'))
    .where('started_at', '>=', from)
    .where('started_at', '<', to)
    .where(inScope(actor, 'organization_id'))
    .orderBy('started_at')
    .execute();
}

export async function cardNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('knowledge_cards').select(['id', 'service_kk', 'service_ru']).where('id', 'in', ids).execute();
}

export async function insertRefusal(db: Db, row: Insertable<ProviderRefusalsTable>): Promise<void> {
  await db.insertInto('provider_refusals').values(row).execute();
}

/** The refusals of a month ('YYYY-MM') in the actor's scope, with the providers' names. */
export async function refusalsOfMonth(db: Db, actor: Actor, month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return db
    .selectFrom('provider_refusals as r')
    .innerJoin('organizations as o', 'o.id', 'r.provider_id')
    .select(['r.id', 'r.provider_id', 'r.refused_on', 'r.request', 'r.note', 'r.recorded_by_name', 'o.code', 'o.name_kk', 'o.name_ru', 'o.name_en'])
    .where('r.refused_on', '>=', `${month}-01`)
    .where('r.refused_on', '<', next)
    .where(inScope(actor, 'r.organization_id'))
    .orderBy('r.refused_on')
    .execute();
}

// ---- chats (EA-05) ----

export async function chatMessages(db: Db, contactId: string) {
  return db.selectFrom('chat_messages').select(['id', 'at', 'author', 'text']).where('contact_id', '=', contactId).orderBy('id').limit(2000).execute();
}

export async function contactClosed(db: Db, contactId: string): Promise<boolean> {
  const row = await db.selectFrom('contacts').select('closed_at').where('id', '=', contactId).executeTakeFirst();
  return !row || row.closed_at !== null;
}

export async function insertChatMessage(db: Db, row: Insertable<ChatMessagesTable>) {
  return db.insertInto('chat_messages').values(row).returning(['id', 'at', 'author', 'text']).executeTakeFirstOrThrow();
}

/** Chats not yet closed in the actor's scope, the oldest first, with their last message. */
export async function openChats(db: Db, actor: Actor) {
  return db
    .selectFrom('contacts as c')
    .select(['c.id', 'c.started_at', 'c.operator_name', 'c.language'])
    .select((e) => e.selectFrom('chat_messages as m').select('m.text').whereRef('m.contact_id', '=', 'c.id').orderBy('m.id', 'desc').limit(1).as('last_message'))
    .where('c.channel', '=', 'chat')
    .where('c.closed_at', 'is', null)
    .where(inScope(actor, 'c.organization_id'))
    .orderBy('c.started_at')
    .limit(100)
    .execute();
}
