import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, rowCounts, type TestApp, type Api } from '../../test/support.ts';
import { extractPdfText } from '../pdf/pdf-text.ts';
import { formatDateTime } from '../domain/dates.ts';
import { createDemoCa, issueDemoCertificate } from '../letters/demo-pki.ts';
import { signDetached } from '../letters/cms.ts';

// Wednesday 18 March 2026, 10:00 in Astana. Nauryz: 23–25 March are days off.
let t: TestApp;
let registrar: Api;
let head: Api;
let executor: Api;
let executorId: string;
let orgs: Record<string, number>;

const applicant = {
  kind: 'individual',
  iin: '870412300416',
  lastName: 'Әлібеков',
  firstName: 'Қуаныш',
  phone: '+77015551234',
  email: 'kuanysh@example.kz',
} as const;

const application = {
  documentType: 'application',
  form: 'paper',
  channel: 'post',
  language: 'kk',
  summary: 'Жер учаскесін беру туралы',
  text: 'Жеке тұрғын үй құрылысы үшін жер учаскесін беруді сұраймын.',
  applicant,
};

async function register(body: Record<string, unknown> = {}) {
  const res = await registrar('POST', '/api/v1/appeals', { ...application, ...body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { id: string; registrationNumber: string; talonNumber: string; dueDate: string; registrationDate: string };
}

async function decide(api: Api, appealId: string, body: Record<string, unknown>, status = 201) {
  const res = await api('POST', `/api/v1/appeals/${appealId}/decisions`, body);
  assert.equal(res.status, status, `${body.code}: ${JSON.stringify(res.body)}`);
  return res.body;
}

async function assign(appealId: string, api: Api = head, executor = executorId) {
  const res = await api('POST', `/api/v1/appeals/${appealId}/assignments`, { executorId: executor });
  assert.equal(res.status, 201, JSON.stringify(res.body));
}

async function signAll(appealId: string, api: Api = head) {
  const key = await api('GET', '/api/v1/me/demo-key.p12');
  assert.equal(key.status, 200);
  const letters = await api('GET', `/api/v1/appeals/${appealId}/letters`);
  for (const l of letters.body.items.filter((x: { signed: boolean }) => !x.signed)) {
    const res = await api('POST', `/api/v1/appeals/${appealId}/letters/${l.id}/sign`, { pkcs12: key.raw.toString('base64'), password: 'demo' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
  return (await api('GET', `/api/v1/appeals/${appealId}/letters`)).body.items;
}

const get = async (api: Api, id: string) => (await api('GET', `/api/v1/appeals/${id}`)).body;

before(async () => {
  t = await testApp();
  registrar = await t.as('registrar');
  head = await t.as('head');
  executor = await t.as('executor');
  executorId = (await executor('GET', '/api/v1/me')).body.id;
  const list = await t.ctx.db.selectFrom('organizations').select(['id', 'code']).execute();
  orgs = Object.fromEntries(list.map((o) => [o.code, o.id]));
});
after(() => t.close());

describe('administrative procedure', () => {
  test('an application to a favourable act after a hearing: the executor drafts, the head returns once, then approves by signing; answered and verifiable', async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const a = await register();
    await assign(a.id);
    assert.equal((await get(head, a.id)).status, 'inExecution');

    const allowed = await executor('GET', `/api/v1/appeals/${a.id}/decisions/allowed`);
    const hearing = allowed.body.items.find((d: { code: string }) => d.code === '4.7');
    assert.deepEqual([hearing.allowed, hearing.approval], [true, true]);
    assert.equal(allowed.body.items.find((d: { code: string }) => d.code === '4.14').allowed, false);

    // The executor's preliminary decision is a draft with its letter, in the head's queue.
    const summons = { code: '4.7', hearingAt: '2026-03-27T11:00:00+05:00', place: 'Щучинск, Абылай хан 22, 3-кабинет' };
    const first = await decide(executor, a.id, summons);
    assert.deepEqual([first.decision.state, first.decision.decisionDate, first.status], ['draft', null, 'inExecution']);
    const toApprove = await head('GET', '/api/v1/queues/toApprove?limit=100');
    assert.ok(toApprove.body.items.some((x: { id: string }) => x.id === a.id));
    const again = await executor('POST', `/api/v1/appeals/${a.id}/decisions`, summons);
    assert.deepEqual([again.status, again.body.error.code], [409, 'decision.draftPending']);

    // Returned for rework: the head must say why; the draft's letter goes.
    const noRemark = await head('POST', `/api/v1/appeals/${a.id}/drafts/${first.decision.id}/return`, {});
    assert.equal(noRemark.status, 422);
    const returned = await head('POST', `/api/v1/appeals/${a.id}/drafts/${first.decision.id}/return`, { remark: 'Орынды нақтылаңыз' });
    assert.equal(returned.status, 200, JSON.stringify(returned.body));
    assert.equal((await head('GET', `/api/v1/appeals/${a.id}/letters`)).body.total, 0);
    const drafts = (await executor('GET', `/api/v1/appeals/${a.id}/drafts`)).body.items;
    assert.deepEqual(
      drafts.map((d: { draft: { status: string; remark: string } }) => [d.draft.status, d.draft.remark]),
      [['returned', 'Орынды нақтылаңыз']],
    );

    await decide(executor, a.id, { ...summons, place: 'Щучинск, Абылай хан 22, 3-кабинет (2-қабат)' });
    // Approved the next day by signing the letter: the card takes that day, the letter too.
    t.setNow('2026-03-19T09:30:00+05:00');
    const [noticeLetter] = await signAll(a.id);
    assert.deepEqual([noticeLetter.decisionCode, noticeLetter.letterDate, noticeLetter.signature.valid], ['4.7', '2026-03-19', true]);
    assert.equal(noticeLetter.number, `${a.registrationNumber}-1`, "the returned draft's letter never went out: its number is free");
    assert.equal((await get(head, a.id)).status, 'hearing');
    const cards = (await head('GET', `/api/v1/appeals/${a.id}/decisions`)).body.items;
    assert.deepEqual(
      cards.map((d: { code: string; decisionDate: string; actor: { name: string } }) => [d.code, d.decisionDate]),
      [['4.7', '2026-03-19']],
    );

    t.setNow('2026-03-27T12:00:00+05:00');
    await decide(executor, a.id, { code: '4.11', protocol: 'Арыз иесі өз ұстанымын айтты.' });
    const act = await decide(executor, a.id, { code: '4.15', favourable: true, text: 'Жер учаскесі берілсін.' });
    assert.deepEqual([act.decision.state, act.decision.code, act.status], ['draft', '4.15', 'hearing']);

    const letters = await signAll(a.id);
    const final = letters.at(-1);
    assert.equal(final.decisionCode, '4.15');
    assert.equal(final.signature.valid, true);
    const card = await get(head, a.id);
    assert.equal(card.status, 'completed');

    // A second final decision is refused and changes nothing.
    const before = await rowCounts(t.database);
    const second = await executor('POST', `/api/v1/appeals/${a.id}/decisions`, { code: '4.15', favourable: true, text: 'Тағы' });
    assert.equal(second.status, 409);
    assert.equal(second.body.error.code, 'decision.reviewEnded');
    assert.deepEqual(await rowCounts(t.database), before);

    const pdf = await head('GET', `/api/v1/appeals/${a.id}/letters/${final.id}.pdf`);
    assert.equal(pdf.status, 200);
    const text = await extractPdfText(pdf.raw);
    assert.ok(text.includes(a.registrationNumber));

    const verify = await fetch(`${t.url}/api/v1/verify/${final.id}`);
    const v = (await verify.json()) as { valid: boolean; signer: { name: string } };
    assert.equal(v.valid, true);
    assert.equal(v.signer.name, 'Қасымов Нұрлан Жақсылықұлы');
    const page = await (await fetch(`${t.url}/verify/${final.id}`)).text();
    assert.ok(page.includes('Подпись действительна'));
    // signed at 12:00 in Almaty (07:00 UTC): the page shows the local time and dd.MM.yyyy (issue 10 item 8)
    const signedAt = /Время подписания<\/dt><dd>([^<]*)</.exec(page)?.[1];
    assert.equal(signedAt, `${formatDateTime((v as unknown as { signedAt: string }).signedAt, 'kk')} (Asia/Almaty)`);
    assert.match(signedAt ?? '', /^27\.03\.2026 12:\d\d /);

    // Tampering with the stored letter breaks the signature.
    const stored = await t.ctx.db.selectFrom('letters').select('pdf').where('id', '=', final.id).executeTakeFirstOrThrow();
    const tampered = Buffer.from(stored.pdf);
    tampered[tampered.length - 10] = (tampered[tampered.length - 10]! + 1) % 256;
    await t.ctx.db.updateTable('letters').set({ pdf: tampered }).where('id', '=', final.id).execute();
    const bad = (await (await fetch(`${t.url}/api/v1/verify/${final.id}`)).json()) as { valid: boolean; reason: string };
    assert.deepEqual([bad.valid, bad.reason], [false, 'digestMismatch']);

    // The applicant was told, with the letter attached to the e-mail.
    const messages = await t.ctx.db.selectFrom('outbox').select(['kind', 'channel', 'attachment_name']).where('appeal_id', '=', a.id).execute();
    assert.ok(messages.some((m) => m.kind === 'decision' && m.channel === 'email' && m.attachment_name));
    assert.ok(messages.some((m) => m.kind === 'hearingNotice' && m.channel === 'sms'));

    const events = (await head('GET', `/api/v1/appeals/${a.id}/events`)).body.items.map((e: { kind: string }) => e.kind);
    assert.deepEqual(
      events.filter((k: string) => k !== 'letterSigned'),
      ['registered', 'assigned', 'decisionDrafted', 'draftReturned', 'decisionDrafted', 'decision', 'decision', 'decisionDrafted', 'decision'],
    );
    assert.equal(events.filter((k: string) => k === 'letterSigned').length, 3);
  });

  test('an unfavourable act waits for the hearing notice to go out and for its window to close', async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const a = await register({ summary: 'Тыңдау терезесі' });
    await assign(a.id);
    const early = await executor('POST', `/api/v1/appeals/${a.id}/decisions`, { code: '4.15', favourable: false, text: 'Бас тарту' });
    assert.equal(early.status, 409);
    assert.equal(early.body.error.code, 'decision.hearingNoticeMissing');
    // The head's own notice is saved at once, but the window runs only once its letter has gone out.
    await decide(head, a.id, { code: '4.7', hearingAt: '2026-03-20T11:00:00+05:00' });
    t.setNow('2026-04-06T10:00:00+05:00');
    const unsent = await head('POST', `/api/v1/appeals/${a.id}/decisions`, { code: '4.15', favourable: false, text: 'Бас тарту' });
    assert.deepEqual([unsent.status, unsent.body.error.code], [409, 'decision.hearingNoticeNotSent']);
    // Sent on Monday 6 April: the act from Thursday 9 April (3 WD, Art. 73 p.1).
    await signAll(a.id);
    t.setNow('2026-04-08T10:00:00+05:00');
    const open = await executor('POST', `/api/v1/appeals/${a.id}/decisions`, { code: '4.15', favourable: false, text: 'Бас тарту' });
    assert.equal(open.status, 409);
    assert.equal(open.body.error.code, 'decision.hearingWindowOpen');
    assert.equal(open.body.error.message.includes('2026-04-09'), true, open.body.error.message);
    t.setNow('2026-04-09T10:00:00+05:00');
    const ok = await decide(executor, a.id, { code: '4.15', favourable: false, text: 'Бас тарту: негіз жоқ.' });
    assert.equal(ok.decision.state, 'draft');
    await signAll(a.id);
    assert.equal((await get(head, a.id)).status, 'completed');
  });

  test('an extension is refused to an executor and granted to a head within two months', async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const a = await register({ summary: 'Ұзарту' });
    await assign(a.id);
    const byExecutor = await executor('POST', `/api/v1/appeals/${a.id}/decisions`, { code: '4.14', newDueDate: '2026-05-15', reason: 'Қосымша тексеру' });
    assert.equal(byExecutor.status, 409);
    assert.equal(byExecutor.body.error.code, 'decision.headOnly');
    const beyond = await head('POST', `/api/v1/appeals/${a.id}/decisions`, { code: '4.14', newDueDate: '2026-05-19', reason: 'Қосымша тексеру' });
    assert.equal(beyond.status, 409);
    assert.equal(beyond.body.error.code, 'decision.extensionBeyondCap');
    const granted = await decide(head, a.id, { code: '4.14', newDueDate: '2026-05-18', reason: 'Басқа органдардан ақпарат сұралды' });
    assert.equal(granted.dueDate, '2026-05-18');
    assert.ok(granted.dueDate > a.dueDate);
    // The applicant is told within 3 working days (Art. 76 p.3): an obligation until the letter goes out.
    const obligations = (await head('GET', '/api/v1/terms/obligations')).body.items;
    const notice = obligations.find((o: { kind: string; appealId: string }) => o.kind === 'notifyExtension' && o.appealId === a.id);
    assert.equal(notice.dueDate, '2026-03-26');
    await signAll(a.id);
    assert.ok(!(await head('GET', '/api/v1/terms/obligations')).body.items.some((o: { appealId: string }) => o.appealId === a.id));
  });

  test('an extension before anyone is assigned leaves the appeal awaiting routing (routing follows assignment, issue 10 defect 2)', async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const a = await register({ summary: 'Тағайындаудан бұрын ұзарту' });
    const extended = await decide(head, a.id, { code: '4.14', newDueDate: '2026-05-15', reason: 'Қосымша тексеру' });
    assert.equal(extended.status, 'registered');
    const routing = (await head('GET', '/api/v1/queues/awaitingRouting?limit=100')).body.items.map((i: { id: string }) => i.id);
    assert.ok(routing.includes(a.id), 'still awaiting routing');
    await assign(a.id);
    assert.equal((await get(head, a.id)).status, 'inExecution');
  });

  test('a decision the procedure does not allow is refused with a clear error and changes nothing', async () => {
    const a = await register({ summary: 'Рәсімге сай емес' });
    await assign(a.id);
    const before = await rowCounts(t.database);
    const res = await executor('POST', `/api/v1/appeals/${a.id}/decisions`, { code: '4.25', text: 'Мәні бойынша жауап' });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'decision.notForProcedure');
    assert.ok(res.body.error.message.length > 0);
    const invalid = await executor('POST', `/api/v1/appeals/${a.id}/decisions`, { code: '4.14' });
    assert.equal(invalid.status >= 400 && invalid.status < 500, true);
    assert.deepEqual(await rowCounts(t.database), before);
  });

  test('a notice to bring the appeal into line: fixed in time it goes on, not fixed it is returned', async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const fixed = await register({ summary: 'Қолы жоқ арыз' });
    const notice = await decide(registrar, fixed.id, { code: '4.2', missing: ['signature'], fixBy: '2026-03-27' });
    assert.equal(notice.status, 'awaitingFix');
    const offered = async () => (await registrar('GET', `/api/v1/appeals/${fixed.id}/decisions/allowed`)).body.recordFix;
    assert.equal(await offered(), true);
    const res = await registrar('POST', `/api/v1/appeals/${fixed.id}/compliance/fixed`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'registered');
    assert.equal(await offered(), false);
    t.setNow('2026-03-30T10:00:00+05:00');
    await assign(fixed.id);
    const refused = await executor('POST', `/api/v1/appeals/${fixed.id}/decisions`, { code: '4.3' });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'decision.appealFixed');

    t.setNow('2026-03-18T10:00:00+05:00');
    const unfixed = await register({ summary: 'Мекенжайы жоқ арыз' });
    await decide(registrar, unfixed.id, { code: '4.2', missing: ['signature'], fixBy: '2026-03-27' });
    await assign(unfixed.id);
    const early = await executor('POST', `/api/v1/appeals/${unfixed.id}/decisions`, { code: '4.3' });
    assert.equal(early.body.error.code, 'decision.fixTermNotExpired');
    t.setNow('2026-03-30T10:00:00+05:00');
    const returned = await decide(executor, unfixed.id, { code: '4.3' });
    assert.deepEqual([returned.decision.state, returned.status], ['draft', 'awaitingFix']);
    await signAll(unfixed.id);
    assert.equal((await get(head, unfixed.id)).status, 'returned');
  });

  test('a split appeal: parts forwarded to two organizations and answered by each', async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const a = await register({ summary: 'Денсаулық пен білім туралы' });
    const split = await decide(registrar, a.id, {
      code: '4.4',
      parts: [
        { summary: 'Емханадағы кезек', targetOrganizationId: orgs['AKM-HEALTH'] },
        { summary: 'Мектептегі орын', targetOrganizationId: orgs['AKM-EDUCATION'] },
      ],
      remainderKept: false,
    });
    assert.equal(split.status, 'toSign');
    await signAll(a.id);
    assert.equal((await get(head, a.id)).status, 'forwarded');
    for (const [i, code] of [
      [1, 'AKM-HEALTH'],
      [2, 'AKM-EDUCATION'],
    ] as const) {
      const headId = await t.createUser(`head-${code}`, code, ['head'], `Басшы ${code}`);
      const execId = await t.createUser(`exec-${code}`, code, ['executor']);
      await t.issueDemoKey(headId);
      const h = await t.as(`head-${code}`);
      const e = await t.as(`exec-${code}`);
      const list = await h('GET', `/api/v1/appeals?registrationNumber=${encodeURIComponent(`${a.registrationNumber}/${i}`)}`);
      assert.equal(list.body.total, 1);
      const part = await get(h, list.body.items[0].id);
      assert.equal(part.talonNumber, a.talonNumber);
      assert.equal(part.organization.code, code);
      await assign(part.id, h, execId);
      await decide(e, part.id, { code: '4.15', favourable: true, text: 'Қанағаттандырылсын.' });
      await signAll(part.id, h);
      assert.equal((await get(h, part.id)).status, 'completed');
    }
  });

  test('a duplicate is attached to its main appeal', async () => {
    const main = await register({ summary: 'Жарық жоқ', text: 'Көшеде түнде жарық жоқ, шам жанбайды.' });
    const copy = await register({ summary: 'Жарық жоқ', text: 'Көшеде түнде жарық жоқ, шам жанбайды.' });
    assert.equal((await get(registrar, copy.id)).duplicateCandidates[0].appealId, main.id);
    const res = await decide(registrar, copy.id, { code: '4.5', mainAppealId: main.id });
    assert.equal(res.status, 'toSign');
    await signAll(copy.id);
    assert.equal((await get(head, copy.id)).status, 'attached');
  });

  test('a document moved out within one working day, then the move cancelled', async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const a = await register({ summary: 'Сот ісі бойынша құжат' });
    const moved = await decide(registrar, a.id, { code: '4.1', targetSystem: 'Төрелік', reason: 'otherProcedureLaw' });
    assert.equal(moved.status, 'movedOut');
    const offered = async () => (await registrar('GET', `/api/v1/appeals/${a.id}/decisions/allowed`)).body.cancelMoveOut;
    assert.deepEqual(await offered(), { allowed: true, until: '2026-03-19' });
    t.setNow('2026-03-19T17:00:00+05:00');
    const cancel = await registrar('POST', `/api/v1/appeals/${a.id}/move-out/cancel`);
    assert.equal(cancel.status, 200, JSON.stringify(cancel.body));
    assert.equal(cancel.body.status, 'registered');
    const again = await decide(registrar, a.id, { code: '4.1', targetSystem: 'Төрелік', reason: 'otherProcedureLaw' });
    assert.equal(again.status, 'movedOut');
    t.setNow('2026-03-26T10:00:00+05:00'); // the window closed with 20 March, the next working day
    assert.deepEqual(await offered(), { allowed: false });
    const late = await registrar('POST', `/api/v1/appeals/${a.id}/move-out/cancel`);
    assert.equal(late.status, 409);
    assert.equal(late.body.error.code, 'decision.cancelMoveOut.windowClosed');
  });
});

describe('complaint procedure', () => {
  const complaint = {
    documentType: 'complaint',
    form: 'paper',
    summary: 'Тұрғын үй кезегіне қоюдан бас тартуға шағым',
    text: 'Бас тартуды заңсыз деп санаймын.',
  };

  test('granted in full within 3 working days by the body complained about', async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const c = await register({ ...complaint, complainedOrganizationId: orgs['AKM-BURABAY'], complainedOfficial: 'Серікбаев А.' });
    await assign(c.id);
    t.setNow('2026-03-20T10:00:00+05:00');
    const granted = await decide(executor, c.id, { code: '4.15', favourable: true, text: 'Шағым толық қанағаттандырылды.' });
    assert.equal(granted.decision.state, 'draft');
    await signAll(c.id);
    assert.equal((await get(head, c.id)).status, 'completed');
  });

  test('sent to the reviewing body, which decides it within 20 working days', async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const c = await register({ ...complaint, complainedOrganizationId: orgs['AKM-BURABAY'] });
    const sent = await decide(head, c.id, { code: '4.24', targetOrganizationId: orgs['AKM-AKIMAT'] });
    assert.equal(sent.status, 'toSign');
    await signAll(c.id);
    assert.equal((await get(head, c.id)).status, 'forwarded');

    const reviewerId = await t.createUser('oblast-head', 'AKM-AKIMAT', ['head'], 'Облыс әкімінің орынбасары');
    await t.createUser('oblast-exec', 'AKM-AKIMAT', ['executor']);
    await t.issueDemoKey(reviewerId);
    const reviewer = await t.as('oblast-head');
    const list = await reviewer('GET', `/api/v1/appeals?registrationNumber=${encodeURIComponent(c.registrationNumber)}&organization=${orgs['AKM-AKIMAT']}`);
    const atReviewer = list.body.items.find((x: { organizationId: number }) => x.organizationId === orgs['AKM-AKIMAT']);
    const card = await get(reviewer, atReviewer.id);
    assert.equal(card.registrationDate, '2026-03-18');
    assert.equal(card.dueDate, '2026-04-17'); // 20 WD from its registration there (APPC Art. 99)
    // The body complained about can no longer grant it; the reviewing body decides.
    const execId = (await (await t.as('oblast-exec'))('GET', '/api/v1/me')).body.id;
    await assign(card.id, reviewer, execId);
    const reviewerExec = await t.as('oblast-exec');
    await decide(reviewerExec, card.id, { code: '4.7', hearingAt: '2026-03-26T10:00:00+05:00', contacts: '+7 7162 00 00 00' });
    await signAll(card.id, reviewer);
    t.setNow('2026-03-27T10:00:00+05:00');
    await decide(reviewerExec, card.id, { code: '4.11', protocol: 'Тыңдалды.' });
    const decided = await decide(reviewerExec, card.id, { code: '4.18', text: 'Бөлімнің шешімі жойылсын.' });
    assert.equal(decided.decision.state, 'draft');
    await signAll(card.id, reviewer);
    assert.equal((await get(reviewer, card.id)).status, 'completed');
  });
});

describe('simplified procedure', () => {
  test('an anonymous report is terminated by the head', async () => {
    const r = await register({ documentType: 'report', channel: 'complaintBox', summary: 'Аноним хабарлама', applicant: undefined, anonymous: true });
    await assign(r.id);
    const byExecutor = await executor('POST', `/api/v1/appeals/${r.id}/decisions`, { code: '4.25', text: 'Жауап' });
    assert.equal(byExecutor.status, 409);
    assert.equal(byExecutor.body.error.code, 'decision.anonymousMustBeTerminated');
    const terminated = await decide(head, r.id, { code: '4.13', reason: 'anonymous' });
    assert.equal(terminated.status, 'toSign');
    await signAll(r.id);
    assert.equal((await get(head, r.id)).status, 'terminated');
  });

  test('crime information found after registration is marked, and the anonymous report is then forwarded, not terminated', async () => {
    const r = await register({ documentType: 'report', channel: 'complaintBox', summary: 'Аноним хабарлама: ұрлық', applicant: undefined, anonymous: true });
    const mark = await head('POST', `/api/v1/appeals/${r.id}/security-info`, { securityInfo: true, reason: 'Дайындалып жатқан ұрлық туралы мәлімет бар' });
    assert.equal(mark.status, 200, JSON.stringify(mark.body));
    const terminate = await head('POST', `/api/v1/appeals/${r.id}/decisions`, { code: '4.13', reason: 'anonymous' });
    assert.equal(terminate.body.error.code, 'decision.anonymousMustBeForwarded');
    const events = (await head('GET', `/api/v1/appeals/${r.id}/events`)).body.items;
    assert.deepEqual(events.at(-1).changes.securityInfo, { from: false, to: true });
  });

  test('an anonymous report on a crime is forwarded at once', async () => {
    const r = await register({
      documentType: 'report',
      channel: 'complaintBox',
      summary: 'Қылмыс туралы аноним хабарлама',
      applicant: undefined,
      anonymous: true,
      securityInfo: true,
    });
    const terminate = await head('POST', `/api/v1/appeals/${r.id}/decisions`, { code: '4.13', reason: 'anonymous' });
    assert.equal(terminate.status, 409);
    assert.equal(terminate.body.error.code, 'decision.anonymousMustBeForwarded');
    const forwarded = await decide(registrar, r.id, { code: '4.4', targetOrganizationId: orgs['KNB'] });
    assert.equal(forwarded.status, 'toSign');
  });

  test('"at once" is a term of its own: the day of registration, or of the marking; a forward two working days later violates it (APPC Art. 88 p.1, issue 10 defect 16)', async () => {
    const forwardAtOnce = async (api: Api, id: string, state = 'open') =>
      (await api('GET', `/api/v1/terms/obligations?state=${state}`)).body.items.find((o: { appealId: string; kind: string }) => o.appealId === id && o.kind === 'forwardAtOnce');
    t.setNow('2026-03-18T10:00:00+05:00');
    const anonymous = { documentType: 'report', channel: 'complaintBox', applicant: undefined, anonymous: true };
    const late = await register({ ...anonymous, summary: 'Қауіп туралы аноним хабарлама', securityInfo: true });
    assert.equal((await forwardAtOnce(head, late.id)).dueDate, '2026-03-18', 'due the day it is registered');
    const marked = await register({ ...anonymous, summary: 'Кейін белгіленген хабарлама' });
    assert.equal(await forwardAtOnce(head, marked.id), undefined, 'no such duty before the marking');
    t.setNow('2026-03-19T11:00:00+05:00');
    await head('POST', `/api/v1/appeals/${marked.id}/security-info`, { securityInfo: true, reason: 'Қауіп туралы мәлімет' });
    assert.equal((await forwardAtOnce(head, marked.id)).dueDate, '2026-03-19', 'due the day it is marked');
    await decide(registrar, marked.id, { code: '4.4', targetOrganizationId: orgs['KNB'] });
    assert.equal(await forwardAtOnce(head, marked.id), undefined, 'met by the forward the same day');
    // two working days later (Nauryz 20–25 March aside): violated
    t.setNow('2026-03-27T10:00:00+05:00');
    await decide(registrar, late.id, { code: '4.4', targetOrganizationId: orgs['KNB'] });
    const violated = await forwardAtOnce(head, late.id, 'violated');
    assert.deepEqual([violated.dueDate, violated.metOn, violated.violated], ['2026-03-18', '2026-03-27', true]);
    // unmarked before the forward: the duty is gone
    const unmarked = await register({ ...anonymous, summary: 'Қате белгіленген хабарлама', securityInfo: true });
    await head('POST', `/api/v1/appeals/${unmarked.id}/security-info`, { securityInfo: false, reason: 'Қате белгіленді' });
    assert.equal(await forwardAtOnce(head, unmarked.id), undefined);
  });
});

describe('terms', () => {
  test('overdue and at-risk appeals are listed; a missed term is recorded as a deemed refusal', async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const a = await register({ summary: 'Мерзімі өтетін арыз' });
    t.setNow('2026-04-09T10:00:00+05:00');
    const atRisk = (await head('GET', '/api/v1/terms/control?atRiskDays=3')).body.items.find((x: { id: string }) => x.id === a.id);
    assert.equal(atRisk.overdue, false);
    assert.equal(atRisk.daysLeft, 1);
    t.setNow('2026-04-13T10:00:00+05:00');
    const overdue = (await head('GET', '/api/v1/terms/control')).body.items.find((x: { id: string }) => x.id === a.id);
    assert.equal(overdue.overdue, true);
    const controller = await t.as('controller');
    const swept = await controller('POST', '/api/v1/terms/deemed-refusals');
    assert.ok(swept.body.recorded >= 1);
    const events = (await head('GET', `/api/v1/appeals/${a.id}/events`)).body.items;
    assert.ok(events.some((e: { kind: string }) => e.kind === 'deemedRefusal'));
    assert.equal((await controller('POST', '/api/v1/terms/deemed-refusals')).body.recorded, 0);
  });
});

describe('signing certificates', () => {
  test('a letter is signed only with a certificate registered to the signer and not revoked', async () => {
    const admin = await t.as('admin');
    const newHeadId = await t.createUser('head.new', 'AKM-BURABAY', ['head'], 'Жаңа Басшы');
    const newHead = await t.as('head.new');
    // a key from a trusted authority, not yet registered to anyone
    const ca = await createDemoCa('Ұлттық куәландырушы орталық (тест)', new Date('2026-01-01T00:00:00Z'));
    await t.ctx.db.insertInto('trusted_certificates').values({ subject: 'CN=NUC test', pem: ca.certificatePem, added_at: new Date() }).execute();
    const key = await issueDemoCertificate(ca, { commonName: 'Жаңа Басшы' }, 'secret', new Date('2026-01-01T00:00:00Z'));
    const sign = async (appealId: string) => {
      const [letter] = (await newHead('GET', `/api/v1/appeals/${appealId}/letters`)).body.items;
      return newHead('POST', `/api/v1/appeals/${appealId}/letters/${letter.id}/sign`, { pkcs12: Buffer.from(key.pkcs12).toString('base64'), password: 'secret' });
    };
    const first = await register({ summary: 'Сертификат 1' });
    await decide(newHead, first.id, { code: '4.15', favourable: true, text: 'Иә.' });
    const refused = await sign(first.id);
    assert.equal(refused.status, 422);
    assert.equal(refused.body.error.code, 'letter.signature.notSignersCertificate');

    const byRegistrar = await registrar('POST', `/api/v1/users/${newHeadId}/certificates`, { certificatePem: key.certificatePem });
    assert.equal(byRegistrar.status, 403);
    const unreadable = await admin('POST', `/api/v1/users/${newHeadId}/certificates`, { certificatePem: 'not a certificate' });
    assert.equal(unreadable.body.error.fields[0].code, 'certificate.unreadable');
    const added = await admin('POST', `/api/v1/users/${newHeadId}/certificates`, { certificatePem: key.certificatePem });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.equal((await admin('POST', `/api/v1/users/${newHeadId}/certificates`, { certificatePem: key.certificatePem })).status, 409, 'one owner per certificate');
    assert.equal((await sign(first.id)).status, 200);
    const signed = (await newHead('GET', `/api/v1/appeals/${first.id}/letters`)).body.items[0];
    assert.equal(signed.signature.valid, true);

    // the user revokes it (a lost key): it signs no more, and stays listed
    assert.equal((await registrar('GET', `/api/v1/users/${newHeadId}/certificates`)).status, 403);
    assert.equal((await newHead('POST', `/api/v1/users/${newHeadId}/certificates/${added.body.id}/revoke`)).status, 204);
    const listed = (await newHead('GET', `/api/v1/users/${newHeadId}/certificates`)).body.items;
    assert.deepEqual(
      listed.map((c: { id: string; revokedAt: string | null }) => [c.id, c.revokedAt !== null]),
      [[added.body.id, true]],
    );
    const second = await register({ summary: 'Сертификат 2' });
    await decide(newHead, second.id, { code: '4.15', favourable: true, text: 'Иә.' });
    const revoked = await sign(second.id);
    assert.equal(revoked.body.error.code, 'letter.signature.certificateRevoked');
    const events = await t.ctx.db.selectFrom('events').select('kind').where('kind', 'in', ['certificateRegistered', 'certificateRevoked']).execute();
    assert.deepEqual(events.map((e) => e.kind).sort(), ['certificateRegistered', 'certificateRevoked']);
  });
});

describe('approval', () => {
  test("a deputy signs a letter naming the head: it is rendered anew in the deputy's name; a signature made elsewhere needs the prepared PDF", async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const deputyId = await t.createUser('deputy', 'AKM-BURABAY', ['head'], 'Орынбасар Айгүл Серікқызы');
    await t.issueDemoKey(deputyId);
    const deputy = await t.as('deputy');
    const a = await register({ summary: 'Орынбасар қол қояды' });
    await assign(a.id);
    await decide(executor, a.id, { code: '4.15', favourable: true, text: 'Қанағаттандырылсын.' });
    const [draftLetter] = (await deputy('GET', `/api/v1/appeals/${a.id}/letters`)).body.items;
    assert.equal(draftLetter.decisionId, null);
    assert.notEqual(draftLetter.signatory.id, deputyId);

    // A detached CMS over the bytes as they are names the wrong head: refused, nothing signed.
    const key = (await deputy('GET', '/api/v1/me/demo-key.p12')).raw;
    const asIs = await deputy('GET', `/api/v1/appeals/${a.id}/letters/${draftLetter.id}.pdf`);
    const cmsOverOld = await signDetached(asIs.raw, key, 'demo', new Date('2026-03-18T05:00:00Z'));
    const stale = await deputy('POST', `/api/v1/appeals/${a.id}/letters/${draftLetter.id}/sign`, { signature: Buffer.from(cmsOverOld).toString('base64') });
    assert.deepEqual([stale.status, stale.body.error.code], [409, 'letter.notPrepared']);

    // Prepared for the deputy, fetched, signed by their own tool: the draft is approved.
    const prepared = await deputy('POST', `/api/v1/appeals/${a.id}/letters/${draftLetter.id}/prepare`);
    assert.equal(prepared.status, 200, JSON.stringify(prepared.body));
    assert.notEqual(prepared.body.sha256, draftLetter.sha256);
    const pdf = await deputy('GET', `/api/v1/appeals/${a.id}/letters/${draftLetter.id}.pdf`);
    assert.ok((await extractPdfText(pdf.raw)).includes('Орынбасар Айгүл Серікқызы'));
    const cms = await signDetached(pdf.raw, key, 'demo', new Date('2026-03-18T05:00:00Z'));
    const signed = await deputy('POST', `/api/v1/appeals/${a.id}/letters/${draftLetter.id}/sign`, { signature: Buffer.from(cms).toString('base64') });
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    assert.equal(signed.body.status, 'completed');
    const [letter] = (await deputy('GET', `/api/v1/appeals/${a.id}/letters`)).body.items;
    assert.deepEqual([letter.signed, letter.signature.valid, letter.signerName, letter.signatory.id], [true, true, 'Орынбасар Айгүл Серікқызы', deputyId]);
    const [card] = (await deputy('GET', `/api/v1/appeals/${a.id}/decisions`)).body.items;
    assert.deepEqual([card.code, card.actor.id, card.decisionDate], ['4.15', deputyId, '2026-03-18']);
  });

  test("the head's own final decision supersedes a pending draft; the control department and the author may return drafts", async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const a = await register({ summary: 'Жобаның орнына' });
    await assign(a.id);
    const draft = await decide(executor, a.id, { code: '4.15', favourable: true, text: 'Жоба' });
    const own = await decide(head, a.id, { code: '4.15', favourable: true, text: 'Басшының актісі' });
    assert.equal(own.decision.state, 'taken');
    const drafts = (await head('GET', `/api/v1/appeals/${a.id}/drafts`)).body.items;
    assert.deepEqual(
      drafts.map((d: { id: string; draft: { status: string } }) => [d.id, d.draft.status]),
      [[draft.decision.id, 'superseded']],
    );
    const letters = (await head('GET', `/api/v1/appeals/${a.id}/letters`)).body.items;
    assert.deepEqual(
      letters.map((l: { decisionId: string | null; number: string }) => [l.decisionId, l.number]),
      [[own.decision.id, `${a.registrationNumber}-2`]],
    );

    const b = await register({ summary: 'Бақылау бөлімі қайтарады' });
    await assign(b.id);
    const controller = await t.as('controller');
    const d1 = await decide(executor, b.id, { code: '4.15', favourable: true, text: 'Сапасыз жауап' });
    assert.equal((await registrar('POST', `/api/v1/appeals/${b.id}/drafts/${d1.decision.id}/return`, { remark: 'x' })).status, 403);
    const byControl = await controller('POST', `/api/v1/appeals/${b.id}/drafts/${d1.decision.id}/return`, { remark: 'Жауап дәлелсіз: заңға сілтеме жоқ' });
    assert.equal(byControl.status, 200, JSON.stringify(byControl.body));
    const d2 = await decide(executor, b.id, { code: '4.15', favourable: true, text: 'Екінші нұсқа' });
    assert.equal((await executor('POST', `/api/v1/appeals/${b.id}/drafts/${d2.decision.id}/return`, {})).status, 200, 'its author takes it back');
    const twice = await executor('POST', `/api/v1/appeals/${b.id}/drafts/${d2.decision.id}/return`, {});
    assert.deepEqual([twice.status, twice.body.error.code], [409, 'decision.draftNotPending']);
    const kinds = (await head('GET', `/api/v1/appeals/${b.id}/events`)).body.items.map((e: { kind: string }) => e.kind);
    assert.deepEqual(
      kinds.filter((k: string) => k.includes('raft')),
      ['decisionDrafted', 'draftReturned', 'decisionDrafted', 'draftReturned'],
    );
  });

  test('the server says what each user may do with an appeal besides decisions, and why not (the web app decides no role)', async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const a = await register({ summary: 'Кім не істей алады' });
    const may = async (api: Api) => {
      const res = await api('GET', `/api/v1/appeals/${a.id}/decisions/allowed`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const { assign, returnDraft, signLetters, petitionCorrection } = res.body;
      return { assign, returnDraft, signLetters, petitionCorrection };
    };
    const controller = await t.as('controller');
    assert.deepEqual(await may(head), { assign: { allowed: true }, returnDraft: null, signLetters: true, petitionCorrection: true });
    const byExecutor = await may(executor);
    assert.deepEqual([byExecutor.assign.allowed, byExecutor.assign.reason, byExecutor.signLetters, byExecutor.petitionCorrection], [false, 'forbidden', false, false]);
    assert.equal(typeof byExecutor.assign.reasonMessage, 'string');
    await assign(a.id);
    await decide(executor, a.id, { code: '4.15', favourable: true, text: 'Жоба' });
    assert.deepEqual((await may(executor)).returnDraft, { allowed: true, remarkRequired: false }, 'its author takes it back without a remark');
    assert.deepEqual((await may(head)).returnDraft, { allowed: true, remarkRequired: true });
    assert.deepEqual((await may(controller)).returnDraft, { allowed: true, remarkRequired: true });
    assert.equal((await may(registrar)).returnDraft.allowed, false);
    await decide(head, a.id, { code: '4.15', favourable: true, text: 'Басшының актісі' });
    const ended = (await may(head)).assign;
    assert.deepEqual([ended.allowed, ended.reason], [false, 'assignment.reviewEnded']);
  });

  test('decisions on one appeal at the same moment are taken one after the other: one final card, the rest refused', async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const a = await register({ summary: 'Бір мезгілде' });
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) => head('POST', `/api/v1/appeals/${a.id}/decisions`, i === 4 ? { code: '4.13', reason: 'repeatWithoutNewArguments' } : { code: '4.15', favourable: true, text: `Акт ${i}` })),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409, 409], JSON.stringify(results.map((r) => r.body)));
    const cards = await t.ctx.db.selectFrom('decisions').select('code').where('appeal_id', '=', a.id).execute();
    assert.equal(cards.length, 1);
  });
});

describe('obligations', () => {
  const complaint = { documentType: 'complaint', form: 'paper', summary: 'Міндеттер', text: 'Шағым мәтіні.' };

  test('a complaint at the body complained about must go on within 3 WD; late, it is listed as violated; the case sent back is recorded', async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const c = await register({ ...complaint, complainedOrganizationId: orgs['AKM-BURABAY'] });
    const open = (await head('GET', '/api/v1/terms/obligations')).body.items.find((o: { appealId: string }) => o.appealId === c.id);
    assert.deepEqual([open.kind, open.dueDate], ['complaintForward', '2026-03-20']);
    // Sent on on 26 March: fulfilled, but late.
    t.setNow('2026-03-26T10:00:00+05:00');
    await decide(head, c.id, { code: '4.24', targetOrganizationId: orgs['AKM-AKIMAT'] });
    const violated = (await head('GET', '/api/v1/terms/obligations?state=violated')).body.items.find((o: { appealId: string }) => o.appealId === c.id);
    assert.deepEqual([violated.kind, violated.metOn, violated.violated], ['complaintForward', '2026-03-26', true]);
    // The applicant heard of it at once, before any letter was signed.
    const forwarded = await t.ctx.db.selectFrom('outbox').select('kind').where('appeal_id', '=', c.id).where('kind', '=', 'forwarded').execute();
    assert.equal(forwarded.length > 0, true);

    // At the reviewing body: a complaint decision opens the 5-WD return of the case, recorded by hand.
    const reviewerId = await t.createUser('oblast-head-2', 'AKM-AKIMAT', ['head'], 'Облыс басшысы');
    await t.issueDemoKey(reviewerId);
    const reviewer = await t.as('oblast-head-2');
    const list = await reviewer('GET', `/api/v1/appeals?registrationNumber=${encodeURIComponent(c.registrationNumber)}&organization=${orgs['AKM-AKIMAT']}`);
    const card = list.body.items.find((x: { organizationId: number }) => x.organizationId === orgs['AKM-AKIMAT']);
    assert.ok(!(await reviewer('GET', '/api/v1/terms/obligations')).body.items.some((o: { appealId: string }) => o.appealId === card.id), 'no forwarding term at the reviewing body');
    await decide(reviewer, card.id, { code: '4.20', text: 'Әкімшілік әрекет жасалсын.' });
    const caseReturn = (await reviewer('GET', '/api/v1/terms/obligations')).body.items.find((o: { appealId: string; kind: string }) => o.appealId === card.id && o.kind === 'caseReturn');
    assert.deepEqual([caseReturn.dueDate, caseReturn.recordedByOrganization], ['2026-04-02', true]);
    const notice = (await reviewer('GET', '/api/v1/terms/obligations')).body.items;
    const letterKind = notice.find((o: { appealId: string; recordedByOrganization: boolean }) => o.appealId === c.id && !o.recordedByOrganization);
    assert.equal(letterKind, undefined);
    const met = await reviewer('POST', `/api/v1/obligations/${caseReturn.id}/met`);
    assert.equal(met.status, 200, JSON.stringify(met.body));
    assert.equal((await reviewer('POST', `/api/v1/obligations/${caseReturn.id}/met`)).body.error.code, 'obligation.alreadyMet');
    assert.equal((await registrar('POST', `/api/v1/obligations/${caseReturn.id}/met`)).status, 403, 'another territory');
    const events = (await reviewer('GET', `/api/v1/appeals/${card.id}/events`)).body.items.map((e: { kind: string }) => e.kind);
    assert.ok(events.includes('obligationMet'));
  });

  test('a split: each part opens its card and the applicant is told where they went at once', async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const a = await register({ summary: 'Екі мәселе' });
    await decide(registrar, a.id, {
      code: '4.4',
      parts: [
        { summary: 'Жол', targetOrganizationId: orgs['AKM-HEALTH'] },
        { summary: 'Мектеп', targetOrganizationId: orgs['AKM-EDUCATION'] },
      ],
    });
    const messages = await t.ctx.db.selectFrom('outbox').select(['kind', 'body']).where('appeal_id', '=', a.id).where('kind', '=', 'forwarded').execute();
    assert.ok(messages.length > 0);
    assert.ok(
      messages.every((m) => m.body.includes(';')),
      'both organizations named',
    );
  });
});

describe('assignment', () => {
  test('an appeal from a personal reception does not go to the employee who reviewed the applicant’s earlier appeal (reception regulation p.37)', async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const earlier = await register({ summary: 'Су құбыры' });
    await assign(earlier.id);
    const fromReception = await register({ summary: 'Су құбыры тағы', channel: 'personalReception', form: 'oral', protocolText: 'Қабылдауда айтылды.' });
    const refused = await head('POST', `/api/v1/appeals/${fromReception.id}/assignments`, { executorId });
    assert.deepEqual([refused.status, refused.body.error.code], [409, 'assignment.reviewedBefore']);
    const otherId = await t.createUser('executor.2', 'AKM-BURABAY', ['executor'], 'Басқа Орындаушы');
    await assign(fromReception.id, head, otherId);
    assert.equal((await get(head, fromReception.id)).executorId, otherId);
  });
});

describe('co-execution', () => {
  test('a co-executor in another organization gets internal correspondence, not an appeal; the reply reaches the appeal (rules p.11)', async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const coId = await t.createUser('health.co', 'AKM-HEALTH', ['executor'], 'Денсаулық Маманы');
    const sameOrgId = await t.createUser('executor.3', 'AKM-BURABAY', ['executor'], 'Үшінші Орындаушы');
    const co = await t.as('health.co');
    const a = await register({ summary: 'Ауылдағы дәрігерлік амбулатория' });
    const before = await t.ctx.db
      .selectFrom('appeals')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await head('POST', `/api/v1/appeals/${a.id}/assignments`, { executorId, coExecutorIds: [coId, sameOrgId], controlDate: '2026-03-31' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    // No appeal is opened for the co-executing organization.
    const after = await t.ctx.db
      .selectFrom('appeals')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));

    const inbox = (await co('GET', '/api/v1/correspondence')).body.items;
    await t.createUser('health.operator', 'AKM-HEALTH', ['operator']);
    assert.equal((await (await t.as('health.operator'))('GET', '/api/v1/correspondence')).body.total, 0, "another organization's appeal is for its co-executor and heads only");
    assert.equal(inbox.length, 1);
    assert.deepEqual([inbox[0].registrationNumber, inbox[0].dueDate, inbox[0].status, inbox[0].coExecutor.id], [a.registrationNumber, '2026-03-31', 'open', coId]);
    assert.equal((await co('GET', `/api/v1/appeals/${a.id}`)).status, 403, 'not an appeal of theirs');
    assert.equal((await registrar('POST', `/api/v1/correspondence/${inbox[0].id}/reply`, { text: 'x' })).status, 403);
    const reply = await co('POST', `/api/v1/correspondence/${inbox[0].id}/reply`, { text: 'Амбулатория 2026 жылдың жоспарында бар.' });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal((await co('POST', `/api/v1/correspondence/${inbox[0].id}/reply`, { text: 'тағы' })).body.error.code, 'correspondence.answered');

    const sent = (await executor('GET', `/api/v1/appeals/${a.id}/correspondence`)).body.items;
    assert.deepEqual(
      sent.map((k: { status: string; reply: string }) => [k.status, k.reply]),
      [['answered', 'Амбулатория 2026 жылдың жоспарында бар.']],
    );
    assert.ok((await head('GET', `/api/v1/appeals/${a.id}/events`)).body.items.some((e: { kind: string }) => e.kind === 'coExecutorReplied'));

    // A reassignment without an external co-executor withdraws an open task.
    const b = await register({ summary: 'Екінші тапсырма' });
    await head('POST', `/api/v1/appeals/${b.id}/assignments`, { executorId, coExecutorIds: [coId] });
    await head('POST', `/api/v1/appeals/${b.id}/assignments`, { executorId });
    const withdrawn = (await co('GET', '/api/v1/correspondence?state=all')).body.items.find((k: { appealId: string }) => k.appealId === b.id);
    assert.equal(withdrawn.status, 'withdrawn');
    assert.equal((await co('GET', '/api/v1/correspondence')).body.total, 0);
  });
});
