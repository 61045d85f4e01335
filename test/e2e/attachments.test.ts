// Issue 10, item 11, in the browser: the desk registers a paper appeal with its scan (uploaded as it
// is chosen, its progress shown), the card lists the file and downloads it as it was sent, the
// timeline tells of it; axe on both screens. (The portal's filing with a file: portal.test.ts.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axe, base, m, newPage, ROOT, shot, signIn, SKIP, startSystem, stopSystem } from './support.ts';

const SHOTS = join(ROOT, 'test-results/screenshots-attachments');
const SCAN = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200_000, 0x20), Buffer.from('\n%%EOF\n')]);

describe('attachments in the browser (issue 10, item 11)', { skip: SKIP }, () => {
  before(() => startSystem(SHOTS, 'e2e-attachments.log'));
  after(stopSystem);

  test('the desk registers a paper appeal with its scan; the card lists it and downloads it', async () => {
    const page = await newPage('kk');
    await signIn(page, 'kk', 'registrar');
    await page.goto(`${base}/staff/desk`);
    await page.getByRole('heading', { name: m('kk', 'desk.title') }).waitFor();
    await page.selectOption('#documentType', 'application');
    await page.selectOption('#form', 'paper');
    await page.selectOption('#channel', 'post');
    await page.fill('#p-iin', '751203327816');
    await page
      .getByTestId('lookup-person')
      .filter({ hasText: m('kk', 'lookupFound') })
      .waitFor();
    await page.fill('#summary', 'Қағаз өтініш, сканы тіркелді');
    await page.fill('#text', 'Аулада жарық жоқ.');

    // a page renamed to .pdf is refused at once, by its content
    await page.setInputFiles('#desk-files', { name: 'бет.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(1)</script>') });
    await page.getByTestId('desk-file').getByRole('alert').waitFor();
    await page.getByRole('button', { name: m('kk', 'files.remove', { name: 'бет.pdf' }) }).click();
    await page.setInputFiles('#desk-files', { name: 'скан.pdf', mimeType: 'application/pdf', buffer: SCAN });
    await page.locator('[data-testid=desk-file][data-uploaded=true]').waitFor();
    await axe(page, 'desk with a scan');
    await shot(page, 'desk-scan-kk');
    await page.locator('#summary').press('Control+Enter');
    const src = (await page.getByTestId('talon-frame').getAttribute('src'))!;
    const id = /appeals\/([0-9a-f-]{36})\//.exec(src)![1]!;

    await page.goto(`${base}/staff/appeals/${id}`);
    const link = page.getByTestId('files').getByTestId('file-download');
    await link.filter({ hasText: 'скан.pdf' }).waitFor();
    await axe(page, 'card with a scan');
    await shot(page, 'card-scan-kk');
    const download = page.waitForEvent('download');
    await link.click();
    const file = await download;
    assert.equal(file.suggestedFilename(), 'скан.pdf');
    const saved = readFileSync((await file.path())!);
    assert.equal(createHash('sha256').update(saved).digest('hex'), createHash('sha256').update(SCAN).digest('hex'), 'the bytes as scanned');

    // the log as it is now: the download is an audit event too
    await page.reload();
    await page.getByTestId('tab-timeline').click();
    await page.getByTestId('timeline').getByText(m('kk', 'event.attachmentsAdded')).waitFor();
    await page.getByTestId('timeline').getByText(m('kk', 'event.attachmentDownloaded')).waitFor();
  });
});
