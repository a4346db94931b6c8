/**
 * Sums the timing log of the browser journeys (web/e2e/timing.ts): `PRIMM_E2E_TIMING=/tmp/t.jsonl
 * pnpm test:e2e`, then `pnpm tsx web/e2e/timing-report.ts /tmp/t.jsonl`. By kind of span
 * (sign-ins, page checks, axe, server starts, …) and by spec: wall seconds and the test process's CPU.
 */
import { readFileSync } from 'node:fs';

interface Span {
  spec: string;
  test: string;
  what: string;
  ms: number;
  cpuMs: number;
}

const file = process.argv[2];
if (!file) throw new Error('usage: e2e-timing.ts <timing.jsonl>');
const spans = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Span);

const kind = (what: string) => what.replace(/ \S+@\S+$/, '');
const table = (title: string, key: (s: Span) => string) => {
  const sums = new Map<string, { n: number; ms: number; cpuMs: number }>();
  for (const s of spans) {
    const k = key(s);
    const sum = sums.get(k) ?? { n: 0, ms: 0, cpuMs: 0 };
    sums.set(k, { n: sum.n + 1, ms: sum.ms + s.ms, cpuMs: sum.cpuMs + s.cpuMs });
  }
  console.log(`\n${title}`);
  for (const [k, v] of [...sums].sort((a, b) => b[1].ms - a[1].ms))
    console.log(
      `${k.padEnd(60)} ${String(v.n).padStart(4)} ${(v.ms / 1000).toFixed(1).padStart(7)} s ${(v.cpuMs / 1000).toFixed(1).padStart(6)} CPU-s`,
    );
};
table('by kind (n, wall, test-process CPU)', (s) => kind(s.what));
table('tests and set-up by spec', (s) =>
  s.what === 'test' || s.test.startsWith('(') ? `${s.spec} ${s.what}` : '(inside tests)',
);
table('checks and sign-ins by spec', (s) =>
  s.what === 'test' || s.test.startsWith('(') ? '(other)' : `${s.spec} ${kind(s.what)}`,
);
table('each test', (s) => (s.what === 'test' ? `${s.spec}: ${s.test.slice(0, 50)}` : '(spans)'));
