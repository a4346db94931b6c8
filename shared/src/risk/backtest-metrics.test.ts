import { describe, expect, test } from 'vitest';
import {
  auc,
  backtestReport,
  brier,
  calibrationTable,
  computeMetrics,
  confusion,
  groupErrorRates,
  levelTable,
  precisionAtTop,
  rates,
  wilson,
  type Scored,
} from './backtest-metrics';

const s = (y: 0 | 1, score: number, predicted = score >= 0.5): Scored => ({ y, score, predicted });

describe('auc', () => {
  test.each([
    [[s(1, 0.9), s(0, 0.1)], 1], // perfect order
    [[s(1, 0.1), s(0, 0.9)], 0],
    [[s(1, 0.5), s(0, 0.5)], 0.5], // a tie counts ½
    [[s(1, 0.8), s(1, 0.4), s(0, 0.6), s(0, 0.2)], 0.75], // pairs: (0.8>0.6, 0.8>0.2, 0.4<0.6, 0.4>0.2) = 3/4
    [[s(1, 0.8), s(0, 0.2)].concat([s(0, 0.8)]), 0.75], // (tie ½ + win 1) / 2
  ] as const)('when %j, then %f', (items, expected) => {
    expect(auc([...items])).toBeCloseTo(expected, 10);
  });

  test('when one class is missing, then null', () => {
    expect(auc([s(1, 0.3), s(1, 0.6)])).toBeNull();
  });
});

describe('precisionAtTop', () => {
  test.each([
    // 10 students, top 10 % = 1
    [[1, 0, 0, 0, 0, 0, 0, 0, 0, 0], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0], 0.1, 1],
    [[0, 1, 0, 0, 0, 0, 0, 0, 0, 0], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0], 0.1, 0],
    // top 20 % = 2; the 2nd place is a tie of 2 (one positive): 1 + ½ hits of 2
    [[1, 1, 0, 0, 0, 0, 0, 0, 0, 0], [0.9, 0.5, 0.5, 0.4, 0.3, 0.2, 0.1, 0, 0, 0], 0.2, 0.75],
    // 11 students → k = ceil(1,1) = 2
    [[1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0], 0.1, 1],
  ] as const)('when outcomes %j and scores %j, top %f → %f', (ys, scores, share, expected) => {
    expect(
      precisionAtTop(
        ys.map((y, i) => ({ y, score: scores[i]! })),
        share,
      ),
    ).toBeCloseTo(expected, 10);
  });
});

describe('brier', () => {
  test.each([
    [
      [
        { y: 1, probability: 1 },
        { y: 0, probability: 0 },
      ],
      0,
    ],
    [
      [
        { y: 1, probability: 0.5 },
        { y: 0, probability: 0.5 },
      ],
      0.25,
    ],
    [
      [
        { y: 1, probability: 0.8 },
        { y: 0, probability: 0.4 },
      ],
      (0.04 + 0.16) / 2,
    ],
  ] as const)('when %j, then %f', (items, expected) => {
    expect(brier([...items])).toBeCloseTo(expected, 10);
  });
});

describe('computeMetrics', () => {
  test('when 3 TP, 1 FP, 1 FN, 5 TN, then precision ¾, sensitivity ¾, specificity ⅚', () => {
    const items = [
      s(1, 0.9),
      s(1, 0.8),
      s(1, 0.7),
      s(0, 0.6),
      s(1, 0.4),
      s(0, 0.3),
      s(0, 0.2),
      s(0, 0.2),
      s(0, 0.1),
      s(0, 0),
    ];

    const m = computeMetrics(items);

    expect(m).toMatchObject({ n: 10, positives: 4, precision: 0.75, sensitivity: 0.75, accuracy: 0.8 });
    expect(m.specificity).toBeCloseTo(5 / 6, 10);
    expect(m.brier).toBeUndefined();
  });

  test('when nothing is predicted positive, then precision is null, not NaN', () => {
    expect(computeMetrics([s(1, 0.1), s(0, 0.2)]).precision).toBeNull();
  });
});

describe('wilson', () => {
  // Reference values: Wilson score interval, z = 1.96 (Newcombe 1998, table I; R binom::binom.wilson).
  test.each([
    [0, 10, 0, 0.2775],
    [1, 10, 0.0179, 0.4042],
    [5, 10, 0.2366, 0.7634],
    [10, 10, 0.7225, 1],
    [81, 263, 0.2553, 0.3662],
  ])('%i of %i → [%f, %f]', (k, n, low, high) => {
    const ci = wilson(k, n)!;

    expect(ci.low).toBeCloseTo(low, 4);
    expect(ci.high).toBeCloseTo(high, 4);
  });

  test('when there is nobody, then no interval', () => {
    expect(wilson(0, 0)).toBeNull();
  });
});

describe('confusion and rates', () => {
  test('3 TP, 1 FP, 1 FN, 5 TN', () => {
    const items = [
      ...Array(3).fill({ y: 1, predicted: true }),
      { y: 0, predicted: true },
      { y: 1, predicted: false },
      ...Array(5).fill({ y: 0, predicted: false }),
    ];

    const r = rates(confusion(items));

    expect(r).toMatchObject({ sensitivity: 0.75, precision: 0.75, accuracy: 0.8, fnr: 0.25 });
    expect(r.fpr).toBeCloseTo(1 / 6, 12);
    expect(r.specificity).toBeCloseTo(5 / 6, 12);
  });
});

describe('levelTable', () => {
  test('per level: n, share, bad rate and its Wilson interval; an empty level has nulls', () => {
    const items = [
      ...Array.from({ length: 8 }, (_, i) => ({ y: (i < 1 ? 1 : 0) as 0 | 1, level: 1 as const })),
      ...Array.from({ length: 2 }, () => ({ y: 1 as const, level: 3 as const })),
    ];

    const rows = levelTable(items);

    expect(rows.map((r) => [r.level, r.n, r.share, r.bad_rate])).toEqual([
      [1, 8, 0.8, 0.125],
      [2, 0, 0, null],
      [3, 2, 0.2, 1],
    ]);
    expect(rows[0]!.ci_low).toBeCloseTo(wilson(1, 8)!.low, 12);
    expect(rows[1]).toMatchObject({ ci_low: null, ci_high: null });
  });
});

describe('calibrationTable', () => {
  test('20 students in 10 deciles of 2, lowest scores first, with the mean predicted probability', () => {
    const items = Array.from({ length: 20 }, (_, i) => ({
      y: (i >= 14 ? 1 : 0) as 0 | 1,
      score: i / 20,
      probability: i / 20,
    }));

    const rows = calibrationTable(items);

    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({ decile: 1, n: 2, min_score: 0, max_score: 0.05, bad_rate: 0 });
    expect(rows[0]!.mean_predicted).toBeCloseTo(0.025, 12);
    expect(rows[9]).toMatchObject({ decile: 10, n: 2, bad_rate: 1 });
    expect(rows[7]).toMatchObject({ bad_rate: 1 }); // students 14 and 15
  });

  test('when there are fewer students than deciles, then only non-empty groups', () => {
    expect(
      calibrationTable([
        { y: 1, score: 1 },
        { y: 0, score: 0 },
      ]).map((r) => r.n),
    ).toEqual([1, 1]);
  });
});

describe('groupErrorRates', () => {
  const student = (sex: string, y: 0 | 1, predicted: boolean) => ({ y, predicted, groups: { sex } });
  const items = [
    // F: 20 students, 10 bad (8 flagged), 10 good (2 flagged): FPR 0.2, FNR 0.2
    ...Array.from({ length: 8 }, () => student('F', 1, true)),
    ...Array.from({ length: 2 }, () => student('F', 1, false)),
    ...Array.from({ length: 2 }, () => student('F', 0, true)),
    ...Array.from({ length: 8 }, () => student('F', 0, false)),
    // M: 20 students, 10 bad (9 flagged), 10 good (4 flagged): FPR 0.4, FNR 0.1
    ...Array.from({ length: 9 }, () => student('M', 1, true)),
    student('M', 1, false),
    ...Array.from({ length: 4 }, () => student('M', 0, true)),
    ...Array.from({ length: 6 }, () => student('M', 0, false)),
    // X: 5 students, suppressed
    ...Array.from({ length: 5 }, () => student('X', 1, true)),
  ];

  test('per group FPR and FNR with the ratio to the best group; groups under 10 suppressed', () => {
    const g = groupErrorRates(items).sex!;

    expect(g.F).toMatchObject({ n: 20, fpr: 0.2, fnr: 0.2, fpr_ratio: 1, fnr_ratio: 2 });
    expect(g.M).toMatchObject({ n: 20, fpr: 0.4, fnr: 0.1, fpr_ratio: 2, fnr_ratio: 1 });
    expect(g.X).toEqual({ suppressed: true, reason: 'meno di 10 studenti' });
  });

  test('when the best group makes no error, then the others have no finite ratio and the best has 1', () => {
    const perfect = [
      ...Array.from({ length: 10 }, () => student('A', 0, false)),
      ...Array.from({ length: 10 }, (_, i) => student('B', 0, i < 2)),
    ];

    const g = groupErrorRates(perfect).sex!;

    expect(g.A).toMatchObject({ fpr: 0, fpr_ratio: 1, fnr: null, fnr_ratio: null });
    expect(g.B).toMatchObject({ fpr: 0.2, fpr_ratio: null });
  });
});

describe('backtestReport', () => {
  test('the keys issue 18 asks for, from levels, scores, probabilities and groups', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({
      y: (i % 4 === 0 ? 1 : 0) as 0 | 1,
      level: (i % 4 === 0 ? 3 : i % 4 === 1 ? 2 : 1) as 1 | 2 | 3,
      score: i % 4 === 0 ? 0.9 : 0.1,
      probability: i % 4 === 0 ? 0.8 : 0.1,
      groups: { sex: i % 2 === 0 ? 'F' : 'M' },
    }));

    const r = backtestReport(items);

    expect(Object.keys(r)).toEqual(
      expect.arrayContaining(['levels', 'auc', 'sensitivity', 'precision', 'brier', 'by_group', 'calibration']),
    );
    expect(r.levels.map((l) => [l.level, l.n, l.bad_rate])).toEqual([
      [1, 20, 0],
      [2, 10, 0],
      [3, 10, 1],
    ]);
    expect(r).toMatchObject({ n: 40, positives: 10, sensitivity: 1, precision: 0.5, auc: 1 });
    expect(r.brier).toBeCloseTo((10 * 0.04 + 30 * 0.01) / 40, 12);
    expect(r.by_group.sex!.F).toMatchObject({ n: 20, fnr: 0 });
  });
});
