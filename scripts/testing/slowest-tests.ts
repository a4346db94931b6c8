/**
 * The slowest tests of a vitest run, from its JSON report (docs/testing.md says how to make one):
 * `pnpm tsx scripts/testing/slowest-tests.ts REPORT.json [N]` prints the N slowest (20 by
 * default) with their file and their share of vitest's 5 s timeout, so a test drifting towards
 * it is seen before a loaded machine fails it.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** The part of vitest's JSON report read here. */
export interface VitestReport {
  testResults: {
    name: string;
    assertionResults: { title: string; ancestorTitles?: string[]; duration?: number | null; status: string }[];
  }[];
}

export interface SlowTest {
  ms: number;
  file: string;
  name: string;
}

export const VITEST_TIMEOUT_MS = 5_000;

/** The `n` longest tests, longest first (ties by file, then name), files relative to `root`. */
export function slowestTests(report: VitestReport, n: number, root = process.cwd()): SlowTest[] {
  return report.testResults
    .flatMap((file) =>
      file.assertionResults.map((t) => ({
        ms: Math.round(t.duration ?? 0),
        file: relative(root, file.name),
        name: [...(t.ancestorTitles ?? []), t.title].join(' > '),
      })),
    )
    .sort((a, b) => b.ms - a.ms || a.file.localeCompare(b.file) || a.name.localeCompare(b.name))
    .slice(0, n);
}

export function formatSlowest(tests: SlowTest[]): string {
  return tests
    .map((t, i) => {
      const share = `${Math.round((t.ms / VITEST_TIMEOUT_MS) * 100)} %`.padStart(6);
      return `${String(i + 1).padStart(2)}. ${String(t.ms).padStart(6)} ms ${share}  ${t.file} > ${t.name}`;
    })
    .join('\n');
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [path, n] = process.argv.slice(2);
  if (!path) {
    console.error('Uso: pnpm tsx scripts/testing/slowest-tests.ts REPORT.json [N]');
    process.exitCode = 2;
  } else {
    const report = JSON.parse(readFileSync(path, 'utf8')) as VitestReport;
    console.log(formatSlowest(slowestTests(report, Number(n ?? 20))));
  }
}
