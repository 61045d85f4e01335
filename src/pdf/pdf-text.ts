// Plain-text extraction from a PDF (tests and sanity checks): pages joined by a form feed, text
// runs as pdf.js reports them, line ends kept. `extractPdfPages` also gives each page's size as
// displayed (rotation applied) and every text run with its position, for layout checks.

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A text run: its text, the left end of its baseline (points, origin at the bottom left of the
 *  page as displayed) and its extent. */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfPage {
  /** Width and height in points as displayed (the page's /Rotate applied). */
  width: number;
  height: number;
  /** The page's text, as extractPdfText gives it. */
  text: string;
  items: PdfTextItem[];
}

export async function extractPdfPages(pdf: Buffer): Promise<PdfPage[]> {
  // pdf.js takes ownership of (and may detach) the array it is given: pass a copy.
  const task = getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 });
  const doc = await task.promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      let text = '';
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
        if (item.str.trim() === '') continue;
        // the run's origin in viewport coordinates (y down), turned back to y up
        const [vx, vy] = viewport.convertToViewportPoint(item.transform[4] as number, item.transform[5] as number) as [number, number];
        items.push({ str: item.str, x: vx, y: viewport.height - vy, width: item.width, height: item.height });
      }
      pages.push({ width: viewport.width, height: viewport.height, text, items });
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

export async function extractPdfText(pdf: Buffer): Promise<string> {
  return (await extractPdfPages(pdf)).map((p) => p.text).join('\f');
}
