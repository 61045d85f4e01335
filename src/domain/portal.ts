// Pure rules of the citizen portal (issue 14; EA-03, EA-04, EA-08): one-time sign-in codes, the
// applicant's phone (attachments: src/domain/attachments.ts), the windows of the applicant's actions
// on the shipped calendar, the public face of a status and the suppression of small counts.
import type { Calendar, IsoDate } from './calendar.ts';
import { PROCEDURAL_TERMS } from './terms.ts';
import type { AppealState } from './decisions/state.ts';
import { isReviewEnded, latest } from './decisions/state.ts';
import { canRecordFix } from './decisions/status.ts';

// ---- identification ----

/** One-time codes (issue 14 §2): 6 digits, valid 5 minutes, 5 attempts each; at most 3 codes a
 *  phone in 15 minutes (and the HTTP rate limit per address). A portal session lasts 2 hours. */
export const CODE_POLICY = Object.freeze({
  digits: 6,
  ttlMinutes: 5,
  maxAttempts: 5,
  perPhone: 3,
  perPhoneWindowMinutes: 15,
  sessionHours: 2,
});

/** A Kazakhstan mobile number as +7XXXXXXXXXX (8 or 7 in front, spaces, dashes, brackets allowed),
 *  or null when it is none. */
export function normalPhone(input: string): string | null {
  const digits = input.replace(/[\s()-]/g, '');
  const m = /^(?:\+7|8|7)(\d{10})$/.exec(digits);
  return m ? `+7${m[1]}` : null;
}

/** The last 10 digits: how a phone written any way on an applicant card matches the session's. */
export function phoneKey(phone: string): string {
  return phone.replace(/\D/g, '').slice(-10);
}

/** The phone shown in logs and answers: +7 701 ••• •• 67. */
export function maskedPhone(phone: string): string {
  const d = phoneKey(phone);
  return `+7 ${d.slice(0, 3)} ••• •• ${d.slice(8)}`;
}

/** An e-mail address a code may be sent to, lower-cased, or null (one '@', a dot in the domain, no spaces). */
export function normalEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null;
}

/** 'ku•••@example.kz': where the code went, without spelling the address out. */
export function maskedEmail(email: string): string {
  const [local, domain] = email.split('@') as [string, string];
  return `${local.slice(0, 2)}•••@${domain}`;
}

export type CodeCheck = { ok: true } | { ok: false; code: 'portal.codeInvalid' | 'portal.codeExpired' | 'portal.codeAttempts' };

/** Whether a stored code may still be tried (the comparison of the code itself is the caller's). */
export function codeUsable(stored: { expiresAt: Date; attempts: number; usedAt: Date | null }, now: Date): CodeCheck {
  if (stored.usedAt) return { ok: false, code: 'portal.codeInvalid' };
  if (stored.attempts >= CODE_POLICY.maxAttempts) return { ok: false, code: 'portal.codeAttempts' };
  if (now.getTime() >= stored.expiresAt.getTime()) return { ok: false, code: 'portal.codeExpired' };
  return { ok: true };
}

// ---- the applicant's actions and their windows ----

export type ApplicantAction = 'withdraw' | 'object' | 'fix' | 'rate';

export interface ActionWindow {
  action: ApplicantAction;
  open: boolean;
  /** The last day the action may be taken, where the law sets one. */
  until: IsoDate | null;
  basis: string;
}

/** The actions the law gives the applicant on an appeal today (issue 14 §4):
 *  - withdraw while the review goes on (decision 4.6 at the staff's side; APPC Art. 64 p.9, rules p.22);
 *  - object to a hearing notice within 2 WD of receiving it (APPC Art. 73 p.3; from the day after,
 *    Civil Code Art. 173, as the staff's own check counts it);
 *  - fix the appeal after a 4.2 notice until its fixBy date (APPC Art. 64 p.6);
 *  - rate the answer once the review ended. */
export function applicantWindows(state: AppealState, today: IsoDate, cal: Calendar): ActionWindow[] {
  const ended = isReviewEnded(state);
  const out: ActionWindow[] = [{ action: 'withdraw', open: !ended, until: null, basis: 'APPC Art. 64 p.9; rules p.22 (decision 4.6)' }];
  const notice = latest(state, '4.7');
  if (notice && !ended) {
    const delivered = state.hearingNoticeDeliveredOn;
    const received = delivered && delivered > notice.decisionDate ? delivered : notice.decisionDate;
    const until = cal.addWorkingDays(received, PROCEDURAL_TERMS.objection.term.count, 'civilCode');
    out.push({ action: 'object', open: today <= until, until, basis: PROCEDURAL_TERMS.objection.basis });
  }
  const fixNotice = latest(state, '4.2');
  if (fixNotice && !ended) {
    const until = typeof fixNotice.data.fixBy === 'string' ? (fixNotice.data.fixBy as IsoDate) : null;
    out.push({ action: 'fix', open: canRecordFix(state) && (until === null || today <= until), until, basis: 'APPC Art. 64 p.6' });
  }
  out.push({ action: 'rate', open: ended, until: null, basis: 'issue 14 §4: the applicant rates the answer (1–5)' });
  return out;
}

// ---- what the public sees ----

/** Fewer than this many appeals in a published cell could point at a person (issue 14 §5, EA-08). */
export const SMALL_CELL = 5;

/** A published count: null (suppressed) when 1–4; 0 and ≥ 5 as they are. */
export function suppressed(n: number): number | null {
  return n > 0 && n < SMALL_CELL ? null : n;
}

/** The event kinds the applicant's timeline tells, in the applicant's words (kk/ru/en); the staff's
 *  card shows the same events (src/intake/read.ts appealEvents), others are internal work. */
export const TIMELINE_WORDS: Record<string, { kk: string; ru: string; en: string }> = {
  registered: { kk: 'Өтініш тіркелді', ru: 'Обращение зарегистрировано', en: 'Your appeal was registered' },
  assigned: { kk: 'Орындаушы тағайындалды', ru: 'Назначен исполнитель', en: 'An official was assigned to review it' },
  decision: { kk: 'Шешім қабылданды', ru: 'Принято решение', en: 'A decision was taken' },
  // a letter goes out when it is signed (src/letters/service.ts signLetter)
  letterSigned: { kk: 'Сізге хат жіберілді', ru: 'Вам направлено письмо', en: 'A letter was sent to you' },
  appealFixed: { kk: 'Өтініш толықтырылды', ru: 'Обращение дополнено', en: 'You brought the appeal into line' },
  deemedRefusal: { kk: 'Мерзімінде жауап берілмеді', ru: 'Ответ не дан в срок', en: 'No answer was given in time' },
  forwarded: { kk: 'Құзыреті бойынша жіберілді', ru: 'Направлено по компетенции', en: 'Forwarded to the competent body' },
  applicantWithdrew: { kk: 'Сіз өтінішті кері қайтарып алуды сұрадыңыз', ru: 'Вы подали заявление об отзыве', en: 'You asked to withdraw the appeal' },
  applicantObjected: { kk: 'Сіз қарсылық білдірдіңіз', ru: 'Вы представили возражение', en: 'You objected to the preliminary decision' },
  receptionSignUp: { kk: 'Жеке қабылдауға жазылдыңыз', ru: 'Вы записаны на личный приём', en: 'You signed up for a personal reception' },
  applicantChoseSession: { kk: 'Сіз қабылдау күнін таңдадыңыз', ru: 'Вы выбрали день приёма', en: 'You chose the reception session' },
  receptionScheduled: { kk: 'Қабылдау күні мен уақыты белгіленді', ru: 'Назначены дата и время приёма', en: 'The date and time of your reception were set' },
  applicantRated: { kk: 'Сіз жауапты бағаладыңыз', ru: 'Вы оценили ответ', en: 'You rated the answer' },
};
