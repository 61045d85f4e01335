// Attachments (issue 10 item 11, issue 14 §3): what a file is, known by its content and never by
// its name or the type a browser declares; the limits of a file and of a card. Pure: the caller
// gives the bytes. The scan of a paper appeal, documents to decisions and letters, the files an
// applicant sends from the portal and those of a correction petition all pass the same check.
export type AttachmentType = { mediaType: string; extension: string };

/** The accepted types (issue 10 item 11: PDF, JPEG, PNG, TIFF, DOCX, ODT, XLSX); anything else —
 *  an executable or a page renamed to .pdf, a ZIP of anything, a macro-enabled document — is refused. */
export const ATTACHMENT_TYPES = Object.freeze({
  pdf: { mediaType: 'application/pdf', extension: 'pdf' },
  jpeg: { mediaType: 'image/jpeg', extension: 'jpg' },
  png: { mediaType: 'image/png', extension: 'png' },
  tiff: { mediaType: 'image/tiff', extension: 'tif' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extension: 'odt' },
} satisfies Record<string, AttachmentType>);

export interface AttachmentLimits {
  /** bytes of one file */
  maxBytes: number;
  /** files of one card (an appeal with its decisions and letters, a petition) */
  maxFiles: number;
}

const MB = 1024 * 1024;

/** Shipped defaults (our decision; no act fixes them; configurable, README "Configuration"):
 *  staff — 10 MB a file (a multi-page scan at 300 dpi), 20 a card; the portal — 5 MB a file,
 *  5 files a filing or fix (issue 14 §3, what the national e-appeals portal takes); a correction
 *  petition — 5 MB, 10 files (its documents, src/corrections). */
export const DEFAULT_ATTACHMENT_LIMITS = Object.freeze({
  staff: Object.freeze({ maxBytes: 10 * MB, maxFiles: 20 }),
  portal: Object.freeze({ maxBytes: 5 * MB, maxFiles: 5 }),
  correction: Object.freeze({ maxBytes: 5 * MB, maxFiles: 10 }),
});

export type AttachmentRefusal = 'attachment.empty' | 'attachment.tooLarge' | 'attachment.type';

/** Why a file is refused under `limits`, or its type. */
export function checkAttachment(bytes: Uint8Array, limits: AttachmentLimits): { ok: true; type: AttachmentType } | { ok: false; code: AttachmentRefusal } {
  if (bytes.length === 0) return { ok: false, code: 'attachment.empty' };
  if (bytes.length > limits.maxBytes) return { ok: false, code: 'attachment.tooLarge' };
  const type = sniffAttachment(bytes);
  return type ? { ok: true, type } : { ok: false, code: 'attachment.type' };
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The type of a file by its content, or null when it is none of ATTACHMENT_TYPES. */
export function sniffAttachment(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return ATTACHMENT_TYPES.pdf;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ATTACHMENT_TYPES.jpeg;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ATTACHMENT_TYPES.png;
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return ATTACHMENT_TYPES.tiff;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeType(bytes);
  return null;
}

/** An office document is a ZIP: ODT says what it is in its `mimetype` entry (stored, uncompressed:
 *  ODF 1.2 part 3 §3.3); OOXML has its `[Content_Types].xml` and its main part (ECMA-376 part 2),
 *  and no macros (`vbaProject.bin`: .docm/.xlsm renamed). The entries are read from the ZIP's
 *  central directory, not guessed from text near the start. */
function officeType(bytes: Uint8Array): AttachmentType | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const mimetype = entries.get('mimetype');
  if (mimetype && storedText(bytes, mimetype)?.trim() === ATTACHMENT_TYPES.odt.mediaType) return ATTACHMENT_TYPES.odt;
  if (!entries.has('[Content_Types].xml')) return null;
  if (entries.has('word/document.xml') && !entries.has('word/vbaProject.bin')) return ATTACHMENT_TYPES.docx;
  if (entries.has('xl/workbook.xml') && !entries.has('xl/vbaProject.bin')) return ATTACHMENT_TYPES.xlsx;
  return null;
}

interface ZipEntry {
  method: number;
  compressedSize: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const latin1 = new TextDecoder('latin1');

/** The entries of a ZIP's central directory by name, or null when it has none that reads. */
function zipEntries(b: Uint8Array): Map<string, ZipEntry> | null {
  // the end-of-central-directory record: in the last 22 bytes + a comment of at most 65535
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(b, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(b, end + 10);
  let at = u32(b, end + 16);
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50) return null;
    const nameLength = u16(b, at + 28);
    const name = latin1.decode(b.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, { method: u16(b, at + 10), compressedSize: u32(b, at + 20), localOffset: u32(b, at + 42) });
    at += 46 + nameLength + u16(b, at + 30) + u16(b, at + 32);
  }
  return entries;
}

/** The text of a stored (uncompressed) entry of at most 200 bytes, or null. */
function storedText(b: Uint8Array, e: ZipEntry): string | null {
  const at = e.localOffset;
  if (e.method !== 0 || e.compressedSize > 200 || at + 30 > b.length || u32(b, at) !== 0x04034b50) return null;
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  return latin1.decode(b.subarray(start, start + e.compressedSize));
}

/** A file name safe to send in Content-Disposition, with the extension of its real type: no path,
 *  no control or quote characters. */
export function safeFileName(name: string, extension: string): string {
  const base = [...(name.split(/[\\/]/).pop() ?? '')]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && !'"\\;'.includes(ch))
    .join('')
    .trim()
    .slice(0, 120);
  const stem = base.replace(/\.[^.]*$/, '') || 'file';
  return `${stem}.${extension}`;
}

/** The Content-Disposition of a download: an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
