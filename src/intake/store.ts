// The SQL of intake.
import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { isDatabaseUnavailable, PREPARED, type Db } from '../db/connection.ts';
import type { Actor } from '../access/actor.ts';
import { inScope } from '../access/scope.ts';
import type { ApplicantCard } from '../domain/registration.ts';
import type { DuplicateReason } from '../domain/duplicates.ts';
import { foldSearch } from '../domain/search.ts';
import { containsFolded, foldedEquals } from '../db/search.ts';
import { underSavepoint } from '../db/transaction.ts';
import type { AppealsTable } from '../db/schema.ts';
import type { Insertable } from 'kysely';
import { eventRow, type AuditEvent } from '../audit/log.ts';
import { newCardPrelude, newCardStatements, newCardStatistics } from '../statistics/cards.ts';
import { outboxRow, type OutboxMessage } from '../notifications/outbox.ts';
import { markJustRegistered, type AppealRow } from '../appeals/store.ts';
import { SEQUENCE_DIGITS, SEQUENCE_LIMIT } from '../domain/numbering.ts';
import * as reference from '../reference/store.ts';

const ORGANIZATION_FOR_REGISTRATION = ['id', 'code', 'name_kk', 'name_ru', 'name_en', 'time_zone', 'work_start', 'work_end', 'address', 'phone'] as const;

export interface OrganizationForRegistration {
  id: number;
  code: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  /** null: the configured time zone (context.ts timeZoneOf) */
  time_zone: string | null;
  work_start: string;
  work_end: string;
  address: string | null;
  phone: string | null;
}

export interface RegistrationContext {
  /** The actor acts for the organization (access/scope.ts: canActFor). */
  canAct: boolean;
  organization: OrganizationForRegistration | undefined;
  /** The complained-about organization exists (true when none was named). */
  complainedExists: boolean;
  /** `directory/code` of the given codes that are active directory entries. */
  knownCodes: Set<string>;
}

/** Reference data that registration reads for every appeal — the organizations (time zone,
 *  working hours), the organization tree (may the actor act for the organization?) and the active
 *  directory codes — kept per database for REFERENCE_CACHE_MS. A change to an organization, to
 *  the tree or to a directory reaches registration within that time; forgetReferenceData makes it
 *  immediate in this process. (A user's scope itself is fixed at sign-in for the whole session.) */
export const REFERENCE_CACHE_MS = 5_000;
const REFERENCE_CACHE_MAX = 50_000;

interface ReferenceCache {
  organizations: Map<number, { row: OrganizationForRegistration | undefined; until: number }>;
  /** `${scope organization}:${organization}` → the actor acts for it. */
  scopes: Map<string, { canAct: boolean; until: number }>;
  codes: { byDirectory: Map<string, Set<string>>; until: number } | undefined;
}

const referenceCaches = new WeakMap<Db, ReferenceCache>();

export function forgetReferenceData(db: Db): void {
  referenceCaches.delete(db);
}

/** What registration reads before it registers: whether the actor acts for the organization, the
 *  organization, whether the complained-about organization exists and which of the given
 *  directory codes are active; from the reference cache, or else in one statement. */
export async function registrationContext(db: Db, actor: Actor, organizationId: number, complainedOrganizationId: number | undefined, codes: { directory: string; code: string }[]): Promise<RegistrationContext> {
  let cache = referenceCaches.get(db);
  if (!cache) referenceCaches.set(db, (cache = { organizations: new Map(), scopes: new Map(), codes: undefined }));
  const now = performance.now();
  const admin = actor.roles.includes('admin');
  const scopeKey = `${actor.scopeOrganizationId}:${organizationId}`;
  const fresh = <T extends { until: number }>(entry: T | undefined) => (entry && entry.until > now ? entry : undefined);
  let organization = fresh(cache.organizations.get(organizationId));
  let complained = complainedOrganizationId === undefined ? undefined : fresh(cache.organizations.get(complainedOrganizationId));
  let scope = admin ? { canAct: true, until: Infinity } : fresh(cache.scopes.get(scopeKey));
  let directories = fresh(cache.codes);

  if (!organization || !scope || !directories || (complainedOrganizationId !== undefined && !complained)) {
    const result = await sql<{
      can_act: boolean;
      organization: OrganizationForRegistration | null;
      complained: OrganizationForRegistration | null;
      codes: [string, string][] | null;
    }>`
      SELECT ${inScope(actor, sql`${organizationId}::integer`)} AS can_act,
        (SELECT row_to_json(o) FROM (${organizationRow(organizationId)}) o) AS organization,
        (SELECT row_to_json(o) FROM (${organizationRow(complainedOrganizationId ?? null)}) o) AS complained,
        ${directories ? sql`NULL` : sql`(SELECT json_agg(json_build_array(d.directory, d.code)) FROM directory_entries d WHERE d.active)`} AS codes
    `.execute(db);
    const row = result.rows[0]!;
    const until = now + REFERENCE_CACHE_MS;
    if (cache.organizations.size + cache.scopes.size > REFERENCE_CACHE_MAX) {
      cache.organizations.clear();
      cache.scopes.clear();
    }
    organization = { row: row.organization ?? undefined, until };
    cache.organizations.set(organizationId, organization);
    if (complainedOrganizationId !== undefined) {
      complained = { row: row.complained ?? undefined, until };
      cache.organizations.set(complainedOrganizationId, complained);
    }
    if (!admin) cache.scopes.set(scopeKey, (scope = { canAct: row.can_act, until }));
    if (!directories) {
      const byDirectory = new Map<string, Set<string>>();
      for (const [directory, code] of row.codes ?? []) {
        let set = byDirectory.get(directory);
        if (!set) byDirectory.set(directory, (set = new Set()));
        set.add(code);
      }
      cache.codes = directories = { byDirectory, until };
    }
  }
  return {
    canAct: scope!.canAct,
    organization: organization.row,
    complainedExists: complainedOrganizationId === undefined || complained?.row !== undefined,
    knownCodes: new Set(codes.filter((c) => directories!.byDirectory.get(c.directory)?.has(c.code)).map((c) => `${c.directory}/${c.code}`)),
  };
}

/** What a card shows of its organization (present.ts organizationRef): from the reference cache
 *  while its entry is fresh — the registration being answered has just read it, so the answer
 *  needs no statement of its own (docs/performance.md, 2026-12-06) — else from the database. */
export async function organizationRefOf(db: Db, id: number): Promise<{ id: number; code: string; name_kk: string; name_ru: string; name_en: string }> {
  const row = referenceCaches.get(db)?.organizations.get(id);
  if (row?.row && row.until > performance.now()) {
    const { code, name_kk, name_ru, name_en } = row.row;
    return { id, code, name_kk, name_ru, name_en };
  }
  return reference.organizationRefOf(db, id);
}

function organizationRow(id: number | null) {
  return sql`SELECT ${sql.join(ORGANIZATION_FOR_REGISTRATION.map((c) => sql.ref(c)))} FROM organizations WHERE id = ${id}::integer`;
}

export interface NewRegistration {
  /** The ТЖ-1 row without its numbers, which the statement takes. */
  appeal: Omit<Insertable<AppealsTable>, 'registration_number' | 'sequence_number' | 'talon_number' | 'duplicate_candidate'> & {
    id: string;
    organization_id: number;
    registration_year: number;
  };
  /** The registration and talon numbers of sequence n are these prefixes and n in SEQUENCE_DIGITS
   *  digits (domain/numbering.ts). */
  numberPrefix: string;
  talonPrefix: string;
  applicants: ApplicantCard[];
  /** The duplicate check (rules p.13): the statement looks for earlier appeals of the applicants
   *  and stores those at least this similar as candidates, as register.ts findDuplicates would. */
  duplicateSearch: { comparable: string; limit: number; minSimilarity: number };
  /** The `registered` event; the statement adds registrationNumber, talonNumber and
   *  duplicateCandidates to its changes. */
  event: AuditEvent;
  /** The applicant's messages (no attachments), enqueued by the statement with every
   *  SEQUENCE_PLACEHOLDER in their subject and body replaced by the sequence part of the numbers. */
  messages: Omit<OutboxMessage, 'attachment'>[];
  /** The obligations its receipt opens (src/domain/obligations.ts), stored by the statement. */
  obligations: { id: string; kind: string; due_date: string; basis: string }[];
  /** The client's Idempotency-Key, stored by the statement with the appeal's id: the primary key
   *  (user_id, key) refuses a second appeal for it (isIdempotencyConflict). */
  idempotency?: { user_id: string; key: string; request_sha256: string; created_at: Date };
}

/** Stands for the digits of the sequence in the texts of NewRegistration.messages; as long as
 *  they are, so a text fitted to an SMS stays fitted. */
export const SEQUENCE_PLACEHOLDER = `{{${'n'.repeat(SEQUENCE_DIGITS - 4)}}}`;

/** Stores a registration with the next number of its year. Registrations that arrive while the
 *  statement of others is running wait and are stored together by the next statement, with
 *  consecutive numbers in the order they arrived (group commit): one counter update, one commit
 *  and one flush of the write-ahead log for all of them instead of one each, which is what the
 *  counter row lock would otherwise serialize. A statement that fails is retried one
 *  registration at a time, so a registration fails only for its own reason. In a transaction the
 *  registration is stored at once, as part of it, under a savepoint: a statement refused (its key
 *  taken by a concurrent request, the leased numbers run out) leaves the transaction usable for
 *  the way out (register.ts, withLeasedNumbers). */
export function storeRegistration(db: Db, r: NewRegistration): Promise<void> {
  if (db.isTransaction) return underSavepoint(db, () => insertRegistrations(db, [r]));
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = new RegistrationQueue(db)));
  return queue.add(r);
}

/** At most this many registrations, or this many applicant cards, in one statement. */
const MAX_BATCH = 64;
const MAX_BATCH_CARDS = 2_000;
/** Statements under way at once. One: a second one only waits in the database for the counter row
 *  the first holds, and the smaller batches cost more than the wait saves (measured: ~1,100 against
 *  ~920 registrations a second with two; docs/performance.md). */
const MAX_IN_FLIGHT = 1;

const queues = new WeakMap<Db, RegistrationQueue>();

class RegistrationQueue {
  private waiting: { r: NewRegistration; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private running = 0;
  constructor(private readonly db: Db) {}

  add(r: NewRegistration): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ r, resolve, reject });
      if (this.running < MAX_IN_FLIGHT) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running++;
    try {
      while (this.waiting.length > 0) {
        const batch = this.take();
        try {
          await insertRegistrations(
            this.db,
            batch.map((w) => w.r),
          );
          markJustRegistered(
            this.db,
            batch.map((w) => w.r.appeal.id),
          );
          for (const w of batch) w.resolve();
        } catch (e) {
          if (batch.length === 1 || !isStatementError(e)) {
            for (const w of batch) w.reject(e);
            continue;
          }
          for (const w of batch) {
            try {
              await insertRegistrations(this.db, [w.r]);
              markJustRegistered(this.db, [w.r.appeal.id]);
              w.resolve();
            } catch (e1) {
              w.reject(e1);
            }
          }
        }
      }
    } finally {
      this.running--;
    }
  }

  /** The next batch: registrations of one year, in the order they came. */
  private take() {
    const year = this.waiting[0]!.r.appeal.registration_year;
    const batch: typeof this.waiting = [];
    const rest: typeof this.waiting = [];
    let cards = 0;
    for (const w of this.waiting) {
      const fits = batch.length === 0 || (batch.length < MAX_BATCH && cards + w.r.applicants.length <= MAX_BATCH_CARDS);
      if (fits && w.r.appeal.registration_year === year) {
        batch.push(w);
        cards += w.r.applicants.length;
      } else {
        rest.push(w);
      }
    }
    this.waiting = rest;
    return batch;
  }
}

/** The database refused the statement (an SQLSTATE), so it was rolled back as a whole; not a
 *  lost connection (db/connection.ts isDatabaseUnavailable: the server ended the session, or it
 *  is not known whether the statement committed), which rejects the whole batch (503) and leaves
 *  the queue to go on with the next one on a new connection. */
function isStatementError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !isDatabaseUnavailable(e);
}

/** Registrations of one year in one statement, so in one implicit transaction and one round trip:
 *  the duplicate check of each, the counter of the year advanced by their number, the ТЖ-1 rows
 *  with consecutive numbers, the АИ-1 cards, the duplicate candidates, the audit events and the
 *  applicant's messages. The
 *  counter row is locked after the duplicate check and stays locked until the statement commits,
 *  so numbers are gapless and never reused (a failed statement gives its numbers back). */
async function insertRegistrations(db: Db, rs: NewRegistration[]): Promise<void> {
  // statistics (src/statistics/cards.ts): the 1-ТӨ cells of the new cards, added by the same
  // statement before it takes the counter row (the counter CTE reads their result), so that row
  // stays locked briefly; card_cells and the daily-export journal after the numbers are known.
  const statistics = rs.map((r) => newCardStatistics(r.appeal));
  const first = rs[0]!;
  const appealColumns = Object.keys(first.appeal);
  const cards = rs.flatMap((r) => r.applicants.map((a, i) => applicantRow(a, r.appeal.id, r.appeal.organization_id, i + 1)));
  const cardColumns = Object.keys(cards[0] ?? {});
  const events = rs.map((r) => eventRow(r.event));
  const eventColumns = Object.keys(events[0]!).filter((c) => c !== 'changes');
  const batch = rs.map((r, i) => {
    const keys = searchKeys(r.applicants);
    return {
      appeal: r.appeal,
      numberPrefix: r.numberPrefix,
      talonPrefix: r.talonPrefix,
      event: { ...events[i], changes: undefined },
      changes: r.event.changes,
      search: keys && { ...keys, comparable: r.duplicateSearch.comparable, limit: r.duplicateSearch.limit, min: r.duplicateSearch.minSimilarity },
      statistics: statistics[i],
      messages: r.messages.map((m) => outboxRow(m, r.event.at)),
      obligations: r.obligations.map((o) => ({ ...o, appeal_id: r.appeal.id, organization_id: r.appeal.organization_id })),
      idempotency: r.idempotency && { ...r.idempotency, appeal_id: r.appeal.id },
    };
  });
  const messages = rs.some((r) => r.messages.length > 0);
  const idempotency = rs.some((r) => r.idempotency);
  const obligations = rs.some((r) => r.obligations.length > 0);
  const found = earlierAppealsSql({
    organizationId: sql`(i.doc->'appeal'->>'organization_id')::integer`,
    iins: sql.ref('i.iins'),
    bins: sql.ref('i.bins'),
    phones: sql.ref('i.phones'),
    names: sql`(i.doc->'search'->'names')`,
    comparable: sql`(i.doc->'search'->>'comparable')`,
    limit: sql`(i.doc->'search'->>'limit')::integer`,
  });
  await sql`${sql.raw(PREPARED)}
    WITH input AS (
      SELECT x.ord, x.doc,
             ARRAY(SELECT jsonb_array_elements_text(x.doc->'search'->'iins')) AS iins,
             ARRAY(SELECT jsonb_array_elements_text(x.doc->'search'->'bins')) AS bins,
             ARRAY(SELECT jsonb_array_elements_text(x.doc->'search'->'phones')) AS phones
      FROM jsonb_array_elements(${JSON.stringify(batch)}::jsonb) WITH ORDINALITY AS x(doc, ord)
    ), dup AS (
      -- the similarity as the client reads a real: its text, as a double
      SELECT i.ord, f.id AS candidate_id, f.registration_number, f.registration_date, f.reason, f.similarity,
             (f.similarity::text)::float8 AS similarity8
      FROM input i CROSS JOIN LATERAL (${found}) f
      WHERE jsonb_typeof(i.doc->'search') = 'object' AND (f.similarity::text)::float8 >= (i.doc->'search'->>'min')::float8
    ), ${newCardPrelude(rs.map((r, i) => ({ statistics: statistics[i]!, organizationId: r.appeal.organization_id })))}, counter AS (
      -- after the duplicate check: the counter row is locked from here to the commit
      INSERT INTO appeal_counters AS c (year, last_value)
      SELECT ${first.appeal.registration_year}::integer, ${rs.length}::bigint FROM (SELECT count(*) FROM dup) checked, (SELECT count(*) FROM stat_prelude_subtree) statistics_first
      ON CONFLICT (year) DO UPDATE SET last_value = c.last_value + EXCLUDED.last_value
      RETURNING c.last_value - ${rs.length}::bigint AS base
    ), sequenced AS (
      -- the year's n-th number: n on a standalone instance, else from the leased blocks (0021)
      SELECT i.ord, i.doc, registration_sequence(${first.appeal.registration_year}::integer, counter.base + i.ord) AS seq
      FROM counter, input i
    ), numbered AS (
      SELECT s.ord, s.doc, s.seq,
             -- SEQUENCE_DIGITS digits; NULL past them, which the NOT NULL of the numbers refuses
             CASE WHEN s.seq < ${SEQUENCE_LIMIT}::bigint THEN lpad(s.seq::text, ${SEQUENCE_DIGITS}::integer, '0') END AS digits
      FROM sequenced s
    ), appeal AS (
      INSERT INTO appeals (${columns(appealColumns)}, registration_number, sequence_number, talon_number, duplicate_candidate)
      SELECT ${columns(appealColumns, 'r')}, (n.doc->>'numberPrefix') || n.digits, n.seq, (n.doc->>'talonPrefix') || n.digits,
             EXISTS (SELECT 1 FROM dup WHERE dup.ord = n.ord)
      FROM numbered n, jsonb_populate_record(NULL::appeals, n.doc->'appeal') r
      ORDER BY n.ord
      RETURNING id, registration_number, talon_number, organization_id, export_tzh1(appeals) AS tzh1
    )${
      cards.length === 0
        ? sql``
        : sql`, cards AS (
      INSERT INTO applicant_cards (${columns(cardColumns)})
      SELECT ${columns(cardColumns, 'r')} FROM jsonb_populate_recordset(NULL::applicant_cards, ${JSON.stringify(cards)}::jsonb) r
      RETURNING id, appeal_id, organization_id, export_ai1(applicant_cards) AS ai1
    )`
    }, duplicates AS (
      -- the score as register.ts rounds it: Math.round(similarity * 100) / 100, sent as its text
      INSERT INTO duplicate_candidates (appeal_id, organization_id, candidate_id, score, reason)
      SELECT (i.doc->'appeal'->>'id')::uuid, (i.doc->'appeal'->>'organization_id')::integer, d.candidate_id,
             (((CASE WHEN d.similarity8 * 100 - floor(d.similarity8 * 100) >= 0.5 THEN ceil(d.similarity8 * 100)
                     ELSE floor(d.similarity8 * 100) END) / 100)::text)::real,
             d.reason
      FROM dup d JOIN input i ON i.ord = d.ord
    ), event AS (
      INSERT INTO events (${columns(eventColumns)}, changes)
      SELECT ${columns(eventColumns, 'r')},
             (n.doc->'changes') || jsonb_build_object(
               'registrationNumber', a.registration_number,
               'talonNumber', a.talon_number,
               'duplicateCandidates', coalesce((SELECT jsonb_agg(d.registration_number ORDER BY d.similarity DESC, d.registration_date DESC, d.candidate_id)
                                                FROM dup d WHERE d.ord = n.ord), '[]'::jsonb))
      FROM numbered n
      JOIN appeal a ON a.id = (n.doc->'appeal'->>'id')::uuid
      CROSS JOIN LATERAL jsonb_populate_record(NULL::events, n.doc->'event') r
      ORDER BY n.ord
    )${
      messages
        ? sql`, message AS (
      INSERT INTO outbox (organization_id, appeal_id, kind, channel, recipient, language, subject, body, next_attempt_at, created_at)
      SELECT m.organization_id, m.appeal_id, m.kind, m.channel, m.recipient, m.language,
             replace(m.subject, ${SEQUENCE_PLACEHOLDER}, n.digits), replace(m.body, ${SEQUENCE_PLACEHOLDER}, n.digits), m.next_attempt_at, m.created_at
      FROM numbered n CROSS JOIN LATERAL jsonb_populate_recordset(NULL::outbox, n.doc->'messages') m
    )`
        : sql``
    }${
      obligations
        ? sql`, obligation AS (
      INSERT INTO obligations (id, appeal_id, organization_id, kind, due_date, basis)
      SELECT o.id, o.appeal_id, o.organization_id, o.kind, o.due_date, o.basis
      FROM numbered n CROSS JOIN LATERAL jsonb_populate_recordset(NULL::obligations, n.doc->'obligations') o
    )`
        : sql``
    }${
      idempotency
        ? sql`, idempotency AS (
      -- a key already stored (by a concurrent request) fails the statement: 23505 on the primary key
      INSERT INTO idempotency_keys (user_id, key, appeal_id, request_sha256, created_at)
      SELECT k.user_id, k.key, k.appeal_id, k.request_sha256, k.created_at
      FROM input i CROSS JOIN LATERAL jsonb_populate_record(NULL::idempotency_keys, i.doc->'idempotency') k
      WHERE jsonb_typeof(i.doc->'idempotency') = 'object'
    )`
        : sql``
    }, ${newCardStatements(cards.length > 0)}
    SELECT count(*) FROM appeal
  `.execute(db);
}

/** Keys are answered from their stored appeal for this long; an older row is replaced. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** The appeal a user's key registered within IDEMPOTENCY_KEY_TTL_MS before `now`, with the
 *  fingerprint of its request; a row older than that is deleted, so the key may register again. */
export async function idempotentResult(db: Db, userId: string, key: string, now: Date): Promise<{ appeal_id: string; request_sha256: string } | undefined> {
  const since = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS);
  const row = await db.selectFrom('idempotency_keys').select(['appeal_id', 'request_sha256', 'created_at']).where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
  if (!row) return undefined;
  if (row.created_at.getTime() >= since.getTime()) return row;
  await db.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('key', '=', key).where('created_at', '<', since).execute();
  return undefined;
}

/** The registration statement failed because its idempotency key was stored meanwhile. */
export function isIdempotencyConflict(e: unknown): boolean {
  const err = e as { code?: unknown; constraint?: unknown } | null;
  return err?.code === '23505' && err.constraint === 'idempotency_keys_pkey';
}

function columns(names: string[], table?: string): RawBuilder<unknown> {
  return sql.join(names.map((c) => sql.ref(table ? `${table}.${c}` : c)));
}

function applicantRow(a: ApplicantCard, appealId: string, organizationId: number, position: number) {
  return {
    id: randomUUID(),
    appeal_id: appealId,
    organization_id: organizationId,
    position,
    kind: a.kind,
    citizenship: a.citizenship,
    iin: a.iin,
    last_name: a.lastName,
    first_name: a.firstName,
    middle_name: a.middleName,
    birth_date: a.birthDate,
    sex: a.sex,
    nationality: a.nationality,
    age: a.age,
    address_country: a.address.country ?? null,
    address_region: a.address.region ?? null,
    address_district: a.address.district ?? null,
    address_settlement: a.address.settlement ?? null,
    address_street: a.address.street ?? null,
    address_house: a.address.house ?? null,
    address_flat: a.address.flat ?? null,
    postal_address: a.postalAddress,
    phone_mobile: a.phone,
    phone_other: a.phoneOther,
    email: a.email,
    social_status: a.socialStatus,
    occupation: a.occupation,
    in_interest_of: a.inInterestOf,
    bin: a.bin,
    legal_name: a.legalName,
    legal_address: a.legalAddress,
    business_category: a.businessCategory,
  };
}

export interface DuplicateMatchRow {
  id: string;
  registration_number: string;
  registration_date: string;
  summary: string;
  status: string;
  reason: DuplicateReason;
  similarity: number;
}

/** Earlier appeals of the same applicant at the organization, with the trigram similarity of
 *  their text to the new one, most similar first. */
export async function earlierAppealsOfApplicants(db: Db, organizationId: number, applicants: ApplicantCard[], comparable: string, limit: number): Promise<DuplicateMatchRow[]> {
  const keys = searchKeys(applicants);
  if (!keys) return [];
  const result = await sql<DuplicateMatchRow>`${earlierAppealsSql({
    organizationId: sql`${organizationId}::integer`,
    iins: sql`${keys.iins}::text[]`,
    bins: sql`${keys.bins}::text[]`,
    phones: sql`${keys.phones}::text[]`,
    names: sql`${JSON.stringify(keys.names)}::jsonb`,
    comparable: sql`${comparable}::text`,
    limit: sql`${limit}::integer`,
  })}`.execute(db);
  return result.rows.map((r) => ({ ...r, similarity: Number(r.similarity) }));
}

/** What identifies the applicants for the duplicate check: IINs, BINs, and names with phones;
 *  undefined when there is nothing to look for. */
function searchKeys(applicants: ApplicantCard[]) {
  const iins = applicants.map((a) => a.iin).filter((v): v is string => v !== null);
  const bins = applicants.map((a) => a.bin).filter((v): v is string => v !== null);
  const byName = applicants.filter((a) => a.lastName && a.firstName && a.phone);
  if (iins.length + bins.length + byName.length === 0) return undefined;
  const names = byName.map((a) => ({ phone: a.phone!, lastName: foldSearch(a.lastName!), firstName: foldSearch(a.firstName!) }));
  return { iins, bins, phones: names.map((n) => n.phone), names };
}

/** The search of the duplicate check, over SQL expressions: parameters, or columns of an
 *  enclosing query. `phones` (text[]) lets the phone index find the cards that `names` (jsonb
 *  [{phone, lastName, firstName}], names folded by foldSearch) then match, folded, exactly. */
function earlierAppealsSql(p: {
  organizationId: RawBuilder<unknown>;
  iins: RawBuilder<unknown>;
  bins: RawBuilder<unknown>;
  phones: RawBuilder<unknown>;
  names: RawBuilder<unknown>;
  comparable: RawBuilder<unknown>;
  limit: RawBuilder<unknown>;
}) {
  return sql`
    SELECT a.id, a.registration_number, a.registration_date, a.summary, a.status, m.reason,
           similarity(fold_search(a.summary || ' ' || a.text), ${p.comparable}) AS similarity
    FROM (
      SELECT c.appeal_id,
             min(CASE WHEN c.iin = ANY(${p.iins}) THEN 'sameIin'
                      WHEN c.bin = ANY(${p.bins}) THEN 'sameBin'
                      ELSE 'sameNameAndPhone' END) AS reason
      FROM applicant_cards c
      WHERE c.organization_id = ${p.organizationId}
        AND (c.iin = ANY(${p.iins}) OR c.bin = ANY(${p.bins})
             OR (c.phone_mobile = ANY(${p.phones})
                 AND EXISTS (SELECT 1 FROM jsonb_to_recordset(${p.names}) AS n(phone text, "lastName" text, "firstName" text)
                             WHERE n.phone = c.phone_mobile AND ${foldedEquals(sql`c.last_name`, sql`n."lastName"`)} AND ${foldedEquals(sql`c.first_name`, sql`n."firstName"`)})))
      GROUP BY c.appeal_id
    ) m
    JOIN appeals a ON a.id = m.appeal_id
    ORDER BY similarity DESC, a.registration_date DESC, a.id
    LIMIT ${p.limit}`;
}

export interface AppealFilter {
  organizationId?: number;
  documentType?: string;
  status?: string;
  registrationNumber?: string;
  talonNumber?: string;
  iin?: string;
  dateFrom?: string;
  dateTo?: string;
  q?: string;
  limit: number;
  offset: number;
}

export async function listAppeals(db: Db, actor: Actor, f: AppealFilter): Promise<{ items: AppealRow[]; total: number }> {
  let q = db.selectFrom('appeals').where(inScope(actor, 'organization_id'));
  if (f.organizationId !== undefined) {
    q = q.where('organization_id', 'in', (s) => s.selectFrom('organization_closure').select('descendant_id').where('ancestor_id', '=', f.organizationId!));
  }
  if (f.documentType) q = q.where('document_type', '=', f.documentType);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.registrationNumber) q = q.where('registration_number', '=', f.registrationNumber);
  if (f.talonNumber) q = q.where('talon_number', '=', f.talonNumber);
  if (f.dateFrom) q = q.where('registration_date', '>=', f.dateFrom);
  if (f.dateTo) q = q.where('registration_date', '<=', f.dateTo);
  if (f.iin) {
    q = q.where('id', 'in', (s) =>
      s
        .selectFrom('applicant_cards')
        .select('appeal_id')
        .where((w) => w.or([w('iin', '=', f.iin!), w('bin', '=', f.iin!)])),
    );
  }
  if (f.q) q = q.where(containsFolded(sql`search_text`, f.q));
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('registration_date', 'desc').orderBy('sequence_number', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** The executor's id and name, if the user exists. */
export async function userNameOf(db: Db, userId: string) {
  return db.selectFrom('users').select(['id', 'full_name']).where('id', '=', userId).executeTakeFirst();
}
