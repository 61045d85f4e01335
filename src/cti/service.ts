// Calls from the telephone system (EA-10): "ringing" opens the contact of the call on the named
// operator's console (the screen pop), "answered" marks when the operator took it, "hangup" ends
// its timing. The same use case serves the Asterisk Manager Interface (src/cti/ami.ts) and the
// signed webhook (src/cti/routes.ts). A repeated event changes nothing.
import { randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { appendEvent } from '../audit/log.ts';
import { publishScreenPop } from '../contact-centre/screen-pop.ts';
import * as store from '../contact-centre/store.ts';

export const CTI_EVENTS = ['ringing', 'answered', 'hangup'] as const;

export interface CtiEvent {
  event: (typeof CTI_EVENTS)[number];
  callId: string;
  callerPhone?: string | null;
  /** The operator's login, or the extension on record as the user's phone. */
  operator?: string | null;
}

/** The contact of the call, or null for an event about a call never seen ringing. */
export async function handleCtiEvent(ctx: Context, e: CtiEvent): Promise<{ contactId: string | null }> {
  const now = ctx.clock.now();
  if (e.event === 'ringing') {
    const operator = e.operator ? await store.operatorByName(ctx.db, e.operator) : undefined;
    if (!operator || !(operator.roles as string[]).some((r) => r === 'operator' || r === 'admin')) {
      throw new AppError(422, 'validation', [{ path: '/operator', code: 'cti.unknownOperator' }]);
    }
    const made = await ctx.db.transaction().execute(async (trx) => {
      const r = await store.insertCallContact(trx, {
        id: randomUUID(),
        organization_id: operator.organization_id,
        channel: 'phone',
        caller_phone: e.callerPhone ?? null,
        operator_id: operator.id,
        operator_name: operator.full_name,
        started_at: now,
        call_id: e.callId,
        created_at: now,
      });
      if (r.created) {
        await appendEvent(trx, { appealId: null, organizationId: operator.organization_id, actor: null, at: now, kind: 'contactOpened', changes: { contactId: r.id, channel: 'phone', callId: e.callId } });
      }
      return r;
    });
    publishScreenPop(ctx.config, operator.id, { kind: 'ringing', contactId: made.id, callId: e.callId, callerPhone: e.callerPhone ?? null });
    return { contactId: made.id };
  }
  const marked = await store.markCall(ctx.db, e.callId, e.event === 'answered' ? 'answered_at' : 'ended_at', now);
  if (marked?.operator_id) publishScreenPop(ctx.config, marked.operator_id, { kind: e.event, contactId: marked.id, callId: e.callId, callerPhone: e.callerPhone ?? null });
  if (marked) return { contactId: marked.id };
  const known = await store.contactByCall(ctx.db, e.callId);
  return { contactId: known?.id ?? null };
}
