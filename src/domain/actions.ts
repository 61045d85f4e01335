// Who may do what with an appeal besides taking a decision (the decision catalogue says who takes
// each decision): assign its executor, sign its letters, return an executor's draft, mark
// information under APPC Art. 88 p.1 (who may petition a correction: src/domain/corrections.ts
// mayPetition). Pure: the use cases
// enforce these lists, and the appeal card asks the server what they allow now, with the reason
// when they do not, instead of deciding roles itself.
import type { Role } from './vocabulary.ts';

/** The head assigns the responsible executor and co-executors (ТЖ-2 field 4.27). */
export const ASSIGNED_BY: readonly Role[] = ['head'];
/** The head (or a deputy) signs the cover letters, and so approves an executor's draft. */
export const LETTERS_SIGNED_BY: readonly Role[] = ['head'];
/** A draft goes back for rework with a remark from the head or the control department; its author
 *  may take it back without one. */
export const DRAFTS_RETURNED_BY: readonly Role[] = ['head', 'controller'];
/** Whoever registers or reviews the appeal marks crime or security information found in it later. */
export const SECURITY_INFO_MARKED_BY: readonly Role[] = ['registrar', 'executor', 'head'];

/** Whether one of the roles is among those allowed (an administrator may do everything). */
export function mayAct(roles: readonly Role[], allowed: readonly Role[]): boolean {
  return roles.some((r) => r === 'admin' || allowed.includes(r));
}

export type ActionCheck = { allowed: true } | { allowed: false; reason: string };

/** Whether the executor may be assigned now: by the head, while the review goes on. */
export function checkAssign(roles: readonly Role[], reviewEnded: boolean): ActionCheck {
  if (!mayAct(roles, ASSIGNED_BY)) return { allowed: false, reason: 'forbidden' };
  if (reviewEnded) return { allowed: false, reason: 'assignment.reviewEnded' };
  return { allowed: true };
}

/** Who may return the pending draft, and whether it is their own taken back (no remark needed). */
export function checkReturnDraft(roles: readonly Role[], actorId: string, draftedBy: string): ActionCheck & { remarkRequired: boolean } {
  const own = draftedBy === actorId;
  if (mayAct(roles, DRAFTS_RETURNED_BY)) return { allowed: true, remarkRequired: !own };
  if (own) return { allowed: true, remarkRequired: false };
  return { allowed: false, reason: 'forbidden', remarkRequired: true };
}
