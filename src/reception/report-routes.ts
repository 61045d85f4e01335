// Routes of the quarterly report of reception offices (PR-46).
import type { Context } from '../context.ts';
import type { typed } from '../http/typebox.ts';
import { errorSchema } from '../intake/schemas.ts';
import { quarterlyReport, quarterlyReportXlsx } from './report.ts';
import { quarterQuery } from './schemas.ts';

const tags = ['reception'];
const int = { type: 'integer' } as const;
const reportSchema = {
  type: 'object',
  properties: {
    year: int,
    quarter: int,
    from: { type: 'string' },
    to: { type: 'string' },
    organization: { type: 'object', properties: { id: int, kk: { type: 'string' }, ru: { type: 'string' } } },
    addressee: { type: 'string', enum: ['governmentApparatus', 'presidentialAdministration'] },
    sessionsHeld: int,
    sessionsCancelled: int,
    videoSessions: int,
    received: int,
    outOfTurn: int,
    protocolLines: int,
    instructions: int,
    signUps: int,
    signUpsGivenSession: int,
    signUpsRefused: int,
    signUpsNotConsidered: int,
    surveyDrawn: int,
    surveyReached: int,
    satisfactionAverage: { type: ['number', 'null'] },
    byOfficial: { type: 'array', items: { type: 'object', properties: { officialId: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, sessions: int, received: int } } },
  },
} as const;

export async function reportRoutes(app: ReturnType<typeof typed>, ctx: Context): Promise<void> {
  app.get(
    '/reception/reports/quarterly',
    {
      schema: {
        tags,
        summary: 'The quarterly report of reception offices (PR-46): sessions, people received, out of turn, video, sign-ups and outcomes, instructions, satisfaction, by official; its addressee by the organization',
        querystring: quarterQuery,
        response: { 200: reportSchema, 400: errorSchema, 403: errorSchema, 422: errorSchema },
      },
    },
    async (req) => quarterlyReport(ctx, req.actor, req.query),
  );

  app.get(
    '/reception/reports/quarterly.xlsx',
    { schema: { tags, summary: 'The quarterly report as a spreadsheet (PR-46)', querystring: quarterQuery, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] } },
    async (req, reply) => {
      const report = await quarterlyReport(ctx, req.actor, req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="reception-${report.year}-Q${report.quarter}.xlsx"`)
        .send(await quarterlyReportXlsx(report));
    },
  );
}
