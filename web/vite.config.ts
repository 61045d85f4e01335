// The staff web app: `npm run build:web` builds it into web/dist, which the server serves
// (src/http/web.ts). Routes are split into their own chunks; the build prints the size of the
// JavaScript a first page load needs and fails above the budget.
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** Initial JavaScript: the entry chunk and every chunk it imports statically (not the lazy routes). */
const INITIAL_JS_BUDGET_KB = 300;

function initialSizeReport(): Plugin {
  return {
    name: 'joldanym-initial-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, { code: string; imports: string[] }>();
      let entry: string | undefined;
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type !== 'chunk') continue;
        chunks.set(file, { code: out.code, imports: out.imports });
        if (out.isEntry) entry = file;
      }
      if (!entry) return;
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
        const code = chunks.get(f)!.code;
        raw += Buffer.byteLength(code);
        gz += gzipSync(code, { level: 9 }).length;
      }
      let lazy = 0;
      for (const [f, c] of chunks) if (!seen.has(f)) lazy += gzipSync(c.code, { level: 9 }).length;
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      const line = `initial JS: ${kb(gz)} gzipped (${kb(raw)} raw, ${seen.size} chunks; budget ${INITIAL_JS_BUDGET_KB} KB); lazy route chunks: ${kb(lazy)} gzipped`;
      this.info(line);
      console.log(`\n${line}\n`);
      if (gz > INITIAL_JS_BUDGET_KB * 1024) this.error(`initial JavaScript ${kb(gz)} gzipped is over the ${INITIAL_JS_BUDGET_KB} KB budget`);
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
  },
  server: {
    // `npm run dev:web` next to `npm start`: the API of the running server
    proxy: { '/api': 'http://127.0.0.1:3000', '/verify': 'http://127.0.0.1:3000' },
  },
});
