// End to end, in the machine's Chromium: the portal's reception booking (EA-04; PR-05, PR-17) and
// the contact centre's chat (EA-05), at a phone's width (360 px) and at 1280 px. Reception staff
// plan a session through the API; the applicant signs in with a code, finds the session in the
// published schedule, books it with a question and sees it among their appeals; a visitor opens
// the chat (loaded on demand), writes, and the operator reads it through the API and answers over
// the socket. axe finds no serious or critical violation; nothing is wider than the screen.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import WebSocket from 'ws';
import { axe, base, newPage, noOverflow, ROOT, shot, SKIP, startSystem, stopSystem } from './support.ts';

const SHOTS = join(ROOT, 'test-results/screenshots/portal-services');
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

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

async function staff(login: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'demo' }) });
  const { token } = await res.json();
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
  await startSystem(SHOTS, 'e2e-portal-services-server.log', false, { SMS_GATEWAY_URL: `http://127.0.0.1:${port}/sms` });
  // reception staff plan a session of the district akim (PR-16, PR-17)
  const reception = await staff('reception');
  const official = await reception.call('POST', '/api/v1/reception/officials', { fullName: 'Сейітов Арман Болатұлы', positionKk: 'Аудан әкімі', positionRu: 'Аким района', kind: 'akim' });
  assert.equal(official.status, 201, JSON.stringify(official.body));
  const session = await reception.call('POST', '/api/v1/reception/sessions', {
    officialId: official.body.id,
    startsAt: '2026-04-14T10:00:00+05:00',
    endsAt: '2026-04-14T13:00:00+05:00',
    place: 'Щучинск, Абылай хан к-сі, 34, 105 каб.',
    format: 'inPerson',
    occasion: 'scheduled',
  });
  assert.equal(session.status, 201, JSON.stringify(session.body));
});
after(async () => {
  if (SKIP) return;
  await stopSystem();
  gateway.close();
});

describe('reception booking and the chat on the portal (EA-04, EA-05)', { skip: SKIP }, () => {
  for (const [name, viewport, phone] of [
    ['phone', PHONE, '+77017770101'],
    ['desktop', DESKTOP, '+77017770102'],
  ] as const) {
    test(`${name} (${viewport.width} px): EA-04, PR-05: the published schedule, sign in with a code, book a session with a question, see it among my appeals`, async () => {
      const page = await newPage('kk', viewport);
      await page.goto(`${base}/reception`);
      await page.getByRole('heading', { level: 1, name: 'Басшылардың жеке қабылдауы' }).waitFor();
      await page.getByTestId('schedule').getByText('Сейітов Арман Болатұлы, Аудан әкімі').first().waitFor();
      await axe(page, `${name}: reception schedule`);
      await noOverflow(page, `${name}: reception schedule`);
      await page
        .getByRole('button', { name: /^Таңдау: Сейітов/ })
        .first()
        .click();
      await page.getByRole('link', { name: 'Жазылу үшін кіріңіз' }).click();
      await page.fill('input[name=phone]', phone);
      await page.getByRole('button', { name: 'Код жіберу' }).click();
      await page.locator('input[name=code]').waitFor();
      await page.fill('input[name=code]', await codeSentTo(phone));
      await page.getByRole('button', { name: 'Кіру', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Басшылардың жеке қабылдауы' }).waitFor();

      // in Russian the schedule names the position in Russian
      await page.selectOption('[data-testid=lang]', 'ru');
      await page.getByTestId('schedule').getByText('Сейітов Арман Болатұлы, Аким района').first().waitFor();
      await page
        .getByRole('button', { name: /^Выбрать: Сейітов/ })
        .first()
        .click();
      await page.getByTestId('chosen').waitFor();
      await page.fill('input[name=lastName]', 'Қабылдаева');
      await page.fill('input[name=firstName]', 'Гүлмира');
      await page.fill('textarea[name=question]', `Жер учаскесін беру мәселесі (${name})`);
      await page.selectOption('select[name=language]', 'ru');
      await axe(page, `${name}: reception booking`);
      await noOverflow(page, `${name}: reception booking`);
      await shot(page, `${name}-reception-booking`);
      await page.getByRole('button', { name: 'Записаться на приём' }).click();
      const booked = page.getByTestId('booked');
      await booked.waitFor();
      const number = /№ (\S+)\./.exec((await booked.textContent())!)![1]!;

      // among my appeals, with its status; the card tells the sign-up
      await page.getByRole('navigation').getByRole('link', { name: 'Мои обращения' }).click();
      await page.getByRole('link', { name: new RegExp(number) }).click();
      await page.getByTestId('timeline').getByText('Вы записаны на личный приём').waitFor();
      await page.getByTestId('timeline').getByText('Вы выбрали день приёма').waitFor();
      await axe(page, `${name}: reception card`);
      await noOverflow(page, `${name}: reception card`);
    });
  }

  test('EA-05: the chat loads on demand; the caller writes, the operator sees it through the API and answers over the socket', async () => {
    const page = await newPage('kk', PHONE);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`${base}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.ok(!scripts.some((s) => /chat/i.test(s)), 'the chat is not in the first load');
    await page.getByTestId('chat-open').click();
    const chat = page.getByTestId('chat');
    await chat.waitFor();
    await page.fill('input[name=chatOrgSearch]', 'AKM-BURABAY');
    // the operator's district, once the search has found it
    const found = await fetch(`${base}/api/v1/public/organizations?q=AKM-BURABAY`).then((r) => r.json());
    const district = String(found.items.find((o: { code: string }) => o.code === 'AKM-BURABAY').id);
    await page.locator(`select[name=chatOrganization] option[value="${district}"]`).waitFor({ state: 'attached' });
    await page.selectOption('select[name=chatOrganization]', district);
    await axe(page, 'phone: chat');
    await page.getByRole('button', { name: 'Чатты бастау' }).click();
    await page.getByRole('textbox', { name: 'Хабарлама' }).fill('Сәлеметсіз бе! Жарық қашан қосылады?');
    await page.getByRole('button', { name: 'Жіберу' }).click();
    await page.getByTestId('chat-log').getByText('Жарық қашан қосылады?').waitFor();

    const operator = await staff('operator');
    const waiting = await operator.call('GET', '/api/v1/contact-centre/chats');
    const contact = waiting.body.items.find((c: { lastMessage: string }) => c.lastMessage?.includes('Жарық қашан қосылады?'));
    assert.ok(contact, JSON.stringify(waiting.body));
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/v1/contact-centre/chats/${contact.id}/socket`, { headers: { authorization: `Bearer ${operator.token}` } });
    await new Promise((ok, fail) => {
      ws.once('open', ok);
      ws.once('error', fail);
    });
    ws.send(JSON.stringify({ text: 'Бүгін кешке дейін қосылады.' }));
    await page.getByTestId('chat-log').getByText('Бүгін кешке дейін қосылады.').waitFor();
    await noOverflow(page, 'phone: chat');
    await shot(page, 'phone-chat');
    ws.close();
  });
});
