// Booking a personal reception from the portal (EA-04; PR-05 online sign-up, PR-17 the published
// schedule): the applicant picks a planned session of the public schedule and states the question;
// the sign-up is registered by reception's own use case (channel: the public portal), for the
// session's official, and the session the applicant chose is recorded on the appeal for the
// reception staff, who give the session (PR-35, PR-36) — the applicant then sees it on the card.
import type { Context } from '../context.ts';
import { invalid } from '../errors.ts';
import { appealTransaction, changeAppeal } from '../appeals/change.ts';
import { registerSignUp } from '../reception/sign-ups.ts';
import { sessionById } from '../reception/store.ts';
import type { RECEPTION_LANGUAGES } from '../domain/reception.ts';
import * as store from './store.ts';

export interface ReceptionBooking {
  sessionId: string;
  question: string;
  /** PR-29: the reception is held in Kazakh or Russian */
  language: (typeof RECEPTION_LANGUAGES)[number];
  /** PR-22: consent to be received by video */
  videoConsent?: boolean;
  applicant: { lastName: string; firstName: string; middleName?: string; email?: string };
}

/** The summary of the sign-up as the register shows it: the question's first line, shortened. */
const summaryOf = (question: string) => {
  const line = question.trim().split('\n')[0]!.trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
};

/** Registers the applicant's sign-up for the session's official; 400 when the session is not a
 *  planned one still to come (only those are published, PR-17). */
export async function bookReception(ctx: Context, applicant: store.Applicant, b: ReceptionBooking): Promise<string> {
  const session = await sessionById(ctx.db, b.sessionId);
  if (session?.status !== 'planned' || new Date(session.starts_at).getTime() <= ctx.clock.now().getTime()) {
    throw invalid([{ path: '/sessionId', code: 'portal.sessionUnavailable' }]);
  }
  const actor = await store.portalActor(ctx.db);
  const card = { kind: 'individual' as const, ...b.applicant, ...(applicant.phone ? { phone: applicant.phone } : {}), ...(applicant.iin ? { iin: applicant.iin } : {}) };
  return appealTransaction(ctx, async (tctx) => {
    const id = await registerSignUp(tctx, actor, {
      registration: {
        documentType: 'application',
        form: 'electronic',
        channel: 'publicPortal',
        language: b.language,
        summary: summaryOf(b.question),
        text: b.question.trim(),
        organizationId: session.organization_id,
        applicant: card,
      },
      reception: { officialId: session.official_id, question: b.question, language: b.language, ...(b.videoConsent !== undefined ? { videoConsent: b.videoConsent } : {}) },
    });
    // the applicant's choice, for the staff who give the session (the answer of PR-36 stays theirs)
    await changeAppeal(tctx, actor, id, async () => ({ change: { event: { kind: 'applicantChoseSession', changes: { sessionId: session.id, receptionDate: session.reception_date } } } }), { scopeChecked: true });
    return id;
  });
}
