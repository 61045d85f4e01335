// Indicators for the dashboards of the statistics authority and of heads (issue 5 §8): on-time
// share, overdue at the end of the month, shares of electronic appeals and of those from a personal
// reception and the contact centre — by organization (the rows of the 1-ТӨ scope) and month, each
// month's from the cells of that month's 1-ТӨ report, cumulative from 1 January (src/domain/accounting.ts).
import type { Context } from '../context.ts';
import { reader } from '../db/replica.ts';
import type { Actor } from '../access/actor.ts';
import { cumulativeCells, INDICATOR_CELLS, indicatorsOf } from '../domain/accounting.ts';
import { today as todayOf } from '../context.ts';
import { daysInMonth } from '../domain/calendar.ts';
import { invalid } from '../errors.ts';
import type { Labels } from '../domain/vocabulary.ts';
import { reportScopeFor } from './scope.ts';
import { rowsOf } from './report.ts';
import { monthlySums, STOCK_CELLS } from './store.ts';

const STOCK = new Set(STOCK_CELLS);

export async function indicators(ctx: Context, actor: Actor, year: number, month: number, organizationId?: number) {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw invalid([{ path: '/querystring/month', code: 'form1.month' }]);
  const db = await reader(ctx, actor);
  const scope = await reportScopeFor(db, actor, organizationId);
  const { specs } = await rowsOf(db, scope);
  const sums = await monthlySums(db, year, month, specs, scope.counted, INDICATOR_CELLS);
  const cells = (i: number, m: number) => sums.get(i)?.get(m) ?? new Map<string, number>();
  const today = todayOf(ctx);
  const over = (m: number) => `${year}-${String(m).padStart(2, '0')}-${String(daysInMonth(year, m)).padStart(2, '0')}` < today;
  const months = (cellsOfMonth: (m: number) => Map<string, number>) => Array.from({ length: month }, (_, j) => ({ month: j + 1, ...indicatorsOf(cumulativeCells(cellsOfMonth, j + 1, STOCK), over(j + 1)) }));
  const rows: { organization: { id: number; code: string; name: Labels } | null; kind: string; reportRow: number | null; months: ReturnType<typeof months> }[] = specs.map((spec, i) => ({
    organization: { id: spec.org.id, code: spec.org.code, name: { kk: spec.org.name_kk, ru: spec.org.name_ru, en: spec.org.name_en } },
    kind: spec.kind,
    reportRow: spec.org.report_row,
    months: months((m) => cells(i, m)),
  }));
  if (scope.rows.kind === 'reportRows') {
    // the total row, as in 1-ТӨ: the sum of the groups (the "of which" rows are inside them)
    const groups = specs.flatMap((s, i) => (s.kind === 'group' ? [i] : []));
    const total = (m: number) => {
      const sum = new Map<string, number>();
      for (const i of groups) for (const [k, n] of cells(i, m)) sum.set(k, (sum.get(k) ?? 0) + n);
      return sum;
    };
    rows.unshift({ organization: null, kind: 'total', reportRow: 1, months: months(total) });
  }
  return { period: { year, month }, rows };
}
