import { addDays } from '@primm/shared/dates';

/**
 * The follow-ups as an iCalendar file (RFC 5545) a phone's calendar subscribes to. Each event says
 * only the date and "Verifica del caso n. N", with a link to the case: no name, class, school or
 * kind of action, because the feed leaves the application (a phone, a calendar provider's cloud)
 * without any of its access checks (docs/privacy.md "Calendario delle verifiche").
 */
export interface IcsFollowUp {
  caseId: number;
  actionId: number;
  /** yyyy-mm-dd */
  date: string;
}

export function buildFollowUpIcs(followUps: IcsFollowUp[], o: { origin: string; now: Date }): string {
  const stamp = o.now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const host = new URL(o.origin).host;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Regione Marche PRIMM//primm-ews//IT',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText('primm-ews – verifiche dei casi')}`,
    // how often a calendar should look again (Apple, Google honour one or the other)
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  for (const f of followUps) {
    const url = `${o.origin}/casi/${f.caseId}`;
    lines.push(
      'BEGIN:VEVENT',
      `UID:follow-up-${f.actionId}@${host}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${f.date.replaceAll('-', '')}`,
      `DTEND;VALUE=DATE:${addDays(f.date, 1).replaceAll('-', '')}`,
      `SUMMARY:${escapeText(`Verifica del caso n. ${f.caseId}`)}`,
      `DESCRIPTION:${escapeText(`Apri il caso in primm-ews: ${url}`)}`,
      `URL:${url}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** RFC 5545 3.3.11: backslash, semicolon, comma and line breaks are escaped in TEXT values. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 3.1: lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = parts.length === 0 ? 75 : 74; // a continuation starts with one space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
