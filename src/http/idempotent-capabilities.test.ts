// Issue 16, item 5: the Idempotency-Key on the creating routes of personal reception, instructions,
// the contact centre and the citizen portal: the same request sent again with its key creates one
// thing and answers the first answer; a portal applicant's key is theirs alone (never 'public').
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { testApp, type Api, type TestApp } from '../../test/support.ts';

let t: TestApp;
let reception: Api;
let controller: Api;
let operator: Api;
let orgs: Record<string, number>;

const key = (k: string) => ({ 'idempotency-key': k });
const count = async (table: 'reception_sessions' | 'instructions' | 'appeals' | 'events') =>
  Number(
    (
      await t.ctx.db
        .selectFrom(table)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A call with a portal token (no staff session). */
async function portal(path: string, body: unknown, token: string, headers: Record<string, string> = {}) {
  const res = await fetch(t.url + path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-language': 'en', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

async function signIn(phone: string): Promise<string> {
  const sent = await portal('/api/v1/public/auth/code', { phone }, '');
  assert.equal(sent.status, 202, JSON.stringify(sent.body));
  const row = await t.ctx.db.selectFrom('outbox').select('body').where('recipient', '=', phone).where('kind', '=', 'portalCode').orderBy('id', 'desc').executeTakeFirstOrThrow();
  const res = await portal('/api/v1/public/auth/verify', { phone, code: /(\d{6})/.exec(row.body)![1] }, '');
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.token;
}

before(async () => {
  t = await testApp();
  reception = await t.as('reception');
  controller = await t.as('controller');
  operator = await t.as('operator');
  orgs = Object.fromEntries((await t.ctx.db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
});
after(() => t.close());

describe('Idempotency-Key on the creating routes of the new capabilities (issue 16, item 5)', () => {
  test('PR-14: a reception session sent again with its key: one session, the first answer replayed', async () => {
    const official = await reception('POST', '/api/v1/reception/officials', { fullName: 'Әкімов Серік', positionKk: 'Аудан әкімі', positionRu: 'Аким района', kind: 'akim' }, key(randomUUID()));
    assert.equal(official.status, 201, JSON.stringify(official.body));
    const session = { officialId: official.body.id, startsAt: '2026-03-25T10:00:00+05:00', endsAt: '2026-03-25T13:00:00+05:00', place: 'Щучинск, 105 каб.', format: 'inPerson', occasion: 'scheduled' };
    const k = randomUUID();
    const before = await count('reception_sessions');
    const first = await reception('POST', '/api/v1/reception/sessions', session, key(k));
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const again = await reception('POST', '/api/v1/reception/sessions', session, key(k));
    assert.deepEqual([again.status, again.body, again.headers.get('idempotent-replayed')], [201, first.body, 'true']);
    assert.equal(await count('reception_sessions'), before + 1, 'one session');
    const other = await reception('POST', '/api/v1/reception/sessions', { ...session, place: 'Басқа бөлме' }, key(k));
    assert.deepEqual([other.status, other.body.error.code], [422, 'idempotency.keyReused']);
  });

  test('CD-29: an instruction sent again with its key: one instruction, the first answer replayed', async () => {
    const body = { issuer: 'president', text: 'Жолдың жөнделуін қамтамасыз ету', dueDate: '2026-04-15', appealIds: [], executors: [{ organizationId: orgs['AKM-ZERENDI'], main: true }] };
    const k = randomUUID();
    const before = await count('instructions');
    const first = await controller('POST', '/api/v1/instructions', body, key(k));
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const again = await controller('POST', '/api/v1/instructions', body, key(k));
    assert.deepEqual([again.status, again.body, again.headers.get('idempotent-replayed')], [201, first.body, 'true']);
    assert.equal(await count('instructions'), before + 1, 'one instruction');
  });

  test('EA-05: a contact closed with an appeal, sent again with its key, registers one appeal and answers it again', async () => {
    const opened = await operator('POST', '/api/v1/contact-centre/contacts', { channel: 'phone', callerPhone: '+77015550101' }, key(randomUUID()));
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    const close = {
      outcome: 'appeal',
      organizationId: orgs['AKM-BURABAY-SHCHUCHINSK'],
      appeal: {
        documentType: 'application',
        form: 'paper',
        channel: 'post',
        language: 'kk',
        summary: 'Көше жарығы жоқ',
        protocolText: 'Қоңырау шалушы көше жарығының жоқтығын хабарлады.',
        issueCategory: 'landscaping',
        applicant: { kind: 'individual', lastName: 'Жұмабаев', firstName: 'Ерлан' },
      },
    };
    const k = randomUUID();
    const appeals = await count('appeals');
    const first = await operator('POST', `/api/v1/contact-centre/contacts/${opened.body.id}/close`, close, key(k));
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.match(first.body.appeal.registrationNumber, /^ЖТ-2026-/);
    const events = await count('events');
    const again = await operator('POST', `/api/v1/contact-centre/contacts/${opened.body.id}/close`, close, key(k));
    assert.deepEqual([again.status, again.body, again.headers.get('idempotent-replayed')], [200, first.body, 'true']);
    assert.equal(await count('appeals'), appeals + 1, 'one appeal registered');
    assert.equal(await count('events'), events, 'nothing recorded by the repeat');
    // without its key, the repeat is refused as before (the contact is closed), never a second appeal
    const keyless = await operator('POST', `/api/v1/contact-centre/contacts/${opened.body.id}/close`, close);
    assert.deepEqual([keyless.status, keyless.body.error.code], [409, 'contact.closed']);
    assert.equal(await count('appeals'), appeals + 1);
  });

  test("the portal: a filing sent again with its key is one appeal; another applicant's same key and body is their own appeal, never the first one's answer", async () => {
    const filing = {
      organizationId: orgs['AKM-BURABAY'],
      documentType: 'application',
      language: 'kk',
      summary: 'Аулада балалар алаңы жоқ',
      text: 'Біздің аулада балалар ойнайтын алаң жоқ, салуды сұраймын.',
      issueCategory: 'land',
      applicant: { lastName: 'Порталов', firstName: 'Ерлан' },
    };
    const alice = await signIn('+77015550061');
    const bob = await signIn('+77015550062');
    const k = randomUUID();
    const appeals = await count('appeals');
    const first = await portal('/api/v1/public/me/appeals', filing, alice, key(k));
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const again = await portal('/api/v1/public/me/appeals', filing, alice, key(k));
    assert.deepEqual([again.status, again.body, again.headers.get('idempotent-replayed')], [201, first.body, 'true']);
    assert.equal(await count('appeals'), appeals + 1, 'one appeal');
    const bobs = await portal('/api/v1/public/me/appeals', filing, bob, key(k));
    assert.equal(bobs.status, 201, JSON.stringify(bobs.body));
    assert.equal(bobs.headers.get('idempotent-replayed'), null);
    assert.notEqual(bobs.body.id, first.body.id, "Bob's own appeal");
    assert.equal(await count('appeals'), appeals + 2);
    const owners = await t.ctx.db.selectFrom('idempotent_requests').select('owner').where('key', '=', k).execute();
    assert.equal(owners.length, 2);
    assert.ok(
      owners.every((o) => /^applicant:[0-9a-f]{64}$/.test(o.owner)),
      'owned by each applicant, by a hash (no phone or IIN stored)',
    );
  });
});
