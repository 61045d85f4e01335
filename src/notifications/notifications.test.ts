import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { testApp, type TestApp } from '../../test/support.ts';
import type { Clock } from '../context.ts';
import { enqueue, messageKey, messagesOfAppeal, MESSAGE_KINDS, type OutboxMessage } from './outbox.ts';
import { applicantMessages, messageLanguage, SMS_MAX_LENGTH, type MessageData } from './messages.ts';
import { consoleTransports, DEFAULT_SMS_TIMEOUT_MS, DEFAULT_SMTP_TIMEOUT_MS, httpSmsGateway, smtpTransport, transportsFromConfig, type Sms, type Transports } from './transports.ts';
import { DEFAULT_LEASE_MINUTES, deliverDue, startWorker, LOST_OUTCOME, type DeliveryCounts } from './worker.ts';

// ---- peers: a real SMTP server and a tiny HTTP SMS gateway on free ports ----

interface Mail {
  from: string;
  to: string[];
  raw: string;
}

interface SmtpPeer {
  url: string;
  mails: Mail[];
  rejectedRecipients: string[];
  close(): Promise<void>;
}

/** reject: refuse every recipient; silentAfterData: take the first n messages whole and never answer
 *  them (an acknowledgement lost on the way). */
async function smtpPeer(options: { reject?: { code: number; message: string }; silentAfterData?: number } = {}): Promise<SmtpPeer> {
  let silent = options.silentAfterData ?? 0;
  const mails: Mail[] = [];
  const rejectedRecipients: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!options.reject) return callback();
      rejectedRecipients.push(address.address);
      const error = Object.assign(new Error(options.reject.message), { responseCode: options.reject.code });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('latin1'),
        });
        if (silent > 0) silent--;
        else callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    rejectedRecipients,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Gateway {
  url: string;
  received: Array<{ body: { id?: string; to: string; text: string }; headers: IncomingHttpHeaders }>;
  status: number;
  close(): Promise<void>;
}

async function smsGateway(): Promise<Gateway> {
  const gateway: Gateway = { url: '', received: [], status: 200, close: async () => {} };
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      gateway.received.push({ body: JSON.parse(Buffer.concat(chunks).toString('utf8')), headers: req.headers });
      res.writeHead(gateway.status, { 'content-type': 'application/json' });
      res.end(gateway.status < 300 ? JSON.stringify({ id: `sms-${++n}` }) : JSON.stringify({ error: 'operator unavailable' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  gateway.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return gateway;
}

// ---- a simple MIME reader: the parts of a multipart message, decoded ----

function mimeParts(raw: string): Array<{ headers: string; body: Buffer }> {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  assert.ok(boundary, 'a multipart message');
  return raw
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const split = part.indexOf('\r\n\r\n');
      const headers = part.slice(0, split);
      const text = part.slice(split + 4);
      const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
      let body: Buffer;
      if (encoding === 'base64') body = Buffer.from(text.replace(/\s+/g, ''), 'base64');
      else if (encoding === 'quoted-printable') {
        const bytes = text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
        body = Buffer.from(bytes, 'latin1');
      } else body = Buffer.from(text, 'latin1');
      return { headers, body };
    });
}

// ---- the test database and a clock the tests move ----

let t: TestApp;
let organizationId: number;
let appeal: { id: string; registrationNumber: string; talonNumber: string; registrationDate: string; dueDate: string };
let talon: Buffer;
const T0 = new Date('2026-03-18T10:05:00+05:00');
let now = new Date(T0);
const clock: Clock = { now: () => new Date(now) };
const at = (minutes: number, seconds = 0) => new Date(T0.getTime() + minutes * 60_000 + seconds * 1000);
const wctx = () => ({ db: t.ctx.db, clock });
const zero: DeliveryCounts = { claimed: 0, sent: 0, retrying: 0, failed: 0, lost: 0 };

async function outboxRows(ids: number[]) {
  return t.ctx.db.selectFrom('outbox').selectAll().where('id', 'in', ids).orderBy('id').execute();
}
async function deliveriesOf(id: number) {
  return t.ctx.db.selectFrom('deliveries').selectAll().where('outbox_id', '=', id).orderBy('attempt').orderBy('id').execute();
}
async function enqueueCommitted(messages: OutboxMessage[]): Promise<number[]> {
  return t.ctx.db.transaction().execute((trx) => enqueue(trx, messages, clock.now()));
}

before(async () => {
  t = await testApp();
  const registrar = await t.as('registrar');
  // An anonymous complaint-box report: no contacts, so nothing else puts messages in the outbox.
  const res = await registrar('POST', '/api/v1/appeals', {
    documentType: 'report',
    form: 'paper',
    channel: 'complaintBox',
    language: 'kk',
    receivedAt: '2026-03-18T09:30:00+05:00',
    summary: 'Аялдамадағы жарық жоқ',
    text: 'Абай көшесіндегі аялдамада кешке жарық жанбайды.',
    anonymous: true,
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  appeal = res.body;
  const pdf = await registrar('GET', `/api/v1/appeals/${appeal.id}/talon.pdf`);
  assert.equal(pdf.status, 200);
  talon = pdf.raw;
  assert.equal(talon.subarray(0, 5).toString(), '%PDF-');
  organizationId = (await t.ctx.db.selectFrom('appeals').select('organization_id').where('id', '=', appeal.id).executeTakeFirstOrThrow()).organization_id;
});
after(() => t.close());

const common = () => ({ organizationId, appealId: appeal.id, registrationNumber: appeal.registrationNumber });

describe('messages', () => {
  const samples: { [K in keyof MessageData]: Omit<MessageData[K], 'organizationId' | 'appealId' | 'registrationNumber'> } = {
    registered: { talonNumber: '26031800000042', registrationDate: '2026-03-18', dueDate: '2026-04-10', organizationName: 'Бурабай ауданының әкімдігі' },
    talon: { talonNumber: '26031800000042', registrationDate: '2026-03-18', dueDate: '2026-04-10' },
    forwarded: { to: 'Ақмола облысы Бурабай ауданының тұрғын үй-коммуналдық шаруашылығы, жолаушылар көлігі және автомобиль жолдары бөлімі' },
    extended: { dueDate: '2026-05-08', reason: 'APPC Art. 76 p.2' },
    hearingNotice: { date: '2026-03-25', time: '15:00', place: 'Щучинск, Абай көшесі 12, 204 кабинет' },
    decision: { decision: 'Қанағаттандырылды' },
  };

  test('every kind in every language: an e-mail and an SMS of at most 160 characters', () => {
    for (const kind of MESSAGE_KINDS) {
      for (const lang of ['kk', 'ru', 'en'] as const) {
        const data = { organizationId: 1, appealId: null, registrationNumber: 'ЖТ-2026-00000042', ...samples[kind] } as MessageData[typeof kind];
        const out = applicantMessages(kind, lang, data, { email: 'a@example.kz', phone: '+77015551234' });
        assert.deepEqual(
          out.map((m) => [m.channel, m.recipient, m.kind, m.language]),
          [
            ['email', 'a@example.kz', kind, lang],
            ['sms', '+77015551234', kind, lang],
          ],
        );
        const [email, sms] = out as [OutboxMessage, OutboxMessage];
        assert.ok(sms.body.length <= SMS_MAX_LENGTH, `${kind}/${lang}: ${sms.body.length} ${sms.body}`);
        assert.equal(sms.subject, null);
        assert.ok(email.subject && email.subject.length > 0);
        assert.ok(email.body.length > sms.body.length, `${kind}/${lang}: the e-mail says more`);
        const number = kind === 'talon' ? '26031800000042' : 'ЖТ-2026-00000042';
        assert.ok(sms.body.includes(number) && email.body.includes(number), `${kind}/${lang} names the appeal`);
        if (kind === 'registered' || kind === 'talon') {
          for (const text of [sms.body, email.body]) assert.ok(text.includes('26031800000042') && text.includes('10.04.2026'), text);
        }
        if (kind === 'extended') assert.ok(sms.body.includes('08.05.2026'));
        if (kind === 'hearingNotice') assert.ok(sms.body.includes('25.03.2026') && sms.body.includes('15:00') && sms.body.includes('Щучинск'));
        if (kind === 'decision') assert.ok(sms.body.includes('Қанағаттандырылды'));
        if (kind === 'forwarded') {
          assert.ok(sms.body.endsWith('…'), 'a long name is shortened in the SMS');
          assert.ok(email.body.includes(samples.forwarded.to), 'and given in full in the e-mail');
        }
      }
    }
  });

  test('only the channels the applicant gave; the letter goes with the e-mail only', () => {
    const data = { ...common(), ...samples.talon, attachment: { name: 'talon.pdf', content: talon } };
    assert.deepEqual(applicantMessages('talon', 'ru', data, {}), []);
    assert.deepEqual(applicantMessages('talon', 'ru', data, { email: ' ', phone: null }), []);
    const [email, ...rest] = applicantMessages('talon', 'ru', data, { email: 'a@example.kz' });
    assert.equal(rest.length, 0);
    assert.equal(email?.attachment?.name, 'talon.pdf');
    assert.ok(email?.body.includes('talon.pdf'));
    const [sms] = applicantMessages('talon', 'ru', data, { phone: '+77015551234' });
    assert.equal(sms?.channel, 'sms');
    assert.equal(sms?.attachment, null);
    assert.equal(messageLanguage('kk'), 'kk');
    assert.equal(messageLanguage('en'), 'en');
    assert.equal(messageLanguage('uz'), 'ru');
  });
});

describe('delivery', () => {
  test('the talon by e-mail over SMTP, PDF intact, and by SMS through the gateway', async () => {
    const smtp = await smtpPeer();
    const gateway = await smsGateway();
    try {
      const gatewayUrl = new URL(gateway.url);
      gatewayUrl.username = 'joldanym';
      gatewayUrl.password = 's3cret:x';
      const transports: Transports = { email: smtpTransport(smtp.url, 'Joldanym <noreply@joldanym.local>'), sms: httpSmsGateway(gatewayUrl.toString()) };
      now = at(0);
      const messages = applicantMessages(
        'talon',
        'kk',
        { ...common(), talonNumber: appeal.talonNumber, registrationDate: appeal.registrationDate, dueDate: appeal.dueDate, attachment: { name: `talon-${appeal.talonNumber}.pdf`, content: talon } },
        { email: 'kuanysh@example.kz', phone: '+77015551234' },
      );
      const ids = await enqueueCommitted(messages);
      assert.equal(ids.length, 2);

      const counts = await deliverDue(wctx(), transports);
      assert.deepEqual(counts, { ...zero, claimed: 2, sent: 2 });

      // The SMTP peer got the e-mail with the talon, byte for byte.
      assert.equal(smtp.mails.length, 1);
      const mail = smtp.mails[0]!;
      assert.equal(mail.from, 'noreply@joldanym.local');
      assert.deepEqual(mail.to, ['kuanysh@example.kz']);
      const parts = mimeParts(mail.raw);
      const pdf = parts.find((p) => p.headers.includes(`talon-${appeal.talonNumber}.pdf`));
      assert.ok(pdf, 'the talon is attached');
      assert.match(pdf.headers, /content-type:\s*application\/pdf/i);
      assert.ok(pdf.body.equals(talon), 'the attachment is the talon PDF, byte for byte');
      const text = parts.find((p) => /content-type:\s*text\/plain/i.test(p.headers));
      assert.ok(text);
      const body = text.body.toString('utf8');
      assert.ok(body.includes(appeal.talonNumber) && body.includes(appeal.registrationNumber), body);
      assert.ok(body.includes('Құрметті өтініш беруші!'), body);

      // The gateway got the SMS as JSON, with the credentials of its URL as Basic authorization.
      assert.equal(gateway.received.length, 1);
      const sms = gateway.received[0]!;
      assert.equal(sms.body.to, '+77015551234');
      assert.equal(sms.body.text, messages[1]!.body);
      assert.ok(sms.body.text.includes(appeal.talonNumber));
      assert.equal(sms.headers['content-type'], 'application/json');
      assert.equal(sms.headers.authorization, `Basic ${Buffer.from('joldanym:s3cret:x').toString('base64')}`);

      const rows = await outboxRows(ids);
      for (const row of rows) {
        assert.equal(row.status, 'sent');
        assert.equal(row.attempts, 1);
        assert.equal(row.sent_at?.getTime(), now.getTime());
        assert.equal(row.claimed_at, null);
        assert.equal(row.last_error, null);
      }
      assert.ok(Buffer.from(rows[0]!.attachment!).equals(talon), 'the outbox keeps the letter as sent');
      const [emailDelivery] = await deliveriesOf(ids[0]!);
      assert.equal(emailDelivery?.ok, true);
      assert.equal(emailDelivery?.attempt, 1);
      assert.match(emailDelivery?.provider_response ?? '', /^250 /);
      const [smsDelivery] = await deliveriesOf(ids[1]!);
      assert.equal(smsDelivery?.ok, true);
      assert.equal(smsDelivery?.provider_response, '200 {"id":"sms-1"}');

      // Sent is sent: the next run finds nothing.
      now = at(120);
      assert.deepEqual(await deliverDue(wctx(), transports), zero);
      assert.equal(smtp.mails.length, 1);
      assert.equal(gateway.received.length, 1);

      const history = await messagesOfAppeal(t.ctx.db, appeal.id);
      assert.deepEqual(
        history.map((m) => [m.channel, m.status, m.attachmentSize, m.deliveries.length]),
        [
          ['email', 'sent', talon.length, 1],
          ['sms', 'sent', null, 1],
        ],
      );
      transports.email?.close?.();
    } finally {
      await smtp.close();
      await gateway.close();
    }
  });

  test('a failing peer: retries at 1, 5, 15 and 60 minutes, then failed; every attempt recorded, nothing deleted', async () => {
    const smtp = await smtpPeer({ reject: { code: 451, message: 'Mailbox temporarily unavailable' } });
    const gateway = await smsGateway();
    gateway.status = 503;
    try {
      const transports: Transports = { email: smtpTransport(smtp.url, 'Joldanym <noreply@joldanym.local>'), sms: httpSmsGateway(gateway.url) };
      now = at(1000);
      const base = at(1000).getTime();
      const messages = applicantMessages('decision', 'ru', { ...common(), decision: 'Удовлетворено', attachment: { name: 'answer.pdf', content: talon } }, { email: 'busy@example.kz', phone: '+77015550000' });
      const ids = await enqueueCommitted(messages);

      const attemptsAt = [0, 1, 6, 21, 81]; // minutes after enqueueing
      for (const [i, minute] of attemptsAt.entries()) {
        if (i > 0) {
          now = new Date(base + minute * 60_000 - 1000);
          assert.deepEqual(await deliverDue(wctx(), transports), zero, `nothing is due a second before attempt ${i + 1}`);
        }
        now = new Date(base + minute * 60_000);
        const last = i === attemptsAt.length - 1;
        assert.deepEqual(await deliverDue(wctx(), transports), { ...zero, claimed: 2, retrying: last ? 0 : 2, failed: last ? 2 : 0 }, `attempt ${i + 1}`);
      }
      now = new Date(base + 7 * 24 * 60 * 60_000);
      assert.deepEqual(await deliverDue(wctx(), transports), zero, 'a failed message is not retried');

      assert.equal(smtp.rejectedRecipients.length, 5);
      assert.equal(smtp.mails.length, 0);
      assert.equal(gateway.received.length, 5);
      const rows = await outboxRows(ids);
      assert.equal(rows.length, 2, 'the messages are still there');
      for (const row of rows) {
        assert.equal(row.status, 'failed');
        assert.equal(row.attempts, 5);
        assert.equal(row.sent_at, null);
        const deliveries = await deliveriesOf(row.id);
        assert.deepEqual(
          deliveries.map((d) => [d.attempt, d.ok, d.at.getTime() - base]),
          attemptsAt.map((m, i) => [i + 1, false, m * 60_000]),
        );
        for (const d of deliveries) assert.match(d.error ?? '', row.channel === 'email' ? /451/ : /503/);
        assert.equal(row.last_error, deliveries.at(-1)!.error);
      }
      assert.ok(Buffer.from(rows[0]!.attachment!).equals(talon));
      await assert.rejects(t.ctx.db.deleteFrom('outbox').where('id', '=', ids[0]!).execute(), /kept/);
      await assert.rejects(t.ctx.db.deleteFrom('deliveries').where('outbox_id', '=', ids[0]!).execute(), /kept/);
      await assert.rejects(t.ctx.db.updateTable('deliveries').set({ ok: true }).where('outbox_id', '=', ids[0]!).execute(), /kept/);
      transports.email?.close?.();
    } finally {
      await smtp.close();
      await gateway.close();
    }
  });

  test('messages enqueued in a transaction that rolls back are never delivered', async () => {
    const gateway = await smsGateway();
    try {
      const transports: Transports = { email: consoleTransports(() => {}).email, sms: httpSmsGateway(gateway.url) };
      now = at(20_000);
      const before = await t.ctx.db
        .selectFrom('outbox')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      await assert.rejects(
        t.ctx.db.transaction().execute(async (trx) => {
          const ids = await enqueue(trx, applicantMessages('extended', 'en', { ...common(), dueDate: '2026-05-08' }, { email: 'x@example.kz', phone: '+77015559999' }), clock.now());
          assert.equal(ids.length, 2);
          throw new Error('the use case failed after enqueueing');
        }),
        /use case failed/,
      );
      const afterRollback = await t.ctx.db
        .selectFrom('outbox')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(afterRollback.n), Number(before.n));
      assert.deepEqual(await deliverDue(wctx(), transports), zero);
      assert.equal(gateway.received.length, 0);
    } finally {
      await gateway.close();
    }
  });

  test('concurrent workers send each message exactly once', async () => {
    const gateway = await smsGateway();
    try {
      const transports: Transports = { email: null, sms: httpSmsGateway(gateway.url) };
      now = at(30_000);
      const messages = Array.from({ length: 12 }, (_, i) => ({
        ...common(),
        kind: 'hearingNotice' as const,
        channel: 'sms' as const,
        recipient: `+7701555${String(i).padStart(4, '0')}`,
        language: 'en',
        subject: null,
        body: `message ${i}`,
      }));
      const ids = await enqueueCommitted(messages);
      const runs = await Promise.all([1, 2, 3].map(() => deliverDue(wctx(), transports, { batch: 5 })));
      let sent = runs.reduce((n, c) => n + c.sent, 0);
      for (let c = await deliverDue(wctx(), transports, { batch: 5 }); c.claimed > 0; c = await deliverDue(wctx(), transports, { batch: 5 })) sent += c.sent;
      assert.equal(sent, 12);
      assert.deepEqual(gateway.received.map((r) => r.body.text).sort(), messages.map((m) => m.body).sort());
      for (const row of await outboxRows(ids)) assert.deepEqual([row.status, row.attempts], ['sent', 1]);
    } finally {
      await gateway.close();
    }
  });

  test('a worker that stopped mid-delivery: after the lease the lost attempt is recorded and the message is sent again', async () => {
    const lines: string[] = [];
    const transports: Transports = consoleTransports((line) => lines.push(line));
    now = at(40_000);
    const [id] = await enqueueCommitted(applicantMessages('forwarded', 'kk', { ...common(), to: 'Көкшетау қаласының әкімдігі' }, { phone: '+77015551234' }));
    // What a claim leaves behind when its worker dies before recording the outcome.
    await t.ctx.db
      .updateTable('outbox')
      .set({ attempts: 1, claimed_at: at(40_000), next_attempt_at: at(40_000 + DEFAULT_LEASE_MINUTES) })
      .where('id', '=', id!)
      .execute();
    now = at(40_000 + DEFAULT_LEASE_MINUTES, -1);
    assert.deepEqual(await deliverDue(wctx(), transports), zero, 'the claim holds for its lease');
    now = at(40_000 + DEFAULT_LEASE_MINUTES);
    assert.deepEqual(await deliverDue(wctx(), transports), { ...zero, lost: 1, claimed: 1, sent: 1 });
    assert.deepEqual(
      (await deliveriesOf(id!)).map((d) => [d.attempt, d.ok, d.error, d.at.getTime()]),
      [
        [1, false, LOST_OUTCOME, at(40_000).getTime()],
        [2, true, null, at(40_000 + DEFAULT_LEASE_MINUTES).getTime()],
      ],
    );
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^\[SMS to \+77015551234\] .*Көкшетау/);
  });

  test('an unreachable peer is a failed attempt with its reason', async () => {
    const smtp = await smtpPeer();
    const gateway = await smsGateway();
    await smtp.close();
    await gateway.close();
    now = at(45_000);
    const ids = await enqueueCommitted(applicantMessages('extended', 'kk', { ...common(), dueDate: '2026-05-08' }, { email: 'a@example.kz', phone: '+77015551234' }));
    const transports: Transports = { email: smtpTransport(smtp.url, 'x@joldanym.local', { timeoutMs: 5000 }), sms: httpSmsGateway(gateway.url) };
    assert.deepEqual(await deliverDue(wctx(), transports), { ...zero, claimed: 2, retrying: 2 });
    for (const row of await outboxRows(ids)) {
      assert.deepEqual([row.status, row.attempts, row.next_attempt_at.getTime()], ['pending', 1, at(45_001).getTime()]);
      assert.match(row.last_error ?? '', /ECONNREFUSED/);
    }
    // Delivered on the retry, by whatever transport is configured then.
    now = at(45_001);
    assert.deepEqual(
      await deliverDue(
        wctx(),
        consoleTransports(() => {}),
      ),
      { ...zero, claimed: 2, sent: 2 },
    );
    transports.email?.close?.();
  });

  test('an unconfigured channel keeps its messages waiting', async () => {
    now = at(50_000);
    const [id] = await enqueueCommitted(applicantMessages('decision', 'en', { ...common(), decision: 'Satisfied' }, { email: 'later@example.kz' }));
    const lines: string[] = [];
    assert.deepEqual(await deliverDue(wctx(), { email: null, sms: consoleTransports().sms }), zero);
    assert.deepEqual(await deliverDue(wctx(), { email: null, sms: null }), zero);
    assert.equal((await outboxRows([id!]))[0]?.status, 'pending');
    assert.deepEqual(await deliverDue(wctx(), { email: consoleTransports((l) => lines.push(l)).email, sms: null }), { ...zero, claimed: 1, sent: 1 });
    assert.match(lines[0]!, /^\[e-mail to later@example\.kz\] Appeal No\. .*: decision/);
  });

  test('transports from the configuration', () => {
    const none = { smtpUrl: undefined, smsGatewayUrl: undefined, mailFrom: 'x@y.kz' };
    const demo = transportsFromConfig({ ...none, demo: true });
    assert.deepEqual([demo.email?.name, demo.sms?.name], ['console', 'console']);
    const server = transportsFromConfig({ ...none, demo: false });
    assert.deepEqual([server.email, server.sms], [null, null]);
    const real = transportsFromConfig({ smtpUrl: 'smtp://mail.example.kz:587', smsGatewayUrl: 'https://sms.example.kz/send', mailFrom: 'x@y.kz', demo: true });
    assert.deepEqual([real.email?.name, real.sms?.name], ['smtp', 'http-sms']);
    real.email?.close?.();
  });

  test('the background worker delivers what is enqueued and stops cleanly', async () => {
    now = at(60_000);
    const lines: string[] = [];
    let delivered!: (c: DeliveryCounts) => void;
    const done = new Promise<DeliveryCounts>((resolve) => (delivered = resolve));
    await enqueueCommitted(applicantMessages('registered', 'ru', { ...common(), talonNumber: appeal.talonNumber, registrationDate: appeal.registrationDate, dueDate: appeal.dueDate }, { phone: '+77015551234' }));
    const stop = startWorker(
      wctx(),
      consoleTransports((l) => lines.push(l)),
      60_000,
      { onDelivered: delivered, onError: (e) => assert.fail(String(e)) },
    );
    const counts = await done;
    await stop();
    assert.deepEqual(counts, { ...zero, claimed: 1, sent: 1 });
    assert.match(lines[0]!, /Ваше обращение зарегистрировано/);
  });
});

// ---- at least once, made safe: a stable identity per message, timeouts within the lease ----

/** A peer that accepts connections and never says a word (an SMTP server that hangs). */
async function silentTcpPeer(): Promise<{ url: string; connections: () => number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createTcpServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An SMS gateway that reads the request and never answers it. */
async function silentGateway(): Promise<{ url: string; received: Gateway['received']; close(): Promise<void> }> {
  const received: Gateway['received'] = [];
  const server: Server = createServer((req) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => received.push({ body: JSON.parse(Buffer.concat(chunks).toString('utf8')), headers: req.headers }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const messageIdOf = (raw: string) => /^message-id:\s*(\S+)\s*$/im.exec(raw)?.[1];
const HOST = 'appeals.example.kz';
const SHORT = 500; // ms: the transports' timeout in these tests

describe('at least once, made safe', () => {
  test('the lease outlasts the transports: a hung peer cannot hold a message beyond it', () => {
    assert.ok(DEFAULT_LEASE_MINUTES * 60_000 >= 2 * Math.max(DEFAULT_SMTP_TIMEOUT_MS, DEFAULT_SMS_TIMEOUT_MS));
    assert.ok(DEFAULT_LEASE_MINUTES < 15, 'shorter than the 15 minutes it was');
  });

  test('a repeat after a lost outcome carries the same Message-ID and idempotency key; other messages carry others', async () => {
    const smtp = await smtpPeer();
    const gateway = await smsGateway();
    const transports: Transports = { email: smtpTransport(smtp.url, 'noreply@joldanym.local', { timeoutMs: SHORT }), sms: httpSmsGateway(gateway.url, { timeoutMs: SHORT }) };
    try {
      now = at(70_000);
      const data = { ...common(), date: '2026-03-25', time: '15:00', place: 'Щучинск, Абай көшесі 12' };
      const [emailA, smsA] = await enqueueCommitted(applicantMessages('hearingNotice', 'ru', data, { email: 'a@example.kz', phone: '+77015550001' }));
      const [emailB, smsB] = await enqueueCommitted(applicantMessages('hearingNotice', 'ru', data, { email: 'b@example.kz', phone: '+77015550002' }));
      assert.deepEqual(await deliverDue(wctx(), transports, { host: HOST }), { ...zero, claimed: 4, sent: 4 });

      // The worker stopped after the peers took A's e-mail and SMS and before it recorded that:
      // the rows are as their claim left them, and the lease runs.
      await t.ctx.db
        .updateTable('outbox')
        .set({ status: 'pending', sent_at: null, claimed_at: at(70_000), next_attempt_at: at(70_000 + DEFAULT_LEASE_MINUTES) })
        .where('id', 'in', [emailA!, smsA!])
        .execute();
      now = at(70_000 + DEFAULT_LEASE_MINUTES, -1);
      assert.deepEqual(await deliverDue(wctx(), transports, { host: HOST }), zero, 'the claim holds for its lease');
      now = at(70_000 + DEFAULT_LEASE_MINUTES);
      assert.deepEqual(await deliverDue(wctx(), transports, { host: HOST }), { ...zero, lost: 2, claimed: 2, sent: 2 });

      // Sent twice (at least once), and both copies say they are one message.
      const rows = new Map((await outboxRows([emailA!, smsA!, emailB!, smsB!])).map((r) => [r.id, r]));
      const keyOf = (id: number) => messageKey(rows.get(id)!, HOST);
      const mailsTo = (to: string) => smtp.mails.filter((m) => m.to.includes(to)).map((m) => messageIdOf(m.raw));
      assert.deepEqual(mailsTo('a@example.kz'), [`<${keyOf(emailA!)}>`, `<${keyOf(emailA!)}>`]);
      assert.deepEqual(mailsTo('b@example.kz'), [`<${keyOf(emailB!)}>`]);
      const smsTo = (to: string) => gateway.received.filter((r) => r.body.to === to).map((r) => [r.headers['idempotency-key'], r.body.id]);
      assert.deepEqual(smsTo('+77015550001'), [
        [keyOf(smsA!), keyOf(smsA!)],
        [keyOf(smsA!), keyOf(smsA!)],
      ]);
      assert.deepEqual(smsTo('+77015550002'), [[keyOf(smsB!), keyOf(smsB!)]]);

      // Each message its own identity: the row id, its creation time and PUBLIC_URL's host.
      const keys = [emailA!, smsA!, emailB!, smsB!].map(keyOf);
      assert.equal(new Set(keys).size, 4);
      for (const key of keys) assert.match(key, /^outbox-\d+\.[0-9a-z]+@appeals\.example\.kz$/);
      assert.equal(keyOf(emailA!), `outbox-${emailA}.${at(70_000).getTime().toString(36)}@${HOST}`);
      // The same id handed out again (a database restored from a backup) at another time is another message.
      assert.notEqual(messageKey({ id: emailA!, created_at: at(80_000) }, HOST), keyOf(emailA!));
      // The provider's answer recorded with each attempt names the Message-ID.
      assert.deepEqual(
        (await deliveriesOf(emailA!)).map((d) => [d.attempt, d.ok, d.error, d.provider_response?.includes(keyOf(emailA!)) ?? false]),
        [
          [1, true, null, true],
          [1, false, LOST_OUTCOME, false],
          [2, true, null, true],
        ],
      );
    } finally {
      transports.email?.close?.();
      await smtp.close();
      await gateway.close();
    }
  });

  test('peers that accept the connection and never answer: the attempt fails within the timeout, the message is retried and delivered', async () => {
    const hungSmtp = await silentTcpPeer();
    const hungGateway = await silentGateway();
    const hung: Transports = { email: smtpTransport(hungSmtp.url, 'noreply@joldanym.local', { timeoutMs: SHORT }), sms: httpSmsGateway(hungGateway.url, { timeoutMs: SHORT }) };
    const smtp = await smtpPeer();
    const gateway = await smsGateway();
    const working: Transports = { email: smtpTransport(smtp.url, 'noreply@joldanym.local', { timeoutMs: SHORT }), sms: httpSmsGateway(gateway.url, { timeoutMs: SHORT }) };
    try {
      now = at(90_000);
      const ids = await enqueueCommitted(applicantMessages('decision', 'kk', { ...common(), decision: 'Қанағаттандырылды' }, { email: 'hung@example.kz', phone: '+77015550003' }));
      const started = performance.now();
      assert.deepEqual(await deliverDue(wctx(), hung, { host: HOST }), { ...zero, claimed: 2, retrying: 2 });
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 2 * SHORT + 1500, `two hung peers took ${Math.round(elapsed)} ms`);
      assert.equal(hungSmtp.connections(), 1);
      assert.equal(hungGateway.received.length, 1);
      for (const row of await outboxRows(ids)) {
        assert.deepEqual([row.status, row.attempts, row.claimed_at, row.next_attempt_at.getTime()], ['pending', 1, null, at(90_001).getTime()]);
        assert.match(row.last_error ?? '', row.channel === 'email' ? /SMTP server did not answer in time \(500 ms\)/ : /SMS gateway did not answer in time \(500 ms\)/);
      }

      // Retried a minute later, and delivered; the SMS with the key of the attempt that hung.
      now = at(90_001);
      assert.deepEqual(await deliverDue(wctx(), working, { host: HOST }), { ...zero, claimed: 2, sent: 2 });
      const rows = await outboxRows(ids);
      assert.deepEqual(
        rows.map((r) => [r.status, r.attempts]),
        [
          ['sent', 2],
          ['sent', 2],
        ],
      );
      assert.equal(messageIdOf(smtp.mails[0]!.raw), `<${messageKey(rows[0]!, HOST)}>`);
      assert.deepEqual(
        [...hungGateway.received, ...gateway.received].map((r) => [r.headers['idempotency-key'], r.body.id]),
        [
          [messageKey(rows[1]!, HOST), messageKey(rows[1]!, HOST)],
          [messageKey(rows[1]!, HOST), messageKey(rows[1]!, HOST)],
        ],
      );
    } finally {
      hung.email?.close?.();
      working.email?.close?.();
      await hungSmtp.close();
      await hungGateway.close();
      await smtp.close();
      await gateway.close();
    }
  });

  test('an SMTP server that takes the message and never acknowledges it: the retry is the same message', async () => {
    const smtp = await smtpPeer({ silentAfterData: 1 });
    const transports: Transports = { email: smtpTransport(smtp.url, 'noreply@joldanym.local', { timeoutMs: SHORT }), sms: null };
    try {
      now = at(100_000);
      const [id] = await enqueueCommitted(applicantMessages('extended', 'en', { ...common(), dueDate: '2026-05-08' }, { email: 'slow@example.kz' }));
      const started = performance.now();
      assert.deepEqual(await deliverDue(wctx(), transports, { host: HOST }), { ...zero, claimed: 1, retrying: 1 });
      assert.ok(performance.now() - started < SHORT + 1500);
      assert.match((await outboxRows([id!]))[0]?.last_error ?? '', /SMTP server did not answer in time \(500 ms\)/);
      now = at(100_001);
      assert.deepEqual(await deliverDue(wctx(), transports, { host: HOST }), { ...zero, claimed: 1, sent: 1 });
      // The server holds two copies; the receiver keeps one by their common Message-ID.
      const [row] = await outboxRows([id!]);
      assert.deepEqual(
        smtp.mails.map((m) => messageIdOf(m.raw)),
        [`<${messageKey(row!, HOST)}>`, `<${messageKey(row!, HOST)}>`],
      );
    } finally {
      transports.email?.close?.();
      await smtp.close();
    }
  });

  test('a message that waited in its batch beyond the lease and was retaken is sent by one worker only', async () => {
    const sent: Sms[] = [];
    let inner: DeliveryCounts | undefined;
    const transports: Transports = {
      email: null,
      sms: {
        name: 'slow',
        async send(sms) {
          sent.push(sms);
          // Each send stays within the lease, but together they outlast the batch's claim.
          now = new Date(now.getTime() + (DEFAULT_LEASE_MINUTES * 60_000 * 3) / 4);
          // Meanwhile another worker finds the third message's claim run out.
          if (sms.text === 'second') inner = await deliverDue(wctx(), transports, { host: HOST });
          return { response: 'ok' };
        },
      },
    };
    now = at(110_000);
    const ids = await enqueueCommitted(
      ['first', 'second', 'third'].map((body, i) => ({ ...common(), kind: 'hearingNotice' as const, channel: 'sms' as const, recipient: `+7701555100${i}`, language: 'en', subject: null, body })),
    );
    assert.deepEqual(await deliverDue(wctx(), transports, { host: HOST }), { ...zero, claimed: 2, sent: 2 });
    assert.deepEqual(inner, { ...zero, lost: 1, claimed: 1, sent: 1 });
    assert.deepEqual(
      sent.map((m) => m.text),
      ['first', 'second', 'third'],
    );
    assert.deepEqual(
      (await outboxRows(ids)).map((r) => [r.status, r.attempts]),
      [
        ['sent', 1],
        ['sent', 1],
        ['sent', 2],
      ],
    );
  });
});
