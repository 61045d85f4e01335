// Reminders of instructions under control (CD-29): to the heads and executors of the executor
// organizations, through the outbox, on each warning date before the due date and on the day after
// it. Each is recorded (instruction_reminders), so the hourly run sends it once.
import type { Context } from '../context.ts';
import { today as todayOf } from '../context.ts';
import { plusDays } from '../domain/calendar.ts';
import { reminderDue } from '../domain/instructions.ts';
import { enqueue } from '../notifications/outbox.ts';
import * as store from './store.ts';

const excerpt = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

function body(kind: 'warning' | 'overdue', due: string, text: string): { subject: string; body: string } {
  if (kind === 'warning') {
    return {
      subject: `Тапсырманың мерзімі жақындады: ${due} / Приближается срок поручения: ${due}`,
      body: `Тапсырманы ${due} дейін орындаңыз.\nПоручение должно быть исполнено до ${due}.\n\n${excerpt(text)}`,
    };
  }
  return {
    subject: `Тапсырманың мерзімі өтті: ${due} / Срок поручения истёк: ${due}`,
    body: `Тапсырманың орындалу мерзімі (${due}) өтті.\nСрок исполнения поручения (${due}) истёк.\n\n${excerpt(text)}`,
  };
}

/** Sends the reminders due today; returns how many messages were enqueued. */
export async function sendInstructionReminders(ctx: Context): Promise<number> {
  const today = todayOf(ctx);
  const now = ctx.clock.now();
  let sent = 0;
  for (const i of await store.underControl(ctx.db)) {
    const kind = reminderDue({ state: 'underControl', dueDate: i.due_date, warningDates: i.warning_dates }, today, plusDays(i.due_date, 1));
    if (!kind) continue;
    sent += await ctx.db.transaction().execute(async (trx) => {
      if (!(await store.recordReminder(trx, i.id, kind, today, now))) return 0;
      const text = body(kind, i.due_date, i.text);
      const recipients = await store.reminderRecipients(trx, i.id);
      const ids = await enqueue(
        trx,
        recipients.map((r) => ({
          organizationId: r.organization_id,
          appealId: null,
          kind: 'instructionReminder' as const,
          channel: 'email' as const,
          recipient: r.email!,
          language: 'kk',
          subject: text.subject,
          body: text.body,
        })),
        now,
      );
      return ids.length;
    });
  }
  return sent;
}
