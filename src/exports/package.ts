// The daily-export package (rules p.29): a day's card changes of an organization (or of every
// organization of an instance) as newline-delimited JSON files, a manifest with the counts and the
// SHA-256 of each file, and a detached CMS signature of the manifest. Pure: the same journal gives
// the same bytes.
//
//   tzh1.ndjson       ТЖ-1 records (registration cards), new or changed that day
//   ai1.ndjson        АИ-1 records (applicant cards)
//   tzh2.ndjson       ТЖ-2 records (decision cards)
//   deletions.ndjson  cards deleted that day (by a correction, p.27)
// Each line is {"seq": <the exporting instance's journal number>, "record": {...}} (a deletion:
// {"seq", "kind", "id", "appealId"}), keys sorted, lines ordered by kind and id. The importer keeps
// the version with the highest seq, so packages may come in any order and more than once.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../statistics/cards.ts';

export const EXPORT_FORMAT = 'joldanym-daily-export/1';
export const EXPORT_FILES = ['tzh1.ndjson', 'ai1.ndjson', 'tzh2.ndjson', 'deletions.ndjson'] as const;
export type ExportFileName = (typeof EXPORT_FILES)[number];
export type RecordKind = 'tzh1' | 'ai1' | 'tzh2';

/** The day's last version of a record, from the journal. */
export interface JournalVersion {
  seq: number;
  kind: RecordKind;
  recordId: string;
  appealId: string;
  record: Record<string, unknown> | null;
  /** The record was journaled on an earlier day too (changed, not new). */
  existed: boolean;
}

export interface Manifest {
  format: typeof EXPORT_FORMAT;
  instanceId: string;
  day: string;
  /** The organization's code, or null: every organization of the instance the exporter sees. */
  organization: string | null;
  files: { name: ExportFileName; records: number; bytes: number; sha256: string }[];
  counts: Record<string, number>;
}

/** The package as the API carries it: the manifest's exact text, its signature, the files. */
export interface ExportPackage {
  format: typeof EXPORT_FORMAT;
  manifest: string;
  /** Detached CMS (DER, base64) over the UTF-8 bytes of `manifest`. */
  signature: string;
  files: Record<string, string>;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

function isDeletion(v: JournalVersion): boolean {
  return v.record === null || v.record.deleted === true;
}

/** The files and the manifest of a day's package. */
export function buildPackage(versions: JournalVersion[], head: { instanceId: string; day: string; organization: string | null }): { manifest: Manifest; manifestText: string; files: Record<ExportFileName, string> } {
  const sorted = [...versions].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));
  const lines: Record<ExportFileName, string[]> = { 'tzh1.ndjson': [], 'ai1.ndjson': [], 'tzh2.ndjson': [], 'deletions.ndjson': [] };
  const counts: Record<string, number> = { tzh1New: 0, tzh1Changed: 0, ai1New: 0, ai1Changed: 0, tzh2New: 0, tzh2Changed: 0, deletions: 0 };
  for (const v of sorted) {
    if (isDeletion(v)) {
      lines['deletions.ndjson'].push(canonicalJson({ seq: v.seq, kind: v.kind, id: v.recordId, appealId: v.appealId }));
      counts.deletions!++;
      continue;
    }
    lines[`${v.kind}.ndjson`].push(canonicalJson({ seq: v.seq, record: v.record }));
    counts[`${v.kind}${v.existed ? 'Changed' : 'New'}`]!++;
  }
  const files = Object.fromEntries(EXPORT_FILES.map((name) => [name, lines[name].map((l) => `${l}\n`).join('')])) as Record<ExportFileName, string>;
  const manifest: Manifest = {
    format: EXPORT_FORMAT,
    instanceId: head.instanceId,
    day: head.day,
    organization: head.organization,
    files: EXPORT_FILES.map((name) => ({ name, records: lines[name].length, bytes: Buffer.byteLength(files[name], 'utf8'), sha256: sha256(files[name]) })),
    counts,
  };
  return { manifest, manifestText: canonicalJson(manifest), files };
}

export type PackageCheck<T> = ({ ok: true } & T) | { ok: false; code: string; params?: Record<string, string | number> };

/** The manifest, if readable: the format, the instance and the day it names. */
export function readManifest(pkg: ExportPackage): PackageCheck<{ manifest: Manifest }> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(pkg.manifest) as Manifest;
  } catch {
    return { ok: false, code: 'export.manifestUnreadable' };
  }
  if (manifest.format !== EXPORT_FORMAT || pkg.format !== EXPORT_FORMAT) return { ok: false, code: 'export.format', params: { format: String(manifest.format) } };
  if (typeof manifest.instanceId !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(String(manifest.day)) || !Array.isArray(manifest.files)) {
    return { ok: false, code: 'export.manifestUnreadable' };
  }
  return { ok: true, manifest };
}

/** Whether every file is present with the hash and count the manifest gives; its lines. */
function checkPackageFiles(pkg: ExportPackage, manifest: Manifest): PackageCheck<{ lines: Record<ExportFileName, Record<string, unknown>[]> }> {
  const names = Object.keys(pkg.files ?? {}).sort();
  const listed = manifest.files.map((f) => f.name).sort();
  if (canonicalJson(names) !== canonicalJson(listed) || canonicalJson(listed) !== canonicalJson([...EXPORT_FILES].sort())) {
    return { ok: false, code: 'export.filesMismatch' };
  }
  const lines = {} as Record<ExportFileName, Record<string, unknown>[]>;
  for (const f of manifest.files) {
    const text = pkg.files[f.name]!;
    if (sha256(text) !== f.sha256) return { ok: false, code: 'export.hashMismatch', params: { file: f.name } };
    const parsed = text === '' ? [] : text.replace(/\n$/, '').split('\n');
    if (parsed.length !== f.records) return { ok: false, code: 'export.countMismatch', params: { file: f.name } };
    try {
      lines[f.name] = parsed.map((l) => JSON.parse(l) as Record<string, unknown>);
    } catch {
      return { ok: false, code: 'export.manifestUnreadable' };
    }
  }
  return { ok: true, lines };
}

/** Whether the package is whole: its manifest readable, every file as the manifest gives it. (The signature is checked separately.) */
export function checkPackageContents(pkg: ExportPackage): PackageCheck<{ manifest: Manifest; lines: Record<ExportFileName, Record<string, unknown>[]> }> {
  const head = readManifest(pkg);
  if (!head.ok) return head;
  const files = checkPackageFiles(pkg, head.manifest);
  return files.ok ? { ok: true, manifest: head.manifest, lines: files.lines } : files;
}

/** The key another instance knows a card of `instanceId` by (a UUID derived from both ids). */
export function importedCardKey(instanceId: string, appealId: string): string {
  const h = createHash('sha256').update(`${instanceId}:${appealId}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
