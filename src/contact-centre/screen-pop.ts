// The screen pop (EA-10): what the telephone system says about a call reaches the operator's
// console at once, over server-sent events. Subscribers live in this process: with several server
// processes behind a balancer, the telephone system's events and the consoles must reach the same
// one (docs/operations.md, "The contact centre's telephone link").
import { EventEmitter } from 'node:events';
import type { Config } from '../config.ts';

export interface ScreenPop {
  kind: 'ringing' | 'answered' | 'hangup';
  contactId: string;
  callId: string;
  callerPhone: string | null;
}

// One hub per server (the configuration object is the server's own, shared by its contexts).
const hubs = new WeakMap<Config, EventEmitter>();

function hub(config: Config): EventEmitter {
  let h = hubs.get(config);
  if (!h) {
    h = new EventEmitter();
    h.setMaxListeners(0);
    hubs.set(config, h);
  }
  return h;
}

/** Sends the pop to the consoles the operator has open. */
export function publishScreenPop(config: Config, operatorId: string, pop: ScreenPop): void {
  hub(config).emit(operatorId, pop);
}

/** Listens for the operator's pops; returns the function that stops listening. */
export function subscribeScreenPops(config: Config, operatorId: string, listener: (pop: ScreenPop) => void): () => void {
  hub(config).on(operatorId, listener);
  return () => hub(config).off(operatorId, listener);
}
