import type { CaseSummary, FollowUp } from '@primm/shared/contracts/cases';
import { addDays, mondayOf } from '@primm/shared/dates';

// Calendar arithmetic: shared/src/dates.ts (ISO dates in UTC, so no time zone moves a day).
const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The seven days of the week of `iso`, Monday first. */
export const weekDays = (iso: string) => Array.from({ length: 7 }, (_, i) => addDays(mondayOf(iso), i));

/** The first of the month of `iso`, moved by `months`. */
export function monthStart(iso: string, months = 0): string {
  const d = new Date(toTime(iso));
  return toIso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
}

/** The weeks (Monday to Sunday) that cover the month of `iso`; `inMonth` marks its own days. */
export function monthWeeks(iso: string): { iso: string; inMonth: boolean }[][] {
  const first = monthStart(iso);
  const next = monthStart(iso, 1);
  const weeks: { iso: string; inMonth: boolean }[][] = [];
  for (let monday = mondayOf(first); monday < next; monday = addDays(monday, 7)) {
    weeks.push(weekDays(monday).map((day) => ({ iso: day, inMonth: day >= first && day < next })));
  }
  return weeks;
}

/** Follow-ups by date. */
export function followUpsByDate(followUps: FollowUp[]): Map<string, FollowUp[]> {
  const out = new Map<string, FollowUp[]>();
  for (const f of followUps) out.set(f.date, [...(out.get(f.date) ?? []), f]);
  return out;
}

export type DueItem = { caseId: number; date: string; overdue: boolean; student: FollowUp['student'] };

/**
 * What needs doing this week, overdue first: every follow-up dated this week (Monday to Sunday of
 * `today`), and the cases whose follow-up fell due before this week with none planned after
 * (`overdue`, as the server decides it). One line per case and date.
 */
export function dueThisWeek(cases: CaseSummary[], followUps: FollowUp[], today: string): DueItem[] {
  const [monday, sunday] = [mondayOf(today), addDays(mondayOf(today), 6)];
  const overdueOn = new Map(cases.filter((c) => c.overdue && c.nextFollowUp).map((c) => [c.id, c.nextFollowUp!]));
  const items = new Map<string, DueItem>();
  for (const c of cases) {
    const date = overdueOn.get(c.id);
    if (date && date < monday) items.set(`${c.id}|${date}`, { caseId: c.id, date, overdue: true, student: c.student });
  }
  for (const f of followUps) {
    if (f.date < monday || f.date > sunday) continue;
    items.set(`${f.caseId}|${f.date}`, {
      caseId: f.caseId,
      date: f.date,
      overdue: overdueOn.get(f.caseId) === f.date,
      student: f.student,
    });
  }
  return [...items.values()].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || a.date.localeCompare(b.date) || a.caseId - b.caseId,
  );
}
