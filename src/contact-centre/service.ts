// Use cases of contacts (EA-05, CC-25): a contact is opened (by the operator, or by the telephone
// system: src/cti) and closed with exactly one outcome — a consultation from a live knowledge
// card, a status answer about an appeal, a public-service complaint (the Annex 2 material, never
// an appeal: CC-25), or an appeal registered for the competent organization through the one
// registration use case, channel "contact centre", the talon number sent by SMS.
import { randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import { today } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { appendEvent } from '../audit/log.ts';
import { canActFor } from '../access/scope.ts';
import { appealTransaction } from '../appeals/change.ts';
import { registerAppeal } from '../intake/register.ts';
import { appealFormOf, suggestCompetentOrganization, type ContactChannel } from '../domain/contact-centre.ts';
import { shownToOperators } from '../domain/knowledge-cards.ts';
import type { RegistrationInput } from '../domain/registration.ts';
import type { CloseContactInput, OpenContactInput } from './schemas.ts';
import { cardDates } from './cards.ts';
import * as store from './store.ts';

export type { CloseContactInput, OpenContactInput } from './schemas.ts';

/** The roles that work contacts: the operator (the administrator has every role). */
const mayWorkContacts = (actor: Actor) => hasRole(actor, 'operator');

export async function openContact(ctx: Context, actor: Actor, input: OpenContactInput): Promise<string> {
  if (!mayWorkContacts(actor)) throw forbidden();
  const now = ctx.clock.now();
  const startedAt = input.startedAt ? new Date(input.startedAt) : now;
  if (startedAt.getTime() > now.getTime()) throw invalid([{ path: '/startedAt', code: 'receivedAt.inFuture' }]);
  if (input.concernsOrganizationId !== undefined && !(await store.organizationById(ctx.db, input.concernsOrganizationId))) {
    throw invalid([{ path: '/concernsOrganizationId', code: 'organization.unknown' }]);
  }
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertContact(trx, {
      id,
      organization_id: actor.organizationId,
      channel: input.channel,
      caller_phone: input.callerPhone ?? null,
      caller_address: input.callerAddress ?? null,
      operator_id: actor.id,
      operator_name: actor.fullName,
      language: input.language ?? null,
      concerns_organization_id: input.concernsOrganizationId ?? null,
      started_at: startedAt,
      created_at: now,
    });
    await appendEvent(trx, { appealId: null, organizationId: actor.organizationId, actor, at: now, kind: 'contactOpened', changes: { contactId: id, channel: input.channel } });
  });
  return id;
}

/** A contact with the caller's earlier contacts and appeals (by phone number), the look-up of a
 *  person audited. */
export async function contactWithHistory(ctx: Context, actor: Actor, id: string) {
  if (!mayWorkContacts(actor) && !hasRole(actor, 'head')) throw forbidden();
  const contact = await store.contactInScope(ctx.db, actor, id);
  if (!contact) throw notFound();
  if (!contact.visible) throw forbidden();
  const phone = contact.caller_phone;
  const [contacts, appeals] = phone ? await Promise.all([store.earlierContacts(ctx.db, actor, phone, id), store.appealsOfPhone(ctx.db, actor, phone)]) : [[], []];
  if (phone) {
    await appendEvent(ctx.db, {
      appealId: null,
      organizationId: contact.organization_id,
      actor,
      at: ctx.clock.now(),
      kind: 'callerHistoryViewed',
      changes: { contactId: id, contacts: contacts.length, appeals: appeals.map((a) => a.registration_number) },
    });
  }
  return { contact, history: { contacts, appeals } };
}

export interface ClosedContact {
  outcome: CloseContactInput['outcome'];
  appeal?: { id: string; registrationNumber: string; talonNumber: string };
  appeals?: Awaited<ReturnType<typeof store.appealsOfIin>>;
  complaintId?: string;
}

export async function closeContact(ctx: Context, actor: Actor, id: string, input: CloseContactInput): Promise<ClosedContact> {
  if (!mayWorkContacts(actor)) throw forbidden();
  // An appeal outcome registers through the door's transaction; the others in one of their own.
  const run = <T>(fn: (tctx: Context) => Promise<T>) => (input.outcome === 'appeal' ? appealTransaction(ctx, fn) : ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx })));
  return run(async (tctx) => {
    const contact = await store.contactInScope(tctx.db, actor, id, true);
    if (!contact) throw notFound();
    if (!contact.visible) throw forbidden();
    if (contact.closed_at) throw new AppError(409, 'contact.closed');
    if (input.concernsOrganizationId !== undefined && !(await store.organizationById(tctx.db, input.concernsOrganizationId))) {
      throw invalid([{ path: '/concernsOrganizationId', code: 'organization.unknown' }]);
    }
    const now = tctx.clock.now();
    const set = {
      outcome: input.outcome,
      closed_at: now,
      note: input.note ?? null,
      language: input.language ?? contact.language,
      concerns_organization_id: input.concernsOrganizationId ?? contact.concerns_organization_id,
      // a contact closed before the telephone system said the call ended ends now
      ended_at: contact.ended_at ?? (contact.call_id ? null : now),
    };
    const result: ClosedContact = { outcome: input.outcome };
    const changes: Record<string, unknown> = { contactId: id, outcome: input.outcome };
    if (input.outcome === 'consultation') {
      const card = await store.cardById(tctx.db, input.knowledgeCardId);
      const usable = card && shownToOperators(cardDates(card), tctx.law.calendar, today(tctx)) && (await canActFor(tctx.db, actor, card.organization_id));
      if (!usable) throw invalid([{ path: '/knowledgeCardId', code: 'contact.cardNotLive' }]);
      await store.countCardUse(tctx.db, card.id);
      await store.updateContact(tctx.db, id, { ...set, knowledge_card_id: card.id });
      changes.knowledgeCardId = card.id;
    } else if (input.outcome === 'statusAnswer') {
      const found = await statusOf(tctx, actor, input);
      result.appeals = found;
      await store.updateContact(tctx.db, id, { ...set, status_appeal_id: found.length === 1 ? found[0]!.id : null });
      changes.appeals = found.map((a) => a.registration_number);
    } else if (input.outcome === 'publicServiceComplaint') {
      // CC-25: the quality authority's track, the Annex 2 report; no appeal, nothing in 1-ТӨ
      if (input.providerId !== undefined && !(await store.organizationById(tctx.db, input.providerId))) throw invalid([{ path: '/providerId', code: 'organization.unknown' }]);
      const complaintId = randomUUID();
      await store.updateContact(tctx.db, id, set);
      await store.insertComplaint(tctx.db, {
        id: complaintId,
        contact_id: id,
        organization_id: contact.organization_id,
        received_at: contact.started_at,
        responsible_name: actor.fullName,
        region: input.region,
        applicant_name: input.applicantName,
        nature: input.nature,
        content: input.content,
        measures: input.measures,
        ticket_number: input.ticketNumber ?? null,
        bylaw_violation: input.bylawViolation ?? null,
        employee_actions: input.employeeActions ?? null,
        provider_id: input.providerId ?? null,
      });
      result.complaintId = complaintId;
      changes.complaintId = complaintId;
    } else {
      const appealId = await registerAppeal(tctx, actor, appealOfContact(contact, input.organizationId, input.appeal));
      const a = await store.appealNumbers(tctx.db, appealId);
      await store.updateContact(tctx.db, id, { ...set, appeal_id: appealId, concerns_organization_id: input.organizationId });
      result.appeal = { id: appealId, registrationNumber: a.registration_number, talonNumber: a.talon_number };
      changes.appealId = appealId;
      changes.registrationNumber = a.registration_number;
    }
    await appendEvent(tctx.db, { appealId: result.appeal?.id ?? null, organizationId: contact.organization_id, actor, at: now, kind: 'contactClosed', changes });
    return result;
  });
}

/** The registration of an appeal taken in a contact: for the competent organization, channel
 *  "contact centre", oral from a call (its protocol the operator's record), received when the
 *  contact began; the caller's number is the applicant's phone unless given, so the talon number
 *  goes out by SMS (the registration's own message). */
function appealOfContact(contact: { channel: string; caller_phone: string | null; started_at: Date }, organizationId: number, appeal: RegistrationInput): RegistrationInput {
  const phone = contact.caller_phone?.replace(/[^+0-9 ()-]/g, '');
  const withPhone = (a: NonNullable<RegistrationInput['applicant']>) => (a.phone || !phone ? a : { ...a, phone });
  return {
    ...appeal,
    organizationId,
    channel: 'contactCentre',
    form: appealFormOf(contact.channel as ContactChannel),
    receivedAt: appeal.receivedAt ?? contact.started_at.toISOString(),
    ...(appeal.applicant ? { applicant: withPhone(appeal.applicant) } : {}),
  };
}

/** CC-14 (in part): the appeal's status for the caller — by registration and talon numbers, or by
 *  IIN after identification (a look-up of a person: audited with the contact's close). */
async function statusOf(ctx: Context, actor: Actor, input: Extract<CloseContactInput, { outcome: 'statusAnswer' }>) {
  if (input.iin) return store.appealsOfIin(ctx.db, actor, input.iin);
  if (!input.registrationNumber || !input.talonNumber) {
    const path = input.registrationNumber ? '/talonNumber' : '/registrationNumber';
    throw invalid([{ path, code: 'contact.statusNeedsNumbers' }]);
  }
  const found = await store.appealByNumbers(ctx.db, actor, input.registrationNumber.trim(), input.talonNumber.trim());
  if (!found) throw invalid([{ path: '/registrationNumber', code: 'contact.appealNotFound' }]);
  return [found];
}

/** The competent organization for an issue in the caller's territory (a suggestion). */
export async function competentOrganization(ctx: Context, actor: Actor, issueCategory: string | undefined, territory: number) {
  if (!mayWorkContacts(actor)) throw forbidden();
  const chain = await store.organizationAndAncestors(ctx.db, territory);
  if (chain.length === 0) throw invalid([{ path: '/territory', code: 'organization.unknown' }]);
  const group = issueCategory ? await store.issueGroupOf(ctx.db, issueCategory) : null;
  if (group === undefined) throw invalid([{ path: '/issueCategory', code: 'directory.unknownCode', params: { code: issueCategory! } }]);
  const suggested = suggestCompetentOrganization({ category: issueCategory ?? null, group }, chain);
  const org = chain.find((o) => o.id === suggested!.organizationId)!;
  return { organizationId: org.id, code: org.code, name: { kk: org.name_kk, ru: org.name_ru, en: org.name_en }, level: suggested!.level };
}
