// The project's directory, where web/dist and node_modules are. Found from this module's place:
// the sources' src/ and the bundle's dist/ (scripts/build-server.mjs) are both one level below it,
// so this file (src/project-root.ts, or dist/cli.js into which it is bundled) looks one level up.
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
