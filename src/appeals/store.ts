// The SQL of the appeal core: the appeal's row, read in the actor's scope and locked for a change,
// its applicant cards and duplicate candidates, the ТЖ-1 fields and obligations a change writes.
import { randomUUID } from 'node:crypto';
import { sql, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { AppealsTable, ApplicantCardsTable } from '../db/schema.ts';
import { forbidden, notFound } from '../errors.ts';
import type { Actor } from '../access/actor.ts';
import { inScope } from '../access/scope.ts';
import type { OpenedObligation } from '../domain/obligations.ts';

export type AppealRow = Selectable<AppealsTable>;
export type ApplicantCardRow = Selectable<ApplicantCardsTable>;

/** The appeal's row, locked until the transaction ends: changes of one appeal go one at a time.
 *  NO KEY: rows referring to the appeal (a violation the hourly run stores, an event) may still be
 *  inserted meanwhile — their foreign-key checks would otherwise wait for the change, and the
 *  change's own detectors for them. */
export async function lockAppeal(trx: Db, id: string): Promise<AppealRow> {
  return trx.selectFrom('appeals').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirstOrThrow();
}

/** The ТЖ-1 fields a change sets (src/appeals/change.ts); the row as it is then. */
export async function updateAppeal(db: Db, id: string, set: Updateable<AppealsTable>): Promise<AppealRow> {
  return db.updateTable('appeals').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Obligations with their own terms; `metOn` given when fulfilled by the same act (late: violated). */
export async function insertObligations(db: Db, appeal: Pick<AppealRow, 'id' | 'organization_id'>, obligations: readonly OpenedObligation[]): Promise<void> {
  for (const o of obligations) {
    await db
      .insertInto('obligations')
      .values({
        id: randomUUID(),
        appeal_id: appeal.id,
        organization_id: appeal.organization_id,
        kind: o.kind,
        due_date: o.dueDate,
        basis: o.basis,
        met_on: o.metOn,
        violated: o.metOn !== null && o.metOn > o.dueDate,
      })
      .execute();
  }
}

/** Removes the open obligations of these kinds: they no longer apply. */
export async function dropObligations(db: Db, appealId: string, kinds: readonly string[]): Promise<void> {
  if (kinds.length === 0) return;
  await db.deleteFrom('obligations').where('appeal_id', '=', appealId).where('kind', 'in', kinds).where('met_on', 'is', null).execute();
}

/** Marks the open obligations of these kinds as met on that day (late ones as violated). */
export async function meetObligations(db: Db, appealId: string, kinds: readonly string[], on: string): Promise<void> {
  if (kinds.length === 0) return;
  await db
    .updateTable('obligations')
    .set({ met_on: on, violated: sql<boolean>`due_date < ${on}::date` })
    .where('appeal_id', '=', appealId)
    .where('kind', 'in', kinds)
    .where('met_on', 'is', null)
    .execute();
}

export async function appealVisible(db: Db, actor: Actor, id: string): Promise<boolean> {
  const row = await db.selectFrom('appeals').select('id').where('id', '=', id).where(inScope(actor, 'organization_id')).executeTakeFirst();
  return row !== undefined;
}

/** The appeal if the actor may see it; 404 if there is none, 403 if it is another territory's. */
export async function appealInScope(db: Db, actor: Actor, id: string): Promise<AppealRow> {
  if (justRegistered.get(db)?.has(id)) return readBack(db, actor, id);
  const row = await db.selectFrom('appeals').selectAll().select(inScope(actor, 'organization_id').as('visible')).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  if (!row.visible) throw forbidden();
  const { visible: _, ...appeal } = row;
  return appeal;
}

export async function applicantCardsOf(db: Db, appealId: string): Promise<ApplicantCardRow[]> {
  const along = readAlong.get(db)?.get(appealId);
  if (along?.cards) {
    const { cards } = along;
    along.cards = undefined;
    return cards;
  }
  return db.selectFrom('applicant_cards').selectAll().where('appeal_id', '=', appealId).orderBy('position').execute();
}

export interface DuplicateCandidateRow {
  id: string;
  registration_number: string;
  registration_date: string;
  summary: string;
  status: string;
  score: number;
  reason: string;
}

export async function duplicateCandidatesOf(db: Db, appealId: string): Promise<DuplicateCandidateRow[]> {
  const along = readAlong.get(db)?.get(appealId);
  if (along?.duplicates) {
    const { duplicates } = along;
    along.duplicates = undefined;
    return duplicates;
  }
  return db
    .selectFrom('duplicate_candidates as d')
    .innerJoin('appeals as a', 'a.id', 'd.candidate_id')
    .select(['a.id', 'a.registration_number', 'a.registration_date', 'a.summary', 'a.status', 'd.score', 'd.reason'])
    .where('d.appeal_id', '=', appealId)
    .orderBy('d.score', 'desc')
    .execute();
}

// The answer to a registration reads the appeal back: appealInScope, then its cards and its
// duplicate candidates (present.ts). Registrations stored by one statement are answered in the
// same turn of the event loop, so for appeals registered in the current turn appealInScope waits
// for the end of the turn and reads all of them, with their cards and candidates, in one
// statement; the cards and candidates are handed to the calls that ask for them in the turn the
// statement answers, once. These are fresh reads, only fewer statements; nothing is kept past the
// turn: a later read always goes to the database.
type ReadAlong = { cards?: ApplicantCardRow[]; duplicates?: DuplicateCandidateRow[] };
type ReadBack = { actor: Actor; id: string; resolve: (a: AppealRow) => void; reject: (e: unknown) => void };
const justRegistered = new WeakMap<Db, Set<string>>();
const readBacks = new WeakMap<Db, ReadBack[]>();
const readAlong = new WeakMap<Db, Map<string, ReadAlong>>();

/** The value of `db` in `map`, made if missing, dropped at the end of the current turn. */
function forThisTurn<V>(map: WeakMap<Db, V>, db: Db, make: () => V, atEnd?: (value: V) => void): V {
  let value = map.get(db);
  if (value === undefined) {
    const made = make();
    map.set(db, (value = made));
    setImmediate(() => {
      map.delete(db);
      atEnd?.(made);
    });
  }
  return value;
}

export function markJustRegistered(db: Db, ids: string[]): void {
  const set = forThisTurn(justRegistered, db, () => new Set<string>());
  for (const id of ids) set.add(id);
}

function readBack(db: Db, actor: Actor, id: string): Promise<AppealRow> {
  return new Promise((resolve, reject) => {
    forThisTurn(
      readBacks,
      db,
      () => [],
      (calls) => void readBackAll(db, calls),
    ).push({ actor, id, resolve, reject });
  });
}

async function readBackAll(db: Db, calls: ReadBack[]): Promise<void> {
  let rows: (AppealRow & { _i: number; visible: boolean; _cards: ApplicantCardRow[]; _duplicates: DuplicateCandidateRow[] })[];
  try {
    // each call with its own actor's scope (access/scope.ts)
    const visible = sql`CASE x.i ${sql.join(
      calls.map((c, i) => sql`WHEN ${i} THEN ${inScope(c.actor, sql.ref('a.organization_id'))}`),
      sql` `,
    )} END`;
    const result = await sql<(typeof rows)[number]>`
      SELECT x.i AS _i, a.*, ${visible} AS visible,
        (SELECT coalesce(json_agg(c ORDER BY c.position), '[]') FROM applicant_cards c WHERE c.appeal_id = a.id) AS _cards,
        (SELECT coalesce(json_agg(json_build_object(
                  'id', o.id, 'registration_number', o.registration_number, 'registration_date', o.registration_date,
                  'summary', o.summary, 'status', o.status, 'score', d.score, 'reason', d.reason) ORDER BY d.score DESC), '[]')
           FROM duplicate_candidates d JOIN appeals o ON o.id = d.candidate_id WHERE d.appeal_id = a.id) AS _duplicates
      FROM jsonb_to_recordset(${JSON.stringify(calls.map((c, i) => ({ i, id: c.id })))}::jsonb) AS x(i integer, id uuid)
      JOIN appeals a ON a.id = x.id
    `.execute(db);
    rows = result.rows;
  } catch (e) {
    for (const c of calls) c.reject(e);
    return;
  }
  const byCall = new Map(rows.map((r) => [r._i, r]));
  const along = forThisTurn(readAlong, db, () => new Map<string, ReadAlong>());
  calls.forEach((c, i) => {
    const row = byCall.get(i);
    if (!row) return c.reject(notFound());
    const { _i, visible, _cards, _duplicates, ...appeal } = row;
    if (!visible) return c.reject(forbidden());
    along.set(c.id, { cards: _cards, duplicates: _duplicates });
    c.resolve(appeal);
  });
}

/** Where the applicants of an appeal are told of it: their e-mails and mobile phones. */
export async function contactsOf(db: Db, appealId: string) {
  return db.selectFrom('applicant_cards').select(['email', 'phone_mobile']).where('appeal_id', '=', appealId).orderBy('position').execute();
}
