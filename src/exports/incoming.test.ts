// Issue 16, item 4: the public POST /exports/incoming checks what it can before reading a body, and
// reads at most PUSH_SLOTS of them at once, so large concurrent bodies keep the process within the
// bound docs/operations.md states. The server runs in this process: its RSS is measured here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { testApp, type TestApp } from '../../test/support.ts';
import { createDemoCa, issueDemoCertificate } from '../letters/demo-pki.ts';
import { signDetached } from '../letters/cms.ts';
import { buildPackage, EXPORT_FORMAT } from './package.ts';
import { PUSH_BODY_LIMIT, PUSH_SLOTS, pushHeaders } from './incoming.ts';

const MB = 1024 * 1024;
/** The bound docs/operations.md states: RSS growth while pushes are read is at most this. */
const BOUND = PUSH_SLOTS.total * 3 * PUSH_BODY_LIMIT;

let B: TestApp;
let manifest: string;
let signature: string;
let port: number;

before(async () => {
  B = await testApp({ now: '2026-04-11T10:00:00+05:00' });
  port = Number(new URL(B.url).port);
  const instanceId = randomUUID();
  const at = new Date('2026-01-01T00:00:00Z');
  const ca = await createDemoCa('Pushing instance CA', at);
  const cert = await issueDemoCertificate(ca, { commonName: `Joldanym instance ${instanceId}` }, 'demo', at);
  const admin = await B.as('admin');
  assert.equal((await admin('POST', '/api/v1/exports/trusted-instances', { instanceId, name: 'Pushing', certificatePem: cert.certificatePem })).status, 201);
  manifest = buildPackage([], { instanceId, day: '2026-04-01', organization: null }).manifestText;
  signature = Buffer.from(await signDetached(Buffer.from(manifest), cert.pkcs12, 'demo', B.ctx.clock.now())).toString('base64');
});
after(() => B.close());

interface Answer {
  status: number | null;
  code: string | null;
}

/** POSTs `body` from the loopback address 127.0.0.<from>; the answer, or null if the connection
 *  ended first. `chunked`: no Content-Length. */
function push(body: Buffer, headers: Record<string, string>, from: number, chunked = false): Promise<Answer> {
  return new Promise((resolve) => {
    let answered: Answer | null = null;
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        localAddress: `127.0.0.${from}`,
        method: 'POST',
        path: '/api/v1/exports/incoming',
        headers: { 'content-type': 'application/json', ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(body.length) }), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let code: string | null = null;
          try {
            code = JSON.parse(Buffer.concat(chunks).toString()).error?.code ?? null;
          } catch {
            /* not JSON */
          }
          answered = { status: res.statusCode ?? null, code };
          resolve(answered);
        });
      },
    );
    // a refusal closes the connection while the body is still being written
    req.on('error', () => setImmediate(() => resolve(answered ?? { status: null, code: null })));
    req.end(body);
  });
}

/** A 60 MB push body: the given manifest and signature, one huge file. */
function largeBody(): Buffer {
  const head = Buffer.from(`{"format":"${EXPORT_FORMAT}","manifest":${JSON.stringify(manifest)},"signature":"${signature}","files":{"tzh1.ndjson":"`);
  const tail = Buffer.from('"}}');
  const body = Buffer.alloc(60 * MB, 'x');
  head.copy(body, 0);
  tail.copy(body, body.length - tail.length);
  return body;
}

/** Runs `load` while sampling the RSS; the growth over the RSS before. */
async function rssGrowth<T>(load: () => Promise<T>): Promise<{ result: T; growth: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const result = await load();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growth: peak - start };
  } finally {
    clearInterval(sampler);
  }
}

describe('POST /exports/incoming under large concurrent bodies (issue 16, item 4)', () => {
  let body: Buffer;
  before(() => {
    body = largeBody();
  });

  test('a signed push of the registered instance is accepted (the headers carry its manifest and signature)', async () => {
    const pkg = { format: EXPORT_FORMAT, manifest, signature, files: { 'tzh1.ndjson': '', 'ai1.ndjson': '', 'tzh2.ndjson': '', 'deletions.ndjson': '' } };
    const answer = await push(Buffer.from(JSON.stringify(pkg)), pushHeaders(manifest, signature), 1);
    assert.deepEqual(answer, { status: 200, code: null });
    const other = await push(Buffer.from(JSON.stringify({ ...pkg, signature: 'AAAA' })), pushHeaders(manifest, signature), 1);
    assert.deepEqual(other, { status: 422, code: 'export.pushHeadMismatch' }, 'the body carries what the headers did');
  });

  test('eight concurrent 60 MB bodies without a valid signature are refused unread: 4xx, RSS grows by less than 32 MB', async () => {
    const over = Buffer.concat([body, Buffer.alloc(5 * MB, 'x')]);
    const forged = pushHeaders(manifest, Buffer.from('not a signature').toString('base64'));
    const { result, growth } = await rssGrowth(() =>
      Promise.all([
        push(body, {}, 2),
        push(body, {}, 3),
        push(body, forged, 4),
        push(body, forged, 5),
        push(body, forged, 6),
        push(body, pushHeaders(manifest, signature), 7, true),
        push(body, pushHeaders(manifest, signature), 8, true),
        push(over, pushHeaders(manifest, signature), 9),
      ]),
    );
    assert.deepEqual(
      result.map((a) => `${a.status} ${a.code}`),
      ['422 validation', '422 validation', '422 export.signature.malformed', '422 export.signature.malformed', '422 export.signature.malformed', '411 body.lengthRequired', '411 body.lengthRequired', '413 body.tooLarge'],
    );
    assert.ok(growth < 32 * MB, `RSS grew by ${Math.round(growth / MB)} MB`);
  });

  test(`eight concurrent 60 MB signed bodies: at most ${PUSH_SLOTS.total} read at once (the rest 429), RSS growth within the stated bound`, async () => {
    const headers = pushHeaders(manifest, signature);
    const { result, growth } = await rssGrowth(() => Promise.all([10, 11, 12, 13, 14, 15, 16, 17].map((from) => push(body, headers, from))));
    const answers = result.map((a) => `${a.status} ${a.code}`);
    // a body that was read: the manifest lists no such file
    assert.ok(
      answers.every((a) => a === '422 export.filesMismatch' || a === '429 export.pushBusy'),
      answers.join(', '),
    );
    assert.ok(answers.includes('429 export.pushBusy') && answers.includes('422 export.filesMismatch'), answers.join(', '));
    assert.ok(growth < BOUND, `RSS grew by ${Math.round(growth / MB)} MB, the bound is ${BOUND / MB} MB`);
    // one client, two at once: the second waits its turn
    const same = await Promise.all([push(body, headers, 18), push(body, headers, 18)]);
    assert.deepEqual(same.map((a) => a.status).sort(), [422, 429]);
  });
});
