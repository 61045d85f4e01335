// Open data (EA-08) and Open311 GeoReport v2 (issue 14 §6–§7) as data: the datasets (appeals,
// personal receptions, the contact centre), their
// Frictionless Table Schema, the licence, the CSV form, and the public face of an appeal's status.
// Counts of 1–4 are published as empty cells (SMALL_CELL, src/domain/portal.ts).
import { APPEAL_STATUSES, type AppealStatus } from './decisions.ts';
import { suppressed } from './portal.ts';

export const LICENSE = Object.freeze({ name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' });

export type FieldType = 'string' | 'integer' | 'number';

export interface DatasetField {
  name: string;
  type: FieldType;
  description: string;
  /** integer counts that are suppressed below 5 (empty in the CSV) */
  count?: boolean;
  constraints?: { minimum: number };
}

export interface Dataset {
  name: string;
  title: string;
  description: string;
  fields: DatasetField[];
}

const org: DatasetField[] = [
  { name: 'organization_code', type: 'string', description: 'Code of the organization in the tree of Joldanym' },
  { name: 'organization_name_kk', type: 'string', description: 'Name of the organization in Kazakh' },
  { name: 'organization_name_ru', type: 'string', description: 'Name of the organization in Russian' },
  { name: 'year', type: 'integer', description: 'Calendar year of the figures' },
  { name: 'month', type: 'integer', description: 'Month (1–12)' },
];

const count = (name: string, description: string): DatasetField => ({ name, type: 'integer', description: `${description}; empty when 1–4 (suppressed)`, count: true });
const ratio = (name: string, description: string): DatasetField => ({ name, type: 'number', description: `${description} (0–1); empty when its base is zero, or its base or part is suppressed` });

export const DATASETS: readonly Dataset[] = [
  {
    name: 'appeals-monthly',
    title: 'Appeals by organization and month (from the 1-ТӨ aggregates)',
    description: "Each organization's own appeals per month, from the same cells as the report 1-ТӨ: received, electronic, reviewed, decided late, overdue at the end of the month (e-akimat indicators 1.2.1, 1.2.8)",
    fields: [
      ...org,
      count('received', 'Appeals registered in the month'),
      count('electronic', 'Of them, received in electronic form'),
      count('reviewed', 'Appeals whose review ended in the month'),
      count('decided_late', 'Of them, decided after the due date'),
      count('overdue_at_end', 'In review and overdue at the end of the month (empty while the month runs)'),
      ratio('on_time_share', 'Share of the reviewed decided on time'),
      ratio('electronic_share', 'Share of the received that came electronically'),
    ],
  },
  {
    name: 'appeals-by-category',
    title: 'Appeals by organization, issue category, channel, month and status',
    description: 'Appeals registered in the year, counted by organization × issue category × channel × month × current status; appeals with security information left out',
    fields: [
      ...org,
      { name: 'issue_category', type: 'string', description: 'Code of the issue category (the Open311 service_code); empty when none' },
      { name: 'channel', type: 'string', description: 'Channel of receipt' },
      { name: 'status', type: 'string', description: `Current status: ${APPEAL_STATUSES.join(', ')}` },
      count('appeals', 'Number of appeals'),
    ],
  },
  {
    name: 'receptions-monthly',
    title: 'Personal receptions by organization and month',
    description:
      'Personal receptions of officials (rules of personal reception) per organization and month of the reception day: sessions held or planned, by video, cancelled; visitors who came and were received; sign-ups for a reception registered in the month',
    fields: [
      ...org,
      count('sessions', 'Reception sessions planned or held on a day of the month (not cancelled)'),
      count('video_sessions', 'Of them, held by video link'),
      count('sessions_cancelled', 'Reception sessions of the month cancelled'),
      count('visitors', 'Visitors who came to the sessions of the month (the live queue)'),
      count('visitors_served', 'Of them, received by the official'),
      count('sign_ups', 'Sign-ups for a personal reception registered in the month (appeals with security information left out)'),
    ],
  },
  {
    name: 'contact-centre-monthly',
    title: 'Contact centre figures by centre, month and channel',
    description: 'Contacts of the contact centre (calls, chats, web forms, e-mails) per centre, month of the contact (local time) and channel, by what came of them, with the average time to answer',
    fields: [
      ...org,
      { name: 'channel', type: 'string', description: 'Channel of the contact: phone, chat, web, email' },
      count('contacts', 'Contacts started in the month'),
      count('answered', 'Of them, answered by an operator'),
      count('consultations', 'Closed with a consultation'),
      count('status_answers', "Closed with an answer about an appeal's status"),
      count('public_service_complaints', 'Closed as a complaint about a public service'),
      count('appeals', 'Closed by registering an appeal'),
      { name: 'average_answer_seconds', type: 'integer', description: 'Average seconds from the start of a contact to its answer; empty when the answered are suppressed or none', constraints: { minimum: 0 } },
    ],
  },
];

export type Row = Record<string, string | number | null>;

/** A count as published: suppressed below 5. */
export function publishedCount(n: number): number | null {
  return suppressed(n);
}

/** A share as published: none when its base is zero or suppressed, or its part is suppressed (the
 *  share and the base would give the part away). */
export function publishedShare(part: number, whole: number): number | null {
  if (whole === 0 || publishedCount(whole) === null || publishedCount(part) === null) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

/** RFC 4180 CSV with a header row; null as an empty cell (the descriptor's missingValues). */
export function toCsv(dataset: Dataset, rows: readonly Row[]): string {
  const cell = (v: string | number | null | undefined) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [dataset.fields.map((f) => f.name).join(','), ...rows.map((r) => dataset.fields.map((f) => cell(r[f.name])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** The Frictionless Data Package descriptor of the datasets, each as CSV and as JSON. */
export function dataPackage(year: number, created: string) {
  const schema = (d: Dataset) => ({
    fields: d.fields.map((f) => ({ name: f.name, type: f.type, description: f.description, ...(f.count ? { constraints: { minimum: 0 } } : f.constraints ? { constraints: f.constraints } : {}) })),
    missingValues: [''],
  });
  return {
    profile: 'tabular-data-package',
    name: 'joldanym-appeals',
    title: 'Appeals of citizens and organizations: open data of Joldanym (EA-08)',
    description: 'Aggregated, de-identified figures of appeals; counts of 1 to 4 are suppressed so that no person can be singled out.',
    version: String(year),
    created,
    licenses: [LICENSE],
    resources: DATASETS.flatMap((d) => [
      {
        profile: 'tabular-data-resource',
        name: d.name,
        title: d.title,
        description: d.description,
        path: `${d.name}.csv`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: schema(d),
        licenses: [LICENSE],
      },
      {
        name: `${d.name}-json`,
        title: d.title,
        description: `${d.description} (JSON: an array of objects with the same fields)`,
        path: `${d.name}.json`,
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        schema: schema(d),
        licenses: [LICENSE],
      },
    ]),
  };
}

// ---- Open311 ----

const CLOSED: ReadonlySet<AppealStatus> = new Set(['completed', 'forwarded', 'attached', 'movedOut', 'returned', 'withdrawn', 'terminated']);

/** GeoReport v2 knows two statuses: a review that ended is closed. */
export function open311Status(status: string): 'open' | 'closed' {
  return CLOSED.has(status as AppealStatus) ? 'closed' : 'open';
}

export function statusesOf(open311: 'open' | 'closed'): AppealStatus[] {
  return APPEAL_STATUSES.filter((s) => open311Status(s) === open311);
}

/** A minimal XML form of GeoReport's answers: `root` of `item` elements with the fields as children. */
export function toXml(root: string, item: string, rows: readonly Record<string, unknown>[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const value = (v: unknown): string => (v === null || v === undefined ? '' : Array.isArray(v) ? v.map((x) => `<value>${value(x)}</value>`).join('') : esc(String(v)));
  const body = rows
    .map(
      (r) =>
        `<${item}>${Object.entries(r)
          .map(([k, v]) => `<${k}>${value(v)}</${k}>`)
          .join('')}</${item}>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><${root}>${body}</${root}>`;
}
