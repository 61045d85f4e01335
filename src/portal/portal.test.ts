// The citizen portal's API (issue 14; EA-03): identification by a one-time code, the applicant's
// appeals, filing through the desk's registration use case with attachments, the public status
// without enumeration, and the applicant's actions within their legal windows.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { testApp, type TestApp, type Api } from '../../test/support.ts';
import { decide, person, register, signAll } from '../../test/accounting.ts';
import { createDemoCa, issueDemoCertificate } from '../letters/demo-pki.ts';
import { signDetached, verifyDetached } from '../letters/cms.ts';
import { trustedRoots } from '../letters/signing.ts';
import { signedParts } from '../letters/pades.ts';
import { composeIin } from '../domain/identifiers.ts';

let t: TestApp;
let registrar: Api;
let head: Api;

before(async () => {
  t = await testApp({ now: '2026-03-18T10:00:00+05:00' });
  registrar = await t.as('registrar');
  head = await t.as('head');
});
after(() => t.close());

/** A call without a staff session: the public, or the applicant with a portal token. */
async function call(method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(t.url + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), 'accept-language': 'en' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const raw = Buffer.from(await res.arrayBuffer());
  const json = (res.headers.get('content-type') ?? '').includes('json');
  return { status: res.status, headers: res.headers, raw, body: json ? JSON.parse(raw.toString()) : raw };
}

/** The code of the latest SMS sent to the phone, read from the outbox as the SMS gateway would. */
async function sentCode(phone: string): Promise<string> {
  const row = await t.ctx.db.selectFrom('outbox').select(['body', 'kind', 'channel']).where('recipient', '=', phone).where('kind', '=', 'portalCode').orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.equal(row.channel, 'sms');
  return /(\d{6})/.exec(row.body)![1]!;
}

async function signIn(phone: string): Promise<string> {
  const sent = await call('POST', '/api/v1/public/auth/code', { phone });
  assert.equal(sent.status, 202, JSON.stringify(sent.body));
  const res = await call('POST', '/api/v1/public/auth/verify', { phone, code: await sentCode(phone) });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.token;
}

/** A file staged for a filing or fix (POST /public/me/attachments, the raw bytes). */
async function upload(name: string, content: Buffer, token: string) {
  const res = await fetch(`${t.url}/api/v1/public/me/attachments`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name), authorization: `Bearer ${token}`, 'accept-language': 'en' },
    body: new Uint8Array(content),
  });
  return { status: res.status, body: await res.json() };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const filing = (overrides: Record<string, unknown> = {}) => ({
  organizationId: 0,
  documentType: 'application',
  language: 'kk',
  summary: 'Аулада балалар алаңы жоқ',
  text: 'Біздің аулада балалар ойнайтын алаң жоқ, салуды сұраймын.',
  issueCategory: 'land',
  applicant: { lastName: 'Порталов', firstName: 'Ерлан' },
  ...overrides,
});

async function organizationId(code: string): Promise<number> {
  return (await t.ctx.db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

describe('identification by a one-time code (issue 14 §2)', () => {
  test('the code goes out by SMS through the outbox and is stored only as a hash; a right code gives a token', async () => {
    const phone = '+77010000001';
    const sent = await call('POST', '/api/v1/public/auth/code', { phone: '8 (701) 000-00-01' });
    assert.equal(sent.status, 202, JSON.stringify(sent.body));
    assert.equal(sent.body.sentTo, '+7 701 ••• •• 01');
    const code = await sentCode(phone);
    const stored = await t.ctx.db.selectFrom('portal_codes').selectAll().where('phone', '=', phone).executeTakeFirstOrThrow();
    assert.notEqual(stored.code_sha256, code);
    assert.ok(!JSON.stringify(stored).includes(code), 'the code itself is not stored');
    const ok = await call('POST', '/api/v1/public/auth/verify', { phone, code });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.ok(ok.body.token.length > 30);
    const again = await call('POST', '/api/v1/public/auth/verify', { phone, code });
    assert.equal(again.status, 400, 'a code is used once');
    assert.equal((await call('GET', '/api/v1/public/me/appeals', undefined, ok.body.token)).status, 200);
    assert.equal((await call('GET', '/api/v1/public/me/appeals', undefined, 'not-a-token')).status, 401);
    assert.equal((await call('GET', '/api/v1/public/me/appeals')).status, 401);
  });

  test('attempts are counted: after 5 wrong tries even the right code is refused', async () => {
    const phone = '+77010000002';
    await call('POST', '/api/v1/public/auth/code', { phone });
    const code = await sentCode(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const r = await call('POST', '/api/v1/public/auth/verify', { phone, code: wrong });
      assert.equal(r.status, 400);
      assert.equal(r.body.error.code, 'portal.codeInvalid');
      assert.equal(r.body.error.fields[0].path, '/code');
    }
    const right = await call('POST', '/api/v1/public/auth/verify', { phone, code });
    assert.deepEqual([right.status, right.body.error.code], [429, 'portal.codeAttempts']);
  });

  test('a code expires after 5 minutes', async () => {
    const phone = '+77010000003';
    t.setNow('2026-03-18T10:00:00+05:00');
    await call('POST', '/api/v1/public/auth/code', { phone });
    const code = await sentCode(phone);
    t.setNow('2026-03-18T10:05:01+05:00');
    const late = await call('POST', '/api/v1/public/auth/verify', { phone, code });
    assert.deepEqual([late.status, late.body.error.code], [400, 'portal.codeExpired']);
    t.setNow('2026-03-18T10:00:00+05:00');
  });

  test('at most 3 codes a phone in 15 minutes; a bad phone is a field error', async () => {
    const phone = '+77010000004';
    for (let i = 0; i < 3; i++) assert.equal((await call('POST', '/api/v1/public/auth/code', { phone })).status, 202);
    const fourth = await call('POST', '/api/v1/public/auth/code', { phone });
    assert.deepEqual([fourth.status, fourth.body.error.code], [429, 'portal.tooManyCodes']);
    t.setNow('2026-03-18T10:16:00+05:00');
    assert.equal((await call('POST', '/api/v1/public/auth/code', { phone })).status, 202, 'the window moved on');
    t.setNow('2026-03-18T10:00:00+05:00');
    const bad = await call('POST', '/api/v1/public/auth/code', { phone: '12345' });
    assert.deepEqual([bad.status, bad.body.error.fields[0].path], [422, '/phone']);
    // at once, for a phone that never had a code: still 3
    const burst = await Promise.all([0, 1, 2, 3].map(() => call('POST', '/api/v1/public/auth/code', { phone: '+77010000044' })));
    assert.deepEqual(burst.map((r) => r.status).sort(), [202, 202, 202, 429]);
  });
});

describe('identification by an EDS (issue 14 §2)', () => {
  test("the AUTH key signs the server's challenge; a certificate of a trusted CA gives a session for its IIN; an untrusted one, a reused or unknown challenge do not", async () => {
    const now = new Date('2026-03-18T05:00:00Z');
    const ca = await createDemoCa('Joldanym Portal Test CA', now);
    await t.ctx.db.insertInto('trusted_certificates').values({ subject: 'CN=Joldanym Portal Test CA', pem: ca.certificatePem, added_at: now }).execute();
    const iin = composeIin('1985-06-11', 'male', 3361)!;
    const cert = await issueDemoCertificate(ca, { commonName: 'ЭЦҚОВ ЕРЛАН', iin }, 'demo', now);
    const desk = await register(registrar, { applicant: { ...person(), iin, phone: undefined }, summary: 'ЭЦҚ иесінің өтініші' });

    const { body: issued, status } = await call('POST', '/api/v1/public/auth/eds/challenge');
    assert.equal(status, 200, JSON.stringify(issued));
    const signature = Buffer.from(await signDetached(Buffer.from(issued.challenge, 'base64'), cert.pkcs12, 'demo', now)).toString('base64');
    const ok = await call('POST', '/api/v1/public/auth/eds/verify', { challenge: issued.challenge, signature });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.name, 'ЭЦҚОВ ЕРЛАН');
    const mine = await call('GET', '/api/v1/public/me/appeals', undefined, ok.body.token);
    assert.deepEqual(
      mine.body.items.map((a: { id: string }) => a.id),
      [desk.id],
    );
    const reused = await call('POST', '/api/v1/public/auth/eds/verify', { challenge: issued.challenge, signature });
    assert.deepEqual([reused.status, reused.body.error.code], [400, 'portal.challengeInvalid']);
    const forged = Buffer.from(await signDetached(Buffer.from('my own challenge'), cert.pkcs12, 'demo', now)).toString('base64');
    const unknown = await call('POST', '/api/v1/public/auth/eds/verify', { challenge: Buffer.from('my own challenge').toString('base64'), signature: forged });
    assert.deepEqual([unknown.status, unknown.body.error.code], [400, 'portal.challengeInvalid']);

    const stranger = await createDemoCa('Untrusted CA', now);
    const other = await issueDemoCertificate(stranger, { commonName: 'БӨТЕН', iin }, 'demo', now);
    const { body: again } = await call('POST', '/api/v1/public/auth/eds/challenge');
    const untrusted = await call('POST', '/api/v1/public/auth/eds/verify', {
      challenge: again.challenge,
      signature: Buffer.from(await signDetached(Buffer.from(again.challenge, 'base64'), other.pkcs12, 'demo', now)).toString('base64'),
    });
    assert.deepEqual([untrusted.status, untrusted.body.error.code], [400, 'portal.edsInvalid']);
    const wrongData = await call('POST', '/api/v1/public/auth/eds/verify', { challenge: again.challenge, signature });
    assert.deepEqual([wrongData.status, wrongData.body.error.code], [400, 'portal.edsInvalid'], 'a signature of another challenge');
  });
});

describe('my appeals, filing and the public status (EA-03)', () => {
  test("the applicant sees the appeals whose cards carry their phone, however it was written, and no one else's", async () => {
    const mine = await register(registrar, { applicant: { ...person(), phone: '8 701 555 00 11' }, summary: 'Менің өтінішім' });
    await register(registrar, { applicant: { ...person(), phone: '+77015550012' }, summary: 'Басқаның өтініші' });
    const token = await signIn('+77015550011');
    const list = await call('GET', '/api/v1/public/me/appeals', undefined, token);
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.map((a: { id: string }) => a.id),
      [mine.id],
    );
    assert.equal(list.body.items[0].registrationNumber, mine.registrationNumber);
    assert.ok(!('applicants' in list.body.items[0]));
  });

  test('filing goes through the registration use case (channel publicPortal) with attachments checked by content; the talon downloads; the number goes by SMS', async () => {
    const phone = '+77015550020';
    const token = await signIn(phone);
    const org = await organizationId('AKM-BURABAY');
    const fake = await upload('virus.pdf', Buffer.from('MZ\x90\x00 not a pdf'), token);
    assert.deepEqual([fake.status, fake.body.error.fields[0].path, fake.body.error.fields[0].code], [422, '/', 'attachment.type']);
    // only an EDS proves an IIN: a code-signed applicant cannot put another person's on the card
    const claimed = await call('POST', '/api/v1/public/me/appeals', filing({ organizationId: org, applicant: { lastName: 'Порталов', firstName: 'Ерлан', iin: '900101300123' } }), token);
    assert.deepEqual([claimed.status, claimed.body.error.fields[0].path], [400, '/applicant/iin']);

    const files = [await upload('өтініш.pdf', PDF, token), await upload('../фото.jpg', PNG, token)];
    assert.deepEqual(
      files.map((f) => [f.status, f.body.sha256]),
      [
        [201, createHash('sha256').update(PDF).digest('hex')],
        [201, createHash('sha256').update(PNG).digest('hex')],
      ],
    );
    const attachmentIds = files.map((f) => f.body.id);
    // another applicant cannot file with them: they are this applicant's
    const stolen = await call('POST', '/api/v1/public/me/appeals', filing({ organizationId: org, attachmentIds }), await signIn('+77015550022'));
    assert.deepEqual([stolen.status, stolen.body.error.fields[0].code], [422, 'attachment.unknown']);
    const res = await call('POST', '/api/v1/public/me/appeals', filing({ organizationId: org, attachmentIds }), token);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.registrationNumber, /^ЖТ-2026-\d{8}$/);
    assert.equal(res.body.channel, 'publicPortal');
    const row = await t.ctx.db.selectFrom('appeals').select(['form', 'channel', 'registered_by']).where('id', '=', res.body.id).executeTakeFirstOrThrow();
    assert.equal(row.form, 'electronic');
    const portalUser = await t.ctx.db.selectFrom('users').select(['id', 'active']).where('login', '=', 'portal.system').executeTakeFirstOrThrow();
    assert.equal(row.registered_by, portalUser.id);
    assert.equal(portalUser.active, false, 'nobody signs in as the portal');
    const registered = await t.ctx.db.selectFrom('events').select(['kind', 'actor_id']).where('appeal_id', '=', res.body.id).execute();
    assert.deepEqual(registered, [
      { kind: 'registered', actor_id: portalUser.id },
      { kind: 'attachmentsAdded', actor_id: portalUser.id },
    ]);
    const sms = await t.ctx.db.selectFrom('outbox').select('body').where('appeal_id', '=', res.body.id).where('channel', '=', 'sms').where('recipient', '=', phone).executeTakeFirstOrThrow();
    assert.ok(sms.body.includes(res.body.registrationNumber));

    const talon = await call('GET', `/api/v1/public/me/appeals/${res.body.id}/talon.pdf`, undefined, token);
    assert.equal(talon.status, 200);
    assert.equal(talon.raw.subarray(0, 5).toString(), '%PDF-');
    assert.match(talon.headers.get('content-disposition')!, /^attachment/);

    const card = await call('GET', `/api/v1/public/me/appeals/${res.body.id}`, undefined, token);
    assert.equal(card.status, 200, JSON.stringify(card.body));
    assert.deepEqual(
      card.body.attachments.map((f: { name: string; mediaType: string; sha256: string }) => [f.name, f.mediaType, f.sha256]),
      [
        ['өтініш.pdf', 'application/pdf', createHash('sha256').update(PDF).digest('hex')],
        ['фото.png', 'image/png', createHash('sha256').update(PNG).digest('hex')],
      ],
    );
    assert.deepEqual(
      card.body.timeline.map((e: { kind: string; text: string }) => [e.kind, e.text]),
      [['registered', 'Your appeal was registered']],
    );
    const file = await call('GET', `/api/v1/public/me/appeals/${res.body.id}/attachments/${card.body.attachments[1].id}`, undefined, token);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    assert.match(file.headers.get('content-disposition')!, /^attachment/);
    assert.deepEqual(file.raw, PNG);

    // another applicant sees none of it
    const other = await signIn('+77015550021');
    assert.equal((await call('GET', `/api/v1/public/me/appeals/${res.body.id}`, undefined, other)).status, 404);
    assert.equal((await call('GET', `/api/v1/public/me/appeals/${res.body.id}/talon.pdf`, undefined, other)).status, 404);
    assert.equal((await call('GET', `/api/v1/public/me/appeals/${res.body.id}/attachments/${card.body.attachments[1].id}`, undefined, other)).status, 404);
    const downloads = await t.ctx.db.selectFrom('events').select('changes').where('appeal_id', '=', res.body.id).where('kind', '=', 'attachmentDownloaded').execute();
    assert.deepEqual(
      downloads.map((e) => (e.changes as { id: string }).id),
      [card.body.attachments[1].id],
      'the download is audited',
    );

    // the duplicate check before sending: the applicant's own earlier appeal
    const similar = await call('POST', '/api/v1/public/me/appeals/similar', filing({ organizationId: org }), token);
    assert.equal(similar.status, 200, JSON.stringify(similar.body));
    assert.deepEqual(
      similar.body.items.map((c: { appealId: string }) => c.appealId),
      [res.body.id],
    );
    assert.deepEqual((await call('POST', '/api/v1/public/me/appeals/similar', filing({ organizationId: org }), other)).body.items, []);
  });

  test("a complaint about the applicant's own appeal goes through the same registration; another's appeal cannot be challenged", async () => {
    const token = await signIn('+77015550050');
    const org = await organizationId('AKM-BURABAY');
    const first = await call('POST', '/api/v1/public/me/appeals', filing({ organizationId: org, summary: 'Бірінші өтініш' }), token);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const complaint = { organizationId: org, documentType: 'complaint', complainedOrganizationId: org, challengedAppealId: first.body.id, summary: 'Жауапқа шағым', text: 'Жауап заңсыз деп есептеймін.' };
    const filed = await call('POST', '/api/v1/public/me/appeals', filing(complaint), token);
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal(filed.body.documentType, 'complaint');
    const row = await t.ctx.db.selectFrom('appeals').select(['challenged_appeal_id', 'procedure']).where('id', '=', filed.body.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { challenged_appeal_id: first.body.id, procedure: 'complaint' });
    const stranger = await signIn('+77015550051');
    const refused = await call('POST', '/api/v1/public/me/appeals', filing(complaint), stranger);
    assert.deepEqual([refused.status, refused.body.error.fields[0].path], [422, '/challengedAppealId']);
  });

  test("staged files wait for a filing: an applicant holds at most two filings' worth (10) staged at once", async () => {
    const token = await signIn('+77015550025');
    const staged = [];
    for (let i = 0; i < 10; i++) staged.push((await upload(`${i}.pdf`, PDF, token)).status);
    assert.deepEqual(staged, Array(10).fill(201));
    const more = await upload('10.pdf', PDF, token);
    assert.deepEqual([more.status, more.body.error.fields[0].code], [422, 'attachment.tooMany']);
    assert.equal(
      Number(
        (
          await t.ctx.db
            .selectFrom('attachments')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('appeal_id', 'is', null)
            .where('name', '=', '10.pdf')
            .executeTakeFirstOrThrow()
        ).n,
      ),
      0,
      'nothing written',
    );
  });

  test('an anonymous report without sign-in (APPC Art. 88) is registered as one and followed by its numbers', async () => {
    const org = await organizationId('AKM-BURABAY');
    const res = await call('POST', '/api/v1/public/appeals/anonymous', { organizationId: org, language: 'kk', summary: 'Заңсыз құрылыс', text: 'Көшеде рұқсатсыз құрылыс жүріп жатыр.' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.registrationNumber, /^АН-2026-\d{8}$/);
    assert.equal(res.body.basis, 'APPC Art. 88 p.1');
    const row = await t.ctx.db.selectFrom('appeals').select(['applicant_kind', 'document_type', 'channel']).where('registration_number', '=', res.body.registrationNumber).executeTakeFirstOrThrow();
    assert.deepEqual(row, { applicant_kind: 'anonymous', document_type: 'report', channel: 'publicPortal' });
    const status = await call('GET', `/api/v1/public/appeals/status?registrationNumber=${encodeURIComponent(res.body.registrationNumber)}&talonNumber=${res.body.talonNumber}`);
    assert.equal(status.status, 200);
  });

  test('the public status needs both numbers: a wrong talon answers as an unknown number', async () => {
    const a = await register(registrar, { summary: 'Мәртебе' });
    const talon = (await t.ctx.db.selectFrom('appeals').select('talon_number').where('id', '=', a.id).executeTakeFirstOrThrow()).talon_number;
    const q = (n: string, tn: string) => call('GET', `/api/v1/public/appeals/status?registrationNumber=${encodeURIComponent(n)}&talonNumber=${encodeURIComponent(tn)}`);
    const ok = await q(a.registrationNumber, talon);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual(Object.keys(ok.body).sort(), ['dueDate', 'organization', 'registrationDate', 'reviewEndedOn', 'status']);
    assert.equal(ok.body.status, 'registered');
    assert.equal(ok.body.dueDate, a.dueDate);
    assert.deepEqual(Object.keys(ok.body.organization), ['name']);
    const wrongTalon = await q(a.registrationNumber, `${talon.slice(0, -1)}9`);
    const unknown = await q('ЖТ-2026-99999999', talon);
    assert.equal(wrongTalon.status, 404);
    assert.deepEqual(wrongTalon.body, unknown.body);
    assert.equal((await call('GET', '/api/v1/public/appeals/status?registrationNumber=x')).status, 400);
  });

  test('guessing the talon of one number is slowed: after 10 wrong talons its look-ups wait, other numbers do not', async () => {
    const a = await register(registrar, { summary: 'Талон' });
    const b = await register(registrar, { summary: 'Басқа' });
    const talonOf = async (id: string) => (await t.ctx.db.selectFrom('appeals').select('talon_number').where('id', '=', id).executeTakeFirstOrThrow()).talon_number;
    const q = (n: string, tn: string) => call('GET', `/api/v1/public/appeals/status?registrationNumber=${encodeURIComponent(n)}&talonNumber=${encodeURIComponent(tn)}`);
    const [talonA, talonB] = [await talonOf(a.id), await talonOf(b.id)];
    for (let day = 1; day <= 10; day++) assert.equal((await q(a.registrationNumber, `2601${String(day).padStart(2, '0')}${talonA.slice(6)}`)).status, 404);
    assert.equal((await q(a.registrationNumber, talonA)).status, 429, 'even the right talon waits now');
    assert.equal((await q(b.registrationNumber, talonB)).status, 200, 'another number is free');
    t.setNow(new Date(t.ctx.clock.now().getTime() + 2_000).toISOString());
    assert.equal((await q(a.registrationNumber, talonA)).status, 200, 'after the wait the applicant gets in');
  });
});

describe("the applicant's actions within their windows (issue 14 §4)", () => {
  test('object to a hearing notice within 2 working days (APPC Art. 73 p.3), not after', async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const a = await register(registrar, { applicant: { ...person(), phone: '+77015550030' }, summary: 'Тыңдау' });
    const token = await signIn('+77015550030');
    const early = await call('POST', `/api/v1/public/me/appeals/${a.id}/object`, { text: 'Қарсымын' }, token);
    assert.deepEqual([early.status, early.body.error?.code], [409, 'portal.windowClosed'], 'no notice, nothing to object to');
    await decide(head, a.id, { code: '4.7', hearingAt: '2026-03-27T11:00:00+05:00' });
    const card = await call('GET', `/api/v1/public/me/appeals/${a.id}`, undefined, token);
    const window = card.body.actions.find((w: { action: string }) => w.action === 'object');
    assert.equal(window.open, true);
    assert.equal(window.until, '2026-03-20', '2 WD from the day after the notice (Civil Code Art. 173)');
    const ok = await call('POST', `/api/v1/public/me/appeals/${a.id}/object`, { text: 'Алдын ала шешімге қарсымын: құжаттар толық.' }, token);
    assert.equal(ok.status, 204, JSON.stringify(ok.body));
    const event = await t.ctx.db.selectFrom('events').select(['kind', 'changes']).where('appeal_id', '=', a.id).where('kind', '=', 'applicantObjected').executeTakeFirstOrThrow();
    assert.equal(event.changes.text, 'Алдын ала шешімге қарсымын: құжаттар толық.');
    // the staff's card shows the same event
    const staff = await head('GET', `/api/v1/appeals/${a.id}/events`);
    assert.ok(staff.body.items.some((e: { kind: string }) => e.kind === 'applicantObjected'));
    t.setNow('2026-03-24T10:00:00+05:00');
    const late = await call('POST', `/api/v1/public/me/appeals/${a.id}/object`, { text: 'Кеш' }, await signIn('+77015550030'));
    assert.deepEqual([late.status, late.body.error.code], [409, 'portal.windowClosed']);
    t.setNow('2026-03-18T10:00:00+05:00');
  });

  test('fix a 4.2 notice before its date: the review goes on; withdraw while in review; rate once it ended', async () => {
    t.setNow('2026-03-18T10:00:00+05:00');
    const a = await register(registrar, { applicant: { ...person(), phone: '+77015550040' }, summary: 'Толықтыру' });
    const token = await signIn('+77015550040');
    await decide(registrar, a.id, { code: '4.2', missing: ['substance'], fixBy: '2026-03-25' });
    const rateEarly = await call('POST', `/api/v1/public/me/appeals/${a.id}/rate`, { score: 5 }, token);
    assert.equal(rateEarly.status, 409, 'nothing to rate before the answer');
    const extra = await upload('қосымша.pdf', PDF, token);
    const fixed = await call('POST', `/api/v1/public/me/appeals/${a.id}/fix`, { text: 'Мәнін толықтырдым.', attachmentIds: [extra.body.id] }, token);
    assert.equal(fixed.status, 204, JSON.stringify(fixed.body));
    const card = await call('GET', `/api/v1/public/me/appeals/${a.id}`, undefined, token);
    assert.equal(card.body.status, 'registered');
    assert.ok(card.body.timeline.some((e: { kind: string }) => e.kind === 'appealFixed'));
    assert.equal(card.body.actions.find((w: { action: string }) => w.action === 'fix').open, false, 'fixed once');
    assert.equal(card.body.attachments[0].purpose, 'fix');

    const withdrawn = await call('POST', `/api/v1/public/me/appeals/${a.id}/withdraw`, { text: 'Мәселе шешілді' }, token);
    assert.equal(withdrawn.status, 204, JSON.stringify(withdrawn.body));
    await decide(head, a.id, { code: '4.6', withdrawalReceivedAt: '2026-03-18' });
    await signAll(head, a.id);
    const after = await call('GET', `/api/v1/public/me/appeals/${a.id}`, undefined, token);
    assert.equal(after.body.status, 'withdrawn');
    const kinds = after.body.timeline.map((e: { kind: string }) => e.kind);
    assert.deepEqual(kinds.slice(0, 5), ['registered', 'decision', 'appealFixed', 'applicantWithdrew', 'decision'], kinds.join());
    // the signed letter (EA-03): its PDF and detached CMS, which verify against the CA without us
    assert.equal(after.body.letters.length, 2, 'the 4.2 notice and the answer to the withdrawal');
    const letter = after.body.letters[1];
    const pdf = await call('GET', `/api/v1/public/me/appeals/${a.id}/letters/${letter.id}.pdf`, undefined, token);
    const cms = await call('GET', `/api/v1/public/me/appeals/${a.id}/letters/${letter.id}.cms`, undefined, token);
    assert.deepEqual([pdf.status, cms.status], [200, 200]);
    // the PDF carries the CMS (PAdES); its /ByteRange is the document signed (src/letters/pades.test.ts: OpenSSL)
    const inside = signedParts(pdf.raw);
    assert.ok(inside.cms.equals(cms.raw));
    assert.equal(createHash('sha256').update(inside.content).digest('hex'), letter.sha256);
    const checked = await verifyDetached(inside.content, cms.raw, await trustedRoots(t.ctx.db));
    assert.equal(checked.valid, true, JSON.stringify(checked));
    assert.equal((await call('GET', `/api/v1/public/me/appeals/${a.id}/letters/${letter.id}.pdf`, undefined, await signIn('+77015550041'))).status, 404);
    const again = await call('POST', `/api/v1/public/me/appeals/${a.id}/withdraw`, {}, token);
    assert.deepEqual([again.status, again.body.error.code], [409, 'portal.windowClosed']);
    const rated = await call('POST', `/api/v1/public/me/appeals/${a.id}/rate`, { score: 4, text: 'Жылдам' }, token);
    assert.equal(rated.status, 204, JSON.stringify(rated.body));
    assert.deepEqual((await call('GET', `/api/v1/public/me/appeals/${a.id}`, undefined, token)).body.rating, { score: 4, comment: 'Жылдам' });
  });
});
