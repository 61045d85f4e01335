// Shared PDF rendering for every printed document of the system (talons, cover letters,
// statistical reports). One place registers the fonts, locks down resource access and turns a
// pdfmake document definition into bytes.
//
// pdfmake 0.3 on the server: the package's main export is a ready-made singleton (0.2's
// `new PdfPrinter(fonts)` is gone). Fonts are declared with `setFonts`, their bytes live in the
// singleton's `virtualfs`, and `createPdf(doc).getBuffer()` renders.
//
// Determinism: pdfkit stamps `new Date()` as CreationDate and derives the file /ID from the info
// dictionary, so we always pass a creation date (the document's `info.creationDate`, else a fixed
// one). Everything else (font subset tags, object numbering, deflate) is a pure function of the
// input, so the same definition renders to the same bytes.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type Pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TDocumentInformation } from 'pdfmake/interfaces.js';

/** The font family every document uses; DejaVu Sans covers the Kazakh Cyrillic letters. */
export const FONT_FAMILY = 'DejaVuSans';

/** Creation date stamped when a document gives none (keeps the output reproducible). */
export const FIXED_CREATION_DATE = new Date(Date.UTC(2000, 0, 1));

const FONT_FILES = {
  normal: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italics: 'DejaVuSans-Oblique.ttf',
  bolditalics: 'DejaVuSans-BoldOblique.ttf',
} as const;

const VFS_PREFIX = 'joldanym-fonts/';

// pdfmake's virtual file system is not in its type declarations; this is the part we use.
interface VirtualFs {
  existsSync(name: string): boolean;
  writeFileSync(name: string, content: Buffer): void;
}

let loaded: Promise<typeof Pdfmake> | undefined;

/** pdfmake, loaded and set up on the first document rather than at the server's start (about
 *  0.6 s of a start on the loaded machine, docs/performance.md "The embedded default"). */
function load(): Promise<typeof Pdfmake> {
  loaded ??= import('pdfmake').then(({ default: pdfmake }) => {
    init(pdfmake);
    return pdfmake;
  });
  return loaded;
}

function init(pdfmake: typeof Pdfmake): void {
  const require = createRequire(import.meta.url);
  const ttfDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
  const family: Record<string, string> = {};
  for (const [style, file] of Object.entries(FONT_FILES)) {
    const name = VFS_PREFIX + file;
    if (!vfs.existsSync(name)) vfs.writeFileSync(name, readFileSync(path.join(ttfDir, file)));
    family[style] = name;
  }
  pdfmake.setFonts({ [FONT_FAMILY]: family });
  // Documents are built from our own data: no network fetches and no local files (fonts come from
  // the virtual fs; images must be given as data URLs or buffers).
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
}

/**
 * Render a pdfmake document definition to PDF bytes, DejaVu Sans embedded (subset).
 * Default style: DejaVu Sans 10 pt. Pass `info.creationDate` (the event the document records);
 * without it a fixed date is stamped, so re-rendering always yields identical bytes.
 */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  const pdfmake = await load();
  const info: TDocumentInformation = {
    creator: 'Joldanym',
    producer: 'Joldanym (pdfmake)',
    ...doc.info,
    creationDate: doc.info?.creationDate ?? FIXED_CREATION_DATE,
  };
  // pdfmake mutates the definition it is given; hand it a shallow copy.
  const definition: TDocumentDefinitions = {
    ...doc,
    info,
    defaultStyle: { font: FONT_FAMILY, fontSize: 10, ...doc.defaultStyle },
  };
  return pdfmake.createPdf(definition).getBuffer();
}

/** Number of pages of a PDF produced by renderPdf (reads the page tree's /Count, no parsing). */
export function pdfPageCount(pdf: Buffer): number {
  const m = /\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'));
  if (!m) throw new Error('pdfPageCount: no page tree found');
  return Number(m[1]);
}
