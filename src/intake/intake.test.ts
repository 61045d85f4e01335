import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_NOW, testApp, rowCounts, type TestApp, type Api } from '../../test/support.ts';
import { extractPdfText } from '../pdf/pdf-text.ts';
import { REGISTRATION_NUMBER_PATTERN } from '../domain/numbering.ts';
import { DOCUMENT_TYPES } from '../domain/vocabulary.ts';
import { openServerDatabase } from '../db/connection.ts';
import { createContext } from '../app.ts';
import { buildServer } from '../http/server.ts';

/** An error answer without its every-language messages (languages.test.ts checks those). */
const withoutMessages = ({ messages: _m, fields, ...e }: { messages?: unknown; fields: { messages?: unknown }[] }) => ({ ...e, fields: fields.map(({ messages: _f, ...f }) => f) });

// The server clock: Wednesday 18 March 2026, 10:00 in Astana (UTC+5).
let t: TestApp;
let registrar: Api;

const person = {
  kind: 'individual',
  iin: '870412300416',
  lastName: 'Әлібеков',
  firstName: 'Қуаныш',
  middleName: 'Ұланұлы',
  phone: '8 701 555 12 34',
  email: 'kuanysh@example.kz',
  address: { region: 'Ақмола облысы', district: 'Бурабай ауданы', settlement: 'Щучинск', street: 'Абай көшесі', house: '12' },
} as const;

const paperApplication = {
  documentType: 'application',
  form: 'paper',
  channel: 'post',
  language: 'kk',
  receivedAt: '2026-03-18T09:30:00+05:00',
  summary: 'Жер учаскесін беру туралы',
  text: 'Жеке тұрғын үй құрылысы үшін Щучинск қаласында жер учаскесін беруді сұраймын.',
  issueCategory: 'land',
  applicant: person,
};

before(async () => {
  t = await testApp();
  registrar = await t.as('registrar');
});
after(() => t.close());

describe('registration', () => {
  test('an individual paper application gets numbers, dates, cards and an audit event', async () => {
    const res = await registrar('POST', '/api/v1/appeals', paperApplication);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const a = res.body;
    assert.match(a.registrationNumber, /^ЖТ-2026-\d{8}$/);
    const seq = a.registrationNumber.slice(-8);
    assert.equal(a.talonNumber, `260318${seq}`);
    assert.equal(a.registrationDate, '2026-03-18');
    // 15 WD counting 18 March as day 1, over Nauryz (23–25 March off): 10 April.
    assert.equal(a.dueDate, '2026-04-10');
    assert.equal(a.documentType, 'application');
    assert.equal(a.procedure, 'administrative');
    assert.equal(a.status, 'registered');
    assert.deepEqual(a.duplicateCandidates, []);
    const [card] = a.applicants;
    assert.equal(card.birthDate, '1987-04-12');
    assert.equal(card.sex, 'male');
    assert.equal(card.age, 38);
    assert.equal(card.citizenship, 'KZ');
    assert.equal(card.phone, '+77015551234');
    assert.equal(a.registrar.name.length > 0, true);

    const events = await registrar('GET', `/api/v1/appeals/${a.id}/events`);
    assert.equal(events.status, 200);
    assert.equal(events.body.items.length, 1);
    assert.equal(events.body.items[0].kind, 'registered');
    assert.equal(events.body.items[0].changes.registrationNumber, a.registrationNumber);
    assert.equal(events.body.items[0].actor.name, a.registrar.name);

    const got = await registrar('GET', `/api/v1/appeals/${a.id}`);
    assert.deepEqual(got.body, a);
  });

  test('every document type is registered with its procedure and term', async () => {
    const expected: Record<string, [string, string]> = {
      application: ['administrative', '2026-04-10'],
      complaint: ['complaint', '2026-04-17'], // 20 WD (APPC Art. 99)
      report: ['simplified', '2026-04-10'],
      inquiry: ['simplified', '2026-04-10'],
      feedback: ['simplified', '2026-04-10'],
      proposal: ['simplified', '2026-04-10'],
    };
    for (const documentType of DOCUMENT_TYPES) {
      const body = {
        ...paperApplication,
        documentType,
        summary: `${documentType}: ${documentType} ${Math.random()}`,
        text: `Мәтін ${documentType}`,
        ...(documentType === 'complaint' ? { complainedOrganizationName: 'Бурабай ауданының тұрғын үй бөлімі', complainedOfficial: 'Ахметов А.' } : {}),
      };
      const res = await registrar('POST', '/api/v1/appeals', body);
      assert.equal(res.status, 201, `${documentType}: ${JSON.stringify(res.body)}`);
      assert.deepEqual([res.body.procedure, res.body.dueDate], expected[documentType], documentType);
      if (documentType === 'complaint') {
        assert.equal(res.body.complained.organizationName, 'Бурабай ауданының тұрғын үй бөлімі');
        assert.equal(res.body.complained.official, 'Ахметов А.');
      }
    }
  });

  test('each applicant kind has its letter index', async () => {
    const legal = await registrar('POST', '/api/v1/appeals', {
      ...paperApplication,
      summary: 'ЖШС өтініші',
      applicant: { kind: 'legalEntity', bin: '050140000656', name: '«Көкшетау Су» ЖШС', phone: '+77162000000' },
    });
    assert.equal(legal.status, 201, JSON.stringify(legal.body));
    assert.match(legal.body.registrationNumber, /^ЗТ-2026-\d{8}$/);
    assert.equal(legal.body.applicants[0].bin, '050140000656');
    assert.equal(legal.body.applicantName, '«Көкшетау Су» ЖШС');

    const anonymous = await registrar('POST', '/api/v1/appeals', {
      ...paperApplication,
      documentType: 'report',
      channel: 'complaintBox',
      summary: 'Аноним хабарлама',
      applicant: undefined,
      anonymous: true,
    });
    assert.equal(anonymous.status, 201, JSON.stringify(anonymous.body));
    assert.match(anonymous.body.registrationNumber, /^АН-2026-\d{8}$/);
    assert.deepEqual(anonymous.body.applicants, []);

    const collective = await registrar('POST', '/api/v1/appeals', {
      ...paperApplication,
      summary: 'Ұжымдық арыз: жол жөндеу',
      applicant: undefined,
      // individuals and legal entities together
      applicants: [person, { kind: 'individual', lastName: 'Сергеева', firstName: 'Анна', phone: '+77015550000' }, { kind: 'legalEntity', bin: '050140000656', name: '«Көкшетау Су» ЖШС' }],
    });
    assert.equal(collective.status, 201, JSON.stringify(collective.body));
    assert.match(collective.body.registrationNumber, /^ҰЖ-2026-\d{8}$/);
    assert.deepEqual(
      collective.body.applicants.map((c: { kind: string }) => c.kind),
      ['individual', 'individual', 'legalEntity'],
    );
    assert.equal(collective.body.applicantKind, 'collective');
  });

  test('an oral appeal keeps its protocol; a video appeal is accepted', async () => {
    const oral = await registrar('POST', '/api/v1/appeals', {
      ...paperApplication,
      form: 'oral',
      channel: 'inPerson',
      summary: 'Ауызша өтініш',
      protocolText: 'Арыз иесі ауызша жеткізді: көшеде жарық жоқ.',
    });
    assert.equal(oral.status, 201, JSON.stringify(oral.body));
    assert.equal(oral.body.protocolText, 'Арыз иесі ауызша жеткізді: көшеде жарық жоқ.');
    const video = await registrar('POST', '/api/v1/appeals', { ...paperApplication, form: 'video', channel: 'egovPortal', summary: 'Бейне' });
    assert.equal(video.status, 201);
  });

  test('receipt after hours, on a weekend and typed in later count from the receipt', async () => {
    const afterHours = await registrar('POST', '/api/v1/appeals', {
      ...paperApplication,
      summary: 'Кешкі арыз',
      receivedAt: '2026-03-06T18:45:00+05:00', // Friday after 18:30; Monday 9 March is a holiday
    });
    assert.equal(afterHours.body.registrationDate, '2026-03-10');
    assert.equal(afterHours.body.talonNumber.slice(0, 6), '260310');
    const weekend = await registrar('POST', '/api/v1/appeals', {
      ...paperApplication,
      summary: 'Сенбідегі арыз',
      receivedAt: '2026-03-14T11:00:00+05:00',
    });
    assert.equal(weekend.body.registrationDate, '2026-03-16');
    const calc = await registrar('GET', `/api/v1/calendar/term?receivedAt=${encodeURIComponent('2026-03-14T11:00:00+05:00')}&documentType=application`);
    assert.equal(calc.status, 200);
    assert.equal(calc.body.registrationDate, '2026-03-16');
    assert.equal(calc.body.dueDate, weekend.body.dueDate);
    const unknownKind = await registrar('GET', `/api/v1/calendar/term?receivedAt=${encodeURIComponent('2026-03-14T11:00:00+05:00')}&documentType=application&subKind=noSuchKind`);
    assert.equal(unknownKind.status, 422);
    assert.deepEqual(
      unknownKind.body.error.fields.map((f: { path: string; message: string }) => [f.path, f.message]),
      [['/querystring/subKind', 'The term catalogue has no sub-kind "noSuchKind" of the document type "application"']],
    );
  });

  test('a special-law sub-kind, listed with the terms, changes the term', async () => {
    const rules = await registrar('GET', '/api/v1/terms?documentType=inquiry');
    assert.equal(rules.status, 200);
    assert.deepEqual(
      rules.body.items.map((r: { subKind: string | null }) => r.subKind),
      [null, 'lawyerInquiry', 'mediaInquiry'],
    );
    const media = rules.body.items.find((r: { subKind: string | null }) => r.subKind === 'mediaInquiry');
    assert.deepEqual(media.term, { unit: 'workingDays', count: 5 });
    const inquiry = { ...paperApplication, documentType: 'inquiry', summary: 'Редакция сұрауы' };
    const special = await registrar('POST', '/api/v1/appeals', { ...inquiry, subKind: 'mediaInquiry' });
    assert.equal(special.status, 201, JSON.stringify(special.body));
    assert.equal(special.body.subKind, 'mediaInquiry');
    const general = await registrar('POST', '/api/v1/appeals', inquiry);
    assert.ok(special.body.dueDate < general.body.dueDate, `${special.body.dueDate} before ${general.body.dueDate}`);
    const calc = await registrar('GET', `/api/v1/calendar/term?receivedAt=${encodeURIComponent(inquiry.receivedAt)}&documentType=inquiry&subKind=mediaInquiry`);
    assert.equal(calc.body.dueDate, special.body.dueDate);
  });

  test('50 concurrent registrations get 50 distinct consecutive numbers', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        registrar('POST', '/api/v1/appeals', {
          ...paperApplication,
          summary: `Параллель ${i}`,
          applicant: { kind: 'individual', lastName: 'Параллель', firstName: `N${i}` },
        }),
      ),
    );
    assert.ok(results.every((r) => r.status === 201));
    const seqs = results.map((r) => Number(REGISTRATION_NUMBER_PATTERN.exec(r.body.registrationNumber)![3])).sort((a, b) => a - b);
    assert.equal(new Set(seqs).size, 50);
    assert.equal(seqs[49]! - seqs[0]!, 49);
    const counter = await t.ctx.db.selectFrom('appeal_counters').selectAll().where('year', '=', 2026).executeTakeFirstOrThrow();
    const total = await t.ctx.db
      .selectFrom('appeals')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('registration_year', '=', 2026)
      .executeTakeFirstOrThrow();
    assert.equal(counter.last_value, Number(total.n), 'no gaps: the counter equals the number of cards');
  });
});

describe('registrations from two server processes on one database', () => {
  // Each server stores its registrations by its own statements (group commit, store.ts), so two
  // servers' transactions compete for the year's counter row. The embedded database has one
  // connection and one process: there is nothing to compete.
  test('numbers stay distinct and gapless', { skip: process.env.DATABASE_URL ? false : 'needs the PostgreSQL server (DATABASE_URL)' }, async () => {
    const second = await openServerDatabase(t.databaseUrl!, 8);
    const ctx2 = await createContext(second, t.ctx.config);
    ctx2.clock = t.ctx.clock;
    const server2 = await buildServer(ctx2);
    await server2.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = server2.server.address();
      const url2 = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const { token } = (await (await fetch(`${url2}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'registrar', password: 'demo' }) })).json()) as {
        token: string;
      };
      const viaSecond = (body: unknown) =>
        fetch(`${url2}/api/v1/appeals`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({
          status: r.status,
          body: (await r.json()) as any,
        }));
      const body = (i: number) => ({ ...paperApplication, summary: `Екі сервер ${i}`, applicant: { kind: 'individual', lastName: 'Екі', firstName: `N${i}` } });
      const results = [];
      for (let round = 0; round < 3; round++) {
        results.push(...(await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? registrar('POST', '/api/v1/appeals', body(i)) : viaSecond(body(i)))))));
      }
      assert.ok(
        results.every((r) => r.status === 201),
        JSON.stringify(results.find((r) => r.status !== 201)?.body),
      );
      const seqs = results.map((r) => Number(REGISTRATION_NUMBER_PATTERN.exec(r.body.registrationNumber)![3]));
      assert.equal(new Set(seqs).size, results.length, 'distinct');
      // gapless over the whole year: every number from 1 to the counter is on exactly one card
      const counter = await t.ctx.db.selectFrom('appeal_counters').select('last_value').where('year', '=', 2026).executeTakeFirstOrThrow();
      const all = (await t.ctx.db.selectFrom('appeals').select('sequence_number').where('registration_year', '=', 2026).orderBy('sequence_number').execute()).map((r) => r.sequence_number);
      assert.deepEqual(
        all,
        Array.from({ length: counter.last_value }, (_, i) => i + 1),
      );
    } finally {
      await server2.close();
      await second.close();
    }
  });
});

describe('Idempotency-Key on registration (issue 16, item 5)', () => {
  const keyed = (key: string) => ({ 'idempotency-key': key });
  const appealsOf = async (ids: string[]) => {
    const rows = await t.ctx.db.selectFrom('appeals').select('id').where('id', 'in', ids).execute();
    return rows.length;
  };
  const outboxRows = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('outbox')
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  test('a repeat with the same key answers the first appeal as it was answered and stores nothing', async () => {
    const body = { ...paperApplication, summary: 'Қайталанған сұрау' };
    const first = await registrar('POST', '/api/v1/appeals', body, keyed('desk-0001'));
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const before = { ...(await rowCounts(t.database)), outbox: await outboxRows() };
    // the same body with its properties in another order is the same request
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    for (const again of [body, reordered]) {
      const repeat = await registrar('POST', '/api/v1/appeals', again, keyed('desk-0001'));
      assert.equal(repeat.status, 201, JSON.stringify(repeat.body));
      assert.deepEqual(repeat.body, first.body);
    }
    assert.deepEqual({ ...(await rowCounts(t.database)), outbox: await outboxRows() }, before);
    const events = await registrar('GET', `/api/v1/appeals/${first.body.id}/events`);
    assert.deepEqual(
      events.body.items.map((e: { kind: string }) => e.kind),
      ['registered'],
    );
    const stored = await t.ctx.db.selectFrom('idempotency_keys').selectAll().where('key', '=', 'desk-0001').execute();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.appeal_id, first.body.id);
  });

  test('the same key with another body is refused and stores nothing', async () => {
    const first = await registrar('POST', '/api/v1/appeals', { ...paperApplication, summary: 'Бірінші' }, keyed('desk-0002'));
    assert.equal(first.status, 201);
    const before = await rowCounts(t.database);
    const other = await registrar('POST', '/api/v1/appeals', { ...paperApplication, summary: 'Басқа' }, { ...keyed('desk-0002'), 'accept-language': 'en' });
    assert.equal(other.status, 422, JSON.stringify(other.body));
    assert.equal(other.body.error.code, 'idempotency.keyReused');
    assert.deepEqual(
      other.body.error.fields.map((f: { path: string }) => f.path),
      ['/headers/idempotency-key'],
    );
    assert.match(other.body.error.message, /another request/);
    assert.deepEqual(await rowCounts(t.database), before);
  });

  test('10 concurrent requests with one key register one appeal and all answer it', async () => {
    const before = await rowCounts(t.database);
    const body = { ...paperApplication, summary: 'Бір уақытта он рет' };
    const results = await Promise.all(Array.from({ length: 10 }, () => registrar('POST', '/api/v1/appeals', body, keyed('desk-concurrent'))));
    assert.deepEqual(
      results.map((r) => r.status),
      Array(10).fill(201),
      JSON.stringify(results.find((r) => r.status !== 201)?.body),
    );
    assert.equal(new Set(results.map((r) => r.body.id)).size, 1);
    assert.equal(new Set(results.map((r) => r.body.registrationNumber)).size, 1);
    const after = await rowCounts(t.database);
    assert.equal(after.appeals, before.appeals! + 1);
    assert.equal(after.events, before.events! + 1);
    const counter = await t.ctx.db.selectFrom('appeal_counters').selectAll().where('year', '=', 2026).executeTakeFirstOrThrow();
    const total = await t.ctx.db
      .selectFrom('appeals')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('registration_year', '=', 2026)
      .executeTakeFirstOrThrow();
    assert.equal(counter.last_value, Number(total.n), 'the refused statements gave their numbers back');
  });

  test('a malformed key answers 422 at /headers/idempotency-key and stores nothing', async () => {
    const before = await rowCounts(t.database);
    for (const key of ['x'.repeat(201), 'clé', 'a\tb']) {
      const res = await registrar('POST', '/api/v1/appeals', paperApplication, keyed(key));
      assert.equal(res.status, 422, `${JSON.stringify(key)}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, 'validation');
      assert.deepEqual(withoutMessages(res.body.error).fields, [{ path: '/headers/idempotency-key', code: 'idempotency.keyFormat', message: res.body.error.fields[0].message }]);
      assert.ok(res.body.error.fields[0].message.length > 0);
    }
    assert.deepEqual(await rowCounts(t.database), before);
    const longest = await registrar('POST', '/api/v1/appeals', paperApplication, keyed(`${'~ '.repeat(99)}!!`));
    assert.equal(longest.status, 201, JSON.stringify(longest.body));
  });

  test('without a key each request registers an appeal, as before', async () => {
    const a = await registrar('POST', '/api/v1/appeals', paperApplication);
    const b = await registrar('POST', '/api/v1/appeals', paperApplication);
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.notEqual(a.body.id, b.body.id);
    assert.equal(await appealsOf([a.body.id, b.body.id]), 2);
  });

  test('a key is kept 24 hours: after that it registers anew; keys are per user', async () => {
    const first = await registrar('POST', '/api/v1/appeals', paperApplication, keyed('desk-expiring'));
    assert.equal(first.status, 201);
    const userId = await t.createUser('idem-registrar', (await registrar('GET', '/api/v1/me')).body.organization.code, ['registrar']);
    assert.ok(userId);
    const other = await t.as('idem-registrar');
    const theirs = await other('POST', '/api/v1/appeals', paperApplication, keyed('desk-expiring'));
    assert.equal(theirs.status, 201, JSON.stringify(theirs.body));
    assert.notEqual(theirs.body.id, first.body.id);
    try {
      t.setNow('2026-03-19T10:00:01+05:00');
      const later = await registrar('POST', '/api/v1/appeals', paperApplication, keyed('desk-expiring'));
      assert.equal(later.status, 201, JSON.stringify(later.body));
      assert.notEqual(later.body.id, first.body.id);
      const again = await registrar('POST', '/api/v1/appeals', paperApplication, keyed('desk-expiring'));
      assert.equal(again.body.id, later.body.id);
    } finally {
      t.setNow(DEFAULT_NOW);
    }
  });
});

describe("the applicant's message on registration", () => {
  const messages = async (id: string) => {
    const res = await registrar('GET', `/api/v1/appeals/${id}/messages`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.items as { kind: string; channel: string; recipient: string; subject: string | null; body: string; status: string }[];
  };

  test('an e-mail and an SMS with the numbers and the term, in the language of the appeal', async () => {
    const a = (await registrar('POST', '/api/v1/appeals', { ...paperApplication, summary: 'Хабарлама' })).body;
    const [email, sms] = await messages(a.id);
    assert.deepEqual([email!.kind, email!.channel, email!.recipient, email!.status], ['registered', 'email', 'kuanysh@example.kz', 'pending']);
    assert.ok(email!.subject!.includes(a.registrationNumber), email!.subject!);
    assert.ok(email!.body.includes(`Талон нөмірі: ${a.talonNumber}`), email!.body);
    assert.deepEqual([sms!.kind, sms!.channel, sms!.recipient], ['registered', 'sms', '+77015551234']);
    assert.equal(sms!.body, `Өтінішіңіз тіркелді: № ${a.registrationNumber}, талон № ${a.talonNumber}. Қарау мерзімі: 10.04.2026.`);
  });

  test('a complaint-box appeal sends its talon to the phone given (p.9); an anonymous one sends nothing', async () => {
    const box = (
      await registrar('POST', '/api/v1/appeals', {
        ...paperApplication,
        channel: 'complaintBox',
        language: 'ru',
        summary: 'Из ящика',
        applicant: { kind: 'individual', lastName: 'Петров', firstName: 'Иван', phone: '+7 702 000 11 22' },
      })
    ).body;
    assert.deepEqual(
      (await messages(box.id)).map((m) => [m.kind, m.channel, m.body]),
      [['talon', 'sms', `Талон № ${box.talonNumber}: обращение зарегистрировано 18.03.2026 за № ${box.registrationNumber}. Срок рассмотрения: до 10.04.2026.`]],
    );
    const anonymous = (await registrar('POST', '/api/v1/appeals', { ...paperApplication, documentType: 'report', channel: 'complaintBox', summary: 'Аноним', applicant: undefined, anonymous: true })).body;
    assert.deepEqual(await messages(anonymous.id), []);
  });

  test('registrations stored together each tell their own numbers', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        registrar('POST', '/api/v1/appeals', {
          ...paperApplication,
          summary: `Бірге ${i}`,
          applicant: { kind: 'individual', lastName: 'Бірге', firstName: `N${i}`, phone: `+7 705 000 00 ${String(i).padStart(2, '0')}` },
        }),
      ),
    );
    for (const r of results) {
      const [sms] = await messages(r.body.id);
      assert.ok(sms!.body.includes(`№ ${r.body.registrationNumber}, талон № ${r.body.talonNumber}.`), sms!.body);
    }
  });
});

describe('duplicate check', () => {
  const original = {
    ...paperApplication,
    summary: 'Көшедегі шұңқырларды жөндеу туралы',
    text: 'Абай көшесіндегі жолдағы терең шұңқырларды жөндеуді сұраймын, көліктер бүлінуде.',
    applicant: { ...person, iin: '900520450375', lastName: 'Сапарова', firstName: 'Гүлнар', phone: '+77017770011' },
  };

  test('an earlier appeal of the same applicant with the same text is a candidate; another text is not', async () => {
    const first = await registrar('POST', '/api/v1/appeals', original);
    assert.equal(first.status, 201);

    const check = await registrar('POST', '/api/v1/appeals/duplicate-check', original);
    assert.equal(check.status, 200);
    assert.equal(check.body.items.length, 1);
    assert.equal(check.body.items[0].appealId, first.body.id);
    assert.equal(check.body.items[0].reason, 'sameIin');
    assert.ok(check.body.items[0].score >= 0.9);

    const unrelated = await registrar('POST', '/api/v1/appeals/duplicate-check', {
      ...original,
      summary: 'Балабақшаға кезек',
      text: 'Балама балабақшадан орын беруді сұраймын.',
    });
    assert.deepEqual(unrelated.body.items, []);

    const otherPerson = await registrar('POST', '/api/v1/appeals/duplicate-check', {
      ...original,
      applicant: { kind: 'individual', lastName: 'Басқа', firstName: 'Адам', phone: '+77010000001' },
    });
    assert.deepEqual(otherPerson.body.items, []);

    // Found by name and phone when no IIN is given; registered anyway and marked.
    const copy = await registrar('POST', '/api/v1/appeals', {
      ...original,
      applicant: { kind: 'individual', lastName: 'сапарова', firstName: 'Гүлнар', phone: '8 (701) 777-00-11' },
    });
    assert.equal(copy.status, 201);
    assert.equal(copy.body.duplicateCandidate, true);
    assert.equal(copy.body.duplicateCandidates[0].appealId, first.body.id);
    assert.equal(copy.body.duplicateCandidates[0].reason, 'sameNameAndPhone');

    // paged like every list: both earlier appeals are candidates now, most similar first
    const all = await registrar('POST', '/api/v1/appeals/duplicate-check', original);
    assert.equal(all.body.total, 2);
    const second = await registrar('POST', '/api/v1/appeals/duplicate-check?limit=1&offset=1', original);
    assert.deepEqual([second.body.items.length, second.body.total], [1, 2]);
    assert.equal(second.body.items[0].appealId, all.body.items[1].appealId);
    assert.equal((await registrar('POST', '/api/v1/appeals/duplicate-check?limit=0', original)).status, 400);
  });
});

describe('bad input changes nothing', () => {
  const cases: [string, unknown, number, string][] = [
    ['missing summary', { ...paperApplication, summary: undefined }, 400, '/summary'],
    ['unknown document type', { ...paperApplication, documentType: 'petition' }, 400, '/documentType'],
    ['unknown field', { ...paperApplication, colour: 'red' }, 400, '/colour'],
    ['IIN with a wrong check digit', { ...paperApplication, applicant: { ...person, iin: '870412300415' } }, 422, '/applicant/iin'],
    ['IIN of 11 digits', { ...paperApplication, applicant: { ...person, iin: '87041230041' } }, 400, '/applicant/iin'],
    ['BIN with a wrong check digit', { ...paperApplication, applicant: { kind: 'legalEntity', bin: '050140000657', name: 'X' } }, 422, '/applicant/bin'],
    ['birth date differing from the IIN', { ...paperApplication, applicant: { ...person, birthDate: '1987-04-13' } }, 422, '/applicant/birthDate'],
    ['oral without protocol', { ...paperApplication, form: 'oral' }, 422, '/protocolText'],
    ['oral complaint', { ...paperApplication, documentType: 'complaint', form: 'oral', protocolText: 'x', complainedOrganizationName: 'Y' }, 422, '/form'],
    ['complaint without the body complained about', { ...paperApplication, documentType: 'complaint' }, 422, '/complainedOrganizationId'],
    ['applicant and anonymous', { ...paperApplication, anonymous: true }, 422, '/applicant'],
    ['no applicant at all', { ...paperApplication, applicant: undefined }, 422, '/applicant'],
    ['collective of one', { ...paperApplication, applicant: undefined, applicants: [person] }, 400, '/applicants'],
    ['receipt in the future', { ...paperApplication, receivedAt: '2026-03-19T10:00:00+05:00' }, 422, '/receivedAt'],
    ['issue category not in the directory', { ...paperApplication, issueCategory: 'weather' }, 422, '/issueCategory'],
    ['unknown organization', { ...paperApplication, organizationId: 999999 }, 403, ''],
    ['sub-kind not in the term catalogue', { ...paperApplication, subKind: 'noSuchKind' }, 422, '/subKind'],
    ['sub-kind of another document type', { ...paperApplication, subKind: 'mediaInquiry' }, 422, '/subKind'],
  ];
  for (const [name, body, status, path] of cases) {
    test(name, async () => {
      const before = await rowCounts(t.database);
      const res = await registrar('POST', '/api/v1/appeals', body);
      assert.equal(res.status, status, JSON.stringify(res.body));
      assert.ok(res.body.error.code);
      assert.ok(res.body.error.message);
      if (path) {
        const paths = res.body.error.fields.map((f: { path: string }) => f.path);
        assert.ok(paths.includes(path), `${path} in ${paths}`);
        assert.ok(res.body.error.fields.every((f: { message: string }) => f.message.length > 0));
      }
      assert.deepEqual(await rowCounts(t.database), before);
    });
  }

  test("the server's own refusals — malformed JSON, an empty body, another media type, too large a body — answer in the same shape and language", async () => {
    const { token } = (await (await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'registrar', password: 'demo' }) })).json()) as {
      token: string;
    };
    const send = async (body: string, contentType: string, lang: string) => {
      const res = await fetch(`${t.url}/api/v1/appeals`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'accept-language': lang },
        body,
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const before = await rowCounts(t.database);
    const malformed = await send('{"documentType": "application",', 'application/json', 'ru');
    assert.equal(malformed.status, 400);
    assert.deepEqual(withoutMessages(malformed.body.error), {
      code: 'body.invalidJson',
      message: 'Тело запроса не является корректным JSON',
      fields: [{ path: '/', code: 'body.invalidJson', message: 'Тело запроса не является корректным JSON' }],
    });
    const empty = await send('', 'application/json', 'en');
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.code, 'body.emptyJson');
    assert.equal(empty.body.error.fields[0].path, '/');
    const text = await send('<appeal/>', 'application/xml', 'kk');
    assert.equal(text.status, 415);
    assert.deepEqual(withoutMessages(text.body.error), { code: 'body.unsupportedMediaType', message: 'Сұрау денесінің бұл түрі (Content-Type) қабылданбайды', fields: [] });
    const large = await send(JSON.stringify({ ...paperApplication, text: 'ж'.repeat(1_100_000) }), 'application/json', 'en');
    assert.equal(large.status, 413);
    assert.deepEqual(withoutMessages(large.body.error), { code: 'body.tooLarge', message: 'The request body is too large (at most 2 MB)', fields: [] });
    assert.deepEqual(await rowCounts(t.database), before);
  });

  test('messages follow Accept-Language', async () => {
    const body = { ...paperApplication, applicant: { ...person, iin: '870412300415' } };
    const kk = await registrar('POST', '/api/v1/appeals', body, { 'accept-language': 'kk' });
    const ru = await registrar('POST', '/api/v1/appeals', body, { 'accept-language': 'ru-RU,ru;q=0.9' });
    const en = await registrar('POST', '/api/v1/appeals', body, { 'accept-language': 'en' });
    assert.equal(kk.body.error.fields[0].message, 'ЖСН бақылау разряды сәйкес келмейді');
    assert.equal(ru.body.error.fields[0].message, 'Контрольный разряд ИИН не совпадает');
    assert.equal(en.body.error.fields[0].message, 'The IIN check digit does not match');
    const schemaKk = await registrar('POST', '/api/v1/appeals', { ...paperApplication, summary: undefined }, { 'accept-language': 'kk' });
    assert.equal(schemaKk.body.error.fields[0].message, 'Міндетті өріс');
  });
});

describe('talon', () => {
  test('the PDF carries the numbers and prints Kazakh letters', async () => {
    const a = (await registrar('POST', '/api/v1/appeals', { ...paperApplication, summary: 'Талон сынағы' })).body;
    const res = await registrar('GET', `/api/v1/appeals/${a.id}/talon.pdf`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(res.raw.subarray(0, 5).toString(), '%PDF-');
    const text = await extractPdfText(res.raw);
    assert.ok(text.includes(a.talonNumber), 'talon number');
    assert.ok(text.includes(a.registrationNumber), 'registration number');
    assert.ok(text.includes('Әлібеков'), 'applicant with Kazakh letters');
    assert.ok(text.includes('қабылданатын болады'), 'the Kazakh note');
    assert.ok(text.includes('Сүлейменова Г.Ә.'), 'the registrar by surname and initials');
  });
});

describe('access', () => {
  test('no token → 401, unknown route → 404 (before authentication), docs are served', async () => {
    const anon = await fetch(`${t.url}/api/v1/appeals`, { headers: { 'accept-language': 'ru' } });
    assert.equal(anon.status, 401);
    assert.deepEqual(withoutMessages(((await anon.json()) as any).error), { code: 'unauthorized', message: 'Требуется вход в систему', fields: [] });
    assert.equal((await registrar('GET', '/api/v1/nothing-here')).status, 404);
    for (const [method, path] of [
      ['GET', '/api/v1/nothing-here'],
      ['DELETE', '/api/v1/appeals'],
      ['POST', '/api/v1/calendar/2026'],
    ]) {
      const unknown = await fetch(`${t.url}${path}`, { method, headers: { 'accept-language': 'kk' } });
      assert.equal(unknown.status, 404, `${method} ${path}`);
      assert.deepEqual(withoutMessages(((await unknown.json()) as any).error), { code: 'notFound', message: 'Табылмады', fields: [] });
    }
    const badUrl = await fetch(`${t.url}/api/v1/appeals/%E0%A4%A`, { headers: { 'accept-language': 'en' } });
    assert.equal(badUrl.status, 400);
    assert.deepEqual(withoutMessages(((await badUrl.json()) as any).error), { code: 'url.invalid', message: 'The request URL is malformed', fields: [] });
    const docs = await fetch(`${t.url}/api/docs/json`);
    assert.equal(docs.status, 200);
    const doc = (await docs.json()) as any;
    assert.ok(doc.paths['/api/v1/appeals']);
  });

  test('me names the organization and roles', async () => {
    const me = await registrar('GET', '/api/v1/me');
    assert.equal(me.status, 200);
    assert.deepEqual(me.body.roles, ['registrar']);
    assert.equal(me.body.organization.code, 'AKM-BURABAY');
  });

  test('a user of one district cannot read or register for another district', async () => {
    const mine = (await registrar('POST', '/api/v1/appeals', { ...paperApplication, summary: 'Менің ауданым' })).body;
    await t.createUser('zerendi', 'AKM-ZERENDI', ['registrar']);
    const zerendi = await t.as('zerendi');
    assert.equal((await zerendi('GET', `/api/v1/appeals/${mine.id}`)).status, 403);
    assert.equal((await zerendi('GET', `/api/v1/appeals/${mine.id}/talon.pdf`)).status, 403);
    const list = await zerendi('GET', '/api/v1/appeals');
    assert.equal(list.body.total, 0);
    const mineOrg = (await registrar('GET', '/api/v1/me')).body.organization.id;
    const foreign = await zerendi('POST', '/api/v1/appeals', { ...paperApplication, organizationId: mineOrg });
    assert.equal(foreign.status, 403);

    // The oblast control department sees the district below it.
    const controller = await t.as('controller');
    assert.equal((await controller('GET', `/api/v1/appeals/${mine.id}`)).status, 200);
  });

  test('repeated wrong passwords throttle the login (answered like a wrong password) instead of locking it', async () => {
    const tryLogin = (password: string) =>
      fetch(`${t.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'statistician', password }),
      });
    for (let i = 0; i < 5; i++) assert.equal((await tryLogin('wrong')).status, 401);
    const refused = await tryLogin('demo');
    assert.equal(refused.status, 401);
    assert.equal((await refused.json()).error.code, 'auth.invalidCredentials');
    assert.equal(refused.headers.get('retry-after'), '1');
    const now = t.ctx.clock.now();
    t.setNow(new Date(now.getTime() + 1000).toISOString());
    try {
      assert.equal((await tryLogin('demo')).status, 200);
    } finally {
      t.setNow(now.toISOString());
    }
  });

  test("an appeal's events are paged, oldest first", async () => {
    const a = (await registrar('POST', '/api/v1/appeals', { ...paperApplication, summary: 'Оқиғалар беті' })).body;
    const head = await t.as('head');
    const executor = (await head('GET', '/api/v1/users?role=executor')).body.items[0];
    assert.equal((await head('POST', `/api/v1/appeals/${a.id}/assignments`, { executorId: executor.id })).status, 201);
    const all = await registrar('GET', `/api/v1/appeals/${a.id}/events`);
    assert.deepEqual([all.body.items.map((e: { kind: string }) => e.kind), all.body.total], [['registered', 'assigned'], 2]);
    const first = await registrar('GET', `/api/v1/appeals/${a.id}/events?limit=1`);
    assert.deepEqual([first.body.items.map((e: { kind: string }) => e.kind), first.body.total], [['registered'], 2]);
    const next = await registrar('GET', `/api/v1/appeals/${a.id}/events?limit=1&offset=1`);
    assert.deepEqual([next.body.items.map((e: { kind: string }) => e.kind), next.body.total], [['assigned'], 2]);
    assert.equal((await registrar('GET', `/api/v1/appeals/${a.id}/events?limit=1001`)).status, 400);
  });

  test('lists are scoped and paged', async () => {
    const page = await registrar('GET', '/api/v1/appeals?limit=2&offset=0&documentType=application');
    assert.equal(page.status, 200);
    assert.equal(page.body.items.length, 2);
    assert.ok(page.body.total > 2);
    const users = await registrar('GET', '/api/v1/users?role=executor');
    assert.equal(users.status, 200);
    assert.ok(users.body.items.every((u: { roles: string[] }) => u.roles.includes('executor')));
    const orgs = await registrar('GET', '/api/v1/organizations?root=true');
    assert.ok(orgs.body.total >= 60);
    // those I act for: my akimat and what is below it, found in SQL
    const me = (await registrar('GET', '/api/v1/me')).body;
    const mine = await registrar('GET', '/api/v1/organizations?mine=true&limit=1000');
    const all = await registrar('GET', '/api/v1/organizations?limit=1000');
    assert.ok(mine.body.items.some((o: { id: number }) => o.id === me.organization.id));
    assert.ok(mine.body.total > 1 && mine.body.total < all.body.total, `${mine.body.total} of ${all.body.total}`);
    const ids = new Set(mine.body.items.map((o: { id: number }) => o.id));
    assert.ok(mine.body.items.every((o: { parentId: number | null; id: number }) => o.id === me.organization.id || ids.has(o.parentId!)));
    const named = await registrar('GET', `/api/v1/organizations?mine=true&q=${encodeURIComponent('AKM-AKIMAT')}`);
    assert.equal(named.body.total, 0);
    const one = await registrar('GET', `/api/v1/organizations?id=${me.organization.id}`);
    assert.deepEqual(
      one.body.items.map((o: { code: string }) => o.code),
      [me.organization.code],
    );
  });
});
