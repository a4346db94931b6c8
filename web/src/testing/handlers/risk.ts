import { http, HttpResponse } from 'msw';
import { Id } from '@primm/shared/contracts/domain';
import { SchoolCodeParam } from '@primm/shared/contracts/schools';
import {
  RiskListQuery,
  RiskReviewInput,
  type ClassRiskChanges,
  type ClassRiskList,
  type RiskReview,
  type RiskReviewResult,
  type RiskRow,
  type SchoolRiskList,
  type StudentRisk,
} from '@primm/shared/contracts/risk';
import { aStudentRisk, errorBody, mockData, mockRisk, sentenceOf } from '../fixtures';
import { currentMockSession } from './auth';

/**
 * State the risk mocks keep: reviews made in this session (newest first), so `pnpm dev:mock`
 * shows an override at once. `resetMockRisk` runs after each test.
 */
const reviews = new Map<number, RiskReview[]>();

export function resetMockRisk(): void {
  reviews.clear();
}

function withReviews(row: RiskRow): RiskRow {
  const latest = reviews.get(row.studentId)?.[0];
  if (!latest) return row;
  return { ...row, review: latest, tier: latest.action === 'override' && latest.tier ? latest.tier : row.computedTier };
}

/** The server's order in a few lines (server/src/risk/sort-risk-rows.ts), enough to see sorting work offline. */
function sortRows(rows: RiskRow[], q: RiskListQuery): RiskRow[] {
  const sign = (q.order ?? (q.sort === 'tier' ? 'desc' : 'asc')) === 'asc' ? 1 : -1;
  const byName = (a: RiskRow, b: RiskRow) => a.lastName.localeCompare(b.lastName, 'it');
  const num = (x: number | null, y: number | null) => (x ?? Infinity) - (y ?? Infinity);
  const compare = {
    tier: (a: RiskRow, b: RiskRow) => sign * (a.tier - b.tier) || sign * (a.score - b.score) || byName(a, b),
    name: (a: RiskRow, b: RiskRow) => sign * byName(a, b),
    attendance: (a: RiskRow, b: RiskRow) => sign * num(a.attendanceRate, b.attendanceRate) || byName(a, b),
    average: (a: RiskRow, b: RiskRow) => sign * num(a.average, b.average) || byName(a, b),
  }[q.sort];
  return rows
    .filter((r) => q.tier === undefined || r.tier === q.tier)
    .filter((r) => !q.indicator || r.indicators.some((i) => i.key === q.indicator && i.level !== 'ok'))
    .sort(compare);
}

function readQuery(request: Request) {
  return RiskListQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
}

export const riskHandlers = [
  http.get('/api/classes/:id/risk', ({ params, request }) => {
    const id = Id.safeParse(params.id);
    const query = readQuery(request);
    if (!id.success || !query.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    if (!mockData.classes.some((c) => c.id === id.data))
      return HttpResponse.json(errorBody('not_found'), { status: 404 });
    const rows = mockRisk.rows.filter((r) => r.classId === id.data).map(withReviews);
    return HttpResponse.json<ClassRiskList>({ items: sortRows(rows, query.data) });
  }),

  // The class's most at-risk student moved up a tier in the last week of data.
  http.get('/api/classes/:id/risk/changes', ({ params }) => {
    const id = Id.safeParse(params.id);
    if (!id.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const top = mockRisk.rows.filter((r) => r.classId === id.data).sort((a, b) => b.tier - a.tier)[0];
    const items =
      top && top.tier > 1
        ? [
            {
              studentId: top.studentId,
              lastName: top.lastName,
              firstName: top.firstName,
              fromTier: (top.tier - 1) as 1 | 2,
              toTier: top.tier,
              asOf: top.asOf,
            },
          ]
        : [];
    return HttpResponse.json<ClassRiskChanges>({
      asOf: top?.asOf ?? null,
      since: top ? '2026-03-24' : null,
      up: items.length,
      down: 0,
      items,
    });
  }),

  http.get('/api/schools/:code/risk', ({ params, request }) => {
    const code = SchoolCodeParam.safeParse(params);
    const query = readQuery(request);
    if (!code.success || !query.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const classes = mockData.classes.filter((c) => c.school.code === code.data.code);
    const rows = mockRisk.rows.filter((r) => classes.some((c) => c.id === r.classId)).map(withReviews);
    const items = sortRows(rows, query.data).map((r) => ({
      ...r,
      className: classes.find((c) => c.id === r.classId)!.name,
    }));
    return HttpResponse.json<SchoolRiskList>({ items });
  }),

  http.get('/api/students/:id/risk', ({ params }) => {
    const id = Id.safeParse(params.id);
    if (!id.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const row = mockRisk.rows.find((r) => r.studentId === id.data);
    if (!row) return HttpResponse.json(errorBody('not_found', 'Nessuna valutazione del rischio'), { status: 404 });
    const base =
      row.studentId === 1002
        ? aStudentRisk()
        : aStudentRisk({
            ...row,
            indicators: row.indicators.map((i) => ({ ...i, explanation: sentenceOf(i), domain: 'frequenza' })),
            reasons: [],
            reviews: [],
            className: mockData.classes.find((c) => c.id === row.classId)!.name,
          });
    const own = reviews.get(row.studentId) ?? [];
    const latest = own[0];
    const body: StudentRisk = latest
      ? {
          ...base,
          review: latest,
          reviews: [...own, ...base.reviews],
          tier: latest.action === 'override' && latest.tier ? latest.tier : base.computedTier,
        }
      : base;
    return HttpResponse.json<StudentRisk>(body);
  }),

  http.post('/api/students/:id/risk/review', async ({ params, request }) => {
    const id = Id.safeParse(params.id);
    const input = RiskReviewInput.safeParse(await request.json().catch(() => undefined));
    if (!id.success || !input.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const row = mockRisk.rows.find((r) => r.studentId === id.data);
    if (!row) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    const review: RiskReview = {
      action: input.data.action,
      tier: input.data.tier ?? null,
      computedTier: row.computedTier,
      reason: input.data.reason,
      by: currentMockSession()?.displayName ?? 'Utente',
      at: new Date().toISOString(),
    };
    reviews.set(row.studentId, [review, ...(reviews.get(row.studentId) ?? [])]);
    const tier = review.action === 'override' && review.tier ? review.tier : row.computedTier;
    return HttpResponse.json<RiskReviewResult>(
      { studentId: row.studentId, computedTier: row.computedTier, tier, review },
      { status: 201 },
    );
  }),
];
