// EA-06 (e-akimat rows 608/396: "… reports to the akim"): the report on the violations detected in
// a period, by rule and organization, each with its legal basis, the responsible employee, the
// appeal and the explanations asked and given. PDF, kk/ru headings; the register as the detectors left it.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { renderPdf } from '../pdf/render.ts';
import { VIOLATION_RULES, type ViolationKind } from '../domain/violations.ts';
import { violations } from './service.ts';
import type { ViolationsQuery } from './schemas.ts';

export async function violationsReportPdf(ctx: Context, actor: Actor, q: ViolationsQuery & { from: string; to: string }): Promise<Buffer> {
  const { rows, total, totalCapped } = await violations(ctx, actor, q);
  const byKind = new Map<string, typeof rows>();
  for (const r of rows) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  const title = 'Анықталған бұзушылықтар туралы әкімге баяндама / Доклад акиму о выявленных нарушениях';
  const content: Content[] = [
    { text: title, bold: true, fontSize: 12, margin: [0, 0, 0, 4] },
    {
      text: `${q.from} — ${q.to}. Барлығы / Всего: ${total}${totalCapped ? '+' : ''}${rows.length < total ? ` (соңғы / последние ${rows.length})` : ''}`,
      margin: [0, 0, 0, 10],
    },
  ];
  for (const [kind, list] of byKind) {
    const rule = VIOLATION_RULES[kind as ViolationKind];
    content.push({ text: `${rule?.rule.kk ?? kind} / ${rule?.rule.ru ?? kind}: ${list.length}`, bold: true, margin: [0, 8, 0, 2] });
    content.push({ text: rule?.basis ?? '', italics: true, fontSize: 8, margin: [0, 0, 0, 4] });
    const body: TableCell[][] = [
      ['Ұйым / Организация', 'Жауапты / Ответственный', 'Жолданым / Обращение', 'Анықталды / Выявлено', 'Түсініктеме / Объяснение'].map((h) => ({ text: h, bold: true })),
      ...list.map((v) => {
        const explanations = JSON.parse(v.explanations ?? '[]') as { form: string; dueDate: string; explanation: string | null }[];
        return [
          v.name_kk,
          v.employee_name ?? '',
          v.registration_number ?? '',
          v.detected_at.toISOString().slice(0, 10),
          explanations.map((x) => `${x.form} ${x.dueDate}${x.explanation ? `: ${x.explanation}` : ''}`).join('\n'),
        ];
      }),
    ];
    content.push({ table: { headerRows: 1, widths: [120, 90, 90, 60, '*'], body }, fontSize: 8 });
  }
  return renderPdf({ pageOrientation: 'landscape', pageSize: 'A4', content, info: { title, creationDate: ctx.clock.now() } });
}
