// Cover letters (ілеспе хаттар / сопроводительные письма) for the decisions of card ТЖ-2
// (docs/legal-basis.md#cover-letters-and-the-decision-date): one template per decision code 4.1…4.26, in Kazakh, Russian and
// (for the demo) English. Pure text: letter-pdf.ts lays it out, cms.ts signs the PDF.
//
// Every letter greets the applicant, names the appeal (registration number and date, summary),
// states the decision with its legal basis (the APPC article, or the rules' paragraph), gives the
// reasons (the card's text/reason), and explains the right to complain (APPC Arts. 91–92: to the
// higher body or official within three months, and to court) — except where that does not fit:
// a move to another information system (the other law's procedure applies), forwarding by
// competence and sending a complaint to its reviewing body (the review continues elsewhere; the
// letter says where and from when the term runs, Art. 65 p.3 / Art. 99), and the notice of the
// preliminary decision (4.7), which instead gives the 2-working-day objection window (Art. 73 p.3)
// and the contacts of the responsible officials (rules p.24). Decisions taken on a complaint
// (4.18–4.23) point to court.
//
// Decision data: the card's data (src/domain/decisions.ts field names) with identifiers resolved
// to names by the caller (targetOrganizationName, mainAppealNumber, …). Vocabulary codes of
// 4.1 reason, 4.13 reason and 4.2 missing are turned into their labels here; free text is used
// as given. Any text value may be a string or {kk, ru, en}.
//
// The templates are in ./templates/ by decision group (common.ts: types and helpers); this module
// joins them, checks the stored data and is the entry point.

import { DECISION_CODES, isDecisionCode, type DecisionCode } from '../domain/decisions.ts';
import {
  LETTER_LANGS,
  complaintParagraph,
  executorLine,
  greeting,
  intro,
  type Data,
  type DecisionData,
  type DecisionLetterInfo,
  type LetterContent,
  type LetterData,
  type LetterLang,
  type Localized,
  type Template,
} from './templates/common.ts';
import { RETURN_TEMPLATES } from './templates/returns.ts';
import { FORWARDING_TEMPLATES } from './templates/forwarding.ts';
import { PROCEDURE_TEMPLATES } from './templates/procedure.ts';
import { HEARING_TEMPLATES } from './templates/hearing.ts';
import { ACT_TEMPLATES } from './templates/acts.ts';
import { COMPLAINT_TEMPLATES } from './templates/complaints.ts';
import { ANSWER_TEMPLATES } from './templates/answers.ts';

export { LETTER_LANGS, formatDate, formatDateTime, greeting } from './templates/common.ts';
export type {
  ComplaintRight,
  ContactPerson,
  DecisionData,
  DecisionLetterInfo,
  LetterContent,
  LetterData,
  LetterLang,
  Localized,
} from './templates/common.ts';

// ---------------------------------------------------------------------------------------------
// The templates

/** One template per decision code: the groups joined (the type proves that none is missing). */
const TEMPLATES: Record<DecisionCode, Template> = {
  ...RETURN_TEMPLATES,
  ...FORWARDING_TEMPLATES,
  ...PROCEDURE_TEMPLATES,
  ...HEARING_TEMPLATES,
  ...ACT_TEMPLATES,
  ...COMPLAINT_TEMPLATES,
  ...ANSWER_TEMPLATES,
};

// ---------------------------------------------------------------------------------------------
// Checking stored data

function isLocalized(v: unknown): v is Localized {
  if (typeof v === 'string') return true;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  return Object.entries(v).every(([k, x]) => (LETTER_LANGS as readonly string[]).includes(k) && (typeof x === 'string' || x === undefined));
}

const LOCALIZED_FIELDS = [
  'text',
  'reason',
  'comment',
  'targetSystemName',
  'targetSystem',
  'targetOrganizationName',
  'place',
  'preliminaryDecision',
  'contacts',
  'remark',
  'correction',
  'violations',
  'proposals',
] as const;
const STRING_FIELDS = ['newDueDate', 'hearingAt', 'objectionBy', 'fixBy', 'mainAppealNumber', 'withdrawalReceivedAt', 'officialName', 'official', 'replacementName', 'representativeName', 'requestedAt'] as const;
const BOOLEAN_FIELDS = ['remainderKept', 'favourable', 'selfRecusal', 'granted'] as const;

/** The decision data with every known field of the right type; the rest dropped. */
export function checkedDecisionData(raw: Readonly<Record<string, unknown>>): DecisionData {
  const out: DecisionData = {};
  for (const k of LOCALIZED_FIELDS) if (isLocalized(raw[k])) out[k] = raw[k] as Localized;
  for (const k of STRING_FIELDS) if (typeof raw[k] === 'string') out[k] = raw[k] as string;
  for (const k of BOOLEAN_FIELDS) if (typeof raw[k] === 'boolean') out[k] = raw[k] as boolean;
  if (Array.isArray(raw.missing)) out.missing = raw.missing.filter(isLocalized);
  if (Array.isArray(raw.officials)) {
    out.officials = raw.officials
      .filter((c): c is Record<string, unknown> => !!c && typeof c === 'object' && typeof (c as { name?: unknown }).name === 'string')
      .map((c) => ({
        name: c.name as string,
        ...(typeof c.position === 'string' ? { position: c.position } : {}),
        ...(typeof c.phone === 'string' ? { phone: c.phone } : {}),
        ...(typeof c.email === 'string' ? { email: c.email } : {}),
      }));
  }
  if (Array.isArray(raw.parts)) {
    out.parts = raw.parts
      .filter((p): p is Record<string, unknown> => !!p && typeof p === 'object')
      .map((p) => ({
        ...(isLocalized(p.summary) ? { summary: p.summary } : {}),
        ...(isLocalized(p.targetOrganizationName) ? { targetOrganizationName: p.targetOrganizationName } : {}),
        ...(typeof p.registrationNumber === 'string' ? { registrationNumber: p.registrationNumber } : {}),
      }));
  }
  const rep = raw.representative;
  if (rep && typeof rep === 'object' && typeof (rep as { name?: unknown }).name === 'string') {
    out.representative = { name: (rep as { name: string }).name };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// API

export { DECISION_CODES, isDecisionCode, type DecisionCode };

/** The subject line, legal basis and kind of complaint clause of a decision's letter. */
export function decisionLetterInfo(code: DecisionCode): DecisionLetterInfo {
  const t = TEMPLATES[code];
  return { title: t.title, basis: t.basis, complaintRight: t.complaintRight };
}

/**
 * The cover letter for decision `code` in `lang`: subject line, greeting, paragraphs (intro,
 * decision with its legal basis, reasons, what follows, the right to complain) and the executor
 * line. Throws RangeError for an unknown code.
 */
export function letterContent(code: string, lang: LetterLang, d: LetterData): LetterContent {
  if (!isDecisionCode(code)) throw new RangeError(`letterContent: unknown decision code ${code}`);
  const t = TEMPLATES[code];
  const data: Data = { ...d, decision: checkedDecisionData(d.decision) };
  return {
    title: t.title[lang],
    greeting: greeting(lang, d.applicant),
    paragraphs: [intro(lang, data, t.subject), ...t.body(lang, data), ...complaintParagraph(lang, t.complaintRight)].map(
      // an abbreviation's dot closing a sentence: one dot
      (p) => p.replace(/(?<!\.)\.\.(?!\.)/gu, '.'),
    ),
    executor: executorLine(lang, d.executor),
  };
}
