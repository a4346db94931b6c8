import { http, HttpResponse } from 'msw';
import { AuditQuery, type AuditPage } from '@primm/shared/contracts/audit';
import { errorBody, mockAudit, mockRisk } from '../fixtures';

export const auditHandlers = [
  http.get('/api/audit', ({ request }) => {
    const parsed = AuditQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const q = parsed.data;
    // As on the server: a student by id or by words of the name; nobody found, no line.
    const words = (q.student ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const students =
      q.student === undefined
        ? undefined
        : mockRisk.students
            .filter((s) =>
              /^\d+$/.test(q.student!)
                ? s.id === Number(q.student)
                : words.every((w) => `${s.lastName} ${s.firstName}`.toLowerCase().includes(w)),
            )
            .map((s) => ({ id: s.id, lastName: s.lastName, firstName: s.firstName }));
    const matching = mockAudit
      .filter((e) => !q.userId || e.userId === q.userId)
      .filter((e) => !q.email || (e.userEmail ?? '').toLowerCase().includes(q.email.toLowerCase()))
      .filter((e) => !students || e.studentIds.some((id) => students.some((s) => s.id === id)))
      .filter((e) => !q.action || e.action.startsWith(q.action))
      .filter((e) => !q.outcome || e.outcome === q.outcome)
      .filter((e) => !q.studentId || e.studentIds.includes(q.studentId))
      .filter((e) => !q.from || e.at >= q.from)
      .filter((e) => !q.to || e.at < `${q.to}T99`)
      .filter((e) => !q.before || e.id < q.before);
    const items = matching.slice(0, q.limit);
    const nextBefore = matching.length > q.limit ? items[items.length - 1]!.id : null;
    return HttpResponse.json<AuditPage>({ items, nextBefore, ...(students ? { students } : {}) });
  }),
];
