// The applicant's messages (kk/ru/en): on registration (and the talon of a complaint-box appeal,
// rules p.9), forwarding, extension, hearing notice and decision. SMS texts stay within 160
// characters (long names are shortened); e-mails say more and carry the letter.
import type { Attachment, MessageKind, OutboxMessage } from './outbox.ts';

export type MessageLanguage = 'kk' | 'ru' | 'en';

/** The language of the applicant's messages: the appeal's if it is kk/ru/en, otherwise Russian. */
export function messageLanguage(appealLanguage: string): MessageLanguage {
  return appealLanguage === 'kk' || appealLanguage === 'en' ? appealLanguage : 'ru';
}

interface Common {
  organizationId: number;
  appealId: string | null;
  registrationNumber: string;
  /** The authority's name in the message's language (e-mail only). */
  organizationName?: string | null;
  /** The letter (talon, answer, notice) — attached to the e-mail, never to the SMS. */
  attachment?: Attachment | null;
}

/** What each kind of message says. Dates are 'YYYY-MM-DD', times 'HH:MM' (local to the authority). */
export interface MessageData {
  registered: Common & { talonNumber: string; registrationDate: string; dueDate: string };
  talon: Common & { talonNumber: string; registrationDate: string; dueDate: string };
  forwarded: Common & { to: string; reason?: string | null };
  extended: Common & { dueDate: string; reason?: string | null };
  hearingNotice: Common & { date: string; time: string; place: string };
  decision: Common & { decision: string };
}

export interface Contact {
  email?: string | null;
  phone?: string | null;
}

export const SMS_MAX_LENGTH = 160;

/** The outbox rows for one applicant: an e-mail if there is an e-mail, an SMS if there is a phone. */
export function applicantMessages<K extends MessageKind>(kind: K, lang: MessageLanguage, data: MessageData[K], contact: Contact): OutboxMessage[] {
  const out: OutboxMessage[] = [];
  const base = { organizationId: data.organizationId, appealId: data.appealId, kind, language: lang };
  const email = contact.email?.trim();
  const phone = contact.phone?.trim();
  if (email) {
    const e = emailText(kind, lang, data);
    out.push({ ...base, channel: 'email', recipient: email, subject: e.subject, body: e.body, attachment: data.attachment ?? null });
  }
  if (phone) out.push({ ...base, channel: 'sms', recipient: phone, subject: null, body: smsText(kind, lang, data), attachment: null });
  return out;
}

/** dd.mm.yyyy, as dates are written in Kazakhstan. */
export function displayDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : isoDate;
}

// ---- SMS ----

type Any = MessageData[MessageKind] & Partial<MessageData['registered'] & MessageData['forwarded'] & MessageData['hearingNotice'] & MessageData['decision']>;

/** An SMS with one free-text part (a name, a place, a decision) shortened to fit. */
function fitted(make: (free: string) => string, free: string): string {
  const full = make(free);
  const over = full.length - SMS_MAX_LENGTH;
  if (over <= 0) return full;
  const keep = Math.max(0, free.length - over - 1);
  return make(free.slice(0, keep).trimEnd() + '…').replace('….', '…');
}

export function smsText<K extends MessageKind>(kind: K, lang: MessageLanguage, data: MessageData[K]): string {
  const d = data as Any;
  const reg = d.registrationNumber;
  const date = (v: string | undefined) => displayDate(v ?? '');
  const texts: Record<MessageLanguage, Record<MessageKind, () => string>> = {
    kk: {
      registered: () => `Өтінішіңіз тіркелді: № ${reg}, талон № ${d.talonNumber}. Қарау мерзімі: ${date(d.dueDate)}.`,
      talon: () => `Талон № ${d.talonNumber}: өтінішіңіз ${date(d.registrationDate)} № ${reg} болып тіркелді. Қарау мерзімі: ${date(d.dueDate)}.`,
      forwarded: () => fitted((to) => `№ ${reg} өтінішіңіз қарау үшін жіберілді: ${to}.`, d.to ?? ''),
      extended: () => `№ ${reg} өтінішіңізді қарау мерзімі ${date(d.dueDate)} дейін ұзартылды.`,
      hearingNotice: () => fitted((place) => `№ ${reg} өтінішіңіз бойынша тыңдау: ${date(d.date)}, ${d.time}, ${place}.`, d.place ?? ''),
      decision: () => fitted((decision) => `№ ${reg} өтінішіңіз бойынша шешім: ${decision}.`, d.decision ?? ''),
    },
    ru: {
      registered: () => `Ваше обращение зарегистрировано: № ${reg}, талон № ${d.talonNumber}. Срок рассмотрения: до ${date(d.dueDate)}.`,
      talon: () => `Талон № ${d.talonNumber}: обращение зарегистрировано ${date(d.registrationDate)} за № ${reg}. Срок рассмотрения: до ${date(d.dueDate)}.`,
      forwarded: () => fitted((to) => `Ваше обращение № ${reg} направлено на рассмотрение: ${to}.`, d.to ?? ''),
      extended: () => `Срок рассмотрения обращения № ${reg} продлён до ${date(d.dueDate)}.`,
      hearingNotice: () => fitted((place) => `Заслушивание по обращению № ${reg}: ${date(d.date)} в ${d.time}, ${place}.`, d.place ?? ''),
      decision: () => fitted((decision) => `По обращению № ${reg} принято решение: ${decision}.`, d.decision ?? ''),
    },
    en: {
      registered: () => `Your appeal is registered: No. ${reg}, talon No. ${d.talonNumber}. Due date: ${date(d.dueDate)}.`,
      talon: () => `Talon No. ${d.talonNumber}: your appeal was registered on ${date(d.registrationDate)} as No. ${reg}. Due date: ${date(d.dueDate)}.`,
      forwarded: () => fitted((to) => `Your appeal No. ${reg} was forwarded for review to ${to}.`, d.to ?? ''),
      extended: () => `The review of your appeal No. ${reg} is extended until ${date(d.dueDate)}.`,
      hearingNotice: () => fitted((place) => `Hearing on your appeal No. ${reg}: ${date(d.date)} at ${d.time}, ${place}.`, d.place ?? ''),
      decision: () => fitted((decision) => `Decision on your appeal No. ${reg}: ${decision}.`, d.decision ?? ''),
    },
  };
  return texts[lang][kind]();
}

// ---- e-mail ----

const WORDS = {
  kk: {
    greeting: 'Құрметті өтініш беруші!',
    footer: 'Бұл хат автоматты түрде жіберілді, оған жауап берудің қажеті жоқ.',
    attached: 'Қосымша',
    organization: 'Орган',
    registrationNumber: 'Тіркеу нөмірі',
    talonNumber: 'Талон нөмірі',
    registrationDate: 'Тіркелген күні',
    dueDate: 'Қарау мерзімі',
    to: 'Қарау үшін жіберілді',
    newDueDate: 'Жаңа қарау мерзімі',
    reason: 'Негізі',
    when: 'Күні мен уақыты',
    place: 'Орны',
    decision: 'Шешім',
  },
  ru: {
    greeting: 'Уважаемый заявитель!',
    footer: 'Письмо отправлено автоматически, отвечать на него не нужно.',
    attached: 'Вложение',
    organization: 'Орган',
    registrationNumber: 'Регистрационный номер',
    talonNumber: 'Номер талона',
    registrationDate: 'Дата регистрации',
    dueDate: 'Срок рассмотрения',
    to: 'Направлено на рассмотрение',
    newDueDate: 'Новый срок рассмотрения',
    reason: 'Основание',
    when: 'Дата и время',
    place: 'Место',
    decision: 'Решение',
  },
  en: {
    greeting: 'Dear applicant,',
    footer: 'This message was sent automatically; please do not reply to it.',
    attached: 'Attached',
    organization: 'Authority',
    registrationNumber: 'Registration number',
    talonNumber: 'Talon number',
    registrationDate: 'Registration date',
    dueDate: 'Due date',
    to: 'Forwarded for review to',
    newDueDate: 'New due date',
    reason: 'Reason',
    when: 'Date and time',
    place: 'Place',
    decision: 'Decision',
  },
} as const;

const SUBJECTS: Record<MessageLanguage, Record<MessageKind, (reg: string, talon: string) => string>> = {
  kk: {
    registered: (reg) => `№ ${reg} өтініш тіркелді`,
    talon: (_reg, talon) => `Өтініштің қабылданғаны туралы талон № ${talon}`,
    forwarded: (reg) => `№ ${reg} өтініш қарау үшін жіберілді`,
    extended: (reg) => `№ ${reg} өтінішті қарау мерзімі ұзартылды`,
    hearingNotice: (reg) => `№ ${reg} өтініш бойынша тыңдау`,
    decision: (reg) => `№ ${reg} өтініш бойынша шешім`,
  },
  ru: {
    registered: (reg) => `Обращение № ${reg} зарегистрировано`,
    talon: (_reg, talon) => `Талон № ${talon} о приёме обращения`,
    forwarded: (reg) => `Обращение № ${reg} направлено на рассмотрение`,
    extended: (reg) => `Срок рассмотрения обращения № ${reg} продлён`,
    hearingNotice: (reg) => `Заслушивание по обращению № ${reg}`,
    decision: (reg) => `Решение по обращению № ${reg}`,
  },
  en: {
    registered: (reg) => `Appeal No. ${reg} registered`,
    talon: (_reg, talon) => `Talon No. ${talon}: your appeal is received`,
    forwarded: (reg) => `Appeal No. ${reg} forwarded for review`,
    extended: (reg) => `Appeal No. ${reg}: review period extended`,
    hearingNotice: (reg) => `Appeal No. ${reg}: hearing`,
    decision: (reg) => `Appeal No. ${reg}: decision`,
  },
};

const LEADS: Record<MessageLanguage, Record<MessageKind, string>> = {
  kk: {
    registered: 'Өтінішіңіз тіркелді.',
    talon: 'Өтінішіңіздің қабылданғаны туралы талон.',
    forwarded: 'Өтінішіңіз қарау үшін басқа органға жіберілді.',
    extended: 'Өтінішіңізді қарау мерзімі ұзартылды.',
    hearingNotice: 'Өтінішіңіз бойынша тыңдауға шақырамыз.',
    decision: 'Өтінішіңіз бойынша шешім қабылданды.',
  },
  ru: {
    registered: 'Ваше обращение зарегистрировано.',
    talon: 'Талон о приёме вашего обращения.',
    forwarded: 'Ваше обращение направлено на рассмотрение в другой орган.',
    extended: 'Срок рассмотрения вашего обращения продлён.',
    hearingNotice: 'Приглашаем вас на заслушивание по вашему обращению.',
    decision: 'По вашему обращению принято решение.',
  },
  en: {
    registered: 'Your appeal has been registered.',
    talon: 'The talon confirming that your appeal has been received.',
    forwarded: 'Your appeal has been forwarded to another body for review.',
    extended: 'The review period of your appeal has been extended.',
    hearingNotice: 'You are invited to a hearing on your appeal.',
    decision: 'A decision has been made on your appeal.',
  },
};

export function emailText<K extends MessageKind>(kind: K, lang: MessageLanguage, data: MessageData[K]): { subject: string; body: string } {
  const d = data as Any;
  const w = WORDS[lang];
  const fields: Array<[string, string | null | undefined]> = [
    [w.organization, d.organizationName],
    [w.registrationNumber, d.registrationNumber],
  ];
  switch (kind) {
    case 'registered':
    case 'talon':
      fields.push([w.talonNumber, d.talonNumber], [w.registrationDate, d.registrationDate && displayDate(d.registrationDate)], [w.dueDate, d.dueDate && displayDate(d.dueDate)]);
      break;
    case 'forwarded':
      fields.push([w.to, d.to], [w.reason, d.reason]);
      break;
    case 'extended':
      fields.push([w.newDueDate, d.dueDate && displayDate(d.dueDate)], [w.reason, d.reason]);
      break;
    case 'hearingNotice':
      fields.push([w.when, d.date && `${displayDate(d.date)} ${d.time ?? ''}`.trim()], [w.place, d.place]);
      break;
    case 'decision':
      fields.push([w.decision, d.decision]);
      break;
  }
  const lines = [w.greeting, '', LEADS[lang][kind], '', ...fields.filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`)];
  if (d.attachment) lines.push('', `${w.attached}: ${d.attachment.name}`);
  lines.push('', '—', w.footer);
  return { subject: SUBJECTS[lang][kind](d.registrationNumber, d.talonNumber ?? ''), body: lines.join('\n') + '\n' };
}
