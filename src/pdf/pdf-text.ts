// Plain-text extraction from a PDF (tests and sanity checks): pages joined by a form feed, text
// runs as pdf.js reports them, line ends kept.

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
