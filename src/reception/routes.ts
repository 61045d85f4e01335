// Routes of personal reception: officials, sessions, schedules and their approval, restrictive
// regimes, compliance (PR-13, CD-17), sign-up appeals, and the public schedule (PR-17).
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { IdParams, typed } from '../http/typebox.ts';
import { idempotencyHeaders } from '../http/idempotency.ts';
import { appealSchema, errorSchema } from '../intake/schemas.ts';
import { appealCard } from '../intake/read.ts';
import { presentAppeal } from '../intake/present.ts';
import { addOfficial, approvalText, approveSchedule, cancelSession, compliance, createSession, officials, publicSchedule, recordRestriction, schedule, schedulePoster, sessionInScope, sessions } from './sessions.ts';
import { extendSignUp, recordReferenceNote, registerSignUp, scheduleSignUp, signUpsOfSession, unscheduledSignUps } from './sign-ups.ts';
import { approvalBody, cancelBody, extensionBody, monthQuery, officialBody, periodQuery, posterQuery, referenceNoteBody, restrictionBody, scheduleSignUpBody, sessionBody, signUpBody } from './schemas.ts';
import { list, officialSchema, presentOfficial, presentPublicSession, presentSession, presentSignUp, publicLanguage, publicSessionSchema, sessionSchema, signUpSchema } from './present.ts';
import { receptionDayRoutes } from './day-routes.ts';
import { signUpOutcomeRoutes } from './outcome-routes.ts';
import { surveyRoutes } from './survey-routes.ts';
import { reportRoutes } from './report-routes.ts';

const tags = ['reception'];
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const idOnly = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } as const;

export async function receptionRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);

  app.get(
    '/public/reception/schedule',
    {
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'The public reception schedule (no sign-in, PR-17): planned sessions of an organization and those below it, names in Kazakh or Russian by Accept-Language; nothing personal (PR-32)',
        querystring: periodQuery,
        response: { 200: list(publicSessionSchema), 400: errorSchema },
      },
    },
    async (req) => {
      const lang = publicLanguage(req.lang);
      return { items: (await publicSchedule(ctx, req.query)).map((r) => presentPublicSession(r.session, lang, r.approved)) };
    },
  );

  app.get(
    '/public/reception/schedule/poster.pdf',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: "The printable poster of an organization's schedule for a month (PR-16, PR-17): the approval block, the Annex title and its six columns, in Kazakh and Russian; no sign-in",
        querystring: posterQuery,
        produces: ['application/pdf'],
        response: { 400: errorSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const pdf = await schedulePoster(ctx, req.query.organization, req.query.month);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="reception-${req.query.month}.pdf"`).send(pdf);
    },
  );

  app.post(
    '/reception/officials',
    { config: { idempotent: true }, schema: { tags, summary: 'Add a receiving official of one of the six kinds of PR-02', headers: idempotencyHeaders, body: officialBody, response: { 201: officialSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(presentOfficial(await addOfficial(ctx, req.actor, req.body))),
  );

  app.get('/reception/officials', { schema: { tags, summary: 'The receiving officials of my organizations', querystring: periodQuery, response: { 200: list(officialSchema), 403: errorSchema } } }, async (req) => ({
    items: (await officials(ctx, req.actor, req.query.organization)).map(presentOfficial),
  }));

  app.post(
    '/reception/sessions',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags,
        summary: 'Plan a reception session: occasion (PR-14, PR-18 with its instruction, CD-15 visiting), format (video only for kinds 1–2, PR-22; only video under a restrictive regime, PR-23)',
        body: sessionBody,
        response: { 201: sessionSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(presentSession(await createSession(ctx, req.actor, req.body))),
  );

  app.get('/reception/sessions', { schema: { tags, summary: 'Sessions of my organizations in a period', querystring: periodQuery, response: { 200: list(sessionSchema), 403: errorSchema } } }, async (req) => ({
    items: (await sessions(ctx, req.actor, req.query)).map(presentSession),
  }));

  app.get('/reception/sessions/:id', { schema: { tags, summary: 'A session', params: IdParams, response: { 200: sessionSchema, 403: errorSchema, 404: errorSchema } } }, async (req) =>
    presentSession(await sessionInScope(ctx, req.actor, req.params.id)),
  );

  app.post(
    '/reception/sessions/:id/cancel',
    {
      schema: {
        tags,
        summary: "The official's cancellation (PR-24): late when notified after the date − 2 WD and before the day; every signed-up applicant told, the next session offered",
        params: IdParams,
        body: cancelBody,
        response: {
          200: { type: 'object', required: ['late', 'notified', 'nextSessionId'], properties: { late: { type: 'boolean' }, notified: { type: 'integer' }, nextSessionId: { type: ['string', 'null'] } } },
          ...errors,
        },
      },
    },
    async (req) => cancelSession(ctx, req.actor, req.params.id, req.body),
  );

  const approvalSchema = {
    type: ['object', 'null'],
    required: ['approvedBy', 'position', 'approvedAt', 'signed'],
    properties: { approvedBy: { type: 'string' }, position: { type: 'string' }, approvedAt: { type: 'string' }, signed: { type: 'boolean' } },
  } as const;
  const presentApproval = (a: { approved_by_name: string; approved_by_position: string; approved_at: Date | string; signature: string | null } | undefined) =>
    a ? { approvedBy: a.approved_by_name, position: a.approved_by_position, approvedAt: new Date(a.approved_at).toISOString(), signed: a.signature !== null } : null;

  app.get(
    '/reception/schedule',
    {
      schema: {
        tags,
        summary: "An organization's schedule for a month (PR-16): its planned sessions and its approval",
        querystring: monthQuery,
        response: {
          200: {
            type: 'object',
            required: ['month', 'organizationId', 'items', 'approval'],
            properties: { month: { type: 'string' }, organizationId: { type: 'integer' }, items: { type: 'array', items: sessionSchema }, approval: approvalSchema },
          },
          ...errors,
        },
      },
    },
    async (req) => {
      const s = await schedule(ctx, req.actor, req.query.month, req.query.organization);
      return { month: s.month, organizationId: s.organization.id, items: s.items.map(presentSession), approval: presentApproval(s.approval) };
    },
  );

  app.get(
    '/reception/schedule/approval-text',
    {
      schema: {
        tags,
        summary: "The exact text a head signs to approve the month's schedule with an EDS (PR-16): the organization, the month, each planned session",
        querystring: monthQuery,
        response: { 200: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } }, ...errors },
      },
    },
    async (req) => ({ text: await approvalText(ctx, req.actor, req.query.month, req.query.organization) }),
  );

  app.post(
    '/reception/schedule/approval',
    { schema: { tags, summary: "The head approves the month's schedule (PR-15, PR-16): who, when, the signature", body: approvalBody, response: { 201: approvalSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(presentApproval(await approveSchedule(ctx, req.actor, req.body))),
  );

  app.post(
    '/reception/restrictions',
    {
      config: { idempotent: true },
      schema: { tags, summary: 'Record a restrictive regime (PR-23): receptions only by video meanwhile', headers: idempotencyHeaders, body: restrictionBody, response: { 201: idOnly, ...errors } },
    },
    async (req, reply) => reply.status(201).send({ id: await recordRestriction(ctx, req.actor, req.body) }),
  );

  const complianceSchema = {
    type: 'object',
    required: ['month', 'missing', 'organizations'],
    properties: {
      month: { type: 'string' },
      missing: { type: 'array', items: officialSchema },
      organizations: {
        type: 'array',
        items: {
          type: 'object',
          required: ['organizationId', 'name', 'officials', 'withoutSession'],
          properties: {
            organizationId: { type: 'integer' },
            name: { type: 'object', properties: { kk: { type: 'string' }, ru: { type: 'string' } } },
            officials: { type: 'integer' },
            withoutSession: { type: 'integer' },
          },
        },
      },
    },
  } as const;
  app.get(
    '/reception/compliance',
    {
      schema: {
        tags,
        summary: 'The officials with no session in a month (PR-13, PR-15), per organization; for the control department over the districts (CD-17)',
        querystring: monthQuery,
        response: { 200: complianceSchema, ...errors },
      },
    },
    async (req) => {
      const c = await compliance(ctx, req.actor, req.query.month, req.query.organization);
      return {
        month: c.month,
        missing: c.missing.map(presentOfficial),
        organizations: c.organizations.map((o) => ({ organizationId: o.organizationId, name: { kk: o.kk, ru: o.ru }, officials: o.officials, withoutSession: o.withoutSession })),
      };
    },
  );

  app.post(
    '/reception/sign-ups',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags,
        summary:
          'Register a sign-up for personal reception (PR-05, PR-06): an appeal registered by the registration use case under the sign-up term (15 WD, PR-36), answered with the appeal (registrationNumber, dueDate = registration date + 15 WD); reception: the official or question it is for',
        body: signUpBody,
        response: { 201: appealSchema, ...errors },
      },
    },
    async (req, reply) => {
      const id = await registerSignUp(ctx, req.actor, req.body);
      return reply.status(201).send(presentAppeal(await appealCard(ctx, req.actor, id), req.lang));
    },
  );

  app.get('/reception/sign-ups', { schema: { tags, summary: 'Sign-ups of my organizations waiting for a session, oldest first', response: { 200: list(signUpSchema), 403: errorSchema } } }, async (req) => ({
    items: (await unscheduledSignUps(ctx, req.actor)).map(presentSignUp),
  }));

  app.get(
    '/reception/sessions/:id/sign-ups',
    { schema: { tags, summary: 'The list of persons of a session in queue order (PR-34, PR-35)', params: IdParams, response: { 200: list(signUpSchema), 403: errorSchema, 404: errorSchema } } },
    async (req) => ({ items: (await signUpsOfSession(ctx, req.actor, req.params.id)).map(presentSignUp) }),
  );

  app.post(
    '/reception/sign-ups/:id/session',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags,
        summary: 'Give a sign-up a session (PR-35, PR-36): the applicant is told the date, time and place or meeting link; the reference note falls due 5 WD before (PR-33); video needs consent (PR-22)',
        params: IdParams,
        body: scheduleSignUpBody,
        response: { 200: { type: 'object', required: ['date', 'time'], properties: { date: { type: 'string' }, time: { type: 'string' }, videoUrl: { type: ['string', 'null'] } } }, ...errors },
      },
    },
    async (req) => {
      const { slot } = await scheduleSignUp(ctx, req.actor, req.params.id, req.body.sessionId);
      return { date: slot.date, time: slot.time, videoUrl: slot.videoUrl };
    },
  );

  app.post(
    '/reception/sign-ups/:id/reference-note',
    { schema: { tags, summary: 'The reference note with a proposal, a date or a refusal (PR-33)', params: IdParams, body: referenceNoteBody, response: { 204: { type: 'null' }, ...errors } } },
    async (req, reply) => {
      await recordReferenceNote(ctx, req.actor, req.params.id, req.body);
      return reply.status(204).send();
    },
  );

  app.post(
    '/reception/sign-ups/:id/extension',
    {
      schema: {
        tags,
        summary: "Extend a sign-up's review: by letter to 30 CD (PR-37), by the head's reasoned decision to 2 months (PR-38); the applicant told",
        params: IdParams,
        body: extensionBody,
        response: { 200: { type: 'object', required: ['dueDate'], properties: { dueDate: { type: 'string' } } }, ...errors },
      },
    },
    async (req) => ({ dueDate: (await extendSignUp(ctx, req.actor, req.params.id, req.body)).appeal.due_date }),
  );

  await receptionDayRoutes(app, ctx);
  await signUpOutcomeRoutes(app, ctx);
  await surveyRoutes(app, ctx);
  await reportRoutes(app, ctx);
}
