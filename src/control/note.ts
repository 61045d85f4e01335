// CD-18: the reference note on systemic problems for the akim — each category in a territory that
// the content analysis flagged (SYSTEMIC_RULE), with its count, its baseline, the same period a
// year before and the trend — composed once (what is signed is what is sent, CD-04) and rendered
// as a PDF with kk/ru headings.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { yearBefore } from '../domain/content-analysis.ts';
import { renderPdf } from '../pdf/render.ts';
import { systemicProblems } from './content.ts';
import { cells, organizationsById } from './content-store.ts';

type KkRu = { kk: string; ru: string };
export interface NoteItem {
  category: { code: string } & KkRu;
  territory: { id: number } & KkRu;
  count: number;
  baseline: number;
  previousCount: number;
  applicants: number;
  reason: 'rising' | 'manyApplicants';
}
export interface NoteContent {
  territory: KkRu;
  items: NoteItem[];
}

/** The flagged categories × territories of the period, labelled in both languages of the note. */
export async function composeSystemicNote(ctx: Context, actor: Actor, root: number, from: string, to: string): Promise<NoteContent> {
  const q = { organization: root, from, to };
  const [kk, ru, before, [org]] = await Promise.all([
    systemicProblems(ctx, actor, q, 'kk'),
    systemicProblems(ctx, actor, q, 'ru'),
    cells(ctx.db, root, yearBefore(from), yearBefore(to)),
    organizationsById(ctx.db, [root]),
  ]);
  const key = (category: string, territory: number) => `${category}|${territory}`;
  const previous = new Map(before.map((c) => [key(c.category, c.territory_id), c.n]));
  const ruOf = new Map(ru.items.map((x) => [key(x.category.code, x.territory.id), x]));
  return {
    territory: { kk: org?.name_kk ?? '', ru: org?.name_ru ?? '' },
    items: kk.items.map((x) => {
      const r = ruOf.get(key(x.category.code, x.territory.id));
      return {
        category: { code: x.category.code, kk: x.category.label, ru: r?.category.label ?? x.category.label },
        territory: { id: x.territory.id, kk: x.territory.name, ru: r?.territory.name ?? x.territory.name },
        count: x.count,
        baseline: x.baseline,
        previousCount: previous.get(key(x.category.code, x.territory.id)) ?? 0,
        applicants: x.applicants,
        reason: x.reason,
      };
    }),
  };
}

/** The change against the same period a year before: +N %, or "new" when there were none. */
export function trendOf(count: number, previous: number): string {
  if (previous === 0) return count > 0 ? 'жаңа / новое' : '0';
  const pct = Math.round(((count - previous) / previous) * 100);
  return `${pct > 0 ? '+' : ''}${pct} %`;
}

const REASON: Record<NoteItem['reason'], string> = {
  rising: 'базалық деңгейден 2 есе жоғары / рост вдвое выше базового уровня',
  manyApplicants: 'бір мәселе бойынша көп өтініш беруші / много заявителей по одному вопросу',
};

export interface NoteMeta {
  id: string;
  addressee: string;
  from: string;
  to: string;
  department: KkRu;
  signedByName: string | null;
  signedAs: 'head' | 'substitute' | null;
  signedAt: Date | null;
  createdAt: Date;
}

export async function systemicNotePdf(content: NoteContent, meta: NoteMeta): Promise<Buffer> {
  const title = 'Жүйелі проблемалар туралы анықтама / Справка о системных проблемах';
  const body: TableCell[][] = [
    ['Санат / Категория', 'Аумақ / Территория', 'Саны / Кол-во', 'Базалық / Базовый', 'Бір жыл бұрын / Год назад', 'Үрдіс / Тренд', 'Өтініш берушілер / Заявители', 'Белгі / Признак'].map((h) => ({
      text: h,
      bold: true,
    })),
    ...content.items.map((x) => [
      `${x.category.kk} / ${x.category.ru}`,
      `${x.territory.kk} / ${x.territory.ru}`,
      String(x.count),
      String(x.baseline),
      String(x.previousCount),
      trendOf(x.count, x.previousCount),
      String(x.applicants),
      REASON[x.reason],
    ]),
  ];
  const signature = meta.signedByName
    ? `${meta.signedAs === 'head' ? 'Бөлім басшысы / Руководитель отдела' : 'Бөлім басшысының міндетін атқарушы / Исполняющий обязанности руководителя отдела'}: ${meta.signedByName}, ${meta.signedAt?.toISOString().slice(0, 10)}`
    : 'Қол қойылмаған жоба / Проект, не подписан';
  const doc: Content[] = [
    { text: `Кімге / Кому: ${meta.addressee}`, alignment: 'right', margin: [0, 0, 0, 8] },
    { text: title, bold: true, fontSize: 12, margin: [0, 0, 0, 4] },
    { text: `${content.territory.kk} / ${content.territory.ru}. ${meta.from} — ${meta.to}`, margin: [0, 0, 0, 4] },
    {
      text: `${meta.department.kk} / ${meta.department.ru}. Жүйелі деп белгіленгендер / Отмечено системных: ${content.items.length}`,
      fontSize: 9,
      margin: [0, 0, 0, 8],
    },
    content.items.length > 0 ? { table: { headerRows: 1, widths: ['*', 90, 40, 45, 50, 45, 55, 110], body }, fontSize: 8 } : { text: 'Кезеңде жүйелі проблема анықталған жоқ / Системных проблем за период не выявлено' },
    { text: signature, margin: [0, 16, 0, 0] },
    { text: `№ ${meta.id}`, fontSize: 7, color: '#555555', margin: [0, 4, 0, 0] },
  ];
  return renderPdf({ pageOrientation: 'landscape', pageSize: 'A4', content: doc, info: { title, creationDate: meta.createdAt } });
}
