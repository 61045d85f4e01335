// The reception screens' data: keys and requests of the query cache (TanStack Query), as
// ./keys.ts and ./queries.ts hold them for the other areas, and the answers' types.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, unwrap, type paths } from './client.ts';
import type { Lang } from '../i18n/i18n.tsx';

type Json<P extends keyof paths, M extends 'get' | 'post', S extends number> = paths[P][M] extends { responses: { [K in S]: { content: { 'application/json': infer T } } } } ? T : never;

export type Official = Json<'/api/v1/reception/officials', 'get', 200>['items'][number];
export type Session = Json<'/api/v1/reception/sessions', 'get', 200>['items'][number];
export type QueueEntry = Json<'/api/v1/reception/sessions/{id}/queue', 'get', 200>['items'][number];
export type SignUp = Json<'/api/v1/reception/sign-ups', 'get', 200>['items'][number];
export type SurveyCall = Json<'/api/v1/reception/satisfaction/calls', 'get', 200>['items'][number];
export type Hall = Json<'/api/v1/public/reception/sessions/{id}/hall', 'get', 200>;

const receptionKeys = {
  /** Everything of the reception (a prefix). */
  all: ['reception'] as const,
  officials: ['reception', 'officials'] as const,
  schedule: (month: string) => ['reception', 'schedule', month] as const,
  compliance: (month: string) => ['reception', 'compliance', month] as const,
  sessions: (from: string, to: string) => ['reception', 'sessions', from, to] as const,
  session: (id: string) => ['reception', 'session', id] as const,
  signUps: ['reception', 'sign-ups'] as const,
  report: (year: number, quarter: number) => ['reception', 'report', year, quarter] as const,
  calls: ['reception', 'calls'] as const,
  publicSchedule: (organization: string, lang: Lang) => ['public-reception', organization, lang] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

export const receptionQueries = {
  officials: () => queryOptions({ queryKey: receptionKeys.officials, queryFn: () => unwrap(api.GET('/api/v1/reception/officials', {})) }),
  schedule: (month: string) => queryOptions({ queryKey: receptionKeys.schedule(month), queryFn: () => unwrap(api.GET('/api/v1/reception/schedule', { params: { query: month ? { month } : {} } })) }),
  compliance: (month: string) => queryOptions({ queryKey: receptionKeys.compliance(month), queryFn: () => unwrap(api.GET('/api/v1/reception/compliance', { params: { query: month ? { month } : {} } })) }),
  sessions: (from: string, to: string) =>
    queryOptions({ queryKey: receptionKeys.sessions(from, to), queryFn: () => unwrap(api.GET('/api/v1/reception/sessions', { params: { query: { ...(from ? { from } : {}), ...(to ? { to } : {}) } } })) }),
  session: (id: string) => queryOptions({ queryKey: [...receptionKeys.session(id), 'card'], queryFn: () => unwrap(api.GET('/api/v1/reception/sessions/{id}', path(id))) }),
  queue: (id: string) => queryOptions({ queryKey: [...receptionKeys.session(id), 'queue'], queryFn: () => unwrap(api.GET('/api/v1/reception/sessions/{id}/queue', path(id))) }),
  sessionSignUps: (id: string) => queryOptions({ queryKey: [...receptionKeys.session(id), 'sign-ups'], queryFn: () => unwrap(api.GET('/api/v1/reception/sessions/{id}/sign-ups', path(id))) }),
  protocol: (id: string) => queryOptions({ queryKey: [...receptionKeys.session(id), 'protocol'], queryFn: () => unwrap(api.GET('/api/v1/reception/sessions/{id}/protocol', path(id))) }),
  signUps: () => queryOptions({ queryKey: receptionKeys.signUps, queryFn: () => unwrap(api.GET('/api/v1/reception/sign-ups', {})) }),
  report: (year: number, quarter: number) =>
    queryOptions({ queryKey: receptionKeys.report(year, quarter), queryFn: () => unwrap(api.GET('/api/v1/reception/reports/quarterly', { params: { query: { year, quarter } } })) }),
  calls: () => queryOptions({ queryKey: receptionKeys.calls, queryFn: () => unwrap(api.GET('/api/v1/reception/satisfaction/calls', {})) }),
  publicSchedule: (organization: string, lang: Lang) =>
    queryOptions({
      queryKey: receptionKeys.publicSchedule(organization, lang),
      queryFn: () => unwrap(api.GET('/api/v1/public/reception/schedule', { params: { query: organization ? { organization: Number(organization) } : {} } })),
    }),
};

/** A change of the reception: everything of it is stale (the screens are small and few). */
export const receptionChanged = (qc: QueryClient) => qc.invalidateQueries({ queryKey: receptionKeys.all });

/** 'YYYY-MM-DDTHH:mm' (a datetime-local field, Astana time) as an instant with the +05:00 offset. */
export const astanaInstant = (local: string) => (local ? `${local}:00+05:00` : '');

/** An instant as 'HH:MM' and 'YYYY-MM-DD' in Astana time. */
export function astanaParts(iso: string): { date: string; time: string } {
  const d = new Date(new Date(iso).getTime() + 5 * 3_600_000).toISOString();
  return { date: d.slice(0, 10), time: d.slice(11, 16) };
}
