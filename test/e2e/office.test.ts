// Issue 10 in the browser, what only a screen shows: the desk's defaults follow the role and a
// half-typed appeal is not lost without a warning, queues name organizations (item 10); every kind of
// correction petition is decided by its demo reviewer, with who decides shown (item 6); the bell and
// the inbox with the e-mail preference (item 13). Axe on each screen.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { axe, base, m, newPage, ROOT, shot, signIn, SKIP, startSystem, stopSystem } from './support.ts';

const SHOTS = join(ROOT, 'test-results/screenshots-office');

async function apiAs(login: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'demo' }) });
  assert.equal(res.status, 200, login);
  const { token } = (await res.json()) as { token: string };
  return async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as any };
  };
}

const appeal = (summary: string, iin: string) => ({
  documentType: 'application',
  form: 'paper',
  channel: 'post',
  language: 'kk',
  summary,
  text: `${summary}: толығырақ.`,
  applicant: { kind: 'individual', iin, lastName: 'Тестов', firstName: 'Айдар' },
});

describe('the office in its first week (issue 10, items 6, 10, 13)', { skip: SKIP }, () => {
  before(() => startSystem(SHOTS, 'e2e-office.log'));
  after(stopSystem);

  test('item 10: the desk starts oral at a personal reception for reception, oral to the contact centre for the operator', async () => {
    for (const [login, channel] of [
      ['reception', 'personalReception'],
      ['operator', 'contactCentre'],
      ['registrar', 'post'],
    ] as const) {
      const page = await newPage('en');
      await signIn(page, 'en', login);
      await page.goto(`${base}/staff/desk`);
      await page.locator('#channel option').nth(1).waitFor({ state: 'attached' });
      assert.equal(await page.locator('#form').inputValue(), login === 'registrar' ? 'paper' : 'oral', login);
      assert.equal(await page.locator('#channel').inputValue(), channel, login);
    }
  });

  test('item 10: leaving a half-typed appeal asks; cancelled, the text stays', async () => {
    const page = await newPage('en');
    await signIn(page, 'en', 'registrar');
    await page.goto(`${base}/staff/desk`);
    await page.locator('#summary').fill('Жарты жазылған жолданым');
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByRole('link', { name: m('en', 'nav.queues') }).click();
    assert.deepEqual(asked, [m('en', 'desk.leave')]);
    assert.match(page.url(), /\/desk$/);
    assert.equal(await page.locator('#summary').inputValue(), 'Жарты жазылған жолданым');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('link', { name: m('en', 'nav.queues') }).click();
    await page.waitForURL(/\/staff\/queues\//);
  });

  test('item 10: the queue names the organization; item 13: the bell counts, the inbox lists, the e-mail preference', async () => {
    const [registrar, head, executor] = await Promise.all([apiAs('registrar'), apiAs('head'), apiAs('executor')]);
    const reg = await registrar('POST', '/api/v1/appeals', appeal('Аула жарығы', '751203327816'));
    assert.equal(reg.status, 201, JSON.stringify(reg.body));
    const executorId = (await executor('GET', '/api/v1/me')).body.id;
    assert.equal((await head('POST', `/api/v1/appeals/${reg.body.id}/assignments`, { executorId })).status, 201);

    const page = await newPage('kk');
    await signIn(page, 'kk', 'executor');
    await page.goto(`${base}/staff/queues/all?q=${encodeURIComponent(reg.body.registrationNumber)}`);
    await page.locator('main table').getByText('Бурабай ауданының әкімдігі').first().waitFor(); // not its code
    const unread = (await executor('GET', '/api/v1/inbox')).body.unread as number;
    assert.ok(unread >= 1);
    const bell = page.getByTestId('inbox-bell');
    assert.equal(await bell.getAttribute('aria-label'), m('kk', 'inbox.bell', { n: unread }));
    await bell.click();
    await page.getByRole('heading', { name: m('kk', 'inbox.title') }).waitFor();
    await page.getByTestId('inbox-list').getByText(reg.body.registrationNumber).first().waitFor();
    await axe(page, 'inbox');
    await shot(page, 'inbox-kk');
    await page.getByRole('switch', { name: m('kk', 'inbox.email') }).click();
    await page.waitForFunction(() => !(document.querySelector('[data-testid=inbox-email]') as HTMLInputElement | null)?.checked);
    assert.deepEqual((await executor('GET', '/api/v1/inbox/settings')).body, { email: false });
    await page.getByRole('button', { name: m('kk', 'inbox.markAllRead') }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid=inbox-bell] .mantine-Badge-root'));
    assert.equal((await executor('GET', '/api/v1/inbox')).body.unread, 0);
  });

  test('item 6: each kind of correction petition is decided by its demo reviewer, who decides shown', async () => {
    const [registrar, head, unithead, statistician] = await Promise.all([apiAs('registrar'), apiAs('head'), apiAs('unithead'), apiAs('statistician')]);
    const doc = [{ name: 'анықтама.pdf', content: Buffer.from('%PDF-1.4\nРастайтын құжат').toString('base64') }];
    const petitions: { by: typeof head; reviewer: string; changes: Record<string, unknown>; decidedBy: string }[] = [
      { by: unithead, reviewer: 'head', changes: { channel: 'email' }, decidedBy: 'organization' },
      { by: head, reviewer: 'statistician', changes: { dueDate: '2026-04-20' }, decidedBy: 'authority' },
      { by: statistician, reviewer: 'head', changes: { summary: 'Түзетілген мазмұн' }, decidedBy: 'organization' },
    ];
    const iins = ['820101300007', '900202400002', '850505300001'];
    for (const [i, p] of petitions.entries()) {
      const reg = await registrar('POST', '/api/v1/appeals', appeal(`Түзету ${i + 1}`, iins[i]!));
      assert.equal(reg.status, 201, JSON.stringify(reg.body));
      const filed = await p.by('POST', '/api/v1/corrections', { appealId: reg.body.id, action: 'change', changes: p.changes, reason: 'Қате толтырылған', attachments: doc });
      assert.equal(filed.status, 201, JSON.stringify(filed.body));
      assert.equal(filed.body.decidedBy, p.decidedBy);

      const page = await newPage('ru');
      await signIn(page, 'ru', p.reviewer);
      await page.goto(`${base}/staff/accounting/corrections`);
      const row = page.getByTestId('petition').filter({ hasText: reg.body.registrationNumber });
      await row.waitFor();
      const who = m('ru', p.decidedBy === 'authority' ? 'acc.corrections.decidedByAuthority' : 'acc.corrections.decidedByOrganization');
      await row.getByText(who).waitFor();
      await row.getByTestId('petition-open').click();
      const modal = page.getByTestId('petition-modal');
      await modal.getByText(who).waitFor();
      await axe(page, `petition decided by ${p.decidedBy} (${p.reviewer})`);
      await modal.getByTestId('petition-approve').click();
      await modal.waitFor({ state: 'detached' });
      const decided = await p.by('GET', `/api/v1/corrections/${filed.body.id}`);
      assert.equal(decided.body.status, 'applied', `${p.reviewer} decided petition ${i + 1}`);
      await shot(page, `petition-${i + 1}-decided-ru`);
    }
  });
});
