// Open311 GeoReport v2 requests by other systems (issue 14 §7): POST requests registers an
// electronic appeal through the desk's registration use case, for a client holding an API key the
// administrator issued (stored as its SHA-256 only, revocable, every issue and revocation audited);
// the service definition (services/{code}) names the attributes a request carries.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { appendEvent } from '../audit/log.ts';
import { registerAppeal } from '../intake/register.ts';
import { appealTransaction, changeAppeal } from '../appeals/change.ts';
import { portalActor } from '../portal/store.ts';
import type { DocumentType, Language } from '../domain/vocabulary.ts';
import * as store from './store.ts';

/** The document types a GeoReport request may be (a complaint needs the challenged appeal: the portal's). */
export const OPEN311_DOCUMENT_TYPES = ['application', 'report', 'proposal', 'inquiry', 'feedback'] as const satisfies readonly DocumentType[];

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function assertAdmin(actor: Actor): void {
  if (!hasRole(actor, 'admin')) throw forbidden();
}

/** Issues a key: returned once, stored as its hash. */
export async function issueKey(ctx: Context, actor: Actor, name: string) {
  assertAdmin(actor);
  const key = `o311_${randomBytes(24).toString('base64url')}`;
  const id = randomUUID();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertKey(trx, { id, name: name.trim(), key_sha256: sha256(key), prefix: key.slice(0, 9), created_by: actor.id, created_at: now });
    await appendEvent(trx, { appealId: null, organizationId: actor.organizationId, actor, at: now, kind: 'open311KeyIssued', changes: { keyId: id, name: name.trim() } });
  });
  return { id, name: name.trim(), key, prefix: key.slice(0, 9), createdAt: now.toISOString() };
}

export async function revokeKey(ctx: Context, actor: Actor, id: string): Promise<void> {
  assertAdmin(actor);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await store.lockedKey(trx, id);
    if (!row) throw notFound();
    if (row.revoked_at) return;
    await store.markRevoked(trx, id, actor.id, now);
    await appendEvent(trx, { appealId: null, organizationId: actor.organizationId, actor, at: now, kind: 'open311KeyRevoked', changes: { keyId: id } });
  });
}

export async function listKeys(ctx: Context, actor: Actor) {
  assertAdmin(actor);
  return store.keys(ctx.db);
}

/** The live key of the request, or a 403 as GeoReport answers an invalid api_key. */
async function keyOf(ctx: Context, key: string | undefined) {
  const row = key ? await store.liveKey(ctx.db, sha256(key)) : undefined;
  if (!row) throw new AppError(403, 'open311.apiKey');
  return row;
}

/** A GeoReport POST, as parsed: its named fields and its attributes (attribute[code]=value). */
export interface ServiceRequest {
  api_key?: string;
  service_code?: string;
  description?: string;
  lat?: string;
  long?: string;
  address_string?: string;
  email?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  attributes: Record<string, string>;
}

/** The attributes a request carries (the service definition of every service). */
export function serviceDefinition(code: string, lang: Language) {
  const words = {
    organization: {
      kk: 'Өтініш жіберілетін ұйымның коды (/api/v1/public/organizations)',
      ru: 'Код организации-адресата (/api/v1/public/organizations)',
      en: 'The code of the organization addressed (/api/v1/public/organizations)',
    },
    document_type: { kk: 'Құжат түрі', ru: 'Вид обращения', en: 'The type of the appeal' },
    language: { kk: 'Өтініш тілі', ru: 'Язык обращения', en: 'The language of the appeal' },
  };
  return {
    service_code: code,
    attributes: [
      { variable: true, code: 'organization', datatype: 'string', required: true, datatype_description: 'AKM-BURABAY', order: 1, description: words.organization[lang] },
      {
        variable: true,
        code: 'document_type',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: '',
        order: 2,
        description: words.document_type[lang],
        values: OPEN311_DOCUMENT_TYPES.map((d) => ({ key: d, name: d })),
      },
      {
        variable: true,
        code: 'language',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: '',
        order: 3,
        description: words.language[lang],
        values: [
          { key: 'kk', name: 'Қазақша' },
          { key: 'ru', name: 'Русский' },
          { key: 'en', name: 'English' },
        ],
      },
    ],
  };
}

/** Registers the request as an electronic appeal (channel: the public portal, whose open API this
 *  is) through the registration use case; the key's use is recorded on the appeal. */
export async function postRequest(ctx: Context, r: ServiceRequest, lang: Language) {
  const key = await keyOf(ctx, r.api_key);
  const missing = (['service_code', 'description', 'first_name', 'last_name'] as const).filter((f) => !r[f]?.trim());
  if (!r.attributes.organization?.trim()) missing.push('attribute[organization]' as never);
  if (missing.length > 0)
    throw new AppError(
      400,
      'validation',
      missing.map((f) => ({ path: `/${f}`, code: 'required' })),
    );
  const organization = await store.organizationByCode(ctx.db, r.attributes.organization!.trim());
  if (!organization) throw new AppError(400, 'validation', [{ path: '/attribute[organization]', code: 'open311.unknownOrganization' }]);
  const documentType = r.attributes.document_type ?? 'application';
  if (!(OPEN311_DOCUMENT_TYPES as readonly string[]).includes(documentType)) throw new AppError(400, 'validation', [{ path: '/attribute[document_type]', code: 'open311.documentType' }]);
  const language = ['kk', 'ru', 'en'].includes(r.attributes.language ?? '') ? r.attributes.language! : lang;
  const description = r.description!.trim();
  const where = [r.address_string?.trim(), r.lat && r.long ? `${r.lat}, ${r.long}` : ''].filter(Boolean).join('; ');
  const firstLine = description.split('\n')[0]!.trim();
  const actor = await portalActor(ctx.db);
  const id = await appealTransaction(ctx, async (tctx) => {
    const appealId = await registerAppeal(tctx, actor, {
      documentType: documentType as DocumentType,
      form: 'electronic',
      channel: 'publicPortal',
      language,
      summary: firstLine.length > 200 ? `${firstLine.slice(0, 199)}…` : firstLine,
      text: where ? `${description}\n\n${where}` : description,
      issueCategory: r.service_code!.trim(),
      organizationId: organization.id,
      applicant: {
        kind: 'individual',
        lastName: r.last_name!.trim(),
        firstName: r.first_name!.trim(),
        ...(r.phone?.trim() ? { phone: r.phone.trim() } : {}),
        ...(r.email?.trim() ? { email: r.email.trim() } : {}),
        ...(r.address_string?.trim() ? { postalAddress: r.address_string.trim() } : {}),
      },
    });
    await changeAppeal(tctx, actor, appealId, async () => ({ change: { event: { kind: 'open311Received', changes: { keyId: key.id, keyName: key.name } } } }), { scopeChecked: true });
    await store.keyUsed(tctx.db, key.id, ctx.clock.now());
    return appealId;
  });
  return store.registered(ctx.db, id);
}
