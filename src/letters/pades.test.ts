// Letters anyone can check without us (issue 14 §4): the signed PDF carries its signature (PAdES)
// and the detached CMS is what NCALayer makes; both verify with OpenSSL against the CA. A draft is
// marked as one and carries neither the EDS note nor the QR code (issue 10 item 4).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testApp, type TestApp, type Api } from '../../test/support.ts';
import { decide, person, register } from '../../test/accounting.ts';
import { extractPdfText } from '../pdf/pdf-text.ts';
import { signDetached } from './cms.ts';
import { trustedRoots } from './signing.ts';
import { DRAFT_HEADING, DRAFT_NOTE, VERIFY_CAPTION } from './letter-pdf.ts';
import { SIGNATURE_ROOM, embedSignature, signatureFits, signaturePlaceholder, signedParts } from './pades.ts';

let t: TestApp;
let registrar: Api;
let head: Api;
let dir: string;

before(async () => {
  t = await testApp({ now: '2026-03-18T10:00:00+05:00' });
  registrar = await t.as('registrar');
  head = await t.as('head');
  dir = mkdtempSync(path.join(tmpdir(), 'joldanym-pades-'));
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

const flat = (s: string) => s.replace(/\s+/g, ' ');
const SIGNED_NOTE_KK = 'Құжат электрондық цифрлық қолтаңбамен қол қойылған';

/** `openssl cms -verify` of a detached CMS over `content` against the trusted CAs: exit status and message. */
async function openssl(content: Buffer, cms: Buffer): Promise<{ status: number | null; message: string }> {
  const [data, sig, ca] = ['content.bin', 'signature.p7s', 'ca.pem'].map((f) => path.join(dir, f)) as [string, string, string];
  writeFileSync(data, content);
  writeFileSync(sig, cms);
  writeFileSync(ca, (await trustedRoots(t.ctx.db)).join('\n'));
  const run = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', sig, '-CAfile', ca, '-content', data, '-out', path.join(dir, 'out.bin')]);
  return { status: run.status, message: run.stderr.toString().trim() };
}

const VERIFIED = { status: 0, message: 'CMS Verification successful' };

async function draftedLetter(summary: string) {
  const a = await register(registrar, { applicant: person(), summary });
  await decide(registrar, a.id, { code: '4.2', missing: ['substance'], fixBy: '2026-03-25' });
  const [letter] = (await head('GET', `/api/v1/appeals/${a.id}/letters`)).body.items;
  return { a, letter };
}

describe('letters as documents anyone can check (issue 14 §4, issue 10 item 4)', () => {
  test("a draft's letter is marked as a draft in kk/ru/en and has no EDS note and no QR code until it is signed", async () => {
    const { a, letter } = await draftedLetter('Жоба белгісі');
    assert.equal(letter.signed, false);
    const draft = await head('GET', `/api/v1/appeals/${a.id}/letters/${letter.id}.pdf`);
    const text = flat(await extractPdfText(draft.raw));
    assert.ok(text.includes(DRAFT_HEADING) && text.includes(flat(DRAFT_NOTE)), text.slice(0, 300));
    for (const word of ['ЖОБА', 'ПРОЕКТ', 'DRAFT']) assert.ok(text.includes(word), word);
    assert.ok(!text.includes(SIGNED_NOTE_KK), 'no "signed with an EDS" note on a draft');
    assert.ok(!text.includes(flat(VERIFY_CAPTION)) && !text.includes('/verify/'), 'no verification QR on a draft');
    assert.equal(signaturePlaceholder(draft.raw), null, 'no signature field to sign in a draft');

    const key = (await head('GET', '/api/v1/me/demo-key.p12')).raw;
    const signed = await head('POST', `/api/v1/appeals/${a.id}/letters/${letter.id}/sign`, { pkcs12: key.toString('base64'), password: 'demo' });
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    const final = flat(await extractPdfText((await head('GET', `/api/v1/appeals/${a.id}/letters/${letter.id}.pdf`)).raw));
    assert.ok(final.includes(SIGNED_NOTE_KK) && final.includes(flat(VERIFY_CAPTION)) && final.includes(`/verify/${letter.id}`));
    assert.ok(!final.includes('DRAFT') && !final.includes('ПРОЕКТ'), 'the signed letter is no draft');
  });

  test('a signature made by NCALayer over the prepared PDF goes inside it (PAdES): OpenSSL verifies it and the detached CMS against the CA; /verify keeps working', async () => {
    const { a, letter } = await draftedLetter('PAdES');
    // NCALayer's way: prepare, fetch the preview, sign its bytes (a detached CMS), send it
    const prepared = await head('POST', `/api/v1/appeals/${a.id}/letters/${letter.id}/prepare`);
    assert.equal(prepared.status, 200, JSON.stringify(prepared.body));
    const preview = (await head('GET', `/api/v1/appeals/${a.id}/letters/${letter.id}.pdf`)).raw;
    assert.equal(createHash('sha256').update(preview).digest('hex'), prepared.body.sha256);
    assert.ok(signaturePlaceholder(preview), 'the prepared letter has its empty signature field');
    assert.ok((await extractPdfText(preview)).length > 0, 'the prepared file is a readable PDF');
    const key = (await head('GET', '/api/v1/me/demo-key.p12')).raw;
    const cms = Buffer.from(await signDetached(preview, key, 'demo', t.ctx.clock.now()));
    const signed = await head('POST', `/api/v1/appeals/${a.id}/letters/${letter.id}/sign`, { signature: cms.toString('base64') });
    assert.equal(signed.status, 200, JSON.stringify(signed.body));

    const pdf = (await head('GET', `/api/v1/appeals/${a.id}/letters/${letter.id}.pdf`)).raw;
    const trailer = pdf.toString('latin1').slice(-(2 * SIGNATURE_ROOM + 600));
    assert.match(trailer, /\/Type \/Sig \/Filter \/Adobe\.PPKLite \/SubFilter \/ETSI\.CAdES\.detached \/ByteRange \[0 \d+ \d+ \d+\s*\]/);
    assert.match(pdf.toString('latin1'), /\/FT \/Sig/);
    assert.match(pdf.toString('latin1'), /\/AcroForm <<\/Fields \[\d+ 0 R\] \/SigFlags 3>>/);
    const parts = signedParts(pdf);
    assert.ok(parts.content.equals(preview), 'the /ByteRange is the prepared file, byte for byte');
    assert.ok(parts.cms.equals(cms), "the /Contents is the signer's CMS");
    assert.deepEqual(await openssl(parts.content, parts.cms), VERIFIED, 'PAdES: the ByteRange content and /Contents');
    assert.deepEqual(await openssl(preview, cms), VERIFIED, 'the detached CMS over the signed bytes');
    assert.ok(flat(await extractPdfText(pdf)).includes(SIGNED_NOTE_KK), 'the signed file reads as before');

    // a changed byte of the ByteRange fails OpenSSL as it fails /verify
    const tampered = Buffer.from(parts.content);
    tampered[100] = tampered[100]! ^ 1;
    const refused = await openssl(tampered, parts.cms);
    assert.ok(refused.status !== 0 && /digest failure|Verification failure/i.test(refused.message), refused.message);
    const verify = await fetch(`${t.url}/api/v1/verify/${letter.id}`);
    const v = (await verify.json()) as { valid: boolean; sha256: string };
    assert.deepEqual([v.valid, v.sha256], [true, prepared.body.sha256]);
  });

  test('a signature larger than its field is told apart before signing (a 422, not a failed embedding)', async () => {
    const { a, letter } = await draftedLetter('Орын');
    await head('POST', `/api/v1/appeals/${a.id}/letters/${letter.id}/prepare`);
    const preview = (await head('GET', `/api/v1/appeals/${a.id}/letters/${letter.id}.pdf`)).raw;
    assert.equal(signatureFits(preview, Buffer.alloc(SIGNATURE_ROOM)), true);
    assert.equal(signatureFits(preview, Buffer.alloc(SIGNATURE_ROOM + 1)), false);
    assert.equal(signatureFits(Buffer.from('%PDF-1.7\n', 'latin1'), Buffer.alloc(100_000)), true, 'a letter without a field takes any');
  });

  test('a signature field whose ranges do not add up to the file is none; a file without one is served as it is', () => {
    const prepared = Buffer.from('%PDF-1.7\n... /ByteRange [0 10 20 5 ] /Contents %\n', 'latin1');
    assert.equal(signaturePlaceholder(prepared), null, 'ranges that do not add up to the file');
    const plain = Buffer.from('%PDF-1.7\n%%EOF\n');
    assert.ok(embedSignature(plain, Buffer.alloc(10)).equals(plain));
  });
});
