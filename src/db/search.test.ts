// Search folding (issue 10, item 10): Kazakh letters as their Russian neighbours wherever names and
// texts are searched — the queues, the appeals list, the duplicate check's name match, the
// organization search — through fold_search() (migration 0017), which must equal foldSearch.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type Api, type TestApp } from '../../test/support.ts';
import { FOLD_FROM, foldSearch } from '../domain/search.ts';

let t: TestApp;
let registrar: Api;
let head: Api;

before(async () => {
  t = await testApp();
  registrar = await t.as('registrar');
  head = await t.as('head');
});
after(() => t.close());

const appeal = {
  documentType: 'application',
  form: 'paper',
  channel: 'post',
  language: 'kk',
  summary: 'Көше жарығы өшіп қалды',
  text: 'Ғимарат жанындағы шамдар жанбайды.',
  applicant: { kind: 'individual', lastName: 'Әбілқасымова', firstName: 'Гүлнұр', phone: '+77015550042' },
};

test('issue 10 item 10: fold_search() in SQL is foldSearch, letter by letter, on both databases', async () => {
  const letters = `${FOLD_FROM}ABCxyz012 -`;
  const { rows } = await sql<{ f: string }>`SELECT fold_search(${letters}) AS f`.execute(t.ctx.db);
  assert.equal(rows[0]!.f, foldSearch(letters));
  assert.equal(foldSearch('ӘӨҰҮҚҒҢІҺ әөұүқғңіһ Ёё'), 'аоуукгних аоуукгних ее');
});

test('issue 15: the folded words registration writes are what fold_search() makes of the texts', async () => {
  const a = await registrar('POST', '/api/v1/appeals', {
    ...appeal,
    summary: 'ҚАЗАҚ Ёлка Ünal',
    text: 'Іздеу мәтіні — ЖАҢА',
    applicant: { ...appeal.applicant, lastName: 'Сәрсенбаева', firstName: 'Әйгерім', phone: '+77015550043' },
  });
  assert.equal(a.status, 201, JSON.stringify(a.body));
  const row = await sql<{ stored: string; folded: string }>`
    SELECT search_text AS stored, fold_search(summary || ' ' || text || ' ' || coalesce(applicant_name, '')) AS folded FROM appeals WHERE id = ${a.body.id}
  `.execute(t.ctx.db);
  assert.equal(row.rows[0]!.stored, 'казак елка ünal издеу матини — жана сарсенбаева айгерим');
  // lower() in SQL folds letters outside the table by the database's locale (ASCII only in C);
  // the stored words are folded as the typed ones are, by foldSearch
  assert.equal(row.rows[0]!.stored, row.rows[0]!.folded.replace('Ü', 'ü'));
});

test('issue 10 item 10: the queues and the appeals list find Kazakh words typed with Russian letters', async () => {
  const a = await registrar('POST', '/api/v1/appeals', appeal);
  assert.equal(a.status, 201, JSON.stringify(a.body));
  for (const typed of ['коше жарыгы', 'КӨШЕ', 'гимарат', 'абилкасымова', 'ӘБІЛҚАСЫМОВА']) {
    const q = encodeURIComponent(typed);
    const queue = await head('GET', `/api/v1/queues/all?q=${q}`);
    assert.deepEqual(
      queue.body.items.map((i: { id: string }) => i.id),
      [a.body.id],
      `queue: ${typed}`,
    );
    const list = await head('GET', `/api/v1/appeals?q=${q}`);
    assert.deepEqual(
      list.body.items.map((i: { id: string }) => i.id),
      [a.body.id],
      `appeals: ${typed}`,
    );
  }
  assert.equal((await head('GET', `/api/v1/queues/all?q=${encodeURIComponent('жарыгы кар')}`)).body.total, 0);
});

test('issue 10 item 10: the duplicate check matches a name typed with Russian letters (CD duplicates by name and phone)', async () => {
  const same = await registrar('POST', '/api/v1/appeals/duplicate-check', {
    ...appeal,
    applicant: { kind: 'individual', lastName: 'Абилкасымова', firstName: 'ГУЛНУР', phone: '+77015550042' },
  });
  assert.equal(same.status, 200, JSON.stringify(same.body));
  assert.equal(same.body.items.length, 1);
  assert.equal(same.body.items[0].reason, 'sameNameAndPhone');
});

test('issue 10 item 10: the organization search folds Kazakh letters', async () => {
  const all = await head('GET', '/api/v1/organizations?limit=200');
  const kazakh = all.body.items.find((o: { names: { kk: string } }) => /[әөұүқғңіһ]/.test(o.names.kk));
  assert.ok(kazakh, 'an organization with a Kazakh letter in its name');
  const word = kazakh.names.kk.split(/\s+/).find((w: string) => /[әөұүқғңіһ]/.test(w));
  const russianTyped = word.replace(/[әөұүқғңіһ]/g, (c: string) => foldSearch(c));
  const found = await head('GET', `/api/v1/organizations?q=${encodeURIComponent(russianTyped)}&limit=200`);
  assert.ok(
    found.body.items.some((o: { id: number }) => o.id === kazakh.id),
    russianTyped,
  );
});
