import type { Language } from '../domain/vocabulary.ts';

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
