// Calls from the telephone system (EA-10): the signed webhook and an Asterisk Manager Interface
// peer over TCP open the contact of a call, pop it on the operator's console (server-sent
// events) and end its timing; a bad signature is refused and leaves nothing behind.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { sql } from 'kysely';
import { testApp, type TestApp, type Api } from '../../test/support.ts';
import { register, person } from '../../test/accounting.ts';
import { signBody } from './signature.ts';
import { startAmiClient, AmiParser } from './ami.ts';
import { handleCtiEvent, type CtiEvent } from './service.ts';

const SECRET = 'test-secret-of-the-pbx';
let t: TestApp;
let operator: Api;
let registrar: Api;

before(async () => {
  t = await testApp();
  t.ctx.config.cti.webhookSecret = SECRET;
  operator = await t.as('operator');
  registrar = await t.as('registrar');
});
after(() => t.close());

const post = (body: unknown, signature?: string) => {
  const raw = JSON.stringify(body);
  return fetch(`${t.url}/api/v1/cti/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en', ...(signature === undefined ? { 'x-joldanym-signature': signBody(SECRET, raw) } : signature ? { 'x-joldanym-signature': signature } : {}) },
    body: raw,
  });
};

const counts = async () => {
  const r = await sql<{ contacts: number; events: number }>`SELECT (SELECT count(*) FROM contacts)::int AS contacts, (SELECT count(*) FROM events)::int AS events`.execute(t.ctx.db);
  return r.rows[0]!;
};

/** The operator's screen-pop stream: the events as they come. */
async function screenPops() {
  const login = await (await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'operator', password: 'demo' }) })).json();
  const abort = new AbortController();
  const res = await fetch(`${t.url}/api/v1/contact-centre/screen-pop`, { headers: { authorization: `Bearer ${login.token}` }, signal: abort.signal });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    /** The next event (skipping comments). */
    async next(): Promise<{ event: string; data: { contactId: string; callerPhone: string | null; callId: string } }> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) return { event, data: JSON.parse(data) };
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => abort.abort(),
  };
}

describe('the signed webhook (EA-10)', () => {
  test('EA-10: a bad, missing or foreign signature is refused with 401 and stores nothing', async () => {
    const before = await counts();
    const body = { event: 'ringing', callId: 'bad-1', callerPhone: '+77015550000', operator: 'operator' };
    const forged = await post(body, signBody('another secret', JSON.stringify(body)));
    assert.equal(forged.status, 401);
    assert.equal((await forged.json()).error.code, 'cti.badSignature');
    assert.equal((await post(body, '')).status, 401, 'no signature');
    // a signature of another body
    const tampered = await fetch(`${t.url}/api/v1/cti/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-joldanym-signature': signBody(SECRET, JSON.stringify(body)) },
      body: JSON.stringify({ ...body, operator: 'admin' }),
    });
    assert.equal(tampered.status, 401);
    t.ctx.config.cti.webhookSecret = undefined;
    assert.equal((await post(body)).status, 401, 'no secret configured: every event refused');
    t.ctx.config.cti.webhookSecret = SECRET;
    assert.deepEqual(await counts(), before);
  });

  test('EA-10, EA-05: ringing opens the contact and pops it on the operator’s console with the caller’s earlier appeal; answered and hangup mark its timing; the operator closes it', async () => {
    const caller = '+77015557777';
    const earlier = await register(registrar, { applicant: { ...person(), phone: caller } });
    const pops = await screenPops();
    try {
      t.setNow('2026-03-18T10:00:00+05:00');
      const ringing = await post({ event: 'ringing', callId: 'call-42', callerPhone: caller, operator: 'operator' });
      assert.equal(ringing.status, 200);
      const { contactId } = await ringing.json();
      const pop = await pops.next();
      assert.equal(pop.event, 'ringing');
      assert.deepEqual(pop.data, { kind: 'ringing', contactId, callId: 'call-42', callerPhone: caller });
      // the same event again (a retry) opens nothing new
      assert.equal((await (await post({ event: 'ringing', callId: 'call-42', callerPhone: caller, operator: 'operator' })).json()).contactId, contactId);
      assert.equal((await pops.next()).data.contactId, contactId);
      const contact = await operator('GET', `/api/v1/contact-centre/contacts/${contactId}`);
      assert.equal(contact.body.channel, 'phone');
      assert.equal(contact.body.callId, 'call-42');
      assert.equal(contact.body.operatorName, 'Ким Виктория Сергеевна');
      assert.deepEqual(
        contact.body.history.appeals.map((a: { id: string }) => a.id),
        [earlier.id],
      );
      t.setNow('2026-03-18T10:00:05+05:00');
      assert.equal((await post({ event: 'answered', callId: 'call-42', callerPhone: caller, operator: 'operator' })).status, 200);
      assert.equal((await pops.next()).event, 'answered');
      t.setNow('2026-03-18T10:03:00+05:00');
      assert.equal((await post({ event: 'hangup', callId: 'call-42' })).status, 200);
      assert.equal((await pops.next()).event, 'hangup');
      const row = await t.ctx.db.selectFrom('contacts').select(['started_at', 'answered_at', 'ended_at', 'closed_at']).where('id', '=', contactId).executeTakeFirstOrThrow();
      assert.equal(row.started_at.toISOString(), '2026-03-18T05:00:00.000Z');
      assert.equal(row.answered_at?.toISOString(), '2026-03-18T05:00:05.000Z');
      assert.equal(row.ended_at?.toISOString(), '2026-03-18T05:03:00.000Z');
      assert.equal(row.closed_at, null, 'the outcome is the operator’s');
      const closed = await operator('POST', `/api/v1/contact-centre/contacts/${contactId}/close`, {
        outcome: 'statusAnswer',
        registrationNumber: earlier.registrationNumber,
        talonNumber: (await registrar('GET', `/api/v1/appeals/${earlier.id}`)).body.talonNumber,
      });
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      const after = await t.ctx.db.selectFrom('contacts').select(['ended_at', 'outcome']).where('id', '=', contactId).executeTakeFirstOrThrow();
      assert.equal(after.ended_at?.toISOString(), '2026-03-18T05:03:00.000Z', 'the call’s end stands');
      assert.equal(after.outcome, 'statusAnswer');
    } finally {
      pops.close();
    }
    t.setNow('2026-03-18T10:00:00+05:00');
  });

  test('EA-10: an unknown operator or a bad event is refused; a hangup of an unknown call changes nothing', async () => {
    const unknown = await post({ event: 'ringing', callId: 'x-1', callerPhone: '+77010000000', operator: 'nobody' });
    assert.equal(unknown.status, 422);
    assert.equal((await unknown.json()).error.fields[0].code, 'cti.unknownOperator');
    assert.equal((await post({ event: 'ringing', callId: 'x-1', callerPhone: '+77010000000', operator: 'registrar' })).status, 422, 'not an operator');
    assert.equal((await post({ event: 'transfer', callId: 'x-1' })).status, 400);
    const hangup = await post({ event: 'hangup', callId: 'never-rang' });
    assert.equal(hangup.status, 200);
    assert.deepEqual(await hangup.json(), { contactId: null });
    assert.equal((await registrar('GET', '/api/v1/contact-centre/screen-pop')).status, 403, 'the screen pop is the operator’s');
  });
});

/** A small Asterisk Manager Interface peer: the banner, a login, then the events the test sends. */
async function fakeAsterisk(secret: string) {
  let client: Socket | undefined;
  let connected: () => void;
  const ready = new Promise<void>((ok) => (connected = ok));
  const logins: Record<string, string>[] = [];
  const server: Server = createServer((socket) => {
    client = socket;
    socket.setEncoding('utf8');
    socket.write('Asterisk Call Manager/7.0.3\r\n');
    const parser = new AmiParser();
    socket.on('data', (chunk: string) => {
      for (const m of parser.feed(chunk)) {
        if (m.Action !== 'Login') continue;
        logins.push(m);
        const ok = m.Secret === secret;
        socket.write(`Response: ${ok ? 'Success' : 'Error'}\r\nActionID: ${m.ActionID}\r\nMessage: Authentication ${ok ? 'accepted' : 'failed'}\r\n\r\n`);
        if (ok) connected();
      }
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as { port: number }).port,
    ready,
    logins,
    send(fields: Record<string, string>) {
      client!.write(
        `${Object.entries(fields)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\r\n')}\r\n\r\n`,
      );
    },
    close: () =>
      new Promise<void>((ok) => {
        client?.destroy();
        server.close(() => ok());
      }),
  };
}

describe('the Asterisk Manager Interface (EA-10)', () => {
  test('EA-10: Newchannel, Newstate and Hangup from an AMI peer over TCP open the contact on the operator’s console and end the call', async () => {
    const pbx = await fakeAsterisk('ami-secret');
    const handled: { e: CtiEvent; contactId: string | null }[] = [];
    let wake: () => void = () => {};
    const nextHandled = (n: number) =>
      new Promise<void>((ok) => {
        wake = () => handled.length >= n && ok();
        wake();
      });
    const log = { warn: () => {}, info: () => {} };
    const ami = startAmiClient(
      { host: '127.0.0.1', port: pbx.port, username: 'joldanym', secret: 'ami-secret' },
      async (e) => {
        const r = await handleCtiEvent(t.ctx, e);
        handled.push({ e, contactId: r.contactId });
        wake();
      },
      log,
    );
    const pops = await screenPops();
    try {
      await ami.ready;
      await pbx.ready;
      assert.equal(pbx.logins[0]!.Username, 'joldanym');
      const call = '1773810000.7';
      pbx.send({ Event: 'Newchannel', Channel: 'PJSIP/trunk-00000007', ChannelState: '0', ChannelStateDesc: 'Down', CallerIDNum: '87015558888', Exten: '1414', Uniqueid: call, Linkedid: call });
      pbx.send({ Event: 'Newchannel', Channel: 'PJSIP/operator-00000008', ChannelState: '0', CallerIDNum: 'operator', Uniqueid: '1773810000.8', Linkedid: call });
      pbx.send({ Event: 'Newstate', Channel: 'PJSIP/operator-00000008', ChannelState: '5', ChannelStateDesc: 'Ringing', ConnectedLineNum: '87015558888', Uniqueid: '1773810000.8', Linkedid: call });
      await nextHandled(1);
      const opened = handled[0]!;
      assert.deepEqual(opened.e, { event: 'ringing', callId: call, callerPhone: '87015558888', operator: 'operator' });
      const pop = await pops.next();
      assert.equal(pop.event, 'ringing');
      assert.equal(pop.data.contactId, opened.contactId);
      const row = await t.ctx.db.selectFrom('contacts').selectAll().where('call_id', '=', call).executeTakeFirstOrThrow();
      assert.equal(row.caller_phone, '87015558888');
      assert.equal(row.channel, 'phone');
      pbx.send({ Event: 'Newstate', Channel: 'PJSIP/operator-00000008', ChannelState: '6', ChannelStateDesc: 'Up', Uniqueid: '1773810000.8', Linkedid: call });
      pbx.send({ Event: 'Hangup', Channel: 'PJSIP/operator-00000008', Uniqueid: '1773810000.8', Linkedid: call, Cause: '16' });
      pbx.send({ Event: 'Hangup', Channel: 'PJSIP/trunk-00000007', CallerIDNum: '87015558888', Uniqueid: call, Linkedid: call, Cause: '16' });
      await nextHandled(3);
      assert.deepEqual(
        handled.map((h) => h.e.event),
        ['ringing', 'answered', 'hangup'],
      );
      assert.equal((await pops.next()).event, 'answered');
      assert.equal((await pops.next()).event, 'hangup');
      const ended = await t.ctx.db.selectFrom('contacts').select(['answered_at', 'ended_at']).where('call_id', '=', call).executeTakeFirstOrThrow();
      assert.ok(ended.answered_at && ended.ended_at);
    } finally {
      pops.close();
      ami.close();
      await pbx.close();
    }
  });

  test('EA-10: a refused AMI login is reported, not retried', async () => {
    const pbx = await fakeAsterisk('right');
    const ami = startAmiClient({ host: '127.0.0.1', port: pbx.port, username: 'joldanym', secret: 'wrong' }, async () => {}, { warn: () => {}, info: () => {} });
    await assert.rejects(ami.ready, /AMI login refused/);
    ami.close();
    await pbx.close();
  });
});
