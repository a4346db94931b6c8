/**
 * Subjects per curriculum, from the national frameworks: DM 254/2012 and DPR 89/2009 for the
 * lower secondary, DPR 89/2010 (licei), DPR 88/2010 (istituti tecnici), D.Lgs 61/2017
 * (istituti professionali). Written as `NAME:weekly hours:kinds` with kinds S = Scritto,
 * O = Orale, P = Pratico; religion and conduct are added separately. Names carry no comma
 * (official names like "MECCANICA, MACCHINE ED ENERGIA" lose it) because `Materie insufficienti`
 * in esiti.csv is a comma-separated list.
 */

export type GradeKind = 'Scritto' | 'Orale' | 'Pratico';
export type Track = 'liceo' | 'tecnico' | 'professionale' | '';

export interface Subject {
  name: string;
  hours: number;
  kinds: GradeKind[];
  /** average shift of the grades: mathematics and Latin are graded harder than physical education */
  effect: number;
}

export interface Curriculum {
  id: string;
  track: Track;
  /** years of the course: 3 lower secondary, 5 upper */
  years: number;
  femaleShare: number;
  /** multiplies the school's share of foreign students */
  foreignFactor: number;
  /** weekly hours by year of course (index 0 = year 1) */
  hours: readonly number[];
  early: readonly Subject[];
  late: readonly Subject[];
}

const KIND: Record<string, GradeKind> = { S: 'Scritto', O: 'Orale', P: 'Pratico' };

const EFFECTS: Record<string, number> = {
  MATEMATICA: -0.4,
  LATINO: -0.35,
  GRECO: -0.4,
  FISICA: -0.25,
  'SCIENZE MOTORIE E SPORTIVE': 0.9,
  'EDUCAZIONE CIVICA': 0.5,
  'ECONOMIA AZIENDALE': -0.2,
  INGLESE: -0.1,
};

function parse(list: string): Subject[] {
  return list.split('|').map((entry) => {
    const [name = '', hours = '1', kinds = 'O'] = entry.split(':');
    const isLab = /LABORATORI|DISCIPLINE|METODOLOGIE/.test(name);
    return {
      name,
      hours: Number(hours),
      kinds: kinds.split('').map((k) => KIND[k] ?? 'Orale'),
      effect: EFFECTS[name] ?? (isLab ? 0.4 : 0),
    };
  });
}

const MOTORIE = 'SCIENZE MOTORIE E SPORTIVE:2:P';
const CIVICA = 'EDUCAZIONE CIVICA:1:O';

function curriculum(
  id: string,
  track: Track,
  hours: number[],
  femaleShare: number,
  foreignFactor: number,
  early: string,
  late: string,
): Curriculum {
  return {
    id,
    track,
    years: hours.length,
    hours,
    femaleShare,
    foreignFactor,
    early: parse(`${early}|${CIVICA}`),
    late: parse(`${late}|${CIVICA}`),
  };
}

export const CURRICULA: Record<string, Curriculum> = {
  media: curriculum(
    'media',
    '',
    [30, 30, 30],
    0.49,
    1,
    `ITALIANO:6:SO|STORIA:2:O|GEOGRAFIA:2:O|MATEMATICA:4:SO|SCIENZE:2:O|INGLESE:3:SO|FRANCESE:2:SO|TECNOLOGIA:2:OP|ARTE E IMMAGINE:2:P|MUSICA:2:PO|${MOTORIE}`,
    `ITALIANO:6:SO|STORIA:2:O|GEOGRAFIA:2:O|MATEMATICA:4:SO|SCIENZE:2:O|INGLESE:3:SO|FRANCESE:2:SO|TECNOLOGIA:2:OP|ARTE E IMMAGINE:2:P|MUSICA:2:PO|${MOTORIE}`,
  ),
  'liceo-scientifico': curriculum(
    'liceo-scientifico',
    'liceo',
    [27, 27, 30, 30, 30],
    0.45,
    0.5,
    `ITALIANO:4:SO|LATINO:3:SO|INGLESE:3:SO|STORIA E GEOGRAFIA:3:O|MATEMATICA:5:SO|FISICA:2:SO|SCIENZE NATURALI:2:O|DISEGNO E STORIA DELL'ARTE:2:PO|${MOTORIE}`,
    `ITALIANO:4:SO|LATINO:3:SO|INGLESE:3:SO|STORIA:2:O|FILOSOFIA:3:O|MATEMATICA:4:SO|FISICA:3:SO|SCIENZE NATURALI:3:O|DISEGNO E STORIA DELL'ARTE:2:PO|${MOTORIE}`,
  ),
  'liceo-classico': curriculum(
    'liceo-classico',
    'liceo',
    [27, 27, 31, 31, 31],
    0.68,
    0.4,
    `ITALIANO:4:SO|LATINO:5:SO|GRECO:4:SO|INGLESE:3:SO|STORIA E GEOGRAFIA:3:O|MATEMATICA:3:SO|SCIENZE NATURALI:2:O|${MOTORIE}`,
    `ITALIANO:4:SO|LATINO:4:SO|GRECO:3:SO|INGLESE:3:SO|STORIA:3:O|FILOSOFIA:3:O|MATEMATICA:2:SO|FISICA:2:O|SCIENZE NATURALI:2:O|STORIA DELL'ARTE:2:O|${MOTORIE}`,
  ),
  'liceo-linguistico': curriculum(
    'liceo-linguistico',
    'liceo',
    [27, 27, 30, 30, 30],
    0.75,
    0.8,
    `ITALIANO:4:SO|LATINO:2:SO|INGLESE:4:SO|FRANCESE:3:SO|SPAGNOLO:3:SO|STORIA E GEOGRAFIA:3:O|MATEMATICA:3:SO|SCIENZE NATURALI:2:O|${MOTORIE}`,
    `ITALIANO:4:SO|INGLESE:3:SO|FRANCESE:4:SO|SPAGNOLO:4:SO|STORIA:2:O|FILOSOFIA:2:O|MATEMATICA:2:SO|FISICA:2:O|SCIENZE NATURALI:2:O|STORIA DELL'ARTE:2:O|${MOTORIE}`,
  ),
  'liceo-scienze-umane': curriculum(
    'liceo-scienze-umane',
    'liceo',
    [27, 27, 30, 30, 30],
    0.85,
    0.9,
    `ITALIANO:4:SO|LATINO:3:SO|STORIA E GEOGRAFIA:3:O|SCIENZE UMANE:4:SO|DIRITTO ED ECONOMIA:2:O|INGLESE:3:SO|MATEMATICA:3:SO|SCIENZE NATURALI:2:O|${MOTORIE}`,
    `ITALIANO:4:SO|LATINO:2:SO|STORIA:2:O|FILOSOFIA:3:O|SCIENZE UMANE:5:SO|INGLESE:3:SO|MATEMATICA:2:SO|FISICA:2:O|SCIENZE NATURALI:2:O|STORIA DELL'ARTE:2:O|${MOTORIE}`,
  ),
  'liceo-artistico': curriculum(
    'liceo-artistico',
    'liceo',
    [34, 34, 35, 35, 35],
    0.7,
    0.9,
    `ITALIANO:4:SO|STORIA E GEOGRAFIA:3:O|INGLESE:3:SO|MATEMATICA:3:SO|SCIENZE NATURALI:2:O|STORIA DELL'ARTE:3:O|DISCIPLINE GRAFICHE E PITTORICHE:4:P|DISCIPLINE GEOMETRICHE:3:P|DISCIPLINE PLASTICHE E SCULTOREE:3:P|LABORATORIO ARTISTICO:3:P|${MOTORIE}`,
    `ITALIANO:4:SO|STORIA:2:O|FILOSOFIA:2:O|INGLESE:3:SO|MATEMATICA:2:SO|FISICA:2:O|CHIMICA DEI MATERIALI:2:O|STORIA DELL'ARTE:3:O|DISCIPLINE PITTORICHE:6:P|LABORATORIO DELLA FIGURAZIONE:6:P|${MOTORIE}`,
  ),
  'tecnico-economico': curriculum(
    'tecnico-economico',
    'tecnico',
    [32, 32, 32, 32, 32],
    0.55,
    1.1,
    `ITALIANO:4:SO|STORIA:2:O|INGLESE:3:SO|FRANCESE:3:SO|MATEMATICA:4:SO|DIRITTO ED ECONOMIA:2:O|SCIENZE INTEGRATE (SCIENZE DELLA TERRA E BIOLOGIA):2:O|SCIENZE INTEGRATE (FISICA):2:O|GEOGRAFIA:3:O|INFORMATICA:2:SP|ECONOMIA AZIENDALE:2:SO|${MOTORIE}`,
    `ITALIANO:4:SO|STORIA:2:O|INGLESE:3:SO|FRANCESE:3:SO|MATEMATICA:3:SO|INFORMATICA:2:SP|ECONOMIA AZIENDALE:6:SO|DIRITTO:3:O|ECONOMIA POLITICA:3:O|${MOTORIE}`,
  ),
  'tecnico-meccanica': curriculum(
    'tecnico-meccanica',
    'tecnico',
    [32, 32, 32, 32, 32],
    0.12,
    1.1,
    `ITALIANO:4:SO|STORIA:2:O|INGLESE:3:SO|MATEMATICA:4:SO|DIRITTO ED ECONOMIA:2:O|SCIENZE INTEGRATE (SCIENZE DELLA TERRA E BIOLOGIA):2:O|SCIENZE INTEGRATE (FISICA):3:SOP|SCIENZE INTEGRATE (CHIMICA):3:SOP|TECNOLOGIE E TECNICHE DI RAPPRESENTAZIONE GRAFICA:3:SP|TECNOLOGIE INFORMATICHE:3:SP|${MOTORIE}`,
    `ITALIANO:4:SO|STORIA:2:O|INGLESE:3:SO|MATEMATICA:3:SO|COMPLEMENTI DI MATEMATICA:1:S|MECCANICA MACCHINE ED ENERGIA:4:SO|SISTEMI E AUTOMAZIONE:4:SOP|TECNOLOGIE MECCANICHE DI PROCESSO E PRODOTTO:5:SOP|DISEGNO PROGETTAZIONE E ORGANIZZAZIONE INDUSTRIALE:3:SP|${MOTORIE}`,
  ),
  'tecnico-cat': curriculum(
    'tecnico-cat',
    'tecnico',
    [32, 32, 32, 32, 32],
    0.3,
    1,
    `ITALIANO:4:SO|STORIA:2:O|INGLESE:3:SO|MATEMATICA:4:SO|DIRITTO ED ECONOMIA:2:O|SCIENZE INTEGRATE (SCIENZE DELLA TERRA E BIOLOGIA):2:O|SCIENZE INTEGRATE (FISICA):3:SOP|SCIENZE INTEGRATE (CHIMICA):3:SOP|TECNOLOGIE E TECNICHE DI RAPPRESENTAZIONE GRAFICA:3:SP|TECNOLOGIE INFORMATICHE:3:SP|${MOTORIE}`,
    `ITALIANO:4:SO|STORIA:2:O|INGLESE:3:SO|MATEMATICA:3:SO|PROGETTAZIONE COSTRUZIONI E IMPIANTI:7:SOP|GEOPEDOLOGIA ECONOMIA ED ESTIMO:3:SO|TOPOGRAFIA:4:SOP|GESTIONE DEL CANTIERE E SICUREZZA DELL'AMBIENTE DI LAVORO:2:O|${MOTORIE}`,
  ),
  'tecnico-agraria': curriculum(
    'tecnico-agraria',
    'tecnico',
    [32, 32, 32, 32, 32],
    0.3,
    0.9,
    `ITALIANO:4:SO|STORIA:2:O|INGLESE:3:SO|MATEMATICA:4:SO|DIRITTO ED ECONOMIA:2:O|SCIENZE INTEGRATE (SCIENZE DELLA TERRA E BIOLOGIA):2:O|SCIENZE INTEGRATE (FISICA):3:SOP|SCIENZE INTEGRATE (CHIMICA):3:SOP|TECNOLOGIE E TECNICHE DI RAPPRESENTAZIONE GRAFICA:3:SP|TECNOLOGIE INFORMATICHE:3:SP|${MOTORIE}`,
    `ITALIANO:4:SO|STORIA:2:O|INGLESE:3:SO|MATEMATICA:3:SO|PRODUZIONI VEGETALI:5:SOP|PRODUZIONI ANIMALI:3:O|TRASFORMAZIONE DEI PRODOTTI:2:SO|ECONOMIA ESTIMO MARKETING E LEGISLAZIONE:3:SO|GENIO RURALE:3:SO|${MOTORIE}`,
  ),
  'professionale-manutenzione': curriculum(
    'professionale-manutenzione',
    'professionale',
    [32, 32, 32, 32, 32],
    0.06,
    1.9,
    `ITALIANO:4:SO|STORIA:1:O|INGLESE:3:SO|MATEMATICA:4:SO|DIRITTO ED ECONOMIA:2:O|SCIENZE INTEGRATE:2:O|TECNOLOGIE DELL'INFORMAZIONE E DELLA COMUNICAZIONE:2:SP|TECNOLOGIE E TECNICHE DI RAPPRESENTAZIONE GRAFICA:3:SP|LABORATORI TECNOLOGICI ED ESERCITAZIONI:6:P|${MOTORIE}`,
    `ITALIANO:4:SO|STORIA:2:O|INGLESE:3:SO|MATEMATICA:3:SO|LABORATORI TECNOLOGICI ED ESERCITAZIONI:4:P|TECNOLOGIE MECCANICHE E APPLICAZIONI:5:SO|TECNOLOGIE ELETTRICO-ELETTRONICHE E APPLICAZIONI:5:SOP|TECNOLOGIE E TECNICHE DI INSTALLAZIONE E DI MANUTENZIONE:4:SOP|${MOTORIE}`,
  ),
  'professionale-enogastronomia': curriculum(
    'professionale-enogastronomia',
    'professionale',
    [32, 32, 32, 32, 32],
    0.45,
    1.6,
    `ITALIANO:4:SO|STORIA:1:O|INGLESE:3:SO|FRANCESE:2:SO|MATEMATICA:4:SO|DIRITTO ED ECONOMIA:2:O|SCIENZA DEGLI ALIMENTI:2:SO|LABORATORIO DI SERVIZI ENOGASTRONOMICI - SETTORE CUCINA:4:P|LABORATORIO DI SERVIZI ENOGASTRONOMICI - SETTORE SALA E VENDITA:4:P|LABORATORIO DI SERVIZI DI ACCOGLIENZA TURISTICA:2:P|${MOTORIE}`,
    `ITALIANO:4:SO|STORIA:2:O|INGLESE:3:SO|FRANCESE:3:SO|MATEMATICA:3:SO|SCIENZA E CULTURA DELL'ALIMENTAZIONE:4:SO|DIRITTO E TECNICHE AMMINISTRATIVE DELLA STRUTTURA RICETTIVA:4:SO|LABORATORIO DI SERVIZI ENOGASTRONOMICI - SETTORE CUCINA:6:P|${MOTORIE}`,
  ),
  'professionale-commerciali': curriculum(
    'professionale-commerciali',
    'professionale',
    [32, 32, 32, 32, 32],
    0.6,
    1.6,
    `ITALIANO:4:SO|STORIA:1:O|INGLESE:3:SO|FRANCESE:3:SO|MATEMATICA:4:SO|DIRITTO ED ECONOMIA:2:O|SCIENZE INTEGRATE:2:O|INFORMATICA E LABORATORIO:2:SP|TECNICHE PROFESSIONALI DEI SERVIZI COMMERCIALI:5:SOP|${MOTORIE}`,
    `ITALIANO:4:SO|STORIA:2:O|INGLESE:3:SO|FRANCESE:3:SO|MATEMATICA:3:SO|TECNICHE PROFESSIONALI DEI SERVIZI COMMERCIALI:8:SOP|DIRITTO ED ECONOMIA:4:O|TECNICHE DI COMUNICAZIONE:2:O|${MOTORIE}`,
  ),
  'professionale-sociosanitario': curriculum(
    'professionale-sociosanitario',
    'professionale',
    [32, 32, 32, 32, 32],
    0.85,
    1.7,
    `ITALIANO:4:SO|STORIA:1:O|INGLESE:3:SO|FRANCESE:2:SO|MATEMATICA:4:SO|DIRITTO ED ECONOMIA:2:O|SCIENZE INTEGRATE:2:O|SCIENZE UMANE E SOCIALI:4:SO|METODOLOGIE OPERATIVE:4:P|${MOTORIE}`,
    `ITALIANO:4:SO|STORIA:2:O|INGLESE:3:SO|FRANCESE:3:SO|MATEMATICA:3:SO|PSICOLOGIA GENERALE ED APPLICATA:4:SO|IGIENE E CULTURA MEDICO-SANITARIA:4:SO|DIRITTO E LEGISLAZIONE SOCIO-SANITARIA:3:O|METODOLOGIE OPERATIVE:3:P|${MOTORIE}`,
  ),
  'professionale-agricoltura': curriculum(
    'professionale-agricoltura',
    'professionale',
    [32, 32, 32, 32, 32],
    0.25,
    1.3,
    `ITALIANO:4:SO|STORIA:1:O|INGLESE:3:SO|MATEMATICA:4:SO|DIRITTO ED ECONOMIA:2:O|SCIENZE INTEGRATE:2:O|ECOLOGIA E PEDOLOGIA:3:O|LABORATORI TECNOLOGICI ED ESERCITAZIONI:5:P|${MOTORIE}`,
    `ITALIANO:4:SO|STORIA:2:O|INGLESE:3:SO|MATEMATICA:3:SO|AGRONOMIA TERRITORIALE ED ECOSISTEMI FORESTALI:3:SO|ECONOMIA AGRARIA E DELLO SVILUPPO TERRITORIALE:4:SO|SOCIOLOGIA RURALE E STORIA DELL'AGRICOLTURA:3:O|LABORATORI TECNOLOGICI ED ESERCITAZIONI:4:P|${MOTORIE}`,
  ),
};

/** The subjects of a class: the first two years (biennio) differ from the last three. */
export function subjectsFor(c: Curriculum, grade: number): readonly Subject[] {
  return c.years === 5 && grade >= 3 ? c.late : c.early;
}

export function curriculumById(id: string): Curriculum {
  const c = CURRICULA[id];
  if (!c) throw new Error(`curricolo sconosciuto: ${id}`);
  return c;
}
