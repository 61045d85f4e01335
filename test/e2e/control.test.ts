// End to end, in the machine's Chromium, on the demo system (test/e2e/support.ts): the control
// department (issue 12). An answered appeal is prepared through the API; the controller opens the
// dashboard of the territory, returns the answer for rework with a remark and a due date (the
// returns table then counts it; the executor reads the remark on the appeal's timeline), records
// an instruction under control, opens the violations, the checks and the content analysis, and
// from a territory opens the list of its appeals; on the map of problems a district opens its
// appeals. axe finds no serious or critical violation on these screens; screenshots go to test-results/screenshots-control/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { MessageKey } from '../../web/src/i18n/messages.ts';
import { composeIin } from '../../src/domain/identifiers.ts';
import { axe, base, m, newPage, pickOption, ROOT, shot, signIn, SKIP, startSystem, stopSystem, switchLanguage, type Lang } from './support.ts';

const SHOTS = join(ROOT, 'test-results/screenshots-control');
/** Where the staff app lives under the server: every URL of this test starts here. */
const STAFF = '/staff';
const staffUrl = (path: string) => `${base}${STAFF}${path}`;

async function apiAs(login: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'demo' }) });
  const { token } = (await res.json()) as { token: string };
  return async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // biome-ignore lint/suspicious/noExplicitAny: the answers of several endpoints, read field by field
    return { status: r.status, body: (await r.json()) as Record<string, any> };
  };
}

async function openScreen(page: Page, lang: Lang, screen: string): Promise<void> {
  await page
    .getByRole('navigation', { name: m(lang, 'nav.control') })
    .getByRole('link', { name: m(lang, `ctl.nav.${screen}` as MessageKey), exact: true })
    .click();
  await page.waitForURL(new RegExp(`${STAFF}/control/${screen}`));
}

async function check(page: Page, screen: string): Promise<void> {
  await axe(page, screen);
  await shot(page, screen);
}

describe('the control department in the browser (issue 12)', { skip: SKIP }, () => {
  let registrationNumber = '';
  let appealId = '';

  before(async () => {
    await startSystem(SHOTS, 'e2e-server-control.log');
    const registrar = await apiAs('registrar');
    const head = await apiAs('head');
    const controller = await apiAs('controller');
    const a = await registrar('POST', '/appeals', {
      documentType: 'application',
      form: 'paper',
      channel: 'post',
      language: 'kk',
      summary: 'Көше жарығы',
      text: 'Көшеде жарық жоқ.',
      issueCategory: 'housingEmergency',
      applicant: { kind: 'individual', iin: composeIin('1990-01-01', 'male', 3001)!, lastName: 'Бақылаұлы', firstName: 'Асқар', phone: '+77010000011' },
    });
    assert.equal(a.status, 201, JSON.stringify(a.body));
    registrationNumber = a.body.registrationNumber;
    appealId = a.body.id;
    const users = await head('GET', '/users?role=executor');
    const executorId = (users.body.items as { id: string; login?: string }[])[0]!.id;
    assert.equal((await head('POST', `/appeals/${a.body.id}/assignments`, { executorId })).status, 201);
    assert.equal((await head('POST', `/appeals/${a.body.id}/decisions`, { code: '4.15', favourable: true, text: 'Шам жөнделді.' })).status, 201);
    assert.equal((await controller('POST', `/appeals/${a.body.id}/control`, { reason: 'Әкімнің тапсырмасы' })).status, 201);
  });
  after(stopSystem);

  test('the controller: dashboard, a return for rework, an instruction, violations, content analysis, the map and a district’s appeals; axe on each', async () => {
    const en: Lang = 'en';
    const page = await newPage(en);
    await signIn(page, en, 'controller');
    await page.goto(staffUrl('/control/dashboard'));
    await page.getByTestId('figure-appeals').waitFor();
    assert.ok(Number(await page.getByTestId('figure-underControl').textContent()) >= 1);
    await page.getByTestId('dashboard-territories').getByText('Burabay', { exact: false }).first().waitFor();
    await check(page, 'dashboard-en');

    // quality: the answer under control is returned for rework
    await openScreen(page, en, 'quality');
    const row = page.getByTestId('quality-item').filter({ hasText: registrationNumber });
    await row.getByTestId('rework-open').click();
    await page.getByTestId('rework-remark').fill('Not every question of the appeal is answered');
    await page.getByTestId('rework-due').fill('2026-03-25');
    await axe(page, 'rework-dialog-en');
    await page.getByTestId('rework-submit').click();
    await page.getByTestId('rework-form').waitFor({ state: 'detached' });
    await page.getByTestId('returns-table').locator('tbody tr').first().waitFor();
    await check(page, 'quality-en');
    // the executor sees the remark on the appeal's timeline
    const executor = await newPage(en);
    await signIn(executor, en, 'executor');
    await executor.goto(staffUrl(`/appeals/${appealId}`));
    await executor.getByTestId('tab-timeline').click();
    await executor.getByTestId('timeline').getByText('Not every question of the appeal is answered').waitFor();
    await check(executor, 'appeal-rework-executor-en');

    // an instruction under control
    await openScreen(page, en, 'instructions');
    await page.getByTestId('instruction-issuer').selectOption('president');
    await page.getByTestId('instruction-due').fill('2026-04-15');
    await pickOption(page, page.getByTestId('instruction-executor'), 'Burabay', /Burabay district/);
    await page.getByTestId('instruction-text').fill('Repair the street lighting in Shchuchinsk');
    await page.getByTestId('instruction-submit').click();
    await page.getByTestId('instruction-row').filter({ hasText: 'Repair the street lighting' }).waitFor();
    await check(page, 'instructions-en');

    await openScreen(page, en, 'violations');
    await page.getByRole('heading', { name: m(en, 'ctl.violations.title') }).waitFor();
    await check(page, 'violations-en');

    await openScreen(page, en, 'checks');
    await page.getByRole('heading', { name: m(en, 'ctl.checks.title') }).waitFor();
    await check(page, 'checks-en');

    // content analysis: by territory, a district opens the list of its appeals
    await openScreen(page, en, 'content');
    await page.getByTestId('content-chart').waitFor();
    await page.getByTestId('content-group').getByText(m(en, 'ctl.content.byTerritory')).click();
    const district = page.getByTestId('content-row').filter({ hasText: 'Burabay' }).getByRole('link');
    await district.waitFor();
    // the reference note on systemic problems for the akim (CD-18), a draft until the head signs (CD-04)
    await page.getByTestId('note-addressee').fill('Akim of Akmola oblast');
    await page.getByTestId('note-compose').click();
    await page.getByTestId('note-row').filter({ hasText: 'Akim of Akmola oblast' }).getByText(m(en, 'ctl.note.draft')).waitFor();
    await check(page, 'content-en');
    await district.click();
    await page.waitForURL(/\/queues\/all\?.*organization=/);

    // the map of problems (CD-19): Burabay district, by its KATO code, opens the list of its appeals
    await page.goto(staffUrl('/control/map'));
    const area = page.getByTestId('map-area-117000000');
    await area.waitFor();
    assert.match((await area.getAttribute('aria-label')) ?? '', /Burabay/);
    await page.getByTestId('map-measure').getByText(m(en, 'ctl.map.measure.overdue')).click();
    await check(page, 'map-en');
    await area.click();
    await page.waitForURL(/\/queues\/all\?.*organization=/);
    await page.getByText(registrationNumber).first().waitFor();

    // the same screens in Kazakh
    await switchLanguage(page, 'kk');
    await page.goto(staffUrl('/control/instructions'));
    await page.getByRole('heading', { name: m('kk', 'ctl.instructions.title') }).waitFor();
    await check(page, 'instructions-kk');
  });
});
