// Content analysis and systemic problems (CD-18, CD-19): appeals by issue category or territory in
// a period against the same period a year before; a category in a territory flagged as a systemic
// problem by the rule of src/domain/content-analysis.ts; the most frequent words.
import type { Context } from '../context.ts';
import { today as todayOf } from '../context.ts';
import { hasRole, type Actor } from '../access/actor.ts';
import { forbidden, invalid } from '../errors.ts';
import type { Language } from '../domain/vocabulary.ts';
import { baselineWindows, systemicReason, TEXT_SEARCH_CONFIG, yearBefore } from '../domain/content-analysis.ts';
import { localized } from '../reference/present.ts';
import { rootOf } from './service.ts';
import * as store from './content-store.ts';
import type { ContentQuery, WordsQuery } from './schemas.ts';

/** The period asked for: by default from the first day of the year to today. */
export function periodOf(ctx: Context, q: { from?: string; to?: string }): { from: string; to: string } {
  const to = q.to ?? todayOf(ctx);
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw invalid([{ path: '/from', code: 'control.periodReversed' }]);
  return { from, to };
}

async function analysisRoot(ctx: Context, actor: Actor, organization: number | undefined): Promise<number> {
  if (!hasRole(actor, 'controller', 'head', 'statistician')) throw forbidden();
  return rootOf(ctx, actor, organization);
}

async function labelsOf(ctx: Context, keys: string[], groupBy: 'category' | 'territory', lang: Language): Promise<Map<string, string>> {
  const none = { kk: 'Санаты көрсетілмеген', ru: 'Категория не указана', en: 'No category' }[lang];
  if (groupBy === 'category') {
    const rows = await store.categoryLabels(
      ctx.db,
      keys.filter((k) => k !== 'none'),
    );
    return new Map([['none', none], ...rows.map((r) => [r.code, localized(r, lang)] as [string, string])]);
  }
  const rows = await store.organizationsById(ctx.db, keys.map(Number));
  return new Map(rows.map((r) => [String(r.id), localized(r, lang)]));
}

/** GET /control/content: counts by key, with the same period a year before. */
export async function contentAnalysis(ctx: Context, actor: Actor, q: ContentQuery, lang: Language) {
  const root = await analysisRoot(ctx, actor, q.organization);
  const { from, to } = periodOf(ctx, q);
  const groupBy = q.groupBy ?? 'category';
  const [now, before] = await Promise.all([store.countsBy(ctx.db, root, from, to, groupBy), store.countsBy(ctx.db, root, yearBefore(from), yearBefore(to), groupBy)]);
  const keys = [...new Set([...now.keys(), ...before.keys()])];
  const labels = await labelsOf(ctx, keys, groupBy, lang);
  const items = keys.map((key) => ({ key, label: labels.get(key) ?? key, count: now.get(key) ?? 0, previousCount: before.get(key) ?? 0 })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return { organizationId: root, from, to, groupBy, items };
}

/** GET /control/systemic-problems: categories in territories rising well above their baseline, or
 *  raised by many applicants in one place. */
export async function systemicProblems(ctx: Context, actor: Actor, q: { organization?: number; from?: string; to?: string }, lang: Language) {
  const root = await analysisRoot(ctx, actor, q.organization);
  const { from, to } = periodOf(ctx, q);
  const windows = baselineWindows(from, to);
  const [current, ...past] = await Promise.all([store.cells(ctx.db, root, from, to), ...windows.map((w) => store.cells(ctx.db, root, w.from, w.to))]);
  const key = (c: { category: string; territory_id: number }) => `${c.category}|${c.territory_id}`;
  const pastMaps = past.map((cs) => new Map(cs.map((c) => [key(c), c.n])));
  const flagged = current
    .map((c) => {
      const baselineCounts = pastMaps.map((m) => m.get(key(c)) ?? 0);
      const reason = systemicReason(c.n, baselineCounts, c.applicants);
      return { c, baseline: baselineCounts.reduce((a, b) => a + b, 0) / baselineCounts.length, reason };
    })
    .filter((x) => x.reason !== null);
  const categories = await labelsOf(ctx, [...new Set(flagged.map((x) => x.c.category))], 'category', lang);
  const territories = await labelsOf(ctx, [...new Set(flagged.map((x) => String(x.c.territory_id)))], 'territory', lang);
  const items = flagged
    .map(({ c, baseline, reason }) => ({
      category: { code: c.category, label: categories.get(c.category) ?? c.category },
      territory: { id: c.territory_id, name: territories.get(String(c.territory_id)) ?? '' },
      count: c.n,
      baseline: Math.round(baseline * 10) / 10,
      applicants: c.applicants,
      reason: reason!,
    }))
    .sort((a, b) => b.count - a.count);
  return { from, to, items };
}

/** GET /control/content/words: the most frequent words in Kazakh or Russian appeals. */
export async function frequentWords(ctx: Context, actor: Actor, q: WordsQuery) {
  const root = await analysisRoot(ctx, actor, q.organization);
  const { from, to } = periodOf(ctx, q);
  const language = q.language ?? 'kk';
  const items = await store.frequentWords(ctx.db, root, from, to, language, TEXT_SEARCH_CONFIG[language], q.limit ?? 30);
  return { language, from, to, items };
}

/** GET /control/map (CD-19): the map of problems — by territory (the districts and towns under an
 *  oblast, the okrugs under a district) its KATO code, the appeals of the period, those open and
 *  those whose term was broken, and the categories flagged as systemic there. */
export async function problemMap(ctx: Context, actor: Actor, q: { organization?: number; from?: string; to?: string }, lang: Language) {
  const root = await analysisRoot(ctx, actor, q.organization);
  const { from, to } = periodOf(ctx, q);
  const [figures, systemic, below] = await Promise.all([
    store.territoryFigures(ctx.db, root, from, to, todayOf(ctx)),
    systemicProblems(ctx, actor, { organization: root, from, to }, lang),
    store.territoriesBelow(ctx.db, root),
  ]);
  const flagged = new Map<number, number>();
  for (const s of systemic.items) flagged.set(s.territory.id, (flagged.get(s.territory.id) ?? 0) + 1);
  const ids = [...new Set([...below, ...figures.map((f) => f.territoryId), ...flagged.keys()])];
  const orgs = new Map((await store.organizationsById(ctx.db, [root, ...ids])).map((o) => [o.id, o]));
  const byId = new Map(figures.map((f) => [f.territoryId, f]));
  const items = ids.map((id) => {
    const o = orgs.get(id);
    const f = byId.get(id);
    return { territoryId: id, kato: o?.kato ?? null, name: o ? localized(o, lang) : '', root: id === root, appeals: f?.appeals ?? 0, open: f?.open ?? 0, overdue: f?.overdue ?? 0, systemic: flagged.get(id) ?? 0 };
  });
  const r = orgs.get(root);
  return { organization: { id: root, kato: r?.kato ?? null, name: r ? localized(r, lang) : '' }, from, to, items };
}
