// The keys of the query cache, a family per resource, and what each change makes stale.
//
// A key is [resource, …parameters] with the language last where the server answers in the user's
// language (labels, organization names, decision texts): another language is another entry, so
// switching it loads the labels again, as a reload did. A family's first elements are a prefix of
// every key in it: ['appeal', id] matches the card and all its parts, ['queues'] every queue list
// and count.
import type { QueryClient } from '@tanstack/react-query';
import type { Lang } from '../i18n/i18n.tsx';

/** The parts of an appeal's card the server answers in the user's language. */
export type LocalizedAppealPart = 'route' | 'decisions' | 'drafts' | 'correspondence' | 'decisions/allowed';
/** The parts whose answer is the same in every language. */
export type AppealPart = 'term' | 'events' | 'messages' | 'letters' | 'attachments';

type Params = Record<string, string | number | boolean | undefined>;

export const keys = {
  /** Everything about one appeal (a prefix). */
  appeal: (id: string) => ['appeal', id] as const,
  appealCard: (id: string, lang: Lang) => ['appeal', id, 'card', lang] as const,
  appealPart: (id: string, part: AppealPart) => ['appeal', id, part] as const,
  appealLocalized: (id: string, part: LocalizedAppealPart, lang: Lang) => ['appeal', id, part, lang] as const,

  /** My notices (a prefix): the bell's count, the inbox page, the e-mail preference. */
  inbox: ['inbox'] as const,
  inboxList: (unreadOnly: boolean, lang: Lang) => ['inbox', 'list', unreadOnly, lang] as const,
  inboxSettings: ['inbox', 'settings'] as const,

  /** Every queue's list and the counts (a prefix). */
  queues: ['queues'] as const,
  queueCounts: (filter: Params) => ['queues', 'counts', filter] as const,
  queue: (name: string, query: Params, lang: Lang) => ['queues', 'list', name, query, lang] as const,
  overview: (query: Params, lang: Lang) => ['overview', query, lang] as const,
  /** The co-execution tasks addressed to my organization (a prefix). */
  correspondence: ['correspondence'] as const,
  correspondenceInbox: (state: 'open' | 'all', lang: Lang) => ['correspondence', state, lang] as const,

  // reference data: rarely changes
  users: (query: Params, lang: Lang) => ['users', query, lang] as const,
  terms: (documentType: string | undefined, lang: Lang) => ['terms', documentType ?? null, lang] as const,
  correctionFields: (lang: Lang) => ['corrections', 'fields', lang] as const,
  form1Layout: (lang: Lang) => ['form1', 'layout', lang] as const,

  // accounting
  /** The 1-ТӨ reports, their cells and the comparisons of formed reports with now (a prefix). */
  form1: ['form1'] as const,
  form1Report: (query: Params, lang: Lang) => ['form1', 'report', query, lang] as const,
  form1Cell: (query: Params) => ['form1', 'cell', query] as const,
  form1Snapshots: (year: number, month: number) => ['form1', 'snapshots', { year, month }] as const,
  form1Diff: (snapshotId: string) => ['form1', 'diff', snapshotId] as const,
  indicators: ['indicators'] as const,
  indicatorsOf: (query: Params, lang: Lang) => ['indicators', query, lang] as const,
  /** Petitions: the lists and each one (a prefix; not the fields). */
  corrections: ['corrections', 'petitions'] as const,
  correctionList: (status: string | undefined) => ['corrections', 'petitions', 'list', status ?? 'all'] as const,
  correction: (id: string) => ['corrections', 'petitions', id] as const,
  reconciliations: ['reconciliations'] as const,
  reconciliationList: (lang: Lang) => ['reconciliations', 'list', lang] as const,
  reconciliation: (id: string) => ['reconciliations', id] as const,
  accessRequests: (status: string | undefined) => ['access-requests', status ?? 'all'] as const,
  outages: ['outages'] as const,
  outageActs: ['outages', 'acts'] as const,
  lateEntries: ['outages', 'late-entries'] as const,
  exportLog: ['exports', 'log'] as const,

  // the control department (a prefix each): its figures, registers and analyses; instructions
  control: ['control'] as const,
  controlOf: (what: string, query: Params, lang: Lang) => ['control', what, query, lang] as const,
  instructions: ['instructions'] as const,
  instructionList: (query: Params, lang: Lang) => ['instructions', query, lang] as const,
};

const stale = (qc: QueryClient, ...families: (readonly unknown[])[]) => Promise.all(families.map((queryKey) => qc.invalidateQueries({ queryKey }))).then(() => undefined);

/** The lists an appeal is counted in: the queues, the overview, and the figures of 1-ТӨ and the indicators. */
const LISTS = [keys.queues, ['overview'], keys.form1, keys.indicators, keys.inbox] as const;

/** What each change makes stale: the cache entries it touched, nothing else. Entries on screen are
 *  fetched again at once, the others when next shown. */
export const changed = {
  /** Notices marked read. */
  inboxRead: (qc: QueryClient) => stale(qc, keys.inbox),
  /** A step of the appeal's status machine on its card — a decision or a draft, an assignment, a
   *  letter signed, a draft returned, the applicant's fix recorded, a move-out cancelled: the card
   *  and its parts, and the lists it is counted in. */
  appeal: (qc: QueryClient, id: string) => stale(qc, keys.appeal(id), ...LISTS),
  /** An assignment also opens co-execution tasks for other employees. */
  assignment: (qc: QueryClient, id: string) => stale(qc, keys.appeal(id), ...LISTS, keys.correspondence),
  /** An appeal registered (at the desk, or from the paper journal): the lists it joins. */
  registered: (qc: QueryClient) => stale(qc, ...LISTS),
  /** A correction petition filed from the card: the petition lists and the card's timeline. */
  correctionFiled: (qc: QueryClient, appealId: string) => stale(qc, keys.corrections, keys.appealPart(appealId, 'events')),
  /** A petition approved (the correction applied to the appeal) or rejected. */
  correctionDecided: (qc: QueryClient, appealId: string | null | undefined) => stale(qc, keys.corrections, ...(appealId ? [keys.appeal(appealId), ...LISTS] : [])),
  /** A reply to a co-execution task: the inbox, and the appeal's correspondence its executor reads. */
  replied: (qc: QueryClient, appealId: string) => stale(qc, keys.correspondence, ['appeal', appealId, 'correspondence']),
  /** A report of 1-ТӨ formed or signed. */
  snapshots: (qc: QueryClient) => stale(qc, ['form1', 'snapshots']),
  /** A reconciliation opened or confirmed: the list and the reconciliation. */
  reconciliations: (qc: QueryClient) => stale(qc, keys.reconciliations),
  /** An access request decided (an approval creates the user). */
  accessRequests: (qc: QueryClient) => stale(qc, ['access-requests'], ['users']),
  /** An outage act recorded. */
  outageAct: (qc: QueryClient) => stale(qc, keys.outageActs),
  /** An appeal entered from the paper journal: the acts' counts, the late entries, the lists it joins. */
  journalEntry: (qc: QueryClient) => stale(qc, keys.outages, ...LISTS),
  /** A day's package downloaded (the download is logged as a pull). */
  exported: (qc: QueryClient) => stale(qc, keys.exportLog),
  /** A control step (an appeal put under control, a return for rework, a review, an explanation
   *  asked, an instruction recorded): the control screens and the appeal's card. */
  controlled: (qc: QueryClient, appealId?: string) => stale(qc, keys.control, keys.instructions, ...(appealId ? [keys.appeal(appealId)] : [])),
};
