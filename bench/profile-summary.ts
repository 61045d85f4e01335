// Summarizes V8 CPU profiles (.cpuprofile, from `npm run bench -- --profile`): where the server
// spends its time, by function (self time) and by place (package, source file, runtime).
//
//   npx tsx bench/profile-summary.ts DIR_OR_FILE [--top 40] [--callers FUNCTION]
//
// --callers: whose calls the self time of FUNCTION (e.g. writev) is spent in: the nearest caller
// outside Node's internals.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '40' }, callers: { type: 'string' } } });
const top = Number(values.top);
const target = positionals[0];
if (!target) {
  console.error('usage: bench/profile-summary.ts DIR_OR_FILE [--top N]');
  process.exit(2);
}
const files = statSync(target).isDirectory()
  ? readdirSync(target)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(target, f))
  : [target];

function place(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  const src = /\/(src|bench|test)\/(.*)$/.exec(url);
  if (src) return `${src[1]}/${src[2]}`;
  return url;
}

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id)!;
    const { functionName, url, lineNumber } = n.callFrame;
    const where = place(url, functionName);
    const key = `${functionName || '(anonymous)'}  ${where}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + t);
    byPlace.set(where, (byPlace.get(where) ?? 0) + t);
  }
  const busy = total - (byPlace.get('(idle)') ?? 0);
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byCaller = new Map<string, number>();
  if (values.callers) {
    for (const [id, t] of self) {
      if (byId.get(id)!.callFrame.functionName !== values.callers) continue;
      let p = parent.get(id);
      const chain: string[] = [];
      while (p !== undefined && chain.length < 4) {
        const f = byId.get(p)!.callFrame;
        const where = place(f.url, f.functionName);
        if (f.url && !where.startsWith('node:')) chain.push(`${f.functionName || '(anonymous)'} ${where}`);
        p = parent.get(p);
      }
      const key = chain.join(' < ') || '(no caller outside node internals)';
      byCaller.set(key, (byCaller.get(key) ?? 0) + t);
    }
  }
  const pct = (t: number) => `${((t / total) * 100).toFixed(1).padStart(5)} %`;
  console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (${pct(busy).trim()})`);
  console.log('\nby place (self time):');
  for (const [k, t] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(t)}  ${k}`);
  console.log('\nby function (self time):');
  for (const [k, t] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(t)}  ${k}`);
  if (values.callers) {
    console.log(`\ncallers of ${values.callers} (self time):`);
    for (const [k, t] of [...byCaller].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(t)}  ${k}`);
  }
  console.log('');
}
