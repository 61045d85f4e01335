// How messages leave the system: e-mail over SMTP (nodemailer), SMS through an HTTP gateway, or —
// in demo mode, when neither is configured — the console. A transport resolves with the
// provider's answer on success and throws on failure; the worker records both.
import { createTransport, type SendMailOptions } from 'nodemailer';
import type { Config } from '../config.ts';

export interface EmailAttachment {
  filename: string;
  content: Uint8Array;
}

export interface Email {
  /** The message's identity (outbox.ts, messageKey), the same on every attempt: its Message-ID. */
  key: string;
  to: string;
  subject: string;
  text: string;
  attachments?: EmailAttachment[];
}

export interface Sms {
  /** The message's identity (outbox.ts, messageKey), the same on every attempt: the gateway's idempotency key. */
  key: string;
  to: string;
  text: string;
}

export interface Sent {
  /** What the provider answered (SMTP reply and message id, gateway status and body). */
  response: string;
}

export interface EmailTransport {
  readonly name: string;
  send(email: Email): Promise<Sent>;
  close?(): void;
}

export interface SmsTransport {
  readonly name: string;
  send(sms: Sms): Promise<Sent>;
  close?(): void;
}

/** null: the channel is not configured — its messages wait in the outbox until it is. */
export interface Transports {
  email: EmailTransport | null;
  sms: SmsTransport | null;
}

const RESPONSE_MAX = 1000;

/**
 * The longest one e-mail may take, connecting to the last reply, and the longest one SMS may take.
 * The worker's lease (DEFAULT_LEASE_MINUTES in worker.ts) must exceed both, so that a hung peer
 * cannot hold a message beyond its lease.
 */
export const DEFAULT_SMTP_TIMEOUT_MS = 60_000;
export const DEFAULT_SMS_TIMEOUT_MS = 15_000;

/**
 * E-mail over SMTP: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465.
 * timeoutMs bounds each phase (connecting, the greeting, any silence of the server) and the whole
 * send: a server that accepts the connection and never answers fails the attempt after it.
 */
export function smtpTransport(smtpUrl: string, from: string, options: { timeoutMs?: number } = {}): EmailTransport {
  const timeout = options.timeoutMs ?? DEFAULT_SMTP_TIMEOUT_MS;
  const mailer = createTransport({
    url: smtpUrl,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dnsTimeout: timeout,
  });
  return {
    name: 'smtp',
    async send(email) {
      // nodemailer 10 takes an AbortSignal (not yet in @types/nodemailer): it closes the connection
      const mail: SendMailOptions & { signal: AbortSignal } = {
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        messageId: `<${email.key}>`,
        attachments: (email.attachments ?? []).map((a) => ({ filename: a.filename, content: Buffer.from(a.content) })),
        signal: AbortSignal.timeout(timeout),
      };
      const info = await mailer.sendMail(mail).catch((e: unknown) => {
        // the deadline of the whole send or of one phase of it, whichever came first
        const timedOut = mail.signal.aborted || (e as { code?: unknown }).code === 'ETIMEDOUT';
        throw timedOut ? new Error(`SMTP server did not answer in time (${timeout} ms)`, { cause: e }) : e;
      });
      const rejected = (info.rejected ?? []).map(String);
      if (rejected.length > 0) throw new Error(`SMTP rejected ${rejected.join(', ')}: ${info.response ?? ''}`);
      return { response: `${info.response ?? ''} ${info.messageId ?? ''}`.trim().slice(0, RESPONSE_MAX) };
    },
    close: () => mailer.close(),
  };
}

/**
 * SMS through an HTTP gateway: POST {id, to, text} as JSON to the URL, with the message's key as
 * `id` and as the `Idempotency-Key` header (the same on every attempt, so the gateway can drop a
 * repeat); any 2xx answer is success. Credentials in the URL (https://user:pass@gateway/…) are sent
 * as HTTP Basic authorization. timeoutMs bounds the whole exchange, the answer's body included.
 */
export function httpSmsGateway(gatewayUrl: string, options: { timeoutMs?: number } = {}): SmsTransport {
  const url = new URL(gatewayUrl);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/plain, */*' };
  if (url.username || url.password) {
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  const target = url.toString();
  const timeout = options.timeoutMs ?? DEFAULT_SMS_TIMEOUT_MS;
  return {
    name: 'http-sms',
    async send(sms) {
      const signal = AbortSignal.timeout(timeout);
      let res: Response;
      let body: string;
      try {
        res = await fetch(target, {
          method: 'POST',
          headers: { ...headers, 'idempotency-key': sms.key },
          body: JSON.stringify({ id: sms.key, to: sms.to, text: sms.text }),
          signal,
        });
        body = (await res.text()).slice(0, RESPONSE_MAX);
      } catch (e) {
        if (signal.aborted) throw new Error(`SMS gateway did not answer in time (${timeout} ms)`, { cause: e });
        throw e;
      }
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}${body ? `: ${body}` : ''}`);
      return { response: `${res.status}${body ? ` ${body}` : ''}`.slice(0, RESPONSE_MAX) };
    },
  };
}

/** Demo mode: prints each message and succeeds. */
export function consoleTransports(log: (line: string) => void = console.log): { email: EmailTransport; sms: SmsTransport } {
  return {
    email: {
      name: 'console',
      async send(email) {
        const files = (email.attachments ?? []).map((a) => `${a.filename} (${a.content.byteLength} bytes)`).join(', ');
        log(`[e-mail to ${email.to}] ${email.subject}${files ? ` [attached: ${files}]` : ''}\n${email.text}`);
        return { response: 'printed to the console (demo mode)' };
      },
    },
    sms: {
      name: 'console',
      async send(sms) {
        log(`[SMS to ${sms.to}] ${sms.text}`);
        return { response: 'printed to the console (demo mode)' };
      },
    },
  };
}

/**
 * SMTP_URL → SMTP, SMS_GATEWAY_URL → the HTTP gateway; an unset one is the console in demo mode,
 * and otherwise null (its messages wait until it is configured).
 */
export function transportsFromConfig(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'smsGatewayUrl' | 'demo'>, log?: (line: string) => void): Transports {
  const demo = config.demo ? consoleTransports(log) : null;
  return {
    email: config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : (demo?.email ?? null),
    sms: config.smsGatewayUrl ? httpSmsGateway(config.smsGatewayUrl) : (demo?.sms ?? null),
  };
}
