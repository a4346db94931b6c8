import { daysBetween } from '../dates';
import { message, type Message } from './message';
import { gradeDigestOf } from './grade-digest';
import type { GradeDigest } from './types';
import type { RiskSettings } from './settings';
import { withMessage } from './sentence';
import type { Indicator, MeasuredIndicator, RiskLevel, StudentRiskInput } from './types';

type Input = Pick<StudentRiskInput, 'asOf' | 'grades' | 'gradeDigest'>;

/**
 * Slope of the student's grades over time (least squares) within subjects:
 * dates and grades are centred on each subject's means, so a month of hard subjects does not look
 * like a decline and the slope is the average trend of the subjects.
 * Scrutinio grades are summaries of the others and are left out.
 * value = grade points per 30 days.
 */
export function gradeTrend(input: Input, settings: RiskSettings): Indicator {
  const m = measureGradeTrend(settings, gradeDigestOf(input));
  return withMessage(m, describeGradeTrend(m, settings));
}

/** `gradeTrend` without its sentence (`describeGradeTrend`). */
export function measureGradeTrend(settings: RiskSettings, digest: GradeDigest): MeasuredIndicator {
  const s = settings.grades;
  const base = { key: 'grade_trend', domain: 'rendimento' } as const;
  // Per subject as written, all terms: the sums of its grades other than scrutinio.
  // Found by a scan, not a Map: a dozen subjects a student (as in subjectAveragesOf's groupOf).
  const bySubject: { subject: string; n: number; sy: number; sx: number; sxx: number; sxy: number }[] = [];
  let count = 0;
  for (let i = 0; i < digest.subject.length; i++) {
    const n = digest.n[i]!;
    if (n === 0) continue;
    count += n;
    const subject = digest.subject[i]!;
    let t = bySubject.length - 1;
    while (t >= 0 && bySubject[t]!.subject !== subject) t--;
    if (t < 0)
      bySubject.push({
        subject,
        n,
        sy: digest.sum[i]!,
        sx: digest.sx[i]!,
        sxx: digest.sxx[i]!,
        sxy: digest.sxy[i]!,
      });
    else {
      const g = bySubject[t]!;
      g.n += n;
      g.sy += digest.sum[i]!;
      g.sx += digest.sx[i]!;
      g.sxx += digest.sxx[i]!;
      g.sxy += digest.sxy[i]!;
    }
  }
  const { first, last } = digest;
  const span = first && last ? daysBetween(first, last) : 0;
  if (count < s.slopeMinGrades || span < s.slopeMinSpanDays || first === null) {
    return { key: base.key, domain: base.domain, value: null, level: 'ok', details: { grades: count, spanDays: span } };
  }
  // Days and grades centred within each subject: the slope is the pooled within-subject slope,
  // Σ Sxy / Σ Sxx with Sxy = Σxy − ΣxΣy/n per subject (the least-squares slope of the centred points).
  // n·Σxx − (Σx)² is a whole number computed exactly: zero only when every grade of each subject
  // falls on one day.
  let sxy = 0;
  let sxx = 0;
  for (const t of bySubject) {
    sxy += (t.n * t.sxy - t.sx * t.sy) / t.n;
    sxx += (t.n * t.sxx - t.sx * t.sx) / t.n;
  }
  if (sxx === 0) {
    return {
      key: base.key,
      domain: base.domain,
      value: null,
      level: 'ok',
      details: { grades: count, spanDays: span, oneDayPerSubject: true },
    };
  }
  const slope = (sxy / sxx) * 30;
  const level: RiskLevel = slope <= s.slopeHighBelow ? 'high' : slope <= s.slopeAttentionBelow ? 'attention' : 'ok';
  return { key: base.key, domain: base.domain, value: slope, level, details: { grades: count, spanDays: span } };
}

export function describeGradeTrend(m: MeasuredIndicator, settings: RiskSettings): Message {
  const d = m.details as { grades: number; spanDays: number; oneDayPerSubject?: boolean };
  const grades = message('explain.unit.grade', { count: d.grades });
  const days = message('explain.unit.day', { count: d.spanDays });
  if (m.value === null) {
    if (d.oneDayPerSubject) return message('explain.grade_trend.one_day');
    const s = settings.grades;
    return message('explain.grade_trend.too_few', {
      grades,
      days,
      minGrades: s.slopeMinGrades,
      minDays: s.slopeMinSpanDays,
    });
  }
  const slope = m.value;
  const direction = Math.abs(slope) < 0.05 ? 'stable' : slope < 0 ? 'down' : 'up';
  return message(`explain.grade_trend.${direction}`, { grades, days, points: Math.abs(slope) });
}
