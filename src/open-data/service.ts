// Open data (EA-08), open statistics (issue 14 §5) and the Open311 GeoReport v2 answers
// (issue 14 §7): what the public may see of the appeals, built from aggregates and public columns.
import type { Context } from '../context.ts';
import { reader } from '../db/replica.ts';
import { today } from '../context.ts';
import { indicatorsOf } from '../domain/accounting.ts';
import { DATASETS, open311Status, publishedCount, publishedShare, statusesOf, type Dataset, type Row } from '../domain/open-data.ts';
import type { Language } from '../domain/vocabulary.ts';
import { invalid } from '../errors.ts';
import * as store from './store.ts';

/** The year the open data describe unless asked: the current one. */
export function currentYear(ctx: Context): number {
  return Number(today(ctx).slice(0, 4));
}

type Named = { code: string; name_kk: string; name_ru: string; name_en: string };
const orgColumns = (o: Named) => ({ organization_code: o.code, organization_name_kk: o.name_kk, organization_name_ru: o.name_ru });

/** The rows of a dataset of the year, small counts suppressed. */
export async function datasetRows(ctx: Context, dataset: Dataset, year: number): Promise<Row[]> {
  const db = await reader(ctx);
  if (dataset.name === 'appeals-monthly') {
    const byKey = new Map<string, { org: Named; month: number; cells: Map<string, number> }>();
    for (const r of await store.monthlyCells(db, year)) {
      const key = `${r.code}/${r.month}`;
      let e = byKey.get(key);
      if (!e) byKey.set(key, (e = { org: r, month: r.month, cells: new Map() }));
      e.cells.set(r.cell, (e.cells.get(r.cell) ?? 0) + r.n);
    }
    const now = today(ctx);
    // a month's overdue count is a stock known only once the month is over (as the indicators say)
    const monthOver = (month: number) => `${year}-${String(month).padStart(2, '0')}` < now.slice(0, 7);
    return [...byKey.values()].map(({ org, month, cells }) => {
      const i = indicatorsOf(cells, monthOver(month));
      const electronic = cells.get('s1/form.electronic') ?? 0;
      return {
        ...orgColumns(org),
        year,
        month,
        received: publishedCount(i.received),
        electronic: publishedCount(electronic),
        reviewed: publishedCount(i.reviewed),
        decided_late: publishedCount(i.decidedLate),
        overdue_at_end: i.overdueAtEnd === null ? null : publishedCount(i.overdueAtEnd),
        on_time_share: publishedShare(i.reviewed - i.decidedLate, i.reviewed),
        electronic_share: publishedShare(electronic, i.received),
      };
    });
  }
  if (dataset.name === 'receptions-monthly') {
    return (await store.receptionCounts(db, year)).map((r) => ({
      ...orgColumns(r),
      year,
      month: r.month,
      sessions: publishedCount(r.sessions),
      video_sessions: publishedCount(r.video_sessions),
      sessions_cancelled: publishedCount(r.sessions_cancelled),
      visitors: publishedCount(r.visitors),
      visitors_served: publishedCount(r.visitors_served),
      sign_ups: publishedCount(r.sign_ups),
    }));
  }
  if (dataset.name === 'contact-centre-monthly') {
    return (await store.contactCounts(db, year, ctx.config.timeZone)).map((r) => ({
      ...orgColumns(r),
      year,
      month: r.month,
      channel: r.channel,
      contacts: publishedCount(r.contacts),
      answered: publishedCount(r.answered),
      consultations: publishedCount(r.consultations),
      status_answers: publishedCount(r.status_answers),
      public_service_complaints: publishedCount(r.public_service_complaints),
      appeals: publishedCount(r.appeals),
      // an average over a suppressed count would speak of one or two callers
      average_answer_seconds: publishedCount(r.answered) === null ? null : r.average_answer_seconds,
    }));
  }
  const rows = await store.appealCounts(db, year);
  return rows.map((r) => ({ ...orgColumns(r), year, month: r.month, issue_category: r.issue_category, channel: r.channel, status: r.status, appeals: publishedCount(r.n) }));
}

export function datasetNamed(name: string): Dataset | undefined {
  return DATASETS.find((d) => d.name === name);
}

/** How long one computation of open statistics answers every reader of its year and language. */
export const OPEN_STATISTICS_FRESH_MS = 10 * 60_000;
const openStatisticsMade = new WeakMap<Context, Map<string, { at: number; answer: ReturnType<typeof computeOpenStatistics> }>>();

/** Open statistics, public and anonymous, read a whole country's year — 20 s at 5 million appeals
 *  (docs/performance-country.md) — so one computation per year and language serves every reader for
 *  OPEN_STATISTICS_FRESH_MS, readers arriving meanwhile sharing it: the database is not asked again
 *  per request, however many addresses ask. A failed computation is not kept. */
export function openStatistics(ctx: Context, year: number, lang: Language) {
  let made = openStatisticsMade.get(ctx);
  if (!made) openStatisticsMade.set(ctx, (made = new Map()));
  const key = `${year}:${lang}`;
  const now = ctx.clock.now().getTime();
  const kept = made.get(key);
  if (kept && now - kept.at < OPEN_STATISTICS_FRESH_MS) return kept.answer;
  // what is no longer fresh is not kept: at most a fresh answer per year and language asked
  for (const [k, v] of made) if (now - v.at >= OPEN_STATISTICS_FRESH_MS) made.delete(k);
  const answer = computeOpenStatistics(ctx, year, lang);
  made.set(key, { at: now, answer });
  answer.catch(() => {
    if (made.get(key)?.answer === answer) made.delete(key);
  });
  return answer;
}

/** Open statistics: the year to date by organization and by month, from the same aggregates as
 *  1-ТӨ; by issue category and channel, counted over the appeals (security information left out). */
async function computeOpenStatistics(ctx: Context, year: number, lang: Language) {
  const db = await reader(ctx);
  const byOrg = new Map<string, { org: Named; cells: Map<string, number> }>();
  const byMonth = new Map<number, Map<string, number>>();
  const total = new Map<string, number>();
  const add = (cells: Map<string, number>, cell: string, n: number) => cells.set(cell, (cells.get(cell) ?? 0) + n);
  for (const r of await store.monthlyCells(db, year)) {
    let e = byOrg.get(r.code);
    if (!e) byOrg.set(r.code, (e = { org: r, cells: new Map() }));
    let m = byMonth.get(r.month);
    if (!m) byMonth.set(r.month, (m = new Map()));
    add(e.cells, r.cell, r.n);
    add(m, r.cell, r.n);
    add(total, r.cell, r.n);
  }
  // by issue category and by channel: counted over the appeals registered in the year
  const [counts, categoryLabels, channelLabels] = await Promise.all([store.appealCounts(db, year), store.directoryLabels(db, 'issueCategory'), store.directoryLabels(db, 'channel')]);
  const label = (r: { label_kk: string; label_ru: string; label_en: string } | undefined) => (!r ? '' : lang === 'ru' ? r.label_ru : lang === 'en' ? r.label_en : r.label_kk);
  const sumBy = (key: (r: (typeof counts)[number]) => string | null, labels: typeof channelLabels) => {
    const sums = new Map<string, number>();
    for (const r of counts) sums.set(key(r) ?? '', (sums.get(key(r) ?? '') ?? 0) + r.n);
    return [...sums].sort((a, b) => b[1] - a[1]).map(([code, n]) => ({ code, name: label(labels.find((l) => l.code === code)), appeals: publishedCount(n) }));
  };
  const figures = (cells: Map<string, number>) => {
    const i = indicatorsOf(cells, false);
    const electronic = cells.get('s1/form.electronic') ?? 0;
    return {
      received: publishedCount(i.received),
      reviewed: publishedCount(i.reviewed),
      decidedLate: publishedCount(i.decidedLate),
      onTimeShare: publishedShare(i.reviewed - i.decidedLate, i.reviewed),
      electronicShare: publishedShare(electronic, i.received),
    };
  };
  const name = (o: Named) => (lang === 'ru' ? o.name_ru : lang === 'en' ? o.name_en : o.name_kk);
  return {
    year,
    total: figures(total),
    // the months up to this one (the cells of cards in review reach ahead to the end of the year)
    months: [...byMonth]
      .filter(([month]) => year < currentYear(ctx) || month <= Number(today(ctx).slice(5, 7)))
      .sort((a, b) => a[0] - b[0])
      .map(([month, cells]) => ({ month, ...figures(cells) })),
    issueCategories: sumBy((r) => r.issue_category, categoryLabels),
    channels: sumBy((r) => r.channel, channelLabels),
    organizations: [...byOrg.values()].map(({ org, cells }) => ({ code: org.code, name: name(org), ...figures(cells) })),
  };
}

// ---- Open311 ----

export async function services(ctx: Context, lang: Language) {
  const rows = await store.issueCategories(ctx.db);
  const label = (r: { label_kk: string; label_ru: string; label_en: string }) => (lang === 'ru' ? r.label_ru : lang === 'en' ? r.label_en : r.label_kk);
  const groups = new Map(rows.map((r) => [r.code, label(r)]));
  return rows.map((r) => ({
    service_code: r.code,
    service_name: label(r),
    description: label(r),
    // every service takes the attributes of services/{code} (src/open-data/open311.ts)
    metadata: true,
    type: 'realtime',
    keywords: '',
    group: r.parent_code ? (groups.get(r.parent_code) ?? '') : label(r),
  }));
}

export interface RequestsQuery {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
}

const DAY = 86_400_000;

/** GeoReport requests: by default the last 90 days, at most 1000 (the specification's defaults). */
export async function requests(ctx: Context, q: RequestsQuery, lang: Language, one?: string) {
  const now = ctx.clock.now();
  const to = q.end_date ? new Date(q.end_date) : new Date(now.getTime() + 1000);
  const from = q.start_date ? new Date(q.start_date) : new Date(to.getTime() - 90 * DAY);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw invalid([{ path: '/querystring/start_date', code: 'format' }]);
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const ids = one !== undefined ? [one] : q.service_request_id?.split(',').map((s) => s.trim());
  const statuses = q.status === 'open' || q.status === 'closed' ? statusesOf(q.status) : undefined;
  const rows = await store.publicRequests(ctx.db, {
    ...(ids ? { ids: ids.filter((i) => uuid.test(i)) } : {}),
    ...(q.service_code ? { serviceCode: q.service_code } : {}),
    ...(statuses ? { statuses } : {}),
    // one request by its id is found whenever it was received
    from: ids ? new Date(0) : from,
    to: ids ? new Date(now.getTime() + 1000) : to,
    limit: 1000,
  });
  const pick = (r: { name_kk: string; name_ru: string; name_en: string }) => (lang === 'ru' ? r.name_ru : lang === 'en' ? r.name_en : r.name_kk);
  return rows.map((r) => ({
    service_request_id: r.id,
    status: open311Status(r.status),
    status_notes: r.status,
    service_name: r.label_kk === null ? null : lang === 'ru' ? r.label_ru : lang === 'en' ? r.label_en : r.label_kk,
    service_code: r.issue_category,
    agency_responsible: pick(r),
    requested_datetime: r.received_at.toISOString(),
    updated_datetime: r.updated_at.toISOString(),
    expected_datetime: `${r.due_date}T23:59:59+05:00`,
  }));
}

export function discovery(ctx: Context) {
  return {
    changeset: '2026-01-01T00:00:00Z',
    contact: ctx.config.publicUrl,
    key_service: `${ctx.config.publicUrl}/staff`,
    endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${ctx.config.publicUrl}/open311/v2`, changeset: '2026-01-01T00:00:00Z', type: 'production', formats: ['application/json', 'text/xml'] }],
  };
}
