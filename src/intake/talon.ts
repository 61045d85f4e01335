// The talon of a registered appeal (rules p.8, Annex 3).
import { timeZoneOf, type Context } from '../context.ts';
import { localDateTime } from '../domain/calendar.ts';
import { renderTalon } from '../pdf/talon.ts';
import type { AppealRow } from '../appeals/store.ts';

export async function talonPdf(ctx: Context, appeal: AppealRow): Promise<Buffer> {
  const { db } = ctx;
  const [org, type] = await Promise.all([
    db.selectFrom('organizations').select(['name_kk', 'name_ru', 'address', 'phone', 'time_zone']).where('id', '=', appeal.organization_id).executeTakeFirstOrThrow(),
    db.selectFrom('directory_entries').select(['label_kk', 'label_ru']).where('directory', '=', 'documentType').where('code', '=', appeal.document_type).executeTakeFirstOrThrow(),
  ]);
  const received = localDateTime(appeal.received_at, timeZoneOf(ctx, org));
  return renderTalon({
    talonNumber: appeal.talon_number,
    registrationNumber: appeal.registration_number,
    documentTypeLabel: { kk: type.label_kk, ru: type.label_ru },
    applicantName: appeal.applicant_name,
    receivedAt: { date: received.date, time: received.time.slice(0, 5) },
    registrationDate: appeal.registration_date,
    dueDate: appeal.due_date,
    acceptedBy: { fullName: appeal.registrar_name, position: appeal.registrar_position },
    organization: { name: { kk: org.name_kk, ru: org.name_ru }, address: org.address, phone: org.phone },
  });
}
