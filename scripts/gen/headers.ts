/** Column headers of each file, exactly as in docs/data-format.md. */
export const HEADERS = {
  scuola: [
    'Codice meccanografico',
    'Denominazione',
    'Codice istituto',
    'Denominazione istituto',
    'Codice catastale comune',
    'Comune',
    'Provincia',
    'Tipologia',
    'Grado',
    'Indirizzo stradale',
  ],
  calendario: ['Anno scolastico', 'Tipo', 'Dal', 'Al', 'Descrizione'],
  classi: ['Anno scolastico', 'Classe', 'Anno di corso', 'Indirizzo', 'Orario', 'Ore settimanali', 'Monte ore annuo'],
  studenti: [
    'Codice fiscale',
    'Cognome',
    'Nome',
    'Sesso',
    'Data di nascita',
    'Luogo di nascita',
    'Cittadinanza',
    'Nato in Italia',
    'Data arrivo in Italia',
    'Livello italiano L2',
    'Comune di residenza',
    'Classe',
    'Data ingresso',
    'Data uscita',
    'Motivo uscita',
  ],
  assenze: ['Codice fiscale', 'Data', 'Tipo', 'Ore', 'Giustificata', 'Deroga'],
  voti: ['Codice fiscale', 'Data', 'Materia', 'Tipo', 'Voto'],
  esiti: ['Codice fiscale', 'Anno scolastico', 'Anno di corso', 'Periodo', 'Esito', 'Materie insufficienti'],
} as const;

export type FileName = keyof typeof HEADERS;
export const FILE_NAMES = Object.keys(HEADERS) as FileName[];
