// Issue 15, item 5: registration numbers unique across instances. Three instances, each with its
// own database and server, talking over real HTTP: the statistics authority (AUTH) leases blocks of
// the year's sequence to two regional instances (R1, R2) and to itself; each numbers gaplessly
// inside its blocks, asks for the next block before one runs out, and the authority's import
// refuses a card whose number is not the sender's to give.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp, type TestApp, type Api } from '../../test/support.ts';
import { person, register } from '../../test/accounting.ts';
import { sequenceOf } from '../domain/numbering.ts';
import { signDetached } from '../letters/cms.ts';
import { canonicalJson } from '../statistics/cards.ts';
import { buildPackage, checkPackageContents, type ExportPackage, type JournalVersion } from './package.ts';
import { signingKey } from './keys.ts';
import { ensureNumbers, numbersLeft, signedLeaseRequest } from './numbers.ts';
import { numbersCommand } from './numbers-cli.ts';

const DAY = '2026-03-18';
const NOW = `${DAY}T10:00:00+05:00`;
const NEXT_DAY = '2026-03-19T10:00:00+05:00';
/** Small blocks, so that a test runs through several: renewed when fewer than 2 are left. */
const BLOCK = 10;

let AUTH: TestApp;
let R1: TestApp;
let R2: TestApp;
const registrars = new Map<TestApp, Api>();
let r1Id: string;
let r2Id: string;

const sequences = async (t: TestApp) => (await t.ctx.db.selectFrom('appeals').select('sequence_number').where('registration_year', '=', 2026).orderBy('sequence_number').execute()).map((r) => Number(r.sequence_number));

async function registerAt(t: TestApp, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(sequenceOf((await register(registrars.get(t)!, { summary: `Жолданым ${i}` })).registrationNumber)!.sequence);
  return out;
}

before(async () => {
  // one after another: three servers starting at once can outlast a plugin's start-up timeout
  AUTH = await testApp({ now: NOW });
  R1 = await testApp({ now: NOW });
  R2 = await testApp({ now: NOW });
  const authAdmin = await AUTH.as('admin');
  for (const [t, name] of [
    [R1, 'Ақмола облысы'],
    [R2, 'Қостанай облысы'],
  ] as const) {
    const cert = await (await t.as('admin'))('GET', '/api/v1/exports/signing-certificate');
    assert.equal(cert.status, 200);
    assert.equal((await authAdmin('POST', '/api/v1/exports/trusted-instances', { instanceId: cert.body.instanceId, name, certificatePem: cert.body.certificatePem })).status, 201);
    if (t === R1) r1Id = cert.body.instanceId;
    else r2Id = cert.body.instanceId;
  }
  for (const t of [AUTH, R1, R2]) registrars.set(t, await t.as('registrar'));
  await numbersCommand(AUTH.ctx, ['authority', '--block-size', String(BLOCK)], 'test');
  for (const t of [R1, R2]) await numbersCommand(t.ctx, ['leased', `${AUTH.url}/api/v1/exports/number-blocks`], 'test');
});
after(async () => {
  for (const t of [AUTH, R1, R2]) await t?.close();
});

describe('numbers leased across instances', () => {
  test('each instance numbers gaplessly inside its blocks, renews before running out, and no number is given twice', async () => {
    // the scheduler's step on each: a first block of the year
    assert.deepEqual(await ensureNumbers(R1.ctx), [{ year: 2026, firstValue: 1, size: BLOCK }]);
    assert.deepEqual(await ensureNumbers(R2.ctx), [{ year: 2026, firstValue: 11, size: BLOCK }]);
    assert.deepEqual(await ensureNumbers(AUTH.ctx), [{ year: 2026, firstValue: 21, size: BLOCK }], 'the authority leases itself too');
    assert.deepEqual(await ensureNumbers(R1.ctx), [], 'a block with numbers enough left is not renewed');

    assert.deepEqual(await registerAt(R1, 8), [1, 2, 3, 4, 5, 6, 7, 8], 'gapless inside the block');
    assert.deepEqual(await ensureNumbers(R1.ctx), [], '2 of 10 left: not yet');
    assert.deepEqual(await registerAt(R1, 1), [9]);
    assert.equal((await numbersLeft(R1.ctx.db, 2026)).left, 1);
    assert.deepEqual(await ensureNumbers(R1.ctx), [{ year: 2026, firstValue: 31, size: BLOCK }], 'renewed while one number is still left');
    assert.deepEqual(await registerAt(R1, 3), [10, 31, 32], 'the last number of the block, then on into the next one');

    // R2 registers past its block without the scheduler: the registration asks for the next one itself
    assert.deepEqual(await registerAt(R2, 12), [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 41, 42]);
    assert.deepEqual(await registerAt(AUTH, 2), [21, 22]);

    const all = [...(await sequences(R1)), ...(await sequences(R2)), ...(await sequences(AUTH))];
    assert.equal(new Set(all).size, all.length, 'no number given by two instances');
    const ledger = await AUTH.ctx.db.selectFrom('number_leases').select(['first_value', 'instance_id']).orderBy('first_value').execute();
    assert.deepEqual(
      ledger.map((l) => [Number(l.first_value), l.instance_id === r1Id ? 'R1' : l.instance_id === r2Id ? 'R2' : 'AUTH']),
      [
        [1, 'R1'],
        [11, 'R2'],
        [21, 'AUTH'],
        [31, 'R1'],
        [41, 'R2'],
      ],
    );
  });

  test('a lease request must be signed by the instance, recent, and the same request gets the same block', async () => {
    const url = `${AUTH.url}/api/v1/exports/number-blocks`;
    const post = (body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, body: JSON.stringify(body) });
    const signed = await signedLeaseRequest(R1.ctx, 2026);
    const first = await post(signed);
    assert.equal(first.status, 200);
    const block = await first.json();
    const again = await post(signed);
    assert.deepEqual(await again.json(), block, 'a lost answer asked again: the same block, no new one');

    // R2's key signing a request that names R1
    const key = await signingKey(R2.ctx);
    const claiming = canonicalJson({ ...JSON.parse(signed.request), requestId: randomUUID() });
    const forged = await post({ request: claiming, signature: Buffer.from(await signDetached(Buffer.from(claiming), key.pkcs12, key.password, R2.ctx.clock.now())).toString('base64') });
    assert.equal(forged.status, 422);
    assert.equal((await forged.json()).error.code, 'export.signature.notInstanceCertificate');

    R1.setNow('2026-03-18T09:00:00+05:00');
    const stale = await signedLeaseRequest(R1.ctx, 2026);
    R1.setNow(NOW);
    const refused = await post(stale);
    assert.equal(refused.status, 422);
    assert.equal((await refused.json()).error.code, 'numbers.requestStale');

    const standalone = await testApp({ now: NOW });
    try {
      const res = await fetch(`${standalone.url}/api/v1/exports/number-blocks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(signed) });
      assert.equal(res.status, 422, 'an instance that is no authority does not know R1');
    } finally {
      await standalone.close();
    }
  });

  test('an offline lease: granted on the authority by the CLI, installed on the instance from the file', async () => {
    const [granted] = await numbersCommand(AUTH.ctx, ['grant', r2Id, '2026'], 'operator');
    const lease = JSON.parse(granted!);
    assert.equal(lease.instanceId, r2Id);
    const dir = await mkdtemp(join(tmpdir(), 'joldanym-lease-'));
    try {
      await writeFile(join(dir, 'lease.json'), granted!);
      await assert.rejects(numbersCommand(R1.ctx, ['install', join(dir, 'lease.json')], 'operator'), /not this one/);
      await numbersCommand(R2.ctx, ['install', join(dir, 'lease.json')], 'operator');
      await numbersCommand(R2.ctx, ['install', join(dir, 'lease.json')], 'operator'); // again: kept once
    } finally {
      await rm(dir, { recursive: true });
    }
    const { blocks, left } = await numbersLeft(R2.ctx.db, 2026);
    assert.deepEqual(
      blocks.map((b) => b.firstValue),
      [11, 41, lease.firstValue],
    );
    assert.equal(left, 8 + BLOCK);
    const status = await numbersCommand(R2.ctx, ['status', '2026'], 'operator');
    assert.ok(status.some((l) => l.includes(`block ${lease.firstValue}–${lease.firstValue + BLOCK - 1}`)));
  });
});

describe("the authority's import checks the numbers", () => {
  let pkg: ExportPackage;
  let statistician: Api;

  const resigned = async (versions: JournalVersion[]): Promise<ExportPackage> => {
    const built = buildPackage(versions, { instanceId: r1Id, day: DAY, organization: null });
    const key = await signingKey(R1.ctx);
    return { ...pkg, manifest: built.manifestText, files: built.files, signature: Buffer.from(await signDetached(Buffer.from(built.manifestText), key.pkcs12, key.password, R1.ctx.clock.now())).toString('base64') };
  };
  const tzh1Of = (p: ExportPackage): JournalVersion[] => {
    const check = checkPackageContents(p);
    assert.ok(check.ok);
    return check.lines['tzh1.ndjson'].map((l) => {
      const record = l.record as Record<string, unknown> & { id: string };
      return { seq: Number(l.seq), kind: 'tzh1', recordId: record.id, appealId: record.id, record, existed: false };
    });
  };

  before(async () => {
    for (const t of [AUTH, R1, R2]) t.setNow(NEXT_DAY);
    const res = await (await R1.as('admin'))('GET', `/api/v1/exports/daily/${DAY}`);
    assert.equal(res.status, 200);
    pkg = res.body;
    statistician = await AUTH.as('statistician');
  });

  test("the sender's own numbers are imported", async () => {
    const res = await statistician('POST', '/api/v1/exports/import', pkg);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.counts.tzh1New, 12);
  });

  test('a card numbered outside the blocks leased to the sender is refused, and nothing is stored', async () => {
    const before = await AUTH.ctx.db
      .selectFrom('imported_records')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const versions = tzh1Of(pkg);
    const id = randomUUID();
    // a new card of R1 with a number of R2's block (signed by R1: only the number is wrong)
    const record = { ...versions[0]!.record!, id, registrationNumber: 'ЖТ-2026-00000015', talonNumber: '26031800000015' };
    const res = await statistician('POST', '/api/v1/exports/import', await resigned([...versions, { seq: 9_999, kind: 'tzh1', recordId: id, appealId: id, record, existed: false }]));
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'numbers.outsideLease');
    assert.match(res.body.error.message, /ЖТ-2026-00000015/);
    const after = await AUTH.ctx.db
      .selectFrom('imported_records')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
    const log = await (await AUTH.as('admin'))('GET', '/api/v1/exports/log');
    assert.equal(log.body.items[0].error, 'numbers.outsideLease');
  });

  test('a second card with a number the sender already gave in the organization is refused', async () => {
    const versions = tzh1Of(pkg);
    const id = randomUUID();
    const record = { ...versions[0]!.record!, id };
    const res = await statistician('POST', '/api/v1/exports/import', await resigned([{ seq: 10_000, kind: 'tzh1', recordId: id, appealId: id, record, existed: false }]));
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'numbers.collision');
  });

  test('a card imported before the authority leased keeps its number; another card may not take it', async () => {
    const [base] = tzh1Of(pkg);
    const id = randomUUID();
    const card = (seq: number, summary: string, recordId = id): JournalVersion => ({
      seq,
      kind: 'tzh1',
      recordId,
      appealId: recordId,
      record: { ...base!.record!, id: recordId, registrationNumber: 'ЖТ-2026-00000090', talonNumber: '26031800000090', summary },
      existed: false,
    });
    await numbersCommand(AUTH.ctx, ['standalone'], 'test');
    try {
      assert.equal((await statistician('POST', '/api/v1/exports/import', await resigned([card(20_000, 'Бұрынғы')]))).status, 200, 'no leases checked yet');
    } finally {
      await numbersCommand(AUTH.ctx, ['authority', '--block-size', String(BLOCK)], 'test');
    }
    const changed = await statistician('POST', '/api/v1/exports/import', await resigned([card(20_001, 'Өзгерген')]));
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    const other = await statistician('POST', '/api/v1/exports/import', await resigned([card(20_002, 'Жаңа', randomUUID())]));
    assert.equal(other.status, 422);
    assert.equal(other.body.error.code, 'numbers.outsideLease');
  });
});

describe('a registration in a use case’s transaction asks for the next block itself', () => {
  const SCAN = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(256, 7), Buffer.from('\n%%EOF\n')]);

  /** The desk's registration with a scan: staged, then taken by the registration in one transaction. */
  async function registerWithScan(t: TestApp) {
    const token = (await (await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'registrar', password: 'demo' }) })).json()).token;
    const staged = await fetch(`${t.url}/api/v1/attachments`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'scan.pdf', authorization: `Bearer ${token}` },
      body: new Uint8Array(SCAN),
    });
    assert.equal(staged.status, 201);
    const { id } = await staged.json();
    const res = await registrars.get(t)!('POST', '/api/v1/appeals', { documentType: 'application', form: 'paper', channel: 'post', language: 'kk', summary: 'Сканмен', applicant: person(), attachmentIds: [id] });
    return { status: res.status, body: res.body };
  }

  /** The portal's filing (registered in the door's transaction with its files), by an applicant
   *  signed in with the code sent to the phone. */
  async function fileOnPortal(t: TestApp, phone: string) {
    const post = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(t.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'en', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    };
    assert.equal((await post('/api/v1/public/auth/code', { phone })).status, 202);
    const sms = await t.ctx.db.selectFrom('outbox').select('body').where('recipient', '=', phone).where('kind', '=', 'portalCode').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const { token } = (await post('/api/v1/public/auth/verify', { phone, code: /(\d{6})/.exec(sms.body)![1] })).body;
    const org = await t.ctx.db.selectFrom('organizations').select('id').where('code', '=', 'AKM-BURABAY').executeTakeFirstOrThrow();
    return post(
      '/api/v1/public/me/appeals',
      { organizationId: org.id, documentType: 'application', language: 'kk', summary: 'Порталдан', text: 'Порталдан берілген өтініш.', applicant: { lastName: 'Порталов', firstName: 'Ерлан' } },
      token,
    );
  }

  const exhaust = async (t: TestApp) => {
    await registerAt(t, (await numbersLeft(t.ctx.db, 2026)).left);
    assert.equal((await numbersLeft(t.ctx.db, 2026)).left, 0);
  };
  const blocksOf = async (t: TestApp) => (await numbersLeft(t.ctx.db, 2026)).blocks.map((b) => b.firstValue);

  test('a leasing instance out of blocks: the desk’s registration with a scan and the portal’s filing lease one over HTTP and are numbered from it', async () => {
    await exhaust(R2);
    const held = await blocksOf(R2);
    const withScan = await registerWithScan(R2);
    assert.equal(withScan.status, 201, JSON.stringify(withScan.body));
    const next = (await blocksOf(R2)).filter((b) => !held.includes(b));
    assert.equal(next.length, 1, 'one block leased and installed with the registration');
    assert.equal(sequenceOf(withScan.body.registrationNumber)!.sequence, next[0]);

    await exhaust(R2);
    const filed = await fileOnPortal(R2, '+77015559901');
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const last = (await numbersLeft(R2.ctx.db, 2026)).blocks.at(-1)!;
    assert.equal(sequenceOf(filed.body.registrationNumber)!.sequence, last.firstValue);
    assert.equal(last.firstValue > next[0]!, true);
  });

  test('the authority out of blocks leases itself one in the registration’s transaction; no number is given twice', async () => {
    await exhaust(AUTH);
    const withScan = await registerWithScan(AUTH);
    assert.equal(withScan.status, 201, JSON.stringify(withScan.body));
    const own = await AUTH.ctx.db.selectFrom('number_leases').select(['first_value', 'leased_by']).where('leased_by', '=', 'self').orderBy('first_value', 'desc').executeTakeFirstOrThrow();
    assert.equal(sequenceOf(withScan.body.registrationNumber)!.sequence, Number(own.first_value));

    const all = [...(await sequences(R1)), ...(await sequences(R2)), ...(await sequences(AUTH))];
    assert.equal(new Set(all).size, all.length, 'no number given by two instances');
  });
});
