// Issue 10 item 9: the staff app's layout at 1280×800 and 1366×768 in kk/ru/en, for every demo role.
// On each section the role's navbar opens (and an appeal's card, one with a draft for the head), element geometry shows that
// nothing is wider than the screen, sign-out is visible inside the viewport and not clipped, no nav
// item, badge or top-bar item is cut, a definition list's values are not squeezed into a one-word
// column, and the queue's table starts within the first screen. axe finds no serious or critical
// violation (checked in Kazakh at 1280×800). Screenshots go to test-results/screenshots-layout/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axe, base, LANGS, newPage, ROOT, shot, signIn, SKIP, startSystem, stopSystem, switchLanguage } from './support.ts';
import { DEMO_USERS } from '../../src/db/demo.ts';

const SHOTS = join(ROOT, 'test-results/screenshots-layout');
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
] as const;

// a script, not a function: tsx's helpers (__name) do not exist in the page
const LAYOUT_PROBLEMS = `(() => {
    const problems = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) problems.push(\`page \${doc.scrollWidth - doc.clientWidth}px wider than the screen\`);
    const label = (e) => (e.textContent ?? '').trim().slice(0, 40);
    // clipped: content wider than a box that hides what overflows it
    const cut = (e) => getComputedStyle(e).overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1;
    const signOut = document.querySelector('[data-testid=sign-out]');
    if (!signOut) problems.push('no sign-out button');
    else {
      const r = signOut.getBoundingClientRect();
      const style = getComputedStyle(signOut);
      if (style.display === 'none' || style.visibility === 'hidden' || r.width === 0) problems.push('sign-out hidden');
      if (r.left < 0 || r.right > window.innerWidth || r.top < 0 || r.bottom > window.innerHeight) problems.push(\`sign-out outside the viewport (\${r.left},\${r.top},\${r.right},\${r.bottom})\`);
      if (cut(signOut)) problems.push('sign-out clipped');
    }
    const header = document.querySelector('header');
    if (header) {
      const h = header.getBoundingClientRect();
      if (cut(header)) problems.push('top bar overflows');
      for (const e of header.querySelectorAll('button, a, [data-testid=user-info]')) {
        const r = e.getBoundingClientRect();
        if (r.width > 0 && (r.top < h.top || r.bottom > h.bottom || r.right > h.right + 1)) problems.push(\`top bar item outside the bar: \${label(e)}\`);
      }
    }
    const nav = document.querySelector('nav.mantine-AppShell-navbar');
    if (!nav) problems.push('no navbar');
    else {
      const n = nav.getBoundingClientRect();
      for (const e of nav.querySelectorAll('[data-testid=nav-item]')) {
        const r = e.getBoundingClientRect();
        if (r.left < n.left || r.right > n.right + 1 || cut(e) || (e.firstElementChild && cut(e.firstElementChild))) problems.push(\`nav item clipped: \${label(e)}\`);
      }
    }
    for (const b of document.querySelectorAll('.mantine-Badge-root, .mantine-Badge-label')) {
      if (b.getBoundingClientRect().width > 0 && cut(b)) problems.push(\`badge cut: \${label(b)}\`);
    }
    for (const dd of document.querySelectorAll('main .dl dd')) {
      const w = dd.getBoundingClientRect().width;
      if (w > 0 && w < 140) problems.push(\`a value squeezed into \${Math.round(w)}px: \${label(dd)}\`);
    }
    const row = document.querySelector('[data-testid=queue-row]');
    if (row && row.getBoundingClientRect().top > window.innerHeight) problems.push('the queue table starts below the first screen');
    return problems;
  })()`;

/** What the geometry says is wrong on the page as it is: an empty list when nothing is. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(LAYOUT_PROBLEMS);
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.getAnimations().every((a) => a.effect?.getComputedTiming().iterations === Number.POSITIVE_INFINITY || a.playState === 'finished'));
}

describe('the staff layout at 1280×800 and 1366×768 in kk/ru/en (issue 10 item 9)', { skip: SKIP }, () => {
  // with the demo history: the screens as full as an office's after a few months
  before(() => startSystem(SHOTS, 'e2e-server-layout.log', false, { JOLDANYM_DEMO_HISTORY: 'on' }));
  after(stopSystem);

  for (const { login } of DEMO_USERS) {
    test(`${login}: nothing overflows or is clipped on the role's screens`, async () => {
      for (const size of SIZES) {
        const page = await newPage('kk', size);
        await signIn(page, 'kk', login);
        await settle(page);
        const sections = await page.locator('[data-testid=nav-item]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
        assert.ok(sections.length > 0, `${login}: no section in the navbar`);
        const screens = [...sections];
        // an appeal's card from the role's queue, and one with a draft waiting for the head, where the role sees them
        for (const queue of ['all', 'toApprove']) {
          await page.goto(`${base}/staff/queues/${queue}`);
          await settle(page);
          const card = await page
            .locator('[data-testid=queue-row] a')
            .first()
            .getAttribute('href', { timeout: 3000 })
            .catch(() => null);
          if (card) screens.push(card);
        }
        for (const lang of LANGS) {
          await switchLanguage(page, lang);
          for (const path of screens) {
            await page.goto(`${base}${path.startsWith('/staff') ? path : `/staff${path}`}`);
            await settle(page);
            const where = `${login} ${size.width}×${size.height} ${lang} ${path}`;
            assert.deepEqual(await layoutProblems(page), [], where);
            if (lang === 'kk' && size.width === 1280) {
              await axe(page, where);
              await shot(page, `${login}-${path.replace(/\W+/g, '-')}-kk`, false);
            }
          }
        }
        await page.context().close();
      }
    });
  }
});
