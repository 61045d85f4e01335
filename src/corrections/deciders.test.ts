// Correction petitions do not dead-end (issue 10, item 6; rules p.27): every kind of petition is
// filed and decided by demo users — the unit head's petition by the head, the head's petition by the
// statistics authority, the authority's report by the head — and a refusal names the decider in the
// user's language, never by its code.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type Api, type TestApp } from '../../test/support.ts';
import { register } from '../../test/accounting.ts';

let t: TestApp;
let registrar: Api;
let head: Api;
let unithead: Api;
let statistician: Api;
const doc = [{ name: 'анықтама.pdf', content: Buffer.from('%PDF-1.4\nРастайтын құжат').toString('base64') }];
const file = (api: Api, body: Record<string, unknown>) => api('POST', '/api/v1/corrections', { reason: 'Карточка қате толтырылған', attachments: doc, ...body });
const decide = (api: Api, id: string) => api('POST', `/api/v1/corrections/${id}/decision`, { approve: true, comment: 'Расталды' });

before(async () => {
  t = await testApp({ now: '2026-03-18T10:00:00+05:00' });
  registrar = await t.as('registrar');
  head = await t.as('head');
  unithead = await t.as('unithead');
  statistician = await t.as('statistician');
});
after(() => t.close());

test("issue 10 item 6 (p.27): the demo unit head's petition is decided by the demo head; a refusal names the decider in kk/ru/en", async () => {
  const a = await register(registrar, { summary: 'Арна қате' });
  const filed = await file(unithead, { appealId: a.id, action: 'change', changes: { channel: 'email' } });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  assert.deepEqual([filed.body.decidedBy, filed.body.basis], ['organization', 'unitHeadPetition']);
  const refused = await statistician('POST', `/api/v1/corrections/${filed.body.id}/decision`, { approve: true });
  assert.equal(refused.status, 403);
  const { messages } = refused.body.error;
  assert.match(messages.kk, /ұйым басшысы/);
  assert.match(messages.ru, /руководитель организации/);
  assert.match(messages.en, /organization's head/);
  for (const m of [messages.kk, messages.ru]) assert.doesNotMatch(m, /[a-z{}]/i, m);
  assert.doesNotMatch(messages.en, /\{|: organization|: authority/, messages.en);
  const applied = await decide(head, filed.body.id);
  assert.equal(applied.status, 200, JSON.stringify(applied.body));
  assert.equal(applied.body.status, 'applied');
});

test("issue 10 item 6 (p.27): the demo head's petition on the due date is decided by the demo statistician", async () => {
  const a = await register(registrar, { summary: 'Мерзім қате' });
  const filed = await file(head, { appealId: a.id, action: 'change', changes: { dueDate: '2026-03-20' } });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  assert.deepEqual([filed.body.decidedBy, filed.body.basis], ['authority', 'headPetition']);
  const refused = await unithead('POST', `/api/v1/corrections/${filed.body.id}/decision`, { approve: true });
  assert.equal(refused.status, 403);
  assert.match(refused.body.error.messages.ru, /орган правовой статистики/);
  assert.equal((await decide(statistician, filed.body.id)).body.status, 'applied');
});

test("issue 10 item 6 (p.27): the demo statistician's report is decided by the demo head", async () => {
  const a = await register(registrar, { summary: 'Тіл қате' });
  const filed = await file(statistician, { appealId: a.id, action: 'change', changes: { summary: 'Тіл қате толтырылған' } });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  assert.deepEqual([filed.body.decidedBy, filed.body.basis], ['organization', 'authorityReport']);
  assert.equal((await decide(head, filed.body.id)).body.status, 'applied');
});
