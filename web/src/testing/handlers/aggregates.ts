import { http, HttpResponse } from 'msw';
import {
  AggregateQuery,
  CompareQuery,
  FairnessQuery,
  TrendQuery,
  type AggregateHistory,
  type AggregateResult,
  type AggregateTrend,
  type AggregateYears,
  type FairnessReport,
} from '@primm/shared/contracts/aggregates';
import type { Role } from '@primm/shared/contracts/auth';
import {
  aFairnessReport,
  anAggregateHistory,
  anAggregateResult,
  aPreviousFairnessReport,
  aPreviousYear,
  aTrend,
} from '../aggregate-fixtures';
import { errorBody } from '../fixtures';
import { currentMockSession } from './auth';

/** The roles the server lets in (server/src/aggregates/routes.ts), so `pnpm dev:mock` refuses like it. */
function refused(roles: readonly Role[]) {
  const me = currentMockSession();
  if (!me) return HttpResponse.json(errorBody('unauthenticated'), { status: 401 });
  return roles.includes(me.role) ? undefined : HttpResponse.json(errorBody('forbidden'), { status: 403 });
}

export const aggregatesHandlers = [
  http.get('/api/aggregates', ({ request }) => {
    const refusal = refused(['analista', 'admin', 'referente']);
    if (refusal) return refusal;
    // Mocks honour the contract: an invalid query is refused like the server would.
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = AggregateQuery.safeParse(params);
    const compare = CompareQuery.safeParse(params);
    if (!parsed.success || !compare.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const result = anAggregateResult(parsed.data);
    return HttpResponse.json<AggregateResult>(
      compare.data.compare ? { ...result, previous: aPreviousYear(parsed.data) } : result,
    );
  }),
  // The demo's years with data: the fixtures' 2025/26 and the year before it.
  http.get(
    '/api/aggregates/years',
    () =>
      refused(['analista', 'admin', 'referente']) ??
      HttpResponse.json<AggregateYears>({ years: ['2025/26', '2024/25'], current: '2025/26' }),
  ),
  http.get(
    '/api/aggregates/history',
    () => refused(['analista', 'admin']) ?? HttpResponse.json<AggregateHistory>(anAggregateHistory()),
  ),
  http.get('/api/aggregates/trend', ({ request }) => {
    const refusal = refused(['analista', 'admin', 'referente']);
    if (refusal) return refusal;
    const parsed = TrendQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    return HttpResponse.json<AggregateTrend>(aTrend(parsed.data.year ? { year: parsed.data.year } : {}));
  }),
  http.get('/api/fairness', ({ request }) => {
    const refusal = refused(['analista', 'admin']);
    if (refusal) return refusal;
    const parsed = FairnessQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const report = aFairnessReport(parsed.data.year ? { year: parsed.data.year } : {});
    return HttpResponse.json<FairnessReport>(
      parsed.data.compare ? { ...report, previous: aPreviousFairnessReport() } : report,
    );
  }),
];
