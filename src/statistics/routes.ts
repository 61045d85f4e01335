// Routes of the 1-ТӨ report: thin — schema → use case (report.ts) → presenter.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { FORM1_RULES } from '../domain/form1.ts';
import { FORM1_LAYOUT } from './form1-layout.ts';
import { cellAppeals, formDueReportsNow, formSnapshot, form1Report, listSnapshots, presentForm1, signSnapshot, snapshotDiff, snapshotOf, snapshotSignature } from './report.ts';
import { form1PdfOffThread, form1Xlsx } from './render.ts';
import { signInputBody } from '../letters/schemas.ts';
import { cellQuery, cellSchema, form1Schema, layoutSchema, periodFilterQuery, reportQuery, snapshotDiffSchema, snapshotListSchema, snapshotSignedSchema } from './schemas.ts';
import { IdParams, typed } from '../http/typebox.ts';
import { idempotencyHeaders } from '../http/idempotency.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function fileName(q: { year: number; month: number }, ext: string) {
  return `1-TO_${q.year}-${String(q.month).padStart(2, '0')}.${ext}`;
}

export async function statisticsRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.get(
    '/reports/form1',
    {
      schema: {
        tags: ['statistics'],
        summary: 'The report 1-ТӨ for a period (cumulative from 1 January to the end of the month), from the aggregates',
        description:
          'Rows: the report rows (row 1 the total of the groups), or with `organization` that organization (total, own appeals, each child). ' +
          'Counts what the user sees: the statistics authority its territory, heads and control departments the organizations below their own.',
        querystring: reportQuery,
        response: { 200: form1Schema, 400: errorSchema, 403: errorSchema, 422: errorSchema },
      },
    },
    async (req) => presentForm1(await form1Report(ctx, req.actor, req.query.year, req.query.month, req.query.organization), req.lang),
  );

  app.get('/reports/form1.xlsx', { schema: { tags: ['statistics'], summary: 'The report 1-ТӨ as a spreadsheet (the printed layout, kk/ru headings)', querystring: reportQuery, produces: [XLSX] } }, async (req, reply) => {
    const data = await form1Report(ctx, req.actor, req.query.year, req.query.month, req.query.organization);
    const xlsx = await form1Xlsx(data, ctx.clock.now());
    return reply
      .type(XLSX)
      .header('content-disposition', `attachment; filename="${fileName(req.query, 'xlsx')}"`)
      .send(xlsx);
  });

  app.get('/reports/form1.pdf', { schema: { tags: ['statistics'], summary: 'The report 1-ТӨ as PDF (landscape, Kazakh headings)', querystring: reportQuery, produces: ['application/pdf'] } }, async (req, reply) => {
    const data = await form1Report(ctx, req.actor, req.query.year, req.query.month, req.query.organization);
    const pdf = await form1PdfOffThread(data, ctx.clock.now());
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${fileName(req.query, 'pdf')}"`)
      .send(pdf);
  });

  app.get(
    '/reports/form1/cell',
    {
      schema: {
        tags: ['statistics'],
        summary: 'The appeals behind a cell of the report: found by the same rules, so their total equals the cell',
        querystring: cellQuery,
        response: { 200: cellSchema, 400: errorSchema, 403: errorSchema, 422: errorSchema },
      },
    },
    async (req) => cellAppeals(ctx, req.actor, req.query),
  );

  app.get('/reports/form1/layout', { schema: { tags: ['statistics'], summary: 'The layout of 1-ТӨ: sections, tables, columns and the rule behind each column', response: { 200: layoutSchema } } }, async (req) => {
    const lang = req.lang as 'kk' | 'ru' | 'en';
    return {
      sections: FORM1_LAYOUT.map((s) => ({
        id: s.id,
        title: s.title[lang],
        tables: s.tables.map((t) => ({
          id: t.id,
          title: t.title[lang],
          documentTypes: t.documentTypes,
          columns: t.columns.map((c) => ({ n: c.n, key: c.key, title: c.title, kind: c.kind, rule: c.rule, definition: FORM1_RULES[c.rule]!.doc, group: c.group ?? null })),
        })),
      })),
    };
  });

  app.post(
    '/reports/form1/snapshots',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags: ['statistics'],
        summary: 'Form the report for a period now: an immutable snapshot to sign',
        body: reportQuery,
        response: { 201: form1Schema, 400: errorSchema, 403: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const id = await formSnapshot(ctx, req.actor, req.body.year, req.body.month, req.body.organization);
      const row = await snapshotOf(ctx, req.actor, id);
      return reply.status(201).send(presentForm1(row.data, req.lang, snapshotMeta(row, null)));
    },
  );

  app.post('/reports/form1/formation', { schema: { tags: ['statistics'], summary: 'Form the reports that are due (the server does it hourly): statistics authority or administrator' } }, async (req) => {
    const formed = await formDueReportsNow(ctx, req.actor);
    return { formed: formed.map((f) => ({ id: f.id, year: f.year, month: f.month })) };
  });

  app.get(
    '/reports/form1/snapshots',
    {
      schema: {
        tags: ['statistics'],
        summary: 'Formed reports the user may see',
        querystring: periodFilterQuery,
        response: { 200: snapshotListSchema },
      },
    },
    async (req) => {
      const rows = await listSnapshots(ctx, req.actor, req.query.year, req.query.month);
      return {
        items: rows.map((r) => ({
          id: r.id,
          year: r.year,
          month: r.month,
          kind: r.kind,
          formedAt: r.formed_at.toISOString(),
          formedBy: r.formed_by_name,
          sha256: r.sha256,
          signed: r.signed_at !== null,
          signerName: r.signer_name,
          signedAt: r.signed_at?.toISOString() ?? null,
        })),
        total: rows.length,
      };
    },
  );

  app.get('/reports/form1/snapshots/:id', { schema: { tags: ['statistics'], summary: 'A formed report, as formed, with its signature checked now', params: IdParams, response: { 200: form1Schema } } }, async (req) => {
    const row = await snapshotOf(ctx, req.actor, req.params.id);
    return presentForm1(row.data, req.lang, snapshotMeta(row, await snapshotSignature(ctx, row)));
  });

  app.get('/reports/form1/snapshots/:id.xlsx', { schema: { tags: ['statistics'], summary: 'A formed report as a spreadsheet', params: IdParams, produces: [XLSX] } }, async (req, reply) => {
    const row = await snapshotOf(ctx, req.actor, req.params.id);
    return reply
      .type(XLSX)
      .header('content-disposition', `attachment; filename="${fileName(row, 'xlsx')}"`)
      .send(await form1Xlsx(row.data, row.formed_at));
  });

  app.get('/reports/form1/snapshots/:id.pdf', { schema: { tags: ['statistics'], summary: 'A formed report as PDF, with its signer', params: IdParams, produces: ['application/pdf'] } }, async (req, reply) => {
    const row = await snapshotOf(ctx, req.actor, req.params.id);
    const pdf = await form1PdfOffThread(row.data, row.formed_at, { signerName: row.signer_name, signedAt: row.signed_at?.toISOString() ?? null });
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${fileName(row, 'pdf')}"`)
      .send(pdf);
  });

  app.post(
    '/reports/form1/snapshots/:id/sign',
    {
      schema: {
        tags: ['statistics'],
        summary: 'Sign a formed report (the statistics authority, whose chair signs 1-ТӨ; an administrator acts as the authority): a PKCS#12 and its password, or a detached CMS',
        params: IdParams,
        body: signInputBody,
        response: { 200: snapshotSignedSchema, 403: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req) => {
      await signSnapshot(ctx, req.actor, req.params.id, req.body);
      const row = await snapshotOf(ctx, req.actor, req.params.id);
      return { id: row.id, signature: await snapshotSignature(ctx, row) };
    },
  );

  app.get(
    '/reports/form1/snapshots/:id/diff',
    { schema: { tags: ['statistics'], summary: 'The cells that changed since the report was formed (later corrections, late entries)', params: IdParams, response: { 200: snapshotDiffSchema } } },
    async (req) => snapshotDiff(ctx, req.actor, req.params.id),
  );
}

function snapshotMeta(row: Awaited<ReturnType<typeof snapshotOf>>, signature: Awaited<ReturnType<typeof snapshotSignature>>) {
  return {
    snapshot: {
      id: row.id,
      kind: row.kind,
      formedAt: row.formed_at.toISOString(),
      formedBy: row.formed_by_name,
      sha256: row.sha256,
      signature,
    },
  };
}
