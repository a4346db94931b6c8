import type { Cell, Measure } from '@primm/shared/contracts/aggregates';
import type { ChartModel } from './chart-model';
import type { ShapeText } from './overview-chart-data';

export const ACTIONS = [
  'action_family_meeting',
  'action_cultural_mediation',
  'action_tutoring',
  'action_italian_l2',
  'action_other',
] as const satisfies readonly Measure[];
export const DESTINATIONS = [
  'reorient_school',
  'reorient_iefp',
  'reorient_work',
  'reorient_cpia',
  'pua_referral',
] as const satisfies readonly Measure[];
export const ARRIVALS = ['reoriented_arrived', 'reoriented_not_arrived'] as const satisfies readonly Measure[];
export const OUTCOMES = [
  'outcome_back_on_track',
  'outcome_reoriented',
  'outcome_left_education',
  'outcome_moved_away',
  'outcome_other',
] as const satisfies readonly Measure[];

/**
 * One bar per measure of one population (the region, or the filtered part of it): students with
 * at least one action of a type, reoriented to a destination, or with a case closed with an outcome.
 * A student may count under several types, so the bars do not add up to the students.
 */
export function measuresChart(values: Record<string, Cell>, measures: readonly Measure[], text: ShapeText): ChartModel {
  return {
    kind: 'bars',
    rowHeader: text.rowHeader,
    series: [{ key: 'students', label: text.series('students'), unit: 'count' }],
    rows: measures.map((m) => ({ key: m, label: text.series(m), values: { students: values[m] ?? null } })),
  };
}
