// Test helpers of the accounting modules: the users of a month of activity, the activity itself
// (scripted to cover every kind of change, then random), and two recounts of the report that
// do not go through the aggregates — one in plain SQL over appeals and decisions, one through the
// pure rules over every card.
import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { TestApp, Api } from './support.ts';
import type { Db } from '../src/db/connection.ts';
import { forgetSessions } from '../src/access/auth.ts';
import { composeIin } from '../src/domain/identifiers.ts';
import { plusDays } from '../src/domain/calendar.ts';
import { FORM1_TABLES } from '../src/statistics/form1-layout.ts';
import { cardOf, cellsOf, loadLocalCards } from '../src/statistics/cards.ts';

export interface Actors {
  registrar: Api;
  reception: Api;
  operator: Api;
  head: Api;
  admin: Api;
  statistician: Api;
  controller: Api;
  /** A head (with a signing key) per organization code, for the decisions and letters there. */
  heads: Record<string, Api>;
  orgs: Record<string, number>;
}

export const HEAD_ORGS = ['AKM-HEALTH', 'AKM-EDUCATION', 'AKM-AKIMAT', 'AKM-BURABAY-ZLATOPOL', 'AKM-ZERENDI', 'KNB'] as const;

/** Signs everyone in once and keeps the sessions for the whole test (the clock moves by weeks). */
export async function actorsOf(t: TestApp, prefix = 'h'): Promise<Actors> {
  const list = await t.ctx.db.selectFrom('organizations').select(['id', 'code']).execute();
  const orgs = Object.fromEntries(list.map((o) => [o.code, o.id]));
  const heads: Record<string, Api> = {};
  for (const code of HEAD_ORGS) {
    const id = await t.createUser(`${prefix}-${code}`, code, ['head'], `Басшы ${code}`);
    await t.issueDemoKey(id);
    heads[code] = await t.as(`${prefix}-${code}`);
  }
  const a: Actors = {
    registrar: await t.as('registrar'),
    reception: await t.as('reception'),
    operator: await t.as('operator'),
    head: await t.as('head'),
    admin: await t.as('admin'),
    statistician: await t.as('statistician'),
    controller: await t.as('controller'),
    heads: { ...heads, 'AKM-BURABAY': undefined as unknown as Api },
    orgs,
  };
  a.heads['AKM-BURABAY'] = a.head;
  await t.ctx.db
    .updateTable('sessions')
    .set({ expires_at: new Date('2100-01-01T00:00:00Z') })
    .execute();
  forgetSessions(t.ctx.db);
  return a;
}

let serial = 1;
export function person(last = 'Сапаров', first = 'Асқар') {
  const s = serial++;
  return {
    kind: 'individual',
    iin: composeIin(`19${60 + (s % 40)}-0${1 + (s % 9)}-1${s % 10}`, s % 2 ? 'male' : 'female', 1000 + s)!,
    lastName: `${last}${s}`,
    firstName: first,
    phone: `+7701${String(1000000 + s).slice(-7)}`,
  };
}

export const COMPANY = { kind: 'legalEntity', bin: '090340012347', name: '«Бурабай Су» ЖШС' };

export async function register(api: Api, body: Record<string, unknown>): Promise<{ id: string; registrationNumber: string; dueDate: string; organizationId: number }> {
  const res = await api('POST', '/api/v1/appeals', {
    documentType: 'application',
    form: 'paper',
    channel: 'post',
    language: 'kk',
    summary: 'Жолданым',
    text: 'Жолданымның мәтіні.',
    ...(body.anonymous || body.applicants ? {} : { applicant: person() }),
    ...body,
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { id: res.body.id, registrationNumber: res.body.registrationNumber, dueDate: res.body.dueDate, organizationId: res.body.organization?.id ?? res.body.organizationId };
}

export async function decide(api: Api, id: string, body: Record<string, unknown>) {
  const res = await api('POST', `/api/v1/appeals/${id}/decisions`, body);
  assert.equal(res.status, 201, `${String(body.code)}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function signAll(api: Api, id: string) {
  const key = await api('GET', '/api/v1/me/demo-key.p12');
  assert.equal(key.status, 200, 'demo key');
  const letters = await api('GET', `/api/v1/appeals/${id}/letters`);
  for (const l of letters.body.items.filter((x: { signed: boolean }) => !x.signed)) {
    const res = await api('POST', `/api/v1/appeals/${id}/letters/${l.id}/sign`, { pkcs12: key.raw.toString('base64'), password: 'demo' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
}

/** The card forwarded to (or split off at) an organization. */
export async function cardAt(t: TestApp, registrationNumber: string, organizationId: number): Promise<string> {
  const row = await t.ctx.db
    .selectFrom('appeals')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where((w) => w.or([w('registration_number', '=', registrationNumber), w('registration_number', 'like', `${registrationNumber}/%`)]))
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  return row.id;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface Activity {
  /** What was done, by kind (registrations and decision codes), to prove the coverage. */
  done: Record<string, number>;
  appeals: string[];
}

/**
 * A month of activity in March 2026 (the clock from 2 March to 31 March), through the API:
 * registrations of every type, form, channel and applicant; decisions of every kind; forwards,
 * splits, attachments, moves out and their cancellation, extensions, hearings, complaints sent to
 * the reviewing body and decided there, signed letters, deemed refusals; then `randomOps` random
 * changes.
 */
export async function monthOfActivity(t: TestApp, a: Actors, options: { seed?: number; randomOps?: number } = {}): Promise<Activity> {
  const done: Record<string, number> = {};
  const count = (k: string) => (done[k] = (done[k] ?? 0) + 1);
  const appeals: string[] = [];
  const reg = async (api: Api, body: Record<string, unknown>) => {
    const r = await register(api, body);
    appeals.push(r.id);
    count('registered');
    return r;
  };
  const dec = async (api: Api, id: string, body: Record<string, unknown>) => {
    const r = await decide(api, id, body);
    count(String(body.code));
    return r;
  };
  const { orgs } = a;
  const at = (day: number, hour = 10) => t.setNow(`2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+05:00`);

  // 2 March
  at(2);
  await reg(a.registrar, { summary: 'Жауапсыз қалған арыз' }); // → deemed refusal
  const fav = await reg(a.registrar, { form: 'electronic', channel: 'egovPortal', language: 'ru', applicant: COMPANY });
  await dec(a.head, fav.id, { code: '4.15', favourable: true, text: 'Қанағаттандырылсын.' });
  await signAll(a.head, fav.id);
  const unfav = await reg(a.reception, { form: 'oral', channel: 'personalReception', protocolText: 'Ауызша айтылды.' });
  await dec(a.head, unfav.id, { code: '4.15', favourable: false, text: 'Бас тартылсын.', hearingException: 'urgency' });
  const collective = await reg(a.registrar, { form: 'video', channel: 'publicPortal', applicants: [person(), person()] });
  await dec(a.head, collective.id, { code: '4.13', reason: 'repeatWithoutNewArguments' });
  const toFix = await reg(a.registrar, { summary: 'Толық емес арыз', channel: 'email', form: 'electronic' });
  await dec(a.registrar, toFix.id, { code: '4.2', missing: ['substance'], fixBy: '2026-03-03' });
  const withdrawn = await reg(a.registrar, { channel: 'inPerson', language: 'en' });
  await dec(a.head, withdrawn.id, { code: '4.6', withdrawalReceivedAt: '2026-03-02' });
  const contact = await reg(a.operator, { documentType: 'inquiry', form: 'oral', channel: 'contactCentre', protocolText: 'Қоңырау шалды.' });
  await dec(a.head, contact.id, { code: '4.25', text: 'Ақпарат берілді.' });
  await signAll(a.head, contact.id);

  // 4 March
  at(4);
  await dec(a.head, toFix.id, { code: '4.3' });
  const forwarded = await reg(a.registrar, { summary: 'Емхана туралы' });
  await dec(a.registrar, forwarded.id, { code: '4.4', targetOrganizationId: orgs['AKM-HEALTH'] });
  await signAll(a.head, forwarded.id);
  const atHealth = await cardAt(t, forwarded.registrationNumber, orgs['AKM-HEALTH']!);
  appeals.push(atHealth);
  await dec(a.heads['AKM-HEALTH']!, atHealth, { code: '4.15', favourable: true, text: 'Кезекке қойылды.' });
  await signAll(a.heads['AKM-HEALTH']!, atHealth);
  const split = await reg(a.registrar, { summary: 'Денсаулық пен білім туралы' });
  await dec(a.registrar, split.id, {
    code: '4.4',
    parts: [
      { summary: 'Емханадағы кезек', targetOrganizationId: orgs['AKM-HEALTH'] },
      { summary: 'Мектептегі орын', targetOrganizationId: orgs['AKM-EDUCATION'] },
    ],
  });
  count('split');
  const partEdu = await cardAt(t, split.registrationNumber, orgs['AKM-EDUCATION']!);
  appeals.push(partEdu, await cardAt(t, split.registrationNumber, orgs['AKM-HEALTH']!));
  await dec(a.heads['AKM-EDUCATION']!, partEdu, { code: '4.15', favourable: false, text: 'Орын жоқ.', hearingException: 'urgency' });

  // 5 March: a duplicate attached to its main appeal; documents moved out, one move cancelled
  at(5);
  const same = { applicant: { ...person('Қайталаұлы'), iin: composeIin('1970-05-05', 'male', 4242)! }, summary: 'Жарық жоқ', text: 'Көшеде түнде жарық жоқ, шам жанбайды.' };
  const main = await reg(a.registrar, same);
  const copy = await reg(a.registrar, same);
  await dec(a.registrar, copy.id, { code: '4.5', mainAppealId: main.id });
  const moved = await reg(a.registrar, { documentType: 'report', summary: 'Сот ісі бойынша' });
  await dec(a.registrar, moved.id, { code: '4.1', targetSystem: 'Төрелік', reason: 'otherProcedureLaw' });
  const movedBack = await reg(a.registrar, { documentType: 'feedback', summary: 'Пікір' });
  await dec(a.registrar, movedBack.id, { code: '4.1', targetSystem: 'Төрелік', reason: 'publicService' });
  at(6);
  const cancel = await a.registrar('POST', `/api/v1/appeals/${movedBack.id}/move-out/cancel`);
  assert.equal(cancel.status, 200, JSON.stringify(cancel.body));
  count('moveOutCancelled');
  await dec(a.head, movedBack.id, { code: '4.26', text: 'Назарға алынды.' });

  // 10 March: hearings, extensions, the simplified procedure, other organizations
  at(10);
  const heard = await reg(a.registrar, { summary: 'Тыңдаумен' });
  await dec(a.head, heard.id, { code: '4.7', hearingAt: '2026-03-12T11:00:00+05:00', contacts: '+7 71636 4-12-34' });
  const extended = await reg(a.registrar, { summary: 'Ұзартылатын' });
  const ext = await dec(a.head, extended.id, { code: '4.14', newDueDate: '2026-04-24', reason: 'Қосымша тексеру' });
  assert.equal(ext.dueDate, '2026-04-24');
  const report = await reg(a.registrar, { documentType: 'report', channel: 'complaintBox', anonymous: true, summary: 'Аноним' });
  await dec(a.head, report.id, { code: '4.13', reason: 'anonymous' });
  const proposal = await reg(a.registrar, { documentType: 'proposal', form: 'electronic', channel: 'publicPortal' });
  await dec(a.head, proposal.id, { code: '4.26', text: 'Назарға алынды.' });
  const feedback = await reg(a.registrar, { documentType: 'feedback', form: 'electronic', channel: 'email', language: 'ru' });
  await dec(a.head, feedback.id, { code: '4.25', text: 'Рахмет.' });
  const zlatopol = await reg(a.registrar, { organizationId: orgs['AKM-BURABAY-ZLATOPOL'], documentType: 'inquiry' });
  await dec(a.heads['AKM-BURABAY-ZLATOPOL']!, zlatopol.id, { code: '4.25', text: 'Жауап.' });
  await reg(a.admin, { organizationId: orgs['AKM-ZERENDI'], summary: 'Зеренді' });
  await reg(a.admin, { organizationId: orgs['KNB'], documentType: 'report', summary: 'Облыстан тыс ұйым' });

  // 13 March: the hearing held, then the act
  at(13);
  await dec(a.head, heard.id, { code: '4.11', protocol: 'Арыз иесі тыңдалды.' });
  await dec(a.head, heard.id, { code: '4.15', favourable: true, text: 'Қанағаттандырылсын.' });

  // 16–18 March: complaints — granted by the body complained about; sent to the reviewing body and decided there
  at(16);
  const complaint = { documentType: 'complaint', summary: 'Бөлімнің шешіміне шағым', complainedOrganizationId: orgs['AKM-BURABAY'] };
  const granted = await reg(a.registrar, complaint);
  await dec(a.head, granted.id, { code: '4.15', favourable: true, text: 'Шағым толық қанағаттандырылды.' });
  const atReviewer: string[] = [];
  for (let i = 0; i < 6; i++) {
    const c = await reg(a.registrar, { ...complaint, form: i % 2 ? 'electronic' : 'paper', channel: i % 2 ? 'egovPortal' : 'post' });
    await dec(a.head, c.id, { code: '4.24', targetOrganizationId: orgs['AKM-AKIMAT'] });
    await signAll(a.head, c.id);
    const card = await cardAt(t, c.registrationNumber, orgs['AKM-AKIMAT']!);
    appeals.push(card);
    atReviewer.push(card);
  }
  at(18);
  const reviewer = a.heads['AKM-AKIMAT']!;
  await dec(reviewer, atReviewer[0]!, { code: '4.18', text: 'Акт жойылсын.' });
  await dec(reviewer, atReviewer[1]!, { code: '4.19', text: 'Жаңа акт қабылдансын.' });
  await dec(reviewer, atReviewer[2]!, { code: '4.20', text: 'Әрекет жасалды.' });
  await dec(reviewer, atReviewer[3]!, { code: '4.21', text: 'Қанағаттандырусыз.', hearingException: 'urgency' });
  await dec(reviewer, atReviewer[4]!, { code: '4.22', text: 'Іс қайтарылды.', violations: 'Бұзушылықтар.', proposals: 'Ұсыныстар.' });
  await dec(reviewer, atReviewer[5]!, { code: '4.23', text: 'Қараусыз қалдырылды.' });
  await signAll(reviewer, atReviewer[0]!);
  await signAll(reviewer, atReviewer[3]!);

  // Random changes through the rest of the month.
  const r = rng(options.seed ?? 7);
  const docTypes = ['application', 'complaint', 'report', 'inquiry', 'feedback', 'proposal'];
  const places: [string, Api, Api][] = [
    ['AKM-BURABAY', a.registrar, a.head],
    ['AKM-BURABAY-ZLATOPOL', a.registrar, a.heads['AKM-BURABAY-ZLATOPOL']!],
    ['AKM-HEALTH', a.admin, a.heads['AKM-HEALTH']!],
    ['AKM-AKIMAT', a.admin, a.heads['AKM-AKIMAT']!],
  ];
  const headOf = new Map<number, Api>(Object.entries(a.heads).map(([code, api]) => [orgs[code]!, api]));
  let day = 19;
  let corrections = 0;
  for (let i = 0; i < (options.randomOps ?? 0); i++) {
    if (r() < 0.1 && day < 31) at(++day, 9 + Math.floor(r() * 8));
    const op = r();
    if (op < 0.35) {
      const [code, registrar] = places[Math.floor(r() * places.length)]!;
      const type = docTypes[Math.floor(r() * docTypes.length)]!;
      const form = type === 'complaint' ? (r() < 0.5 ? 'paper' : 'electronic') : ['paper', 'oral', 'electronic', 'video'][Math.floor(r() * 4)]!;
      await reg(registrar, {
        organizationId: orgs[code],
        documentType: type,
        form,
        channel: ['post', 'inPerson', 'egovPortal', 'publicPortal', 'contactCentre', 'email'][Math.floor(r() * 6)],
        language: r() < 0.6 ? 'kk' : 'ru',
        ...(form === 'oral' ? { protocolText: 'Хаттама.' } : {}),
        ...(type === 'complaint' ? { complainedOrganizationId: orgs[code] } : {}),
        ...(type !== 'complaint' && r() < 0.1 ? { anonymous: true } : {}),
      });
      continue;
    }
    const id = appeals[Math.floor(r() * appeals.length)]!;
    const row = await t.ctx.db.selectFrom('appeals').select(['organization_id', 'status', 'due_date', 'registration_number']).where('id', '=', id).executeTakeFirstOrThrow();
    const head = headOf.get(row.organization_id);
    if (!head) continue;
    if (op < 0.47) {
      const kind = await randomCorrection(t, a, head, id, r, corrections++);
      if (kind) count(kind);
      continue;
    }
    if (op < 0.55) {
      await signAll(head, id);
      count('signed');
      continue;
    }
    const allowed = await head('GET', `/api/v1/appeals/${id}/decisions/allowed`);
    const codes = (allowed.body.items ?? []).filter((d: { allowed: boolean }) => d.allowed).map((d: { code: string }) => d.code as string);
    if (codes.length === 0) continue;
    const code = codes[Math.floor(r() * codes.length)]!;
    const today = `2026-03-${String(day).padStart(2, '0')}`;
    const other = appeals.find((x) => x !== id);
    const data = decisionData(code, { today, due: row.due_date, r, orgs, organizationId: row.organization_id, other });
    if (!data) continue;
    if (code === '4.5') {
      const sameOrg = await t.ctx.db.selectFrom('appeals').select('id').where('organization_id', '=', row.organization_id).where('id', '<>', id).executeTakeFirst();
      if (!sameOrg) continue;
      data.mainAppealId = sameOrg.id;
    }
    const res = await head('POST', `/api/v1/appeals/${id}/decisions`, { code, ...data });
    if (res.status === 201) {
      count(code);
      if (code === '4.4' || code === '4.24') {
        const opened = await t.ctx.db.selectFrom('appeals').select('id').where('origin_appeal_id', '=', id).execute();
        for (const o of opened) if (!appeals.includes(o.id)) appeals.push(o.id);
      }
    }
    if (code === '4.1' && res.status === 201 && r() < 0.5) {
      const c = await head('POST', `/api/v1/appeals/${id}/move-out/cancel`);
      if (c.status === 200) count('moveOutCancelled');
    }
  }

  // 31 March: the terms that ran out are deemed refusals.
  at(31, 20);
  const swept = await a.controller('POST', '/api/v1/terms/deemed-refusals');
  assert.equal(swept.status, 200, JSON.stringify(swept.body));
  assert.ok(swept.body.recorded >= 1, 'the open application of 2 March is a deemed refusal');
  done.deemedRefusal = swept.body.recorded;
  return { done, appeals };
}

const PETITION = { reason: 'Карточка қате толтырылған', attachments: [{ name: 'анықтама.pdf', mediaType: 'application/pdf', content: Buffer.from('%PDF-1.4\n% Растайтын құжат\n').toString('base64') }] };

/**
 * A random correction of the card, filed and approved through the API (rules p.27): a field of the
 * organization on the statistics authority's report, decided by the organization's head; a card
 * deleted on the head's petition, decided by the authority. Returns what was applied, or null.
 */
async function randomCorrection(t: TestApp, a: Actors, head: Api, chosen: string, r: () => number, turn: number): Promise<string | null> {
  const db = t.ctx.db;
  // a decision-card correction needs an act: the organization's latest one still counted
  const withAct =
    turn % 5 === 2
      ? await db
          .selectFrom('decisions as d')
          .innerJoin('appeals as x', 'x.id', 'd.appeal_id')
          .innerJoin('appeals as c', 'c.organization_id', 'x.organization_id')
          .select('d.appeal_id')
          .where('c.id', '=', chosen)
          .where('d.code', '=', '4.15')
          .where('d.cancelled_at', 'is', null)
          .where((w) =>
            w.not(
              w.exists(
                w
                  .selectFrom('card_deletions as k')
                  .select('k.record_id')
                  .where((v) => v.or([v('k.record_id', '=', v.ref('d.id')), v('k.record_id', '=', v.ref('d.appeal_id'))])),
              ),
            ),
          )
          .orderBy('d.decided_at', 'desc')
          .executeTakeFirst()
      : undefined;
  const id = withAct?.appeal_id ?? chosen;
  const gone = new Set((await db.selectFrom('card_deletions').select('record_id').where('appeal_id', '=', id).execute()).map((x) => x.record_id));
  if (gone.has(id)) return null;
  const appeal = await db.selectFrom('appeals').select(['procedure', 'document_type', 'form', 'channel', 'language', 'from_reception']).where('id', '=', id).executeTakeFirstOrThrow();
  const decisions = (await db.selectFrom('decisions').select(['id', 'code', 'data']).where('appeal_id', '=', id).where('cancelled_at', 'is', null).execute()).filter((d) => !gone.has(d.id));
  const applicant = await db.selectFrom('applicant_cards').select(['id', 'kind']).where('appeal_id', '=', id).where('kind', '=', 'individual').executeTakeFirst();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const act = decisions.find((d) => d.code === '4.15');
  const deletable = decisions.filter((d) => d.code !== '4.14');
  // the kinds in turn, so every kind occurs; one the card cannot take becomes a ТЖ-1 change
  const wanted = ['correction.tzh1', 'correction.ai1', 'correction.tzh2', 'correction.deleteTzh2', 'correction.deleteTzh1'][turn % 5]!;
  const possible = { 'correction.ai1': !!applicant, 'correction.tzh2': !!act, 'correction.deleteTzh2': deletable.length > 0 } as Record<string, boolean>;
  const kind = possible[wanted] === false ? 'correction.tzh1' : wanted;
  let petition: Record<string, unknown>;
  if (kind === 'correction.tzh1') {
    const changes: Record<string, unknown> = {};
    // a complaint stays written (APPC Art. 93); the document type within the procedure
    if (r() < 0.5) changes.form = pick(['paper', 'electronic'].filter((f) => f !== appeal.form));
    if (r() < 0.5) changes.channel = pick(['post', 'inPerson', 'egovPortal', 'contactCentre', 'email', 'personalReception'].filter((c) => c !== appeal.channel));
    if (r() < 0.3) changes.language = appeal.language === 'kk' ? 'ru' : 'kk';
    if (r() < 0.3) changes.fromReception = !appeal.from_reception;
    if (appeal.procedure === 'simplified' && r() < 0.5) changes.documentType = pick(['report', 'inquiry', 'feedback', 'proposal'].filter((d) => d !== appeal.document_type));
    if (Object.keys(changes).length === 0) changes.channel = appeal.channel === 'post' ? 'email' : 'post';
    petition = { action: 'change', changes };
  } else if (kind === 'correction.ai1') {
    petition = { action: 'change', record: { kind: 'ai1', id: applicant!.id }, changes: { 'applicant.lastName': `Түзетілген${Math.floor(r() * 1000)}`, 'applicant.email': 'tuzetu@example.kz' } };
  } else if (kind === 'correction.tzh2') {
    petition = { action: 'change', record: { kind: 'tzh2', id: act!.id }, changes: { 'decision.favourable': act!.data.favourable !== true, 'decision.text': 'Түзетілген мәтін.' } };
  } else if (kind === 'correction.deleteTzh2') {
    petition = { action: 'delete', record: { kind: 'tzh2', id: pick(deletable).id } };
  } else {
    petition = { action: 'delete', record: { kind: 'tzh1', id } };
  }
  const byAuthority = kind === 'correction.deleteTzh1';
  const [petitioner, reviewer] = byAuthority ? [head, a.statistician] : [a.statistician, head];
  const filed = await petitioner('POST', '/api/v1/corrections', { appealId: id, ...PETITION, ...petition });
  assert.equal(filed.status, 201, `${kind}: ${JSON.stringify(filed.body)}`);
  assert.equal(filed.body.decidedBy, byAuthority ? 'authority' : 'organization');
  const applied = await reviewer('POST', `/api/v1/corrections/${filed.body.id}/decision`, { approve: true });
  assert.equal(applied.status, 200, `${kind}: ${JSON.stringify(applied.body)}`);
  return kind;
}

function decisionData(code: string, c: { today: string; due: string; r: () => number; orgs: Record<string, number>; organizationId: number; other: string | undefined }): Record<string, unknown> | null {
  const targets = ['AKM-HEALTH', 'AKM-EDUCATION', 'AKM-AKIMAT', 'AKM-BURABAY-ZLATOPOL'].map((x) => c.orgs[x]!).filter((x) => x !== c.organizationId);
  const target = targets[Math.floor(c.r() * targets.length)]!;
  switch (code) {
    case '4.1':
      return { targetSystem: 'Басқа жүйе', reason: 'publicService' };
    case '4.2':
      return { missing: ['substance'] };
    case '4.3':
      return {};
    case '4.4':
      return c.r() < 0.5 ? { targetOrganizationId: target } : { parts: [{ summary: 'Бөлік', targetOrganizationId: target }], remainderKept: c.r() < 0.5 };
    case '4.5':
      return {};
    case '4.6':
      return { withdrawalReceivedAt: c.today };
    case '4.7':
      return { hearingAt: `${plusDays(c.today, 2)}T10:00:00+05:00`, contacts: '+7 700 000 00 00' };
    case '4.8':
      return { official: 'Маман', selfRecusal: c.r() < 0.5 };
    case '4.9':
    case '4.10':
      return { representative: { name: 'Өкіл Өкілұлы' } };
    case '4.11':
      return { protocol: 'Хаттама.' };
    case '4.12':
      return { remark: 'Ескертпе.' };
    case '4.13':
      return { reason: 'repeatWithoutNewArguments' };
    case '4.14':
      return { newDueDate: '2026-04-30', reason: 'Қосымша тексеру' };
    case '4.15':
      return c.r() < 0.6 ? { favourable: true, text: 'Акт.' } : { favourable: false, text: 'Акт.', hearingException: 'urgency' };
    case '4.16':
      return { requestedAt: c.today };
    case '4.17':
      return { correction: 'Түзету.' };
    case '4.21':
      return { text: 'Шешім.', hearingException: 'urgency' };
    case '4.22':
      return { text: 'Шешім.', violations: 'Бұзушылық.', proposals: 'Ұсыныс.' };
    case '4.18':
    case '4.19':
    case '4.20':
    case '4.23':
    case '4.25':
    case '4.26':
      return { text: 'Шешім.' };
    case '4.24':
      return { targetOrganizationId: c.orgs['AKM-AKIMAT'] === c.organizationId ? c.orgs['AKM-HEALTH'] : c.orgs['AKM-AKIMAT'] };
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Recount 1: plain SQL over appeals and decisions (not the rules of src/domain/form1.ts)

/** The decisions of card `c` that count: not cancelled, not deleted by a correction. */
const ACTIVE = "d.appeal_id = c.id AND d.cancelled_at IS NULL AND NOT EXISTS (SELECT 1 FROM card_deletions x WHERE x.record_kind = 'tzh2' AND x.record_id = d.id)";

/** For each rule of the layout: the day its event happened (flow), as SQL over `c`. */
const FLOW_SQL: Record<string, string> = {
  received: 'c.registration_date',
  fromReception: "CASE WHEN c.from_reception OR c.channel = 'personalReception' THEN c.registration_date END",
  contactCentre: "CASE WHEN c.channel = 'contactCentre' THEN c.registration_date END",
  duplicate: 'CASE WHEN c.duplicate_candidate THEN c.registration_date END',
  forwardedIn: 'CASE WHEN c.origin_appeal_id IS NOT NULL THEN c.registration_date END',
  'language.other': "CASE WHEN c.language NOT IN ('kk', 'ru') THEN c.registration_date END",
  forwardedOut: `(SELECT min(d.decision_date) FROM decisions d WHERE ${ACTIVE} AND d.code IN ('4.4', '4.24'))`,
  reviewed: 'c.review_ended_on',
  actFavourable: "CASE WHEN c.final_decision_code = '4.15' AND c.final_favourable IS TRUE THEN c.review_ended_on END",
  actUnfavourable: "CASE WHEN c.final_decision_code = '4.15' AND c.final_favourable IS NOT TRUE THEN c.review_ended_on END",
  split: `(SELECT min(d.decision_date) FROM decisions d WHERE ${ACTIVE} AND d.code = '4.4' AND jsonb_typeof(d.data->'parts') = 'array')`,
  noticeToFix: `(SELECT min(d.decision_date) FROM decisions d WHERE ${ACTIVE} AND d.code = '4.2')`,
  hearingHeld: `(SELECT min(d.decision_date) FROM decisions d WHERE ${ACTIVE} AND d.code = '4.11')`,
  extended: `(SELECT min(d.decision_date) FROM decisions d WHERE ${ACTIVE} AND d.code = '4.14')`,
  decidedLate: 'CASE WHEN c.review_ended_on > c.due_date THEN c.review_ended_on END',
  deemedRefusal: 'CASE WHEN c.deemed_refusal THEN c.due_date + 1 END',
  answerSent: "(c.answer_sent_at AT TIME ZONE 'Asia/Almaty')::date",
};
for (const [name, code] of Object.entries({
  act: '4.15',
  terminated: '4.13',
  returned: '4.3',
  withdrawn: '4.6',
  forwarded: '4.4',
  actRevoked: '4.18',
  actReplaced: '4.19',
  actionPerformed: '4.20',
  complaintUnsatisfied: '4.21',
  caseSentBack: '4.22',
  complaintNotConsidered: '4.23',
  sentToReviewingBody: '4.24',
  answeredOnMerits: '4.25',
  takenIntoAccount: '4.26',
})) {
  FLOW_SQL[name] = `CASE WHEN c.final_decision_code = '${code}' THEN c.review_ended_on END`;
}
for (const [prefix, column] of [
  ['type', 'document_type'],
  ['form', 'form'],
  ['channel', 'channel'],
  ['applicant', 'applicant_kind'],
  ['language', 'language'],
] as const) {
  for (const v of [
    'application',
    'complaint',
    'report',
    'inquiry',
    'feedback',
    'proposal',
    'paper',
    'oral',
    'electronic',
    'video',
    'post',
    'inPerson',
    'complaintBox',
    'egovPortal',
    'publicPortal',
    'contactCentre',
    'personalReception',
    'email',
    'individual',
    'legalEntity',
    'anonymous',
    'collective',
    'kk',
    'ru',
  ]) {
    FLOW_SQL[`${prefix}.${v}`] ??= `CASE WHEN c.${column} = '${v}' THEN c.registration_date END`;
  }
}

/** For each stock rule: whether the card is in the state at the end of `end` (of a year starting `start`). */
const STOCK_SQL: Record<string, (end: string, start: string) => string> = {
  carriedOver: (_, start) => `c.registration_date < '${start}' AND (c.review_ended_on IS NULL OR c.review_ended_on >= '${start}')`,
  inReviewAtEnd: (end) => `c.registration_date <= '${end}' AND (c.review_ended_on IS NULL OR c.review_ended_on > '${end}')`,
  overdueAtEnd: (end) => `c.registration_date <= '${end}' AND (c.review_ended_on IS NULL OR c.review_ended_on > '${end}') AND c.due_date < '${end}'`,
};

/**
 * The report's cells recounted in SQL for the rows (organization subtree, or its own cards only):
 * row index → 'table/column' → n. Attached (4.5) and moved-out (4.1, not cancelled) cards, and
 * cards and decision cards deleted by a correction, are left out.
 */
export async function sqlRecount(db: Db, year: number, month: number, rows: { organizationId: number; ownOnly: boolean }[]): Promise<Map<number, Map<string, number>>> {
  const start = `${year}-01-01`;
  const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  const out = new Map<number, Map<string, number>>();
  for (const table of FORM1_TABLES) {
    const exprs = table.columns.map((col) => {
      const stock = STOCK_SQL[col.rule];
      const flow = FLOW_SQL[col.rule];
      assert.ok(stock || flow, `no SQL recount for ${col.rule}`);
      const cond = stock ? stock(end, start) : `(${flow}) BETWEEN '${start}' AND '${end}'`;
      return `count(*) FILTER (WHERE ${cond}) AS "${col.key}"`;
    });
    const types = table.documentTypes.map((x) => `'${x}'`).join(', ');
    const rowsJson = JSON.stringify(rows.map((r, i) => ({ i, organization_id: r.organizationId, own_only: r.ownOnly })));
    const result = await sql<Record<string, number>>`
      WITH c AS (
        SELECT a.*,
          (SELECT (d.data->>'favourable')::boolean FROM decisions d
            WHERE ${sql.raw(ACTIVE.replaceAll('c.id', 'a.id'))} AND d.code = a.final_decision_code ORDER BY d.decided_at DESC, d.id DESC LIMIT 1) AS final_favourable
        FROM appeals a
        WHERE NOT EXISTS (SELECT 1 FROM decisions d WHERE ${sql.raw(ACTIVE.replaceAll('c.id', 'a.id'))} AND d.code IN ('4.1', '4.5'))
          AND NOT EXISTS (SELECT 1 FROM card_deletions x WHERE x.record_kind = 'tzh1' AND x.record_id = a.id)
          AND a.document_type IN (${sql.raw(types)})
      ), r AS (
        SELECT * FROM jsonb_to_recordset(${rowsJson}::jsonb) AS x(i integer, organization_id integer, own_only boolean)
      )
      SELECT r.i, ${sql.raw(exprs.join(', '))}
      FROM r
      JOIN organization_closure oc ON oc.ancestor_id = r.organization_id AND (NOT r.own_only OR oc.depth = 0)
      JOIN c ON c.organization_id = oc.descendant_id
      GROUP BY r.i
    `.execute(db);
    for (const row of result.rows) {
      let m = out.get(Number(row.i));
      if (!m) out.set(Number(row.i), (m = new Map()));
      for (const col of table.columns) m.set(`${table.id}/${col.key}`, Number(row[col.key]));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Recount 2: the pure rules over every card, against the aggregates

export async function pureRecountMatches(db: Db, now: Date): Promise<{ cards: number; cells: number }> {
  const ids = (await db.selectFrom('appeals').select('id').execute()).map((r) => r.id);
  const cards = await loadLocalCards(db, ids, { lock: false, journal: false });
  const expected = new Map<string, number>();
  const perCard = new Map<string, string>();
  for (const c of cards) {
    const cells = cellsOf(cardOf(c), now);
    for (const [year, list] of cells) {
      perCard.set(`${c.id}|${year}`, JSON.stringify(list));
      for (const k of list) expected.set(`${c.organizationId}|${year}|${k}`, (expected.get(`${c.organizationId}|${year}|${k}`) ?? 0) + 1);
    }
  }
  const stored = await db.selectFrom('stat_cells').selectAll().where('n', '<>', 0).execute();
  const actual = new Map(stored.map((s) => [`${s.organization_id}|${s.year}|${s.table_id}/${s.column_key}/${s.month}`, s.n]));
  assert.deepEqual(new Map([...actual].sort()), new Map([...expected].sort()), 'stat_cells equal the rules over every card');
  // the subtree sums: every organization's own cells added to it and to each of its ancestors
  const closure = await db.selectFrom('organization_closure').select(['ancestor_id', 'descendant_id']).execute();
  const up = new Map<number, number[]>();
  for (const c of closure) up.set(c.descendant_id, [...(up.get(c.descendant_id) ?? []), c.ancestor_id]);
  const subtree = new Map<string, number>();
  for (const [k, n] of expected) {
    const [org, ...rest] = k.split('|');
    for (const a of up.get(Number(org)) ?? []) subtree.set(`${a}|${rest.join('|')}`, (subtree.get(`${a}|${rest.join('|')}`) ?? 0) + n);
  }
  const storedSubtree = await db.selectFrom('stat_subtree_cells').selectAll().where('n', '<>', 0).execute();
  const actualSubtree = new Map(storedSubtree.map((s) => [`${s.organization_id}|${s.year}|${s.table_id}/${s.column_key}/${s.month}`, s.n]));
  assert.deepEqual(new Map([...actualSubtree].sort()), new Map([...subtree].sort()), 'stat_subtree_cells equal the subtree sums of the rules');
  const cardCells = await db.selectFrom('card_cells').selectAll().execute();
  const storedPerCard = new Map(cardCells.map((c) => [`${c.appeal_id}|${c.year}`, JSON.stringify(c.cells)]));
  assert.deepEqual(new Map([...storedPerCard].sort()), new Map([...perCard].sort()), 'card_cells equal the rules card by card');
  return { cards: cards.length, cells: actual.size };
}

/** A refusal (4.15, unfavourable) stored as an import would, around the door: no hearing notice
 *  before it and no detection of its own (the control department's detector tests, EA-06). */
export async function importRefusal(db: Db, appeal: { id: string; organizationId: number }): Promise<void> {
  await db
    .insertInto('decisions')
    .values({
      id: randomUUID(),
      appeal_id: appeal.id,
      organization_id: appeal.organizationId,
      code: '4.15',
      decision_date: '2026-03-02',
      decided_at: new Date('2026-03-02T06:00:00Z'),
      actor_id: null,
      actor_name: 'импорт',
      data: JSON.stringify({ favourable: false, text: 'Бас тартылсын.' }),
    })
    .execute();
}
