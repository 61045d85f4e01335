// Settings from the environment (README: Configuration).
import { resolve } from 'node:path';
import type { ReplicaSettings } from './db/replica.ts';
import { DEFAULT_ATTACHMENT_LIMITS, type AttachmentLimits } from './domain/attachments.ts';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** A streaming replica of DATABASE_URL for reports, statistics, exports, queue counts and open
   *  data, used while at most maxLagMs behind (docs/operations.md "Read replica"); unset: all on the primary. */
  replica: ReplicaSettings | undefined;
  dataDir: string;
  /** Demo users and data exist only in demo mode: by default on the embedded database only. */
  demo: boolean;
  /** Demo mode: also a few months of history (JOLDANYM_DEMO_HISTORY=off leaves it out, as the browser tests do). */
  demoHistory?: boolean;
  /** A fixed server clock (ISO 8601), for demos and tests. */
  now: Date | undefined;
  timeZone: string;
  logLevel: string;
  /** Where the public pages are reached: the QR code on letters opens PUBLIC_URL/verify/<id>. */
  publicUrl: string;
  /** SMTP server for e-mail notifications (smtp://user:pass@host:587, smtps://…); unset → console in demo mode, held otherwise. */
  smtpUrl: string | undefined;
  /** The From of notification e-mails. */
  mailFrom: string;
  /** HTTP SMS gateway: POST {to, text} as JSON; unset → console in demo mode, held otherwise. */
  smsGatewayUrl: string | undefined;
  /** Sign-ins a minute from one address (an office behind one NAT address may need more). */
  loginRateLimit: number;
  /** Registry look-ups (a person by IIN, a legal entity by BIN) a minute by one user, each route. */
  registryLookupRateLimit: number;
  /** Staff are told of a term ending this many working days ahead (src/inbox/sweep.ts). */
  termEndingWorkingDays: number;
  /** Where the browser finds NCALayer, the signing tool of the national PKI (its local WebSocket);
   *  null: the web app does not offer it. The page's CSP allows connecting there. */
  ncaLayerUrl: string | null;
  /** The contact centre's telephone link (EA-10, docs/operations.md "The contact centre's telephone link"): the
   *  shared secret of the signed webhook POST /api/v1/cti/events (unset: the webhook refuses every
   *  event), and the Asterisk Manager Interface to listen to (unset: none). */
  cti: { webhookSecret: string | undefined; ami: AmiSettings | undefined };
  /** Attachments (issue 10 item 11): a file's size and a card's count, the staff's and the portal's
   *  (src/domain/attachments.ts DEFAULT_ATTACHMENT_LIMITS when unset). */
  attachments?: { staff: AttachmentLimits; portal: AttachmentLimits };
}

/** A limit from the environment: a positive whole number, else the default. */
const positive = (value: string | undefined, fallback: number) => (Number.isInteger(Number(value)) && Number(value) > 0 ? Number(value) : fallback);

function attachmentLimitsOf(env: NodeJS.ProcessEnv): Config['attachments'] {
  const d = DEFAULT_ATTACHMENT_LIMITS;
  const mb = 1024 * 1024;
  return {
    staff: { maxBytes: positive(env.JOLDANYM_ATTACHMENT_MAX_MB, d.staff.maxBytes / mb) * mb, maxFiles: positive(env.JOLDANYM_ATTACHMENTS_PER_CARD, d.staff.maxFiles) },
    portal: { maxBytes: positive(env.JOLDANYM_PORTAL_ATTACHMENT_MAX_MB, d.portal.maxBytes / mb) * mb, maxFiles: positive(env.JOLDANYM_PORTAL_ATTACHMENTS, d.portal.maxFiles) },
  };
}

export interface AmiSettings {
  host: string;
  port: number;
  username: string;
  secret: string;
}

function amiOf(env: NodeJS.ProcessEnv): AmiSettings | undefined {
  if (!env.JOLDANYM_AMI_HOST) return undefined;
  if (!env.JOLDANYM_AMI_USERNAME || !env.JOLDANYM_AMI_SECRET) throw new Error('JOLDANYM_AMI_HOST needs JOLDANYM_AMI_USERNAME and JOLDANYM_AMI_SECRET');
  const port = Number(env.JOLDANYM_AMI_PORT ?? 5038);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`JOLDANYM_AMI_PORT is not a port: ${env.JOLDANYM_AMI_PORT}`);
  return { host: env.JOLDANYM_AMI_HOST, port, username: env.JOLDANYM_AMI_USERNAME, secret: env.JOLDANYM_AMI_SECRET };
}

/** The default of termEndingWorkingDays: as the queues' "at risk" (src/domain/queues.ts). */
export const TERM_ENDING_WORKING_DAYS = 3;

/** The default bound of the replica's lag: reports a few seconds old are as good as current. */
export const REPLICA_MAX_LAG_MS = 5_000;

function replicaOf(env: NodeJS.ProcessEnv): ReplicaSettings | undefined {
  if (!env.DATABASE_REPLICA_URL) return undefined;
  if (!env.DATABASE_URL) throw new Error('DATABASE_REPLICA_URL needs DATABASE_URL: the embedded database has no replica');
  const maxLagMs = Number(env.DATABASE_REPLICA_MAX_LAG_MS ?? REPLICA_MAX_LAG_MS);
  if (!(maxLagMs >= 0)) throw new Error(`DATABASE_REPLICA_MAX_LAG_MS is not a number of milliseconds: ${env.DATABASE_REPLICA_MAX_LAG_MS}`);
  return { url: env.DATABASE_REPLICA_URL, maxLagMs };
}

/** The default of registryLookupRateLimit. */
export const REGISTRY_LOOKUPS_PER_MINUTE = 60;

/** NCALayer's own address on the user's machine (pki.gov.kz). */
export const NCALAYER_DEFAULT_URL = 'wss://127.0.0.1:13579/';

function ncaLayerUrlOf(value: string | undefined): string | null {
  if (value === '') return null;
  let url: URL;
  try {
    url = new URL(value ?? NCALAYER_DEFAULT_URL);
  } catch {
    throw new Error(`NCALAYER_URL is not a URL: ${value}`);
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new Error(`NCALAYER_URL is not a ws:// or wss:// address: ${value}`);
  return url.href;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  const now = env.JOLDANYM_NOW ? new Date(env.JOLDANYM_NOW) : undefined;
  if (now && Number.isNaN(now.getTime())) throw new Error(`JOLDANYM_NOW is not an ISO 8601 instant: ${env.JOLDANYM_NOW}`);
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl,
    replica: replicaOf(env),
    dataDir: resolve(env.JOLDANYM_DATA_DIR ?? 'data/pglite'),
    demo: env.JOLDANYM_DEMO ? env.JOLDANYM_DEMO === 'true' : databaseUrl === undefined,
    demoHistory: env.JOLDANYM_DEMO_HISTORY !== 'off',
    now,
    timeZone: env.JOLDANYM_TIME_ZONE ?? 'Asia/Almaty',
    logLevel: env.LOG_LEVEL ?? 'info',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/$/, ''),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Joldanym <noreply@joldanym.local>',
    smsGatewayUrl: env.SMS_GATEWAY_URL || undefined,
    loginRateLimit: Math.max(1, Number(env.JOLDANYM_LOGIN_RATE_LIMIT ?? 20) || 20),
    registryLookupRateLimit: Math.max(1, Number(env.JOLDANYM_REGISTRY_LOOKUP_RATE_LIMIT ?? REGISTRY_LOOKUPS_PER_MINUTE) || REGISTRY_LOOKUPS_PER_MINUTE),
    termEndingWorkingDays: Math.max(0, Math.floor(Number(env.JOLDANYM_TERM_ENDING_DAYS ?? TERM_ENDING_WORKING_DAYS))) || TERM_ENDING_WORKING_DAYS,
    ncaLayerUrl: ncaLayerUrlOf(env.NCALAYER_URL),
    cti: { webhookSecret: env.JOLDANYM_CTI_SECRET || undefined, ami: amiOf(env) },
    attachments: attachmentLimitsOf(env),
  };
}
