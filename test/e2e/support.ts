// The browser tests' common ground: the real server (`src/cli.ts serve`, what `npm start` runs from its bundle) on a
// fresh embedded database with the demo data and a fixed clock (Wednesday 18 March 2026, 10:00 in
// Astana), the machine's Chromium (playwright-core, /usr/bin/chromium), and the checks every
// screen goes through: axe (WCAG 2.2 AA: no serious or critical violation), no layout shift on
// load, a screenshot.
//
// Without /usr/bin/chromium the browser tests are skipped with that reason, except in CI (CI=true).
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { MESSAGES, type MessageKey } from '../../web/src/i18n/messages.ts';
import { startNcaLayerDouble, type NcaLayerDouble } from './ncalayer-double.ts';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const CHROMIUM = '/usr/bin/chromium';
export const NOW = '2026-03-18T10:00:00+05:00';
// Skipped, and said so, on a machine without Chromium (a fresh machine with only Node.js); CI
// installs it (.ci/run) and there a missing browser is a failure.
export const SKIP =
  process.env.JOLDANYM_E2E === 'off' ? 'JOLDANYM_E2E=off' : !existsSync(CHROMIUM) && !process.env.CI ? `Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium): browser tests skipped` : false;
export const LANGS = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

let server: ChildProcess | undefined;
let browser: Browser | undefined;
/** The NCALayer test double the web app finds, when startSystem was asked for one. */
export let ncaLayer: NcaLayerDouble | undefined;
/** The server's address, once started. */
export let base = '';
let dataDir = '';
let shots = '';
const contexts: BrowserContext[] = [];

export const m = (lang: Lang, key: MessageKey, params: Record<string, string | number> = {}) => MESSAGES[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** The web app's build, made again when a source is newer than it — for a browser-test file run on
 *  its own; `npm test` builds it once before its test files start side by side. */
function ensureWebBuild(): void {
  const index = join(ROOT, 'web/dist/index.html');
  const newest = (dir: string): number => readdirSync(dir, { withFileTypes: true }).reduce((n, e) => Math.max(n, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs), 0);
  const sources = Math.max(newest(join(ROOT, 'web/src')), newest(join(ROOT, 'web/portal')), statSync(join(ROOT, 'web/index.html')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-web.mjs')], { cwd: ROOT, stdio: 'inherit' });
  assert.equal(r.status, 0, 'npm run build:web failed');
}
const require = createRequire(import.meta.url);

async function startServer(logName: string, ncaLayerUrl: string, extraEnv: Record<string, string>): Promise<void> {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(join(tmpdir(), 'joldanym-e2e-'));
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const log = createWriteStream(join(ROOT, 'test-results', logName));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    JOLDANYM_DATA_DIR: dataDir,
    JOLDANYM_NOW: NOW,
    JOLDANYM_DEMO: 'true',
    // the browser tests count on the small demo set; the layout test asks for the history
    JOLDANYM_DEMO_HISTORY: 'off',
    PUBLIC_URL: base,
    LOG_LEVEL: 'warn',
    // '' turns the web app's NCALayer path off where no double listens
    NCALAYER_URL: ncaLayerUrl,
    ...extraEnv,
  };
  delete env.DATABASE_URL; // always the embedded database
  server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.pipe(log);
  server.stderr!.pipe(log);
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}); see test-results/${logName}`);
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error('the server did not start within 90 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}

const AXE_SOURCE = (): string => readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
let axeSource: string | undefined;

/** axe (WCAG 2.0/2.1/2.2 A and AA rules) on the page once its transitions have ended: no serious
 *  or critical violation. (A notification fading in has, for a moment, text of too little contrast.) */
export async function axe(page: Page, screen: string): Promise<void> {
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getTiming().iterations !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2_000)),
    ]),
  );
  axeSource ??= AXE_SOURCE();
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const r = await (
      window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[] }> } }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
      iframes: false,
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `axe on ${screen}: ${JSON.stringify(bad, null, 2)}`);
}

/** The cumulative layout shift since the last check stays under 0.1 (Core Web Vitals "good"). */
export async function noLayoutShift(page: Page, screen: string): Promise<void> {
  const cls = await page.evaluate(() => {
    const w = window as unknown as { __cls: number };
    const v = w.__cls ?? 0;
    w.__cls = 0;
    return v;
  });
  assert.ok(cls < 0.1, `layout shift on ${screen}: ${cls}`);
}

export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  // the passing notifications (they close by themselves) would cover the top bar
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage, style: '.mantine-Notifications-root { display: none !important; }' });
}

export const TABLET = { width: 820, height: 1180 };

export async function newPage(lang: Lang | null, viewport = { width: 1280, height: 800 }, timezoneId = 'Asia/Almaty'): Promise<Page> {
  const context = await browser!.newContext({ viewport, locale: lang === 'en' ? 'en-GB' : lang === 'ru' ? 'ru-RU' : 'kk-KZ', timezoneId });
  contexts.push(context);
  await context.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    } catch {
      /* not supported */
    }
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  return page;
}

/** Nothing wider than the screen (no horizontal scrolling). */
export async function noOverflow(page: Page, screen: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${screen}: ${overflow}px wider than the screen`);
}

/** window.print in every frame of the page (the talon's PDF frame too) counts its calls instead of
 *  opening the print dialog: our page's own button is what is checked. */
export async function recordPrinting(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.print = () => {
      const top = window.top as unknown as { __printed?: number };
      top.__printed = (top.__printed ?? 0) + 1;
    };
  });
}

/** The language switch (a radio group): its label clicked, as a user would. */
export async function switchLanguage(page: Page, lang: Lang): Promise<void> {
  const id = await page.getByRole('radio', { name: lang.toUpperCase() }).first().getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
}

export async function signIn(page: Page, lang: Lang, login: string, password = 'demo'): Promise<void> {
  await page.goto(`${base}/staff/login`);
  await page.locator('input[name=login]').waitFor();
  await switchLanguage(page, lang);
  await page.getByRole('heading', { name: m(lang, 'login.title') }).waitFor();
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', password);
  await page.getByRole('button', { name: m(lang, 'login.submit') }).click();
  await page.getByTestId('user-info').waitFor();
}

export async function pickOption(page: Page, input: ReturnType<Page['locator']>, type: string | null, option: RegExp | string): Promise<void> {
  await input.click();
  if (type !== null) await input.fill(type);
  await page.getByRole('option', { name: option }).first().click();
}

/** Before the tests: the web app built, Chromium and the server started; screenshots go to `shotsDir`
 *  (emptied first), the server's output to test-results/`serverLog` (a file per test file: they may
 *  run at the same time); with `withNcaLayer`, an NCALayer double the web app finds; `extraEnv`
 *  adds to the server's environment (an SMS gateway double's address). */
export async function startSystem(shotsDir: string, serverLog = 'e2e-server.log', withNcaLayer = false, extraEnv: Record<string, string> = {}): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\` ` + '(.ci/run does it in CI).');
  }
  shots = shotsDir;
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  ensureWebBuild();
  if (withNcaLayer) ncaLayer = await startNcaLayerDouble(new Date(NOW));
  const { chromium } = await import('playwright-core');
  [browser] = await Promise.all([
    chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      // playwright starts Chromium with a fresh temporary profile (user-data-dir) of its own
    }),
    startServer(serverLog, ncaLayer?.url ?? '', extraEnv),
  ]);
}

/** After the tests: the pages, the browser and the server closed, the database removed. */
export async function stopSystem(): Promise<void> {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server!.once('exit', r));
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await ncaLayer?.close();
}
