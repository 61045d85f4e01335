// Quality of answers (CD-09, CD-10): the checklist the controller reviews an answer with, kept as
// data (each criterion with its source), and the verdict. A poor answer is returned for rework.
import type { Labels } from './vocabulary.ts';

export interface QualityCriterion {
  code: string;
  label: Labels;
  basis: string;
}

const c = (code: string, kk: string, ru: string, en: string, basis: string): QualityCriterion => ({ code, label: { kk, ru, en }, basis });

/** The shipped checklist (Decree 560/2020, Annex 2, p.5(4); APPC Art. 76, 80; Law on languages Art. 11). */
export const QUALITY_CHECKLIST: readonly QualityCriterion[] = [
  c('onTheMerits', 'Мәні бойынша жауап берілді', 'Ответ дан по существу', 'Answered on the merits', 'APPC Art. 80: the act decides the matter raised'),
  c('everyQuestion', 'Жолданымның әр сұрағына жауап берілді', 'Дан ответ на каждый вопрос обращения', 'Every question of the appeal answered', 'APPC Art. 76 p.1; CD-09'),
  c('legalBasis', 'Құқықтық негізі көрсетілді', 'Указано правовое основание', 'Legal basis cited', 'APPC Art. 80 p.3: the act states its grounds'),
  c('language', 'Жолданым тілінде жауап берілді', 'Ответ на языке обращения', 'In the language of the appeal', 'Law on languages Art. 11'),
  c('termKept', 'Мерзім сақталды', 'Срок соблюдён', 'Term kept', 'APPC Art. 76'),
  c('measuresTaken', 'Шаралар нақты қабылданды', 'Меры реально приняты', 'Measures actually taken', 'Decree 560/2020, Annex 2, p.5(4): measures on appeals under the akim’s control'),
  c('notFormal', 'Формалды жауап емес', 'Не формальная отписка', 'Not a "formal reply"', 'CD-09'),
];

export const QUALITY_VERDICTS = ['good', 'poor'] as const;
export type QualityVerdict = (typeof QUALITY_VERDICTS)[number];

/** The score (criteria kept, in per cent) and the verdict: good only when every criterion is kept. */
export function qualityVerdict(checks: Record<string, boolean>): { score: number; verdict: QualityVerdict; missing: string[] } {
  const missing = QUALITY_CHECKLIST.filter((q) => checks[q.code] === undefined).map((q) => q.code);
  const kept = QUALITY_CHECKLIST.filter((q) => checks[q.code] === true).length;
  const score = Math.round((kept * 100) / QUALITY_CHECKLIST.length);
  return { score, verdict: kept === QUALITY_CHECKLIST.length ? 'good' : 'poor', missing };
}

/** The sample of answers not under control the controller reviews too: a stable share of them,
 *  chosen by the appeal's id (so the same ones stay in the sample). */
export const QUALITY_SAMPLE_PERCENT = 10;
export function inQualitySample(appealId: string): boolean {
  const n = Number.parseInt(appealId.replace(/-/g, '').slice(-6), 16);
  return n % 100 < QUALITY_SAMPLE_PERCENT;
}
