/**
 * The Italian templates of every explanation of the risk engine, in i18next's format
 * (`{{name}}`, `{{name, format}}`, plural keys `_one` / `_other` chosen by `count`). The server
 * words them with `renderItalian` (CSV, print); the web loads the same object as
 * web/src/locales/features/explain.it.json (a web test checks the two are equal) and its English
 * twin explain.en.json.
 *
 * Formats: `n0` / `n1` / `n2` numbers with at most 0–2 decimals, `percent` a share (0.23 → 23 %),
 * `date` an ISO date (dd/mm/yyyy), `lower` lower case, `weekday` 0 = Monday … 6 = Sunday.
 *
 * A sentence never contradicts its level: the variant of each key follows the level (or the band
 * that the level's thresholds define), and `explain-levels.test.ts` checks it on random students.
 */
export const EXPLAIN_IT = {
  explain: {
    unit: {
      hour_one: '{{count, n1}} ora',
      hour_other: '{{count, n1}} ore',
      hourLost_one: '{{count, n1}} ora persa',
      hourLost_other: '{{count, n1}} ore perse',
      week_one: '{{count, n1}} settimana',
      week_other: '{{count, n1}} settimane',
      day_one: '{{count, n1}} giorno',
      day_other: '{{count, n1}} giorni',
      grade_one: '{{count, n1}} voto',
      grade_other: '{{count, n1}} voti',
      year_one: '{{count, n1}} anno',
      year_other: '{{count, n1}} anni',
      subject_one: '{{count, n1}} materia',
      subject_other: '{{count, n1}} materie',
      subjectGraded_one: '{{count, n1}} materia valutata',
      subjectGraded_other: '{{count, n1}} materie valutate',
      lateEntry_one: '{{count, n1}} entrata posticipata',
      lateEntry_other: '{{count, n1}} entrate posticipate',
      earlyExit_one: '{{count, n1}} uscita anticipata',
      earlyExit_other: '{{count, n1}} uscite anticipate',
      areas_one: '{{count, n1}} area ({{list}})',
      areas_other: '{{count, n1}} aree ({{list}})',
      empty: '',
    },
    area: {
      frequenza: 'frequenza',
      comportamento: 'comportamento',
      rendimento: 'rendimento',
      percorso: 'percorso',
    },
    level: {
      '3_disengagement': 'Livello 3: disimpegno in corso.',
      '3_disengagement_more': 'Livello 3: disimpegno in corso, e segnali alti in {{high}}.',
      '3_high': 'Livello 3: segnali alti in {{high}}.',
      '2_high': 'Livello 2: segnale alto in {{high}}.',
      '2_high_watch': 'Livello 2: segnale alto in {{high}}, attenzione in {{watch}}.',
      '2_attention': 'Livello 2: segnali di attenzione in {{watch}}.',
      '1_none': 'Livello 1: nessun segnale di rischio.',
      '1_attention': 'Livello 1: nessun segnale alto; attenzione in {{watch}}.',
      '1_history':
        "Livello 1: nessun segnale alto nell'anno in corso; il percorso degli anni precedenti da solo non alza il livello.",
      '1_history_watch':
        "Livello 1: nessun segnale alto nell'anno in corso (il percorso degli anni precedenti da solo non alza il livello); attenzione in {{watch}}.",
      probability:
        'Livello {{level}}: probabilità stimata di esito negativo {{probability, percent}} (livello 2 da {{level2From, percent}}, livello 3 da {{level3From, percent}}).',
      probability_disengagement:
        'Livello 3: disimpegno in corso (probabilità stimata di esito negativo {{probability, percent}}).',
    },
    verbatim: '{{text}}',
    attendance_rate: {
      not_computable: 'Nessuna ora di lezione svolta finora: frequenza non ancora calcolabile.',
      soddisfacente:
        'Presente il {{rate, percent}} delle ore finora (assente {{absent, n1}} su {{held, n1}}): frequenza regolare.',
      a_rischio:
        "Presente il {{rate, percent}} delle ore finora (assente {{absent, n1}} su {{held, n1}}): sotto il {{satisfactory, percent}}, ma sopra la soglia dell'assenza cronica ({{chronic, percent}}).",
      cronica:
        'Presente il {{rate, percent}} delle ore finora (assente {{absent, n1}} su {{held, n1}}): assenza cronica (presenza sotto la soglia: {{threshold, percent}}).',
      cronica_grave:
        'Presente il {{rate, percent}} delle ore finora (assente {{absent, n1}} su {{held, n1}}): assenza cronica grave (presenza sotto la soglia: {{threshold, percent}}).',
    },
    absence_projection: {
      no_annual_hours: 'Monte ore annuo non indicato: proiezione non calcolabile.',
      already_over:
        "Già {{counted}} di assenza, oltre il limite di {{limit, n0}} (un quarto del monte ore di {{annual, n0}}): l'anno non è valido salvo deroghe.{{deroga}}",
      no_lessons: 'Nessuna ora di lezione svolta finora: proiezione non calcolabile.{{deroga}}',
      crossing:
        'Assente il {{rate, percent}} delle ore finora ({{counted, n1}} su {{held, n1}}): a questo ritmo supererà il limite di {{limit, n0}} ore verso il {{crossingDate, date}}.{{recent}}{{deroga}}{{early}}',
      none: 'Assente il {{rate, percent}} delle ore finora ({{counted, n1}} su {{held, n1}}): nessuna assenza conteggiata per il limite di {{limit, n0}} ore.{{recent}}{{deroga}}{{early}}',
      within:
        'Assente il {{rate, percent}} delle ore finora ({{counted, n1}} su {{held, n1}}): a questo ritmo arriverà a circa {{projected, n0}} ore ({{share, percent}} del monte ore), entro il limite di {{limit, n0}}.{{recent}}{{deroga}}{{early}}',
      recent_crossing:
        ' Al ritmo delle ultime {{weeks}} (assente il {{rate, percent}} delle ore) supererebbe il limite verso il {{crossingDate, date}}.',
      recent_within:
        ' Al ritmo delle ultime {{weeks}} (assente il {{rate, percent}} delle ore) arriverebbe a circa {{projected, n0}} ore ({{share, percent}} del monte ore).',
      deroga: ' Altre {{hours}} sono in deroga (il consiglio di classe può non conteggiarle).',
      early: ' Troppo presto per una proiezione affidabile ({{hours}} di lezione finora).',
    },
    attendance_trend: {
      not_computable:
        'Solo {{weeks, n1}} settimane di lezione finora: andamento recente non ancora calcolabile (servono {{minWeeks}} settimane).',
      stable:
        "Nelle ultime {{weeks}} settimane di lezione assente il {{recent, percent}} delle ore, contro il {{year, percent}} dell'anno finora: stabile.",
      up: "Nelle ultime {{weeks}} settimane di lezione assente il {{recent, percent}} delle ore, contro il {{year, percent}} dell'anno finora: in aumento di {{points, n1}} punti.",
      down: "Nelle ultime {{weeks}} settimane di lezione assente il {{recent, percent}} delle ore, contro il {{year, percent}} dell'anno finora: in calo di {{points, n1}} punti.",
    },
    late_entries: {
      not_computable: '{{late}} e {{early}} finora: troppo poche settimane di lezione per valutarle.',
      none: 'Nessuna entrata posticipata né uscita anticipata in {{weeks}} di lezione.',
      some: '{{late}} e {{early}} in {{weeks}} di lezione ({{perWeek, n2}} a settimana, {{hours}}).',
      some_weekday:
        '{{late}} e {{early}} in {{weeks}} di lezione ({{perWeek, n2}} a settimana, {{hours}}), per lo più di {{weekday, weekday}}.',
    },
    conduct: {
      none: 'Nessun voto di comportamento finora.',
      below_six:
        'Voto di comportamento {{grade, n2}} ({{date, date}}): sotto il 6 comporta la non ammissione (L. 150/2024).',
      six: 'Voto di comportamento {{grade, n2}} ({{date, date}}): con 6 il giudizio è sospeso con un elaborato di educazione civica (L. 150/2024).',
      high: 'Voto di comportamento {{grade, n2}} ({{date, date}}): alla soglia del livello alto ({{threshold, n2}}) o sotto.',
      attention: 'Voto di comportamento {{grade, n2}} ({{date, date}}): da seguire.',
      ok: 'Voto di comportamento {{grade, n2}} ({{date, date}}): nella norma.',
    },
    failing_subjects: {
      not_computable: 'Nessun voto registrato finora: insufficienze non ancora calcolabili.',
      none: 'Nessuna materia sotto il {{passMark, n1}} su {{subjects}}.',
      some: '{{failing}} con media sotto il {{passMark, n1}} su {{subjects, n1}}: {{list}}.',
      some_core_one: '{{failing}} con media sotto il {{passMark, n1}} su {{subjects, n1}}: {{list}} (materia di base).',
      some_core_other:
        '{{failing}} con media sotto il {{passMark, n1}} su {{subjects, n1}}: {{list}} (materie di base).',
      item: '{{subject, lower}} {{average, n1}}',
    },
    grade_average: {
      not_computable: 'Nessun voto registrato finora: media non ancora calcolabile.',
      no_class: 'Media generale {{average, n2}} (confronto con la classe non disponibile).',
      below_class:
        'Media generale {{average, n2}} (media della classe {{classMean, n2}}, {{z, n1}} deviazioni standard sotto).',
      above_class:
        'Media generale {{average, n2}} (media della classe {{classMean, n2}}, {{z, n1}} deviazioni standard sopra).',
    },
    grade_trend: {
      one_day: 'Un solo voto per materia: andamento non ancora calcolabile.',
      too_few:
        '{{grades}} in {{days}}: troppo pochi per un andamento (ne servono {{minGrades}} in almeno {{minDays}} giorni).',
      stable: 'Su {{grades}} in {{days}}: voti stabili (rispetto alla media di ogni materia).',
      down: 'Su {{grades}} in {{days}}: voti in calo di {{points, n2}} punti al mese (rispetto alla media di ogni materia).',
      up: 'Su {{grades}} in {{days}}: voti in crescita di {{points, n2}} punti al mese (rispetto alla media di ogni materia).',
    },
    age_grade_delay: {
      not_computable: 'Data di nascita o anno di corso mancanti: ritardo non calcolabile.',
      on_time: "In pari con l'anno di corso previsto per l'età.",
      delay: "{{years}} di ritardo rispetto all'età: {{first}}.",
      delay_two: "{{years}} di ritardo rispetto all'età: {{first}}; {{second}}.",
      repeated_one: '{{count, n1}} dovuto ad anni non superati',
      repeated_other: '{{count, n1}} dovuti ad anni non superati',
      placement_one:
        "{{count, n1}} dovuto all'inserimento in una classe inferiore all'arrivo in Italia ({{arrival, date}}; DPR 394/1999 art. 45), che non è una ripetenza",
      placement_other:
        "{{count, n1}} dovuti all'inserimento in una classe inferiore all'arrivo in Italia ({{arrival, date}}; DPR 394/1999 art. 45), che non è una ripetenza",
      unexplained_one: '{{count, n1}} non spiegato dagli esiti registrati',
      unexplained_other: '{{count, n1}} non spiegati dagli esiti registrati',
    },
    school_history: {
      none: 'Nessun esito di anni precedenti registrato.',
      clean_one: "Nell'anno precedente registrato: nessuna bocciatura né giudizio sospeso.",
      clean_other: 'Nei {{count}} anni precedenti registrati: nessuna bocciatura né giudizio sospeso.',
      some: 'Negli anni precedenti: {{parts}}.',
      notAdmitted_one: '{{count, n1}} anno non ammesso',
      notAdmitted_other: '{{count, n1}} anni non ammessi',
      left_one: '{{count, n1}} anno interrotto (ritiro o abbandono)',
      left_other: '{{count, n1}} anni interrotti (ritiro o abbandono)',
      suspended_one: '{{count, n1}} giudizio sospeso',
      suspended_other: '{{count, n1}} giudizi sospesi',
    },
    disengagement: {
      not_computable: 'Meno di {{weeks}} di lezione finora: disimpegno non ancora valutabile.',
      ok: 'Nelle ultime {{weeks}} di lezione assente il {{share, percent}} delle ore: nessun segno di disimpegno in corso.',
      share:
        'Disimpegno in corso: assente il {{share, percent}} delle ore delle ultime {{weeks}} di lezione ({{absent, n1}} su {{held, n1}}; soglia {{threshold, percent}}).',
      run: 'Disimpegno in corso: assente per intero {{days}} di lezione di fila, dal {{from, date}} (soglia: {{minDays}} giorni).',
    },
  },
} as const;
