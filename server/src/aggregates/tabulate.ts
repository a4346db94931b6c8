import { MEASURES, PARTITIONS, type AggregateResult, type AggregateRow, type Dimension, type Measure } from '@primm/shared/contracts/aggregates';
import { suppressCounts, type CountRecord, type Relation } from '@primm/shared/aggregates/suppress';
import type { StudentFacts } from './student-facts';

/** Which students each measure counts (DESIGN.md "Aggregates", chronic-absence bands as commonly used). */
const COUNTS: Record<Measure, (s: StudentFacts) => boolean> = {
  students: () => true,
  tier1: (s) => s.tier === 1,
  tier2: (s) => s.tier === 2,
  tier3: (s) => s.tier === 3,
  attended95: (s) => s.attendanceRate !== null && s.attendanceRate >= 0.95,
  attended90to95: (s) => s.attendanceRate !== null && s.attendanceRate >= 0.9 && s.attendanceRate < 0.95,
  attended80to90: (s) => s.attendanceRate !== null && s.attendanceRate >= 0.8 && s.attendanceRate < 0.9,
  attendedBelow80: (s) => s.attendanceRate !== null && s.attendanceRate < 0.8,
  overLimit: (s) => s.projectedAbsence !== null && s.projectedAbsence > 0.25, // DPR 122/2009 art. 14: ¾ of the hours
  failing2plus: (s) => (s.failingSubjects ?? 0) >= 2,
  ageGradeDelay: (s) => (s.ageGradeDelay ?? 0) >= 1,
  flagged: (s) => s.flagged,
  withdrawn: (s) => s.exitReason === 'ritirato',
  // A move to another school or to IeFP is a transfer, never a dropout.
  transferred: (s) => s.exitReason === 'trasferito' || s.exitReason === 'passaggio_iefp',
  droppedOut: (s) => s.exitReason === 'abbandono',
  openCases: (s) => s.openCase,
  closedCases: (s) => s.caseOutcomes.length > 0,
  action_family_meeting: (s) => s.actionTypes.includes('family_meeting'),
  action_cultural_mediation: (s) => s.actionTypes.includes('cultural_mediation'),
  action_tutoring: (s) => s.actionTypes.includes('tutoring'),
  action_italian_l2: (s) => s.actionTypes.includes('italian_l2'),
  action_other: (s) => s.actionTypes.includes('other'),
  reorient_school: (s) => s.actionTypes.includes('reorient_school'),
  reorient_iefp: (s) => s.actionTypes.includes('reorient_iefp'),
  reorient_work: (s) => s.actionTypes.includes('reorient_work'),
  reorient_cpia: (s) => s.actionTypes.includes('reorient_cpia'),
  pua_referral: (s) => s.actionTypes.includes('pua_referral'),
  reoriented_arrived: (s) => s.reorientedArrived === true,
  reoriented_not_arrived: (s) => s.reorientedArrived === false,
  outcome_back_on_track: (s) => s.caseOutcomes.includes('back_on_track'),
  outcome_reoriented: (s) => s.caseOutcomes.includes('reoriented'),
  outcome_left_education: (s) => s.caseOutcomes.includes('left_education'),
  outcome_moved_away: (s) => s.caseOutcomes.includes('moved_away'),
  outcome_other: (s) => s.caseOutcomes.includes('other'),
};

const dimValue = (s: StudentFacts, d: Dimension): string => String(s[d]);

/** The students of one cell of the table: one value per grouping dimension, a count per measure. */
export interface GroupCount {
  key: string[];
  values: Record<string, number>;
}

/** 'students' is always counted: it decides whether a group is too small to show at all. */
export function resolveMeasures(asked: Measure[] | undefined): Measure[] {
  return asked?.length ? [...new Set<Measure>(['students', ...asked])] : [...MEASURES];
}

/** Counts per cell in memory, from one fact per student: the reference `countGroups` (SQL) must match. */
export function countFacts(facts: StudentFacts[], groupBy: Dimension[], measures: Measure[]): GroupCount[] {
  const groups = new Map<string, { key: string[]; facts: StudentFacts[] }>();
  for (const s of facts) {
    const key = groupBy.map((d) => dimValue(s, d));
    const id = key.join('|');
    const group = groups.get(id);
    if (group) group.facts.push(s);
    else groups.set(id, { key, facts: [s] });
  }
  return [...groups.values()].map((g) => ({ key: g.key, values: Object.fromEntries(measures.map((m) => [m, g.facts.filter(COUNTS[m]).length])) }));
}

/** The whole table from students in memory: what the tests compare the routes' SQL counts with. */
export function tabulate(
  facts: StudentFacts[],
  options: { year: string; groupBy: Dimension[]; measures?: Measure[]; threshold: number; labels: (d: Dimension, v: string) => string },
): AggregateResult {
  return publishCounts(countFacts(facts, options.groupBy, resolveMeasures(options.measures)), options);
}

/**
 * The cells, their margins and the total, then small-cell and complementary suppression over all
 * of them together, so no published number gives another away. Each student is in exactly one
 * cell, so margins and the total are sums of cells.
 */
export function publishCounts(
  cells: GroupCount[],
  options: { year: string; groupBy: Dimension[]; measures?: Measure[]; threshold: number; labels: (d: Dimension, v: string) => string },
): AggregateResult {
  const { groupBy, threshold } = options;
  const measures = resolveMeasures(options.measures);
  const sum = (subset: GroupCount[]) => Object.fromEntries(measures.map((m) => [m, subset.reduce((n, c) => n + (c.values[m] ?? 0), 0)]));

  const records: CountRecord[] = [{ id: 'total', values: sum(cells) }];
  const sortedRows = cells.map((c) => [`row:${c.key.join('|')}`, c] as const).sort(([a], [b]) => a.localeCompare(b));
  for (const [id, c] of sortedRows) records.push({ id, values: sum([c]) });

  const margins = new Map<number, Map<string, string>>(); // dim index → value → record id
  if (groupBy.length === 2) {
    groupBy.forEach((_d, i) => {
      const byValue = new Map<string, GroupCount[]>();
      for (const c of cells) {
        const v = c.key[i]!;
        const list = byValue.get(v);
        if (list) list.push(c);
        else byValue.set(v, [c]);
      }
      const ids = new Map<string, string>();
      for (const [v, subset] of [...byValue].sort(([a], [b]) => a.localeCompare(b))) {
        const id = `margin:${i}:${v}`;
        ids.set(v, id);
        records.push({ id, values: sum(subset) });
      }
      margins.set(i, ids);
    });
  }

  const relations: Relation[] = [];
  for (const m of measures) {
    if (groupBy.length === 1) relations.push({ members: sortedRows.map(([id]) => [id, m] as [string, string]), target: ['total', m] });
    if (groupBy.length === 2) {
      for (const [i, ids] of margins) {
        for (const [v, marginId] of ids) {
          relations.push({ members: sortedRows.filter(([, g]) => g.key[i] === v).map(([id]) => [id, m] as [string, string]), target: [marginId, m] });
        }
        relations.push({ members: [...ids.values()].map((id) => [id, m] as [string, string]), target: ['total', m] });
      }
    }
  }
  for (const r of records) {
    for (const part of PARTITIONS) {
      const members = part.filter((m) => measures.includes(m));
      if (members.length > 1) relations.push({ members: members.map((m) => [r.id, m] as [string, string]) });
    }
  }

  const shown = suppressCounts(records, relations, threshold);
  const toRow = (id: string, key: string[], dims: Dimension[]): AggregateRow => ({
    group: Object.fromEntries(dims.map((d, i) => [d, key[i]!])),
    labels: Object.fromEntries(dims.map((d, i) => [d, options.labels(d, key[i]!)])),
    values: shown[id]!,
  });
  return {
    year: options.year,
    groupBy,
    measures,
    threshold,
    rows: groupBy.length === 0 ? [] : sortedRows.map(([id, g]) => toRow(id, g.key, groupBy)),
    margins: Object.fromEntries(
      [...margins].map(([i, ids]) => [groupBy[i]!, [...ids].map(([v, id]) => toRow(id, [v], [groupBy[i]!]))]),
    ),
    total: shown.total!,
  };
}
