// The web apps: `npm run build:web` builds them into web/dist, which the server serves
// (src/http/web.ts): the citizen portal (web/portal/, at /) and the staff workspace (web/index.html,
// under /staff). Routes are split into their own chunks; the build prints the size of the
// JavaScript a first page load of each needs and fails above its budget.
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** Initial JavaScript: the entry chunk and every chunk it imports statically (not the lazy routes),
 *  per entry: the portal must load fast on a slow phone (issue 14 §1). */
const INITIAL_JS_BUDGET_KB: Record<string, number> = { staff: 300, portal: 150 };
const ENTRIES = { staff: 'index.html', portal: 'portal/index.html' };

function initialSizeReport(): Plugin {
  return {
    name: 'joldanym-initial-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, { code: string; imports: string[] }>();
      const entries = new Map<string, string>();
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type !== 'chunk') continue;
        chunks.set(file, { code: out.code, imports: out.imports });
        if (out.isEntry) entries.set(out.name, file);
      }
      const initial = new Set<string>();
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      for (const [name, entry] of entries) {
        const seen = new Set<string>();
        const visit = (f: string) => {
          if (seen.has(f)) return;
          seen.add(f);
          for (const i of chunks.get(f)?.imports ?? []) visit(i);
        };
        visit(entry);
        let raw = 0;
        let gz = 0;
        for (const f of seen) {
          initial.add(f);
          const code = chunks.get(f)!.code;
          raw += Buffer.byteLength(code);
          gz += gzipSync(code, { level: 9 }).length;
        }
        const budget = INITIAL_JS_BUDGET_KB[name] ?? 300;
        const line = `${name}: initial JS ${kb(gz)} gzipped (${kb(raw)} raw, ${seen.size} chunks; budget ${budget} KB)`;
        this.info(line);
        console.log(`\n${line}`);
        if (gz > budget * 1024) this.error(`${name}: initial JavaScript ${kb(gz)} gzipped is over the ${budget} KB budget`);
      }
      let lazy = 0;
      for (const [f, c] of chunks) if (!initial.has(f)) lazy += gzipSync(c.code, { level: 9 }).length;
      console.log(`lazy route chunks: ${kb(lazy)} gzipped\n`);
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react(), initialSizeReport()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 600,
    rollupOptions: { input: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, `${import.meta.dirname}/${file}`])) },
  },
  server: {
    // `npm run dev:web` next to `npm start`: the API of the running server
    proxy: { '/api': 'http://127.0.0.1:3000', '/verify': 'http://127.0.0.1:3000', '/opendata': 'http://127.0.0.1:3000', '/open311': 'http://127.0.0.1:3000' },
  },
});
