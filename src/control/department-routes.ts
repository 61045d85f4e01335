// Routes of the control department's own work and of the map of problems (issue 12): CD-19 map,
// CD-34 disciplinary proposals, CD-38 briefings, CD-04 signatories and documents, CD-18 the
// reference note on systemic problems. schema → use case (department.ts, content.ts).
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { IdParams, typed } from '../http/typebox.ts';
import { idempotencyHeaders } from '../http/idempotency.ts';
import { localized } from '../reference/present.ts';
import { problemMap } from './content.ts';
import * as department from './department.ts';
import { briefingBody, documentBody, outcomeBody, proposalBody, proposalsQuery, signatoryBody } from './department-schemas.ts';
import { periodQuery } from './schemas.ts';

const tags = ['control'];
const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const nullable = (type: 'string' | 'integer') => ({ type: [type, 'null'] }) as const;
const obj = <P extends Record<string, unknown>>(properties: P) => ({ type: 'object', required: Object.keys(properties), properties }) as const;
const list = <I>(items: I) => obj({ total: int, items: { type: 'array', items } });
const organization = obj({ id: int, code: str, name: str });

const mapSchema = obj({
  organization: obj({ id: int, kato: nullable('string'), name: str }),
  from: str,
  to: str,
  items: { type: 'array', items: obj({ territoryId: int, kato: nullable('string'), name: str, root: { type: 'boolean' }, appeals: int, open: int, overdue: int, systemic: int }) },
});
const proposalSchema = obj({
  id: str,
  organization,
  employeeId: nullable('string'),
  officialName: str,
  officialPosition: str,
  ground: str,
  instructionId: nullable('string'),
  dueDate: str,
  proposedBy: str,
  state: str,
  outcome: nullable('string'),
  penalty: nullable('string'),
  note: nullable('string'),
  decidedOn: nullable('string'),
});
const employeeSchema = obj({ id: str, fullName: str, position: str, organization });
const briefingsSchema = obj({
  held: { type: 'array', items: obj({ id: str, employee: employeeSchema, briefedOn: str, topic: str, conductedBy: str }) },
  notBriefed: { type: 'array', items: obj({ employee: employeeSchema, since: str }) },
});
const signatorySchema = obj({ id: str, userId: str, fullName: str, kind: str, validFrom: str, validTo: nullable('string'), designatedBy: str });
const documentSchema = obj({
  id: str,
  kind: str,
  addressee: str,
  from: str,
  to: str,
  createdBy: str,
  createdAt: str,
  signedBy: nullable('string'),
  signedAs: nullable('string'),
  signedAt: nullable('string'),
  sentAt: nullable('string'),
});
const orgOf = (r: { organization_id: number; code: string; name_kk: string; name_ru: string; name_en: string }, lang: 'kk' | 'ru' | 'en') => ({ id: r.organization_id, code: r.code, name: localized(r, lang) });

export async function departmentRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);

  app.get(
    '/control/map',
    { schema: { tags, summary: 'The map of problems (CD-19): by territory with its KATO code, appeals, open, term broken and systemic flags', querystring: periodQuery, response: { 200: mapSchema, 403: errorSchema } } },
    async (req) => problemMap(ctx, req.actor, req.query, req.lang),
  );

  app.post(
    '/control/disciplinary-proposals',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Propose disciplinary liability of an official for executing an instruction (CD-34)',
        headers: idempotencyHeaders,
        body: proposalBody,
        response: { 201: obj({ id: str, state: str }), 403: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await department.propose(ctx, req.actor, req.body)),
  );

  app.post(
    '/control/disciplinary-proposals/:id/outcome',
    {
      schema: {
        tags,
        summary: 'Record the outcome of a disciplinary proposal: the penalty imposed, or none (CD-34)',
        params: IdParams,
        body: outcomeBody,
        response: { 200: obj({ id: str, state: str }), 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req) => department.recordOutcome(ctx, req.actor, req.params.id, req.body),
  );

  app.get(
    '/control/disciplinary-proposals',
    { schema: { tags, summary: 'Disciplinary proposals of the bodies below, pending, overdue or decided (CD-34)', querystring: proposalsQuery, response: { 200: list(proposalSchema), 403: errorSchema } } },
    async (req) => {
      const items = (await department.proposals(ctx, req.actor, req.query.state)).map((p) => ({
        id: p.id,
        organization: orgOf(p, req.lang),
        employeeId: p.employee_id,
        officialName: p.official_name,
        officialPosition: p.official_position,
        ground: p.ground,
        instructionId: p.instruction_id,
        dueDate: p.due_date,
        proposedBy: p.proposed_by_name,
        state: p.state,
        outcome: p.outcome,
        penalty: p.penalty,
        note: p.outcome_note,
        decidedOn: p.decided_on,
      }));
      return { items, total: items.length };
    },
  );

  app.post(
    '/control/briefings',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Record the briefing of a new employee on the law on appeals (CD-38)',
        headers: idempotencyHeaders,
        body: briefingBody,
        response: { 201: obj({ id: str }), 403: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await department.recordBriefing(ctx, req.actor, req.body)),
  );

  app.get('/control/briefings', { schema: { tags, summary: 'Briefings held, and new employees of the bodies below not briefed yet (CD-38)', response: { 200: briefingsSchema, 403: errorSchema } } }, async (req) => {
    const { held, notBriefed } = await department.briefings(ctx, req.actor);
    return {
      held: held.map((b) => ({
        id: b.id,
        employee: { id: b.employee_id, fullName: b.full_name, position: b.position, organization: orgOf(b, req.lang) },
        briefedOn: b.briefed_on,
        topic: b.topic,
        conductedBy: b.conducted_by_name,
      })),
      notBriefed: notBriefed.map((u) => ({ employee: { id: u.id, fullName: u.full_name, position: u.position, organization: orgOf(u, req.lang) }, since: u.created_at.toISOString() })),
    };
  });

  app.get(
    '/control/signatories',
    {
      schema: {
        tags,
        summary: 'Who signs the department’s documents: its head and the substitutes with their dates (CD-04)',
        querystring: Type.Object({ organization: Type.Optional(Type.Integer({ minimum: 1 })) }),
        response: { 200: list(signatorySchema), 403: errorSchema },
      },
    },
    async (req) => {
      const items = await department.signatories(ctx, req.actor, req.query.organization);
      return { items, total: items.length };
    },
  );

  app.post(
    '/control/signatories',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Designate the department’s head (administrator) or a substitute for dates (the head or administrator) (CD-04)',
        headers: idempotencyHeaders,
        body: signatoryBody,
        response: { 201: obj({ id: str }), 403: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await department.designate(ctx, req.actor, req.body)),
  );

  app.post(
    '/control/documents',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Compose the reference note on systemic problems for the akim (CD-18), to be signed (CD-04)',
        headers: idempotencyHeaders,
        body: documentBody,
        response: { 201: obj({ id: str, kind: str, from: str, to: str, items: int, signed: { type: 'boolean' } }), 403: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await department.createDocument(ctx, req.actor, req.body)),
  );

  app.get('/control/documents', { schema: { tags, summary: 'The department’s documents, signed and sent or not (CD-04)', response: { 200: list(documentSchema), 403: errorSchema } } }, async (req) => {
    const items = (await department.documents(ctx, req.actor)).map((d) => ({
      id: d.id,
      kind: d.kind,
      addressee: d.addressee,
      from: d.period_from,
      to: d.period_to,
      createdBy: d.created_by_name,
      createdAt: d.created_at.toISOString(),
      signedBy: d.signed_by_name,
      signedAs: d.signed_as,
      signedAt: d.signed_at?.toISOString() ?? null,
      sentAt: d.sent_at?.toISOString() ?? null,
    }));
    return { items, total: items.length };
  });

  app.get('/control/documents/:id/pdf', { schema: { tags, summary: 'The document as PDF (the reference note on systemic problems, CD-18)', params: IdParams, produces: ['application/pdf'] } }, async (req, reply) =>
    reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="systemic-problems-${req.params.id}.pdf"`)
      .send(await department.documentPdf(ctx, req.actor, req.params.id)),
  );

  app.post(
    '/control/documents/:id/sign',
    {
      schema: {
        tags,
        summary: 'Sign the document: only the department’s head or the substitute designated for the day (CD-04)',
        params: IdParams,
        response: { 200: obj({ id: str, signedBy: str, signedAs: str, signedAt: str }), 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (req) => department.signDocument(ctx, req.actor, req.params.id),
  );

  app.post(
    '/control/documents/:id/send',
    {
      schema: {
        tags,
        summary: 'Send the signed document to its addressee; an unsigned one is refused (CD-04)',
        params: IdParams,
        response: { 200: obj({ id: str, sentAt: str }), 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (req) => department.sendDocument(ctx, req.actor, req.params.id),
  );
}
