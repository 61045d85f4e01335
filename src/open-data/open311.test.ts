// Open311 GeoReport v2 POST requests (issue 14 §7): keys issued and revoked by the administrator
// (stored hashed, audited); a request without a key, with a wrong or revoked one is refused as the
// specification answers errors; with a key it registers an electronic appeal through the
// registration use case; services/{code} names the attributes. JSON and XML.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { testApp, type TestApp, type Api } from '../../test/support.ts';

let t: TestApp;
let admin: Api;
let registrar: Api;

before(async () => {
  t = await testApp({ now: '2026-03-18T10:00:00+05:00' });
  admin = await t.as('admin');
  registrar = await t.as('registrar');
});
after(() => t.close());

/** A GeoReport POST as clients send it: form-encoded. */
async function post(format: 'json' | 'xml', fields: Record<string, string>) {
  const res = await fetch(`${t.url}/open311/v2/requests.${format}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
    body: new URLSearchParams(fields).toString(),
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, body: format === 'json' ? JSON.parse(text) : text };
}

const request = (key: string, extra: Record<string, string> = {}) => ({
  api_key: key,
  service_code: 'land',
  description: 'Аулада шұңқыр бар\nЖөндеуді сұраймын',
  first_name: 'Ерлан',
  last_name: 'Ашықов',
  phone: '+77017770011',
  address_string: 'Щучинск, Абылай хан к-сі, 12',
  lat: '52.94',
  long: '70.19',
  'attribute[organization]': 'AKM-BURABAY',
  ...extra,
});

test('issue 14 §7: the administrator issues a key (shown once, stored hashed, audited); others may not', async () => {
  assert.equal((await registrar('POST', '/api/v1/admin/open311/keys', { name: 'City app' })).status, 403);
  const issued = await admin('POST', '/api/v1/admin/open311/keys', { name: 'City app' });
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  assert.match(issued.body.key, /^o311_/);
  const row = await t.ctx.db.selectFrom('open311_keys').selectAll().where('id', '=', issued.body.id).executeTakeFirstOrThrow();
  assert.equal(row.key_sha256, createHash('sha256').update(issued.body.key).digest('hex'));
  assert.ok(!JSON.stringify(row).includes(issued.body.key), 'the key itself is not stored');
  const list = await admin('GET', '/api/v1/admin/open311/keys');
  assert.ok(!JSON.stringify(list.body).includes(issued.body.key));
  assert.equal(list.body.items[0].name, 'City app');
  const audit = await t.ctx.db.selectFrom('events').select(['kind', 'changes']).where('kind', '=', 'open311KeyIssued').execute();
  assert.equal(audit.length, 1);
});

test('issue 14 §7: POST requests without a key, with a wrong or a revoked key is refused as GeoReport answers errors; nothing registered', async () => {
  const before = await t.ctx.db
    .selectFrom('appeals')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const { api_key: _, ...keyless } = request('');
  const none = await post('json', keyless);
  assert.equal(none.status, 403, none.text);
  assert.equal(none.body[0].code, 403);
  assert.match(none.body[0].description, /api_key/);
  assert.equal((await post('json', request('o311_wrong'))).status, 403);
  const issued = await admin('POST', '/api/v1/admin/open311/keys', { name: 'Revoked app' });
  assert.equal((await admin('DELETE', `/api/v1/admin/open311/keys/${issued.body.id}`)).status, 204);
  const revoked = await post('xml', request(issued.body.key));
  assert.equal(revoked.status, 403);
  assert.match(revoked.type, /text\/xml/);
  assert.match(revoked.text, /^<\?xml version="1.0" encoding="utf-8"\?><errors><error><code>403<\/code><description>[^<]+<\/description><\/error><\/errors>$/);
  const after = await t.ctx.db
    .selectFrom('appeals')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(after.n), Number(before.n));
  assert.equal((await t.ctx.db.selectFrom('events').select('kind').where('kind', '=', 'open311KeyRevoked').execute()).length, 1);
});

test('issue 14 §7, EA-02: with a key the request registers an electronic appeal through the registration use case; the answer is shaped as GeoReport; it then shows in requests.json without personal data', async () => {
  const { key, id: keyId } = (await admin('POST', '/api/v1/admin/open311/keys', { name: 'Akimat app' })).body;
  const res = await post('json', request(key));
  assert.equal(res.status, 201, res.text);
  assert.equal(res.body.length, 1);
  assert.deepEqual(Object.keys(res.body[0]).sort(), ['account_id', 'service_notice', 'service_request_id']);
  const id = res.body[0].service_request_id;
  const appeal = await t.ctx.db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual([appeal.form, appeal.channel, appeal.document_type, appeal.issue_category, appeal.summary], ['electronic', 'publicPortal', 'application', 'land', 'Аулада шұңқыр бар']);
  assert.match(res.body[0].service_notice, new RegExp(appeal.registration_number));
  assert.match(appeal.text, /52\.94, 70\.19/);
  const events = await t.ctx.db.selectFrom('events').select(['kind', 'changes']).where('appeal_id', '=', id).orderBy('id').execute();
  assert.ok(events.some((e) => e.kind === 'registered'));
  assert.deepEqual(events.find((e) => e.kind === 'open311Received')?.changes, { keyId, keyName: 'Akimat app' });
  // the staff see it in their register like any other
  assert.equal((await registrar('GET', `/api/v1/appeals/${id}`)).status, 200);
  const listed = await fetch(`${t.url}/open311/v2/requests/${id}.json`).then((r) => r.json());
  assert.equal(listed[0].service_request_id, id);
  assert.ok(!JSON.stringify(listed).includes('Ашықов') && !JSON.stringify(listed).includes('+7701777'), 'nothing personal');
  const used = await t.ctx.db.selectFrom('open311_keys').select('last_used_at').where('id', '=', keyId).executeTakeFirstOrThrow();
  assert.ok(used.last_used_at);

  const xml = await post('xml', request(key, { 'attribute[document_type]': 'proposal', 'attribute[language]': 'ru' }));
  assert.equal(xml.status, 201, xml.text);
  assert.match(
    xml.text,
    /^<\?xml version="1.0" encoding="utf-8"\?><service_requests><request><service_request_id>[0-9a-f-]{36}<\/service_request_id><service_notice>[^<]+<\/service_notice><account_id><\/account_id><\/request><\/service_requests>$/,
  );
});

test('issue 14 §7: missing fields, an unknown organization or document type answer 400 in GeoReport shape', async () => {
  const { key } = (await admin('POST', '/api/v1/admin/open311/keys', { name: 'Checks' })).body;
  const { description: _, ...noText } = request(key);
  const missing = await post('json', noText);
  assert.equal(missing.status, 400, missing.text);
  assert.match(missing.body[0].description, /description/);
  assert.equal((await post('json', request(key, { 'attribute[organization]': 'NOPE' }))).status, 400);
  assert.equal((await post('json', request(key, { 'attribute[document_type]': 'complaint' }))).status, 400);
  // JSON bodies are taken too, attributes as an object
  const json = await fetch(`${t.url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...request(key), 'attribute[organization]': undefined, attribute: { organization: 'AKM-BURABAY' } }),
  });
  assert.equal(json.status, 201, await json.clone().text());
});

test('issue 14 §7: services list metadata and services/{code} defines the attributes (JSON and XML)', async () => {
  const services = await fetch(`${t.url}/open311/v2/services.json`).then((r) => r.json());
  assert.ok(services.every((s: { metadata: boolean }) => s.metadata === true));
  const def = await fetch(`${t.url}/open311/v2/services/land.json`, { headers: { 'accept-language': 'ru' } }).then((r) => r.json());
  assert.equal(def.service_code, 'land');
  const org = def.attributes.find((a: { code: string }) => a.code === 'organization');
  assert.deepEqual([org.variable, org.datatype, org.required, org.order], [true, 'string', true, 1]);
  const kinds = def.attributes.find((a: { code: string }) => a.code === 'document_type');
  assert.ok(kinds.values.some((v: { key: string }) => v.key === 'application'));
  const xml = await fetch(`${t.url}/open311/v2/services/land.xml`).then((r) => r.text());
  assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?><service_definition><service_code>land<\/service_code><attributes><attribute><variable>true<\/variable><code>organization<\/code>/);
  assert.match(xml, /<values><value><key>application<\/key><name>application<\/name><\/value>/);
});
