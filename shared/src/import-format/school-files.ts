/**
 * The columns of each file of a school folder (docs/data-format.md), as the importer reads them:
 * the required ones refuse a file without them, the others are read when present. The loaders
 * take their required columns from here, and the templates offered for download are written from
 * the same lists, each with one example row; together the examples make a school folder that
 * imports without a rejected row (server/src/imports/templates.test.ts).
 */
export interface FileColumn {
  name: string;
  required: boolean;
  /** The example row's value, as a register writes it. */
  example: string;
}

const col = (name: string, example: string, required = false): FileColumn => ({ name, required, example });

export const SCHOOL_FILES = {
  'scuola.csv': [
    col('Codice meccanografico', 'ANPS03000E', true),
    col('Denominazione', 'G. GALILEI', true),
    col('Codice istituto', 'ANPS03000E'),
    col('Denominazione istituto', 'G. GALILEI'),
    col('Codice catastale comune', 'A271'),
    col('Comune', 'ANCONA', true),
    col('Provincia', 'AN', true),
    col('Tipologia', 'LICEO SCIENTIFICO', true),
    col('Grado', 'secondo grado', true),
    col('Indirizzo stradale', 'VIA S.ALLENDE GOSSENS'),
  ],
  'calendario.csv': [
    col('Anno scolastico', '2025/26', true),
    col('Tipo', 'lezioni', true),
    col('Dal', '15/09/2025', true),
    col('Al', '06/06/2026', true),
    col('Descrizione', 'Inizio e fine delle lezioni'),
  ],
  'classi.csv': [
    col('Anno scolastico', '2025/26', true),
    col('Classe', '3A', true),
    col('Anno di corso', '3', true),
    col('Indirizzo', 'liceo'),
    col('Orario', '6-6-6-6-6-0', true),
    col('Ore settimanali', '30'),
    col('Monte ore annuo', '990', true),
  ],
  'studenti.csv': [
    col('Codice fiscale', 'RSSGLI09C54A271T', true),
    col('Cognome', 'Rossi', true),
    col('Nome', 'Giulia', true),
    col('Sesso', 'F', true),
    col('Data di nascita', '14/03/2009', true),
    col('Luogo di nascita', 'ANCONA'),
    col('Cittadinanza', 'Italia', true),
    col('Nato in Italia', 'S'),
    col('Data arrivo in Italia', ''),
    col('Livello italiano L2', ''),
    col('Comune di residenza', '042002'),
    col('Classe', '3A', true),
    col('Data ingresso', '15/09/2025', true),
    col('Data uscita', ''),
    col('Motivo uscita', ''),
  ],
  'assenze.csv': [
    col('Codice fiscale', 'RSSGLI09C54A271T', true),
    col('Data', '03/10/2025', true),
    col('Tipo', 'assenza', true),
    col('Ore', '6', true),
    col('Giustificata', 'S'),
    col('Deroga', ''),
    col('Data delibera deroga', ''),
  ],
  'voti.csv': [
    col('Codice fiscale', 'RSSGLI09C54A271T', true),
    col('Data', '14/11/2025', true),
    col('Materia', 'MATEMATICA', true),
    col('Tipo', 'Scritto'),
    col('Voto', '6+', true),
  ],
  'esiti.csv': [
    col('Codice fiscale', 'RSSGLI09C54A271T', true),
    col('Anno scolastico', '2024/25', true),
    col('Anno di corso', '2', true),
    col('Periodo', 'finale', true),
    col('Esito', 'ammesso', true),
    col('Materie insufficienti', ''),
  ],
} as const satisfies Record<string, readonly FileColumn[]>;

export type SchoolFileName = keyof typeof SCHOOL_FILES;

/** The files of a school folder, in the order the importer reads them. */
export const SCHOOL_FILE_NAMES = Object.keys(SCHOOL_FILES) as SchoolFileName[];

/** The columns a file must have (the importer refuses the file without them). */
export function requiredColumns(file: SchoolFileName): string[] {
  return SCHOOL_FILES[file].filter((c) => c.required).map((c) => c.name);
}

/** `;`-separated, a field quoted only when it holds `;`, `"` or a line break (docs/data-format.md). */
function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A template to fill in: the header row and one example row, CRLF as spreadsheets write, with a
 * UTF-8 BOM so that Excel opens accents right (the importer accepts both).
 */
export function templateCsv(file: SchoolFileName): string {
  const columns = SCHOOL_FILES[file];
  return `\uFEFF${columns.map((c) => csvField(c.name)).join(';')}\r\n${columns.map((c) => csvField(c.example)).join(';')}\r\n`;
}
