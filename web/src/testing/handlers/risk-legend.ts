import { http, HttpResponse } from 'msw';
import type { RiskLegend } from '@primm/shared/contracts/risk-legend';
import { aRiskLegend } from '../fixtures';

/** The legend of the latest backtest; a test asks for the other shape with `server.use(notValidatedLegendHandler)`. */
export const riskLegendHandlers = [http.get('/api/risk/legend', () => HttpResponse.json<RiskLegend>(aRiskLegend()))];

/** No backtest saved yet: the levels are not validated on the region's data. */
export const notValidatedLegendHandler = http.get('/api/risk/legend', () => HttpResponse.json<RiskLegend>({ validated: false }));
