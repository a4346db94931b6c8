import { http, HttpResponse } from 'msw';
import type { RecomputeResult } from '@primm/shared/contracts/recompute-result';
import { RiskSettingsInput, type RiskSettingsSaved, type RiskSettingsVersion } from '@primm/shared/contracts/risk';
import { DEFAULT_RISK_SETTINGS } from '@primm/shared/risk/settings';
import { errorBody } from '../fixtures';

/** Version 3, saved by the demo admin, with two values off their defaults (88 %, 6,8). */
export const mockRiskSettings: RiskSettingsVersion = {
  version: 3,
  createdAt: '2026-01-12T09:30:00.000Z',
  createdBy: 'Amministratore dimostrativo',
  data: {
    ...DEFAULT_RISK_SETTINGS,
    version: 3,
    attendance: { ...DEFAULT_RISK_SETTINGS.attendance, attentionBelowRate: 0.88 },
    grades: { ...DEFAULT_RISK_SETTINGS.grades, averageAttentionBelow: 6.8 },
  },
};

export const mockRecomputeSummary: RecomputeResult = {
  students: 1234,
  written: 321,
  unchanged: 913,
  tierChanged: 57,
  ms: 12_345,
  moves: [
    { from: 1, to: 2, students: 30 },
    { from: 2, to: 1, students: 20 },
    { from: 2, to: 3, students: 7 },
  ],
};

/** Stateless: a save answers the next version without storing it, as the tests only read the answer. */
export const riskSettingsHandlers = [
  http.get('/api/settings/risk', () => HttpResponse.json<RiskSettingsVersion>(mockRiskSettings)),
  http.put('/api/settings/risk', async ({ request }) => {
    // Mocks honour the contract: a body the server would refuse is refused here too, with its paths.
    const parsed = RiskSettingsInput.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return HttpResponse.json(
        { error: { ...errorBody('validation_failed', 'Richiesta non valida').error, details } },
        { status: 400 },
      );
    }
    const version = mockRiskSettings.version + 1;
    return HttpResponse.json<RiskSettingsSaved>({
      version,
      createdAt: new Date().toISOString(),
      createdBy: 'Amministratore dimostrativo',
      data: { ...parsed.data, version },
      recomputeNeeded: true,
      hint: 'Le nuove soglie si applicano al prossimo ricalcolo.',
    });
  }),
  http.post('/api/risk/recompute', () => HttpResponse.json<RecomputeResult>(mockRecomputeSummary)),
];
