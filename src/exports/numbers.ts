// Registration numbers unique across instances (issue 15, item 5; docs/scaling.md "Regional
// instances"). A regional instance sends its daily packages to the statistics authority's
// instance; so that no two regions give the same `ЖТ-2026-NNNNNNNN`, the authority leases every
// registered instance blocks of the year's sequence (number_leases), and an instance numbers
// gaplessly inside the blocks it holds (number_blocks): the registration statement takes the
// year's n-th number from them (registration_sequence, migration 0021). The next block is asked
// for while a share of the last one is left (LEASE_RENEW_AT; the hourly scheduler), with a request
// signed by the instance's key like its pushes; if one runs out all the same, the registration
// asks at once and tries again (withLeasedNumbers), inside a use case's transaction too. An
// instance that cannot reach the authority gets a block from its operator (`joldanym numbers
// grant` there, `numbers install` here).
//
// The mode is the setting `numbering`: absent or 'standalone' (the default: numbers as ever, one
// counter, no authority), 'leased' {url} (the authority's POST /api/v1/exports/number-blocks), or
// 'authority' {blockSize} (leases blocks to the instances it registered, and to itself).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Context } from '../context.ts';
import { today } from '../context.ts';
import type { Db } from '../db/connection.ts';
import { inTransaction, underSavepoint } from '../db/transaction.ts';
import { AppError } from '../errors.ts';
import { appendEvent } from '../audit/log.ts';
import { signDetached } from '../letters/cms.ts';
import { canonicalJson } from '../statistics/cards.ts';
import { DEFAULT_BLOCK_SIZE, inBlocks, needsNextBlock, nextBlock, SEQUENCE_DIGITS, sequenceOf, type NumberBlock } from '../domain/numbering.ts';
import { instanceIdOf, signingKey } from './keys.ts';
import { verifyInstanceSignature } from './instances.ts';

export type NumberingSettings = { mode: 'standalone' } | { mode: 'leased'; url: string } | { mode: 'authority'; blockSize: number };

export const LEASE_FORMAT = 'joldanym-number-lease/1';
/** A lease request older or newer than this (by the authority's clock) is refused: no replays. */
export const LEASE_REQUEST_WINDOW_MS = 10 * 60_000;
/** How long the instance waits for the authority's answer to its lease request. */
export const LEASE_REQUEST_TIMEOUT_MS = 10_000;
/** The SQLSTATE registration_sequence raises when no leased block covers the number (0021). */
const NO_LEASED_NUMBER = 'JN001';

export interface LeaseRequest {
  format: typeof LEASE_FORMAT;
  instanceId: string;
  year: number;
  /** The same request sent again (a lost answer) gets the same block. */
  requestId: string;
  at: string;
}

export interface LeasedBlock extends NumberBlock {
  year: number;
}

export async function numberingSettings(db: Db): Promise<NumberingSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'numbering').executeTakeFirst();
  const v = row?.value as Partial<{ mode: string; url: string; blockSize: number }> | null | undefined;
  if (v?.mode === 'leased' && typeof v.url === 'string') return { mode: 'leased', url: v.url };
  if (v?.mode === 'authority') return { mode: 'authority', blockSize: Number.isSafeInteger(v.blockSize) && v.blockSize! > 0 ? v.blockSize! : DEFAULT_BLOCK_SIZE };
  return { mode: 'standalone' };
}

/** The operator sets the mode (the CLI: `joldanym numbers standalone | leased URL | authority`). */
export async function setNumbering(ctx: Context, settings: NumberingSettings, by: string): Promise<void> {
  if (settings.mode === 'leased' && !/^https?:\/\//.test(settings.url)) throw new AppError(422, 'numbers.url');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('settings')
      .values({ key: 'numbering', value: JSON.stringify(settings) })
      .onConflict((c) => c.column('key').doUpdateSet({ value: JSON.stringify(settings) }))
      .execute();
    await appendEvent(trx, { appealId: null, organizationId: await rootOrganization(trx), actor: null, at: ctx.clock.now(), kind: 'numberingSet', changes: { ...settings, by } });
  });
}

async function rootOrganization(db: Db): Promise<number> {
  const root = await db.selectFrom('organizations').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
  return root?.id ?? 0;
}

// ---- the instance's side ----------------------------------------------------------------------

/** The numbers of the year still to be given from the blocks held, and the size of the last block. */
export async function numbersLeft(db: Db, year: number): Promise<{ left: number; lastSize: number | null; blocks: (LeasedBlock & { firstOrdinal: number })[] }> {
  const blocks = await db.selectFrom('number_blocks').selectAll().where('year', '=', year).orderBy('first_ordinal').execute();
  const counter = await db.selectFrom('appeal_counters').select('last_value').where('year', '=', year).executeTakeFirst();
  const last = blocks.at(-1);
  const end = last ? Number(last.first_ordinal) + last.size - 1 : 0;
  return {
    left: Math.max(0, end - Number(counter?.last_value ?? 0)),
    lastSize: last?.size ?? null,
    blocks: blocks.map((b) => ({ year, firstValue: Number(b.first_value), size: b.size, firstOrdinal: Number(b.first_ordinal) })),
  };
}

/** Takes a leased block into use after the blocks held (idempotent: a block held already is kept);
 *  in the transaction ctx.db is in, if it is in one. */
export async function installBlock(ctx: Context, block: LeasedBlock): Promise<void> {
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    // the counter row locked: no registration of the year runs while the block's ordinals are set
    await sql`INSERT INTO appeal_counters (year, last_value) VALUES (${block.year}, 0) ON CONFLICT (year) DO NOTHING`.execute(trx);
    const { last_value } = await sql<{ last_value: string }>`SELECT last_value FROM appeal_counters WHERE year = ${block.year} FOR UPDATE`.execute(trx).then((r) => r.rows[0]!);
    const held = await trx.selectFrom('number_blocks').select(['first_value', 'first_ordinal', 'size']).where('year', '=', block.year).execute();
    if (held.some((b) => Number(b.first_value) === block.firstValue)) return;
    const firstOrdinal = Math.max(Number(last_value) + 1, ...held.map((b) => Number(b.first_ordinal) + b.size));
    await trx.insertInto('number_blocks').values({ year: block.year, first_value: block.firstValue, size: block.size, first_ordinal: firstOrdinal, leased_at: now }).execute();
    await appendEvent(trx, { appealId: null, organizationId: await rootOrganization(trx), actor: null, at: now, kind: 'numberBlockReceived', changes: { ...block, firstOrdinal } });
  });
}

/** The request for the next block, signed with the instance's key (as its pushes are). */
export async function signedLeaseRequest(ctx: Context, year: number, requestId: string = randomUUID()): Promise<{ request: string; signature: string }> {
  const request: LeaseRequest = { format: LEASE_FORMAT, instanceId: await instanceIdOf(ctx.db), year, requestId, at: ctx.clock.now().toISOString() };
  const text = canonicalJson(request);
  const key = await signingKey(ctx);
  const signature = Buffer.from(await signDetached(Buffer.from(text, 'utf8'), key.pkcs12, key.password, ctx.clock.now())).toString('base64');
  return { request: text, signature };
}

/** Asks for the next block of the year (the authority; or itself, when it is the authority) and
 *  takes it into use. */
export async function requestBlock(ctx: Context, year: number, send: typeof fetch = fetch): Promise<LeasedBlock> {
  const settings = await numberingSettings(ctx.db);
  if (settings.mode === 'standalone') throw new AppError(409, 'numbers.standalone');
  let block: LeasedBlock;
  if (settings.mode === 'authority') {
    block = await grantBlock(ctx, { instanceId: await instanceIdOf(ctx.db), year, requestId: null, leasedBy: 'self' });
  } else {
    const body = await signedLeaseRequest(ctx, year);
    // bounded: a registration may wait for it holding its transaction (withLeasedNumbers)
    const res = await send(settings.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(LEASE_REQUEST_TIMEOUT_MS) });
    const answer = (await res.json().catch(() => null)) as (Partial<LeasedBlock> & { error?: { code?: string } }) | null;
    if (!res.ok || !answer || answer.year !== year || !Number.isSafeInteger(answer.firstValue) || !Number.isSafeInteger(answer.size)) {
      throw new AppError(409, 'numbers.leaseFailed', [], { status: res.status, code: answer?.error?.code ?? '' });
    }
    block = { year, firstValue: answer.firstValue!, size: answer.size! };
  }
  await installBlock(ctx, block);
  return block;
}

/** The scheduler's step: a block is asked for where the one held runs low — this year's, and in
 *  December next year's, so that its first registration finds one. */
export async function ensureNumbers(ctx: Context, send: typeof fetch = fetch): Promise<LeasedBlock[]> {
  if ((await numberingSettings(ctx.db)).mode === 'standalone') return [];
  const date = today(ctx);
  const year = Number(date.slice(0, 4));
  const leased: LeasedBlock[] = [];
  for (const y of date.slice(5, 7) === '12' ? [year, year + 1] : [year]) {
    const { left, lastSize } = await numbersLeft(ctx.db, y);
    if (needsNextBlock(left, lastSize)) leased.push(await requestBlock(ctx, y, send));
  }
  return leased;
}

const asking = new WeakMap<Db, Map<number, Promise<LeasedBlock>>>();

/** Stores a registration (`store`); should the year's blocks have run out (the scheduler could not
 *  reach the authority in time), asks for the next block at once — outside a transaction one
 *  request however many registrations wait — and stores it again. In a use case's transaction (the registration is
 *  stored under a savepoint there, src/intake/store.ts) the block is asked for and installed in
 *  that transaction, under a savepoint too: its installation becomes visible with the
 *  registration, and the transaction's one connection (all there is of PGlite) is not waited for
 *  by a transaction of its own. Should the use case then fail, a block leased by an authority over
 *  HTTP is not installed: its numbers are never given, and the next registration asks again. */
export async function withLeasedNumbers(ctx: Context, year: number, store: () => Promise<void>): Promise<void> {
  try {
    return await store();
  } catch (e) {
    if (!isNoLeasedNumber(e)) throw e;
  }
  const leased = await (ctx.db.isTransaction ? underSavepoint(ctx.db, () => requestBlock(ctx, year)) : askOnce(ctx, year)).then(
    () => true,
    () => false,
  );
  if (leased) {
    try {
      return await store();
    } catch (e) {
      if (!isNoLeasedNumber(e)) throw e;
    }
  }
  throw new AppError(409, 'registration.noLeasedNumbers', [], { year });
}

/** The next block of the year asked for once, however many registrations wait for it. */
function askOnce(ctx: Context, year: number): Promise<LeasedBlock> {
  let byYear = asking.get(ctx.db);
  if (!byYear) asking.set(ctx.db, (byYear = new Map()));
  let pending = byYear.get(year);
  if (!pending) {
    pending = requestBlock(ctx, year).finally(() => byYear.delete(year));
    byYear.set(year, pending);
  }
  return pending;
}

function isNoLeasedNumber(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === NO_LEASED_NUMBER;
}

// ---- the authority's side ---------------------------------------------------------------------

/** Leases the next block of the year to an instance; the same request again gets the same block.
 *  In the transaction ctx.db is in, if it is in one (the authority's registration, leasing to itself). */
export async function grantBlock(ctx: Context, lease: { instanceId: string; year: number; requestId: string | null; leasedBy: string }): Promise<LeasedBlock> {
  const settings = await numberingSettings(ctx.db);
  if (settings.mode !== 'authority') throw new AppError(409, 'numbers.notAuthority');
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    // leases take turns: each block starts after the last one of its year
    await sql`SELECT pg_advisory_xact_lock(5105)`.execute(trx);
    if (lease.requestId) {
      const earlier = await trx.selectFrom('number_leases').selectAll().where('instance_id', '=', lease.instanceId).where('request_id', '=', lease.requestId).executeTakeFirst();
      if (earlier) return { year: earlier.year, firstValue: Number(earlier.first_value), size: earlier.size };
    }
    const { end } = await sql<{ end: string | null }>`SELECT max(first_value + size) AS end FROM number_leases WHERE year = ${lease.year}`.execute(trx).then((r) => r.rows[0]!);
    // the year's first block: after every number given before the authority leased any (its own, imported)
    const known =
      end !== null
        ? 0
        : await sql<{ n: string | null }>`
        SELECT greatest(
          (SELECT max(sequence_number) FROM appeals WHERE registration_year = ${lease.year}),
          (SELECT last_value FROM appeal_counters WHERE year = ${lease.year}),
          (SELECT max(split_part(imported_number_key(kind, record), '-', 2)::bigint) FROM imported_records
            WHERE kind = 'tzh1' AND imported_number_key(kind, record) LIKE ${`${lease.year}-%`})) AS n`
            .execute(trx)
            .then((r) => Number(r.rows[0]!.n ?? 0));
    const block = nextBlock(Number(end ?? 0), known, settings.blockSize);
    if (!block) throw new AppError(409, 'numbers.yearExhausted', [], { year: lease.year });
    await trx
      .insertInto('number_leases')
      .values({ year: lease.year, first_value: block.firstValue, size: block.size, instance_id: lease.instanceId, request_id: lease.requestId, leased_by: lease.leasedBy, leased_at: now })
      .execute();
    const trusted = await trx.selectFrom('trusted_instances').select('organization_id').where('instance_id', '=', lease.instanceId).executeTakeFirst();
    await appendEvent(trx, {
      appealId: null,
      organizationId: trusted?.organization_id ?? (await rootOrganization(trx)),
      actor: null,
      at: now,
      kind: 'numbersLeased',
      changes: { instanceId: lease.instanceId, year: lease.year, ...block, leasedBy: lease.leasedBy },
    });
    return { year: lease.year, ...block };
  });
}

/** POST /exports/number-blocks: an instance asks for its next block. No user: the request's
 *  signature by the certificate registered for the instance it names is the credential. */
export async function answerLeaseRequest(ctx: Context, body: { request: string; signature: string }): Promise<LeasedBlock> {
  let request: Partial<LeaseRequest>;
  try {
    request = JSON.parse(body.request) as Partial<LeaseRequest>;
  } catch {
    throw new AppError(422, 'numbers.requestUnreadable');
  }
  if (request.format !== LEASE_FORMAT || typeof request.instanceId !== 'string' || typeof request.requestId !== 'string' || !/^[0-9a-f-]{36}$/.test(request.requestId) || !Number.isInteger(request.year)) {
    throw new AppError(422, 'numbers.requestUnreadable');
  }
  const verified = await verifyInstanceSignature(ctx.db, request.instanceId, body.request, body.signature);
  if (!verified.ok) throw new AppError(422, verified.code, [], { instanceId: request.instanceId });
  const now = ctx.clock.now().getTime();
  const at = Date.parse(String(request.at));
  if (!(Math.abs(now - at) <= LEASE_REQUEST_WINDOW_MS)) throw new AppError(422, 'numbers.requestStale');
  const year = Number(today(ctx).slice(0, 4));
  if (request.year! < year - 1 || request.year! > year + 1) throw new AppError(422, 'numbers.year', [], { year: request.year! });
  return grantBlock(ctx, { instanceId: request.instanceId, year: request.year!, requestId: request.requestId, leasedBy: 'request' });
}

export interface ImportedCardNumber {
  cardKey: string;
  organizationId: number | null;
  registrationNumber: unknown;
}

/** The authority's import: every ТЖ-1 card's number is within the blocks leased to the sender,
 *  and no other card has it — none of another instance with the same sequence of the year, none
 *  of the same organization with the same number (a card forwarded to another organization keeps
 *  its number, so one instance's cards share it only across organizations). Null when all is well. */
export async function checkImportedNumbers(db: Db, instanceId: string, cards: ImportedCardNumber[]): Promise<{ code: string; params: Record<string, string | number> } | null> {
  if (cards.length === 0 || (await numberingSettings(db)).mode !== 'authority') return null;
  const leases = await db.selectFrom('number_leases').select(['year', 'first_value', 'size']).where('instance_id', '=', instanceId).execute();
  const keyed: (ImportedCardNumber & { number: string; key: string; year: number; sequence: number })[] = [];
  for (const c of cards) {
    const number = String(c.registrationNumber);
    const s = sequenceOf(number);
    if (!s) return { code: 'numbers.unreadable', params: { number } };
    keyed.push({ ...c, number, ...s, key: `${s.year}-${String(s.sequence).padStart(SEQUENCE_DIGITS, '0')}` });
  }
  const stored = await sql<{ instance_id: string; card_key: string; organization_id: number | null; number: string; key: string }>`
    SELECT instance_id, card_key, organization_id, record->>'registrationNumber' AS number, imported_number_key(kind, record) AS key
    FROM imported_records
    WHERE kind = 'tzh1' AND imported_number_key(kind, record) = ANY(${[...new Set(keyed.map((c) => c.key))]}::text[])
  `.execute(db);
  const byNumber = new Map<string, string>();
  for (const c of keyed) {
    // a card imported with this number already (before the authority leased, say): its number stands
    const known = stored.rows.some((r) => r.card_key === c.cardKey && r.number === c.number);
    const blocks = leases.filter((l) => l.year === c.year).map((l) => ({ firstValue: Number(l.first_value), size: l.size }));
    if (!known && !inBlocks(blocks, c.sequence)) return { code: 'numbers.outsideLease', params: { number: c.number, instanceId } };
    const at = `${c.organizationId}|${c.number}`;
    const clash =
      (byNumber.get(at) ?? c.cardKey) !== c.cardKey ||
      stored.rows.some((r) => r.key === c.key && r.card_key !== c.cardKey && (r.instance_id !== instanceId || (r.organization_id === c.organizationId && r.number === c.number)));
    if (clash) return { code: 'numbers.collision', params: { number: c.number } };
    byNumber.set(at, c.cardKey);
  }
  return null;
}
