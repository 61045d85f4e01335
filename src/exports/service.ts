// Daily export (rules p.29) and import: use cases.
//
// Export: the day's last version of every record of the organization's cards that changed that
// day (the journal written by src/statistics/cards.ts), as a package (package.ts), its manifest
// signed once with the instance's key and the signature kept, so a day exported again is the same
// bytes. Only a day that is over is exported. Every pull, push and import is in the export log —
// except a pushed package refused before its signature is verified (importPackage).
//
// Import (an instance of the statistics authority, or any instance that aggregates others): the
// manifest must be signed by the certificate registered for the instance it names
// (src/exports/instances.ts) — checked first —, every file must match the manifest's hash and count, the
// organizations are matched by code; then, in one transaction, the records are stored (a version
// never replaces a newer one: idempotent, any order) and the 1-ТӨ aggregates of the cards
// refreshed. A package that fails any check changes nothing. A package comes from a statistician
// or an administrator (pulled and uploaded), or is pushed by the other instance itself: then its
// signature is its only credential (no user).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Context } from '../context.ts';
import { today as todayOf } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import type { Db } from '../db/connection.ts';
import { reader } from '../db/replica.ts';
import { AppError, forbidden, invalid } from '../errors.ts';
import { isIsoDate } from '../domain/calendar.ts';
import { signDetached } from '../letters/cms.ts';
import { appendEvent } from '../audit/log.ts';
import { importedCardsChanged } from '../statistics/cards.ts';
import { actsAsAuthority, countedFor, countedPredicate, countsAnyOf, type CountedOrganizations } from '../statistics/scope.ts';
import { buildPackage, checkPackageContents, EXPORT_FORMAT, readManifest, importedCardKey, type ExportPackage, type JournalVersion, type RecordKind } from './package.ts';
import { instanceIdOf, signingKey } from './keys.ts';
import { verifyInstanceSignature } from './instances.ts';
import { checkImportedNumbers } from './numbers.ts';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The day's last version of each record of the counted organizations' (or one organization's) cards. */
async function journalOfDay(db: Db, day: string, organizationId: number | null, counted: CountedOrganizations): Promise<JournalVersion[]> {
  const result = await sql<{ seq: number; kind: RecordKind; record_id: string; appeal_id: string; record: Record<string, unknown> | null; existed: boolean }>`
    SELECT DISTINCT ON (e.kind, e.record_id) e.seq, e.kind, e.record_id, e.appeal_id, e.record,
      EXISTS (SELECT 1 FROM export_journal p WHERE p.appeal_id = e.appeal_id AND p.kind = e.kind AND p.record_id = e.record_id AND p.day < e.day) AS existed
    FROM export_journal e
    WHERE e.day = ${day}::date
      AND ${organizationId === null ? sql`true` : sql`e.organization_id = ${organizationId}::integer`}
      AND ${countedPredicate(counted, sql.ref('e.organization_id'))}
    ORDER BY e.kind, e.record_id, e.seq DESC
  `.execute(db);
  return result.rows.map((r) => ({ seq: Number(r.seq), kind: r.kind, recordId: r.record_id, appealId: r.appeal_id, record: r.record, existed: r.existed }));
}

/** The package of a day: for an actor (their organizations), or for the instance (pushes: actor null). */
export async function buildDailyPackage(ctx: Context, day: string, organizationId: number | null, counted: CountedOrganizations): Promise<ExportPackage & { sha256: string; counts: Record<string, number> }> {
  const instanceId = await instanceIdOf(ctx.db);
  const org = organizationId === null ? null : await ctx.db.selectFrom('organizations').select('code').where('id', '=', organizationId).executeTakeFirst();
  if (organizationId !== null && !org) throw invalid([{ path: '/querystring/organization', code: 'organization.unknown' }]);
  const versions = await journalOfDay(await reader(ctx), day, organizationId, counted);
  const { manifest, manifestText, files } = buildPackage(versions, { instanceId, day, organization: org?.code ?? null });
  const hash = sha256(manifestText);
  let signature = await ctx.db.selectFrom('export_signatures').select('signature').where('manifest_sha256', '=', hash).executeTakeFirst();
  if (!signature) {
    const key = await signingKey(ctx);
    const now = ctx.clock.now();
    const cms = await signDetached(Buffer.from(manifestText, 'utf8'), key.pkcs12, key.password, now);
    await ctx.db
      .insertInto('export_signatures')
      .values({ manifest_sha256: hash, signature: Buffer.from(cms), signed_at: now })
      .onConflict((c) => c.doNothing())
      .execute();
    signature = await ctx.db.selectFrom('export_signatures').select('signature').where('manifest_sha256', '=', hash).executeTakeFirstOrThrow();
  }
  return { format: EXPORT_FORMAT, manifest: manifestText, signature: Buffer.from(signature.signature).toString('base64'), files, sha256: hash, counts: manifest.counts };
}

async function log(
  db: Db,
  e: { direction: 'pull' | 'push' | 'import'; instanceId: string; day: string; organizationCode: string | null; sha256: string | null; counts: unknown; ok: boolean; error?: string; actorName: string; at: Date },
) {
  await db
    .insertInto('export_log')
    .values({
      at: e.at,
      direction: e.direction,
      instance_id: e.instanceId,
      day: e.day,
      organization_code: e.organizationCode,
      manifest_sha256: e.sha256,
      counts: e.counts === null ? null : JSON.stringify(e.counts),
      ok: e.ok,
      error: e.error ?? null,
      actor_name: e.actorName,
    })
    .execute();
}

const EXPORT_ROLES = ['statistician', 'head', 'controller'] as const;

/** The package of a day that is over, for the actor's organizations or one of them. */
export async function dailyExport(ctx: Context, actor: Actor, day: string, organizationId?: number) {
  if (!isIsoDate(day)) throw invalid([{ path: '/params/day', code: 'format', params: { format: 'date' } }]);
  if (!actor.roles.some((r) => r === 'admin' || (EXPORT_ROLES as readonly string[]).includes(r))) throw forbidden();
  if (day >= todayOf(ctx)) throw new AppError(409, 'export.dayNotOver', [], { day });
  const counted = await countedFor(ctx.db, actor);
  if (organizationId !== undefined && !(await countsAnyOf(ctx.db, counted, organizationId))) throw forbidden();
  const pkg = await buildDailyPackage(ctx, day, organizationId ?? null, counted);
  const manifest = JSON.parse(pkg.manifest) as { instanceId: string; organization: string | null };
  await log(ctx.db, { direction: 'pull', instanceId: manifest.instanceId, day, organizationCode: manifest.organization, sha256: pkg.sha256, counts: pkg.counts, ok: true, actorName: actor.fullName, at: ctx.clock.now() });
  const { sha256: _s, counts: _c, ...body } = pkg;
  return body;
}

/** Import another instance's package: verified whole, then stored idempotently; nothing changes
 *  otherwise. `actor` null: pushed by the instance itself (the signature is the credential), with
 *  `pushed` the manifest and signature its headers carried. */
export async function importPackage(ctx: Context, actor: Actor | null, pkg: ExportPackage, pushed?: { manifest: string; signature: string }) {
  if (actor && !(await actsAsAuthority(ctx.db, actor))) throw forbidden();
  // a push: its headers' manifest and signature were verified before its body was read (incoming.ts)
  if (pushed && (pushed.manifest !== pkg.manifest || pushed.signature !== pkg.signature)) throw new AppError(422, 'export.pushHeadMismatch');
  const now = ctx.clock.now();
  const actorName = actor?.fullName ?? 'push';
  // A refusal is logged when someone answers for the package: the signed-in user, or the registered
  // instance once its signature is verified. Until then a pushed package is anyone's: refused
  // without a trace (the route's rate limit is what answers a flood of them).
  let answerable = actor !== null;
  const refuse = async (code: string, params?: Record<string, string | number>) => {
    if (answerable) {
      let instanceId = '?';
      let day = '1970-01-01';
      try {
        const m = JSON.parse(pkg.manifest);
        instanceId = String(m.instanceId ?? '?');
        if (isIsoDate(m.day)) day = m.day;
      } catch {
        /* unreadable */
      }
      await log(ctx.db, { direction: 'import', instanceId, day, organizationCode: null, sha256: sha256(String(pkg.manifest)), counts: null, ok: false, error: code, actorName, at: now });
    }
    return new AppError(422, code, [], params ?? {});
  };
  // The signature first (over the small manifest): nothing of an unverified package is hashed or parsed further.
  const head = readManifest(pkg);
  if (!head.ok) throw await refuse(head.code, head.params);
  if (head.manifest.instanceId === (await instanceIdOf(ctx.db))) throw await refuse('export.ownInstance');
  const verified = await verifyInstanceSignature(ctx.db, head.manifest.instanceId, pkg.manifest, pkg.signature);
  if (!verified.ok) throw await refuse(verified.code, { instanceId: head.manifest.instanceId });
  answerable = true;
  const check = checkPackageContents(pkg);
  if (!check.ok) throw await refuse(check.code, check.params);
  const { manifest, lines } = check;

  // Organizations by code.
  const records = [
    ...lines['tzh1.ndjson'].map((l) => ({ kind: 'tzh1' as const, seq: Number(l.seq), record: l.record as Record<string, unknown> })),
    ...lines['ai1.ndjson'].map((l) => ({ kind: 'ai1' as const, seq: Number(l.seq), record: l.record as Record<string, unknown> })),
    ...lines['tzh2.ndjson'].map((l) => ({ kind: 'tzh2' as const, seq: Number(l.seq), record: l.record as Record<string, unknown> })),
  ];
  const codes = [...new Set(records.map((r) => r.record.organizationCode).filter((c): c is string => typeof c === 'string'))];
  const known = codes.length ? await ctx.db.selectFrom('organizations').select(['id', 'code']).where('code', 'in', codes).execute() : [];
  const byCode = new Map(known.map((o) => [o.code, o.id]));
  const unknown = codes.filter((c) => !byCode.has(c));
  if (unknown.length) throw await refuse('export.unknownOrganization', { codes: unknown.join(', ') });

  const rows = [
    ...records.map((r) => {
      const appealId = String(r.kind === 'tzh1' ? r.record.id : r.record.appealId);
      return {
        instance_id: manifest.instanceId,
        kind: r.kind,
        record_id: String(r.record.id),
        appeal_id: appealId,
        card_key: importedCardKey(manifest.instanceId, appealId),
        organization_id: typeof r.record.organizationCode === 'string' ? byCode.get(r.record.organizationCode)! : null,
        seq: r.seq,
        day: manifest.day,
        record: r.record,
      };
    }),
    ...lines['deletions.ndjson'].map((d) => ({
      instance_id: manifest.instanceId,
      kind: String(d.kind),
      record_id: String(d.id),
      appeal_id: String(d.appealId),
      card_key: importedCardKey(manifest.instanceId, String(d.appealId)),
      organization_id: null,
      seq: Number(d.seq),
      day: manifest.day,
      record: null,
    })),
  ];
  // on the authority: the cards' numbers are the sender's to give (src/exports/numbers.ts)
  const tzh1 = rows.filter((r) => r.kind === 'tzh1' && r.record).map((r) => ({ cardKey: r.card_key, organizationId: r.organization_id, registrationNumber: r.record!.registrationNumber }));
  const numbers = await checkImportedNumbers(ctx.db, manifest.instanceId, tzh1);
  if (numbers) throw await refuse(numbers.code, numbers.params);
  const keys = [...new Set(rows.map((r) => r.card_key))];
  await ctx.db.transaction().execute(async (trx) => {
    // imports take turns: the aggregates of a card are refreshed by one import at a time
    await sql`SELECT pg_advisory_xact_lock(5104)`.execute(trx);
    if (rows.length) {
      await sql`
        INSERT INTO imported_records AS r (instance_id, kind, record_id, appeal_id, card_key, organization_id, seq, day, record)
        SELECT x.instance_id, x.kind, x.record_id, x.appeal_id, x.card_key, x.organization_id, x.seq, x.day, x.record
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS x(instance_id text, kind text, record_id uuid, appeal_id uuid, card_key uuid, organization_id integer, seq bigint, day date, record jsonb)
        ORDER BY x.instance_id, x.kind, x.record_id
        ON CONFLICT (instance_id, kind, record_id) DO UPDATE
          SET seq = EXCLUDED.seq, day = EXCLUDED.day, record = EXCLUDED.record, organization_id = coalesce(EXCLUDED.organization_id, r.organization_id)
          WHERE r.seq < EXCLUDED.seq
      `.execute(trx);
    }
    await importedCardsChanged(trx, keys, now);
    await trx
      .insertInto('import_packages')
      .values({ instance_id: manifest.instanceId, day: manifest.day, organization_code: manifest.organization ?? '', manifest_sha256: sha256(pkg.manifest), imported_at: now, counts: JSON.stringify(manifest.counts) })
      .onConflict((c) => c.doNothing())
      .execute();
    await log(trx, {
      direction: 'import',
      instanceId: manifest.instanceId,
      day: manifest.day,
      organizationCode: manifest.organization,
      sha256: sha256(pkg.manifest),
      counts: manifest.counts,
      ok: true,
      actorName,
      at: now,
    });
    await appendEvent(trx, {
      appealId: null,
      organizationId: actor?.organizationId ?? verified.instance.organizationId,
      actor,
      at: now,
      kind: 'exportImported',
      changes: { instanceId: manifest.instanceId, day: manifest.day, organization: manifest.organization, counts: manifest.counts, signer: verified.signer, pushed: actor === null },
    });
  });
  return { instanceId: manifest.instanceId, day: manifest.day, organization: manifest.organization, counts: manifest.counts, cards: keys.length };
}

export async function exportLog(ctx: Context, actor: Actor, limit: number) {
  if (!(await actsAsAuthority(ctx.db, actor))) throw forbidden();
  return ctx.db.selectFrom('export_log').selectAll().orderBy('id', 'desc').limit(limit).execute();
}
