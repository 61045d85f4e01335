// Providers' refusals to give the centre information (CC-10, CC-13): each recorded with what was
// asked; two or more of one provider in a calendar month make a draft notice to the
// service-quality authority, with the refusal records attached.
import { randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import { today } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { forbidden, invalid } from '../errors.ts';
import { appendEvent } from '../audit/log.ts';
import { refusalNotices, REFUSALS_FOR_NOTICE } from '../domain/contact-centre.ts';
import type { RefusalInput } from './schemas.ts';
import * as store from './store.ts';

const mayRecord = (actor: Actor) => hasRole(actor, 'head', 'operator');

export async function recordRefusal(ctx: Context, actor: Actor, input: RefusalInput): Promise<string> {
  if (!mayRecord(actor)) throw forbidden();
  if (input.refusedOn > today(ctx)) throw invalid([{ path: '/refusedOn', code: 'knowledgeCard.dateInFuture' }]);
  if (!(await store.organizationById(ctx.db, input.providerId))) throw invalid([{ path: '/providerId', code: 'organization.unknown' }]);
  const id = randomUUID();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertRefusal(trx, {
      id,
      organization_id: actor.organizationId,
      provider_id: input.providerId,
      refused_on: input.refusedOn,
      request: input.request,
      note: input.note ?? null,
      recorded_by: actor.id,
      recorded_by_name: actor.fullName,
      created_at: now,
    });
    await appendEvent(trx, { appealId: null, organizationId: actor.organizationId, actor, at: now, kind: 'providerRefusal', changes: { refusalId: id, providerId: input.providerId, refusedOn: input.refusedOn } });
  });
  return id;
}

/** The draft notices of a month to the quality authority: per provider refusing at least
 *  REFUSALS_FOR_NOTICE times, with the records and a text in Kazakh and Russian. */
export async function refusalNoticesOf(ctx: Context, actor: Actor, month: string) {
  if (!mayRecord(actor) && !hasRole(actor, 'controller')) throw forbidden();
  const rows = await store.refusalsOfMonth(ctx.db, actor, month);
  const notices = refusalNotices(
    rows.map((r) => ({ ...r, providerId: r.provider_id, refusedOn: r.refused_on })),
    month,
  );
  return notices.map((n) => {
    const p = n.refusals[0]!;
    const dates = n.refusals.map((r) => r.refused_on).join(', ');
    return {
      provider: { id: n.providerId, code: p.code, name: { kk: p.name_kk, ru: p.name_ru, en: p.name_en } },
      month,
      threshold: REFUSALS_FOR_NOTICE,
      refusals: n.refusals.map((r) => ({ id: r.id, refusedOn: r.refused_on, request: r.request, note: r.note, recordedBy: r.recorded_by_name })),
      draft: {
        kk: `${p.name_kk} ${month} айында бірыңғай байланыс орталығына ақпарат беруден ${n.refusals.length} рет бас тартты (${dates}). Бас тартулар туралы жазбалар қоса беріледі.`,
        ru: `${p.name_ru} в ${month} ${n.refusals.length} раз(а) отказал(о) единому контакт-центру в предоставлении информации (${dates}). Записи об отказах прилагаются.`,
      },
    };
  });
}
