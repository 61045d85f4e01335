// Personal reception (Model regulation, Government Decree 214 of 15.03.2023 as amended by 490/2023;
// requirements PR-01…PR-47 and CD-13…CD-17 in the spec): who receives, on which occasions, the
// queue order, the video rules, the terms of a sign-up appeal. Pure rules: no I/O, no clock.
import { daysInMonth, type Calendar, type IsoDate } from './calendar.ts';
import type { Labels } from './vocabulary.ts';

/** PR-02: the six kinds of receiving persons, in the order of p.2. */
export const OFFICIAL_KINDS = [
  'centralBodyHead', // 1: first heads of CSBs and state organizations, and their deputies
  'akim', // 2: akims of oblasts, cities of republican significance and the capital, and their deputies
  'centralBodyApparatusHead', // 3: heads of apparatus of CSBs (where they exist)
  'akimApparatusHead', // 4: heads of akims' apparatuses and their deputies
  'unitHead', // 5: heads of structural units of CSBs and of akims' apparatuses
  'authorizedEmployee', // 6: other employees authorized to hold reception
] as const;
export type OfficialKind = (typeof OFFICIAL_KINDS)[number];

/** PR-14, PR-15, PR-18, CD-15, CD-16: the occasion of a reception session; PR-04: the same day. */
export const OCCASIONS = ['scheduled', 'withinPopulationMeeting', 'afterPopulationMeeting', 'offSchedule', 'visiting', 'receptionCentre', 'sameDay'] as const;
export type Occasion = (typeof OCCASIONS)[number];

export const FORMATS = ['inPerson', 'video'] as const;
export type Format = (typeof FORMATS)[number];

/** PR-21 (p.12): who is received out of turn. The regulation lists them without ranking them. */
export const OUT_OF_TURN_CATEGORIES = ['veteranGreatPatrioticWar', 'veteranEquated', 'veteranCombat', 'labourVeteran', 'disability', 'pregnant', 'stateOrderHolder'] as const;

/** PR-24: why an official cannot hold a reception. */
export const CANCELLATION_REASONS = ['incapacity', 'businessTrip', 'other'] as const;

/** PR-25, PR-26, PR-30: who else takes part in a reception. */
export const PARTICIPANT_KINDS = ['invitedEmployee', 'otherBody', 'legalConsultant', 'psychologist', 'socialWorker', 'volunteer', 'interpreter'] as const;

/** PR-05: the channels a sign-up comes by, as the registration's channel codes. */
export const SIGN_UP_CHANNELS = ['egovPortal', 'publicPortal', 'post', 'inPerson', 'personalReception', 'contactCentre'] as const;

/** PR-29: the reception is held in Kazakh or Russian, as the applicant chooses. */
export const RECEPTION_LANGUAGES = ['kk', 'ru'] as const;

/** PR-10 (p.15): the five grounds on which sign-up is not performed, each with what it must link
 *  to: the earlier decision, the court act, the return decision, the withdrawal decision. */
export const REFUSAL_GROUNDS = {
  outsideCompetence: { link: null },
  earlierDecision: { link: 'decision' },
  courtAct: { link: 'courtAct' },
  returned: { link: 'returnDecision' },
  withdrawn: { link: 'withdrawalDecision' },
} as const;
export type RefusalGround = keyof typeof REFUSAL_GROUNDS;

/** PR-10: a ground that needs a link has one. */
export function refusalLinkMissing(ground: RefusalGround, link: string | null | undefined): boolean {
  return REFUSAL_GROUNDS[ground].link !== null && !link?.trim();
}

/** PR-11 (p.32): the earliest day a refusal may be decided: 3 WD after the draft was sent to the
 *  applicant for a hearing (counted from the next day, Civil Code Art. 173). */
export function earliestRefusal(cal: Calendar, draftSentOn: IsoDate): IsoDate {
  return cal.addWorkingDays(draftSentOn, 3, 'civilCode');
}

/** The term-catalogue sub-kind of a sign-up appeal (PR-36): its own entry, 15 WD. */
export const SIGN_UP_SUB_KIND = 'receptionSignUp';

const SIGN_UP_BASIS =
  'Model regulation of personal reception (Decree 214 of 15.03.2023 as amended by 490/2023) p.29: the date and time of reception within 15 working days of registration (PR-36); ' +
  'extension by letter to 30 calendar days (p.30 ¶1), by reasoned decision to 2 months (p.30 ¶2) — verify against the current edition';

/** The term-catalogue entry of a sign-up appeal (an application to be received). */
export function signUpTermRule<T extends string>(documentType: T) {
  return {
    documentType,
    subKind: SIGN_UP_SUB_KIND,
    label: { kk: 'Жеке қабылдауға жазылу', ru: 'Запись на личный прием', en: 'Sign-up for personal reception' } satisfies Labels,
    term: { unit: 'workingDays' as const, count: 15 },
    extendable: true,
    basis: SIGN_UP_BASIS,
  };
}

const wd = (count: number) => ({ unit: 'workingDays' as const, count });

/** The reception's own procedural terms (A1.8 "Terms at a glance"), stored as obligations. */
export const RECEPTION_TERMS = {
  receptionAnswer: {
    label: { kk: 'Қабылдау күні мен уақыты туралы жауап', ru: 'Ответ о дате и времени приема', en: 'Answer with the date and time of reception' },
    term: wd(15),
    basis: 'Decree 214 p.29 (PR-36): no later than 15 working days from registration',
    direction: 'after',
  },
  receptionReferenceNote: {
    label: { kk: 'Анықтамалық ақпарат (ұсыныспен)', ru: 'Справочная информация с предложением', en: 'Reference note with a proposal' },
    term: wd(5),
    basis: 'Decree 214 p.26 (PR-33): at least 5 working days before the reception starts',
    direction: 'before',
  },
  receptionParticipationNotice: {
    label: { kk: 'Басқа органды тарту туралы хабарлау', ru: 'Уведомление о запросе участия другого органа', en: 'Tell the applicant of a participation request' },
    term: wd(2),
    basis: 'Decree 214 p.19 (PR-27): within 2 working days of the request',
    direction: 'after',
  },
  receptionJointRefusalReport: {
    label: { kk: 'Бірлескен қабылдаудан бас тарту туралы баяндау', ru: 'Сообщение об отказе от совместного приема', en: 'Report a refusal of a joint reception' },
    term: wd(2),
    basis: 'Decree 214 p.20 (PR-28): to the Government Apparatus within 2 working days',
    direction: 'after',
  },
} as const;

/** PR-21: the serving order — every out-of-turn entry before every ordinary one ("strict
 *  precedence", no balancing between the two); within each class by arrival, then by entry. */
export function servingOrder<E extends { outOfTurn: string | null; arrivedAt: Date; seq: number }>(entries: readonly E[]): E[] {
  const cls = (e: E) => (e.outOfTurn ? 0 : 1);
  return [...entries].sort((a, b) => cls(a) - cls(b) || a.arrivedAt.getTime() - b.arrivedAt.getTime() || a.seq - b.seq);
}

/** PR-22, PR-23: whether a session may have this format. Video: only officials of kinds 1–2
 *  (heads of CSBs, akims and their deputies), or anyone while a restrictive regime is recorded; under
 *  the regime a session in person is refused. The applicant's consent is checked per sign-up. */
export function formatRefusal(format: 'inPerson' | 'video', kind: OfficialKind, restrictiveRegime: boolean): string | null {
  if (restrictiveRegime) return format === 'video' ? null : 'reception.restrictiveRegimeVideoOnly';
  if (format === 'video' && !videoAllowedFor(kind)) return 'reception.videoNotForKind';
  return null;
}

function videoAllowedFor(kind: OfficialKind): boolean {
  return kind === 'centralBodyHead' || kind === 'akim';
}

/** PR-04: with the applicant's consent, the head of a structural unit (or the head of an akim's
 *  apparatus authorized to receive) receives on the day the applicant applies. */
export function sameDayAllowedFor(kind: OfficialKind): boolean {
  return kind === 'unitHead' || kind === 'akimApparatusHead';
}

/** PR-22: a sign-up to a video session needs the applicant's consent, unless the regime of PR-23 forces video. */
export function videoConsentMissing(format: 'inPerson' | 'video', consent: boolean, restrictiveRegime: boolean): boolean {
  return format === 'video' && !consent && !restrictiveRegime;
}

/** PR-18: an off-schedule reception needs the instruction (issuer, date) it was held on. */
export function occasionErrors(occasion: Occasion, instruction: { issuer?: string | null; date?: string | null }, settlement: string | null | undefined) {
  const errors: { path: string; code: string }[] = [];
  if (occasion === 'offSchedule') {
    if (!instruction.issuer?.trim()) errors.push({ path: '/instructionIssuer', code: 'reception.offScheduleNeedsInstruction' });
    if (!instruction.date) errors.push({ path: '/instructionDate', code: 'reception.offScheduleNeedsInstruction' });
  }
  if (occasion === 'visiting' && !settlement?.trim()) errors.push({ path: '/settlement', code: 'reception.visitingNeedsSettlement' });
  return errors;
}

/** PR-24: a cancellation is on time when given at least 2 WD before the reception, or on its day;
 *  in between it is late. */
export function cancellationLate(cal: Calendar, receptionDate: IsoDate, noticeDate: IsoDate): boolean {
  return noticeDate > cal.subtractWorkingDays(receptionDate, 2) && noticeDate < receptionDate;
}

/** PR-33: the reference note is due 5 WD before the reception day. */
export function referenceNoteDue(cal: Calendar, receptionDate: IsoDate): IsoDate {
  return cal.subtractWorkingDays(receptionDate, RECEPTION_TERMS.receptionReferenceNote.term.count);
}

/** PR-37, PR-38: how far a sign-up's review may be extended. By letter: 30 calendar days from
 *  registration; by the head's reasoned decision: 2 months, from registration by default (the
 *  regulation is ambiguous: `base` 'dueDate' counts from the current due date). */
export function extensionLimit(cal: Calendar, kind: 'letter' | 'decision', registrationDate: IsoDate, currentDue: IsoDate, base: 'registration' | 'dueDate' = 'registration'): IsoDate {
  if (kind === 'letter') return cal.addCalendarDays(registrationDate, 30);
  return cal.addMonths(base === 'registration' ? registrationDate : currentDue, 2);
}

/** PR-13, PR-15, CD-17: the officials with no session (held or planned, not cancelled) in a month. */
export function officialsWithoutSession<O extends { id: string }>(officials: readonly O[], sessions: readonly { officialId: string; date: IsoDate; cancelled: boolean }[], month: string): O[] {
  const received = new Set(sessions.filter((s) => !s.cancelled && s.date.startsWith(`${month}-`)).map((s) => s.officialId));
  return officials.filter((o) => !received.has(o.id));
}

/** The default meeting-link template of video receptions (settings key receptionVideoUrlTemplate). */
export const DEFAULT_VIDEO_URL_TEMPLATE = 'https://meet.example.kz/joldanym-{session}';

/** PR-22: the meeting link of a video session from the configured template. */
export function videoUrl(template: string, sessionId: string): string {
  return template.replaceAll('{session}', sessionId);
}

/** The first and last day of a month 'YYYY-MM'. */
export function monthRange(month: string): { from: IsoDate; to: IsoDate } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

/** PR-16 (Annex): the title and approval block of the schedule, and its six columns in order. */
export const SCHEDULE_FORM = {
  title: { kk: 'Мемлекеттік органдар басшылығының азаматтарды қабылдау кестесі', ru: 'График приема граждан руководством государственных органов' },
  approval: { kk: 'Бекітемін', ru: 'Утверждаю' },
  columns: [
    { kk: 'Мемлекеттік органның атауы', ru: 'Наименование государственного органа' },
    { kk: 'Қабылдауды жүргізетін тұлғаның Т.А.Ә.', ru: 'Ф.И.О. лица, ведущего прием' },
    { kk: 'Лауазымы', ru: 'Должность' },
    { kk: 'Қабылдау күні мен уақыты', ru: 'Дата и время приема' },
    { kk: 'Мемлекеттік органның немесе ұйымның орналасқан жері', ru: 'Местонахождение государственного органа или организации' },
    { kk: 'Байланыс телефоны және электрондық пошта', ru: 'Контактный телефон и электронная почта' },
  ],
} as const;

/** PR-46: bodies directly subordinate and accountable to the President report to the Presidential
 *  Administration's department for control of appeal review; the others to the Government
 *  Apparatus. The shipped organizations' codes of the first group — UNVERIFIED: to be confirmed
 *  against the current acts on each body. */
export const REPORTING_TO_PRESIDENTIAL_ADMINISTRATION: readonly string[] = [
  'KNB',
  'STATE-GUARD-SERVICE',
  'ANTI-CORRUPTION-AGENCY',
  'FINANCIAL-MONITORING-AGENCY',
  'STRATEGIC-PLANNING-AGENCY',
  'CIVIL-SERVICE-AGENCY',
  'COMPETITION-AGENCY',
  'FINANCIAL-MARKET-AGENCY',
  'SUPREME-AUDIT-CHAMBER',
  'PRESIDENT-AFFAIRS',
  'NATIONAL-BANK',
];

/** PR-46: the addressee of an organization's quarterly report, by its own code and its ancestors'. */
export function reportAddressee(organizationCodes: readonly string[]): 'presidentialAdministration' | 'governmentApparatus' {
  return organizationCodes.some((c) => REPORTING_TO_PRESIDENTIAL_ADMINISTRATION.includes(c)) ? 'presidentialAdministration' : 'governmentApparatus';
}

/** The first and last day of a quarter. */
export function quarterRange(year: number, quarter: 1 | 2 | 3 | 4): { from: IsoDate; to: IsoDate } {
  const first = (quarter - 1) * 3 + 1;
  const pad = (m: number) => String(m).padStart(2, '0');
  return { from: `${year}-${pad(first)}-01`, to: monthRange(`${year}-${pad(first + 2)}`).to };
}
