// The applicant's messages of personal reception (kk/ru/en): the date, time and place (or meeting
// link) given to a sign-up (PR-36, PR-22), and a cancelled session with the next one offered (PR-24).
import type { OutboxMessage, ReceptionMessageKind } from '../notifications/outbox.ts';
import { displayDate, messageLanguage, type MessageLanguage } from '../notifications/messages.ts';

export interface ReceptionSlot {
  date: string;
  time: string;
  place: string;
  official: string;
  videoUrl: string | null;
}

export interface ReceptionMessageData {
  receptionScheduled: { slot: ReceptionSlot };
  receptionCancelled: { slot: ReceptionSlot; next: ReceptionSlot | null };
}

const where = (s: ReceptionSlot, lang: MessageLanguage) => (s.videoUrl ? { kk: `бейнебайланыс: ${s.videoUrl}`, ru: `видеосвязь: ${s.videoUrl}`, en: `video: ${s.videoUrl}` }[lang] : s.place);

function text<K extends ReceptionMessageKind>(kind: K, lang: MessageLanguage, registrationNumber: string, data: ReceptionMessageData[K]): { subject: string; body: string } {
  const s = data.slot;
  const when = `${displayDate(s.date)} ${s.time}`;
  if (kind === 'receptionScheduled') {
    const body = {
      kk: `${registrationNumber}: жеке қабылдау ${when}, ${where(s, lang)}. Қабылдайтын: ${s.official}. Жеке басты куәландыратын құжатты алып келіңіз.`,
      ru: `${registrationNumber}: личный прием ${when}, ${where(s, lang)}. Принимает: ${s.official}. Возьмите документ, удостоверяющий личность.`,
      en: `${registrationNumber}: personal reception on ${when}, ${where(s, lang)}. Received by: ${s.official}. Bring an identity document.`,
    }[lang];
    return { subject: { kk: 'Жеке қабылдау күні', ru: 'Дата личного приема', en: 'Date of personal reception' }[lang], body };
  }
  const next = (data as ReceptionMessageData['receptionCancelled']).next;
  const offer = next
    ? {
        kk: ` Келесі қабылдау: ${displayDate(next.date)} ${next.time}, ${where(next, lang)}.`,
        ru: ` Следующий прием: ${displayDate(next.date)} ${next.time}, ${where(next, lang)}.`,
        en: ` Next reception: ${displayDate(next.date)} ${next.time}, ${where(next, lang)}.`,
      }[lang]
    : '';
  const body = {
    kk: `${registrationNumber}: ${when} жеке қабылдау өтпейді.${offer}`,
    ru: `${registrationNumber}: личный прием ${when} не состоится.${offer}`,
    en: `${registrationNumber}: the personal reception on ${when} is cancelled.${offer}`,
  }[lang];
  return { subject: { kk: 'Жеке қабылдау болдырылмады', ru: 'Личный прием отменен', en: 'Personal reception cancelled' }[lang], body };
}

/** The outbox rows for one applicant: an e-mail and/or an SMS, in the appeal's language. */
export function receptionMessages<K extends ReceptionMessageKind>(
  kind: K,
  appeal: { id: string; organization_id: number; registration_number: string; language: string },
  data: ReceptionMessageData[K],
  contact: { email: string | null; phone_mobile: string | null },
): OutboxMessage[] {
  const lang = messageLanguage(appeal.language);
  const t = text(kind, lang, appeal.registration_number, data);
  const base = { organizationId: appeal.organization_id, appealId: appeal.id, kind, language: lang, attachment: null };
  const out: OutboxMessage[] = [];
  if (contact.email?.trim()) out.push({ ...base, channel: 'email', recipient: contact.email.trim(), subject: t.subject, body: t.body });
  if (contact.phone_mobile?.trim()) out.push({ ...base, channel: 'sms', recipient: contact.phone_mobile.trim(), subject: null, body: t.body });
  return out;
}
