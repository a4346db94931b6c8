import { expect, test } from 'vitest';
import { weekOfAbsences } from './append-week';

// Data up to Tuesday 31/03/2026; Easter holidays 02/04–07/04; class 1A has no Saturday lessons.
const FILES = {
  calendario:
    'Anno scolastico;Tipo;Dal;Al;Descrizione\n2025/26;lezioni;15/09/2025;06/06/2026;Lezioni\n2025/26;sospensione;02/04/2026;07/04/2026;Vacanze di Pasqua\n',
  classi:
    'Anno scolastico;Classe;Anno di corso;Indirizzo;Orario;Ore settimanali;Monte ore annuo\n2025/26;1A;1;tecnico;6-6-7-7-6-0;32;1056\n',
  studenti: [
    'Codice fiscale;Cognome;Nome;Sesso;Data di nascita;Luogo di nascita;Cittadinanza;Nato in Italia;Data arrivo in Italia;Livello italiano L2;Comune di residenza;Classe;Data ingresso;Data uscita;Motivo uscita',
    'AAA;A;A;F;01/01/2011;JESI;Italia;S;;;042026;1A;15/09/2025;;',
    'BBB;B;B;M;01/01/2011;JESI;Italia;S;;;042026;1A;15/09/2025;;',
    'CCC;C;C;M;01/01/2011;JESI;Italia;S;;;042026;1A;15/09/2025;10/01/2026;trasferito', // left: no new absences
  ].join('\n'),
  assenze: 'Codice fiscale;Data;Tipo;Ore;Giustificata;Deroga\nAAA;16/10/2025;assenza;6;S;\n',
  voti: 'Codice fiscale;Data;Materia;Tipo;Voto\nAAA;31/03/2026;MATEMATICA;Scritto;6\n',
};

test("weekOfAbsences: when the holidays follow the data, then the next five open days, skipping the closure, Sunday and the class's free Saturday", () => {
  const week = weekOfAbsences(FILES, 1);

  expect(week.days).toEqual(['2026-04-01', '2026-04-08', '2026-04-09', '2026-04-10']); // 11/04 is a Saturday without lessons
  expect(week.students).toBe(2);
  expect(week.lines.slice(0, 4)).toEqual([
    'AAA;01/04/2026;assenza;7;N;', // Wednesday: 7 hours in 6-6-7-7-6-0
    'AAA;08/04/2026;assenza;7;N;',
    'AAA;09/04/2026;assenza;7;N;',
    'AAA;10/04/2026;assenza;6;N;',
  ]);
});

test('weekOfAbsences: when every 2nd student is asked for, then only the 1st, 3rd… of those still enrolled', () => {
  expect(weekOfAbsences(FILES, 2).lines.every((l) => l.startsWith('AAA;'))).toBe(true);
});
