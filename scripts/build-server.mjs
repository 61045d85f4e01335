// The server as one JavaScript bundle (dist/cli.js), so that `npm start` runs it with plain node
// instead of transpiling some 300 TypeScript files through tsx at every start (7.8 s and 211 MB on
// the loaded machine, docs/performance.md "The embedded default"). The packages in node_modules
// stay outside the bundle, loaded from there as usual. The PDF worker thread's entry is bundled
// beside it (dist/form1-pdf-worker.js, src/pdf/worker-pool.ts). Tests, benchmarks and `npm run cli`
// keep running the sources through tsx.
//
// Skips the build when dist/ is newer than every file under src/, this script and package.json and
// its lock (a start after a start costs no rebuild). esbuild comes with tsx, a dependency, so it is
// there after `npm install --omit=dev` as well.
//
// `npm start` runs the bundle as `node --liftoff-only dist/cli.js serve`: V8 then keeps the embedded
// PostgreSQL's WebAssembly in its baseline compiler instead of compiling its hot functions again
// with the optimizing one, whose code took some 60 MB more of the server's memory, and whose
// compiles competed with the start for the cores (docs/performance.md "The embedded default").
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist');
/** Packages bundled rather than loaded from node_modules (below). */
const INLINE = ['kysely'];
/** The entries, each built to dist/NAME.js: flat, as src/pdf/worker-pool.ts finds the worker's. */
const ENTRIES = { cli: 'src/cli.ts', 'form1-pdf-worker': 'src/statistics/form1-pdf-worker.ts' };

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const mtime = (p) => {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return 0;
  }
};

const sources = Math.max(newest(join(root, 'src')), ...[fileURLToPath(import.meta.url), join(root, 'package.json'), join(root, 'package-lock.json')].map(mtime));
const built = Math.min(...Object.keys(ENTRIES).map((name) => mtime(join(outdir, `${name}.js`))));
if (built > sources && !process.argv.includes('--force')) process.exit(0);

const { build } = await import('esbuild');
const started = performance.now();
await build({
  absWorkingDir: root,
  entryPoints: ENTRIES,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Packages load from node_modules (their files, .wasm and fonts stay where they expect them), but
  // for kysely: hundreds of small ES modules, whose resolving and compiling one by one took 0.3 s of
  // a start on the loaded machine; bundled, they are one more part of dist/cli.js.
  plugins: [
    {
      name: 'packages-external',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (INLINE.some((p) => args.path === p || args.path.startsWith(`${p}/`)) ? undefined : { path: args.path, external: true }));
      },
    },
  ],
  // for `node --enable-source-maps dist/cli.js`: stack traces in the sources' lines
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.log(`server built into dist/ in ${Math.round(performance.now() - started)} ms`);
