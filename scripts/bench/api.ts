import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { percentile, summarizeRoute, type RouteSummary } from './latency-summary';
import { ensureRegion } from './region-cache';

export interface ApiBenchResult {
  students: number;
  routes: Record<string, RouteSummary & { errors: number; single_ms: number; first_ms: number; writes?: number }>;
  duration_s: number;
  connections: number;
  teacher_classes: number;
  student_ids: number;
  server_peak_rss_mb: number | null;
  cache: string;
  cache_reused: boolean;
  /**
   * Issue 22.5: per aggregate route, the first request after a data change (a teacher's flag,
   * through the API, as an import would commit), `settle_ms` after it, over `rounds` changes.
   */
  after_change?: Record<
    string,
    {
      rounds: number;
      settle_ms: number;
      p50_ms: number;
      p95_ms: number;
      max_ms: number;
      /** Rounds whose first answer was the one before the change (`Primm-Stale`), the new one still computing. */
      stale: number;
      /** The slowest round's time from the change to its first answer with the new data. */
      fresh_max_ms: number;
    }
  >;
}

interface Fixtures {
  port: number;
  school: string;
  classIds: number[];
  studentIds: number[];
  cookies: { teacher: string; mediator: string; analyst: string };
}

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const CONNECTIONS = 10;
// PRIMM_BENCH_ROUTES=classes,aggregates: only the routes whose name contains one of these (profiling).
const onlyRoutes = (process.env.PRIMM_BENCH_ROUTES ?? '').split(',').filter(Boolean);
const WARMUP_REQUESTS = 5;
const WRITE_EVERY_MS = 2000;
// The first request after a data change: how many changes, and how long after each the reader comes.
const CHANGE_ROUNDS = Number(process.env.PRIMM_BENCH_CHANGE_ROUNDS ?? 5);
const SETTLE_MS = Number(process.env.PRIMM_BENCH_SETTLE_MS ?? 10_000);
const AFTER_CHANGE = [
  '/api/aggregates?groupBy=province',
  '/api/aggregates?groupBy=province,citizenshipGroup',
  '/api/aggregates/trend',
  '/api/fairness',
  '/api/fairness?compare=previous',
  // Issue 22: 7–10 s on the demo for the first request after a change, on the event loop, before
  // "Cosa funziona" moved to the aggregates' thread and into their warm-up.
  '/api/what-works',
];

interface Route {
  name: string;
  paths: string[];
  cookies: string[];
  /** Writes made during the load, one every `every` ms (POST of a flag, as the teacher). */
  write?: { every: number; paths: string[]; cookie: string };
}

/**
 * Starts the real app on a private copy of the generated region's database (server in a child
 * process, autocannon here: one core each on a 2-core machine) and loads one route at a time for
 * `duration` seconds with 10 connections, each request rotating over the ids the user may see.
 * Every response time is kept (autocannon's histogram has no p95). Before each route, five
 * requests one at a time warm it up and give its unloaded latency (`single_ms`, the median; the
 * first alone is `first_ms`: for the aggregates, the one that computes before the cache serves);
 * they also wait out what the previous run left in flight (autocannon stops without waiting for it).
 */
export async function benchApi(options: {
  students: number;
  seed: number;
  duration: number;
  cacheDir?: string;
  log?: (line: string) => void;
}): Promise<ApiBenchResult> {
  const log = options.log ?? (() => {});
  const work = mkdtempSync(join(tmpdir(), 'primm-bench-api-'));
  let server: ChildProcess | undefined;
  try {
    const cached = await ensureRegion({
      cacheDir: options.cacheDir ?? join(work, 'cache'),
      students: options.students,
      seed: options.seed,
      log,
    });
    const db = join(work, 'primm.sqlite');
    copyFileSync(cached.db, db);
    // PRIMM_BENCH_CPU_PROF=DIR: a V8 CPU profile of the server, written when it exits.
    const profile = process.env.PRIMM_BENCH_CPU_PROF
      ? ['--cpu-prof', '--cpu-prof-dir', resolve(process.env.PRIMM_BENCH_CPU_PROF)]
      : [];
    server = spawn(process.execPath, [...profile, '--import', 'tsx', join(here, 'api-server.ts'), db], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: server.stdout! })[Symbol.asyncIterator]();
    const first = await lines.next();
    if (first.done) throw new Error('il server del benchmark non è partito');
    const f = JSON.parse(first.value) as Fixtures;
    log(
      `server su 127.0.0.1:${f.port}: docente con ${f.classIds.length} classi di ${f.school} (${f.studentIds.length} studenti), mediatore, analista`,
    );

    const { teacher, mediator, analyst } = f.cookies;
    const routes: Route[] = [
      {
        name: 'GET /api/classes/:id/risk',
        paths: f.classIds.map((id) => `/api/classes/${id}/risk`),
        cookies: [teacher],
      },
      // Student pages as the teacher and as the mediator of the school, alternately.
      {
        name: 'GET /api/students/:id',
        paths: f.studentIds.map((id) => `/api/students/${id}`),
        cookies: [teacher, mediator],
      },
      {
        name: 'GET /api/students/:id/risk',
        paths: f.studentIds.map((id) => `/api/students/${id}/risk`),
        cookies: [teacher, mediator],
      },
      { name: 'GET /api/aggregates?groupBy=province', paths: ['/api/aggregates?groupBy=province'], cookies: [analyst] },
      {
        name: 'GET /api/aggregates?groupBy=province,citizenshipGroup',
        paths: ['/api/aggregates?groupBy=province,citizenshipGroup'],
        cookies: [analyst],
      },
      // The cache is emptied by every committed change: here a teacher flags a student every 2 s,
      // so a share of the requests waits for the count to be made again.
      {
        name: `GET /api/aggregates?groupBy=province, una segnalazione ogni ${WRITE_EVERY_MS / 1000} s`,
        paths: ['/api/aggregates?groupBy=province'],
        cookies: [analyst],
        write: { every: WRITE_EVERY_MS, paths: f.studentIds.map((id) => `/api/students/${id}/flags`), cookie: teacher },
      },
      { name: 'GET /api/aggregates/trend', paths: ['/api/aggregates/trend'], cookies: [analyst] },
      { name: 'GET /api/fairness', paths: ['/api/fairness'], cookies: [analyst] },
    ].filter((r) => onlyRoutes.length === 0 || onlyRoutes.some((part) => r.name.includes(part)));
    const results: ApiBenchResult['routes'] = {};
    for (const route of routes) {
      const { first, single } = await timeOneByOne(f.port, route);
      log(`${route.name}: prima ${first} ms, da sola ${single} ms; ${options.duration} s, ${CONNECTIONS} connessioni…`);
      const run = await load(f.port, route, options.duration);
      results[route.name] = {
        ...summarizeRoute(run),
        errors: run.errors,
        single_ms: single,
        first_ms: first,
        ...(route.write ? { writes: run.writes } : {}),
      };
      log(`  ${JSON.stringify(results[route.name])}`);
    }

    const afterChange =
      onlyRoutes.length === 0 || onlyRoutes.some((part) => 'dopo una modifica'.includes(part))
        ? await firstAfterChange(f, log)
        : undefined;

    server.kill('SIGTERM');
    const last = await lines.next();
    const peak = last.done ? null : (JSON.parse(last.value) as { peak_rss_mb: number }).peak_rss_mb;
    server = undefined;
    return {
      students: options.students,
      routes: results,
      duration_s: options.duration,
      connections: CONNECTIONS,
      teacher_classes: f.classIds.length,
      student_ids: f.studentIds.length,
      server_peak_rss_mb: peak,
      cache: options.cacheDir ? resolve(options.cacheDir) : '(temporanea, rimossa)',
      cache_reused: cached.reused,
      ...(afterChange ? { after_change: afterChange } : {}),
    };
  } finally {
    server?.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * `first`: the first request, which for the aggregates is the one that computes (the cache is
 * empty after a start or a data change); `single`: the median of the five, the usual answer.
 */
async function timeOneByOne(
  port: number,
  route: { paths: string[]; cookies: string[] },
  requests = WARMUP_REQUESTS,
): Promise<{ first: number; single: number; firstStale: boolean }> {
  const ms: number[] = [];
  let firstStale = false;
  for (let n = 0; n < requests; n++) {
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}${route.paths[n % route.paths.length]!}`, {
      headers: { cookie: route.cookies[n % route.cookies.length]! },
    });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${res.status} da ${route.paths[n % route.paths.length]!}`);
    ms.push(performance.now() - started);
    if (n === 0) firstStale = res.headers.get('primm-stale') === '1';
  }
  const first = Math.round(ms[0]! * 10) / 10;
  return {
    first,
    firstStale,
    single:
      Math.round(
        percentile(
          ms.sort((a, b) => a - b),
          50,
        ) * 10,
      ) / 10,
  };
}

async function load(port: number, route: Route, seconds: number) {
  let i = 0;
  const writes: Promise<number>[] = [];
  const writer =
    route.write &&
    setInterval(() => {
      const write = route.write!;
      writes.push(
        fetch(`http://127.0.0.1:${port}${write.paths[writes.length % write.paths.length]!}`, {
          method: 'POST',
          headers: { cookie: write.cookie, origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' },
          body: JSON.stringify({ reasonCode: 'assenze', reason: 'benchmark: scrittura durante il carico' }),
        }).then(
          (res) => res.status,
          () => 0,
        ),
      );
    }, route.write.every);
  const latenciesMs: number[] = [];
  const statuses: number[] = [];
  const instance = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          const n = i++;
          return {
            ...req,
            path: route.paths[n % route.paths.length]!,
            headers: { ...req.headers, cookie: route.cookies[n % route.cookies.length]! },
          };
        },
      },
    ],
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    latenciesMs.push(ms);
    statuses.push(status);
  });
  let result;
  try {
    result = await instance;
  } finally {
    clearInterval(writer);
  }
  const refused = (await Promise.all(writes)).filter((status) => status !== 201);
  if (refused.length > 0) throw new Error(`scritture durante il carico non riuscite: ${refused.join(', ')}`);
  return { latenciesMs, statuses, seconds: result.duration, errors: result.errors, writes: writes.length };
}

/**
 * Issue 22.5 (before: 6.4 s for the monthly trend, 3.2 s for fairness at 200 000 students, the
 * cache being rebuilt by the first reader): a teacher flags a student (a committed change, as an
 * import's), the analyst comes `SETTLE_MS` later and asks each aggregate once; over
 * `CHANGE_ROUNDS` changes, the latencies of those first requests. The server precomputes in the
 * background after every write (aggregate-service.ts), so they should be those of the cache.
 */
async function firstAfterChange(
  f: Fixtures,
  log: (line: string) => void,
): Promise<NonNullable<ApiBenchResult['after_change']>> {
  const ms = new Map<string, number[]>(AFTER_CHANGE.map((p) => [p, []]));
  const stale = new Map<string, number>(AFTER_CHANGE.map((p) => [p, 0]));
  const fresh = new Map<string, number>(AFTER_CHANGE.map((p) => [p, 0]));
  // Each answer once first, untimed: what is measured is the first request after a change to a
  // server that had answered it before, not the first since the server started (`first_ms`).
  for (const path of AFTER_CHANGE) await timeOneByOne(f.port, { paths: [path], cookies: [f.cookies.analyst] }, 1);
  for (let round = 0; round < CHANGE_ROUNDS; round++) {
    const changed = performance.now();
    const res = await fetch(
      `http://127.0.0.1:${f.port}/api/students/${f.studentIds[round % f.studentIds.length]!}/flags`,
      {
        method: 'POST',
        headers: {
          cookie: f.cookies.teacher,
          origin: `http://127.0.0.1:${f.port}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ reasonCode: 'assenze', reason: 'benchmark: modifica prima della lettura' }),
      },
    );
    if (res.status !== 201) throw new Error(`segnalazione non riuscita: ${res.status}`);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    for (const path of AFTER_CHANGE) {
      const route = { paths: [path], cookies: [f.cookies.analyst] };
      const { first, firstStale } = await timeOneByOne(f.port, route, 1);
      ms.get(path)!.push(first);
      if (firstStale) stale.set(path, stale.get(path)! + 1);
    }
    // Then how long the new data took to reach each answer (the warm-up's real duration).
    for (const path of AFTER_CHANGE) {
      const route = { paths: [path], cookies: [f.cookies.analyst] };
      while ((await timeOneByOne(f.port, route, 1)).firstStale) {
        if (performance.now() - changed > 300_000) throw new Error(`${path}: ancora i dati di prima 5 minuti dopo`);
        await new Promise((r) => setTimeout(r, 250));
      }
      fresh.set(path, Math.max(fresh.get(path)!, Math.round(performance.now() - changed)));
    }
  }
  const out: NonNullable<ApiBenchResult['after_change']> = {};
  for (const [path, list] of ms) {
    const sorted = [...list].sort((a, b) => a - b);
    out[path] = {
      rounds: list.length,
      settle_ms: SETTLE_MS,
      p50_ms: Math.round(percentile(sorted, 50) * 10) / 10,
      p95_ms: Math.round(percentile(sorted, 95) * 10) / 10,
      max_ms: sorted.at(-1)!,
      stale: stale.get(path)!,
      fresh_max_ms: fresh.get(path)!,
    };
    log(`${path}, prima richiesta ${SETTLE_MS / 1000} s dopo una modifica: ${JSON.stringify(out[path])}`);
  }
  return out;
}
