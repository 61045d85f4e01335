// What a file is, by its content (issue 10 item 11): each accepted type, each refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAttachment, contentDisposition, DEFAULT_ATTACHMENT_LIMITS, safeFileName, sniffAttachment } from './attachments.ts';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

/** A ZIP of stored entries with its central directory, as office programs write them (CRCs left 0:
 *  the check does not read them). */
function zip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const n = Buffer.from(name, 'latin1');
    const data = Buffer.from(text, 'latin1');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const ooxml = (main: string, ...more: string[]): [string, string][] => [['[Content_Types].xml', '<Types/>'], ['_rels/.rels', '<Relationships/>'], [main, '<x/>'], ...more.map((m): [string, string] => [m, ''])];

test('each accepted type is known by its content', () => {
  assert.equal(sniffAttachment(bytes('%PDF-1.7\n'))?.mediaType, 'application/pdf');
  assert.equal(sniffAttachment(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))?.mediaType, 'image/jpeg');
  assert.equal(sniffAttachment(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))?.mediaType, 'image/png');
  assert.equal(sniffAttachment(bytes('II*\0'))?.mediaType, 'image/tiff', 'TIFF, little-endian');
  assert.equal(sniffAttachment(bytes('MM\0*'))?.mediaType, 'image/tiff', 'TIFF, big-endian');
  assert.equal(sniffAttachment(zip(ooxml('word/document.xml')))?.extension, 'docx');
  assert.equal(sniffAttachment(zip(ooxml('xl/workbook.xml')))?.extension, 'xlsx');
  assert.equal(
    sniffAttachment(
      zip([
        ['mimetype', 'application/vnd.oasis.opendocument.text'],
        ['content.xml', '<x/>'],
      ]),
    )?.extension,
    'odt',
  );
});

test('everything else is refused, whatever its name says', () => {
  const refused: [string, Buffer][] = [
    ['a Windows executable', bytes('MZ\x90\0\x03\0\0\0')],
    ['an ELF executable', bytes([0x7f], 'ELF')],
    ['an HTML page', bytes('<!DOCTYPE html><script>alert(1)</script>')],
    ['an SVG (script inside an image)', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')],
    ['plain text', bytes('just words')],
    ['a GIF', bytes('GIF89a')],
    ['a ZIP of anything', zip([['readme.txt', 'hi']])],
    ['a JAR', zip([['META-INF/MANIFEST.MF', 'Main-Class: X']])],
    ['a macro-enabled Word document', zip(ooxml('word/document.xml', 'word/vbaProject.bin'))],
    ['a macro-enabled workbook', zip(ooxml('xl/workbook.xml', 'xl/vbaProject.bin'))],
    ['content types without a main part', zip([['[Content_Types].xml', '<Types/>']])],
    ['an ODF spreadsheet (not on the list)', zip([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet']])],
    ['a ZIP header and nothing after it', bytes([0x50, 0x4b, 0x03, 0x04], 'word/document.xml[Content_Types].xml')],
    [
      'a damaged central directory',
      (() => {
        const z = zip(ooxml('word/document.xml'));
        z.writeUInt32LE(0xdeadbeef, z.length - 22 - 46 * 3 - '[Content_Types].xml_rels/.relsword/document.xml'.length);
        return z;
      })(),
    ],
    ['nothing', Buffer.alloc(0)],
    ['a PDF signature not at the start', bytes(' %PDF-1.7')],
  ];
  for (const [what, b] of refused) assert.equal(sniffAttachment(b), null, what);
});

test('limits: empty, too large, wrong type, each with its own refusal', () => {
  const limits = { maxBytes: 16, maxFiles: 2 };
  assert.deepEqual(checkAttachment(Buffer.alloc(0), limits), { ok: false, code: 'attachment.empty' });
  assert.deepEqual(checkAttachment(bytes('%PDF-1.7', ' '.repeat(9)), limits), { ok: false, code: 'attachment.tooLarge' });
  assert.deepEqual(checkAttachment(bytes('MZ'), limits), { ok: false, code: 'attachment.type' });
  assert.equal(checkAttachment(bytes('%PDF-1.7'), limits).ok, true);
  assert.equal(DEFAULT_ATTACHMENT_LIMITS.staff.maxBytes, 10 * 1024 * 1024);
  assert.equal(DEFAULT_ATTACHMENT_LIMITS.staff.maxFiles, 20);
});

test('the name sent back has no path, no quotes and the extension of the real type', () => {
  assert.equal(safeFileName('C:\\fakepath\\../"өтініш";.exe', 'pdf'), 'өтініш.pdf');
  assert.equal(safeFileName('.hidden', 'png'), 'file.png');
  assert.equal(safeFileName('scan\u0007.html', 'tif'), 'scan.tif');
  assert.equal(contentDisposition('өтініш.pdf'), `attachment; filename="______.pdf"; filename*=UTF-8''${encodeURIComponent('өтініш.pdf')}`);
});
