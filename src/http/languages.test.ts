// Issue 10, item 8 (the server's part): decisions' legal basis reads in the user's language (no
// English shorthand, no file name), and every error answer carries its message in every language,
// so an error kept on screen follows a switch of the language.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { testApp, type Api, type TestApp } from '../../test/support.ts';

let t: TestApp;
let registrar: Api;
let head: Api;
let appealId: string;

const LANGS = ['kk', 'ru', 'en'] as const;

before(async () => {
  t = await testApp();
  registrar = await t.as('registrar');
  head = await t.as('head');
  const reg = await registrar('POST', '/api/v1/appeals', {
    documentType: 'application',
    form: 'paper',
    channel: 'post',
    language: 'kk',
    summary: 'Жол жөндеу',
    text: 'Көшедегі жолды жөндеуді сұраймын.',
    applicant: { kind: 'individual', iin: '780315345211', lastName: 'Жұмабеков', firstName: 'Ерлан' },
  });
  assert.equal(reg.status, 201, JSON.stringify(reg.body));
  appealId = reg.body.id;
});
after(() => t.close());

describe('languages (issue 10, item 8)', () => {
  test('the basis of every decision is in kk and ru as users read it: no English shorthand, no file name', async () => {
    for (const lang of ['kk', 'ru'] as const) {
      const allowed = await head('GET', `/api/v1/appeals/${appealId}/decisions/allowed`, undefined, { 'accept-language': lang });
      assert.equal(allowed.status, 200, JSON.stringify(allowed.body));
      assert.ok(allowed.body.items.length >= 20, String(allowed.body.items.length));
      const law = lang === 'kk' ? /ӘРПК|Қағидалар/ : /АППК|Правила/;
      for (const d of allowed.body.items as { code: string; basis: string }[]) {
        assert.match(d.basis, law, `${lang} ${d.code}: ${d.basis}`);
        assert.doesNotMatch(d.basis, /APPC|Rules|Art\.|WD|docs\/|\.md|#/, `${lang} ${d.code}: ${d.basis}`);
      }
    }
    // the card of a decision taken: its basis in the language asked
    const taken = await head('POST', `/api/v1/appeals/${appealId}/decisions`, { code: '4.14', newDueDate: '2026-05-05', reason: 'Қосымша тексеру қажет' }, { 'accept-language': 'ru' });
    assert.equal(taken.status, 201, JSON.stringify(taken.body));
    assert.equal(taken.body.decision.basis.startsWith('АППК, ст. 76 п. 3'), true, taken.body.decision.basis);
    const cards = await head('GET', `/api/v1/appeals/${appealId}/decisions`, undefined, { 'accept-language': 'kk' });
    assert.match(cards.body.items[0].basis, /^ӘРПК 76-бап 3-тармақ/);
  });

  test('an error answer carries its message in every language: a domain refusal, field errors, a schema error, an unknown path', async () => {
    const answers = {
      domain: (lang: string) => head('POST', `/api/v1/appeals/${randomUUID()}/decisions`, { code: '4.15', favourable: true, text: 'x' }, { 'accept-language': lang }),
      fields: (lang: string) =>
        registrar(
          'POST',
          '/api/v1/appeals',
          { documentType: 'application', form: 'paper', channel: 'post', language: 'kk', summary: 'x', text: 'x', applicant: { kind: 'individual', iin: '123' } },
          { 'accept-language': lang },
        ),
      schema: (lang: string) => head('GET', '/api/v1/queues/inExecution?limit=abc', undefined, { 'accept-language': lang }),
      unknown: (lang: string) => head('GET', '/api/v1/no-such-thing', undefined, { 'accept-language': lang }),
    };
    for (const [kind, ask] of Object.entries(answers)) {
      const byLang = Object.fromEntries(await Promise.all(LANGS.map(async (l) => [l, (await ask(l)).body.error] as const)));
      const kk = byLang.kk;
      assert.ok(kk?.messages, `${kind}: ${JSON.stringify(kk)}`);
      // the same answer whatever the language asked, and each language's message is that language's answer
      for (const l of LANGS) {
        assert.deepEqual(byLang[l].messages, kk.messages, kind);
        assert.equal(kk.messages[l], byLang[l].message, `${kind} ${l}`);
      }
      assert.notEqual(kk.messages.kk, kk.messages.en, kind);
      if (kind === 'fields' || kind === 'schema') {
        assert.ok(kk.fields.length > 0, kind);
        kk.fields.forEach((f: { message: string; messages: Record<string, string> }, i: number) => {
          assert.equal(f.messages.kk, f.message, `${kind} field ${i}`);
          for (const l of LANGS) assert.equal(byLang[l].fields[i].message, f.messages[l], `${kind} field ${i} ${l}`);
        });
      }
    }
  });
});
