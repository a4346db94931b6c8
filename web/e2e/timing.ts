import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * A small timing log of the journeys (issue 23): with PRIMM_E2E_TIMING=<file>, every span (a
 * sign-in, a page check, a server start, …) appends one JSON line { spec, test, what, ms, cpuMs }
 * to the file; without it, nothing is measured. `cpuMs` is the test process's own CPU, not the
 * browser's nor the server's. web/e2e/timing-report.ts sums the lines by kind and by spec.
 */
const logFile = process.env.PRIMM_E2E_TIMING;
const where = { spec: '', test: '' };

/** Which spec file and test the next spans belong to (demo-app.ts sets it before each test). */
export function timingContext(spec: string, test: string): void {
  where.spec = basename(spec);
  where.test = test;
}

export async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
  if (!logFile) return run();
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    return await run();
  } finally {
    const used = process.cpuUsage(cpu);
    appendFileSync(
      logFile,
      `${JSON.stringify({
        ...where,
        what,
        ms: Math.round(performance.now() - started),
        cpuMs: Math.round((used.user + used.system) / 1000),
      })}\n`,
    );
  }
}

/**
 * The CPU used so far by this process's children and their descendants, by the name of the child
 * (`node`: the spec's server; `chromium`: the browser with its renderers), from /proc (Linux).
 */
function childrenCpuMs(): Record<string, number> {
  const ticks = 1000 / 100; // USER_HZ is 100 on Linux
  const procs: { pid: number; ppid: number; comm: string; cpu: number }[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields after comm: state ppid … utime(12) stime(13) cutime(14) cstime(15)
      procs.push({
        pid: Number(pid),
        ppid: Number(f[1]),
        comm,
        cpu: (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * ticks,
      });
    } catch {
      // gone meanwhile
    }
  }
  const sums: Record<string, number> = {};
  const add = (root: string, pid: number) => {
    for (const p of procs.filter((q) => q.ppid === pid)) {
      sums[root] = (sums[root] ?? 0) + p.cpu;
      add(root, p.pid);
    }
  };
  for (const child of procs.filter((p) => p.ppid === process.pid)) {
    sums[child.comm] = (sums[child.comm] ?? 0) + child.cpu;
    add(child.comm, child.pid);
  }
  return sums;
}

/** Logs the CPU of the spec's server and browser (before they stop): `cpu node`, `cpu chromium`. */
export function logChildrenCpu(): void {
  if (!logFile) return;
  for (const [comm, cpuMs] of Object.entries(childrenCpuMs()))
    appendFileSync(logFile, `${JSON.stringify({ ...where, what: `cpu ${comm}`, ms: 0, cpuMs: Math.round(cpuMs) })}\n`);
}
