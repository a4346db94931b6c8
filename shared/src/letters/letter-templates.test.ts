import { expect, test } from 'vitest';
import { letterTemplateInput } from '../contracts/letters';
import { fillTemplate, textDirection, unknownPlaceholders, type LetterKind } from './letter-templates';

test.each([
  ['Gentile famiglia di {{studentName}}', { studentName: 'Rossi Mario' }, 'Gentile famiglia di Rossi Mario'],
  [
    '{{ studentName }}, classe {{className}}',
    { studentName: 'Rossi Mario', className: '2A' },
    'Rossi Mario, classe 2A',
  ],
  // a field of the print form still empty prints as a line to fill in by hand
  ['Prot. n. {{protocol}}', { protocol: '  ' }, 'Prot. n. ________'],
  ['Prot. n. {{protocol}}', { protocol: '' }, 'Prot. n. ________'],
  // a name the values do not hold is left as written (the admin's preview shows it)
  ['{{meetingDate}}', {}, '{{meetingDate}}'],
  [
    'في {{meetingDate}} الساعة {{meetingTime}}',
    { meetingDate: '12/01/2027', meetingTime: '10:30' },
    'في 12/01/2027 الساعة 10:30',
  ],
])('fillTemplate: %j with %j → %j', (text, values, expected) => {
  expect(fillTemplate(text, values)).toBe(expected);
});

test('fillTemplate: when the letter is right to left, then each value is a bidi isolate and the text around it is untouched', () => {
  expect(
    fillTemplate(
      '({{legalBasis}}) {{studentName}}.',
      { legalBasis: 'art. 114 (D.Lgs)', studentName: 'Rossi' },
      { isolate: true },
    ),
  ).toBe('(\u2068art. 114 (D.Lgs)\u2069) \u2068Rossi\u2069.');
});

test.each<[LetterKind, string, string[]]>([
  ['family_notice', 'Dal {{windowFrom}} al {{triggeredOn}}: {{daysCount}} giorni', []],
  ['family_notice', '{{meetingDate}}', ['meetingDate']], // a meeting's field in the notice
  ['meeting_invitation', '{{meetingDate}} {{meetingTime}} {{meetingPlace}}', []],
  ['reorientation_info', '{{destination}} {{nome}} {{nome}} {{ Cognome }}', ['nome', 'Cognome']],
  ['reorientation_info', '{{}}', ['']],
  ['meeting_invitation', 'nessun segnaposto {singolo}', []],
])('unknownPlaceholders: %s in %j → %j', (kind, text, expected) => {
  expect(unknownPlaceholders(kind, text)).toEqual(expected);
});

test.each([
  ['ar', 'rtl'],
  ['ur', 'rtl'],
  ['fa', 'rtl'],
  ['ps', 'rtl'],
  ['ku', 'ltr'], // Kurmanji, Latin script
  ['zh', 'ltr'],
  ['bn', 'ltr'],
  ['it', 'ltr'],
])('textDirection: %s → %s', (language, dir) => {
  expect(textDirection(language)).toBe(dir);
});

test('letterTemplateInput: when the text names a placeholder the letter does not know, then the Italian error lists it and the allowed ones', () => {
  const result = letterTemplateInput('meeting_invitation').safeParse({
    body: 'Vi invitiamo il {{meetingDate}} alle {{ora}} per {{studentName}}.',
  });

  expect(result.success).toBe(false);
  expect(result.error!.issues[0]!.message).toMatch(
    /^Segnaposto sconosciuto: \{\{ora\}\}\. Per questa lettera sono ammessi: .*\{\{meetingTime\}\}/,
  );
});
