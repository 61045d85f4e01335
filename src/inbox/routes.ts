// Routes of the staff inbox (issue 10, item 13): every signed-in user's own notices (nobody
// else's: the user's id is in every statement), marking them read, and whether they also come
// by e-mail.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context.ts';
import { errorSchema } from '../intake/schemas.ts';
import { INBOX_KINDS, inboxText, type InboxKind, type InboxParams } from '../domain/inbox.ts';
import { typed, WithDefaults } from '../http/typebox.ts';
import { chooseEmail } from './service.ts';
import { emailPreference, inboxOf, markRead } from './store.ts';

const inboxQuery = WithDefaults(
  Type.Object(
    {
      unread: Type.Optional(Type.Boolean()),
      limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
      offset: Type.Integer({ minimum: 0, default: 0 }),
    },
    { additionalProperties: false },
  ),
);
const readBody = Type.Object({ ids: Type.Union([Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 100 }), Type.Literal('all')]) }, { additionalProperties: false });
const settings = Type.Object({ email: Type.Boolean() }, { additionalProperties: false });

const str = { type: 'string' } as const;
const item = {
  type: 'object',
  required: ['id', 'kind', 'appealId', 'registrationNumber', 'text', 'createdAt', 'readAt'],
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string', enum: [...INBOX_KINDS] },
    appealId: { type: ['string', 'null'] },
    registrationNumber: str,
    text: str,
    createdAt: str,
    readAt: { type: ['string', 'null'] },
  },
} as const;

export async function inboxRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  const app = typed(server);
  app.get(
    '/inbox',
    {
      schema: {
        tags: ['inbox'],
        summary: 'My notices, newest first: assignments, drafts to approve, returns, terms ending, overdue appeals; and how many are unread',
        querystring: inboxQuery,
        response: { 200: { type: 'object', required: ['items', 'total', 'unread'], properties: { items: { type: 'array', items: item }, total: { type: 'integer' }, unread: { type: 'integer' } } } },
      },
    },
    async (req) => {
      const { rows, total, unread } = await inboxOf(ctx.db, req.actor.id, req.query);
      const lang = req.lang as 'kk' | 'ru' | 'en';
      const items = rows.map((r) => {
        const params = r.params as unknown as InboxParams;
        return {
          id: r.id,
          kind: r.kind,
          appealId: r.appeal_id,
          registrationNumber: params.registrationNumber,
          text: inboxText(r.kind as InboxKind, params, lang),
          createdAt: r.created_at.toISOString(),
          readAt: r.read_at?.toISOString() ?? null,
        };
      });
      return { items, total, unread };
    },
  );
  app.post(
    '/inbox/read',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Mark my notices read: the ones named, or all',
        body: readBody,
        response: { 200: { type: 'object', required: ['marked'], properties: { marked: { type: 'integer' } } }, 400: errorSchema },
      },
    },
    async (req) => ({ marked: await markRead(ctx.db, req.actor.id, req.body.ids, ctx.clock.now()) }),
  );
  app.get('/inbox/settings', { schema: { tags: ['inbox'], summary: 'Whether my notices also come by e-mail', response: { 200: settings } } }, async (req) => ({ email: await emailPreference(ctx.db, req.actor.id) }));
  app.put('/inbox/settings', { schema: { tags: ['inbox'], summary: 'Choose whether my notices also come by e-mail', body: settings, response: { 200: settings, 400: errorSchema } } }, async (req) => {
    await chooseEmail(ctx, req.actor, req.body.email);
    return { email: req.body.email };
  });
}
