// The worker thread that renders the 1-ТӨ PDF off the event loop (src/pdf/worker-pool.ts).
import { parentPort } from 'node:worker_threads';
import { servePdfWorker } from '../pdf/worker-pool.ts';
import { form1Pdf } from './render.ts';

servePdfWorker(parentPort, form1Pdf);
