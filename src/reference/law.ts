// The law in force, read from the editable tables that the shipped defaults were loaded into.
import type { Db } from '../db/connection.ts';
import type { Context } from '../context.ts';
import { Calendar } from '../domain/calendar.ts';
import type { CountMode, TermRule } from '../domain/terms.ts';
import type { DocumentType } from '../domain/vocabulary.ts';

export interface Law {
  calendar: Calendar;
  terms: TermRule[];
  count: CountMode;
}

export async function loadLaw(db: Db): Promise<Law> {
  const [days, years, rules, count] = await Promise.all([
    db.selectFrom('calendar_days').selectAll().execute(),
    db.selectFrom('calendar_years').select('year').execute(),
    db.selectFrom('term_rules').selectAll().execute(),
    db.selectFrom('settings').select('value').where('key', '=', 'termCount').executeTakeFirst(),
  ]);
  return {
    calendar: new Calendar(
      days.map((d) => ({ date: d.date, working: d.working, note: d.note })),
      years.map((y) => y.year),
    ),
    terms: rules.map((r) => ({
      documentType: r.document_type as DocumentType,
      subKind: r.sub_kind || null,
      label: { kk: r.label_kk, ru: r.label_ru, en: r.label_en },
      term: { unit: r.unit as TermRule['term']['unit'], count: r.count },
      extendable: r.extendable,
      basis: r.basis,
    })),
    count: (count?.value as CountMode | undefined) ?? 'registrationDayIsDayOne',
  };
}

/** Reloads started per context: the latest one started wins (it saw every edit committed before). */
const reloads = new WeakMap<Pick<Context, 'law'>, number>();

/** Puts the law in force into the context again: after an administrator's edit (at once in this
 *  process), and periodically in a server (src/cli.ts), so that other processes on the same
 *  database catch up. */
export async function reloadLaw(ctx: Pick<Context, 'db' | 'law'>): Promise<void> {
  const mine = (reloads.get(ctx) ?? 0) + 1;
  reloads.set(ctx, mine);
  const law = await loadLaw(ctx.db);
  if (reloads.get(ctx) === mine) ctx.law = law;
}
