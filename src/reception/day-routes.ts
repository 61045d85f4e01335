// Routes of the reception day: the live queue (PR-19, PR-21), the hall screen with server-sent
// events, participants (PR-25, PR-26, PR-30) and the protocol (PR-31).
import { today as todayOf, type Context } from '../context.ts';
import { IdParams, type typed } from '../http/typebox.ts';
import { idempotencyHeaders } from '../http/idempotency.ts';
import { errorSchema } from '../intake/schemas.ts';
import { AppError } from '../errors.ts';
import { addParticipant, addProtocolLine, addToQueue, callNext, checkIn, finishEntry, hallState, onHallChange, participants, protocol, queue } from './queue.ts';
import { checkInBody, doneBody, EntryParams, participantBody, protocolLineBody, queueBody } from './schemas.ts';
import { hallSchema, list, presentEntry, presentLine, protocolLineSchema, queueEntrySchema } from './present.ts';

const tags = ['reception'];
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const idOnly = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } as const;

export async function receptionDayRoutes(app: ReturnType<typeof typed>, ctx: Context): Promise<void> {
  app.post(
    '/reception/sessions/:id/queue',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags,
        summary: 'An arrival joins the live queue (PR-19: identity seen, a representative’s authority; PR-21: out-of-turn category with the evidence seen); answers its ticket and its position in serving order',
        params: IdParams,
        body: queueBody,
        response: { 201: { type: 'object', required: ['id', 'ticket', 'position'], properties: { id: { type: 'string' }, ticket: { type: 'integer' }, position: { type: 'integer' } } }, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await addToQueue(ctx, req.actor, req.params.id, req.body)),
  );

  app.get(
    '/reception/sessions/:id/queue',
    {
      schema: {
        tags,
        summary: 'The live queue in serving order (PR-21): the one called, then every out-of-turn entry before every ordinary one, each class by arrival; and those done',
        params: IdParams,
        response: {
          200: { type: 'object', required: ['items', 'done'], properties: { items: { type: 'array', items: queueEntrySchema }, done: { type: 'array', items: queueEntrySchema } } },
          403: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (req) => {
      const q = await queue(ctx, req.actor, req.params.id);
      return { items: q.items.map(presentEntry), done: q.done.map(presentEntry) };
    },
  );

  app.post(
    '/reception/sessions/:id/queue/:entryId/check-in',
    { schema: { tags, summary: 'Identity document seen (PR-19); a representative also shows the authority document', params: EntryParams, body: checkInBody, response: { 204: { type: 'null' }, ...errors } } },
    async (req, reply) => {
      await checkIn(ctx, req.actor, req.params.id, req.params.entryId, req.body);
      return reply.status(204).send();
    },
  );

  app.post(
    '/reception/sessions/:id/call-next',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags,
        summary: 'Call the next checked-in visitor in serving order (the one called before is served); the hall screen shows the ticket',
        params: IdParams,
        response: { 200: { type: 'object', required: ['id', 'ticket', 'name'], properties: { id: { type: 'string' }, ticket: { type: 'integer' }, name: { type: 'string' } } }, ...errors },
      },
    },
    async (req) => callNext(ctx, req.actor, req.params.id),
  );

  app.post(
    '/reception/sessions/:id/queue/:entryId/done',
    { schema: { tags, summary: 'A visitor served, or absent when called', params: EntryParams, body: doneBody, response: { 204: { type: 'null' }, ...errors } } },
    async (req, reply) => {
      await finishEntry(ctx, req.actor, req.params.id, req.params.entryId, req.body.outcome);
      return reply.status(204).send();
    },
  );

  const hallConfig = { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } };
  /** Open hall-screen streams per address and session (a hall has a screen or two; more is someone holding sockets). */
  const hallStreams = new Map<string, number>();
  const HALL_STREAMS_PER_ADDRESS = 4;
  /** All open hall-screen streams of this server: each holds a socket. */
  const HALL_STREAMS_IN_ALL = 500;
  let openHallStreams = 0;
  app.get(
    '/public/reception/sessions/:id/hall',
    { config: hallConfig, schema: { tags, summary: 'The hall screen (no sign-in): the ticket called and those waiting, never a name (PR-32)', params: IdParams, response: { 200: hallSchema, 404: errorSchema } } },
    async (req) => hallState(ctx, req.params.id),
  );

  app.get(
    '/public/reception/sessions/:id/hall/events',
    {
      config: hallConfig,
      schema: { tags, summary: 'The hall screen as server-sent events: the state at once, then after every change of the queue (text/event-stream)', params: IdParams, response: { 404: errorSchema } },
    },
    async (req, reply) => {
      const id = req.params.id;
      const first = await hallState(ctx, id);
      // The rate limit counts requests, not open streams: an address holds a few streams of a
      // session (behind a proxy without trustProxy every address is the proxy's: per session, then)
      const slot = `${req.ip}|${id}`;
      const held = hallStreams.get(slot) ?? 0;
      if (held >= HALL_STREAMS_PER_ADDRESS || openHallStreams >= HALL_STREAMS_IN_ALL) throw new AppError(429, 'rateLimited');
      hallStreams.set(slot, held + 1);
      openHallStreams++;
      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      out.write(`data: ${JSON.stringify(first)}\n\n`);
      const off = onHallChange(id, () => {
        hallState(ctx, id).then(
          (state) => out.write(`data: ${JSON.stringify(state)}\n\n`),
          () => out.end(),
        );
      });
      req.raw.on('close', () => {
        off();
        openHallStreams--;
        const left = (hallStreams.get(slot) ?? 1) - 1;
        if (left > 0) hallStreams.set(slot, left);
        else hallStreams.delete(slot);
      });
    },
  );

  app.post(
    '/reception/sessions/:id/participants',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags,
        summary: 'A participant of the reception: invited employee (PR-30), another body (PR-26), consultant or volunteer (PR-25)',
        params: IdParams,
        body: participantBody,
        response: { 201: idOnly, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await addParticipant(ctx, req.actor, req.params.id, req.body) }),
  );

  app.get(
    '/reception/sessions/:id/participants',
    {
      schema: {
        tags,
        summary: 'The participants of a session',
        params: IdParams,
        response: {
          200: list({
            type: 'object',
            required: ['id', 'kind', 'name', 'organization'],
            properties: { id: { type: 'string' }, kind: { type: 'string' }, name: { type: 'string' }, organization: { type: ['string', 'null'] } },
          }),
          403: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (req) => ({ items: (await participants(ctx, req.actor, req.params.id)).map((p) => ({ id: p.id, kind: p.kind, name: p.name, organization: p.organization })) }),
  );

  app.post(
    '/reception/sessions/:id/protocol',
    {
      config: { idempotent: true },
      schema: {
        headers: idempotencyHeaders,
        tags,
        summary:
          "A protocol line (PR-31): the decision on a visitor's question; an instruction (executor organization, due date) is created as an instruction under control (issuer receptionProtocol, the visitor's appeal linked: PR-40, PR-41)",
        params: IdParams,
        body: protocolLineBody,
        response: { 201: idOnly, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await addProtocolLine(ctx, req.actor, req.params.id, req.body) }),
  );

  app.get(
    '/reception/sessions/:id/protocol',
    {
      schema: {
        tags,
        summary: 'The protocol of a session, line by line; each instruction with its id and state (PR-41)',
        params: IdParams,
        response: { 200: { type: 'object', required: ['lines'], properties: { lines: { type: 'array', items: protocolLineSchema } } }, 403: errorSchema, 404: errorSchema },
      },
    },
    async (req) => ({ lines: (await protocol(ctx, req.actor, req.params.id)).lines.map((l) => presentLine(l, todayOf(ctx))) }),
  );
}
