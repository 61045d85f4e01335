// Attachments over HTTP (issue 10 item 11): the desk's scan staged and taken by the registration,
// documents added to an appeal, each checked by its content with its SHA-256, downloaded only as an
// attachment, read only within the appeal's scope, every upload and download audited, the appeal's
// log told through the door; refused files, sizes and counts write nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { rowCounts, testApp, type Api, type TestApp } from '../../test/support.ts';
import { decide, person, register } from '../../test/accounting.ts';

let t: TestApp;
let registrar: Api;
let head: Api;
let elsewhere: Api;
const tokens: Record<string, string> = {};

before(async () => {
  t = await testApp({ now: '2026-03-18T10:00:00+05:00' });
  await t.createUser('zerendi-registrar', 'AKM-ZERENDI', ['registrar', 'head'], 'Басқа ауданның тіркеушісі');
  registrar = await t.as('registrar');
  head = await t.as('head');
  elsewhere = await t.as('zerendi-registrar');
  for (const login of ['registrar', 'head', 'zerendi-registrar']) {
    tokens[login] = (await (await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'demo' }) })).json()).token;
  }
});
after(() => t.close());

/** A raw upload, as the web app sends it. */
async function upload(login: string, path: string, name: string, content: Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(t.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name), authorization: `Bearer ${tokens[login]}`, 'accept-language': 'en', ...headers },
    body: new Uint8Array(content),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const SCAN = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 7), Buffer.from('\n%%EOF\n')]);
const TIFF = Buffer.concat([Buffer.from('II*\0'), Buffer.alloc(64, 1)]);
const counts = async () => ({
  ...(await rowCounts(t.database)),
  attachments: Number(
    (
      await t.ctx.db
        .selectFrom('attachments')
        .select((e) => e.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

describe('attachments', () => {
  test('the desk: a paper appeal registered with its scan; listed, downloaded as sent, every step on the log', async () => {
    const staged = await upload('registrar', '/api/v1/attachments', 'C:\\scans\\өтініш скан.pdf', SCAN);
    assert.equal(staged.status, 201, JSON.stringify(staged.body));
    assert.deepEqual([staged.body.name, staged.body.mediaType, staged.body.size, staged.body.sha256], ['өтініш скан.pdf', 'application/pdf', SCAN.length, sha(SCAN)]);
    const uploaded = await t.ctx.db.selectFrom('events').select(['kind', 'changes']).where('kind', '=', 'attachmentUploaded').execute();
    assert.deepEqual(
      uploaded.map((e) => (e.changes as { id: string }).id),
      [staged.body.id],
      'the upload is audited',
    );

    const a = await register(registrar, { form: 'paper', attachmentIds: [staged.body.id] });
    const list = await registrar('GET', `/api/v1/appeals/${a.id}/attachments`);
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.map((f: { id: string; purpose: string; sha256: string }) => [f.id, f.purpose, f.sha256]),
      [[staged.body.id, 'scan', sha(SCAN)]],
    );
    const file = await head('GET', `/api/v1/appeals/${a.id}/attachments/${staged.body.id}`);
    assert.equal(file.status, 200);
    assert.equal(sha(file.raw), sha(SCAN), 'the bytes as sent');
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(file.headers.get('content-disposition'), `attachment; filename="______ ____.pdf"; filename*=UTF-8''${encodeURIComponent('өтініш скан.pdf')}`);

    const events = (await head('GET', `/api/v1/appeals/${a.id}/events`)).body.items;
    assert.deepEqual(
      events.map((e: { kind: string }) => e.kind),
      ['registered', 'attachmentsAdded', 'attachmentDownloaded'],
    );
    assert.deepEqual(events[1].changes.attachments[0].sha256, sha(SCAN));

    // a staged file is taken once: another registration cannot take it again
    const again = await registrar('POST', '/api/v1/appeals', { documentType: 'application', form: 'paper', channel: 'post', language: 'kk', summary: 'Екінші', applicant: person(), attachmentIds: [staged.body.id] });
    assert.deepEqual([again.status, again.body.error.fields[0].code], [422, 'attachment.unknown']);
  });

  test('a registration repeated with its Idempotency-Key answers the same appeal, its scan taken once', async () => {
    const staged = await upload('registrar', '/api/v1/attachments', 'скан.pdf', SCAN);
    const body = { documentType: 'application', form: 'paper', channel: 'post', language: 'kk', summary: 'Қайталау', applicant: person(), attachmentIds: [staged.body.id] };
    const key = { 'idempotency-key': randomUUID() };
    const first = await registrar('POST', '/api/v1/appeals', body, key);
    const repeat = await registrar('POST', '/api/v1/appeals', body, key);
    assert.deepEqual([first.status, repeat.status, repeat.body.id], [201, 201, first.body.id], JSON.stringify(repeat.body));
    assert.equal((await registrar('GET', `/api/v1/appeals/${first.body.id}/attachments`)).body.items.length, 1);
    const added = (await registrar('GET', `/api/v1/appeals/${first.body.id}/events`)).body.items.filter((e: { kind: string }) => e.kind === 'attachmentsAdded');
    assert.equal(added.length, 1);
  });

  test('concurrent repeats of a registration with its scan and one Idempotency-Key all answer the first appeal, none 500', async () => {
    const staged = await upload('registrar', '/api/v1/attachments', 'скан.pdf', SCAN);
    const body = { documentType: 'application', form: 'paper', channel: 'post', language: 'kk', summary: 'Бір уақытта үш рет', applicant: person(), attachmentIds: [staged.body.id] };
    const key = { 'idempotency-key': randomUUID() };
    const before = await rowCounts(t.database);
    const N = 3;
    // On the server the race is made certain: with the scan's row held by another transaction, the
    // first registration waits for it with its key stored and not committed, and the others wait in
    // their statements for the first (the year's counter, the key); when it commits, their key is
    // taken. The embedded database runs the transactions one after another: the repeats find the key.
    const holder = t.databaseUrl ? new pg.Client({ connectionString: t.databaseUrl }) : undefined;
    let results: { status: number; body: { id: string } }[];
    try {
      if (holder) {
        await holder.connect();
        await holder.query('BEGIN');
        await holder.query('SELECT 1 FROM attachments WHERE id = $1 FOR UPDATE', [staged.body.id]);
      }
      const pending = Array.from({ length: N }, () => registrar('POST', '/api/v1/appeals', body, key));
      if (holder) {
        // each try is a look at the server's locks, not a timer; the minute bounds a stuck test
        const deadline = Date.now() + 60_000;
        const waiting = async () => (await holder.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")).rows[0].n;
        while ((await waiting()) < N) assert.ok(Date.now() < deadline, 'the registrations wait for each other');
        await holder.query('COMMIT');
      }
      results = await Promise.all(pending);
    } finally {
      await holder?.end();
    }
    assert.deepEqual(
      results.map((r) => r.status),
      Array(N).fill(201),
      JSON.stringify(results.find((r) => r.status !== 201)?.body),
    );
    assert.equal(new Set(results.map((r) => r.body.id)).size, 1, 'all answer the first appeal');
    assert.equal((await rowCounts(t.database)).appeals, before.appeals! + 1);
    const id = results[0]!.body.id;
    assert.deepEqual(
      (await registrar('GET', `/api/v1/appeals/${id}/attachments`)).body.items.map((f: { id: string }) => f.id),
      [staged.body.id],
    );
    assert.deepEqual(
      (await registrar('GET', `/api/v1/appeals/${id}/events`)).body.items.map((e: { kind: string }) => e.kind),
      ['registered', 'attachmentsAdded'],
    );
  });

  test('a document added to an appeal through the door, once for one Idempotency-Key', async () => {
    const a = await register(registrar, {});
    const key = randomUUID();
    const added = await upload('head', `/api/v1/appeals/${a.id}/attachments`, 'акт.tif', TIFF, { 'idempotency-key': key });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.deepEqual([added.body.mediaType, added.body.sha256], ['image/tiff', sha(TIFF)]);
    const repeat = await upload('head', `/api/v1/appeals/${a.id}/attachments`, 'акт.tif', TIFF, { 'idempotency-key': key });
    assert.deepEqual([repeat.status, repeat.body.id, repeat.headers.get('idempotent-replayed')], [201, added.body.id, 'true']);
    assert.equal((await registrar('GET', `/api/v1/appeals/${a.id}/attachments`)).body.items.length, 1);
    const events = (await head('GET', `/api/v1/appeals/${a.id}/events`)).body.items.filter((e: { kind: string }) => e.kind === 'attachmentAdded');
    assert.deepEqual(
      events.map((e: { changes: { id: string; sha256: string } }) => [e.changes.id, e.changes.sha256]),
      [[added.body.id, sha(TIFF)]],
    );
    const unknown = await upload('head', `/api/v1/appeals/${a.id}/attachments?decisionId=${randomUUID()}`, 'акт.tif', TIFF);
    assert.deepEqual([unknown.status, unknown.body.error.fields[0].code], [422, 'attachment.unknownDocument']);

    // a document to one of its decisions
    await decide(registrar, a.id, { code: '4.2', missing: ['substance'], fixBy: '2026-03-25' });
    const decisionId = (await head('GET', `/api/v1/appeals/${a.id}/decisions`)).body.items[0].id;
    const toDecision = await upload('head', `/api/v1/appeals/${a.id}/attachments?decisionId=${decisionId}`, 'хабарлама.pdf', SCAN);
    assert.deepEqual([toDecision.status, toDecision.body.decisionId], [201, decisionId], JSON.stringify(toDecision.body));
    const listed = (await registrar('GET', `/api/v1/appeals/${a.id}/attachments`)).body.items;
    assert.deepEqual(
      listed.map((f: { name: string; decisionId: string | null }) => [f.name, f.decisionId]),
      [
        ['акт.tif', null],
        ['хабарлама.pdf', decisionId],
      ],
    );
  });

  test('refused types, sizes and counts write nothing', async () => {
    const a = await register(registrar, {});
    const before = await counts();
    const refused: [string, Buffer][] = [
      ['scan.pdf', Buffer.from('MZ\x90\x00\x03 an executable renamed')],
      ['page.pdf', Buffer.from('<!DOCTYPE html><script>alert(1)</script>')],
      ['empty.pdf', Buffer.alloc(0)],
    ];
    for (const [name, bytes] of refused) {
      for (const path of ['/api/v1/attachments', `/api/v1/appeals/${a.id}/attachments`]) {
        const res = await upload('registrar', path, name, bytes);
        assert.equal(res.status, 422, `${name} at ${path}: ${JSON.stringify(res.body)}`);
        assert.match(res.body.error.fields[0].code, /^attachment\.(type|empty)$/);
        assert.ok(res.body.error.fields[0].message.length > 0);
      }
    }
    const big = await upload('registrar', '/api/v1/attachments', 'big.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024)]));
    assert.deepEqual([big.status, big.body.error.code], [413, 'body.tooLarge']);
    const tooMany = await registrar('POST', '/api/v1/appeals', {
      documentType: 'application',
      form: 'paper',
      channel: 'post',
      language: 'kk',
      summary: 'Көп',
      applicant: person(),
      attachmentIds: Array.from({ length: 21 }, () => randomUUID()),
    });
    assert.deepEqual([tooMany.status, tooMany.body.error.fields[0].code], [422, 'attachment.tooMany']);
    const noName = await upload('registrar', '/api/v1/attachments', '', SCAN);
    assert.deepEqual([noName.status, noName.body.error.fields[0].path], [400, '/headers/x-file-name']);
    assert.deepEqual(await counts(), before);
  });

  test("another district's user sees none of it: 404, as for the card; nor can they take another's staged file", async () => {
    const staged = await upload('registrar', '/api/v1/attachments', 'скан.pdf', SCAN);
    const a = await register(registrar, { attachmentIds: [staged.body.id] });
    assert.equal((await elsewhere('GET', `/api/v1/appeals/${a.id}/attachments`)).status, 404);
    assert.equal((await elsewhere('GET', `/api/v1/appeals/${a.id}/attachments/${staged.body.id}`)).status, 404);
    assert.equal((await upload('zerendi-registrar', `/api/v1/appeals/${a.id}/attachments`, 'x.pdf', SCAN)).status, 404);
    const mine = await upload('registrar', '/api/v1/attachments', 'менікі.pdf', SCAN);
    const theirs = await elsewhere('POST', '/api/v1/appeals', { documentType: 'application', form: 'paper', channel: 'post', language: 'kk', summary: 'Бөгде', applicant: person(), attachmentIds: [mine.body.id] });
    assert.deepEqual([theirs.status, theirs.body.error.fields[0].path, theirs.body.error.fields[0].code], [422, '/attachmentIds/0', 'attachment.unknown']);
    const downloads = await t.ctx.db.selectFrom('events').select('id').where('appeal_id', '=', a.id).where('kind', '=', 'attachmentDownloaded').execute();
    assert.equal(downloads.length, 0, 'a refused read is no download');
  });
});
