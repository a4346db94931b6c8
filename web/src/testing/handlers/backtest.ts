import { http, HttpResponse } from 'msw';
import {
  LevelChoice,
  SchoolCapacityInput,
  type BacktestReport,
  type BacktestRun,
  type BacktestYears,
  type LevelPreview,
} from '@primm/shared/contracts/backtest';
import type { RiskSettingsSaved } from '@primm/shared/contracts/risk';
import { mockRiskSettings } from './risk-settings';

/** The demo region's 2024/25 at the end of the first period (figures of docs/risk-model.md, rounded). */
export const mockBacktestReport: BacktestReport = {
  school_year: '2024/25',
  as_of: '2025-01-31',
  cut_dates: ['2024-12-20', '2025-01-31'],
  source: 'registri',
  settings_version: 3,
  n: 2971,
  positives: 360,
  bad_rate: 0.1212,
  suspended: 214,
  excluded: { no_outcome: 0, transferred: 81 },
  levels: [
    {
      level: 1,
      n: 2536,
      share: 0.8536,
      bad_rate: 0.0785,
      ci_low: 0.0686,
      ci_high: 0.0896,
      suspended: 149,
      suspended_rate: 0.0588,
    },
    {
      level: 2,
      n: 316,
      share: 0.1064,
      bad_rate: 0.326,
      ci_low: 0.2766,
      ci_high: 0.3795,
      suspended: 47,
      suspended_rate: 0.1487,
    },
    {
      level: 3,
      n: 119,
      share: 0.0401,
      bad_rate: 0.4874,
      ci_low: 0.3994,
      ci_high: 0.5762,
      suspended: 18,
      suspended_rate: 0.1513,
    },
  ],
  auc: 0.787,
  sensitivity: 0.447,
  precision: 0.37,
  specificity: 0.895,
  accuracy: 0.841,
  auc_probability: 0.813,
  brier: 0.081,
  precision_at_10pct: 0.473,
  calibration: [
    {
      decile: 1,
      n: 297,
      min_score: 0.002,
      max_score: 0.014,
      mean_predicted: 0.009,
      bad_rate: 0.017,
      ci_low: 0.007,
      ci_high: 0.039,
    },
    {
      decile: 10,
      n: 298,
      min_score: 0.3,
      max_score: 0.99,
      mean_predicted: 0.523,
      bad_rate: 0.554,
      ci_low: 0.497,
      ci_high: 0.609,
    },
  ],
  by_group: {
    sex: {
      F: { n: 1439, positives: 170, fpr: 0.1032, fnr: 0.5765, fpr_ratio: 1, fnr_ratio: 1.084 },
      M: { n: 1532, positives: 190, fpr: 0.1066, fnr: 0.5316, fpr_ratio: 1.032, fnr_ratio: 1 },
    },
    newly_arrived: { si: { suppressed: true, reason: 'meno di 10 studenti' } },
  },
  model: null,
};

const runOf = (over: Partial<BacktestRun>): BacktestRun => ({
  id: 7,
  schoolYear: '2024/25',
  monthDay: null,
  status: 'running',
  done: 0,
  total: 12,
  startedAt: '2026-02-02T08:59:00.000Z',
  finishedAt: null,
  error: null,
  report: null,
  savedAt: null,
  savedVersion: null,
  ...over,
});

export const mockRunningRun = runOf({ done: 3 });
export const mockDoneRun = runOf({
  status: 'done',
  done: 12,
  finishedAt: '2026-02-02T09:00:00.000Z',
  report: mockBacktestReport,
});

export const mockBacktestYears: BacktestYears = {
  years: [
    { schoolYear: '2024/25', source: 'registri' },
    { schoolYear: '2023/24', source: 'registri' },
  ],
  latestRun: null,
};

/** Two schools of this year; the counts move with the cut points as a model would move them. */
export function previewOf(choice: LevelChoice): LevelPreview {
  const byRules = choice.basis === 'rules';
  const school = (
    code: string,
    name: string,
    students: number,
    levels: [number, number, number],
    capacity: number | null,
  ) => ({ code, name, students, levels, current: [students - 20, 14, 6] as [number, number, number], capacity });
  const shift = byRules ? 0 : Math.round((0.5 - choice.level2From) * 20);
  return {
    choice,
    settingsVersion: mockRiskSettings.version,
    schools: [
      school('ANPS03000E', 'LICEO GALILEI', 400, [380 - shift, 14 + shift, 6], 25),
      school('MCIS00200X', 'ISTITUTO FILELFO', 300, [280, 14, 6], null),
    ],
    region: { students: 700, levels: [660 - shift, 28 + shift, 12], current: [660, 28, 12] },
    backtest: {
      schoolYear: '2024/25',
      asOf: '2025-01-31',
      levels: mockBacktestReport.levels.map(({ level, n, bad_rate, ci_low, ci_high }) => ({
        level,
        n,
        bad_rate,
        ci_low,
        ci_high,
      })),
    },
  };
}

/** Stateless: a run is done as soon as it is asked for, a save answers without storing. */
export const backtestHandlers = [
  http.get('/api/backtest', () => HttpResponse.json<BacktestYears>(mockBacktestYears)),
  http.post('/api/backtest/runs', () => HttpResponse.json<BacktestRun>(runOf({}), { status: 202 })),
  http.get('/api/backtest/runs/:id', () => HttpResponse.json<BacktestRun>(mockDoneRun)),
  http.post('/api/backtest/runs/:id/save', () =>
    HttpResponse.json<BacktestRun>({ ...mockDoneRun, savedAt: '2026-02-02T09:05:00.000Z', savedVersion: 4 }),
  ),
  http.post('/api/risk/levels/preview', async ({ request }) =>
    HttpResponse.json<LevelPreview>(previewOf(LevelChoice.parse(await request.json()))),
  ),
  http.put('/api/risk/levels', async ({ request }) => {
    const levels = LevelChoice.parse(await request.json());
    const version = mockRiskSettings.version + 1;
    return HttpResponse.json<RiskSettingsSaved>({
      version,
      createdAt: new Date().toISOString(),
      createdBy: 'Amministratore dimostrativo',
      data: { ...mockRiskSettings.data, version, levels },
      recomputeNeeded: true,
      hint: 'Si applica al prossimo ricalcolo.',
    });
  }),
  http.put('/api/schools/:code/capacity', async ({ request, params }) => {
    const { capacity } = SchoolCapacityInput.parse(await request.json());
    return HttpResponse.json({ code: String(params.code), capacity });
  }),
];
