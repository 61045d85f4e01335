// Loads the shipped reference data (organizations, directories, calendar and its confirmed years,
// term catalogue). Idempotent and never overwrites: an administrator's later edits stay.
import { sql } from 'kysely';
import type { Db } from './connection.ts';
import { ORGANIZATIONS } from './reference/organizations.ts';
import { DIRECTORIES } from './reference/directories.ts';
import { SHIPPED_DAY_EXCEPTIONS, SHIPPED_YEARS } from '../domain/calendar-data.ts';
import { TERM_CATALOGUE } from '../domain/terms.ts';

export async function seedReference(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const existing = new Map((await trx.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
    for (const o of ORGANIZATIONS) {
      if (existing.has(o.code)) continue;
      const parentId = o.parentCode === null ? null : existing.get(o.parentCode);
      if (parentId === undefined) throw new Error(`organization ${o.code}: unknown parent ${o.parentCode}`);
      const { id } = await trx
        .insertInto('organizations')
        .values({
          code: o.code,
          parent_id: parentId,
          name_kk: o.name.kk,
          name_ru: o.name.ru,
          name_en: o.name.en,
          kind: o.kind,
          kato: o.kato,
          time_zone: o.timeZone,
          report_row: o.reportRow,
          address: null,
          phone: null,
          email: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      existing.set(o.code, id);
      await addToClosure(trx, id, parentId);
    }
    // KATO codes shipped after an organization was loaded fill its gap (never replace a code).
    const katos = ORGANIZATIONS.filter((o) => o.kato !== null).map((o) => ({ code: o.code, kato: o.kato! }));
    await sql`
      UPDATE organizations o SET kato = k.kato
      FROM jsonb_to_recordset(${JSON.stringify(katos)}::jsonb) AS k(code text, kato text)
      WHERE o.code = k.code AND o.kato IS NULL
    `.execute(trx);

    const entries = Object.entries(DIRECTORIES).flatMap(([directory, list]) =>
      list.map((e, i) => ({
        directory,
        code: e.code,
        parent_code: e.parentCode ?? null,
        label_kk: e.label.kk,
        label_ru: e.label.ru,
        label_en: e.label.en,
        sort_order: i + 1,
      })),
    );
    await trx
      .insertInto('directory_entries')
      .values(entries)
      .onConflict((c) => c.doNothing())
      .execute();

    await trx
      .insertInto('calendar_days')
      .values(SHIPPED_DAY_EXCEPTIONS.map((d) => ({ date: d.date, working: d.working, note: d.note })))
      .onConflict((c) => c.doNothing())
      .execute();
    await trx
      .insertInto('calendar_years')
      .values(SHIPPED_YEARS.map((year) => ({ year, confirmed_at: new Date(), confirmed_by: null })))
      .onConflict((c) => c.doNothing())
      .execute();

    await trx
      .insertInto('term_rules')
      .values(
        TERM_CATALOGUE.map((r) => ({
          document_type: r.documentType,
          sub_kind: r.subKind ?? '',
          unit: r.term.unit,
          count: r.term.count,
          extendable: r.extendable,
          basis: r.basis,
          label_kk: r.label.kk,
          label_ru: r.label.ru,
          label_en: r.label.en,
        })),
      )
      .onConflict((c) => c.doNothing())
      .execute();

    await trx
      .insertInto('settings')
      .values({ key: 'termCount', value: JSON.stringify('registrationDayIsDayOne') })
      .onConflict((c) => c.doNothing())
      .execute();
  });
}

/** The new organization's ancestors are its parent's ancestors plus itself. */
export async function addToClosure(db: Db, id: number, parentId: number | null): Promise<void> {
  await sql`
    INSERT INTO organization_closure (ancestor_id, descendant_id, depth)
    SELECT ${id}::int, ${id}::int, 0
    UNION ALL
    SELECT ancestor_id, ${id}::int, depth + 1 FROM organization_closure WHERE descendant_id = ${parentId}::int
  `.execute(db);
}
