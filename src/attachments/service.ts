// Use cases of attachments (issue 10 item 11; issue 14 §3): a file is checked by its content and
// size (src/domain/attachments.ts) before anything is written, kept with its SHA-256, and either
// staged for the registration that takes it (the desk's scan, the portal's filing) or added to an
// appeal at once, to the appeal itself or to one of its decisions or letters. Whatever an appeal
// gains passes the one door (changeAppeal): an event on its log. A file is read by whoever may
// read the appeal's card (404 to anyone else, as for the card itself), and each download is an
// audit event: it is a look-up of a person's data.
import { createHash, randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { appendEvent } from '../audit/log.ts';
import { appealInScope } from '../appeals/store.ts';
import { appealTransaction, changeAppeal } from '../appeals/change.ts';
import { registerAppeal, REGISTERING_ROLES } from '../intake/register.ts';
import { checkAttachment, DEFAULT_ATTACHMENT_LIMITS, safeFileName, type AttachmentLimits } from '../domain/attachments.ts';
import type { RegistrationInput } from '../domain/registration.ts';
import type { IdempotentRequest } from '../http/idempotency.ts';
import type { Db } from '../db/connection.ts';
import * as store from './store.ts';

export type { Uploader } from './store.ts';

/** A file as it came: the name the client gave and its bytes. */
export interface Upload {
  name: string;
  content: Buffer;
}

/** Who may add documents to an appeal they see: those who register, review and answer it. */
const ADDING_ROLES = ['registrar', 'operator', 'reception', 'executor', 'head'] as const;
/** A staged file never taken by a registration is dropped after a day. */
const STAGED_TTL_MS = 24 * 60 * 60 * 1000;

type Purpose = 'scan' | 'document' | 'filing' | 'fix';

export const staffLimits = (ctx: Context): AttachmentLimits => ctx.config.attachments?.staff ?? DEFAULT_ATTACHMENT_LIMITS.staff;
export const portalLimits = (ctx: Context): AttachmentLimits => ctx.config.attachments?.portal ?? DEFAULT_ATTACHMENT_LIMITS.portal;

const MB = 1024 * 1024;

/** The file checked against the limits: its real type, a safe name, its SHA-256; 422 otherwise. */
function checked(upload: Upload, limits: AttachmentLimits) {
  const check = checkAttachment(upload.content, limits);
  if (!check.ok) throw invalid([{ path: '/', code: check.code, params: { max: Math.floor(limits.maxBytes / MB) } }]);
  return {
    id: randomUUID(),
    name: safeFileName(upload.name, check.type.extension),
    media_type: check.type.mediaType,
    size: upload.content.length,
    sha256: createHash('sha256').update(upload.content).digest('hex'),
    content: upload.content,
  };
}

/** What the log and the answers say of a file. */
export function summary(a: { id: string; name: string; media_type: string; size: number; sha256: string; decision_id?: string | null; letter_id?: string | null; purpose?: string }) {
  return { id: a.id, name: a.name, mediaType: a.media_type, size: a.size, sha256: a.sha256, purpose: a.purpose ?? null, decisionId: a.decision_id ?? null, letterId: a.letter_id ?? null };
}

/** A file uploaded before the registration that will take it (the desk's scan, the portal's
 *  filing): owned by its uploader until then. A user's upload is an audit event at once; the
 *  applicant's is recorded on the appeal when the filing takes it. */
export async function stageAttachment(ctx: Context, uploader: store.Uploader, actor: Actor | null, upload: Upload, limits: AttachmentLimits) {
  if (actor && !hasRole(actor, ...REGISTERING_ROLES)) throw forbidden();
  const file = checked(upload, limits);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await store.dropStaleStaged(trx, new Date(now.getTime() - STAGED_TTL_MS));
    // staged files wait for a registration; more than two cards' worth is someone filling the database
    if ((await store.stagedCount(trx, uploader)) >= 2 * limits.maxFiles) throw invalid([{ path: '/', code: 'attachment.tooMany', params: { max: 2 * limits.maxFiles } }]);
    await store.insertAttachment(trx, { ...file, appeal_id: null, purpose: 'document', created_at: now }, uploader);
    if (actor) await appendEvent(trx, { appealId: null, organizationId: actor.organizationId, actor, at: now, kind: 'attachmentUploaded', changes: summary(file) });
  });
  return summary(file);
}

/** The ids a registration names: at most the card's limit (whether each is the uploader's is
 *  checked as the registration takes them, in its transaction: a repeat of it finds them taken). */
function checkCount(ids: readonly string[], limits: AttachmentLimits, path: string): void {
  if (ids.length > limits.maxFiles) throw invalid([{ path, code: 'attachment.tooMany', params: { max: limits.maxFiles } }]);
}

/** Inside a change of the appeal (the door's transaction): the uploader's staged files given to
 *  it; those it has already (a repeated request) are skipped. Their summaries, for the event. */
export async function bindStaged(trx: Db, uploader: store.Uploader, appealId: string, ids: readonly string[], purpose: Purpose, limits: AttachmentLimits, path: string) {
  if (ids.length === 0) return [];
  const rows = await store.takeable(trx, uploader, ids, appealId);
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.flatMap((id, i) => (found.has(id) ? [] : [{ path: `${path}/${i}`, code: 'attachment.unknown' }]));
  if (missing.length > 0) throw invalid(missing);
  const fresh = rows.filter((r) => r.appeal_id === null);
  if (fresh.length > 0 && (await store.countOf(trx, appealId, [purpose])) + fresh.length > limits.maxFiles) throw invalid([{ path, code: 'attachment.tooMany', params: { max: limits.maxFiles } }]);
  await store.bindToAppeal(
    trx,
    fresh.map((r) => r.id),
    appealId,
    purpose,
  );
  return fresh.map((r) => summary({ ...r, purpose }));
}

/** The staged files given to the appeal through the door: one event `attachmentsAdded` on its log.
 *  Taken again by a repeated registration (Idempotency-Key), they change nothing. */
export async function takeAttachments(ctx: Context, actor: Actor, uploader: store.Uploader, appealId: string, ids: readonly string[], purpose: Purpose, limits: AttachmentLimits): Promise<void> {
  if (ids.length === 0) return;
  await changeAppeal(
    ctx,
    actor,
    appealId,
    async ({ trx }) => {
      const attachments = await bindStaged(trx, uploader, appealId, ids, purpose, limits, '/attachmentIds');
      return { change: attachments.length > 0 ? { event: { kind: 'attachmentsAdded', changes: { purpose, attachments } } } : null };
    },
    { scopeChecked: true },
  );
}

/** Registration with the files staged for it (the desk: a paper appeal's scan), in one
 *  transaction: a refused file id registers nothing. */
export async function registerWithAttachments(ctx: Context, actor: Actor, input: RegistrationInput, ids: readonly string[], options: { idempotency?: IdempotentRequest } = {}): Promise<string> {
  const uploader = { userId: actor.id };
  const limits = staffLimits(ctx);
  checkCount(ids, limits, '/attachmentIds');
  return appealTransaction(ctx, async (tctx) => {
    const id = await registerAppeal(tctx, actor, input, options);
    await takeAttachments(tctx, actor, uploader, id, ids, input.form === 'paper' ? 'scan' : 'document', limits);
    return id;
  });
}

/** The portal's check of a filing's or fix's files before anything is written: the portal's limit. */
export function checkApplicantFiles(ctx: Context, ids: readonly string[] | undefined): void {
  checkCount(ids ?? [], portalLimits(ctx), '/attachmentIds');
}

/** The appeal's row when the actor may read its card; 404 otherwise (another territory's too: a
 *  file's existence is not told). */
async function readableAppeal(ctx: Context, actor: Actor, appealId: string) {
  try {
    return await appealInScope(ctx.db, actor, appealId);
  } catch (e) {
    if (e instanceof AppError && e.status === 403) throw notFound();
    throw e;
  }
}

/** A document added to an appeal, or to one of its decisions or letters, through the door. */
export async function addAttachment(ctx: Context, actor: Actor, appealId: string, upload: Upload, of: { decisionId?: string; letterId?: string }) {
  await readableAppeal(ctx, actor, appealId);
  if (!hasRole(actor, ...ADDING_ROLES)) throw forbidden();
  const limits = staffLimits(ctx);
  const file = checked(upload, limits);
  const { attachment } = await changeAppeal(
    ctx,
    actor,
    appealId,
    async ({ trx, now }) => {
      if (!(await store.documentOfAppeal(trx, appealId, of))) throw invalid([{ path: of.letterId ? '/querystring/letterId' : '/querystring/decisionId', code: 'attachment.unknownDocument' }]);
      if ((await store.countOf(trx, appealId)) >= limits.maxFiles) throw invalid([{ path: '/', code: 'attachment.tooMany', params: { max: limits.maxFiles } }]);
      const row = { ...file, appeal_id: appealId, decision_id: of.decisionId ?? null, letter_id: of.letterId ?? null, purpose: 'document', created_at: now };
      await store.insertAttachment(trx, row, { userId: actor.id });
      const attachment = summary(row);
      return { change: { event: { kind: 'attachmentAdded', changes: attachment } }, result: { attachment } };
    },
    { scopeChecked: true },
  );
  return attachment;
}

/** The appeal's files, for whoever may read its card. */
export async function listAttachments(ctx: Context, actor: Actor, appealId: string) {
  await readableAppeal(ctx, actor, appealId);
  return store.attachmentsOf(ctx.db, appealId);
}

/** One file of the appeal, its download recorded in the audit log. `actor`: a user, or the
 *  portal's registering actor for the applicant (whose ownership the portal checked). */
export async function downloadAttachment(ctx: Context, actor: Actor, appealId: string, attachmentId: string, options: { scopeChecked?: true; purposes?: readonly string[] } = {}) {
  const appeal = options.scopeChecked ? undefined : await readableAppeal(ctx, actor, appealId);
  const file = await store.attachmentOf(ctx.db, appealId, attachmentId);
  if (!file || (options.purposes && !options.purposes.includes(file.purpose))) throw notFound();
  const organizationId = appeal?.organization_id ?? (await store.organizationOf(ctx.db, appealId));
  await appendEvent(ctx.db, { appealId, organizationId, actor, at: ctx.clock.now(), kind: 'attachmentDownloaded', changes: { id: file.id, name: file.name, sha256: file.sha256 } });
  return file;
}
