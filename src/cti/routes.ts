// The telephone system's webhook (EA-10): POST /api/v1/cti/events, public but signed — the
// HMAC-SHA256 of the exact body with the shared secret in `X-Joldanym-Signature: sha256=<hex>`
// (src/cti/signature.ts). The signature is checked on the raw bytes before the body is even
// parsed: a bad one is refused with 401 and nothing is stored or logged.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { errorSchema } from '../intake/schemas.ts';
import { StringEnum, typed } from '../http/typebox.ts';
import { CTI_EVENTS, handleCtiEvent } from './service.ts';
import { SIGNATURE_HEADER, signatureValid } from './signature.ts';

const ctiEventBody = Type.Object(
  {
    event: StringEnum(CTI_EVENTS),
    callId: Type.String({ minLength: 1, maxLength: 200 }),
    callerPhone: Type.Optional(Type.String({ pattern: '^[+0-9 ()-]{0,20}$' })),
    operator: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);

export async function ctiRoutes(server: FastifyInstance, ctx: Context): Promise<void> {
  // A scope of its own: its JSON parser keeps the raw bytes for the signature.
  await server.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
      if (!signatureValid(ctx.config.cti.webhookSecret, body as Buffer, req.headers[SIGNATURE_HEADER])) return done(new AppError(401, 'cti.badSignature'), undefined);
      try {
        done(null, JSON.parse((body as Buffer).toString('utf8')));
      } catch {
        done(new AppError(400, 'body.invalidJson', [{ path: '/', code: 'body.invalidJson' }]), undefined);
      }
    });
    typed(scope).post(
      '/cti/events',
      {
        config: { public: true, rateLimit: { max: 1200, timeWindow: '1 minute' } },
        schema: {
          tags: ['contact centre'],
          summary:
            'An event of the telephone system (EA-10): ringing opens the contact of the call on the operator’s console (screen pop), answered and hangup mark its timing. Signed: X-Joldanym-Signature: sha256=<hex HMAC-SHA256 of the body with JOLDANYM_CTI_SECRET>; 401 otherwise',
          security: [],
          headers: Type.Object({ [SIGNATURE_HEADER]: Type.Optional(Type.String({ maxLength: 200 })) }),
          body: ctiEventBody,
          response: { 200: { type: 'object', required: ['contactId'], properties: { contactId: { type: ['string', 'null'] } } }, 400: errorSchema, 401: errorSchema, 422: errorSchema, 429: errorSchema },
        },
      },
      async (req) => handleCtiEvent(ctx, req.body),
    );
  });
}
