// A small client of the Asterisk Manager Interface (EA-10): a TCP connection, `Action: Login`,
// then the PBX's events as blocks of `Key: Value` lines ended by a blank line. Of the call events,
// a call's first channel (Newchannel, Uniqueid = Linkedid) gives the caller's number, an
// operator's channel of the same call ringing (Newstate 5) or up (Newstate 6) gives "ringing" and
// "answered" for the operator whose extension names the channel (PJSIP/<extension>-…), and the
// hangup of the call's first channel gives "hangup". Reconnects after a lost connection.
import { connect, type Socket } from 'node:net';
import type { AmiSettings } from '../config.ts';
import type { CtiEvent } from './service.ts';

export type AmiMessage = Record<string, string>;

/** Splits the stream into messages: `Key: Value` lines, a blank line after each message. */
export class AmiParser {
  private buffer = '';

  feed(chunk: string): AmiMessage[] {
    this.buffer += chunk;
    const out: AmiMessage[] = [];
    let end = this.buffer.search(/\r?\n\r?\n/);
    while (end >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      const message: AmiMessage = {};
      for (const line of block.split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon > 0) message[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
      }
      if (Object.keys(message).length > 0) out.push(message);
      end = this.buffer.search(/\r?\n\r?\n/);
    }
    return out;
  }
}

/** Turns the PBX's events into the contact centre's call events. */
export class AmiCallTracker {
  private readonly callers = new Map<string, string>();

  translate(m: AmiMessage): CtiEvent | null {
    const callId = m.Linkedid || m.Uniqueid;
    if (!callId) return null;
    const first = m.Uniqueid === callId;
    if (m.Event === 'Newchannel' && first) {
      if (m.CallerIDNum && m.CallerIDNum !== '<unknown>') this.callers.set(callId, m.CallerIDNum);
      return null;
    }
    if (m.Event === 'Newstate' && !first) {
      const operator = /^[^/]+\/(.+)-[^-]+$/.exec(m.Channel ?? '')?.[1];
      if (!operator) return null;
      const callerPhone = this.callers.get(callId) ?? m.ConnectedLineNum ?? null;
      if (m.ChannelState === '5') return { event: 'ringing', callId, callerPhone, operator };
      if (m.ChannelState === '6') return { event: 'answered', callId, callerPhone, operator };
      return null;
    }
    if (m.Event === 'Hangup' && first) {
      const callerPhone = this.callers.get(callId) ?? m.CallerIDNum ?? null;
      this.callers.delete(callId);
      return { event: 'hangup', callId, callerPhone };
    }
    return null;
  }
}

export interface AmiClient {
  /** Settles when the PBX accepted the login the first time (rejects on a refused login). */
  ready: Promise<void>;
  close(): void;
}

interface Logger {
  warn(o: object, msg: string): void;
  info(o: object, msg: string): void;
}

/** Connects, logs in and hands each call event to `onEvent` in the order they came. */
export function startAmiClient(settings: AmiSettings, onEvent: (e: CtiEvent) => Promise<unknown>, log: Logger, retryMs = 1000): AmiClient {
  let closed = false;
  let socket: Socket | undefined;
  let delay = retryMs;
  let settle: { ok: () => void; fail: (e: Error) => void } | undefined;
  const ready = new Promise<void>((ok, fail) => (settle = { ok, fail }));
  let queue: Promise<unknown> = Promise.resolve();

  const open = () => {
    const parser = new AmiParser();
    const tracker = new AmiCallTracker();
    let loggedIn = false;
    socket = connect({ host: settings.host, port: settings.port });
    socket.setEncoding('utf8');
    socket.setKeepAlive(true, 30_000);
    socket.on('connect', () => {
      socket!.write(`Action: Login\r\nActionID: joldanym-login\r\nUsername: ${settings.username}\r\nSecret: ${settings.secret}\r\nEvents: call\r\n\r\n`);
    });
    socket.on('data', (chunk: string) => {
      for (const m of parser.feed(chunk)) {
        if (!loggedIn && m.ActionID === 'joldanym-login') {
          if (m.Response !== 'Success') {
            log.warn({ message: m.Message }, 'AMI login refused');
            settle?.fail(new Error(`AMI login refused: ${m.Message ?? ''}`));
            settle = undefined;
            closed = true;
            socket!.destroy();
            return;
          }
          loggedIn = true;
          delay = retryMs;
          settle?.ok();
          settle = undefined;
          continue;
        }
        const e = tracker.translate(m);
        if (e) queue = queue.then(() => onEvent(e)).catch((err: unknown) => log.warn({ err, event: e.event, callId: e.callId }, 'AMI event not taken'));
      }
    });
    socket.on('error', (err) => log.warn({ err }, 'AMI connection error'));
    socket.on('close', () => {
      if (closed) return;
      setTimeout(open, delay).unref();
      delay = Math.min(delay * 2, 30_000);
    });
  };
  open();
  return {
    ready,
    close() {
      closed = true;
      socket?.destroy();
    },
  };
}
