// Public routes of open data (EA-08) at /opendata/, Open311 GeoReport v2 at /open311/v2/ (JSON and
// XML) and the open statistics at /api/v1/public/statistics: no sign-in, rate-limited, aggregates
// and public columns only.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context.ts';
import { typed } from '../http/typebox.ts';
import { notFound } from '../errors.ts';
import { dataPackage, toCsv, toXml } from '../domain/open-data.ts';
import { currentYear, datasetNamed, datasetRows, discovery, openStatistics, requests, services } from './service.ts';

const yearQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }, { additionalProperties: false });
const requestsQuery = Type.Object(
  {
    service_request_id: Type.Optional(Type.String({ maxLength: 2000 })),
    service_code: Type.Optional(Type.String({ maxLength: 50 })),
    start_date: Type.Optional(Type.String({ format: 'date-time' })),
    end_date: Type.Optional(Type.String({ format: 'date-time' })),
    status: Type.Optional(Type.String({ enum: ['open', 'closed'] })),
  },
  { additionalProperties: false },
);
const fileParams = Type.Object({ file: Type.String({ maxLength: 100 }) });
const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const FORMATS = ['json', 'xml'] as const;
const config = (max: number) => ({ public: true, rateLimit: { max, timeWindow: '1 minute' } });

function send(reply: FastifyReply, format: 'json' | 'xml', root: string, item: string, rows: Record<string, unknown>[]) {
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(rows);
  return reply.type('text/xml; charset=utf-8').send(toXml(root, item, rows));
}

export async function openDataRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  const tags = ['open data'];

  app.get(
    '/opendata/datapackage.json',
    { config: config(120), schema: { tags, security: [], summary: 'The Frictionless Data Package descriptor of the open data (EA-08): datasets, fields, licence', querystring: yearQuery } },
    async (req) => {
      const year = req.query.year ?? currentYear(ctx);
      return dataPackage(year, ctx.clock.now().toISOString());
    },
  );

  app.get(
    '/opendata/:file',
    { config: config(120), schema: { tags, security: [], summary: 'A dataset the descriptor lists, as CSV or JSON; counts of 1–4 are empty', params: fileParams, querystring: yearQuery } },
    async (req, reply) => {
      const m = /^([a-z0-9-]+)\.(csv|json)$/.exec(req.params.file);
      const dataset = m ? datasetNamed(m[1]!) : undefined;
      if (!m || !dataset) throw notFound();
      const rows = await datasetRows(ctx, dataset, req.query.year ?? currentYear(ctx));
      reply.header('access-control-allow-origin', '*');
      if (m[2] === 'json') return reply.type('application/json; charset=utf-8').send(rows);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${dataset.name}.csv"`).send(toCsv(dataset, rows));
    },
  );

  app.get(
    '/api/v1/public/statistics',
    {
      config: config(120),
      schema: { tags, security: [], summary: 'Open statistics (issue 14 §5): the year to date by organization, from the same aggregates as 1-ТӨ, counts of 1–4 suppressed (null)', querystring: yearQuery },
    },
    async (req) => openStatistics(ctx, req.query.year ?? currentYear(ctx), req.lang),
  );

  for (const format of FORMATS) {
    app.get(`/open311/v2/discovery.${format}`, { config: config(120), schema: { tags, security: [], summary: 'Open311 discovery' } }, async (_req, reply) => {
      const d = discovery(ctx);
      if (format === 'json') return d;
      return reply.type('text/xml; charset=utf-8').send(
        toXml(
          'discovery',
          'endpoint',
          d.endpoints.map((e) => ({ ...e, formats: e.formats })),
        ),
      );
    });
    app.get(`/open311/v2/services.${format}`, { config: config(120), schema: { tags, security: [], summary: 'Open311 services: the issue categories' } }, async (req, reply) =>
      send(reply, format, 'services', 'service', await services(ctx, req.lang)),
    );
    app.get(
      `/open311/v2/requests.${format}`,
      {
        config: config(120),
        schema: { tags, security: [], summary: 'Open311 service requests: public fields only (status, category, organization, dates); the last 90 days by default, at most 1000', querystring: requestsQuery },
      },
      async (req, reply) => send(reply, format, 'service_requests', 'request', await requests(ctx, req.query, req.lang)),
    );
    app.get(
      `/open311/v2/requests/:id.${format}`,
      { config: config(120), schema: { tags, security: [], summary: 'One Open311 service request (an array of one, as the specification answers)', params: idParams } },
      async (req, reply) => {
        const rows = await requests(ctx, {}, req.lang, req.params.id);
        if (rows.length === 0) throw notFound();
        return send(reply, format, 'service_requests', 'request', rows);
      },
    );
  }
}
