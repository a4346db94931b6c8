/**
 * True on a screen as narrow as a phone: the width at which styles.css lays tables out as cards
 * (`@media (max-width: 40rem)`). Read once, when a component starts: for what CSS cannot decide
 * (a calendar's first view, a chart's label width).
 */
export function isPhoneScreen(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(max-width: 40rem)').matches === true;
}
