import type { Message } from './message';
import { renderItalian } from './render-italian';
import type { Indicator, MeasuredIndicator } from './types';

/** The indicator with its message and Italian sentence, properties in their usual order (written out: see `Indicator`). */
export function withMessage(m: MeasuredIndicator, message: Message): Indicator {
  const out: Indicator = {
    key: m.key,
    domain: m.domain,
    value: m.value,
    level: m.level,
    explanation: renderItalian(message),
    message,
  };
  if (m.details !== undefined) out.details = m.details;
  return out;
}
