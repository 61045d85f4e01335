// `npm install` (prepare) builds the web app, so `npm install && npm start` serves it. Skipped with
// a note when the build tools are not installed (npm install --omit=dev): the server then answers
// the API only.
let vite;
try {
  vite = await import('vite');
} catch {
  console.log('web app not built: vite is not installed (install the dev dependencies, then npm run build:web)');
  process.exit(0);
}
await vite.build({ configFile: new URL('../web/vite.config.ts', import.meta.url).pathname });
