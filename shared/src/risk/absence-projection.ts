import { sumAbsenceHours } from './attendance-rate';
import { message, type Message } from './message';
import type { RiskSettings } from './settings';
import { withMessage } from './sentence';
import type { Indicator, MeasuredIndicator, RiskLevel, StudentRiskInput } from './types';

type Input = Pick<
  StudentRiskInput,
  'asOf' | 'enrolledOn' | 'annualHours' | 'hoursHeldSoFar' | 'remainingLessonDays' | 'attendanceEvents' | 'weeks'
>;

/**
 * Projection of the year's absence against the legal limit: the year is valid only with ¾ of the
 * personalised annual hours attended (DPR 122/2009 art. 14 c. 7; D.Lgs 62/2017 art. 5).
 *
 * Hours with a deroga decided by the class council are kept apart: the council may leave them out
 * of the count, so the level is computed without them and the sentence names them.
 * projected = counted so far + (counted so far / held so far) × hours still scheduled.
 * The crossing date walks the remaining lesson days at the current pace.
 * A second figure projects at the pace of the last weeks with lessons (`trend.recentWeeks`), so a
 * student who stopped coming is not hidden by a good autumn; crossing the limit at that pace is
 * at least attention.
 * value = projected share of the annual hours (0–1), at the year's pace.
 */
export function absenceProjection(input: Input, settings: RiskSettings): Indicator {
  const m = measureAbsenceProjection(input, settings);
  return withMessage(m, describeAbsenceProjection(m));
}

/** `absenceProjection` without its sentence (`describeAbsenceProjection`). */
export function measureAbsenceProjection(input: Input, settings: RiskSettings): MeasuredIndicator {
  const s = settings.projection;
  const base = { key: 'absence_projection', domain: 'frequenza' } as const;
  const annual = input.annualHours;
  const limit = annual * s.maxAbsenceShare;
  const held = input.hoursHeldSoFar;
  const deroga = sumAbsenceHours(input, (e) => e.deroga !== null);
  const counted = sumAbsenceHours(input, (e) => e.deroga === null);
  let remaining = 0;
  for (const d of input.remainingLessonDays) if (d.date > input.asOf) remaining += d.hours;
  // Written out, not spread into the results below: `{ ...details, more }` costs microseconds in
  // V8 (Node 20) and a region assesses every student (see also `key: base.key` in each indicator).
  const details = {
    limitHours: limit,
    countedHours: counted,
    derogaHours: deroga,
    hoursHeld: held,
    hoursRemaining: remaining,
    annualHours: annual,
  };

  if (annual <= 0) return { key: base.key, domain: base.domain, value: null, level: 'ok', details };
  if (counted > limit) {
    return {
      key: base.key,
      domain: base.domain,
      value: (counted + (held > 0 ? (counted / held) * remaining : 0)) / annual,
      level: 'high',
      details: {
        limitHours: limit,
        countedHours: counted,
        derogaHours: deroga,
        hoursHeld: held,
        hoursRemaining: remaining,
        annualHours: annual,
        crossingDate: null,
        alreadyOver: true,
      },
    };
  }
  if (held <= 0) return { key: base.key, domain: base.domain, value: null, level: 'ok', details };

  const rate = counted / held;
  const projected = counted + rate * remaining;
  const share = projected / annual;
  const crossingDate = findCrossingDate(counted, rate, limit, input.remainingLessonDays, input.asOf);
  const reliable = held >= s.minHoursHeld;

  // The last weeks with lessons, as the attendance trend reads them (holiday weeks skipped).
  const recent = recentWindow(input, settings.trend.recentWeeks);
  let recentRate: number | null = null;
  let recentProjected: number | null = null;
  let recentCrossing: string | null = null;
  if (recent !== null) {
    recentRate = recent.counted / recent.held;
    recentProjected = counted + recentRate * remaining;
    recentCrossing = findCrossingDate(counted, recentRate, limit, input.remainingLessonDays, input.asOf);
  }
  let level: RiskLevel = !reliable
    ? 'ok'
    : share > s.maxAbsenceShare
      ? 'high'
      : share > s.attentionAboveShare
        ? 'attention'
        : 'ok';
  if (level === 'ok' && reliable && recentProjected !== null && recentProjected / annual > s.maxAbsenceShare)
    level = 'attention';
  return {
    key: base.key,
    domain: base.domain,
    value: share,
    level,
    details: {
      limitHours: limit,
      countedHours: counted,
      derogaHours: deroga,
      hoursHeld: held,
      hoursRemaining: remaining,
      annualHours: annual,
      projectedHours: projected,
      crossingDate,
      alreadyOver: false,
      reliable,
      recentWeeks: recent?.weeks ?? null,
      recentRate,
      recentProjectedHours: recentProjected,
      recentCrossingDate: recentCrossing,
    },
  };
}

/** Hours held and counted (no deroga) in the last `weeks` weeks with lessons up to `asOf`; null with fewer weeks. */
function recentWindow(input: Input, weeks: number): { weeks: number; held: number; counted: number } | null {
  const withLessons = input.weeks.filter((w) => w.weekStart <= input.asOf && w.hoursHeld > 0);
  if (withLessons.length < weeks) return null;
  const window = withLessons.slice(-weeks);
  const from = window[0]!.weekStart;
  let held = 0;
  for (const w of window) held += w.hoursHeld;
  let counted = 0;
  for (const e of input.attendanceEvents) {
    if (e.deroga === null && e.date >= from && e.date >= input.enrolledOn && e.date <= input.asOf) counted += e.hours;
  }
  return { weeks, held, counted: Math.min(counted, held) };
}

export function describeAbsenceProjection(m: MeasuredIndicator): Message {
  const d = m.details as {
    limitHours: number;
    countedHours: number;
    derogaHours: number;
    hoursHeld: number;
    annualHours: number;
    projectedHours?: number;
    crossingDate?: string | null;
    alreadyOver?: boolean;
    reliable?: boolean;
    recentWeeks?: number | null;
    recentRate?: number | null;
    recentProjectedHours?: number | null;
    recentCrossingDate?: string | null;
  };
  const counted = d.countedHours;
  const held = d.hoursHeld;
  const limit = d.limitHours;
  const deroga = d.derogaHours > 0 ? message('explain.absence_projection.deroga', { hours: hours(d.derogaHours) }) : '';
  if (d.annualHours <= 0) return message('explain.absence_projection.no_annual_hours');
  if (d.alreadyOver) {
    return message('explain.absence_projection.already_over', {
      counted: hours(counted),
      limit,
      annual: d.annualHours,
      deroga,
    });
  }
  if (held <= 0 || m.value === null) return message('explain.absence_projection.no_lessons', { deroga });
  const early = d.reliable ? '' : message('explain.absence_projection.early', { hours: hours(held) });
  let recent: Message | '' = '';
  // The second figure, when the last weeks' pace tells something the year's does not (a different
  // number of hours at the end of the year).
  if (
    d.recentRate != null &&
    d.recentProjectedHours != null &&
    Math.round(d.recentProjectedHours) !== Math.round(d.projectedHours ?? 0)
  ) {
    const weeks = message('explain.unit.week', { count: d.recentWeeks ?? 0 });
    recent = d.recentCrossingDate
      ? message('explain.absence_projection.recent_crossing', {
          weeks,
          rate: d.recentRate,
          crossingDate: d.recentCrossingDate,
        })
      : message('explain.absence_projection.recent_within', {
          weeks,
          rate: d.recentRate,
          projected: d.recentProjectedHours,
          share: d.recentProjectedHours / d.annualHours,
        });
  }
  const common = { rate: counted / held, counted, held, limit, recent, deroga, early };
  if (d.crossingDate)
    return message('explain.absence_projection.crossing', { ...common, crossingDate: d.crossingDate });
  if (counted === 0) return message('explain.absence_projection.none', common);
  return message('explain.absence_projection.within', { ...common, projected: d.projectedHours!, share: m.value });
}

const hours = (count: number): Message => message('explain.unit.hour', { count });

function findCrossingDate(
  counted: number,
  rate: number,
  limit: number,
  days: StudentRiskInput['remainingLessonDays'],
  asOf: string,
): string | null {
  if (rate <= 0) return null;
  let total = counted;
  for (const day of days) {
    if (day.date <= asOf) continue;
    total += rate * day.hours;
    if (total > limit) return day.date;
  }
  return null;
}
