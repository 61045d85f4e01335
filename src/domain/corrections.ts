// Corrections of the accounting cards (rules p.27–p.28): petitions to change card fields or delete
// a card, who decides them, in which reporting period and by when; and the closed periods they are
// the only way into. Pure.
//
// - The fields "due date", "date the answer was sent" and "review term extended" (the extension
//   card ТЖ-2 4.14, every field of it), and the deletion of the cards that carry them (every ТЖ-1
//   carries a due date; a 4.14 card carries the extension), are corrected only by the statistics
//   authority, on a petition (өтінішхат) of the organization's head with supporting documents.
// - Every other field, and the deletion of other cards, is corrected by the organization itself,
//   on a petition of the head of a structural unit or on a report (баянат) of the statistics authority.
// - The authority reviews a petition within 5 working days; a petition must reach it no later than
//   5 working days before the reporting period closes, a later one is reviewed in the next period.
//
// Periods. A reporting period is a month; it closes when its 1-ТӨ is formed: the 10th of the next
// month, or the next working day (p.32; form1.ts form1FormationDate). From that day the month's
// figures are locked (the formed report is a snapshot the authority signs): they change only
// through an approved correction petition, which shows as a difference against the snapshot, and
// through an appeal entered from the paper journal of an outage (p.31), which keeps its original
// receipt time whenever it is entered. Nothing else may date a card into a closed month — a
// registration's receipt time is refused there (closedPeriodForRegistration); decisions, letters
// and corrections are dated the day they are made, which is always in an open period.
import type { Calendar, IsoDate } from './calendar.ts';
import { isIsoDate } from './calendar.ts';
import { HEARING_EXCEPTIONS, type DecisionCode } from './decisions.ts';
import { form1FormationDate } from './form1.ts';
import type { FieldError } from './registration.ts';
import { CHANNELS, DOCUMENT_TYPES, FORMS, procedureOf, type DocumentType, type Labels, type Role } from './vocabulary.ts';

export const PETITION_REVIEW_WORKING_DAYS = 5;
export const PETITION_DEADLINE_WORKING_DAYS = 5;

type FieldType = 'date' | 'dateTime' | 'enum' | 'text' | 'string' | 'email' | 'phone' | 'boolean' | 'directory';

/** The cards of the accounting: ТЖ-1 (registration: the appeal), АИ-1 (an applicant), ТЖ-2 (a decision). */
export type CardKind = 'tzh1' | 'ai1' | 'tzh2';

export interface CorrectableField {
  card: CardKind;
  /** Where it is kept: the column of appeals (ТЖ-1) or applicant_cards (АИ-1), the key of the decision's data (ТЖ-2). */
  column: string;
  type: FieldType;
  values?: readonly string[];
  directory?: string;
  /** May be cleared (null). */
  optional?: boolean;
  /** АИ-1: the kinds of applicant card that carry it. */
  applicantKinds?: readonly ('individual' | 'legalEntity')[];
  /** ТЖ-2: the decisions whose card carries it. */
  decisions?: readonly DecisionCode[];
  /** Who decides a petition that changes it (p.27). */
  decidedBy: 'authority' | 'organization';
  label: Labels;
}

const L = (kk: string, ru: string, en: string): Labels => ({ kk, ru, en });
type Spec = Omit<CorrectableField, 'card' | 'decidedBy'> & { decidedBy?: 'authority' };
const fields = (card: CardKind, specs: Record<string, Spec>): [string, CorrectableField][] =>
  Object.entries(specs).map(([key, s]) => [card === 'tzh1' ? key : `${card === 'ai1' ? 'applicant' : 'decision'}.${key}`, { ...s, card, decidedBy: s.decidedBy ?? 'organization' }]);
const ADDRESS = (column: string, label: Labels): Spec => ({ column, type: 'string', optional: true, applicantKinds: ['individual', 'legalEntity'], label });
const INDIVIDUAL = ['individual'] as const;
const LEGAL = ['legalEntity'] as const;
const TEXT_DECISIONS: DecisionCode[] = ['4.15', '4.18', '4.19', '4.20', '4.21', '4.22', '4.23', '4.25', '4.26'];

/**
 * The fields a petition may change, by key: ТЖ-1 fields by name, АИ-1 fields as `applicant.<name>`
 * (the petition names the applicant card), ТЖ-2 fields as `decision.<name>` (the petition names the
 * decision card). Left out on purpose: what numbers the appeal or routes it (registration number,
 * dates of receipt and registration, applicant kind, IIN/BIN, the organizations an appeal was
 * forwarded or sent to, the parts of a split, the main appeal of an attached one) — a wrong one is
 * corrected by deleting the card — and the day a decision card was saved (p.24).
 */
export const CORRECTABLE_FIELDS: Readonly<Record<string, CorrectableField>> = Object.freeze(
  Object.fromEntries([
    ...fields('tzh1', {
      dueDate: { column: 'due_date', type: 'date', decidedBy: 'authority', label: L('Орындалу мерзімі', 'Срок исполнения', 'Due date') },
      answerSentAt: { column: 'answer_sent_at', type: 'dateTime', optional: true, decidedBy: 'authority', label: L('Жауап жіберілген күн', 'Дата направления ответа', 'Date the answer was sent') },
      // only within the procedure (checkCorrection): the decisions taken are those of the procedure
      documentType: { column: 'document_type', type: 'enum', values: DOCUMENT_TYPES, label: L('Құжат түрі', 'Вид документа', 'Document type') },
      form: { column: 'form', type: 'enum', values: FORMS, label: L('Нысаны', 'Форма', 'Form') },
      channel: { column: 'channel', type: 'enum', values: CHANNELS, label: L('Түсу арнасы', 'Канал поступления', 'Channel') },
      language: { column: 'language', type: 'directory', directory: 'language', label: L('Тілі', 'Язык', 'Language') },
      issueCategory: { column: 'issue_category', type: 'directory', directory: 'issueCategory', label: L('Мәселенің сипаты', 'Характер вопроса', 'Issue category') },
      addresseeCategory: { column: 'addressee_category', type: 'directory', directory: 'addresseeCategory', label: L('Адресат санаты', 'Категория адресата', 'Addressee category') },
      summary: { column: 'summary', type: 'text', label: L('Қысқаша мазмұны', 'Краткое содержание', 'Summary') },
      fromReception: { column: 'from_reception', type: 'boolean', label: L('Жеке қабылдаудан', 'С личного приема', 'From a personal reception') },
      complainedOrganizationName: { column: 'complained_organization_name', type: 'string', optional: true, label: L('Шағымданылған орган', 'Обжалуемый орган', 'Body complained about') },
      complainedOfficial: { column: 'complained_official', type: 'string', optional: true, label: L('Шағымданылған лауазымды адам', 'Обжалуемое должностное лицо', 'Official complained about') },
      complainedAct: { column: 'complained_act', type: 'text', optional: true, label: L('Шағымданылған акт, әрекет', 'Обжалуемый акт, действие', 'Act or action complained about') },
    }),
    ...fields('ai1', {
      lastName: { column: 'last_name', type: 'string', applicantKinds: INDIVIDUAL, label: L('Тегі', 'Фамилия', 'Last name') },
      firstName: { column: 'first_name', type: 'string', applicantKinds: INDIVIDUAL, label: L('Аты', 'Имя', 'First name') },
      middleName: { column: 'middle_name', type: 'string', optional: true, applicantKinds: INDIVIDUAL, label: L('Әкесінің аты', 'Отчество', 'Middle name') },
      citizenship: { column: 'citizenship', type: 'directory', directory: 'citizenship', optional: true, applicantKinds: INDIVIDUAL, label: L('Азаматтығы', 'Гражданство', 'Citizenship') },
      nationality: { column: 'nationality', type: 'directory', directory: 'nationality', optional: true, applicantKinds: INDIVIDUAL, label: L('Ұлты', 'Национальность', 'Nationality') },
      socialStatus: { column: 'social_status', type: 'directory', directory: 'socialStatus', optional: true, applicantKinds: INDIVIDUAL, label: L('Әлеуметтік жағдайы', 'Социальное положение', 'Social status') },
      occupation: { column: 'occupation', type: 'string', optional: true, applicantKinds: INDIVIDUAL, label: L('Жұмыс орны, лауазымы', 'Место работы, должность', 'Occupation') },
      legalName: { column: 'legal_name', type: 'string', applicantKinds: LEGAL, label: L('Заңды тұлғаның атауы', 'Наименование юридического лица', 'Name of the legal entity') },
      legalAddress: { column: 'legal_address', type: 'string', optional: true, applicantKinds: LEGAL, label: L('Заңды мекенжайы', 'Юридический адрес', 'Legal address') },
      businessCategory: {
        column: 'business_category',
        type: 'directory',
        directory: 'businessCategory',
        optional: true,
        applicantKinds: LEGAL,
        label: L('Кәсіпкерлік санаты', 'Категория предпринимательства', 'Business category'),
      },
      addressRegion: ADDRESS('address_region', L('Облыс', 'Область', 'Region')),
      addressDistrict: ADDRESS('address_district', L('Аудан', 'Район', 'District')),
      addressSettlement: ADDRESS('address_settlement', L('Елді мекен', 'Населенный пункт', 'Settlement')),
      addressStreet: ADDRESS('address_street', L('Көше', 'Улица', 'Street')),
      addressHouse: ADDRESS('address_house', L('Үй', 'Дом', 'House')),
      addressFlat: ADDRESS('address_flat', L('Пәтер', 'Квартира', 'Flat')),
      postalAddress: ADDRESS('postal_address', L('Пошталық мекенжайы', 'Почтовый адрес', 'Postal address')),
      phone: { column: 'phone_mobile', type: 'phone', optional: true, applicantKinds: ['individual', 'legalEntity'], label: L('Ұялы телефоны', 'Мобильный телефон', 'Mobile phone') },
      phoneOther: { column: 'phone_other', type: 'phone', optional: true, applicantKinds: ['individual', 'legalEntity'], label: L('Басқа телефоны', 'Другой телефон', 'Other phone') },
      email: { column: 'email', type: 'email', optional: true, applicantKinds: ['individual', 'legalEntity'], label: L('Электрондық поштасы', 'Электронная почта', 'E-mail') },
    }),
    ...fields('tzh2', {
      text: { column: 'text', type: 'text', decisions: TEXT_DECISIONS, label: L('Шешімнің мәтіні', 'Текст решения', 'Text of the decision') },
      favourable: { column: 'favourable', type: 'boolean', decisions: ['4.15', '4.19'], label: L('Акт қолайлы', 'Акт благоприятный', 'The act is favourable') },
      hearingException: {
        column: 'hearingException',
        type: 'enum',
        values: HEARING_EXCEPTIONS.map((h) => h.code),
        optional: true,
        decisions: ['4.15', '4.19', '4.21'],
        label: L('Тыңдаусыз қабылдау негізі', 'Основание принятия без заслушивания', 'Ground for deciding without a hearing'),
      },
      protocol: { column: 'protocol', type: 'text', decisions: ['4.11'], label: L('Тыңдау хаттамасы', 'Протокол заслушивания', 'Protocol of the hearing') },
      remark: { column: 'remark', type: 'text', decisions: ['4.12'], label: L('Ескертпе', 'Замечание', 'Remark') },
      comment: { column: 'comment', type: 'text', optional: true, decisions: ['4.13'], label: L('Түсініктеме', 'Пояснение', 'Comment') },
      violations: { column: 'violations', type: 'text', decisions: ['4.22'], label: L('Анықталған бұзушылықтар', 'Выявленные нарушения', 'Violations found') },
      proposals: { column: 'proposals', type: 'text', decisions: ['4.22'], label: L('Ұсыныстар', 'Предложения', 'Proposals') },
      correction: { column: 'correction', type: 'text', decisions: ['4.17'], label: L('Түзету', 'Исправление', 'Correction') },
      place: { column: 'place', type: 'string', optional: true, decisions: ['4.7'], label: L('Тыңдау орны', 'Место заслушивания', 'Place of the hearing') },
      contacts: { column: 'contacts', type: 'string', decisions: ['4.7'], label: L('Байланыс деректері', 'Контактные данные', 'Contacts') },
      preliminaryDecision: { column: 'preliminaryDecision', type: 'text', optional: true, decisions: ['4.7'], label: L('Алдын ала шешім', 'Предварительное решение', 'Preliminary decision') },
      official: { column: 'official', type: 'string', decisions: ['4.8'], label: L('Лауазымды адам', 'Должностное лицо', 'Official') },
      targetSystem: { column: 'targetSystem', type: 'string', decisions: ['4.1'], label: L('Жіберілген жүйе', 'Система, куда передано', 'System it was moved to') },
      withdrawalReceivedAt: { column: 'withdrawalReceivedAt', type: 'date', decisions: ['4.6'], label: L('Кері қайтарып алу туралы өтініш түскен күн', 'Дата поступления отзыва', 'Day the withdrawal came') },
      requestedAt: { column: 'requestedAt', type: 'date', decisions: ['4.16'], label: L('Сұрау салынған күн', 'Дата запроса', 'Day of the request') },
      reason: { column: 'reason', type: 'text', decisions: ['4.10'], label: L('Себебі', 'Причина', 'Reason') },
      // "review term extended" (p.27): the whole extension card is the authority's
      extensionReason: { column: 'reason', type: 'text', decisions: ['4.14'], decidedBy: 'authority', label: L('Ұзарту себебі', 'Обоснование продления', 'Reason for the extension') },
    }),
  ]),
);

/** Decision cards that carry "review term extended": changing or deleting one is the authority's. */
export const AUTHORITY_DECISION_CARDS: readonly DecisionCode[] = ['4.14'];

export type PetitionBasis = 'headPetition' | 'unitHeadPetition' | 'authorityReport';

/** The card a petition changes or deletes; the kind of applicant card or the decision code filled in by the caller. */
export interface CorrectionRecord {
  kind: CardKind;
  id: string;
  decisionCode?: string;
  applicantKind?: string;
}

export type CorrectionInput = { action: 'change'; changes: Record<string, unknown>; record?: CorrectionRecord } | { action: 'delete'; record: CorrectionRecord; changes?: Record<string, unknown> };

/** Who decides, as a refusal or a screen says it (issue 10, item 6): never the bare code. */
export const DECIDER_LABELS: Readonly<Record<'authority' | 'organization', Labels>> = {
  authority: L('шешетін — құқықтық статистика органы', 'решает орган правовой статистики', 'decided by the legal statistics authority'),
  organization: L('шешетін — ұйым басшысы', 'решает руководитель организации', "decided by the organization's head"),
};

/** Who decides the petition (p.27). */
export function correctionDecidedBy(input: CorrectionInput): 'authority' | 'organization' {
  const keys = Object.keys(input.changes ?? {});
  if (keys.some((f) => CORRECTABLE_FIELDS[f]?.decidedBy === 'authority')) return 'authority';
  if (input.action === 'delete' && input.record.kind === 'tzh1') return 'authority';
  const code = input.record?.kind === 'tzh2' ? input.record.decisionCode : undefined;
  if (code && (AUTHORITY_DECISION_CARDS as readonly string[]).includes(code)) return 'authority';
  return 'organization';
}

const STRING_MAX = 300;
const TEXT_MAX = 2000;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?[\d\s()-]{5,30}$/;

/**
 * The shape of the requested changes; directory codes are checked by the caller. `card`: what the
 * caller knows of the ТЖ-1 (its procedure: a document type changes only within it).
 */
export function checkCorrection(input: CorrectionInput, card?: { procedure: string }): FieldError[] {
  const errors: FieldError[] = [];
  const changes = input.changes ?? {};
  const record = input.record;
  if (input.action === 'change' && Object.keys(changes).length === 0) errors.push({ path: '/changes', code: 'correction.nothingToChange' });
  if (input.action === 'delete' && record!.kind === 'ai1') errors.push({ path: '/record/kind', code: 'correction.recordNotDeletable' });
  for (const [field, value] of Object.entries(changes)) {
    const spec = CORRECTABLE_FIELDS[field];
    const path = `/changes/${field}`;
    if (!spec) {
      errors.push({ path, code: 'correction.fieldNotCorrectable', params: { field } });
      continue;
    }
    // an АИ-1 or ТЖ-2 field belongs to the card the petition names, and is changed, not deleted
    const onRecord =
      spec.card === 'tzh1' ||
      (input.action === 'change' &&
        record?.kind === spec.card &&
        (spec.card === 'ai1' ? (spec.applicantKinds as readonly string[]).includes(record.applicantKind ?? '') : (spec.decisions as readonly string[]).includes(record.decisionCode ?? '')));
    if (!onRecord) {
      errors.push({ path, code: 'correction.fieldNotOnRecord', params: { field } });
      continue;
    }
    if (value === null) {
      if (!spec.optional) errors.push({ path, code: 'required' });
      continue;
    }
    switch (spec.type) {
      case 'date':
        if (!isIsoDate(value)) errors.push({ path, code: 'format', params: { format: 'date' } });
        break;
      case 'dateTime':
        if (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) errors.push({ path, code: 'format', params: { format: 'date-time' } });
        break;
      case 'enum':
        if (typeof value !== 'string' || !spec.values!.includes(value)) errors.push({ path, code: 'enum', params: { allowed: spec.values!.join(', ') } });
        else if (field === 'documentType' && card && procedureOf(value as DocumentType) !== card.procedure) {
          errors.push({ path, code: 'correction.procedureChange', params: { procedure: card.procedure } });
        }
        break;
      case 'directory':
        if (typeof value !== 'string' || value.length === 0 || value.length > 50) errors.push({ path, code: 'type', params: { type: 'string' } });
        break;
      case 'string':
      case 'text': {
        const max = spec.type === 'string' ? STRING_MAX : TEXT_MAX;
        if (typeof value !== 'string' || value.trim() === '') errors.push({ path, code: 'minLength', params: { limit: 1 } });
        else if (value.length > max) errors.push({ path, code: 'maxLength', params: { limit: max } });
        break;
      }
      case 'email':
        if (typeof value !== 'string' || value.length > STRING_MAX || !EMAIL.test(value)) errors.push({ path, code: 'format', params: { format: 'email' } });
        break;
      case 'phone':
        if (typeof value !== 'string' || !PHONE.test(value)) errors.push({ path, code: 'format', params: { format: 'phone' } });
        break;
      case 'boolean':
        if (typeof value !== 'boolean') errors.push({ path, code: 'type', params: { type: 'boolean' } });
        break;
    }
  }
  // Deleting the extension card changes the due date back: the petition says to which.
  if (input.action === 'delete' && record!.kind === 'tzh2' && record!.decisionCode === '4.14' && !('dueDate' in changes)) {
    errors.push({ path: '/changes/dueDate', code: 'correction.dueDateRequired' });
  }
  return errors;
}

/** Who files or reviews: the roles, and whether the user acts as the statistics authority
 *  (src/statistics/scope.ts: actsAsAuthority — a statistician of the authority, the role alone is
 *  not enough; or an administrator). */
export interface CorrectionActor {
  roles: readonly Role[];
  statisticsAuthority: boolean;
}

/** Which petitions a user may file (p.27): the head's petition to the authority; a unit head's to
 *  the organization; the authority's report to the organization. */
export function mayFile(who: CorrectionActor, decidedBy: 'authority' | 'organization', basis: PetitionBasis): boolean {
  if (decidedBy === 'authority') return basis === 'headPetition' && who.roles.includes('head');
  if (basis === 'authorityReport') return who.statisticsAuthority;
  return basis === 'unitHeadPetition' && who.roles.includes('head');
}

/** Whether the user may file some petition on an appeal's cards: a head, or the statistics authority. */
export function mayPetition(who: CorrectionActor): boolean {
  return who.roles.includes('head') || who.statisticsAuthority;
}

/** The basis of a petition that does not name one: the head's petition to the authority; to the
 *  organization a unit head's petition from a head, otherwise the authority's report. */
export function defaultBasis(who: Pick<CorrectionActor, 'roles'>, decidedBy: 'authority' | 'organization'): PetitionBasis {
  if (decidedBy === 'authority') return 'headPetition';
  return who.roles.includes('head') ? 'unitHeadPetition' : 'authorityReport';
}

/** Who reviews: the statistics authority or the organization's head — not the petitioner. */
export function mayReview(who: CorrectionActor, decidedBy: 'authority' | 'organization', isPetitioner: boolean): boolean {
  if (isPetitioner) return false;
  return decidedBy === 'authority' ? who.statisticsAuthority : who.roles.includes('head');
}

export interface PetitionPeriod {
  year: number;
  month: number;
  /** The day the period opens for the petition: the day the period before it closes. A petition
   *  filed in time is reviewed at once; a late one not before this day (p.28). */
  opensOn: IsoDate;
  /** The day the period closes (its report is formed). */
  closesOn: IsoDate;
  /** The last day a petition for it may be filed (5 WD before it closes). */
  deadline: IsoDate;
  /** Filed after the deadline of the period it was meant for, so moved to this one: filed no later
   *  than the day this one opens (the day the period before it closes). */
  late: boolean;
}

const periodAfter = (year: number, month: number) => (month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 });
const periodBefore = (year: number, month: number) => (month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 });

/**
 * The period (year, month) of a petition filed on `filedOn`, with its days. The period is chosen
 * once, at filing (petitionPeriod), and kept with the petition; its days come from the calendar in
 * force, so what is shown and checked later is always of the kept period.
 */
export function petitionPeriodOf(year: number, month: number, filedOn: IsoDate, cal: Calendar): PetitionPeriod {
  const before = periodBefore(year, month);
  const closesOn = form1FormationDate(year, month, cal);
  const opensOn = form1FormationDate(before.year, before.month, cal);
  return { year, month, opensOn, closesOn, deadline: cal.subtractWorkingDays(closesOn, PETITION_DEADLINE_WORKING_DAYS), late: filedOn <= opensOn };
}

/** The reporting period a petition filed on `filedOn` is reviewed in (p.28). */
export function petitionPeriod(filedOn: IsoDate, cal: Calendar): PetitionPeriod {
  // The period still open: the earliest month whose report is not formed yet on filedOn.
  const y = Number(filedOn.slice(0, 4));
  const m = Number(filedOn.slice(5, 7));
  let p = periodBefore(y, m);
  if (form1FormationDate(p.year, p.month, cal) < filedOn) p = { year: y, month: m };
  const first = petitionPeriodOf(p.year, p.month, filedOn, cal);
  if (filedOn <= first.deadline) return first;
  const next = periodAfter(p.year, p.month);
  return petitionPeriodOf(next.year, next.month, filedOn, cal);
}

/** The day the petition must be reviewed by (p.28: 5 working days from when its period lets it be reviewed). */
export function petitionReviewDue(filedOn: IsoDate, period: Pick<PetitionPeriod, 'opensOn'>, cal: Calendar): IsoDate {
  return cal.addWorkingDays(filedOn > period.opensOn ? filedOn : period.opensOn, PETITION_REVIEW_WORKING_DAYS, 'civilCode');
}

/** Whether the petition may be reviewed (approved or rejected) on `today`: its period is open. */
export function petitionReviewable(period: Pick<PetitionPeriod, 'opensOn'>, today: IsoDate): boolean {
  return today >= period.opensOn;
}

/** A pending petition not reviewed by its review day (p.28): flagged to the authority. As a
 *  condition on what a petition keeps — its status, and its review day before `today` — so a
 *  query selects by the same rule (src/corrections/service.ts: listCorrections). */
export function overdueCondition(today: IsoDate): { status: 'pending'; reviewDueBefore: IsoDate } {
  return { status: 'pending', reviewDueBefore: today };
}

export function petitionOverdue(status: string, reviewDue: IsoDate, today: IsoDate): boolean {
  const c = overdueCondition(today);
  return status === c.status && reviewDue < c.reviewDueBefore;
}

/** Whether the month's report is formed, so its figures are closed to anything but a petition. */
export function periodClosed(year: number, month: number, today: IsoDate, cal: Calendar): boolean {
  return form1FormationDate(year, month, cal) <= today;
}

/**
 * The closed period a registration dated `registrationDate` would change, or null when it may be
 * registered. An appeal entered from the paper journal of an outage keeps its receipt time even in
 * a closed period (p.31: the journal is the register of those days; an entry later than 24 hours is
 * reported as a violation, not refused).
 */
export function closedPeriodForRegistration(registrationDate: IsoDate, today: IsoDate, cal: Calendar, fromPaperJournal: boolean): { year: number; month: number; closedOn: IsoDate } | null {
  if (fromPaperJournal) return null;
  const year = Number(registrationDate.slice(0, 4));
  const month = Number(registrationDate.slice(5, 7));
  return periodClosed(year, month, today, cal) ? { year, month, closedOn: form1FormationDate(year, month, cal) } : null;
}
