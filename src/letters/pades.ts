// The letter's signature inside the PDF (PAdES, ETSI.CAdES.detached), so that any PDF reader shows
// who signed it and anyone can check it without us (issue 14 §4).
//
// Design. The signer signs the prepared PDF file as it is, whole: NCALayer signs the bytes of the
// preview (what you see is what you sign), a PKCS#12 signs the same bytes here, and /verify checks
// the stored detached CMS against them. A PAdES signature, though, signs the file minus the
// /Contents hex string of its signature dictionary (the /ByteRange). Both hold at once because the
// prepared file is laid out so that it IS that byte range: it ends with an incremental update
// carrying an empty signature field, whose dictionary is the last object, after the cross-reference
// section, and reads
//
//     /ByteRange [0 a b c] /Contents %⏎ /Reason⏎ ()>>
//
// Signed, the CMS goes in as `<hex>` right after the comment's line end (offset a). In the signed
// file `%` is a comment, `<hex>` the /Contents and `()` the /Reason; without it (the prepared
// file) the `%` comment runs to the next line end and `()` is the /Contents: both are valid PDFs.
// Every offset the files give (objects, xref, startxref) lies before the insertion point, so it is
// the same in both, and bytes [0, a) + [b, b + c) of the signed file are exactly the prepared file.

/** Room for the CMS in the signature dictionary (bytes; hex takes twice): a certificate chain of the
 *  national PKI with the signature fits well within. */
export const SIGNATURE_ROOM = 16_384;

const BYTE_RANGE_WIDTH = 48;

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

/** The body of an object `id 0 obj << … >>` of the file, without its outer brackets. */
function dictionaryOf(pdf: string, id: number): string {
  const start = pdf.lastIndexOf(`\n${id} 0 obj`);
  if (start < 0) throw new Error(`PDF object ${id} not found`);
  const end = pdf.indexOf('endobj', start);
  const body = pdf.slice(pdf.indexOf('<<', start), end).trimEnd();
  if (!body.endsWith('>>')) throw new Error(`PDF object ${id} is not a dictionary`);
  return body.slice(2, -2);
}

const refIn = (dict: string, key: string): number => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  if (!m) throw new Error(`/${key} not found`);
  return Number(m[1]);
};

/**
 * The final letter (as pdfkit writes it: classic xref table, uncompressed dictionaries) with an
 * empty, invisible signature field on its first page, laid out as described above.
 */
export function withSignatureField(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const prevXref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  if (!Number.isInteger(prevXref) || !Number.isInteger(size)) throw new Error('not a PDF with an xref table');
  const root = refIn(trailer, 'Root');
  const info = /\/Info\s+\d+\s+0\s+R/.exec(trailer)?.[0] ?? '';
  const id = /\/ID\s*\[[^\]]*\]/.exec(trailer)?.[0] ?? '';
  const catalog = dictionaryOf(text, root);
  const firstPage = Number(/\/Kids\s*\[\s*(\d+)\s+0\s+R/.exec(dictionaryOf(text, refIn(catalog, 'Pages')))?.[1]);
  const page = dictionaryOf(text, firstPage);
  const field = size;
  const sig = size + 1;

  const annots = /\/Annots\s*\[/.test(page) ? page.replace(/\/Annots\s*\[/, `/Annots [${field} 0 R `) : `${page}\n/Annots [${field} 0 R]\n`;
  const objects: [number, string][] = [
    [root, `<<${catalog}\n/AcroForm <</Fields [${field} 0 R] /SigFlags 3>>\n>>`],
    [firstPage, `<<${annots}>>`],
    // an invisible widget (Rect 0 0 0 0), printable and locked
    [field, `<</Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /F 132 /Rect [0 0 0 0] /P ${firstPage} 0 R /V ${sig} 0 R>>`],
  ];
  let out = text + (text.endsWith('\n') ? '' : '\n');
  const offsets = new Map<number, number>();
  for (const [n, dict] of objects) {
    offsets.set(n, out.length);
    out += `${n} 0 obj\n${dict}\nendobj\n`;
  }
  const xref = out.length;
  const entry = (n: number, at: number) => `${n} 1\n${String(at).padStart(10, '0')} 00000 n \n`;
  let section = 'xref\n';
  for (const [n] of objects) section += entry(n, offsets.get(n)!);
  const xrefLength = section.length + entry(sig, 0).length;
  const trailerText = `trailer\n<<\n/Size ${sig + 1}\n/Root ${root} 0 R\n${info}\n${id}\n/Prev ${prevXref}\n>>\n`;
  const sigAt = xref + xrefLength + trailerText.length;
  section += entry(sig, sigAt);
  out += section + trailerText;
  const head = `${sig} 0 obj\n<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange `;
  const tail = `/Reason\n()>>\nendobj\nstartxref\n${xref}\n%%EOF\n`;
  const a = out.length + head.length + BYTE_RANGE_WIDTH + ' /Contents %\n'.length;
  const b = a + 2 + 2 * SIGNATURE_ROOM;
  const c = tail.length;
  const range = `${`[0 ${a} ${b} ${c}`.padEnd(BYTE_RANGE_WIDTH - 1, ' ')}]`;
  out += `${head}${range} /Contents %\n${tail}`;
  return Buffer.from(out, 'latin1');
}

interface Placeholder {
  /** Where `<hex>` goes in the prepared file (= where it starts in the signed one). */
  at: number;
  /** Its length, brackets included. */
  length: number;
}

/** The empty signature field of a prepared letter, or null (a draft, or a letter of older days). */
export function signaturePlaceholder(prepared: Uint8Array): Placeholder | null {
  const text = latin1(prepared);
  const m = /\/ByteRange \[0 (\d+) (\d+) (\d+)\s*\] \/Contents %\n/.exec(text.slice(-4096));
  if (!m) return null;
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return a + c === prepared.byteLength ? { at: a, length: b - a } : null;
}

/** Whether a CMS fits the prepared file's signature field (a letter without one takes any). */
export function signatureFits(prepared: Uint8Array, cms: Uint8Array): boolean {
  const place = signaturePlaceholder(prepared);
  return !place || 2 * cms.byteLength <= place.length - 2;
}

/**
 * The signed letter: the detached CMS made over the prepared file, put into its signature field.
 * The prepared file of a letter without one (signed before letters carried it) is returned as is.
 */
export function embedSignature(prepared: Uint8Array, cms: Uint8Array): Buffer {
  const place = signaturePlaceholder(prepared);
  if (!place) return Buffer.from(prepared);
  const hex = Buffer.from(cms).toString('hex');
  if (hex.length > place.length - 2) throw new Error('the signature does not fit its field');
  const bytes = Buffer.from(prepared.buffer, prepared.byteOffset, prepared.byteLength);
  return Buffer.concat([bytes.subarray(0, place.at), Buffer.from(`<${hex.padEnd(place.length - 2, '0')}>`, 'latin1'), bytes.subarray(place.at)]);
}

/** What a PDF reader checks in a signed file: the bytes of its /ByteRange and the DER of its /Contents. */
export function signedParts(signed: Uint8Array): { content: Buffer; cms: Buffer } {
  const text = latin1(signed);
  const m = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\s*\]/.exec(text.slice(text.lastIndexOf('/Type /Sig')));
  if (!m) throw new Error('no signature dictionary');
  const [a, b, c, d] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  const bytes = Buffer.from(signed.buffer, signed.byteOffset, signed.byteLength);
  const content = Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]);
  const der = Buffer.from(text.slice(a + b + 1, c - 1), 'hex');
  // DER SEQUENCE with a long-form length: the padding zeros after it are not part of the CMS
  const len = der[1]! & 0x80 ? der.subarray(2, 2 + (der[1]! & 0x7f)).reduce((n, x) => n * 256 + x, 0) + 2 + (der[1]! & 0x7f) : der[1]! + 2;
  return { content, cms: der.subarray(0, len) };
}
