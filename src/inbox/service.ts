// The staff inbox's one change besides marking read (issue 10, item 13): whether notices also come
// by e-mail, audited with what it was.
import type { Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { appendEvent } from '../audit/log.ts';
import { emailPreference, setEmailPreference } from './store.ts';

export async function chooseEmail(ctx: Context, actor: Actor, email: boolean): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await emailPreference(trx, actor.id);
    await setEmailPreference(trx, actor.id, email);
    await appendEvent(trx, { appealId: null, organizationId: actor.organizationId, actor, at: now, kind: 'notificationSettingsChanged', changes: { email: { from: before, to: email } } });
  });
}
