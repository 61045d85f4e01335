// Use cases of the 1-ТӨ report (docs/legal-basis.md#statistical-report): the report for a period from the aggregates, the
// cards behind a cell, formed reports (immutable, signed snapshots), their differences against the
// current data, and the formation that is due on the 10th of each month.
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Context } from '../context.ts';
import { reader } from '../db/replica.ts';
import { today as todayOf } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { inScope } from '../access/scope.ts';
import type { Db } from '../db/connection.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { appendEvent } from '../audit/log.ts';
import { cardInCell, duePeriods, form1FormationDate, periodBounds } from '../domain/form1.ts';
import type { Labels, Language } from '../domain/vocabulary.ts';
import { verifyDetached } from '../letters/cms.ts';
import { signatureBy, trustedRoots, type SignInput } from '../letters/signing.ts';
import { FORM1_LAYOUT, FORM1_TITLE, form1Table } from './form1-layout.ts';
import { canonicalJson, cardOf, cellsOf, importedCardsChanged, loadImportedCards, loadLocalCards, refreshCardCells, statisticsDay } from './cards.ts';
import { actsAsAuthority, countedFor, INSTANCE_SCOPE, reportScopeFor, scopeKey, type CountedOrganizations, type ReportScope } from './scope.ts';
import { statisticsTerritory } from '../domain/form1.ts';
import * as store from './store.ts';
import type { CellQuery } from './schemas.ts';

// ---------------------------------------------------------------------------------------------
// The report as data (language-neutral; what a snapshot stores and signs)

export interface Form1RowData {
  kind: 'total' | 'group' | 'ofWhich' | 'own' | 'child';
  organization: { id: number; code: string; name: Labels } | null;
  reportRow: number | null;
  /** One number per column of the table. */
  cells: number[];
}

export interface Form1TableData {
  id: string;
  title: Labels;
  columns: { n: number; key: string; title: Labels; kind: 'flow' | 'stock'; group: Labels | null }[];
  rows: Form1RowData[];
}

export interface Form1Data {
  form: '1-ТӨ';
  title: Labels;
  period: { year: number; month: number; from: string; to: string };
  scope: ReportScope;
  organization: { id: number; code: string; name: Labels } | null;
  sections: { id: string; title: Labels; tables: Form1TableData[] }[];
}

const TOTAL_LABEL: Labels = { kk: 'Барлығы', ru: 'Всего', en: 'Total' };
const OWN_LABEL: Labels = { kk: 'өз жолданымдары', ru: 'собственные обращения', en: 'own appeals' };

type OrgRow = store.RowOrganization;
const orgOf = (o: OrgRow) => ({ id: o.id, code: o.code, name: { kk: o.name_kk, ru: o.name_ru, en: o.name_en } });

function checkPeriod(year: number, month: number): void {
  const errors = [];
  if (!Number.isInteger(year) || year < 2000 || year > 2100) errors.push({ path: '/querystring/year', code: 'form1.year' });
  if (!Number.isInteger(month) || month < 1 || month > 12) errors.push({ path: '/querystring/month', code: 'form1.month' });
  if (errors.length) throw invalid(errors);
}

/** The rows of the report and the organization they are about. */
export async function rowsOf(db: Db, scope: ReportScope): Promise<{ specs: (store.RowSpec & { kind: Form1RowData['kind']; org: OrgRow })[]; organization: OrgRow | null }> {
  if (scope.rows.kind === 'reportRows') {
    const orgs = await store.reportRowOrganizations(db);
    const topLevel = new Set(orgs.filter((o) => o.parent_id === null).map((o) => o.id));
    return {
      organization: null,
      specs: orgs.map((o) => ({ organizationId: o.id, ownOnly: false, kind: topLevel.has(o.id) ? 'group' : 'ofWhich', org: o })),
    };
  }
  const { self, children } = await store.organizationWithChildren(db, scope.rows.organizationId);
  if (!self) throw invalid([{ path: '/querystring/organization', code: 'organization.unknown' }]);
  return {
    organization: self,
    specs: [
      { organizationId: self.id, ownOnly: false, kind: 'total', org: self },
      { organizationId: self.id, ownOnly: true, kind: 'own', org: self },
      ...children.map((c) => ({ organizationId: c.id, ownOnly: false, kind: 'child' as const, org: c })),
    ],
  };
}

/** The report for month `month` of `year` (cumulative from 1 January) over the scope, from the aggregates. */
export async function computeForm1(db: Db, year: number, month: number, scope: ReportScope): Promise<Form1Data> {
  checkPeriod(year, month);
  const { specs, organization } = await rowsOf(db, scope);
  const sums = await store.reportSums(db, year, month, specs, scope.counted);
  const value = (i: number, table: string, column: string) => sums.get(i)?.get(`${table}/${column}`) ?? 0;
  const sections = FORM1_LAYOUT.map((s) => ({
    id: s.id,
    title: s.title,
    tables: s.tables.map((t): Form1TableData => {
      const rows: Form1RowData[] = specs.map((spec, i) => ({
        kind: spec.kind,
        organization: spec.kind === 'own' ? { ...orgOf(spec.org), name: OWN_LABEL } : orgOf(spec.org),
        reportRow: spec.org.report_row,
        cells: t.columns.map((c) => value(i, t.id, c.key)),
      }));
      if (scope.rows.kind === 'reportRows') {
        const groups = rows.filter((r) => r.kind === 'group');
        rows.unshift({ kind: 'total', organization: null, reportRow: 1, cells: t.columns.map((_, j) => groups.reduce((a, r) => a + r.cells[j]!, 0)) });
      }
      return {
        id: t.id,
        title: t.title,
        columns: t.columns.map((c) => ({ n: c.n, key: c.key, title: c.title, kind: c.kind, group: c.group ?? null })),
        rows,
      };
    }),
  }));
  return {
    form: '1-ТӨ',
    title: FORM1_TITLE,
    period: { year, month, ...periodBounds(year, month) },
    scope,
    organization: organization ? orgOf(organization) : null,
    sections,
  };
}

/** The report the actor asks for. */
export async function form1Report(ctx: Context, actor: Actor, year: number, month: number, organizationId?: number): Promise<Form1Data> {
  checkPeriod(year, month);
  const db = await reader(ctx, actor);
  const scope = await reportScopeFor(db, actor, organizationId);
  return computeForm1(db, year, month, scope);
}

const pick = (l: Labels, lang: Language) => l[lang as 'kk' | 'ru' | 'en'] ?? l.kk;

/** The report in the API's shape, in one language. */
export function presentForm1(data: Form1Data, lang: Language, extra: Record<string, unknown> = {}) {
  return {
    form: data.form,
    title: pick(data.title, lang),
    period: data.period,
    organization: data.organization ? { id: data.organization.id, code: data.organization.code, name: pick(data.organization.name, lang) } : null,
    ...extra,
    sections: data.sections.map((s) => ({
      id: s.id,
      title: pick(s.title, lang),
      tables: s.tables.map((t) => ({
        id: t.id,
        title: pick(t.title, lang),
        columns: t.columns.map((c) => ({ n: c.n, key: c.key, title: pick(c.title, lang), kind: c.kind, group: c.group ? pick(c.group, lang) : null })),
        rows: t.rows.map((r) => ({
          kind: r.kind,
          reportRow: r.reportRow,
          organization: r.organization ? { id: r.organization.id, code: r.organization.code, name: pick(r.organization.name, lang) } : { id: null, code: 'TOTAL', name: pick(TOTAL_LABEL, lang) },
          cells: r.cells,
        })),
      })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// The cards behind a cell

/**
 * The appeals behind a cell, found by the same rules that filled it: the cards whose stored cells
 * name it are read, their cells computed anew by src/domain/form1.ts, and those that count in the
 * cell listed — so the list's total equals the cell.
 */
export async function cellAppeals(ctx: Context, actor: Actor, q: CellQuery) {
  checkPeriod(q.year, q.month);
  const table = form1Table(q.table);
  if (!table) throw invalid([{ path: '/querystring/table', code: 'form1.unknownTable' }]);
  const column = table.columns.find((c) => c.key === q.column);
  if (!column) throw invalid([{ path: '/querystring/column', code: 'form1.unknownColumn' }]);
  const db = await reader(ctx, actor);
  const scope = await reportScopeFor(db, actor, q.organization);
  const row = q.organization === undefined ? null : { organizationId: q.organization, ownOnly: q.own === true };
  const candidates = await store.cellCandidates(db, q.year, q.month, table.id, column.key, column.kind, row, scope.counted);
  const localIds = candidates.filter((c) => c.local).map((c) => c.appeal_id);
  const importedKeys = candidates.filter((c) => !c.local).map((c) => c.appeal_id);
  const cards = [...(await loadLocalCards(db, localIds, { lock: false, journal: false })), ...(await loadImportedCards(db, importedKeys))];
  const now = ctx.clock.now();
  const inCell = cards.filter((c) => cardInCell(cellsOf(cardOf(c), now), q.year, q.month, table.id, column.key, column.kind));
  const ids = new Set(inCell.map((c) => c.id));
  const list = await store.cardSummaries(
    db,
    localIds.filter((id) => ids.has(id)),
    importedKeys.filter((id) => ids.has(id)),
  );
  const page = list.slice(q.offset, q.offset + q.limit);
  // the cards the user may open: this instance's appeals of their organizations
  const pageLocal = page.filter((a) => !importedKeys.includes(a.id)).map((a) => a.id);
  const openable = new Set(pageLocal.length ? (await db.selectFrom('appeals').select('id').where('id', 'in', pageLocal).where(inScope(actor, 'organization_id')).execute()).map((r) => r.id) : []);
  return {
    cell: { year: q.year, month: q.month, table: table.id, column: column.key, n: column.n, kind: column.kind, organization: q.organization ?? null, own: q.own === true },
    total: list.length,
    items: page.map((a) => ({
      id: a.id,
      imported: importedKeys.includes(a.id),
      visible: openable.has(a.id),
      registrationNumber: a.registration_number,
      registrationDate: a.registration_date,
      documentType: a.document_type,
      status: a.status,
      summary: a.summary,
      organization: { id: a.organization_id, code: a.organization_code },
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Formed reports: immutable snapshots, signed by the chair of the statistics authority

export interface SnapshotRow {
  id: string;
  year: number;
  month: number;
  kind: string;
  scope: Record<string, unknown>;
  scope_key: string;
  formed_at: Date;
  formed_by_name: string;
  content: string;
  sha256: string;
  signature: Buffer | null;
  signer_name: string | null;
  signed_at: Date | null;
}

async function insertSnapshot(db: Db, data: Form1Data, kind: 'scheduled' | 'onDemand', by: Actor | null, at: Date): Promise<string | null> {
  const content = canonicalJson(data);
  const id = randomUUID();
  const inserted = await db
    .insertInto('form1_reports')
    .values({
      id,
      year: data.period.year,
      month: data.period.month,
      kind,
      scope: JSON.stringify(data.scope),
      scope_key: scopeKey(data.scope),
      formed_at: at,
      formed_by: by?.id ?? null,
      formed_by_name: by?.fullName ?? 'system',
      content,
      sha256: createHash('sha256').update(content).digest('hex'),
      signature: null,
      signer_id: null,
      signer_name: null,
      signed_at: null,
    })
    .onConflict((c) => c.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  await appendEvent(db, {
    appealId: null,
    organizationId: by?.organizationId ?? (await anyRootOrganization(db)),
    actor: by,
    at,
    kind: 'form1Formed',
    changes: { reportId: id, year: data.period.year, month: data.period.month, kind, scope: data.scope },
  });
  return id;
}

async function anyRootOrganization(db: Db): Promise<number> {
  const stats = await db.selectFrom('organizations').select('id').where('kind', '=', 'statsAuthority').orderBy('id').executeTakeFirst();
  if (stats) return stats.id;
  return (await db.selectFrom('organizations').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
}

/** Forms the report on demand: a snapshot of the actor's scope for the period. */
export async function formSnapshot(ctx: Context, actor: Actor, year: number, month: number, organizationId?: number): Promise<string> {
  // a record of the report as it is: formed from the primary, never from a replica a moment behind
  const data = await form1Report({ ...ctx, replica: undefined }, actor, year, month, organizationId);
  return (await insertSnapshot(ctx.db, data, 'onDemand', actor, ctx.clock.now()))!;
}

/**
 * Forms the reports that are due (rules p.32: the 10th of the next month, or the next working day)
 * and not formed yet, over the whole instance. Idempotent; the server runs it hourly. Cards still
 * in review are first carried into the new year (carryOver).
 */
export async function formDueReports(ctx: Context): Promise<{ year: number; month: number; id: string; scope: ReportScope }[]> {
  await carryOver(ctx);
  const today = todayOf(ctx);
  const scopes = await statisticsScopes(ctx.db);
  // No report for the months before the first card of this instance (a fresh installation).
  const first = await sql<{ d: string | null }>`
    SELECT least((SELECT min(registration_date) FROM appeals),
                 (SELECT min((record->>'registrationDate')::date) FROM imported_records WHERE kind = 'tzh1'))::text AS d`.execute(ctx.db);
  const firstDay = first.rows[0]?.d;
  if (!firstDay) return [];
  const formed = [];
  for (const p of duePeriods(today, ctx.law.calendar).reverse()) {
    if (periodBounds(p.year, p.month).to < firstDay) continue;
    for (const scope of scopes) {
      const exists = await ctx.db
        .selectFrom('form1_reports')
        .select('id')
        .where('kind', '=', 'scheduled')
        .where('scope_key', '=', scopeKey(scope))
        .where('year', '=', p.year)
        .where('month', '=', p.month)
        .executeTakeFirst();
      if (exists) continue;
      const data = await computeForm1(ctx.db, p.year, p.month, scope);
      const id = await insertSnapshot(ctx.db, data, 'scheduled', null, ctx.clock.now());
      if (id) formed.push({ ...p, id, scope });
    }
  }
  return formed;
}

/** The scopes reports are formed for: the whole instance, and the territory of each department of
 *  the statistics authority (its chair signs that one). */
export async function statisticsScopes(db: Db): Promise<ReportScope[]> {
  const orgs = await db.selectFrom('organizations').select(['id', 'kind', 'kato']).where('kind', 'in', ['statsAuthority', 'statsDepartment']).orderBy('id').execute();
  const scopes = new Map<string, ReportScope>([[scopeKey(INSTANCE_SCOPE), INSTANCE_SCOPE]]);
  for (const o of orgs) {
    const t = statisticsTerritory(o);
    const counted: CountedOrganizations = t && 'all' in t ? { all: true } : { subtrees: [o.id], katoPrefixes: t ? [t.katoPrefix] : [] };
    const scope: ReportScope = { counted, rows: { kind: 'reportRows' } };
    scopes.set(scopeKey(scope), scope);
  }
  return [...scopes.values()];
}

/** Cards still in review from earlier years get the cells of the current year (carried over,
 *  in review at the end …), in batches; a no-op once done. */
export async function carryOver(ctx: Context, batch = 1000): Promise<number> {
  const now = ctx.clock.now();
  const year = Number(statisticsDay(now).slice(0, 4));
  let done = 0;
  for (;;) {
    const local = await sql<{ id: string }>`
      SELECT a.id FROM appeals a
      WHERE a.review_ended_on IS NULL AND a.registration_year < ${year}::integer
        AND NOT EXISTS (SELECT 1 FROM card_cells c WHERE c.appeal_id = a.id AND c.year = ${year}::integer)
        AND NOT EXISTS (SELECT 1 FROM card_deletions x WHERE x.record_kind = 'tzh1' AND x.record_id = a.id)
        AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.appeal_id = a.id AND d.code IN ('4.1', '4.5') AND d.cancelled_at IS NULL)
      LIMIT ${batch}::integer`.execute(ctx.db);
    const imported = await sql<{ id: string }>`
      SELECT r.card_key AS id FROM imported_records r
      WHERE r.kind = 'tzh1' AND r.record IS NOT NULL AND r.record->>'reviewEndedOn' IS NULL AND r.record->>'deleted' = 'false'
        AND left(r.record->>'registrationDate', 4)::integer < ${year}::integer
        AND NOT EXISTS (SELECT 1 FROM card_cells c WHERE c.appeal_id = r.card_key AND c.year = ${year}::integer)
        AND EXISTS (SELECT 1 FROM card_cells c WHERE c.appeal_id = r.card_key)
      LIMIT ${batch}::integer`.execute(ctx.db);
    if (local.rows.length === 0 && imported.rows.length === 0) return done;
    await ctx.db.transaction().execute(async (trx) => {
      await refreshCardCells(
        trx,
        local.rows.map((r) => r.id),
        now,
      );
      await importedCardsChanged(
        trx,
        imported.rows.map((r) => r.id),
        now,
      );
    });
    done += local.rows.length + imported.rows.length;
    if (local.rows.length < batch && imported.rows.length < batch) return done;
  }
}

export async function listSnapshots(ctx: Context, actor: Actor, year?: number, month?: number) {
  const counted = await countedFor(ctx.db, actor);
  let q = ctx.db
    .selectFrom('form1_reports')
    .select(['id', 'year', 'month', 'kind', 'scope', 'formed_at', 'formed_by_name', 'sha256', 'signer_name', 'signed_at'])
    .orderBy('year', 'desc')
    .orderBy('month', 'desc')
    .orderBy('formed_at', 'desc');
  if (year !== undefined) q = q.where('year', '=', year);
  if (month !== undefined) q = q.where('month', '=', month);
  const rows = await q.limit(500).execute();
  // A user sees the snapshots of their own scope and of scopes within it.
  return rows.filter((r) => visibleSnapshot(r.scope as unknown as ReportScope, counted));
}

/** A user sees the formed reports that count what they count (or anything, when they count everything). */
function visibleSnapshot(scope: ReportScope, mine: CountedOrganizations): boolean {
  if ('all' in mine) return true;
  return canonicalJson(scope.counted) === canonicalJson(mine);
}

export async function snapshotOf(ctx: Context, actor: Actor, id: string): Promise<SnapshotRow & { data: Form1Data }> {
  const mine = await countedFor(ctx.db, actor);
  const row = await ctx.db.selectFrom('form1_reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  if (!visibleSnapshot(row.scope as unknown as ReportScope, mine)) throw forbidden();
  return { ...row, data: JSON.parse(row.content) as Form1Data };
}

/** The statistics authority signs a formed report (CMS over its canonical JSON). */
export async function signSnapshot(ctx: Context, actor: Actor, id: string, input: SignInput): Promise<void> {
  if (!(await actsAsAuthority(ctx.db, actor))) throw forbidden();
  const row = await snapshotOf(ctx, actor, id);
  if (row.signature) throw new AppError(409, 'form1.alreadySigned');
  const now = ctx.clock.now();
  const { cms, signer } = await signatureBy(ctx, actor, Buffer.from(row.content, 'utf8'), input, now);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('form1_reports')
      .set({ signature: Buffer.from(cms), signer_id: actor.id, signer_name: actor.fullName, signed_at: now })
      .where('id', '=', id)
      .where('signature', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'form1.alreadySigned');
    await appendEvent(trx, {
      appealId: null,
      organizationId: actor.organizationId,
      actor,
      at: now,
      kind: 'form1Signed',
      changes: { reportId: id, year: row.year, month: row.month, sha256: row.sha256, signer },
    });
  });
}

export async function snapshotSignature(ctx: Context, row: SnapshotRow) {
  if (!row.signature) return null;
  const check = await verifyDetached(Buffer.from(row.content, 'utf8'), row.signature, await trustedRoots(ctx.db));
  return { valid: check.valid, reason: check.reason ?? null, signer: check.signer ?? null, signedAt: row.signed_at?.toISOString() ?? null, signerName: row.signer_name };
}

/** The cells that differ between a formed report and the same report computed now. */
export async function snapshotDiff(ctx: Context, actor: Actor, id: string) {
  const row = await snapshotOf(ctx, actor, id);
  const current = await computeForm1(ctx.db, row.year, row.month, row.data.scope);
  const differences: {
    table: string;
    column: string;
    n: number;
    row: { kind: string; reportRow: number | null; organization: { id: number; code: string } | null };
    snapshot: number;
    current: number;
    difference: number;
  }[] = [];
  for (const section of row.data.sections) {
    for (const table of section.tables) {
      const now = current.sections.flatMap((s) => s.tables).find((t) => t.id === table.id);
      const rowKey = (r: Form1RowData) => `${r.kind}/${r.organization?.id ?? ''}`;
      const nowRows = new Map((now?.rows ?? []).map((r) => [rowKey(r), r]));
      for (const r of table.rows) {
        const cur = nowRows.get(rowKey(r));
        table.columns.forEach((c, j) => {
          const was = r.cells[j] ?? 0;
          const is = cur?.cells[now!.columns.findIndex((x) => x.key === c.key)] ?? 0;
          if (was !== is) {
            differences.push({
              table: table.id,
              column: c.key,
              n: c.n,
              row: { kind: r.kind, reportRow: r.reportRow, organization: r.organization ? { id: r.organization.id, code: r.organization.code } : null },
              snapshot: was,
              current: is,
              difference: is - was,
            });
          }
        });
      }
    }
  }
  return { reportId: row.id, period: row.data.period, formedAt: row.formed_at.toISOString(), signed: row.signature !== null, differences };
}

export { form1FormationDate };

/** Whether the actor may use the statistics at all (routes use it for 403 before any work). */
export function mayReadStatistics(actor: Actor): boolean {
  return hasRole(actor, 'statistician', 'head', 'controller');
}

/** POST /reports/form1/formation: the reports that are due, formed now at the request of the
 *  statistics authority (or an administrator) rather than by the hourly scheduler. */
export async function formDueReportsNow(ctx: Context, actor: Actor) {
  if (!(await actsAsAuthority(ctx.db, actor))) throw forbidden();
  return formDueReports(ctx);
}
