// Reconciliation (rules p.34): from the 1st to the 8th of a month the statistics authority and
// each organization compare the previous month's counts of appeals received and of the results of
// review, card by card, and each side confirms.
//
// The organization's side is its cards as they are (this instance's, or — when the organization runs
// its own instance — the statement that instance gives: GET /reconciliations/statement). The
// authority's side is what the authority received: the cards imported from that instance (an
// authority instance), or, on one shared instance, the cards as the daily exports delivered them
// (the export journal up to the end of yesterday). Both sides go through the same rules
// (src/domain/form1.ts, accounting.ts: reconciledCard), so a difference is a card that was not
// exported, changed since, or counted differently. A side's confirmation may be signed with its
// user's EDS (src/letters/signing.ts): a CMS over the reconciliation as opened (reconciliationContent).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Context } from '../context.ts';
import { today as todayOf } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { canActFor, inScope } from '../access/scope.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { appendEvent } from '../audit/log.ts';
import { form1Card } from '../domain/form1.ts';
import { reconciledCard, reconciliationCounts, reconciliationPeriod, sameReconciledCard, type ReconciledCard } from '../domain/accounting.ts';
import { FORM1_TABLES, RESULT_GROUP } from './form1-layout.ts';
import { STATISTICS_TIME_ZONE, canonicalJson, cardOf, cellsOf, loadImportedCards, loadLocalCards, statisticsDay } from './cards.ts';
import { signatureBy, type SignInput } from '../letters/signing.ts';
import { authorityScope, countedPredicate, countsAnyOf } from './scope.ts';
import { instanceIdOf } from '../exports/keys.ts';
import type { ReconciliationInput } from './schemas.ts';

type Cells = Map<number, string[]>;

const tableOf = (documentType: string) => {
  const t = FORM1_TABLES.find((x) => x.id !== 's1' && x.documentTypes.includes(documentType as never));
  return t ? { id: t.id, resultColumns: t.columns.filter((c) => c.group?.kk === RESULT_GROUP.kk).map((c) => c.key) } : undefined;
};

export interface StatementCard extends ReconciledCard {
  /** The appeal's id in the organization's instance. */
  id: string;
  registrationNumber: string;
}

export interface Statement {
  instanceId: string;
  organization: string;
  year: number;
  month: number;
  cards: StatementCard[];
}

function facts(id: string, registrationNumber: string, documentType: string, cells: Cells, year: number, month: number): StatementCard | null {
  const r = reconciledCard(cells, year, month, tableOf(documentType));
  return r.received || r.reviewed ? { id, registrationNumber, ...r } : null;
}

/** The organization's own cards in this instance, as they are. */
export async function organizationStatement(ctx: Context, actor: Actor, organizationId: number, year: number, month: number): Promise<Statement> {
  await mayReconcile(ctx, actor, organizationId);
  const org = await ctx.db.selectFrom('organizations').select('code').where('id', '=', organizationId).executeTakeFirst();
  if (!org) throw invalid([{ path: '/querystring/organization', code: 'organization.unknown' }]);
  const ids = await ctx.db.selectFrom('card_cells').select('appeal_id').where('organization_id', '=', organizationId).where('year', '=', year).execute();
  const cards = await loadLocalCards(
    ctx.db,
    ids.map((r) => r.appeal_id),
    { lock: false, journal: false },
  );
  const now = ctx.clock.now();
  const out = cards
    .map((c) => facts(c.id, String(c.tzh1.registrationNumber), String(c.tzh1.documentType), cellsOf(cardOf(c), now), year, month))
    .filter((x): x is StatementCard => x !== null)
    .sort((a, b) => a.registrationNumber.localeCompare(b.registrationNumber) || a.id.localeCompare(b.id));
  return { instanceId: await instanceIdOf(ctx.db), organization: org.code, year, month, cards: out };
}

/** What the authority received of the organization's cards. */
async function authoritySide(ctx: Context, organizationId: number, year: number, month: number, fromInstance: string | null): Promise<StatementCard[]> {
  const now = ctx.clock.now();
  if (fromInstance) {
    const keys = await ctx.db.selectFrom('imported_records').select('card_key').where('kind', '=', 'tzh1').where('instance_id', '=', fromInstance).where('organization_id', '=', organizationId).execute();
    const cards = await loadImportedCards(
      ctx.db,
      keys.map((k) => k.card_key),
    );
    return cards
      .map((c) => facts(String(c.tzh1.id ?? c.id), String(c.tzh1.registrationNumber ?? ''), String(c.tzh1.documentType ?? ''), cellsOf(cardOf(c), now), year, month))
      .filter((x): x is StatementCard => x !== null);
  }
  // One shared instance: the records as the daily exports carried them, up to the end of yesterday.
  const rows = await sql<{ kind: string; appeal_id: string; record: Record<string, unknown> | null }>`
    SELECT DISTINCT ON (e.kind, e.record_id) e.kind, e.appeal_id, e.record
    FROM export_journal e
    WHERE e.organization_id = ${organizationId}::integer AND e.day < ${statisticsDay(now)}::date AND e.kind IN ('tzh1', 'tzh2')
    ORDER BY e.kind, e.record_id, e.seq DESC
  `.execute(ctx.db);
  const byAppeal = new Map<string, { tzh1?: Record<string, unknown> | null; tzh2: Record<string, unknown>[] }>();
  for (const r of rows.rows) {
    let e = byAppeal.get(r.appeal_id);
    if (!e) byAppeal.set(r.appeal_id, (e = { tzh2: [] }));
    if (r.kind === 'tzh1') e.tzh1 = r.record;
    else if (r.record) e.tzh2.push(r.record);
  }
  const out: StatementCard[] = [];
  for (const [id, e] of byAppeal) {
    if (!e.tzh1) continue;
    const card = form1Card(id, organizationId, e.tzh1 as never, e.tzh2 as never, STATISTICS_TIME_ZONE);
    const f = facts(id, String(e.tzh1.registrationNumber), String(e.tzh1.documentType), cellsOf(card, now), year, month);
    if (f) out.push(f);
  }
  return out;
}

/** The side the actor reconciles for: the authority (src/statistics/scope.ts: authorityScope) for
 *  the organizations it counts, a head for their own. */
async function mayReconcile(ctx: Context, actor: Actor, organizationId: number): Promise<'authority' | 'organization'> {
  const counted = await authorityScope(ctx.db, actor);
  if (counted) {
    if (!(await countsAnyOf(ctx.db, counted, organizationId))) throw forbidden();
    return 'authority';
  }
  if (actor.roles.includes('head') && (await canActFor(ctx.db, actor, organizationId))) return 'organization';
  throw forbidden();
}

/** Opens (or recomputes, until both sides confirm) the reconciliation of the previous month. */
export async function openReconciliation(ctx: Context, actor: Actor, input: ReconciliationInput) {
  const side = await mayReconcile(ctx, actor, input.organizationId);
  if (side !== 'authority') throw forbidden();
  const today = todayOf(ctx);
  const period = reconciliationPeriod(today);
  if (!period) throw new AppError(409, 'reconciliation.outsideWindow', [], { today });
  const org = await ctx.db.selectFrom('organizations').select('code').where('id', '=', input.organizationId).executeTakeFirst();
  if (!org) throw invalid([{ path: '/organizationId', code: 'organization.unknown' }]);
  if (input.statement && (input.statement.organization !== org.code || input.statement.year !== period.year || input.statement.month !== period.month)) {
    throw invalid([{ path: '/statement', code: 'reconciliation.statementMismatch' }]);
  }
  const organizationCards = input.statement?.cards ?? (await organizationStatement(ctx, actor, input.organizationId, period.year, period.month)).cards;
  const authorityCards = await authoritySide(ctx, input.organizationId, period.year, period.month, input.statement?.instanceId ?? null);
  const a = new Map(authorityCards.map((c) => [c.id, c]));
  const o = new Map(organizationCards.map((c) => [c.id, c]));
  const differences = [...new Set([...a.keys(), ...o.keys()])]
    .filter((id) => !sameReconciledCard(a.get(id), o.get(id)))
    .sort()
    .map((id) => {
      const strip = (c: StatementCard | undefined) => (c ? { received: c.received, reviewed: c.reviewed, result: c.result } : null);
      return { appealId: id, registrationNumber: (o.get(id) ?? a.get(id))!.registrationNumber, authority: strip(a.get(id)), organization: strip(o.get(id)) };
    });
  const now = ctx.clock.now();
  const values = {
    opened_at: now,
    opened_by_name: actor.fullName,
    authority_counts: JSON.stringify(reconciliationCounts(authorityCards)),
    organization_counts: JSON.stringify(reconciliationCounts(organizationCards)),
    differences: JSON.stringify({ cards: differences }),
    authority_confirmed_by: null,
    authority_confirmed_at: null,
    organization_confirmed_by: null,
    organization_confirmed_at: null,
    authority_signature: null,
    organization_signature: null,
  };
  return ctx.db.transaction().execute(async (trx) => {
    // locked: a confirmation (confirmReconciliation) signs the row as it is, not one recomputed meanwhile
    const existing = await trx
      .selectFrom('reconciliations')
      .selectAll()
      .where('organization_id', '=', input.organizationId)
      .where('year', '=', period.year)
      .where('month', '=', period.month)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.authority_confirmed_at && existing.organization_confirmed_at) throw new AppError(409, 'reconciliation.confirmed');
    const id = existing?.id ?? randomUUID();
    if (existing) await trx.updateTable('reconciliations').set(values).where('id', '=', id).execute();
    else
      await trx
        .insertInto('reconciliations')
        .values({ id, organization_id: input.organizationId, year: period.year, month: period.month, ...values })
        .execute();
    await appendEvent(trx, {
      appealId: null,
      organizationId: input.organizationId,
      actor,
      at: now,
      kind: 'reconciliationOpened',
      changes: { reconciliationId: id, period, differences: differences.length, source: input.statement ? `instance ${input.statement.instanceId}` : 'daily exports' },
    });
    return id;
  });
}

type ReconciliationRow = Awaited<ReturnType<typeof reconciliationOf>>;

/** What a side's confirmation signs: the reconciliation as opened, as canonical JSON. */
export function reconciliationContent(r: Pick<ReconciliationRow, 'id' | 'organization_id' | 'year' | 'month' | 'authority_counts' | 'organization_counts' | 'differences'>): string {
  return canonicalJson({
    reconciliation: r.id,
    organizationId: r.organization_id,
    period: { year: r.year, month: r.month },
    authority: r.authority_counts,
    organization: r.organization_counts,
    differences: r.differences,
  });
}

/** Confirms the actor's side; signed when `sign` gives a key or a signature. */
export async function confirmReconciliation(ctx: Context, actor: Actor, id: string, sign: SignInput = {}) {
  const found = await ctx.db.selectFrom('reconciliations').select(['organization_id', 'year', 'month']).where('id', '=', id).executeTakeFirst();
  if (!found) throw notFound();
  const side = await mayReconcile(ctx, actor, found.organization_id);
  const period = reconciliationPeriod(todayOf(ctx));
  if (!period || period.year !== found.year || period.month !== found.month) throw new AppError(409, 'reconciliation.outsideWindow', [], { today: todayOf(ctx) });
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    // Locked, so what is signed and confirmed is the row as it stays: a concurrent openReconciliation
    // recomputes it before (and the signature is over the new one) or after (and clears this confirmation).
    const row = await trx.selectFrom('reconciliations').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    const signed = sign.pkcs12 || sign.signature ? await signatureBy({ ...ctx, db: trx }, actor, Buffer.from(reconciliationContent(row), 'utf8'), sign, now) : null;
    const signature = signed ? Buffer.from(signed.cms) : null;
    await trx
      .updateTable('reconciliations')
      .set(
        side === 'authority'
          ? { authority_confirmed_by: actor.fullName, authority_confirmed_at: now, authority_signature: signature }
          : { organization_confirmed_by: actor.fullName, organization_confirmed_at: now, organization_signature: signature },
      )
      .where('id', '=', id)
      .execute();
    await appendEvent(trx, { appealId: null, organizationId: row.organization_id, actor, at: now, kind: 'reconciliationConfirmed', changes: { reconciliationId: id, side, signer: signed?.signer ?? null } });
  });
}

/** The reconciliations the actor may see: the authority those of the organizations it counts, a
 *  head those of their organizations; newest period first. */
export async function listReconciliations(ctx: Context, actor: Actor, filter: { year?: number; month?: number }) {
  const counted = await authorityScope(ctx.db, actor);
  if (!counted && !actor.roles.includes('head')) throw forbidden();
  let q = ctx.db
    .selectFrom('reconciliations as r')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .select(['r.id', 'r.organization_id', 'o.code', 'o.name_kk', 'o.name_ru', 'o.name_en', 'r.year', 'r.month', 'r.opened_at', 'r.differences', 'r.authority_confirmed_at', 'r.organization_confirmed_at'])
    .where(counted ? countedPredicate(counted, sql.ref('r.organization_id')) : inScope(actor, 'r.organization_id'));
  if (filter.year !== undefined) q = q.where('r.year', '=', filter.year);
  if (filter.month !== undefined) q = q.where('r.month', '=', filter.month);
  const rows = await q.orderBy('r.year', 'desc').orderBy('r.month', 'desc').orderBy('o.code').limit(1000).execute();
  return { period: reconciliationPeriod(todayOf(ctx)), rows };
}

export async function reconciliationOf(ctx: Context, actor: Actor, id: string) {
  const row = await ctx.db.selectFrom('reconciliations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  await mayReconcile(ctx, actor, row.organization_id);
  return row;
}

export function presentReconciliation(r: ReconciliationRow) {
  const signature = (b: Buffer | null) => (b ? Buffer.from(b).toString('base64') : null);
  return {
    id: r.id,
    organizationId: r.organization_id,
    period: { year: r.year, month: r.month },
    openedAt: r.opened_at.toISOString(),
    openedBy: r.opened_by_name,
    authority: { counts: r.authority_counts, confirmedBy: r.authority_confirmed_by, confirmedAt: r.authority_confirmed_at?.toISOString() ?? null, signature: signature(r.authority_signature) },
    organization: {
      counts: r.organization_counts,
      confirmedBy: r.organization_confirmed_by,
      confirmedAt: r.organization_confirmed_at?.toISOString() ?? null,
      signature: signature(r.organization_signature),
    },
    differences: (r.differences as { cards: unknown[] }).cards,
    /** What a signed confirmation signs (UTF-8). */
    signedContent: reconciliationContent(r),
  };
}
