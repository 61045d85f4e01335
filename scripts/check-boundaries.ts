// The import boundaries that keep the appeal core in one place, checked without a compiler: reads
// every .ts/.tsx file under src/ and web/src, resolves each relative import to a path and prints
// `file:line: message` for each import (or database call) that crosses a boundary:
//  (a) src/domain/ is pure: its files import only each other (its tests also node:test, node:assert
//      and node:fs, to read the rules' own source);
//  (b) HTTP routes and presenters (src/**/routes.ts, *-routes.ts, present*.ts) do not touch the
//      database: no kysely or pg, nothing under src/db/ but types (`import type`), no query calls;
//  (c) the web app (web/src) imports from the server's src/ only src/domain/.
// Exits 1 when any is found. Run: `tsx scripts/check-boundaries.ts` (part of `npm run lint`).
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOTS = ['src', 'web/src'];

const DOMAIN_TEST_ALLOWED = new Set(['node:test', 'node:assert', 'node:assert/strict', 'node:fs']);
const DB_PACKAGES = ['kysely', 'pg'];
const DB_CALLS: { pattern: RegExp; what: string }[] = [
  { pattern: /\.selectFrom\s*\(/g, what: '.selectFrom(' },
  { pattern: /\.insertInto\s*\(/g, what: '.insertInto(' },
  { pattern: /\.updateTable\s*\(/g, what: '.updateTable(' },
  { pattern: /\.deleteFrom\s*\(/g, what: '.deleteFrom(' },
  { pattern: /\bsql\s*(?:<[^>`]*>)?\s*`/g, what: 'sql`…`' },
  { pattern: /\.transaction\s*\(/g, what: '.transaction(' },
];

export interface Violation {
  file: string;
  line: number;
  message: string;
}

export interface ImportRef {
  specifier: string;
  line: number;
  typeOnly: boolean;
}

/** The source with comments blanked out (newlines kept, so offsets and lines still match). */
export function withoutComments(text: string): string {
  const out = text.split('');
  let i = 0;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      // skip the string (template literals: their ${…} parts are skipped as text, close enough here)
      let k = i + 1;
      while (k < text.length && text[k] !== c) {
        if (text[k] === '\\') k++;
        else if (c !== '`' && text[k] === '\n') break;
        k++;
      }
      i = k + 1;
    } else {
      i++;
    }
  }
  return out.join('');
}

let startsOf: { text: string; starts: number[] } | undefined;
function lineAt(text: string, index: number): number {
  if (startsOf?.text !== text) {
    const starts = [0];
    for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) starts.push(k + 1);
    startsOf = { text, starts };
  }
  const { starts } = startsOf;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

const STATIC = /^[ \t]*(import|export)\s+(type\s+)?([\w$*{},\s]*?)\s*from\s*(['"])([^'"\n]+)\4/gm;
const SIDE_EFFECT = /^[ \t]*import\s*(['"])([^'"\n]+)\1/gm;
const DYNAMIC = /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g;

/** The module specifiers a file imports or re-exports, with whether only types come through. */
export function importsOf(code: string): ImportRef[] {
  const refs: ImportRef[] = [];
  for (const m of code.matchAll(STATIC)) {
    const clause = m[3]!.trim();
    let typeOnly = Boolean(m[2]);
    if (!typeOnly) {
      // `import { type A, type B } from …` brings in types only; a default or namespace import does not
      const braces = /^\{([\s\S]*)\}$/.exec(clause);
      if (braces) {
        const names = braces[1]!
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        typeOnly = names.length > 0 && names.every((n) => /^type\s/.test(n));
      }
    }
    refs.push({ specifier: m[5]!, line: lineAt(code, m.index), typeOnly });
  }
  for (const m of code.matchAll(SIDE_EFFECT)) refs.push({ specifier: m[2]!, line: lineAt(code, m.index), typeOnly: false });
  for (const m of code.matchAll(DYNAMIC)) refs.push({ specifier: m[2]!, line: lineAt(code, m.index), typeOnly: false });
  return refs.sort((a, b) => a.line - b.line);
}

/** A relative specifier as a path from the repository root (with the extension it resolves to, where one does). */
export function resolveRelative(fromFile: string, specifier: string): string {
  const base = resolve(ROOT, dirname(fromFile), specifier.replace(/[?#].*$/, ''));
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.d.ts`, join(base, 'index.ts'), join(base, 'index.tsx')];
  const found = candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? base;
  return relative(ROOT, found).split(sep).join('/');
}

const isRelative = (s: string) => s.startsWith('./') || s.startsWith('../');
const packageOf = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!);
const isRouteOrPresenter = (file: string) => {
  const name = file.slice(file.lastIndexOf('/') + 1);
  return file.startsWith('src/') && (name === 'routes.ts' || name.endsWith('-routes.ts') || (name.startsWith('present') && name.endsWith('.ts')));
};

/** The boundary violations of one file (path relative to the repository root, with forward slashes). */
export function checkFile(file: string, text: string): Violation[] {
  const violations: Violation[] = [];
  const code = withoutComments(text);
  const flag = (line: number, message: string) => violations.push({ file, line, message });
  const inDomain = file.startsWith('src/domain/');
  const isTest = /\.test\.tsx?$/.test(file);
  const routeOrPresenter = isRouteOrPresenter(file);
  const inWeb = file.startsWith('web/src/');

  for (const ref of importsOf(code)) {
    const target = isRelative(ref.specifier) ? resolveRelative(file, ref.specifier) : undefined;
    if (inDomain) {
      const allowed = target !== undefined ? target.startsWith('src/domain/') : isTest && DOMAIN_TEST_ALLOWED.has(ref.specifier);
      if (!allowed) flag(ref.line, `src/domain/ imports only src/domain/, not '${ref.specifier}'${target ? ` (${target})` : ''}`);
    }
    if (routeOrPresenter) {
      if (target === undefined && DB_PACKAGES.includes(packageOf(ref.specifier)) && !ref.typeOnly) {
        flag(ref.line, `routes and presenters do not import '${ref.specifier}' (the database is reached through a store or service)`);
      }
      if (target?.startsWith('src/db/') && !ref.typeOnly) {
        flag(ref.line, `routes and presenters import only types from src/db/ ('${ref.specifier}': use \`import type\`, or a store or service)`);
      }
    }
    if (inWeb && target?.startsWith('src/') && !target.startsWith('src/domain/')) {
      flag(ref.line, `the web app imports from the server only src/domain/, not '${ref.specifier}' (${target})`);
    }
  }

  if (routeOrPresenter) {
    for (const { pattern, what } of DB_CALLS) {
      for (const m of code.matchAll(pattern)) flag(lineAt(code, m.index), `database call ${what} in a route or presenter (move it into the store or service)`);
    }
  }
  return violations.sort((a, b) => a.line - b.line);
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') out.push(...sourceFiles(path));
    } else if (/\.tsx?$/.test(entry.name)) {
      out.push(path);
    }
  }
  return out;
}

export function checkAll(): { files: number; violations: Violation[] } {
  const files = ROOTS.flatMap((r) => sourceFiles(r)).sort();
  const violations = files.flatMap((f) => checkFile(f, readFileSync(join(ROOT, f), 'utf8')));
  return { files: files.length, violations };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const { files, violations } = checkAll();
  for (const v of violations) console.log(`${v.file}:${v.line}: ${v.message}`);
  const ms = Math.round(performance.now() - started);
  if (violations.length > 0) {
    console.error(`check-boundaries: ${violations.length} violation(s) in ${new Set(violations.map((v) => v.file)).size} file(s) (${files} files checked, ${ms} ms)`);
    process.exitCode = 1;
  } else {
    console.log(`check-boundaries: ${files} files, no violations (${ms} ms)`);
  }
}
