// Rendering a large PDF (the country 1-ТӨ: ~300 ms of pdfmake layout) would block the event loop
// and with it every other request; such documents are rendered in one long-lived worker thread
// per entry module, started on first use and keeping the process alive only while it renders. The
// entry module answers `{ id, args }` with `{ id, pdf }` or `{ id, error }` (servePdfWorker).
import { type MessagePort, Worker } from 'node:worker_threads';

const BOOTSTRAP = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ register }) => { register(); return import(workerData.entry); });`;
/** Run from the bundle (dist/cli.js, scripts/build-server.mjs) rather than from the sources: there
 *  the entry `./NAME.ts` is the bundled `dist/NAME.js`, plain JavaScript that needs no tsx. */
const BUNDLED = !import.meta.url.endsWith('.ts');

type Pending = { resolve: (pdf: Buffer) => void; reject: (e: Error) => void };

/** An idle worker is ended after this long, and started again on the next render: it holds a V8
 *  instance of its own with pdfmake and the fonts, about 100 MB of the server's memory after a
 *  1-ТӨ PDF (docs/performance.md "The embedded default"), for documents asked for now and then. */
const IDLE_MS = 60_000;

/** A function rendering in the worker thread at `entry`; its arguments must be structured-cloneable. */
export function pdfWorker<A extends unknown[]>(entry: URL): (...args: A) => Promise<Buffer> {
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | undefined;
  let next = 0;
  const pending = new Map<number, Pending>();
  const fail = (from: Worker, e: Error) => {
    // an old worker's late exit must not fail the renders of the one that replaced it
    if (worker !== from) return;
    worker = null;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  const start = (): Worker => {
    // From the sources the server runs TypeScript through tsx, whose loader a worker thread does not
    // inherit on every Node version: the worker registers it before loading the entry.
    const w = BUNDLED ? new Worker(new URL(entry.href.replace(/\.ts$/, '.js'))) : new Worker(BOOTSTRAP, { eval: true, workerData: { tsx: import.meta.resolve('tsx/esm/api'), entry: entry.href } });
    w.on('message', (m: { id: number; pdf?: Uint8Array; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      // an idle worker does not keep the process alive; a render in progress does
      if (pending.size === 0) {
        w.unref();
        idle = setTimeout(() => {
          if (worker !== w || pending.size > 0) return;
          worker = null; // its exit is then no failure (fail)
          void w.terminate();
        }, IDLE_MS);
        idle.unref();
      }
      if (m.pdf) p.resolve(Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength));
      else p.reject(new Error(`PDF worker: ${m.error}`));
    });
    w.on('error', (e) => fail(w, e));
    w.on('exit', (code) => fail(w, new Error(`PDF worker exited with ${code}`)));
    return w;
  };
  return (...args: A) =>
    new Promise<Buffer>((resolve, reject) => {
      clearTimeout(idle);
      worker ??= start();
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, args });
    });
}

/** The worker side: answers each request with `render(...args)`, the bytes moved, not copied. */
export function servePdfWorker<A extends unknown[]>(port: MessagePort | null, render: (...args: A) => Promise<Buffer>): void {
  if (!port) throw new Error('servePdfWorker: not in a worker thread');
  port.on('message', async ({ id, args }: { id: number; args: A }) => {
    try {
      const pdf = await render(...args);
      const bytes = new Uint8Array(pdf); // a copy of its own, which can be moved
      port.postMessage({ id, pdf: bytes }, [bytes.buffer]);
    } catch (e) {
      port.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
    }
  });
}
