// Text extraction from a PDF (tests and sanity checks): plain text with pages joined by a form feed,
// runs as pdf.js reports them, line ends kept; or the runs of each page with their positions.

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function extractPdfText(pdf: Buffer): Promise<string> {
  // pdf.js takes ownership of (and may detach) the array it is given: pass a copy.
  const task = getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text);
    }
    return pages.join('\f');
  } finally {
    await task.destroy();
  }
}

/** A text run with its place on the page (PDF points, origin bottom left, y the baseline). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
}

/** The non-blank text runs of each page with their positions, and each page's size: lets a test
 *  check what is printed where, and that nothing runs past the page edge. */
export async function extractPdfItems(pdf: Buffer): Promise<{ width: number; height: number; items: PdfTextItem[] }[]> {
  const task = getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 });
  const doc = await task.promise;
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      const items: PdfTextItem[] = [];
      for (const item of (await page.getTextContent()).items) {
        if ('str' in item && item.str.trim() !== '') items.push({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width });
      }
      pages.push({ width: x1 - x0, height: y1 - y0, items });
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** The text runs that reach past their page's edge ("page N: text"): none in a well-laid-out PDF. */
export function textOutsidePages(pages: Awaited<ReturnType<typeof extractPdfItems>>): string[] {
  return pages.flatMap((page, p) => page.items.filter((i) => i.x < 0 || i.x + i.width > page.width || i.y < 0 || i.y > page.height).map((i) => `page ${p + 1}: ${i.str}`));
}
