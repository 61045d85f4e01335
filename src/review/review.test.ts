import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, rowCounts, type TestApp, type Api } from '../../test/support.ts';
import { extractPdfText } from '../pdf/pdf-text.ts';
import { createDemoCa, issueDemoCertificate } from '../letters/demo-pki.ts';

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
  test('an application to a favourable act after a hearing, signed, answered and verifiable', async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const a = await register();
    await assign(a.id);
    assert.equal((await get(head, a.id)).status, 'inExecution');

    const allowed = await executor('GET', `/api/v1/appeals/${a.id}/decisions/allowed`);
    assert.ok(allowed.body.items.find((d: { code: string }) => d.code === '4.7').allowed);
    assert.equal(allowed.body.items.find((d: { code: string }) => d.code === '4.14').allowed, false);

    const notice = await decide(executor, a.id, { code: '4.7', hearingAt: '2026-03-27T11:00:00+05:00', place: 'Щучинск, Абылай хан 22, 3-кабинет', contacts: '+7 71636 4-12-34, executor@demo.joldanym.kz' });
    assert.equal(notice.status, 'hearing');
    assert.equal(notice.decision.decisionDate, '2026-03-18');

    t.setNow('2026-03-27T12:00:00+05:00');
    await decide(executor, a.id, { code: '4.11', protocol: 'Арыз иесі өз ұстанымын айтты.' });
    const act = await decide(executor, a.id, { code: '4.15', favourable: true, text: 'Жер учаскесі берілсін.' });
    assert.equal(act.status, 'toSign');
    assert.equal(act.decision.code, '4.15');

    // A second final decision is refused and changes nothing.
    const before = await rowCounts(t.database);
    const again = await executor('POST', `/api/v1/appeals/${a.id}/decisions`, { code: '4.15', favourable: true, text: 'Тағы' });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'decision.reviewEnded');
    assert.deepEqual(await rowCounts(t.database), before);

    const letters = await signAll(a.id);
    const final = letters.at(-1);
    assert.equal(final.decisionCode, '4.15');
    assert.equal(final.signature.valid, true);
    const card = await get(head, a.id);
    assert.equal(card.status, 'completed');

    const pdf = await head('GET', `/api/v1/appeals/${a.id}/letters/${final.id}.pdf`);
    assert.equal(pdf.status, 200);
    const text = await extractPdfText(pdf.raw);
    assert.ok(text.includes(a.registrationNumber));

    const verify = await fetch(`${t.url}/api/v1/verify/${final.id}`);
    const v = (await verify.json()) as { valid: boolean; signer: { name: string } };
    assert.equal(v.valid, true);
    assert.equal(v.signer.name, 'Қасымов Нұрлан Жақсылықұлы');
    const page = await fetch(`${t.url}/verify/${final.id}`);
    assert.ok((await page.text()).includes('Подпись действительна'));

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
    assert.deepEqual(events, ['registered', 'assigned', 'decision', 'decision', 'decision', 'letterSigned', 'letterSigned', 'letterSigned']);
  });

  test('an unfavourable act before the hearing window closes is refused', async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const a = await register({ summary: 'Тыңдау терезесі' });
    await assign(a.id);
    const early = await executor('POST', `/api/v1/appeals/${a.id}/decisions`, { code: '4.15', favourable: false, text: 'Бас тарту' });
    assert.equal(early.status, 409);
    assert.equal(early.body.error.code, 'decision.hearingNoticeMissing');
    await decide(executor, a.id, { code: '4.7', hearingAt: '2026-03-20T11:00:00+05:00', contacts: '+7 71636 4-12-34' });
    t.setNow('2026-03-19T10:00:00+05:00');
    const open = await executor('POST', `/api/v1/appeals/${a.id}/decisions`, { code: '4.15', favourable: false, text: 'Бас тарту' });
    assert.equal(open.status, 409);
    assert.equal(open.body.error.code, 'decision.hearingWindowOpen');
    t.setNow('2026-03-27T10:00:00+05:00');
    const ok = await decide(executor, a.id, { code: '4.15', favourable: false, text: 'Бас тарту: негіз жоқ.' });
    assert.equal(ok.status, 'toSign');
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
    assert.equal(returned.status, 'toSign');
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
    for (const [i, code] of [[1, 'AKM-HEALTH'], [2, 'AKM-EDUCATION']] as const) {
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
    assert.equal(granted.status, 'toSign');
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
    t.setNow('2026-03-27T10:00:00+05:00');
    await decide(reviewerExec, card.id, { code: '4.11', protocol: 'Тыңдалды.' });
    const decided = await decide(reviewerExec, card.id, { code: '4.18', text: 'Бөлімнің шешімі жойылсын.' });
    assert.equal(decided.status, 'toSign');
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
    assert.deepEqual(listed.map((c: { id: string; revokedAt: string | null }) => [c.id, c.revokedAt !== null]), [[added.body.id, true]]);
    const second = await register({ summary: 'Сертификат 2' });
    await decide(newHead, second.id, { code: '4.15', favourable: true, text: 'Иә.' });
    const revoked = await sign(second.id);
    assert.equal(revoked.body.error.code, 'letter.signature.certificateRevoked');
    const events = await t.ctx.db.selectFrom('events').select('kind').where('kind', 'in', ['certificateRegistered', 'certificateRevoked']).execute();
    assert.deepEqual(events.map((e) => e.kind).sort(), ['certificateRegistered', 'certificateRevoked']);
  });
});
