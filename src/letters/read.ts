// What the letter routes show: the letters of an appeal in the actor's scope, each with its
// signature checked now, a letter's PDF, the demo key.
import type { Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { appealInScope } from '../appeals/store.ts';
import { forbidden, notFound } from '../errors.ts';
import { letterFile, letterSignatureStatus } from './service.ts';
import { demoKeyOf, letterPdfOf, lettersOf } from './store.ts';

/** The cover letters of the appeal, each with the result of checking its signature now (null: unsigned). */
export async function lettersOfAppeal(ctx: Context, actor: Actor, appealId: string) {
  const appeal = await appealInScope(ctx.db, actor, appealId);
  const rows = await lettersOf(ctx.db, appeal.id);
  return Promise.all(rows.map(async (letter) => ({ letter, check: await letterSignatureStatus(ctx.db, letter) })));
}

/** A letter of the appeal as PDF (a signed one with its signature inside), with its number; 404
 *  when the appeal has no such letter. */
export async function letterPdf(ctx: Context, actor: Actor, appealId: string, letterId: string) {
  const appeal = await appealInScope(ctx.db, actor, appealId);
  const letter = await letterPdfOf(ctx.db, appeal.id, letterId);
  if (!letter) throw notFound();
  return { number: letter.number, pdf: letterFile(letter) };
}

/** Demo mode: the actor's demo PKCS#12. */
export async function demoKey(ctx: Context, actor: Actor): Promise<Buffer> {
  if (!ctx.config.demo) throw forbidden();
  const key = await demoKeyOf(ctx.db, actor.id);
  if (!key) throw notFound();
  return key.pkcs12;
}
