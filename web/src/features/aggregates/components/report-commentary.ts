import type { Cell } from '@primm/shared/contracts/aggregates';
import { shareOf, sumPublished, type FormatNumber } from './chart-model';
import { BANDS, TIERS } from './overview-chart-data';

export type Place = { kind: 'region' } | { kind: 'province' | 'school'; name: string };

/** One sentence as an i18n key (under `regional.commentary`) and its values, so both languages read it. */
export type Sentence = { key: string; context?: Place['kind']; values: Record<string, string> };

type Input = { place: Place; year: string; threshold: number; values: Record<string, Cell> };

/**
 * A short commentary built only from published numbers: a share is said only when both its
 * counts are published, a suppressed count is never quoted (not even as "fewer than"), and a
 * closing sentence says that some values were left out. Pure, so the wording is table-tested.
 */
export function reportCommentary({ place, year, threshold, values }: Input, format: FormatNumber): Sentence[] {
  const n = (v: number) => format(v, 0);
  const pct = (share: number) => format(share * 100, 0);
  const name = place.kind === 'region' ? '' : place.name;
  const students = values.students;
  if (typeof students !== 'number')
    return [{ key: 'tooFew', context: place.kind, values: { name, year, threshold: String(threshold) } }];

  const out: Sentence[] = [{ key: 'students', context: place.kind, values: { name, year, students: n(students) } }];
  if (students === 0) return out;
  let leftOut = false;

  // A measure missing from the answer was not asked for: nothing to say, nothing left out.
  const asked = (measures: readonly string[]) => measures.every((m) => values[m] !== undefined);

  if (asked(TIERS)) {
    const atRisk = sumPublished([values.tier2, values.tier3]);
    const assessed = sumPublished(TIERS.map((m) => values[m]));
    const tierShare = shareOf(atRisk, assessed);
    if (typeof tierShare === 'number' && typeof atRisk === 'number') {
      out.push({ key: 'tier2plus', values: { share: pct(tierShare), count: n(atRisk) } });
      const tier3 = shareOf(values.tier3, assessed);
      if (typeof tier3 === 'number') out.push({ key: 'tier3', values: { share: pct(tier3) } });
    } else if (tierShare !== null) {
      out.push({ key: 'tierNotComputed', values: {} });
      leftOut = true;
    }
  }

  if (asked(BANDS)) {
    const below80 = shareOf(values.attendedBelow80, sumPublished(BANDS.map((m) => values[m])));
    if (typeof below80 === 'number') out.push({ key: 'attendanceBelow80', values: { share: pct(below80) } });
    else leftOut ||= below80 !== null;
  }

  for (const measure of ['overLimit', 'failing2plus'] as const) {
    const count = values[measure];
    if (typeof count === 'number')
      out.push({ key: measure, values: { count: n(count), share: pct(count / students) } });
    else leftOut ||= count !== undefined;
  }

  const { openCases, closedCases } = values;
  if (typeof openCases === 'number' && typeof closedCases === 'number')
    out.push({ key: 'cases', values: { open: n(openCases), closed: n(closedCases) } });
  else leftOut ||= openCases !== undefined || closedCases !== undefined;

  if (leftOut) out.push({ key: 'leftOut', values: { threshold: String(threshold) } });
  return out;
}
