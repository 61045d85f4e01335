// How messages leave the system: e-mail over SMTP (nodemailer), SMS through an HTTP gateway, or —
// in demo mode, when neither is configured — the console. A transport resolves with the
// provider's answer on success and throws on failure; the worker records both.
import { createTransport } from 'nodemailer';
import type { Config } from '../config.ts';

export interface EmailAttachment {
  filename: string;
  content: Uint8Array;
}

export interface Email {
  to: string;
  subject: string;
  text: string;
  attachments?: EmailAttachment[];
}

export interface Sms {
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

/** E-mail over SMTP: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465. */
export function smtpTransport(smtpUrl: string, from: string, options: { timeoutMs?: number } = {}): EmailTransport {
  const timeout = options.timeoutMs ?? 60_000;
  const mailer = createTransport({
    url: smtpUrl,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    name: 'smtp',
    async send(email) {
      const info = await mailer.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        attachments: (email.attachments ?? []).map((a) => ({ filename: a.filename, content: Buffer.from(a.content) })),
      });
      const rejected = (info.rejected ?? []).map(String);
      if (rejected.length > 0) throw new Error(`SMTP rejected ${rejected.join(', ')}: ${info.response ?? ''}`);
      return { response: `${info.response ?? ''} ${info.messageId ?? ''}`.trim().slice(0, RESPONSE_MAX) };
    },
    close: () => mailer.close(),
  };
}

/**
 * SMS through an HTTP gateway: POST {to, text} as JSON to the URL; any 2xx answer is success.
 * Credentials in the URL (https://user:pass@gateway/…) are sent as HTTP Basic authorization.
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
  const timeout = options.timeoutMs ?? 30_000;
  return {
    name: 'http-sms',
    async send(sms) {
      const res = await fetch(target, {
        method: 'POST',
        headers,
        body: JSON.stringify({ to: sms.to, text: sms.text }),
        signal: AbortSignal.timeout(timeout),
      });
      const body = (await res.text()).slice(0, RESPONSE_MAX);
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
