// The data of the screens through one query cache (TanStack Query): each resource's key (./keys.ts)
// beside the request that answers it, so two screens asking for the same thing share one entry.
// Changes are POSTs where they happen; they then mark stale what they touched (changed.* in keys.ts).
import { keepPreviousData, QueryClient, queryOptions } from '@tanstack/react-query';
import { api, ApiError, unwrap, type paths } from './client.ts';
import { keys } from './keys.ts';
import type { Lang } from '../i18n/i18n.tsx';

type Query<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? NonNullable<Q> : never;

/** Reference data (users, term rules, the correctable fields, the layout of 1-ТӨ) changes rarely. */
const REFERENCE = 5 * 60_000;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // a few seconds: moving between screens does not ask again at once; a colleague's change shows soon
        staleTime: 5_000,
        // an answer the server refused (4xx: not found, forbidden, invalid) stays refused; a network
        // failure or a server error is tried once more
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 1,
        // coming back to the tab (a card left open while colleagues work on it) shows it as it is now
        refetchOnWindowFocus: true,
        // another filter, page or language: the previous answer stays on screen until the new one comes
        placeholderData: keepPreviousData,
      },
    },
  });
}

const path = (id: string) => ({ params: { path: { id } } });

// --- an appeal's card ---

export const appealQueries = {
  card: (id: string, lang: Lang) => queryOptions({ queryKey: keys.appealCard(id, lang), queryFn: () => unwrap(api.GET('/api/v1/appeals/{id}', path(id))) }),
  term: (id: string) => queryOptions({ queryKey: keys.appealPart(id, 'term'), queryFn: () => unwrap(api.GET('/api/v1/appeals/{id}/term', path(id))) }),
  events: (id: string) => queryOptions({ queryKey: keys.appealPart(id, 'events'), queryFn: () => unwrap(api.GET('/api/v1/appeals/{id}/events', path(id))) }),
  messages: (id: string) => queryOptions({ queryKey: keys.appealPart(id, 'messages'), queryFn: () => unwrap(api.GET('/api/v1/appeals/{id}/messages', path(id))) }),
  letters: (id: string) => queryOptions({ queryKey: keys.appealPart(id, 'letters'), queryFn: () => unwrap(api.GET('/api/v1/appeals/{id}/letters', path(id))) }),
  attachments: (id: string) => queryOptions({ queryKey: keys.appealPart(id, 'attachments'), queryFn: () => unwrap(api.GET('/api/v1/appeals/{id}/attachments', path(id))) }),
  route: (id: string, lang: Lang) => queryOptions({ queryKey: keys.appealLocalized(id, 'route', lang), queryFn: () => unwrap(api.GET('/api/v1/appeals/{id}/route', path(id))) }),
  decisions: (id: string, lang: Lang) => queryOptions({ queryKey: keys.appealLocalized(id, 'decisions', lang), queryFn: () => unwrap(api.GET('/api/v1/appeals/{id}/decisions', path(id))) }),
  drafts: (id: string, lang: Lang) => queryOptions({ queryKey: keys.appealLocalized(id, 'drafts', lang), queryFn: () => unwrap(api.GET('/api/v1/appeals/{id}/drafts', path(id))) }),
  correspondence: (id: string, lang: Lang) => queryOptions({ queryKey: keys.appealLocalized(id, 'correspondence', lang), queryFn: () => unwrap(api.GET('/api/v1/appeals/{id}/correspondence', path(id))) }),
  allowed: (id: string, lang: Lang) => queryOptions({ queryKey: keys.appealLocalized(id, 'decisions/allowed', lang), queryFn: () => unwrap(api.GET('/api/v1/appeals/{id}/decisions/allowed', path(id))) }),
};

// --- the work lists ---

export const listQueries = {
  queueCounts: (filter: Query<'/api/v1/queues'>) => queryOptions({ queryKey: keys.queueCounts(filter), queryFn: () => unwrap(api.GET('/api/v1/queues', { params: { query: filter } })) }),
  queue: (queue: NonNullable<paths['/api/v1/queues/{queue}']['get']['parameters']['path']>['queue'], query: Query<'/api/v1/queues/{queue}'>, lang: Lang) =>
    queryOptions({ queryKey: keys.queue(queue, query, lang), queryFn: () => unwrap(api.GET('/api/v1/queues/{queue}', { params: { path: { queue }, query } })) }),
  overview: (query: Query<'/api/v1/overview'>, lang: Lang) => queryOptions({ queryKey: keys.overview(query, lang), queryFn: () => unwrap(api.GET('/api/v1/overview', { params: { query } })) }),
  correspondence: (state: 'open' | 'all', lang: Lang) => queryOptions({ queryKey: keys.correspondenceInbox(state, lang), queryFn: () => unwrap(api.GET('/api/v1/correspondence', { params: { query: { state } } })) }),
};

// --- reference data ---

export const referenceQueries = {
  users: (query: Query<'/api/v1/users'>, lang: Lang) => queryOptions({ queryKey: keys.users(query, lang), queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query } })), staleTime: REFERENCE }),
  terms: (documentType: Query<'/api/v1/terms'>['documentType'], lang: Lang) =>
    queryOptions({
      queryKey: keys.terms(documentType, lang),
      queryFn: () => unwrap(api.GET('/api/v1/terms', documentType ? { params: { query: { documentType } } } : {})),
      staleTime: REFERENCE,
    }),
  correctionFields: (lang: Lang) => queryOptions({ queryKey: keys.correctionFields(lang), queryFn: () => unwrap(api.GET('/api/v1/corrections/fields')), staleTime: REFERENCE }),
  form1Layout: (lang: Lang) => queryOptions({ queryKey: keys.form1Layout(lang), queryFn: () => unwrap(api.GET('/api/v1/reports/form1/layout')), staleTime: REFERENCE }),
};

// --- accounting ---

export const accountingQueries = {
  form1: (query: Query<'/api/v1/reports/form1'>, lang: Lang) => queryOptions({ queryKey: keys.form1Report(query, lang), queryFn: () => unwrap(api.GET('/api/v1/reports/form1', { params: { query } })) }),
  form1Cell: (query: Query<'/api/v1/reports/form1/cell'>) => queryOptions({ queryKey: keys.form1Cell(query), queryFn: () => unwrap(api.GET('/api/v1/reports/form1/cell', { params: { query } })) }),
  snapshots: (year: number, month: number) => queryOptions({ queryKey: keys.form1Snapshots(year, month), queryFn: () => unwrap(api.GET('/api/v1/reports/form1/snapshots', { params: { query: { year, month } } })) }),
  diff: (snapshotId: string) => queryOptions({ queryKey: keys.form1Diff(snapshotId), queryFn: () => unwrap(api.GET('/api/v1/reports/form1/snapshots/{id}/diff', path(snapshotId))) }),
  indicators: (query: Query<'/api/v1/indicators'>, lang: Lang) => queryOptions({ queryKey: keys.indicatorsOf(query, lang), queryFn: () => unwrap(api.GET('/api/v1/indicators', { params: { query } })) }),
  corrections: (status: Query<'/api/v1/corrections'>['status']) => queryOptions({ queryKey: keys.correctionList(status), queryFn: () => unwrap(api.GET('/api/v1/corrections', { params: { query: { status } } })) }),
  correction: (id: string) => queryOptions({ queryKey: keys.correction(id), queryFn: () => unwrap(api.GET('/api/v1/corrections/{id}', path(id))) }),
  reconciliations: (lang: Lang) => queryOptions({ queryKey: keys.reconciliationList(lang), queryFn: () => unwrap(api.GET('/api/v1/reconciliations')) }),
  reconciliation: (id: string) => queryOptions({ queryKey: keys.reconciliation(id), queryFn: () => unwrap(api.GET('/api/v1/reconciliations/{id}', path(id))) }),
  accessRequests: (status: Query<'/api/v1/access-requests'>['status']) =>
    queryOptions({ queryKey: keys.accessRequests(status), queryFn: () => unwrap(api.GET('/api/v1/access-requests', { params: { query: { status } } })) }),
  outageActs: () => queryOptions({ queryKey: keys.outageActs, queryFn: () => unwrap(api.GET('/api/v1/outages')) }),
  lateEntries: () => queryOptions({ queryKey: keys.lateEntries, queryFn: () => unwrap(api.GET('/api/v1/outages/late-entries')) }),
  exportLog: () => queryOptions({ queryKey: keys.exportLog, queryFn: () => unwrap(api.GET('/api/v1/exports/log', { params: { query: { limit: 200 } } })) }),
};

// --- my notices (issue 10, item 13) ---

export const inboxQueries = {
  /** The newest notices and the unread count; asked again each minute, so the bell shows new ones. */
  list: (unreadOnly: boolean, lang: Lang) =>
    queryOptions({
      queryKey: keys.inboxList(unreadOnly, lang),
      queryFn: () => unwrap(api.GET('/api/v1/inbox', { params: { query: { limit: 50, offset: 0, ...(unreadOnly ? { unread: true } : {}) } } })),
      refetchInterval: 60_000,
    }),
  settings: () => queryOptions({ queryKey: keys.inboxSettings, queryFn: () => unwrap(api.GET('/api/v1/inbox/settings')) }),
};

// --- the control department (issue 12) ---

export const controlQueries = {
  dashboard: (query: Query<'/api/v1/control/dashboard'>, lang: Lang) =>
    queryOptions({ queryKey: keys.controlOf('dashboard', query, lang), queryFn: () => unwrap(api.GET('/api/v1/control/dashboard', { params: { query } })) }),
  quality: (lang: Lang) => queryOptions({ queryKey: keys.controlOf('quality', {}, lang), queryFn: () => unwrap(api.GET('/api/v1/control/quality')) }),
  checklist: (lang: Lang) => queryOptions({ queryKey: keys.controlOf('checklist', {}, lang), queryFn: () => unwrap(api.GET('/api/v1/control/quality/checklist')), staleTime: REFERENCE }),
  reworks: (query: Query<'/api/v1/control/reworks'>, lang: Lang) => queryOptions({ queryKey: keys.controlOf('reworks', query, lang), queryFn: () => unwrap(api.GET('/api/v1/control/reworks', { params: { query } })) }),
  violations: (query: Query<'/api/v1/control/violations'>, lang: Lang) =>
    queryOptions({ queryKey: keys.controlOf('violations', query, lang), queryFn: () => unwrap(api.GET('/api/v1/control/violations', { params: { query } })) }),
  content: (query: Query<'/api/v1/control/content'>, lang: Lang) => queryOptions({ queryKey: keys.controlOf('content', query, lang), queryFn: () => unwrap(api.GET('/api/v1/control/content', { params: { query } })) }),
  systemic: (query: Query<'/api/v1/control/systemic-problems'>, lang: Lang) =>
    queryOptions({ queryKey: keys.controlOf('systemic', query, lang), queryFn: () => unwrap(api.GET('/api/v1/control/systemic-problems', { params: { query } })) }),
  words: (query: Query<'/api/v1/control/content/words'>) => queryOptions({ queryKey: keys.controlOf('words', query, 'kk'), queryFn: () => unwrap(api.GET('/api/v1/control/content/words', { params: { query } })) }),
  map: (query: Query<'/api/v1/control/map'>, lang: Lang) => queryOptions({ queryKey: keys.controlOf('map', query, lang), queryFn: () => unwrap(api.GET('/api/v1/control/map', { params: { query } })) }),
  documents: () => queryOptions({ queryKey: keys.controlOf('documents', {}, 'kk'), queryFn: () => unwrap(api.GET('/api/v1/control/documents')) }),
  proposals: (lang: Lang) => queryOptions({ queryKey: keys.controlOf('proposals', {}, lang), queryFn: () => unwrap(api.GET('/api/v1/control/disciplinary-proposals')) }),
  briefings: (lang: Lang) => queryOptions({ queryKey: keys.controlOf('briefings', {}, lang), queryFn: () => unwrap(api.GET('/api/v1/control/briefings')) }),
  checks: (lang: Lang) => queryOptions({ queryKey: keys.controlOf('checks', {}, lang), queryFn: () => unwrap(api.GET('/api/v1/control/checks')) }),
  instructions: (query: Query<'/api/v1/instructions'>, lang: Lang) => queryOptions({ queryKey: keys.instructionList(query, lang), queryFn: () => unwrap(api.GET('/api/v1/instructions', { params: { query } })) }),
};
