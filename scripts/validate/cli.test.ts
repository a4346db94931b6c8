import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { runValidateCommand } from './cli';
import { mapGradeTo10, parseUci } from './uci';

// The real file, read in place from the shared data folder next to the repository.
const STUDENT_MAT = resolve(__dirname, '../../../shared/data/uci-student-performance/student-mat.csv');
const HEADER =
  'school;sex;age;address;famsize;Pstatus;Medu;Fedu;Mjob;Fjob;reason;guardian;traveltime;studytime;failures;schoolsup;famsup;paid;activities;nursery;higher;internet;romantic;famrel;freetime;goout;Dalc;Walc;health;absences;G1;G2;G3';
const row = (
  school: string,
  sex: string,
  address: string,
  failures: number,
  absences: number,
  g1: number,
  g3: number,
) =>
  `"${school}";"${sex}";16;"${address}";"GT3";"T";2;2;"other";"other";"course";"mother";1;2;${failures};"no";"no";"no";"no";"yes";"yes";"yes";"no";4;3;3;1;1;3;${absences};"${g1}";"${g1}";${g3}`;

async function runJson(args: string[]): Promise<{ code: number; json: Record<string, any> | null; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  const code = await runValidateCommand(args);
  const last = out.join('\n').trim().split('\n').at(-1);
  return { code, json: last?.startsWith('{') ? JSON.parse(last) : null, stderr: err.join('\n') };
}

afterEach(() => vi.restoreAllMocks());

describe('mapGradeTo10', () => {
  test.each([
    [0, 2],
    [10, 6], // the pass marks meet
    [15, 8],
    [20, 10],
  ])('%i/20 → %f/10', (g, v) => expect(mapGradeTo10(g)).toBeCloseTo(v, 10));
});

describe('parseUci', () => {
  test('when a row has CRLF, a BOM and a bad grade, then the row is skipped and the others read', () => {
    const text = `\uFEFF${HEADER}\r\n${row('GP', 'F', 'U', 0, 4, 12, 13)}\r\n${row('GP', 'M', 'R', 1, 2, 25, 9)}\r\n`;

    const { students, skipped } = parseUci(text);

    expect(students).toMatchObject([
      { school: 'GP', sex: 'F', address: 'U', failures: 0, absences: 4, g1: 12, g3: 13 },
    ]);
    expect(skipped).toEqual([{ line: 3, reason: 'valori mancanti o fuori scala: g1' }]);
  });
});

describe('runValidateCommand', () => {
  test('when run on student-mat.csv, then one JSON line with the metrics, and the level ≥ 2 rule is as accurate as G1 < 10 alone at sensitivity ≥ 0,75 (issue 18)', async () => {
    const { code, json } = await runJson(['--format', 'uci', '--json', STUDENT_MAT]);

    expect(code).toBe(0);
    expect(json).toMatchObject({ n: 395, positives: 130 });
    expect(json!.sensitivity).toBeGreaterThanOrEqual(0.75);
    expect(json!.accuracy).toBeGreaterThanOrEqual(json!.g1_baseline.accuracy);
    expect(json!.precision).toBeGreaterThanOrEqual(0.6);
    expect(json!.auc).toBeGreaterThan(0.85);
    expect(json!.brier).toBeLessThan(0.15);
    // Levels mean something: the failure rate rises with the level.
    const rates = json!.levels.map((l: { bad_rate: number }) => l.bad_rate);
    expect(rates[0]).toBeLessThan(rates[1]);
    expect(rates[1]).toBeLessThan(rates[2]);
    expect(Object.keys(json!.by_group)).toEqual(['sex', 'address', 'school']);
    expect(json!.by_group.school.GP.n + json!.by_group.school.MS.n).toBe(395);
    expect(Math.min(json!.by_group.sex.F.fpr_ratio, json!.by_group.sex.M.fpr_ratio)).toBe(1);
    expect(json!.stability.parts).toHaveLength(4);
  });

  test('when run on a tiny synthetic file, then the figures can be checked by hand', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'primm-validate-'));
    const file = join(dir, 'tiny.csv');
    writeFileSync(
      file,
      [
        HEADER,
        row('GP', 'F', 'U', 0, 0, 8, 7), // G1 8 → 5,2 in mathematics, the average below 6: level 2, failed → TP
        row('GP', 'F', 'U', 0, 0, 9, 12), // 5,6: level 2, passed → FP
        row('GP', 'M', 'R', 0, 2, 14, 15), // level 1, passed → TN
        row('MS', 'M', 'R', 0, 0, 12, 8), // level 1, failed → FN
        row('MS', 'F', 'U', 2, 0, 15, 16), // two years repeated and nothing wrong this year: level 1 (issue 18), passed → TN
      ].join('\n'),
    );

    const { code, json } = await runJson(['--format', 'uci', '--json', file]);

    expect(code).toBe(0);
    expect(json).toMatchObject({
      n: 5,
      positives: 2,
      precision: 0.5,
      sensitivity: 0.5,
      specificity: 2 / 3,
      logistic: null,
      stability: null,
    });
    expect(json!.levels.map((l: { n: number }) => l.n)).toEqual([3, 2, 0]);
    expect(json!.g1_baseline).toMatchObject({ precision: 0.5, sensitivity: 0.5 });
    expect(json!.by_group.sex.F).toEqual({ suppressed: true, reason: 'meno di 10 studenti' }); // groups under 10 are not shown
  });

  test.each([
    [['--json', 'x.csv'], 2, /--format uci/],
    [['--format', 'oneroster', 'x.csv'], 2, /non supportato/],
    [['--format', 'uci'], 2, /un solo file/],
    [['--format', 'uci', '/nonexistent/file.csv'], 1, /Impossibile leggere/],
  ])('when argv is %j, then exit %i with an Italian message', async (argv, code, message) => {
    const r = await runJson(argv);

    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });

  test('when required columns are missing, then exit 1 and the columns are named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'primm-validate-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'school;sex;G1\n"GP";"F";"10"\n');

    const r = await runJson(['--format', 'uci', file]);

    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Colonne mancanti nel formato UCI: absences, failures, G3.');
  });
});
