// Staff notifications (issue 10, item 13): what each kind tells, in kk/ru/en, and the keys that make
// a notice one (a repeated sweep or a retried change adds nothing). Pure.
import type { Labels } from './vocabulary.ts';

export const INBOX_KINDS = ['assigned', 'draftToApprove', 'draftReturned', 'termEnding', 'overdue'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export interface InboxParams {
  registrationNumber: string;
  dueDate?: string;
  remark?: string | null;
  by?: string | null;
}

const TEXTS: Record<InboxKind, Labels> = {
  assigned: { kk: '{n} жолданымы сізге орындауға берілді (мерзімі {due})', ru: 'Вам поручено исполнение обращения {n} (срок {due})', en: 'Appeal {n} is assigned to you (due {due})' },
  draftToApprove: { kk: '{n} жолданымы бойынша шешім жобасы бекітуді күтуде ({by})', ru: 'Проект решения по обращению {n} ждет утверждения ({by})', en: 'A draft decision on appeal {n} awaits approval ({by})' },
  draftReturned: { kk: '{n} жолданымы бойынша шешім жобасы қайтарылды: {remark}', ru: 'Проект решения по обращению {n} возвращен: {remark}', en: 'The draft decision on appeal {n} was returned: {remark}' },
  termEnding: { kk: '{n} жолданымының мерзімі {due} күні бітеді', ru: 'Срок обращения {n} истекает {due}', en: 'The term of appeal {n} ends on {due}' },
  overdue: { kk: '{n} жолданымының мерзімі өтіп кетті ({due})', ru: 'Срок обращения {n} пропущен ({due})', en: 'Appeal {n} is overdue (due {due})' },
};

/** The date as each language writes it. */
function date(iso: string | undefined, lang: keyof Labels): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-');
  return lang === 'en' ? `${y}-${m}-${d}` : `${d}.${m}.${y}`;
}

export function inboxText(kind: InboxKind, p: InboxParams, lang: keyof Labels): string {
  const values: Record<string, string> = { n: p.registrationNumber, due: date(p.dueDate, lang), remark: p.remark?.trim() || '—', by: p.by ?? '—' };
  return TEXTS[kind][lang].replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}

/** A notice of the daily sweep is one per appeal and due date: a term extended is told again. */
export const termKey = (kind: 'termEnding' | 'overdue', appealId: string, dueDate: string) => `${kind}:${appealId}:${dueDate}`;
