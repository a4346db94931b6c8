import { sumAbsenceHours } from './attendance-rate';
import { formatDate, formatNumber, formatPercent, plural } from './format';
import type { RiskSettings } from './settings';
import { withSentence } from './sentence';
import type { Indicator, MeasuredIndicator, RiskLevel, StudentRiskInput } from './types';

type Input = Pick<
  StudentRiskInput,
  'asOf' | 'enrolledOn' | 'annualHours' | 'hoursHeldSoFar' | 'remainingLessonDays' | 'attendanceEvents'
>;

/**
 * Projection of the year's absence against the legal limit: the year is valid only with ¾ of the
 * personalised annual hours attended (DPR 122/2009 art. 14 c. 7; D.Lgs 62/2017 art. 5).
 *
 * Hours with a deroga decided by the class council are kept apart: the council may leave them out
 * of the count, so the level is computed without them and the sentence names them.
 * projected = counted so far + (counted so far / held so far) × hours still scheduled.
 * The crossing date walks the remaining lesson days at the current pace.
 * value = projected share of the annual hours (0–1).
 */
export function absenceProjection(input: Input, settings: RiskSettings): Indicator {
  const m = measureAbsenceProjection(input, settings);
  return withSentence(m, explainAbsenceProjection(m));
}

/** `absenceProjection` without its sentence (`explainAbsenceProjection`). */
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
  const details = { limitHours: limit, countedHours: counted, derogaHours: deroga, hoursHeld: held, hoursRemaining: remaining, annualHours: annual };

  if (annual <= 0) return { key: base.key, domain: base.domain, value: null, level: 'ok', details };
  if (counted > limit) {
    return {
      key: base.key, domain: base.domain,
      value: (counted + (held > 0 ? (counted / held) * remaining : 0)) / annual,
      level: 'high',
      details: { limitHours: limit, countedHours: counted, derogaHours: deroga, hoursHeld: held, hoursRemaining: remaining, annualHours: annual, crossingDate: null, alreadyOver: true },
    };
  }
  if (held <= 0) return { key: base.key, domain: base.domain, value: null, level: 'ok', details };

  const rate = counted / held;
  const projected = counted + rate * remaining;
  const share = projected / annual;
  const crossingDate = findCrossingDate(counted, rate, limit, input.remainingLessonDays, input.asOf);
  const reliable = held >= s.minHoursHeld;
  const level: RiskLevel = !reliable ? 'ok' : share > s.maxAbsenceShare ? 'high' : share > s.attentionAboveShare ? 'attention' : 'ok';
  return {
    key: base.key, domain: base.domain,
    value: share,
    level,
    details: {
      limitHours: limit, countedHours: counted, derogaHours: deroga, hoursHeld: held, hoursRemaining: remaining, annualHours: annual,
      projectedHours: projected, crossingDate, alreadyOver: false, reliable,
    },
  };
}

export function explainAbsenceProjection(m: MeasuredIndicator): string {
  const d = m.details as {
    limitHours: number; countedHours: number; derogaHours: number; hoursHeld: number; annualHours: number;
    projectedHours?: number; crossingDate?: string | null; alreadyOver?: boolean; reliable?: boolean;
  };
  const counted = d.countedHours;
  const held = d.hoursHeld;
  const limit = d.limitHours;
  const derogaNote = d.derogaHours > 0 ? ` Altre ${plural(d.derogaHours, 'ora', 'ore')} sono in deroga (il consiglio di classe può non conteggiarle).` : '';
  if (d.annualHours <= 0) return 'Monte ore annuo non indicato: proiezione non calcolabile.';
  if (d.alreadyOver) {
    return `Già ${plural(counted, 'ora', 'ore')} di assenza, oltre il limite di ${formatNumber(limit, 0)} (un quarto del monte ore di ${formatNumber(d.annualHours, 0)}): l'anno non è valido salvo deroghe.${derogaNote}`;
  }
  if (held <= 0 || m.value === null) return `Nessuna ora di lezione svolta finora: proiezione non calcolabile.${derogaNote}`;
  const head = `Assente il ${formatPercent(counted / held)} delle ore finora (${formatNumber(counted)} su ${formatNumber(held)})`;
  let body: string;
  if (d.crossingDate) {
    body = `a questo ritmo supererà il limite di ${formatNumber(limit, 0)} ore verso il ${formatDate(d.crossingDate)}.`;
  } else if (counted === 0) {
    body = `nessuna assenza conteggiata per il limite di ${formatNumber(limit, 0)} ore.`;
  } else {
    body = `a questo ritmo arriverà a circa ${formatNumber(d.projectedHours!, 0)} ore (${formatPercent(m.value)} del monte ore), entro il limite di ${formatNumber(limit, 0)}.`;
  }
  const early = d.reliable ? '' : ` Troppo presto per una proiezione affidabile (${plural(held, 'ora', 'ore')} di lezione finora).`;
  return `${head}: ${body}${derogaNote}${early}`;
}

function findCrossingDate(counted: number, rate: number, limit: number, days: StudentRiskInput['remainingLessonDays'], asOf: string): string | null {
  if (rate <= 0) return null;
  let total = counted;
  for (const day of days) {
    if (day.date <= asOf) continue;
    total += rate * day.hours;
    if (total > limit) return day.date;
  }
  return null;
}
