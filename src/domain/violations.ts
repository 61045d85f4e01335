// Violations the system finds by itself (EA-06; e-akimat architecture, internal control L1–L2):
// one rule per kind, named after the rule it checks, with its legal basis. The SQL that finds each
// kind is src/control/detectors.ts (keyed by the same kind); a violation is stored once per kind
// and subject (the unique key), whenever and however often the detectors run. Each rule says
// whether time alone can break it: those the hourly run looks for, over what is still open; the
// others only a change makes, and the change's own detection finds them (src/control/daily.ts).
import type { Labels } from './vocabulary.ts';

export interface ViolationRule {
  /** The rule the detector checks, as the register names it. */
  rule: Labels;
  /** The legal basis of the rule. */
  basis: string;
  /** Whether time alone, with nothing written, can break the rule (a term passes while the thing is
   *  still open), and why or why not. If not, only a change breaks it, found in its transaction. */
  time: { breaks: boolean; why: string };
}

const L = (kk: string, ru: string, en: string): Labels => ({ kk, ru, en });

export const VIOLATION_RULES = {
  answerOverdue: {
    rule: L('Жауап мерзімінде берілмеді', 'Ответ не дан в срок', 'Answer not given within the term'),
    basis: 'APPC Art. 76 p.1–p.3; Law on the procedure of review of appeals: the review term (15 WD, extended up to 2 months)',
    time: { breaks: true, why: 'an open review passes its due date; one ended late is the ending change’s' },
  },
  forwardLate: {
    rule: L('3 жұмыс күнінен кешіктіріп жіберілді', 'Перенаправлено позже 3 рабочих дней', 'Forwarded later than 3 working days'),
    basis: 'APPC Art. 65: forwarded no later than 3 working days from receipt',
    time: { breaks: true, why: 'an open forwarding passes its term; one done late is the forwarding decision’s' },
  },
  extensionNoticeLate: {
    rule: L('Мерзімді ұзарту туралы 3 жұмыс күні ішінде хабарланбады', 'О продлении срока не уведомлено в течение 3 рабочих дней', 'Extension not notified within 3 working days'),
    basis: 'APPC Art. 76 p.3: the applicant is notified of the extension within 3 working days',
    time: { breaks: true, why: 'an open notice passes its term; one sent late is the letter’s' },
  },
  refusalWithoutHearing: {
    rule: L('Тыңдау туралы хабарламасыз бас тартылды', 'Отказ без уведомления о заслушивании', 'Refusal without a hearing notice'),
    basis: 'APPC Art. 73 p.1: the applicant is notified of the preliminary decision and heard before an unfavourable act (exceptions: p.2)',
    time: { breaks: false, why: 'only a decision makes it' },
  },
  receptionReviewerConflict: {
    rule: L(
      'Жеке қабылдаудағы жолданым оны бұрын қараған қызметкерге берілді',
      'Обращение с личного приёма поручено сотруднику, ранее его рассматривавшему',
      'Reception appeal assigned to the employee who reviewed it before',
    ),
    basis: 'Model regulation of personal reception (Decree 214/2023) p.37 (PR-43)',
    time: { breaks: false, why: 'only an assignment makes it' },
  },
  receptionMonthWithoutSession: {
    rule: L('Лауазымды тұлға күнтізбелік айда жеке қабылдау өткізбеді', 'Должностное лицо не провело личный прием в календарном месяце', 'Official held no personal reception in a calendar month'),
    basis: 'Model regulation of personal reception (Decree 214/2023) p.7 ¶1 (PR-13): each receiving official receives at least once a month',
    time: { breaks: true, why: 'a calendar month ends with no session held' },
  },
  outageEntryLate: {
    rule: L(
      'Қағаз журналдағы жазба қолжетімділік қалпына келгеннен кейін 24 сағаттан кеш енгізілді',
      'Запись бумажного журнала внесена позже 24 часов после восстановления доступа',
      'Paper-journal entry made later than 24 hours after access was restored',
    ),
    basis: 'Rules of registration and accounting of appeals (PG order No. 4 of 4 January 2023) p.31',
    time: { breaks: false, why: 'only the journal entry, made late, makes it' },
  },
  correctionDecidedLate: {
    rule: L('Түзету туралы өтінішхат мерзімінде қаралмады', 'Ходатайство о корректировке рассмотрено не в срок', 'Correction petition not decided within its term'),
    basis: 'Rules of registration and accounting of appeals p.28: a petition is reviewed within 5 working days',
    time: { breaks: true, why: 'a pending petition passes its 5 working days; one decided late is the decision’s' },
  },
  instructionOverdue: {
    rule: L('Тапсырма мерзімінде орындалмады', 'Поручение не исполнено в срок', 'Instruction not executed on time'),
    basis: 'Decree 560/2020, Annex 2, p.9 (CD-29): instructions are executed on time and in full',
    time: { breaks: true, why: 'an instruction under control passes its due date' },
  },
} as const satisfies Record<string, ViolationRule>;

export type ViolationKind = keyof typeof VIOLATION_RULES;
export const VIOLATION_KINDS = Object.keys(VIOLATION_RULES) as ViolationKind[];

/** Kinds the issue names that the data cannot show yet, and why (said in the register's notes):
 *  none since the reception module records sessions (PR-13). */
export const VIOLATION_KINDS_NOT_DETECTED: Record<string, string> = {};

export const EXPLANATION_FORMS = ['oral', 'written'] as const;
export type ExplanationForm = (typeof EXPLANATION_FORMS)[number];
