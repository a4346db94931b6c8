import type { Indicator, MeasuredIndicator } from './types';

/** The indicator with its sentence, properties in their usual order (written out: see `Indicator`). */
export function withSentence(m: MeasuredIndicator, explanation: string): Indicator {
  const out: Indicator = { key: m.key, domain: m.domain, value: m.value, level: m.level, explanation };
  if (m.details !== undefined) out.details = m.details;
  return out;
}
