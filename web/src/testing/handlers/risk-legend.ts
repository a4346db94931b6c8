import { http, HttpResponse } from 'msw';
import type { RiskLegend } from '@primm/shared/contracts/risk-legend';

/** The demo region's backtest of 2024/25 at the end of the first period (docs/risk-model.md). */
export const mockRiskLegend: Extract<RiskLegend, { validated: true }> = {
  validated: true,
  schoolYear: '2024/25',
  asOf: '2025-01-31',
  computedAt: '2026-02-02T09:00:00.000Z',
  settingsVersion: 2,
  students: 2971,
  levels: [
    { level: 1, n: 2536, badRate: 0.0785, ciLow: 0.0686, ciHigh: 0.0896 },
    { level: 2, n: 316, badRate: 0.326, ciLow: 0.2766, ciHigh: 0.3795 },
    { level: 3, n: 119, badRate: 0.6, ciLow: 0.51, ciHigh: 0.68 },
  ],
};

/** No backtest saved yet. */
export const notValidatedLegend: RiskLegend = { validated: false };

export const riskLegendHandlers = [http.get('/api/risk/legend', () => HttpResponse.json<RiskLegend>(mockRiskLegend))];
