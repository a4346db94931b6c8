import { appendFileSync } from 'node:fs';
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
