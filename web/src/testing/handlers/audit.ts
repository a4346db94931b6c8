import { http, HttpResponse } from 'msw';
import { AuditQuery, type AuditPage } from '@primm/shared/contracts/audit';
import { errorBody, mockAudit } from '../fixtures';

export const auditHandlers = [
  http.get('/api/audit', ({ request }) => {
    const parsed = AuditQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const q = parsed.data;
    const matching = mockAudit
      .filter((e) => !q.userId || e.userId === q.userId)
      .filter((e) => !q.action || e.action.startsWith(q.action))
      .filter((e) => !q.outcome || e.outcome === q.outcome)
      .filter((e) => !q.studentId || e.studentIds.includes(q.studentId))
      .filter((e) => !q.from || e.at >= q.from)
      .filter((e) => !q.to || e.at < `${q.to}T99`)
      .filter((e) => !q.before || e.id < q.before);
    const items = matching.slice(0, q.limit);
    const nextBefore = matching.length > q.limit ? items[items.length - 1]!.id : null;
    return HttpResponse.json<AuditPage>({ items, nextBefore });
  }),
];
