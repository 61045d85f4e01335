// The applicant's messages of personal reception (kk/ru/en): the date, time and place (or meeting
// link) given to a sign-up (PR-36, PR-22), a cancelled session with the next one offered (PR-24),
// the draft refusal for a hearing (PR-11), the refusal with its ground (PR-10), "not considered"
// (PR-07), another body asked to take part (PR-27).
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
  receptionRefusalDraft: { text: string; until: string };
  receptionRefused: { text: string };
  receptionNotConsidered: { text: string };
  receptionParticipation: { body: string };
}

type Text = { subject: string; body: string };
type Lang = { kk: string; ru: string; en: string };
const pick = (lang: MessageLanguage, subject: Lang, body: Lang): Text => ({ subject: subject[lang], body: body[lang] });

/** The texts of the kinds that carry no slot. */
const PLAIN: { [K in Exclude<ReceptionMessageKind, 'receptionScheduled' | 'receptionCancelled'>]: (reg: string, d: ReceptionMessageData[K], lang: MessageLanguage) => Text } = {
  receptionRefusalDraft: (reg, d, lang) =>
    pick(
      lang,
      { kk: 'Алдын ала шешімнің жобасы', ru: 'Проект предварительного решения', en: 'Draft preliminary decision' },
      {
        kk: `${reg}: жеке қабылдауға жазудан бас тарту туралы шешімнің жобасы: ${d.text}. Қарсылығыңызды білдіре аласыз; шешім ${displayDate(d.until)} бұрын қабылданбайды.`,
        ru: `${reg}: проект решения об отказе в записи на личный прием: ${d.text}. Вы можете представить возражения; решение не будет принято ранее ${displayDate(d.until)}.`,
        en: `${reg}: draft decision refusing the sign-up for personal reception: ${d.text}. You may object; the decision will not be taken before ${displayDate(d.until)}.`,
      },
    ),
  receptionRefused: (reg, d, lang) =>
    pick(
      lang,
      { kk: 'Жеке қабылдауға жазудан бас тарту', ru: 'Отказ в записи на личный прием', en: 'Sign-up refused' },
      { kk: `${reg}: жеке қабылдауға жазудан бас тартылды: ${d.text}.`, ru: `${reg}: в записи на личный прием отказано: ${d.text}.`, en: `${reg}: the sign-up for personal reception is refused: ${d.text}.` },
    ),
  receptionNotConsidered: (reg, d, lang) =>
    pick(
      lang,
      { kk: 'Жолданым қаралмайды', ru: 'Обращение не рассматривается', en: 'Appeal not considered' },
      {
        kk: `${reg}: мәселенің мәні көрсетілмегендіктен жолданым қаралмайды. ${d.text}`,
        ru: `${reg}: обращение не рассматривается, так как не изложена суть вопроса. ${d.text}`,
        en: `${reg}: the appeal is not considered: it does not state the substance of the issue. ${d.text}`,
      },
    ),
  receptionParticipation: (reg, d, lang) =>
    pick(
      lang,
      { kk: 'Басқа органның қатысуы', ru: 'Участие другого органа', en: 'Another body asked to take part' },
      {
        kk: `${reg}: жеке қабылдауға қатысу үшін ${d.body} шақырылды.`,
        ru: `${reg}: для участия в личном приеме приглашен ${d.body}.`,
        en: `${reg}: ${d.body} is asked to take part in your personal reception.`,
      },
    ),
};

const where = (s: ReceptionSlot, lang: MessageLanguage) => (s.videoUrl ? { kk: `бейнебайланыс: ${s.videoUrl}`, ru: `видеосвязь: ${s.videoUrl}`, en: `video: ${s.videoUrl}` }[lang] : s.place);

function text<K extends ReceptionMessageKind>(kind: K, lang: MessageLanguage, registrationNumber: string, data: ReceptionMessageData[K]): Text {
  if (kind !== 'receptionScheduled' && kind !== 'receptionCancelled') {
    const plain = PLAIN[kind as keyof typeof PLAIN] as (reg: string, d: ReceptionMessageData[K], lang: MessageLanguage) => Text;
    return plain(registrationNumber, data, lang);
  }
  const s = (data as ReceptionMessageData['receptionScheduled']).slot;
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
