// Demo mode only (issue 10 item 15): a few months of an office's life, so every screen has something
// true to show — more executors; appeals of the last months answered, overdue and extended;
// receiving officials with sessions and approved schedules, sign-ups; instructions under control
// (one overdue); live knowledge cards and closed contacts of the contact centre. All of it goes
// through the same use cases as a user's request (the one door for appeals), each with the clock
// at its moment, so events, terms and notifications agree with the receipt times. Deterministic:
// the same clock gives the same data. Seeded once (skipped when the extra executors exist).
import type { Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { scopeOrganizationOf } from '../access/scope.ts';
import { hashPassword } from '../access/auth.ts';
import type { Role } from '../domain/vocabulary.ts';
import type { RegistrationInput } from '../domain/registration.ts';
import { registerAppeal } from '../intake/register.ts';
import { assignAppeal } from '../review/assign.ts';
import { takeDecision } from '../review/decide.ts';
import { signLetter } from '../letters/service.ts';
import { lettersOfAppeal } from '../letters/read.ts';
import { addOfficial, approveSchedule, createSession } from '../reception/sessions.ts';
import { registerSignUp, scheduleSignUp } from '../reception/sign-ups.ts';
import { createInstruction } from '../instructions/service.ts';
import { changeCard, createCard } from '../contact-centre/cards.ts';
import { closeContact, openContact } from '../contact-centre/service.ts';
import { DEMO_ORGANIZATION_CODES } from './reference/organizations.ts';

const { district } = DEMO_ORGANIZATION_CODES;
const DAY = 86_400_000;
/** How far back the history reaches (its first appeal is received 95 days ago). */
export const HISTORY_DAYS = 120;

/** The demo users the history adds: more executors of the district akimat. */
export const DEMO_HISTORY_USERS: { login: string; roles: Role[]; fullName: string; position: string; organization: string }[] = [
  { login: 'executor2', roles: ['executor'], fullName: 'Жұмабаева Сәуле Ерланқызы', position: 'Жер қатынастары бөлімінің бас маманы', organization: district },
  { login: 'executor3', roles: ['executor'], fullName: 'Петров Алексей Игоревич', position: 'Білім бөлімінің жетекші маманы', organization: district },
];

type Person = RegistrationInput['applicant'];

async function actorOf(ctx: Context, login: string): Promise<Actor> {
  const u = await ctx.db.selectFrom('users').select(['id', 'login', 'full_name', 'position', 'organization_id', 'roles']).where('login', '=', login).executeTakeFirstOrThrow();
  return {
    id: u.id,
    login: u.login,
    fullName: u.full_name,
    position: u.position,
    organizationId: u.organization_id,
    scopeOrganizationId: await scopeOrganizationOf(ctx.db, u.organization_id),
    roles: u.roles as Role[],
  };
}

export async function seedDemoHistory(ctx: Context, applicants: Person[]): Promise<void> {
  const done = await ctx.db.selectFrom('users').select('id').where('login', '=', DEMO_HISTORY_USERS[0]!.login).executeTakeFirst();
  if (done) return;
  const orgs = new Map((await ctx.db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
  const hash = await hashPassword('demo');
  await ctx.db
    .insertInto('users')
    .values(
      DEMO_HISTORY_USERS.map((u) => ({
        login: u.login,
        password_hash: hash,
        full_name: u.fullName,
        position: u.position,
        organization_id: orgs.get(u.organization)!,
        roles: u.roles,
        email: `${u.login}@demo.joldanym.kz`,
        phone: null,
        demo: true,
      })),
    )
    .execute();

  const now = ctx.clock.now().getTime();
  // a working-day morning (Astana 10:00 = 05:00 UTC) some days back, moved off the weekend
  const at = (daysAgo: number, hour = 10): Date => {
    let t = now - daysAgo * DAY;
    while ([0, 6].includes(new Date(t).getUTCDay())) t -= DAY;
    const d = new Date(t);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour - 5));
  };
  // a working-day moment some days after another (never before it)
  const after = (t: Date, days: number, hour: number): Date => {
    const d = new Date(t.getTime() + days * DAY);
    while ([0, 6].includes(d.getUTCDay())) d.setUTCDate(d.getUTCDate() + 1);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour - 5));
  };
  const when = (t: Date): Context => ({ ...ctx, clock: { now: () => t } });
  const [registrar, head, reception, operator, controller] = await Promise.all(['registrar', 'head', 'reception', 'operator', 'controller'].map((l) => actorOf(ctx, l)));
  const executors = await Promise.all(['executor', ...DEMO_HISTORY_USERS.map((u) => u.login)].map((l) => actorOf(ctx, l)));
  const pkcs12 = (await ctx.db.selectFrom('demo_keys').select('pkcs12').where('user_id', '=', head!.id).executeTakeFirstOrThrow()).pkcs12.toString('base64');

  await appealsOfPastMonths(ctx, { registrar: registrar!, head: head!, executors, pkcs12, applicants, at, after, when });
  const districtId = orgs.get(district)!;
  await receptions({ reception: reception!, head: head!, applicants, at, after, when, now });
  await instructions({ controller: controller!, districtId, at, after, when });
  await contactCentre({ head: head!, operator: operator!, districtId, at, after, when });
}

interface Clocked {
  at(daysAgo: number, hour?: number): Date;
  after(t: Date, days: number, hour: number): Date;
  when(t: Date): Context;
}

const INQUIRIES: [string, string][] = [
  ['Мектеп автобусының кестесі туралы', 'Зеленый Бор ауылына мектеп автобусы қашан жүреді?'],
  ['О графике вывоза мусора', 'Прошу сообщить график вывоза мусора по улице Ауэзова.'],
  ['Балабақшаға кезек туралы', 'Балабақшаға кезектегі нөмірімді білгім келеді.'],
  ['О ремонте уличного освещения', 'Когда будет восстановлено освещение на улице Мира?'],
  ['Жер учаскесінің кадастрлық нөмірі туралы', 'Жер учаскемнің кадастрлық нөмірін растауды сұраймын.'],
  ['О субсидиях на отопление', 'Прошу разъяснить порядок получения жилищной помощи на отопление.'],
];
const APPLICATIONS: [string, string][] = [
  ['Жеке тұрғын үйге жер учаскесін беру туралы', 'Жеке тұрғын үй салу үшін жер учаскесін беруді сұраймын.'],
  ['О выделении места в детском саду', 'Прошу выделить место в детском саду для сына 2021 г.р.'],
  ['Көшені жөндеу туралы', 'Сәтпаев көшесіндегі жолды жөндеуді сұраймын.'],
  ['О подключении к газопроводу', 'Прошу подключить жилой дом по ул. Кенесары, 15 к газопроводу.'],
  ['Әлеуметтік көмек тағайындау туралы', 'Мүгедектігі бар баланы тәрбиелеп отырған отбасына көмек сұраймын.'],
];

/** Inquiries answered on time (the executor's draft, the head's signature), applications left
 *  overdue, applications extended by the head — spread over the last three months and the
 *  executors. */
async function appealsOfPastMonths(ctx: Context, o: Clocked & { registrar: Actor; head: Actor; executors: Actor[]; pkcs12: string; applicants: Person[] }): Promise<void> {
  const register = async (daysAgo: number, documentType: 'inquiry' | 'application', [summary, text]: [string, string], i: number) => {
    const t = o.at(daysAgo, 9 + (i % 6));
    const input: RegistrationInput = {
      documentType,
      form: i % 2 === 0 ? 'electronic' : 'paper',
      channel: i % 2 === 0 ? 'egovPortal' : 'inPerson',
      language: /[әіңғүұқөһ]/i.test(text) ? 'kk' : 'ru',
      receivedAt: t.toISOString(),
      issueCategory: ['education', 'housing', 'land', 'roads', 'utilities', 'socialProtection'][i % 6]!,
      summary,
      text,
      applicant: o.applicants[i % o.applicants.length]!,
    };
    const id = await registerAppeal(o.when(t), o.registrar, input);
    const executor = o.executors[i % o.executors.length]!;
    await assignAppeal(o.when(o.after(t, 1, 11)), o.head, id, { executorId: executor.id });
    return { id, executor, t };
  };
  // answered: the executor drafts the answer, the head signs it a day later
  for (const [i, inquiry] of INQUIRIES.entries()) {
    const daysAgo = 95 - i * 14;
    const { id, executor, t } = await register(daysAgo, 'inquiry', inquiry, i);
    await takeDecision(o.when(o.after(t, 5, 15)), executor, id, { code: '4.25', text: 'Сұрағыңыз бойынша түсініктеме берілді: толығы жауап хатта.' });
    const signAt = o.when(o.after(t, 6, 12));
    for (const l of (await lettersOfAppeal(signAt, o.head, id)).filter((x) => x.letter.signed_at === null)) await signLetter(signAt, o.head, id, l.letter.id, { pkcs12: o.pkcs12, password: 'demo' });
  }
  // waiting for the head: the executor's draft answer, with a text long enough to need its room
  {
    const { id, executor, t } = await register(6, 'inquiry', ['Аулаға балалар алаңын салу туралы', 'Біздің аулаға балалар ойын алаңын салу жоспарланған ба?'], 7);
    await takeDecision(o.when(o.after(t, 2, 15)), executor, id, {
      code: '4.25',
      text: 'Сіздің ауланызға балалар ойын алаңын салу келесі жылғы абаттандыру бағдарламасына енгізілді. Жұмыстар мамыр айында басталады; мердігер конкурс қорытындысы бойынша анықталады.',
    });
  }
  // overdue: applications of five to seven weeks ago nobody has decided
  for (const [i, application] of APPLICATIONS.slice(0, 2).entries()) await register(50 - i * 8, 'application', application, i + 10);
  // extended: the head extends the term (APPC Art. 76 p.3) because other bodies were asked
  for (const [i, application] of APPLICATIONS.slice(2).entries()) {
    const daysAgo = 20 - i * 3;
    const { id, t } = await register(daysAgo, 'application', application, i + 20);
    const row = await ctx.db.selectFrom('appeals').select('due_date').where('id', '=', id).executeTakeFirstOrThrow();
    const due = new Date(`${row.due_date}T00:00:00Z`).getTime();
    await takeDecision(o.when(o.after(t, 4, 16)), o.head, id, {
      code: '4.14',
      newDueDate: new Date(due + 21 * DAY).toISOString().slice(0, 10),
      reason: 'Басқа мемлекеттік органдардан ақпарат сұралды',
    });
  }
}

/** Receiving officials, last month's schedule approved and held, this month's planned and approved, sign-ups. */
async function receptions(o: Clocked & { reception: Actor; head: Actor; applicants: Person[]; now: number }): Promise<void> {
  const setUp = o.when(o.at(45));
  const akim = await addOfficial(setUp, o.reception, { fullName: 'Мұхамедиев Ерлан Бекұлы', positionKk: 'Бурабай ауданының әкімі', positionRu: 'Аким Бурабайского района', kind: 'akim' });
  const deputy = await addOfficial(setUp, o.reception, {
    fullName: 'Қасымов Нұрлан Жақсылықұлы',
    positionKk: 'Аудан әкімінің орынбасары',
    positionRu: 'Заместитель акима района',
    kind: 'akim',
  });
  const month = (t: number) => new Date(t).toISOString().slice(0, 7);
  const lastMonth = new Date(o.now);
  lastMonth.setUTCDate(1);
  lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
  const place = 'Щучинск, Абылай хан к-сі, 22, 105 каб.';
  const sessionOn = async (c: Context, officialId: string, day: Date) => {
    const starts = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 5));
    return createSession(c, o.reception, { officialId, startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 2 * 3_600_000).toISOString(), place, format: 'inPerson', occasion: 'scheduled' });
  };
  // last month: planned at its start, approved by the head
  for (const [i, official] of [akim, deputy, akim].entries()) {
    const day = new Date(lastMonth.getTime() + (5 + i * 7) * DAY);
    while ([0, 6].includes(day.getUTCDay())) day.setUTCDate(day.getUTCDate() + 1);
    await sessionOn(setUp, official.id, day);
  }
  await approveSchedule(setUp, o.head, { month: month(lastMonth.getTime()) });
  // this month: planned a week ago, the sessions still to come, approved
  const planned = o.when(o.at(7));
  const upcoming = [];
  for (const [i, official] of [deputy, akim].entries()) {
    const day = new Date(o.now + (2 + i * 5) * DAY);
    while ([0, 6].includes(day.getUTCDay())) day.setUTCDate(day.getUTCDate() + 1);
    upcoming.push(await sessionOn(planned, official.id, day));
  }
  for (const m of new Set(upcoming.map((s) => month(new Date(s.starts_at).getTime())))) await approveSchedule(planned, o.head, { month: m });
  // sign-ups: one given the next session, one waiting for a date
  const questions = ['Жер учаскесін беру мерзімі туралы', 'О ремонте подъезда многоквартирного дома'];
  for (const [i, question] of questions.entries()) {
    const t = o.at(3 - i);
    const id = await registerSignUp(o.when(t), o.reception, {
      registration: {
        documentType: 'application',
        form: 'oral',
        channel: 'personalReception',
        language: i === 0 ? 'kk' : 'ru',
        receivedAt: t.toISOString(),
        issueCategory: i === 0 ? 'land' : 'housing',
        summary: question,
        text: question,
        protocolText: question,
        applicant: o.applicants[(i + 3) % o.applicants.length]!,
      },
      reception: { officialId: (i === 0 ? deputy : akim).id, question },
    });
    if (i === 0) await scheduleSignUp(o.when(t), o.reception, id, upcoming[0]!.id);
  }
}

/** Instructions under the controller's control: one past its due date, one due in a fortnight. */
async function instructions(o: Clocked & { controller: Actor; districtId: number }): Promise<void> {
  await createInstruction(o.when(o.at(40)), o.controller, {
    issuer: 'akim',
    text: 'Щучинск қаласындағы көп пәтерлі үйлердің жылу беру дайындығын тексеріп, нәтижесін баяндау.',
    dueDate: o.at(10).toISOString().slice(0, 10),
    appealIds: [],
    executors: [{ organizationId: o.districtId, main: true }],
    basisDocument: 'Облыс әкімінің тапсырмасы № 12-08/145',
  });
  await createInstruction(o.when(o.at(5)), o.controller, {
    issuer: 'higherAkim',
    text: 'Азаматтардың жер учаскелері туралы өтініштерін қарау мерзімдерінің сақталуын талдау.',
    dueDate: new Date(o.at(0).getTime() + 14 * DAY).toISOString().slice(0, 10),
    appealIds: [],
    executors: [{ organizationId: o.districtId, main: true }],
  });
}

/** Two knowledge cards taken through sending, training and the protocol (live), and the operator's closed contacts. */
async function contactCentre(o: Clocked & { head: Actor; operator: Actor; districtId: number }): Promise<void> {
  const made = o.when(o.at(60));
  const cards: { kk: string; ru: string; answerKk: string; answerRu: string }[] = [
    { kk: 'Атаулы әлеуметтік көмек тағайындау', ru: 'Назначение адресной социальной помощи', answerKk: 'Өтінішті eGov порталы немесе ХҚКО арқылы беріңіз.', answerRu: 'Подайте заявление через портал eGov или ЦОН.' },
    { kk: 'Балабақшаға кезекке қою', ru: 'Постановка в очередь в детский сад', answerKk: 'Кезекке eGov порталы арқылы тұрыңыз.', answerRu: 'Встаньте в очередь через портал eGov.' },
  ];
  const ids: string[] = [];
  for (const c of cards) {
    const id = await createCard(made, o.head, {
      serviceKk: c.kk,
      serviceRu: c.ru,
      bylawKk: 'Мемлекеттік қызмет көрсету қағидалары',
      bylawRu: 'Правила оказания государственной услуги',
      bylawApprovedOn: o.at(90).toISOString().slice(0, 10),
      responsibleName: 'Серікова Әсем',
      responsiblePosition: 'Бөлім басшысы',
      providerName: 'Бурабай ауданы әкімдігі',
      answerKk: c.answerKk,
      answerRu: c.answerRu,
    });
    await changeCard(o.when(o.at(50)), o.head, id, { sentOn: o.at(58).toISOString().slice(0, 10), trainedOn: o.at(55).toISOString().slice(0, 10), protocolOn: o.at(52).toISOString().slice(0, 10) });
    ids.push(id);
  }
  for (let i = 0; i < 4; i++) {
    const t = o.when(o.at(20 - i * 4, 11));
    const contact = await openContact(t, o.operator, { channel: 'phone', callerPhone: `+7 701 555 00 0${i}`, language: i % 2 === 0 ? 'kk' : 'ru', concernsOrganizationId: o.districtId });
    await closeContact(t, o.operator, contact, { outcome: 'consultation', knowledgeCardId: ids[i % ids.length]!, language: i % 2 === 0 ? 'kk' : 'ru' });
  }
}
