import type { Selectable } from 'kysely';
import { timeZoneOf, type Context } from '../context.ts';
import { isWeekend, type Calendar } from '../domain/calendar.ts';
import type { TermRule } from '../domain/terms.ts';
import type { Language } from '../domain/vocabulary.ts';
import type { DirectoryEntriesTable, OrganizationsTable } from '../db/schema.ts';

export const organizationRefSchema = {
  type: 'object',
  properties: { id: { type: 'integer' }, code: { type: 'string' }, name: { type: 'string' } },
} as const;

export function localized(row: { label_kk: string; label_ru: string; label_en: string } | { name_kk: string; name_ru: string; name_en: string }, lang: Language): string {
  if ('label_kk' in row) return lang === 'ru' ? row.label_ru : lang === 'en' ? row.label_en : row.label_kk;
  return lang === 'ru' ? row.name_ru : lang === 'en' ? row.name_en : row.name_kk;
}

export function organizationRef(o: { id: number; code: string; name_kk: string; name_ru: string; name_en: string }, lang: Language) {
  return { id: o.id, code: o.code, name: localized(o, lang) };
}

const labelsSchema = {
  type: 'object',
  required: ['kk', 'ru', 'en'],
  properties: { kk: { type: 'string' }, ru: { type: 'string' }, en: { type: 'string' } },
} as const;

export const organizationSchema = {
  type: 'object',
  properties: {
    ...organizationRefSchema.properties,
    names: labelsSchema,
    parentId: { type: ['integer', 'null'] },
    kind: { type: 'string' },
    kato: { type: ['string', 'null'] },
    /** The time zone in force: its own, or the configured one. */
    timeZone: { type: 'string' },
    /** Its own time zone; null: the configured one (JOLDANYM_TIME_ZONE) applies. */
    ownTimeZone: { type: ['string', 'null'] },
    reportRow: { type: ['integer', 'null'] },
    workingHours: { type: 'object', properties: { start: { type: 'string' }, end: { type: 'string' } } },
  },
} as const;

export function presentOrganization(ctx: Pick<Context, 'config'>, o: Selectable<OrganizationsTable>, lang: Language) {
  return {
    id: o.id,
    code: o.code,
    name: localized(o, lang),
    names: { kk: o.name_kk, ru: o.name_ru, en: o.name_en },
    parentId: o.parent_id,
    kind: o.kind,
    kato: o.kato,
    timeZone: timeZoneOf(ctx, o),
    ownTimeZone: o.time_zone,
    reportRow: o.report_row,
    workingHours: { start: o.work_start, end: o.work_end },
  };
}

export const directoryEntrySchema = {
  type: 'object',
  required: ['code', 'label', 'labels', 'active'],
  properties: {
    code: { type: 'string' },
    label: { type: 'string' },
    labels: labelsSchema,
    parentCode: { type: ['string', 'null'] },
    /** An inactive entry is refused on new cards (listed only when asked for). */
    active: { type: 'boolean' },
  },
} as const;

export function presentDirectoryEntry(r: Selectable<DirectoryEntriesTable>, lang: Language) {
  return { code: r.code, label: localized(r, lang), labels: { kk: r.label_kk, ru: r.label_ru, en: r.label_en }, parentCode: r.parent_code, active: r.active };
}

export const termRuleSchema = {
  type: 'object',
  required: ['documentType', 'subKind', 'label', 'labels', 'term', 'extendable', 'basis'],
  properties: {
    documentType: { type: 'string' },
    /** null: the document type's default rule. */
    subKind: { type: ['string', 'null'] },
    label: { type: 'string' },
    labels: labelsSchema,
    term: {
      type: 'object',
      required: ['unit', 'count'],
      properties: { unit: { type: 'string', enum: ['workingDays', 'calendarDays', 'months'] }, count: { type: 'integer' } },
    },
    extendable: { type: 'boolean' },
    basis: { type: 'string' },
  },
} as const;

export function presentTermRule(r: TermRule, lang: Language) {
  return { documentType: r.documentType, subKind: r.subKind, label: r.label[lang], labels: r.label, term: r.term, extendable: r.extendable, basis: r.basis };
}

/** The days of a year that differ from the Monday–Friday week, and whether the year is provisional. */
export function presentCalendarYear(calendar: Calendar, year: number) {
  return {
    year,
    provisional: calendar.isProvisional(year),
    exceptions: calendar.yearDays(year).filter((d) => d.working === isWeekend(d.date)),
  };
}
