// Outage mode (rules p.31): when E-appeals is unreachable, appeals are registered in a paper
// journal; an act in free form records the cause and duration of the outage; within 24 hours of
// restored access the journal's entries are entered into the system. An entry is registered as any
// appeal (src/intake/register.ts), with its original receipt time (so its registration date and due
// date are those of the day it came), and flagged with its act, journal page and entry; an entry
// made more than 24 hours after the restoration is a violation.
import { randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { canActFor } from '../access/scope.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { appendEvent } from '../audit/log.ts';
import { paperJournalEntryLate } from '../domain/accounting.ts';
import { registerAppeal } from '../intake/register.ts';
import { appealTransaction, changeAppeal } from '../appeals/change.ts';
import type { JournalEntryInput, OutageActInput } from './schemas.ts';
import { insertJournalEntry, insertOutageAct, journalEntryAt, lateEntriesWhere, outageActById, outageActsWhere, visibleOrganizations } from './store.ts';

export type { JournalEntryInput, OutageActInput } from './schemas.ts';

export async function recordOutageAct(ctx: Context, actor: Actor, input: OutageActInput): Promise<string> {
  if (!hasRole(actor, 'head', 'registrar', 'controller')) throw forbidden();
  const organizationId = input.organizationId ?? actor.organizationId;
  if (!(await canActFor(ctx.db, actor, organizationId))) throw forbidden();
  const started = new Date(input.startedAt);
  const ended = new Date(input.endedAt);
  const now = ctx.clock.now();
  const errors = [];
  if (ended.getTime() <= started.getTime()) errors.push({ path: '/endedAt', code: 'outage.endBeforeStart' });
  if (ended.getTime() > now.getTime()) errors.push({ path: '/endedAt', code: 'outage.inFuture' });
  if (errors.length) throw invalid(errors);
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await insertOutageAct(trx, { id, organization_id: organizationId, started_at: started, ended_at: ended, cause: input.cause, recorded_by: actor.id, recorded_by_name: actor.fullName, recorded_at: now });
    await appendEvent(trx, { appealId: null, organizationId, actor, at: now, kind: 'outageAct', changes: { outageActId: id, startedAt: started.toISOString(), endedAt: ended.toISOString(), cause: input.cause } });
  });
  return id;
}

export async function outageActs(ctx: Context, actor: Actor) {
  const visible = await visibleOrganizations(ctx.db, actor, 'o.organization_id');
  return outageActsWhere(ctx.db, visible);
}

/** Enters an appeal from the paper journal of an outage: registered with its original receipt time. */
export async function enterFromPaperJournal(ctx: Context, actor: Actor, actId: string, input: JournalEntryInput): Promise<{ appealId: string; late: boolean }> {
  const act = await outageActById(ctx.db, actId);
  if (!act) throw notFound();
  if (!(await canActFor(ctx.db, actor, act.organization_id))) throw forbidden();
  const received = new Date(input.registration.receivedAt);
  if (Number.isNaN(received.getTime()) || received < act.started_at || received > act.ended_at) {
    throw invalid([{ path: '/registration/receivedAt', code: 'outage.receivedOutsideOutage' }]);
  }
  const taken = await journalEntryAt(ctx.db, actId, input.page, input.entry);
  if (taken) throw new AppError(409, 'outage.entryTaken', [], { page: input.page, entry: input.entry });
  const now = ctx.clock.now();
  const late = paperJournalEntryLate(act.ended_at, now);
  return appealTransaction(
    ctx,
    async (tctx) => {
      const appealId = await registerAppeal(tctx, actor, { organizationId: act.organization_id, ...input.registration }, { fromPaperJournal: true });
      // the export journal's record now carries the paper-journal entry
      await changeAppeal(tctx, actor, appealId, async ({ trx }) => {
        await insertJournalEntry(trx, { appeal_id: appealId, outage_act_id: actId, page: input.page, entry: input.entry, received_at: received, entered_at: now, late });
        const changes = { outageActId: actId, page: input.page, entry: input.entry, receivedAt: received.toISOString(), late };
        return { change: { event: { kind: 'paperJournalEntry', changes } } };
      });
      return { appealId, late };
    },
    now,
  );
}

/** Paper-journal entries made more than 24 hours after the restoration (p.31). */
export async function lateEntries(ctx: Context, actor: Actor) {
  const visible = await visibleOrganizations(ctx.db, actor, 'o.organization_id');
  return lateEntriesWhere(ctx.db, visible);
}
