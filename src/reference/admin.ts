// An administrator's edits of the reference data (docs/legal-basis.md#non-working-days, #review-terms): the calendar days of
// a year and the confirmation of a provisional year, the term catalogue, an organization's working
// hours and time zone, the directories. Each edit is one transaction with its audit event; once it
// commits, this process works with the new data at once (the law in force is reloaded, the
// registration's reference cache dropped). Appeals registered before keep their dates.
import type { Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { appendEvent } from '../audit/log.ts';
import { Calendar, yearOf, type IsoDate, type WorkingHours } from '../domain/calendar.ts';
import { checkCalendarDay, checkCalendarYear, checkDirectoryAdd, checkDirectoryChange, checkOrganizationHours, checkTermRule, type DirectoryEntryAdd, type TermRuleEdit } from '../domain/reference.ts';
import type { DocumentType, Labels } from '../domain/vocabulary.ts';
import type { FieldError } from '../domain/registration.ts';
import { CLOSED_DIRECTORIES } from '../db/reference/directories.ts';
import type { DirectoryName } from '../domain/reference.ts';
import { forgetReferenceData } from '../intake/store.ts';
import { reloadLaw } from './law.ts';

function requireAdmin(actor: Actor): void {
  if (!actor.roles.includes('admin')) throw forbidden();
}

/** After a committed edit: the law and the reference data in force in this process are the new ones. */
async function referenceChanged(ctx: Context): Promise<void> {
  forgetReferenceData(ctx.db);
  await reloadLaw(ctx);
}

function fail(errors: FieldError[]): void {
  if (errors.length > 0) throw invalid(errors);
}

// ---------------------------------------------------------------------------------------------
// The calendar

/** Makes a day non-working or working (a holiday, a transfer of days off by Government order, a
 *  correction of a derived day), with its note citing the basis. In a provisional year it
 *  overrides or adds to the days derived from the statute; the year stays provisional. */
export async function setCalendarDay(ctx: Context, actor: Actor, date: IsoDate, day: { working: boolean; note: string }): Promise<void> {
  requireAdmin(actor);
  fail(checkCalendarDay(yearOf(date), day.note));
  const now = ctx.clock.now();
  const note = day.note.trim();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('calendar_days').select(['working', 'note']).where('date', '=', date).forUpdate().executeTakeFirst();
    await trx
      .insertInto('calendar_days')
      .values({ date, working: day.working, note })
      .onConflict((c) => c.column('date').doUpdateSet({ working: day.working, note }))
      .execute();
    await appendEvent(trx, {
      appealId: null,
      organizationId: actor.organizationId,
      actor,
      at: now,
      kind: 'calendarDaySet',
      changes: { date, before: before ?? null, after: { working: day.working, note } },
    });
  });
  await referenceChanged(ctx);
}

/** Removes a day's explicit entry: the day is as the week (and, in a provisional year, the
 *  statute) makes it. 404 when the day has no entry. */
export async function clearCalendarDay(ctx: Context, actor: Actor, date: IsoDate): Promise<void> {
  requireAdmin(actor);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.deleteFrom('calendar_days').where('date', '=', date).returning(['working', 'note']).executeTakeFirst();
    if (!before) throw notFound();
    await appendEvent(trx, { appealId: null, organizationId: actor.organizationId, actor, at: now, kind: 'calendarDayCleared', changes: { date, before } });
  });
  await referenceChanged(ctx);
}

/** Confirms a provisional year: its days in force — derived from the statute, with the explicit
 *  entries over them — are stored as explicit entries, and from then on the year is those entries
 *  alone (a later change of the statute's derivation no longer moves it). 409 when confirmed. */
export async function confirmCalendarYear(ctx: Context, actor: Actor, year: number): Promise<void> {
  requireAdmin(actor);
  fail(checkCalendarYear(year));
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    // First the year's row: a concurrent confirmation waits for it, then finds it taken.
    const confirmed = await trx
      .insertInto('calendar_years')
      .values({ year, confirmed_at: now, confirmed_by: actor.id })
      .onConflict((c) => c.doNothing())
      .returning('year')
      .executeTakeFirst();
    if (!confirmed) throw new AppError(409, 'calendar.alreadyConfirmed', [], { year });
    const explicit = await trx.selectFrom('calendar_days').select(['date', 'working', 'note']).where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`).execute();
    const days = new Calendar(explicit).confirmationOf(year);
    const known = new Set(explicit.map((d) => d.date));
    const added = days.filter((d) => !known.has(d.date));
    if (added.length > 0)
      await trx
        .insertInto('calendar_days')
        .values(added)
        .onConflict((c) => c.doNothing())
        .execute();
    await appendEvent(trx, {
      appealId: null,
      organizationId: actor.organizationId,
      actor,
      at: now,
      kind: 'calendarYearConfirmed',
      changes: { year, added: added.map((d) => ({ date: d.date, working: d.working })) },
    });
  });
  await referenceChanged(ctx);
}

// ---------------------------------------------------------------------------------------------
// The term catalogue

export interface TermRuleInput extends TermRuleEdit {
  documentType: DocumentType;
  extendable?: boolean | undefined;
}

/** Sets the term and basis of a catalogue entry (a document type's default, subKind null, or a
 *  special-law sub-kind), or adds a sub-kind (with its label). Appeals registered from then on
 *  get the new term. */
export async function setTermRule(ctx: Context, actor: Actor, input: TermRuleInput): Promise<void> {
  requireAdmin(actor);
  const now = ctx.clock.now();
  const subKind = input.subKind ?? null;
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('term_rules')
      .selectAll()
      .where('document_type', '=', input.documentType)
      .where('sub_kind', '=', subKind ?? '')
      .forUpdate()
      .executeTakeFirst();
    fail(checkTermRule({ ...input, subKind }, !before));
    const row = {
      unit: input.term.unit,
      count: input.term.count,
      basis: input.basis.trim(),
      extendable: input.extendable ?? before?.extendable ?? false,
      label_kk: input.label?.kk.trim() ?? before!.label_kk,
      label_ru: input.label?.ru.trim() ?? before!.label_ru,
      label_en: input.label?.en.trim() ?? before!.label_en,
    };
    if (before) {
      await trx
        .updateTable('term_rules')
        .set(row)
        .where('document_type', '=', input.documentType)
        .where('sub_kind', '=', subKind ?? '')
        .execute();
    } else {
      await trx
        .insertInto('term_rules')
        .values({ document_type: input.documentType, sub_kind: subKind ?? '', ...row })
        .execute();
    }
    await appendEvent(trx, {
      appealId: null,
      organizationId: actor.organizationId,
      actor,
      at: now,
      kind: 'termRuleSet',
      changes: {
        documentType: input.documentType,
        subKind,
        before: before ? { unit: before.unit, count: before.count, basis: before.basis, extendable: before.extendable } : null,
        after: { unit: row.unit, count: row.count, basis: row.basis, extendable: row.extendable },
      },
    });
  });
  await referenceChanged(ctx);
}

// ---------------------------------------------------------------------------------------------
// Organizations

/** Sets an organization's working hours and/or time zone (null: the configured one applies).
 *  Registrations from then on count receipts by them. */
export async function setOrganizationHours(ctx: Context, actor: Actor, organizationId: number, edit: { workingHours?: WorkingHours | undefined; timeZone?: string | null | undefined }): Promise<void> {
  requireAdmin(actor);
  fail(checkOrganizationHours(edit));
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('organizations').select(['work_start', 'work_end', 'time_zone']).where('id', '=', organizationId).forUpdate().executeTakeFirst();
    if (!before) throw notFound();
    const after = {
      work_start: edit.workingHours?.start ?? before.work_start,
      work_end: edit.workingHours?.end ?? before.work_end,
      time_zone: edit.timeZone === undefined ? before.time_zone : edit.timeZone,
    };
    await trx.updateTable('organizations').set(after).where('id', '=', organizationId).execute();
    await appendEvent(trx, {
      appealId: null,
      organizationId,
      actor,
      at: now,
      kind: 'organizationHoursSet',
      changes: {
        before: { workingHours: { start: before.work_start, end: before.work_end }, timeZone: before.time_zone },
        after: { workingHours: { start: after.work_start, end: after.work_end }, timeZone: after.time_zone },
      },
    });
  });
  await referenceChanged(ctx);
}

// ---------------------------------------------------------------------------------------------
// Directories

/** Adds an entry to a directory that is not closed (CLOSED_DIRECTORIES); last in its order. */
export async function addDirectoryEntry(ctx: Context, actor: Actor, directory: DirectoryName, add: DirectoryEntryAdd): Promise<void> {
  requireAdmin(actor);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const entries = await trx.selectFrom('directory_entries').select(['code', 'parent_code', 'sort_order']).where('directory', '=', directory).execute();
    fail(
      checkDirectoryAdd(add, {
        closed: CLOSED_DIRECTORIES.includes(directory),
        exists: entries.some((e) => e.code === add.code),
        parents: new Set(entries.filter((e) => e.parent_code === null).map((e) => e.code)),
      }),
    );
    const label = { kk: add.label.kk.trim(), ru: add.label.ru.trim(), en: add.label.en.trim() };
    await trx
      .insertInto('directory_entries')
      .values({
        directory,
        code: add.code,
        parent_code: add.parentCode ?? null,
        label_kk: label.kk,
        label_ru: label.ru,
        label_en: label.en,
        sort_order: Math.max(0, ...entries.map((e) => e.sort_order)) + 1,
      })
      .execute();
    await appendEvent(trx, {
      appealId: null,
      organizationId: actor.organizationId,
      actor,
      at: now,
      kind: 'directoryEntryAdded',
      changes: { directory, code: add.code, parentCode: add.parentCode ?? null, label },
    });
  });
  await referenceChanged(ctx);
}

/** Relabels an entry (any language, any directory) and/or deactivates or reactivates it (not in a
 *  closed directory). An inactive code is refused on new cards; cards that have it keep it. */
export async function changeDirectoryEntry(ctx: Context, actor: Actor, directory: DirectoryName, code: string, change: { label?: Partial<Labels> | undefined; active?: boolean | undefined }): Promise<void> {
  requireAdmin(actor);
  fail(checkDirectoryChange(change, CLOSED_DIRECTORIES.includes(directory)));
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('directory_entries').select(['label_kk', 'label_ru', 'label_en', 'active']).where('directory', '=', directory).where('code', '=', code).forUpdate().executeTakeFirst();
    if (!before) throw notFound();
    const after = {
      label_kk: change.label?.kk?.trim() ?? before.label_kk,
      label_ru: change.label?.ru?.trim() ?? before.label_ru,
      label_en: change.label?.en?.trim() ?? before.label_en,
      active: change.active ?? before.active,
    };
    await trx.updateTable('directory_entries').set(after).where('directory', '=', directory).where('code', '=', code).execute();
    await appendEvent(trx, {
      appealId: null,
      organizationId: actor.organizationId,
      actor,
      at: now,
      kind: 'directoryEntryChanged',
      changes: {
        directory,
        code,
        before: { label: { kk: before.label_kk, ru: before.label_ru, en: before.label_en }, active: before.active },
        after: { label: { kk: after.label_kk, ru: after.label_ru, en: after.label_en }, active: after.active },
      },
    });
  });
  await referenceChanged(ctx);
}
