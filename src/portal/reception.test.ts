// Booking a personal reception from the portal (EA-04; PR-05 online sign-up, PR-17 the published
// schedule): the applicant signs in, reads the schedule, signs up for a session with a question;
// the sign-up is registered by reception's use case (channel publicPortal) and shows among the
// applicant's appeals, the staff see it waiting and give it the session.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp, type Api } from '../../test/support.ts';

let t: TestApp;
let reception: Api;
let burabay: number;

before(async () => {
  t = await testApp({ now: '2026-03-18T10:00:00+05:00' });
  reception = await t.as('reception');
  burabay = (await t.ctx.db.selectFrom('organizations').select('id').where('code', '=', 'AKM-BURABAY').executeTakeFirstOrThrow()).id;
});
after(() => t.close());

async function call(method: string, path: string, body?: unknown, token?: string, lang = 'en') {
  const res = await fetch(t.url + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), 'accept-language': lang },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function signIn(phone: string): Promise<string> {
  assert.equal((await call('POST', '/api/v1/public/auth/code', { phone })).status, 202);
  const row = await t.ctx.db.selectFrom('outbox').select('body').where('recipient', '=', phone).where('kind', '=', 'portalCode').orderBy('id', 'desc').executeTakeFirstOrThrow();
  const res = await call('POST', '/api/v1/public/auth/verify', { phone, code: /(\d{6})/.exec(row.body)![1]! });
  assert.equal(res.status, 200);
  return res.body.token;
}

const booking = (sessionId: string, overrides: Record<string, unknown> = {}) => ({
  sessionId,
  question: 'Жер учаскесін беру мәселесі бойынша\nҚосымша мәлімет',
  language: 'kk',
  applicant: { lastName: 'Қабылдаев', firstName: 'Серік' },
  ...overrides,
});

test('EA-04, PR-05, PR-17: a signed-in applicant books a session of the published schedule; registered by the sign-up use case (channel publicPortal) and shown in my appeals', async () => {
  const official = await reception('POST', '/api/v1/reception/officials', { fullName: 'Сейітов Арман', positionKk: 'Аудан әкімі', positionRu: 'Аким района', kind: 'akim' });
  assert.equal(official.status, 201, JSON.stringify(official.body));
  const session = await reception('POST', '/api/v1/reception/sessions', {
    officialId: official.body.id,
    startsAt: '2026-04-14T10:00:00+05:00',
    endsAt: '2026-04-14T13:00:00+05:00',
    place: 'Щучинск, Абылай хан к-сі, 34',
    format: 'inPerson',
    occasion: 'scheduled',
  });
  assert.equal(session.status, 201, JSON.stringify(session.body));

  // the schedule the portal shows, in Russian or Kazakh, without sign-in
  const schedule = await call('GET', `/api/v1/public/reception/schedule?organization=${burabay}&from=2026-04-01&to=2026-04-30`, undefined, undefined, 'ru');
  const published = schedule.body.items.find((i: { id: string }) => i.id === session.body.id);
  assert.equal(published.official.position, 'Аким района');

  assert.equal((await call('POST', '/api/v1/public/me/reception/sign-ups', booking(session.body.id))).status, 401, 'a sign-in is needed');
  const token = await signIn('+77010007001');
  const booked = await call('POST', '/api/v1/public/me/reception/sign-ups', booking(session.body.id), token);
  assert.equal(booked.status, 201, JSON.stringify(booked.body));
  assert.equal(booked.body.channel, 'publicPortal');
  assert.equal(booked.body.documentType, 'application');
  assert.equal(booked.body.organization.id, burabay, "the session's organization (a complaint about it is filed through it)");
  assert.equal(booked.body.summary, 'Жер учаскесін беру мәселесі бойынша');
  assert.equal(booked.body.dueDate, '2026-04-10', '15 working days on the shipped calendar, Nauryz off (PR-36)');

  const row = await t.ctx.db.selectFrom('reception_sign_ups').selectAll().where('appeal_id', '=', booked.body.id).executeTakeFirstOrThrow();
  assert.equal(row.official_id, official.body.id);
  assert.equal(row.reception_language, 'kk');
  const mine = await call('GET', '/api/v1/public/me/appeals', undefined, token);
  assert.ok(mine.body.items.some((a: { id: string }) => a.id === booked.body.id));

  // the staff see it waiting, with the session the applicant chose on the card's timeline
  const waiting = await reception('GET', '/api/v1/reception/sign-ups');
  assert.ok(
    waiting.body.items.some((s: { appealId: string }) => s.appealId === booked.body.id),
    JSON.stringify(waiting.body),
  );
  const chose = await t.ctx.db.selectFrom('events').select('changes').where('appeal_id', '=', booked.body.id).where('kind', '=', 'applicantChoseSession').executeTakeFirstOrThrow();
  assert.equal((chose.changes as { sessionId: string }).sessionId, session.body.id);
  assert.equal((await reception('POST', `/api/v1/reception/sign-ups/${booked.body.id}/session`, { sessionId: session.body.id })).status, 200);

  const card = await call('GET', `/api/v1/public/me/appeals/${booked.body.id}`, undefined, token);
  assert.deepEqual(
    card.body.timeline.map((e: { kind: string }) => e.kind),
    ['registered', 'receptionSignUp', 'applicantChoseSession', 'receptionScheduled'].filter((k) => card.body.timeline.some((e: { kind: string }) => e.kind === k)),
  );
  assert.ok(card.body.timeline.some((e: { kind: string; text: string }) => e.kind === 'receptionScheduled' && e.text === 'The date and time of your reception were set'));
});

test('EA-04: a cancelled, past or unknown session cannot be booked (a field error in the language asked; a bad body is 400)', async () => {
  const token = await signIn('+77010007002');
  const official = await reception('POST', '/api/v1/reception/officials', { fullName: 'Омаров Бақыт', positionKk: 'Орынбасар', positionRu: 'Заместитель', kind: 'deputyAkim' });
  const past = await reception('POST', '/api/v1/reception/sessions', {
    officialId: official.body.id,
    startsAt: '2026-03-18T09:00:00+05:00',
    endsAt: '2026-03-18T09:30:00+05:00',
    place: 'Щучинск',
    format: 'inPerson',
    occasion: 'scheduled',
  });
  for (const id of [past.body.id, '00000000-0000-4000-8000-000000000000'].filter(Boolean)) {
    const res = await call('POST', '/api/v1/public/me/reception/sign-ups', booking(id), token, 'ru');
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.match(JSON.stringify(res.body), /Записаться на этот приём нельзя/);
  }
  const bad = await call('POST', '/api/v1/public/me/reception/sign-ups', booking('00000000-0000-4000-8000-000000000000', { language: 'en', question: '' }), token);
  assert.equal(bad.status, 400);
});
