// The chat (EA-05): a caller starts it on the citizens' pages, an operator takes it, both talk over
// a WebSocket, the transcript is kept with the contact, and the chat ends in an outcome as any
// contact; strangers' sockets are refused.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { testApp, type TestApp, type Api } from '../../test/support.ts';

let t: TestApp;
let operator: Api;
let operatorToken: string;
let orgs: Record<string, number>;

before(async () => {
  t = await testApp();
  orgs = Object.fromEntries((await t.ctx.db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
  operator = await t.as('operator');
  const login = await (await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'operator', password: 'demo' }) })).json();
  operatorToken = login.token;
});
after(() => t.close());

/** A socket that queues what it receives, so each message can be awaited in turn. */
async function connect(path: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(`${t.url.replace('http', 'ws')}${path}`, { headers });
  const inbox: unknown[] = [];
  const waiting: ((m: unknown) => void)[] = [];
  ws.on('message', (data) => {
    const m = JSON.parse(String(data));
    const w = waiting.shift();
    if (w) w(m);
    else inbox.push(m);
  });
  await new Promise<void>((ok, fail) => {
    ws.once('open', () => ok());
    ws.once('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', fail);
  });
  return {
    // biome-ignore lint/suspicious/noExplicitAny: JSON messages, checked by the assertions
    next: () => (inbox.length ? Promise.resolve(inbox.shift()) : new Promise((ok) => waiting.push(ok))) as Promise<any>,
    say: (text: string) => ws.send(JSON.stringify({ text })),
    close: () => ws.close(),
  };
}

test('EA-05: a chat: the caller starts it, an operator takes it, the messages go both ways and are kept; it closes with an outcome', async () => {
  const start = await fetch(`${t.url}/api/v1/contact-centre/chats`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ organizationId: orgs['AKM-BURABAY'], language: 'kk' }) });
  assert.equal(start.status, 201);
  const { contactId, token } = await start.json();
  const caller = await connect(`/api/v1/contact-centre/chats/${contactId}/socket?token=${token}`);
  assert.deepEqual(await caller.next(), { transcript: [] });
  caller.say('Сәлеметсіз бе! Жер учаскесін қалай алуға болады?');
  const echoed = await caller.next();
  assert.equal(echoed.author, 'caller');
  const waiting = await operator('GET', '/api/v1/contact-centre/chats');
  assert.ok(waiting.body.items.some((c: { id: string; lastMessage: string }) => c.id === contactId && c.lastMessage.startsWith('Сәлеметсіз')));

  const op = await connect(`/api/v1/contact-centre/chats/${contactId}/socket`, { authorization: `Bearer ${operatorToken}` });
  const history = await op.next();
  assert.equal(history.transcript.length, 1);
  op.say('eGov порталы арқылы өтініш беріңіз.');
  assert.equal((await caller.next()).text, 'eGov порталы арқылы өтініш беріңіз.');
  assert.equal((await op.next()).author, 'operator');
  caller.say('');
  assert.deepEqual(await caller.next(), { error: 'chat.badMessage' });

  const row = await t.ctx.db.selectFrom('contacts').select(['operator_name', 'answered_at']).where('id', '=', contactId).executeTakeFirstOrThrow();
  assert.equal(row.operator_name, 'Ким Виктория Сергеевна', 'the operator took the chat');
  assert.ok(row.answered_at);
  const transcript = await operator('GET', `/api/v1/contact-centre/contacts/${contactId}/transcript`);
  assert.deepEqual(
    transcript.body.items.map((m: { author: string }) => m.author),
    ['caller', 'operator'],
  );
  const closed = await operator('POST', `/api/v1/contact-centre/contacts/${contactId}/close`, {
    outcome: 'publicServiceComplaint',
    region: 'Ақмола облысы',
    applicantName: 'Чат қолданушысы',
    nature: 'Кеңес',
    content: 'Жер учаскесі',
    measures: 'Түсіндірілді',
  });
  assert.equal(closed.status, 200, 'a chat ends in any outcome');
  caller.close();
  op.close();
});

test('EA-05: a socket without the caller’s token or an operator’s session is refused; an operator’s cookie from another site too', async () => {
  const { contactId } = await (
    await fetch(`${t.url}/api/v1/contact-centre/chats`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ organizationId: orgs['AKM-BURABAY'] }) })
  ).json();
  await assert.rejects(connect(`/api/v1/contact-centre/chats/${contactId}/socket?token=wrong`), /HTTP 403/);
  await assert.rejects(connect(`/api/v1/contact-centre/chats/${contactId}/socket`), /HTTP 403/);
  await assert.rejects(connect(`/api/v1/contact-centre/chats/${contactId}/socket`, { cookie: `joldanym_session=${operatorToken}`, origin: 'https://evil.example' }), /HTTP 403/);
  const registrar = await (await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'registrar', password: 'demo' }) })).json();
  await assert.rejects(connect(`/api/v1/contact-centre/chats/${contactId}/socket`, { authorization: `Bearer ${registrar.token}` }), /HTTP 403/);
  await assert.rejects(connect('/api/v1/contact-centre/chats/00000000-0000-0000-0000-000000000000/socket?token=x'), /HTTP 404/);
  const bad = await fetch(`${t.url}/api/v1/contact-centre/chats`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ organizationId: 999999 }) });
  assert.equal(bad.status, 422);
});

test('EA-05: a socket that floods is slowed (5 messages in 10 s), a chat holds at most 4 sockets, and a closed chat takes no more messages', async () => {
  const { contactId, token } = await (
    await fetch(`${t.url}/api/v1/contact-centre/chats`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ organizationId: orgs['AKM-BURABAY'] }) })
  ).json();
  const path = `/api/v1/contact-centre/chats/${contactId}/socket?token=${token}`;
  const caller = await connect(path);
  await caller.next();
  for (let i = 0; i < 5; i++) {
    caller.say(`хабар ${i}`);
    assert.equal((await caller.next()).text, `хабар ${i}`);
  }
  caller.say('тағы');
  assert.deepEqual(await caller.next(), { error: 'chat.tooFast' });
  const stored = await t.ctx.db.selectFrom('chat_messages').select('id').where('contact_id', '=', contactId).execute();
  assert.equal(stored.length, 5);
  t.setNow('2026-03-18T10:00:11+05:00');
  const others: Awaited<ReturnType<typeof connect>>[] = [];
  try {
    for (let i = 0; i < 3; i++) others.push(await connect(path));
    await assert.rejects(connect(path), /HTTP 429/);
    const closed = await operator('POST', `/api/v1/contact-centre/contacts/${contactId}/close`, {
      outcome: 'publicServiceComplaint',
      region: 'Ақмола облысы',
      applicantName: 'Чат қолданушысы',
      nature: 'Кеңес',
      content: 'Жер учаскесі',
      measures: 'Түсіндірілді',
    });
    assert.equal(closed.status, 200);
    caller.say('жабылғаннан кейін');
    assert.deepEqual(await caller.next(), { error: 'chat.closed' });
    assert.equal((await t.ctx.db.selectFrom('chat_messages').select('id').where('contact_id', '=', contactId).execute()).length, 5);
  } finally {
    for (const o of [caller, ...others]) o.close();
    t.setNow('2026-03-18T10:00:00+05:00');
  }
});
