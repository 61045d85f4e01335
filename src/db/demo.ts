// Demo mode only: the demo users (password "demo"), the local registry of persons and companies,
// and a few appeals so the queues are not empty. Idempotent.
import { randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import { hashPassword } from '../access/auth.ts';
import type { Actor } from '../access/actor.ts';
import { scopeOrganizationOf } from '../access/scope.ts';
import type { Role } from '../domain/vocabulary.ts';
import type { IndividualInput, LegalEntityInput, RegistrationInput } from '../domain/registration.ts';
import { registerAppeal } from '../intake/register.ts';
import { createDemoCa, issueDemoCertificate } from '../letters/demo-pki.ts';
import { registerCertificate } from '../access/certificates.ts';
import { DEMO_ORGANIZATION_CODES } from './reference/organizations.ts';
import { DEMO_COMPANIES, DEMO_PERSONS, type DemoAddress } from './reference/demo-registry.ts';
import { HISTORY_DAYS, seedDemoHistory } from './demo-history.ts';

const { district, control, stats, oblastAkimat } = DEMO_ORGANIZATION_CODES;

export const DEMO_USERS: { login: string; fullName: string; position: string; organization: string; roles?: Role[] }[] = [
  { login: 'registrar', fullName: 'Сүлейменова Гүлнұр Әбдіқадірқызы', position: 'Құжаттамалық қамтамасыз ету бөлімінің бас маманы', organization: district },
  { login: 'executor', fullName: 'Омаров Дәурен Болатұлы', position: 'Тұрғын үй-коммуналдық шаруашылық бөлімінің бас маманы', organization: district },
  { login: 'head', fullName: 'Қасымов Нұрлан Жақсылықұлы', position: 'Аудан әкімінің орынбасары', organization: district },
  // a head of a structural unit: files the organization's correction petitions, which the head decides (p.27)
  { login: 'unithead', fullName: 'Байжанова Сәуле Ерболқызы', position: 'Тұрғын үй-коммуналдық шаруашылық бөлімінің басшысы', organization: district, roles: ['head'] },
  { login: 'reception', fullName: 'Бекова Әйгерім Сәкенқызы', position: 'Қоғамдық қабылдау бөлмесінің маманы', organization: district },
  { login: 'operator', fullName: 'Ким Виктория Сергеевна', position: 'Байланыс орталығының операторы', organization: district },
  { login: 'controller', fullName: 'Тоқтарова Ләззат Маратқызы', position: 'Өтініштерді қарауды бақылау бөлімінің басшысы', organization: control },
  { login: 'statistician', fullName: 'Ахметжанов Ержан Қайратұлы', position: 'Құқықтық статистика басқармасының прокуроры', organization: stats },
  { login: 'admin', fullName: 'Жүйе әкімшісі', position: 'Әкімші', organization: oblastAkimat },
];

/** The demo users who sign letters, reports and exports. */
const DEMO_SIGNERS = ['head', 'statistician'];

/** history: a few months of an office's life (src/db/demo-history.ts), for `npm start`; off in tests. */
export async function seedDemo(ctx: Context, options: { appeals?: boolean; history?: boolean } = {}): Promise<void> {
  const { db } = ctx;
  const orgs = new Map((await db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
  const existing = new Set((await db.selectFrom('users').select('login').execute()).map((u) => u.login));
  const missing = DEMO_USERS.filter((u) => !existing.has(u.login));
  if (missing.length > 0) {
    const hash = await hashPassword('demo');
    await db
      .insertInto('users')
      .values(
        missing.map((u) => ({
          login: u.login,
          password_hash: hash,
          full_name: u.fullName,
          position: u.position,
          organization_id: orgs.get(u.organization)!,
          roles: u.roles ?? [u.login as Role],
          email: `${u.login}@demo.joldanym.kz`,
          phone: null,
          demo: true,
        })),
      )
      .execute();
  }

  await db
    .insertInto('registry_persons')
    .values(DEMO_PERSONS.map((p) => ({ iin: p.iin, data: JSON.stringify(personInput(p)) })))
    .onConflict((c) => c.doNothing())
    .execute();
  await db
    .insertInto('registry_companies')
    .values(DEMO_COMPANIES.map((c) => ({ bin: c.bin, data: JSON.stringify(companyInput(c)) })))
    .onConflict((c) => c.doNothing())
    .execute();

  // The district akimat's address and phone appear on its talons.
  await db.updateTable('organizations').set({ address: 'Ақмола облысы, Бурабай ауданы, Щучинск қ., Абылай хан к-сі, 22', phone: '+7 (71636) 4-12-34' }).where('code', '=', district).where('address', 'is', null).execute();

  // the history signs letters months back: its keys are valid from before it
  await seedDemoKeys(ctx, options.history ? HISTORY_DAYS : 0);
  // the history goes only into a database without appeals: an older demo database keeps its own
  // (its keys and formed months would refuse what the history backdates)
  const empty = !(await db.selectFrom('appeals').select('id').limit(1).executeTakeFirst());
  if (options.appeals ?? true) await seedDemoAppeals(ctx);
  if (options.history && empty) await seedDemoHistory(ctx, DEMO_PERSONS.map(personInput));
  if (options.history) await seedDemoSignatory(ctx);
}

/** CD-04: the demo control department's head signs its documents (tests designate their own). */
async function seedDemoSignatory(ctx: Context): Promise<void> {
  const head = await ctx.db
    .selectFrom('users as u')
    .select(['u.id', 'u.organization_id'])
    .where('u.login', '=', 'controller')
    .where('u.demo', '=', true)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('control_signatories as s').select('s.id').whereRef('s.organization_id', '=', 'u.organization_id'))))
    .executeTakeFirst();
  if (!head) return;
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('control_signatories')
    .values({
      id: randomUUID(),
      organization_id: head.organization_id,
      user_id: head.id,
      kind: 'head',
      valid_from: `${now.getUTCFullYear() - 1}-01-01`,
      valid_to: null,
      designated_by_name: 'Joldanym demo',
      designated_at: now,
    })
    .execute();
}

/** A demo certificate authority, made anew and trusted at seed time (its key is not kept), and a
 *  PKCS#12 with password "demo" for each demo user who signs, its certificate registered to the
 *  user. Nothing of it is ever committed. A signer without a registered certificate that signs
 *  (a database seeded before the registry) gets a new key. */
async function seedDemoKeys(ctx: Context, backDays: number): Promise<void> {
  const signers = await ctx.db
    .selectFrom('users as u')
    .select(['u.id', 'u.full_name', 'u.email'])
    .where('u.demo', '=', true)
    .where('u.login', 'in', DEMO_SIGNERS)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('user_certificates as c').select('c.id').whereRef('c.user_id', '=', 'u.id').where('c.revoked_at', 'is', null))))
    .execute();
  if (signers.length === 0) return;
  const now = new Date(ctx.clock.now().getTime() - backDays * 86_400_000);
  const ca = await createDemoCa('Joldanym Demo CA', now);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('trusted_certificates').values({ subject: 'CN=Joldanym Demo CA, C=KZ', pem: ca.certificatePem, added_at: now }).execute();
    for (const s of signers) {
      const cert = await issueDemoCertificate(ca, { commonName: s.full_name, ...(s.email ? { email: s.email } : {}) }, 'demo', now);
      await trx
        .insertInto('demo_keys')
        .values({ user_id: s.id, pkcs12: Buffer.from(cert.pkcs12) })
        .onConflict((c) => c.column('user_id').doUpdateSet({ pkcs12: Buffer.from(cert.pkcs12) }))
        .execute();
      await registerCertificate(trx, s.id, cert.certificatePem, null, now);
    }
  });
}

function addressFields(a: DemoAddress) {
  return {
    country: a.country,
    region: a.region.kk,
    ...(a.district ? { district: a.district.kk } : {}),
    settlement: a.settlement.kk,
    street: a.street.kk,
    house: a.house,
    ...(a.flat ? { flat: a.flat } : {}),
  };
}

function personInput(p: (typeof DEMO_PERSONS)[number]): IndividualInput {
  return {
    kind: 'individual',
    iin: p.iin,
    lastName: p.lastName,
    firstName: p.firstName,
    ...(p.middleName ? { middleName: p.middleName } : {}),
    citizenship: p.citizenship,
    birthDate: p.birthDate,
    sex: p.sex,
    nationality: p.nationality,
    address: addressFields(p.address),
    phone: p.mobilePhone,
    ...(p.homePhone ? { phoneOther: p.homePhone } : {}),
    ...(p.email ? { email: p.email } : {}),
    socialStatus: p.socialStatus,
    ...(p.occupation ? { occupation: p.occupation.kk } : {}),
  };
}

function companyInput(c: (typeof DEMO_COMPANIES)[number]): LegalEntityInput {
  return {
    kind: 'legalEntity',
    bin: c.bin,
    name: c.name.kk,
    address: addressFields(c.address),
    businessCategory: c.businessCategory,
    ...(c.phone ? { phone: c.phone } : {}),
    ...(c.email ? { email: c.email } : {}),
  };
}

/** Appeals of the last weeks, registered through the same use case as any other. */
async function seedDemoAppeals(ctx: Context): Promise<void> {
  const any = await ctx.db.selectFrom('appeals').select('id').limit(1).executeTakeFirst();
  if (any) return;
  const user = await ctx.db.selectFrom('users').select(['id', 'login', 'full_name', 'position', 'organization_id', 'roles']).where('login', '=', 'registrar').executeTakeFirstOrThrow();
  const actor: Actor = {
    id: user.id,
    login: user.login,
    fullName: user.full_name,
    position: user.position,
    organizationId: user.organization_id,
    scopeOrganizationId: await scopeOrganizationOf(ctx.db, user.organization_id),
    roles: user.roles as Role[],
  };
  const now = ctx.clock.now().getTime();
  const daysAgo = (d: number, hour = 10) => new Date(now - d * 86_400_000 - (hour - 10) * 3_600_000).toISOString();
  const p = (i: number) => personInput(DEMO_PERSONS[i % DEMO_PERSONS.length]!);
  const samples: RegistrationInput[] = [
    {
      documentType: 'application',
      form: 'paper',
      channel: 'post',
      language: 'kk',
      receivedAt: daysAgo(20),
      issueCategory: 'land',
      summary: 'Жеке тұрғын үй құрылысы үшін жер учаскесін беру туралы',
      text: 'Щучинск қаласында жеке тұрғын үй құрылысы үшін жер учаскесін беруді сұраймын. Кезекте 2019 жылдан бері тұрмын.',
      applicant: p(0),
    },
    {
      documentType: 'complaint',
      form: 'electronic',
      channel: 'egovPortal',
      language: 'ru',
      receivedAt: daysAgo(15),
      issueCategory: 'housing',
      summary: 'Жалоба на отказ в постановке на учет нуждающихся в жилье',
      text: 'Обжалую отказ отдела жилищных отношений в постановке на учет нуждающихся в жилье от 02.02.2026.',
      complainedOrganizationName: 'Бурабай ауданының тұрғын үй қатынастары бөлімі',
      complainedOfficial: 'Бөлім басшысы Серікбаев А.',
      applicant: p(1),
    },
    {
      documentType: 'report',
      form: 'paper',
      channel: 'complaintBox',
      language: 'kk',
      receivedAt: daysAgo(12),
      issueCategory: 'roads',
      summary: 'Абай көшесіндегі жолдың бұзылуы туралы',
      text: 'Абай көшесіндегі жол жөндеуден кейін бір айда бұзылды.',
      anonymous: true,
    },
    {
      documentType: 'inquiry',
      form: 'electronic',
      channel: 'email',
      language: 'ru',
      receivedAt: daysAgo(9),
      issueCategory: 'education',
      summary: 'Запрос о графике работы школьного автобуса',
      text: 'Прошу сообщить график школьного автобуса в село Златополь.',
      applicant: p(2),
    },
    {
      documentType: 'proposal',
      form: 'electronic',
      channel: 'publicPortal',
      language: 'kk',
      receivedAt: daysAgo(7),
      issueCategory: 'ecology',
      summary: 'Бурабай көлінің жағасын абаттандыру туралы ұсыныс',
      text: 'Көл жағасына қоқыс жәшіктерін қосымша орнатуды ұсынамын.',
      applicant: p(3),
    },
    {
      documentType: 'application',
      form: 'oral',
      channel: 'personalReception',
      language: 'kk',
      receivedAt: daysAgo(5),
      issueCategory: 'socialProtection',
      summary: 'Атаулы әлеуметтік көмек тағайындау туралы',
      text: 'Көп балалы отбасына атаулы әлеуметтік көмек тағайындауды сұраймын.',
      protocolText: 'Арыз иесі жеке қабылдауда ауызша жеткізді: көп балалы отбасы, жұмыссыз.',
      applicant: p(4),
    },
    {
      documentType: 'feedback',
      form: 'electronic',
      channel: 'publicPortal',
      language: 'ru',
      receivedAt: daysAgo(3),
      issueCategory: 'publicServices',
      summary: 'Отклик о работе ЦОН Щучинска',
      text: 'Благодарю сотрудников ЦОН за быструю выдачу документов.',
      applicant: p(5),
    },
    {
      documentType: 'application',
      form: 'paper',
      channel: 'inPerson',
      language: 'ru',
      receivedAt: daysAgo(1),
      issueCategory: 'waterSupply',
      summary: 'О подключении дома к водопроводу',
      text: 'Прошу подключить дом по улице Кенесары, 7 к центральному водопроводу.',
      applicant: companyInput(DEMO_COMPANIES[0]!),
    },
  ];
  // Each registered on its day (the clock at its receipt), as the registrar did then: a month whose
  // 1-ТӨ is formed takes no backdated registration (src/domain/corrections.ts).
  for (const s of samples) await registerAppeal({ ...ctx, clock: { now: () => new Date(s.receivedAt!) } }, actor, s);
}
