// Messages to the applicants of an appeal, enqueued in the transaction of the change they report.
import type { Db } from '../db/connection.ts';
import type { AppealRow } from '../intake/store.ts';
import { enqueue, type MessageKind } from '../notifications/outbox.ts';
import { applicantMessages, messageLanguage, type MessageData } from '../notifications/messages.ts';
import { contactsOf } from './store.ts';

type Common = 'organizationId' | 'appealId' | 'registrationNumber';

export async function notifyApplicants<K extends MessageKind>(
  trx: Db,
  appeal: AppealRow,
  kind: K,
  extra: Omit<MessageData[K], Common>,
  now: Date,
): Promise<void> {
  const contacts = await contactsOf(trx, appeal.id);
  const data = {
    organizationId: appeal.organization_id,
    appealId: appeal.id,
    registrationNumber: appeal.registration_number,
    ...extra,
  } as MessageData[K];
  const lang = messageLanguage(appeal.language);
  const rows = contacts.flatMap((c) => applicantMessages(kind, lang, data, { email: c.email, phone: c.phone_mobile }));
  if (rows.length > 0) await enqueue(trx, rows, now);
}
