import { CaseActionType, type CaseActionType as ActionType } from '@primm/shared/contracts/cases';
import { HelpedMost, ParticipantPerspective } from '@primm/shared/contracts/participant-views';
import type { EffectRow, OutcomeRow, ParticipantRow, WhatWorks, WhatWorksBy } from '@primm/shared/contracts/what-works';
import type { Cell } from '@primm/shared/contracts/aggregates';
import { suppressCounts, type CountRecord, type Relation } from '@primm/shared/aggregates/suppress';
import {
  DEFAULT_BOOTSTRAP,
  differenceInDifferences,
  quartiles,
  type MatchedChange,
} from '@primm/shared/evaluation/did';
import { matchOne, type Measured } from '@primm/shared/evaluation/match';
import {
  AFTER_FROM_WEEK,
  AFTER_TO_WEEK,
  BEFORE_WEEKS,
  measureAround,
  stratumOf,
} from '@primm/shared/evaluation/windows';
import { daysBetween, mondayOf } from '@primm/shared/dates';
import type { Db } from '../db/open-database';
import { citizenshipGroupOf, naiSinceOf } from '../aggregates/citizenship-group';
import { buildStudentInputs } from '../school-data/build-inputs';
import { loadSchoolRiskData } from '../school-data/load-school-data';
import { listEvaluatedCases, loadLevelHistory, type EvaluatedCase } from './repository';

/** One measured (case, action type): the changes beside its matched comparison. */
interface Treated {
  type: ActionType;
  c: EvaluatedCase;
  attendance: MatchedChange | null;
  average: MatchedChange | null;
  comparisonIds: number[];
}

/**
 * "Cosa funziona" (issue 22) for a school year and a set of schools (null: the region).
 *
 * For every case and action type, the first action of that type is the date; the young person's
 * attendance and grade average in the 4 weeks before its week and in weeks 2–8 after it are
 * compared with those of the students of the same school, on the same date, at the same level
 * and in the same attendance and grade bands, who had no action of that type this year
 * (shared/src/evaluation). Matching within the school keeps one school's series in memory at
 * a time and compares students under the same calendar and teachers.
 *
 * Cost: one read of the series of every school with a measured case (as a detail page reads
 * one school), then arithmetic. The route caches the answer per data version.
 */
export async function computeWhatWorks(
  db: Db,
  year: { id: number; label: string; startsOn: string; endsOn: string },
  only: number[] | null,
  by: WhatWorksBy,
  threshold: number,
): Promise<WhatWorks> {
  return summariseWhatWorks(await measureCases(db, year, only), by, threshold);
}

/** The measured cases of a year and scope: the costly part, the same whatever the grouping. */
export interface MeasuredCases {
  year: { label: string };
  only: number[] | null;
  cases: EvaluatedCase[];
  treated: Treated[];
  lastDay: string | null;
}

export async function measureCases(
  db: Db,
  year: { id: number; label: string; startsOn: string; endsOn: string },
  only: number[] | null,
): Promise<MeasuredCases> {
  const cases = await listEvaluatedCases(db, year, only);
  const typedStudents = new Map<ActionType, Set<number>>();
  // Comparison students have no action of the type anywhere in the region this year: read all cases.
  for (const c of only === null ? cases : await listEvaluatedCases(db, year, null))
    for (const t of c.firstByType.keys()) {
      const set = typedStudents.get(t) ?? new Set<number>();
      set.add(c.studentId);
      typedStudents.set(t, set);
    }

  const treated: Treated[] = [];
  let lastDay: string | null = null;
  const bySchool = new Map<number, EvaluatedCase[]>();
  for (const c of cases) bySchool.set(c.schoolId, [...(bySchool.get(c.schoolId) ?? []), c]);
  for (const [schoolId, schoolCases] of bySchool) {
    const data = await loadSchoolRiskData(db, schoolId, year);
    if (!data) continue;
    const inputs = buildStudentInputs(data);
    if (inputs.length === 0) continue;
    const asOf = inputs[0]!.input.asOf;
    if (lastDay === null || asOf > lastDay) lastDay = asOf;
    const levelOn = await loadLevelHistory(
      db,
      year.id,
      inputs.map((b) => b.studentId),
    );
    // Windows and bands depend only on the week of the action: measured once per school and week.
    const measuredOn = new Map<string, Measured[]>();
    const measureAll = (day: string): Measured[] => {
      const date = mondayOf(day);
      let all = measuredOn.get(date);
      if (!all) {
        all = [];
        for (const b of inputs) {
          const around = measureAround(b.input.weeks, b.input.grades, date, asOf);
          if (around)
            all.push({ studentId: b.studentId, stratum: stratumOf(levelOn(b.studentId, date), around), around });
        }
        measuredOn.set(date, all);
      }
      return all;
    };
    for (const c of schoolCases) {
      for (const [type, date] of c.firstByType) {
        const all = measureAll(date);
        const self = all.find((m) => m.studentId === c.studentId);
        if (!self) continue; // not enrolled here now, or weeks 2–8 not over yet
        const excluded = typedStudents.get(type)!;
        const pool = all.filter((m) => !excluded.has(m.studentId));
        const att = matchOne(self, pool, 'attendanceRate');
        const avg = matchOne(self, pool, 'average');
        if (!att && !avg) continue;
        treated.push({
          type,
          c,
          attendance: att?.change ?? null,
          average: avg?.change ?? null,
          comparisonIds: [...new Set([...(att?.comparisonIds ?? []), ...(avg?.comparisonIds ?? [])])],
        });
      }
    }
  }

  return { year, only, cases, treated, lastDay };
}

export function summariseWhatWorks(measured: MeasuredCases, by: WhatWorksBy, threshold: number): WhatWorks {
  const { year, only, cases, treated, lastDay } = measured;
  const naiSince = naiSinceOf(year.label);
  const groupOf = (c: EvaluatedCase): { key: string; label: string } | null => {
    if (by === 'school') return { key: c.schoolCode, label: `${c.schoolName} (${c.schoolCode})` };
    if (by === 'province') return { key: c.province, label: c.province };
    if (by === 'citizenship') {
      const g = citizenshipGroupOf(c.citizenship, c.bornInItaly, c.arrivalDate, naiSince);
      return { key: g, label: g };
    }
    return null;
  };

  return {
    year: year.label,
    scope: only === null ? 'region' : 'schools',
    by,
    threshold,
    window: { beforeWeeks: BEFORE_WEEKS, afterFromWeek: AFTER_FROM_WEEK, afterToWeek: AFTER_TO_WEEK },
    bootstrap: { iterations: DEFAULT_BOOTSTRAP.iterations, seed: DEFAULT_BOOTSTRAP.seed },
    lastDay,
    effects: effectRows(treated, groupOf, by, threshold),
    outcomes: outcomeRows(cases, threshold),
    flagToAction: flagToAction(cases, threshold),
    participants: participantRows(cases, threshold),
  };
}

function effectRows(
  treated: Treated[],
  groupOf: (c: EvaluatedCase) => { key: string; label: string } | null,
  by: WhatWorksBy,
  k: number,
): EffectRow[] {
  const groups = new Map<string, { type: ActionType; group: { key: string; label: string } | null; rows: Treated[] }>();
  for (const t of treated) {
    const group = groupOf(t.c);
    const id = `${t.type}|${group?.key ?? ''}`;
    const g = groups.get(id) ?? { type: t.type, group, rows: [] };
    g.rows.push(t);
    groups.set(id, g);
  }
  // The rows of a type sum to the type's total: a lone small group could be found by difference.
  const records: CountRecord[] = [];
  const relations: Relation[] = [];
  for (const type of CaseActionType.options) {
    const mine = [...groups.entries()].filter(([, g]) => g.type === type);
    if (mine.length === 0) continue;
    const total = mine.reduce((a, [, g]) => a + new Set(g.rows.map((r) => r.c.caseId)).size, 0);
    records.push({ id: `type:${type}`, values: { cases: total } });
    for (const [id, g] of mine) records.push({ id, values: { cases: g.rows.length } });
    if (by !== 'none')
      relations.push({ members: mine.map(([id]) => [id, 'cases']), target: [`type:${type}`, 'cases'] });
  }
  const { shown } = suppressCounts(records, relations, { threshold: k, populationMeasure: 'cases' });
  const order = CaseActionType.options;
  return [...groups.entries()]
    .sort(
      ([, a], [, b]) =>
        order.indexOf(a.type) - order.indexOf(b.type) || (a.group?.label ?? '').localeCompare(b.group?.label ?? ''),
    )
    .map(([id, g]): EffectRow => {
      const cases = shown[id]!.cases!;
      const comparisonCount = new Set(g.rows.flatMap((r) => r.comparisonIds)).size;
      const comparison: Cell = comparisonCount > 0 && comparisonCount < k ? `<${k}` : comparisonCount;
      const published = typeof cases === 'number' && typeof comparison === 'number';
      const estimate = (changes: (MatchedChange | null)[]) => {
        const kept = changes.filter((c): c is MatchedChange => c !== null);
        return published && kept.length >= k ? differenceInDifferences(kept) : null;
      };
      return {
        actionType: g.type,
        group: g.group,
        cases,
        comparison,
        attendance: estimate(g.rows.map((r) => r.attendance)),
        average: estimate(g.rows.map((r) => r.average)),
      };
    });
}

const OUTCOME_MEASURES = ['backOnTrack', 'reorientedArrived', 'leftEducation', 'other'] as const;

function outcomeRows(cases: EvaluatedCase[], k: number): OutcomeRow[] {
  const records: CountRecord[] = [];
  const relations: Relation[] = [];
  for (const type of CaseActionType.options) {
    const closed = cases.filter((c) => c.closed && c.firstByType.has(type));
    if (closed.length === 0) continue;
    const count = (f: (c: EvaluatedCase) => boolean) => closed.filter(f).length;
    const backOnTrack = count((c) => c.outcome === 'back_on_track');
    const reorientedArrived = count((c) => c.outcome === 'reoriented' && c.arrived);
    const leftEducation = count((c) => c.outcome === 'left_education');
    records.push({
      id: type,
      values: {
        closed: closed.length,
        backOnTrack,
        reorientedArrived,
        leftEducation,
        other: closed.length - backOnTrack - reorientedArrived - leftEducation,
      },
    });
    relations.push({ members: OUTCOME_MEASURES.map((m) => [type, m]), target: [type, 'closed'] });
  }
  const { shown } = suppressCounts(records, relations, { threshold: k, populationMeasure: 'closed' });
  return records.map((r) => ({
    actionType: r.id as ActionType,
    closed: shown[r.id]!.closed!,
    backOnTrack: shown[r.id]!.backOnTrack!,
    reorientedArrived: shown[r.id]!.reorientedArrived!,
    leftEducation: shown[r.id]!.leftEducation!,
    other: shown[r.id]!.other!,
  }));
}

function flagToAction(cases: EvaluatedCase[], k: number): WhatWorks['flagToAction'] {
  const days = cases
    .filter((c) => c.flaggedOn !== null && c.firstAction !== null && c.firstAction >= c.flaggedOn)
    .map((c) => daysBetween(c.flaggedOn!, c.firstAction!));
  if (days.length < k) return { cases: days.length === 0 ? 0 : `<${k}`, days: null };
  return { cases: days.length, days: quartiles(days) };
}

function participantRows(cases: EvaluatedCase[], k: number): ParticipantRow[] {
  const records: CountRecord[] = [];
  const relations: Relation[] = [];
  const sums = new Map<string, number>();
  for (const type of CaseActionType.options)
    for (const perspective of ParticipantPerspective.options) {
      const views = cases
        .filter((c) => c.firstByType.has(type))
        .flatMap((c) => c.views.filter((v) => v.perspective === perspective));
      if (views.length === 0) continue;
      const id = `${type}|${perspective}`;
      const values: Record<string, number> = { views: views.length };
      for (const h of HelpedMost.options) values[h] = views.filter((v) => v.helpedMost === h).length;
      records.push({ id, values });
      relations.push({ members: HelpedMost.options.map((h) => [id, h]), target: [id, 'views'] });
      sums.set(
        id,
        views.reduce((a, v) => a + v.helped, 0),
      );
    }
  const { shown } = suppressCounts(records, relations, { threshold: k, populationMeasure: 'views' });
  return records.map((r) => {
    const [type, perspective] = r.id.split('|') as [ActionType, ParticipantPerspective];
    const views = shown[r.id]!.views!;
    return {
      actionType: type,
      perspective,
      views,
      averageHelped: typeof views === 'number' && views >= k ? sums.get(r.id)! / r.values.views! : null,
      helpedMost: Object.fromEntries(
        HelpedMost.options.map((h) => [h, shown[r.id]![h]!]),
      ) as ParticipantRow['helpedMost'],
    };
  });
}
