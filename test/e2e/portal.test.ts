// End to end, in the machine's Chromium: the citizen portal (issue 14; EA-03) served at / by the
// real server, at a phone's width (360 px) and at 1280 px. The applicant signs in with a one-time
// code — read from the SMS the outbox delivers to an SMS gateway double, or from the e-mail it
// delivers to an SMTP peer — files an appeal with an
// attachment, sees its card and downloads the talon; anyone follows the appeal by its number and
// talon without signing in; the open statistics; the head's hearing notice appears on the card
// once signed, and the applicant objects to it; the staff workspace answers under /staff. axe
// finds no serious or critical violation on any portal page, nothing is wider than the screen.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { join } from 'node:path';
import { axe, base, newPage, noOverflow, ROOT, shot, SKIP, startSystem, stopSystem } from './support.ts';

const SHOTS = join(ROOT, 'test-results/screenshots/portal');
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The SMS gateway double: what the outbox delivered, by phone. */
const sms: { to: string; text: string }[] = [];
let gateway: Server;

async function codeSentTo(phone: string): Promise<string> {
  // the worker delivers the outbox every 10 s
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = sms.filter((m) => m.to === phone && /\d{6}/.test(m.text)).pop();
    if (found) return /(\d{6})/.exec(found.text)![1]!;
    assert.ok(Date.now() < deadline, `no code reached ${phone}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The SMTP peer: the mails the outbox delivered. */
const mails: { to: string[]; raw: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
      callback();
    });
  },
});

async function codeMailedTo(email: string): Promise<string> {
  // the worker delivers the outbox every 10 s
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = mails.filter((m) => m.to.includes(email)).pop();
    if (found) return /sign-in code: (\d{6})/.exec(found.raw.replace(/=\r?\n/g, ''))![1]!;
    assert.ok(Date.now() < deadline, `no code reached ${email}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A staff member's API session (the staff's side of the steps is tested in its own browser tests). */
async function staff(login: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'demo' }) });
  const { token } = (await res.json()) as { token: string };
  return {
    token,
    call: async (method: string, path: string, body?: unknown) => {
      const r = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
      return { status: r.status, body: await r.json() };
    },
  };
}

before(async () => {
  if (SKIP) return;
  gateway = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      sms.push(JSON.parse(body));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((ok) => gateway.listen(0, '127.0.0.1', ok));
  const port = (gateway.address() as { port: number }).port;
  await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', ok));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  await startSystem(SHOTS, 'e2e-portal-server.log', false, { SMS_GATEWAY_URL: `http://127.0.0.1:${port}/sms`, SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
});
after(async () => {
  if (SKIP) return;
  await stopSystem();
  gateway.close();
  await new Promise<void>((ok) => smtp.close(() => ok()));
});

describe('the citizen portal in the browser (issue 14)', { skip: SKIP }, () => {
  for (const [name, viewport, phone] of [
    ['phone', PHONE, '+77017770001'],
    ['desktop', DESKTOP, '+77017770002'],
  ] as const) {
    test(`${name} (${viewport.width} px): sign in with a code, file an appeal with an attachment, get the talon, follow it without sign-in`, async () => {
      const page = await newPage('kk', viewport);
      await page.goto(`${base}/`);
      await page.getByRole('heading', { level: 1, name: 'Мемлекеттік органға өтініш' }).waitFor();
      await axe(page, `${name}: home`);
      await noOverflow(page, `${name}: home`);
      await shot(page, `${name}-home`);

      // sign in with the code the SMS brought
      await page.getByRole('navigation').getByRole('link', { name: 'Кіру' }).click();
      await page.fill('input[name=phone]', phone);
      await page.getByRole('button', { name: 'Код жіберу' }).click();
      await page.locator('input[name=code]').waitFor();
      await axe(page, `${name}: code`);
      await page.fill('input[name=code]', await codeSentTo(phone));
      await page.getByRole('button', { name: 'Кіру', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Менің өтініштерім' }).waitFor();
      await axe(page, `${name}: my appeals`);

      // file an appeal with an attachment
      await page.getByRole('navigation').getByRole('link', { name: 'Өтініш беру' }).click();
      await page.fill('input[name=orgSearch]', 'AKM-BURABAY');
      await page.locator('select[name=organizationId] option:nth-child(2)').waitFor({ state: 'attached' });
      await page.selectOption('select[name=organizationId]', { index: 1 });
      await page.locator('select[name=issueCategory] option[value=land]').waitFor({ state: 'attached' });
      await page.selectOption('select[name=issueCategory]', 'land');
      await page.fill('input[name=lastName]', 'Порталова');
      await page.fill('input[name=firstName]', 'Айгерім');
      await page.fill('input[name=summary]', `Аулада жарық жоқ (${name})`);
      await page.fill('textarea[name=text]', 'Кешке аулада шам жанбайды, балалар қараңғыда жүреді.');
      await page.setInputFiles('input[name=files]', { name: 'сурет.pdf', mimeType: 'application/pdf', buffer: PDF });
      await axe(page, `${name}: new appeal`);
      await noOverflow(page, `${name}: new appeal`);
      await shot(page, `${name}-new`);
      await page.getByRole('button', { name: 'Жіберу' }).click();

      // the card: the number, the status, the timeline from the event log, the file, the talon
      const heading = page.getByTestId('appeal-number');
      await heading.waitFor();
      const number = (await heading.textContent())!.replace('№', '').trim();
      assert.match(number, /^ЖТ-2026-\d{8}$/);
      await page.getByTestId('timeline').getByText('Өтініш тіркелді').waitFor();
      await page.getByRole('button', { name: 'сурет.pdf' }).waitFor();
      await axe(page, `${name}: card`);
      await noOverflow(page, `${name}: card`);
      await shot(page, `${name}-card`);
      const talonButton = page.getByTestId('talon');
      const talon = /№ (\S+)\)/.exec((await talonButton.textContent())!)![1]!;
      const download = page.waitForEvent('download');
      await talonButton.click();
      assert.equal((await download).suggestedFilename(), `talon-${talon}.pdf`);

      // anyone follows it by the number and the talon, without signing in
      const visitor = await newPage('ru', viewport);
      await visitor.goto(`${base}/`);
      await visitor.selectOption('[data-testid=lang]', 'ru');
      await visitor.getByRole('heading', { level: 1, name: 'Обращение в государственный орган' }).waitFor();
      await visitor.fill('input[name=registrationNumber]', number);
      await visitor.fill('input[name=talonNumber]', talon);
      await visitor.getByRole('button', { name: 'Проверить' }).click();
      await visitor.getByTestId('status').getByText('Зарегистрировано').waitFor();
      await axe(visitor, `${name}: tracked`);
      await shot(visitor, `${name}-tracked`);
      await visitor.fill('input[name=talonNumber]', `${talon}0`);
      await visitor.getByRole('button', { name: 'Проверить' }).click();
      await visitor.getByRole('alert').getByText('Такая пара номера и талона не найдена').waitFor();

      // an anonymous report, after the warning of APPC Art. 88
      await visitor.goto(`${base}/anonymous`);
      await visitor.getByRole('note').waitFor();
      await axe(visitor, `${name}: anonymous report`);
      await noOverflow(visitor, `${name}: anonymous report`);

      // the open statistics
      await visitor.getByRole('navigation').getByRole('link', { name: 'Открытая статистика' }).click();
      await visitor.getByRole('table').first().waitFor();
      await axe(visitor, `${name}: statistics`);
      await noOverflow(visitor, `${name}: statistics`);
      await shot(visitor, `${name}-statistics`);

      // the staff answer with a hearing notice (APPC Art. 73): the applicant sees no letter until
      // the head signs it, then sees it among the signed letters of the card
      const id = /\/my\/([0-9a-f-]{36})/.exec(page.url())![1]!;
      const head = await staff('head');
      const notice = await head.call('POST', `/api/v1/appeals/${id}/decisions`, { code: '4.7', hearingAt: '2026-03-27T11:00:00+05:00', place: 'Щучинск, Абылай хан 22, 3-кабинет' });
      assert.equal(notice.status, 201, JSON.stringify(notice.body));
      await page.reload();
      await page.getByTestId('timeline').waitFor();
      assert.equal(await page.getByTestId('letters').count(), 0, 'an unsigned letter is not shown to the applicant');
      const [letter] = (await head.call('GET', `/api/v1/appeals/${id}/letters`)).body.items;
      const key = Buffer.from(await (await fetch(`${base}/api/v1/me/demo-key.p12`, { headers: { authorization: `Bearer ${head.token}` } })).arrayBuffer());
      const signed = await head.call('POST', `/api/v1/appeals/${id}/letters/${letter.id}/sign`, { pkcs12: key.toString('base64'), password: 'demo' });
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      await page.reload();
      await page.getByTestId('letters').getByText(`№ ${letter.number}`).waitFor();
      await page.getByTestId('timeline').getByText('Сізге хат жіберілді').waitFor();
      await axe(page, `${name}: the signed answer`);
      await noOverflow(page, `${name}: the signed answer`);
      await shot(page, `${name}-answer`);

      // object to the hearing notice within its window, in the browser
      const objection = page.getByRole('form', { name: 'Алдын ала шешімге қарсылық білдіру' });
      await objection.getByRole('textbox').fill('Алдын ала шешімге қарсымын: құжаттар толық.');
      await axe(page, `${name}: objection`);
      await objection.getByRole('button', { name: 'Алдын ала шешімге қарсылық білдіру' }).click();
      await page.getByTestId('timeline').getByText('Сіз қарсылық білдірдіңіз').waitFor();
      assert.equal(await objection.getByRole('textbox').inputValue(), '', 'the form is emptied once sent');
      const events = (await head.call('GET', `/api/v1/appeals/${id}/events`)).body.items as { kind: string; changes: { text?: string } }[];
      assert.equal(events.find((e) => e.kind === 'applicantObjected')?.changes.text, 'Алдын ала шешімге қарсымын: құжаттар толық.', 'recorded on the appeal for the executor');
      await axe(page, `${name}: objected`);
      await noOverflow(page, `${name}: objected`);
      await shot(page, `${name}-objected`);
    });
  }

  test('sign in with a code sent by e-mail (360 px); the sign-in screen offers SMS or e-mail in kk, ru and en', async () => {
    for (const [lang, sms, email, send] of [
      ['kk', 'SMS (ұялы телефон)', 'Электрондық пошта', 'Код жіберу'],
      ['ru', 'SMS (мобильный телефон)', 'Электронная почта', 'Отправить код'],
    ] as const) {
      const page = await newPage(lang, PHONE);
      await page.goto(`${base}/sign-in`);
      await page.selectOption('[data-testid=lang]', lang);
      await page.getByRole('radio', { name: sms }).waitFor();
      await page.getByRole('radio', { name: email }).check();
      await page.locator('input[name=email]').waitFor();
      await page.getByRole('button', { name: send }).waitFor();
      await axe(page, `${lang}: sign-in by e-mail`);
      await noOverflow(page, `${lang}: sign-in by e-mail`);
    }
    const page = await newPage('en', PHONE);
    await page.goto(`${base}/sign-in`);
    await page.selectOption('[data-testid=lang]', 'en');
    await page.getByRole('radio', { name: 'E-mail' }).check();
    await page.getByRole('textbox', { name: 'E-mail address' }).fill('aigerim.portal@example.kz');
    await shot(page, 'phone-sign-in-email');
    await page.getByRole('button', { name: 'Send a code' }).click();
    await page.getByRole('status').getByText('A code was sent to ai•••@example.kz').waitFor();
    await axe(page, 'en: code from the e-mail');
    await page.getByRole('textbox', { name: 'Code from the e-mail' }).fill(await codeMailedTo('aigerim.portal@example.kz'));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'My appeals' }).waitFor();
    await axe(page, 'en: my appeals after an e-mail code');
  });

  test('the staff workspace answers under /staff', async () => {
    const page = await newPage('kk');
    await page.goto(`${base}/staff/`);
    await page.locator('input[name=login]').waitFor();
    assert.match(page.url(), /\/staff\/login/);
  });
});
