import type {
  AggregateHistory,
  AggregateQuery,
  AggregateResult,
  AggregateRow,
  AggregateTrend,
  Cell,
  FairnessGroup,
  FairnessReport,
  PreviousFairnessReport,
  Measure,
  PreviousAggregateTable,
} from '@primm/shared/contracts/aggregates';

/**
 * Aggregates as the server publishes them for the demo region (2025/26, threshold 10): typed
 * answers, with `<10` (too small) and `n.d.` (hidden to protect another cell) where the server's
 * suppression would put them. Not a fake backend: the handler picks the answer by grouping and
 * keeps the rows of the asked province or school; the other filters are not applied.
 */

const CORE = [
  'students',
  'tier1',
  'tier2',
  'tier3',
  'attended95',
  'attended90to95',
  'attended80to90',
  'attendedBelow80',
  'overLimit',
  'failing2plus',
  'ageGradeDelay',
  'flagged',
  'openCases',
  'closedCases',
] as const satisfies readonly Measure[];

const INTERVENTIONS = [
  'action_family_meeting',
  'action_cultural_mediation',
  'action_tutoring',
  'action_italian_l2',
  'action_other',
  'reorient_school',
  'reorient_iefp',
  'reorient_work',
  'reorient_cpia',
  'pua_referral',
  'reoriented_arrived',
  'reoriented_not_arrived',
  'outcome_back_on_track',
  'outcome_reoriented',
  'outcome_left_education',
  'outcome_moved_away',
  'outcome_other',
  'withdrawn',
  'transferred',
  'droppedOut',
] as const satisfies readonly Measure[];

const cells = (measures: readonly Measure[], values: Cell[]): Partial<Record<Measure, Cell>> =>
  Object.fromEntries(measures.map((m, i) => [m, values[i]!]));

const row = (
  group: Record<string, string>,
  labels: Record<string, string>,
  values: Partial<Record<Measure, Cell>>,
): AggregateRow => ({ group, labels, values });

const provinceNames: Record<string, string> = {
  AN: 'Ancona',
  AP: 'Ascoli Piceno',
  FM: 'Fermo',
  MC: 'Macerata',
  PU: 'Pesaro e Urbino',
};

//                       students tier1 tier2 tier3  ≥95  90–95 80–90  <80 overLim fail2+ delay flagged open closed
const provinceCore: Record<string, Cell[]> = {
  AN: [1234, 1012, 160, 62, 700, 300, 150, 84, 98, 150, 140, 75, 41, 27], // tier ≥ 2: 222 / 1234 = 18,0 %
  AP: [640, 560, 'n.d.', '<10', 380, 150, 'n.d.', '<10', 45, 62, 70, 30, '<10', 'n.d.'],
  FM: [410, 350, 'n.d.', 'n.d.', 240, 100, 'n.d.', 'n.d.', 31, 40, 38, 22, 'n.d.', '<10'],
  MC: [980, 800, 130, 50, 560, 240, 120, 60, 76, 120, 110, 60, 30, 22], // 180 / 980 = 18,4 %
  PU: [1100, 900, 150, 50, 640, 270, 130, 60, 60, 78, 122, 58, 25, 19], // 200 / 1100 = 18,2 %
};
const totalCore: Cell[] = [4364, 3622, 557, 185, 2520, 1060, 555, 229, 310, 450, 480, 245, 115, 89]; // 742 / 4364 = 17,0 %

//                 family mediation tutoring L2 other | school iefp work cpia pua | arrived not | back reor left moved other | withdr transf dropped
const provinceInterventions: Record<string, Cell[]> = {
  AN: [48, 22, 35, 18, '<10', 11, 14, '<10', '<10', 0, 19, '<10', 15, 12, 0, 0, 0, 12, 30, '<10'],
  AP: [20, '<10', 15, '<10', 0, '<10', 'n.d.', 0, 0, 0, '<10', 'n.d.', '<10', 'n.d.', 0, 0, 0, '<10', 12, 0],
  FM: [14, 'n.d.', 11, 'n.d.', 0, 'n.d.', '<10', 0, 0, 0, 'n.d.', '<10', 'n.d.', '<10', 0, 0, 0, 'n.d.', 10, 0],
  MC: [36, 15, 28, 12, '<10', 10, 12, '<10', 0, 0, 16, '<10', 13, 10, 0, 0, 0, 10, 24, '<10'],
  PU: [30, 12, 25, 10, 'n.d.', '<10', 11, 'n.d.', 0, 0, 12, 'n.d.', 12, '<10', 0, 0, 0, 11, 20, 'n.d.'],
};
const totalInterventions: Cell[] = [148, 52, 114, 44, 12, 34, 47, 13, '<10', 0, 61, 24, 48, 36, 0, 0, 0, 44, 96, 14];

const provinceValues = (code: string) => ({
  ...cells(CORE, provinceCore[code]!),
  ...cells(INTERVENTIONS, provinceInterventions[code]!),
});
const totalValues = { ...cells(CORE, totalCore), ...cells(INTERVENTIONS, totalInterventions) };

export const provinceRows: AggregateRow[] = Object.keys(provinceCore).map((code) =>
  row({ province: code }, { province: provinceNames[code]! }, provinceValues(code)),
);

const schools: [code: string, name: string, province: string, core: Cell[]][] = [
  ['ANIS00800L', 'IIS Vanvitelli Stracca Angelini', 'AN', [620, 505, 85, 30, 360, 150, 75, 35, 50, 80, 70, 40, 22, 15]],
  [
    'ANMM84001C',
    'Scuola secondaria di I grado Pascoli',
    'AN',
    [405, 340, 'n.d.', '<10', 230, 100, 50, 25, 30, 45, 40, 20, 11, '<10'],
  ],
  [
    'ANPC010001',
    'Liceo classico Rinaldini',
    'AN',
    [209, 167, 'n.d.', 'n.d.', 110, 50, 25, 24, 18, 25, 30, 15, '<10', 'n.d.'],
  ],
  ['APIS00100X', 'IIS Fermi Sacconi Ceci', 'AP', provinceCore.AP!],
  ['FMIS00200B', 'IIS Montani', 'FM', provinceCore.FM!],
  ['MCPS02000B', 'Liceo scientifico Galilei', 'MC', provinceCore.MC!],
  ['PSIS00300C', 'IIS Mattei', 'PU', provinceCore.PU!],
];
export const schoolRows: AggregateRow[] = schools.map(([code, name, , core]) =>
  row({ school: code }, { school: name }, cells(CORE, core)),
);
const provinceOfSchool = new Map(schools.map(([code, , province]) => [code, province]));

const groupCore: Record<string, Cell[]> = {
  italiano: [3400, 2900, 380, 120, 2000, 820, 426, 154, 210, 300, 250, 170, 80, 60],
  straniero_nato_in_italia: [520, 410, 80, 30, 300, 120, 70, 30, 40, 60, 70, 35, 15, 12],
  straniero_nato_all_estero: [382, 270, 'n.d.', 'n.d.', 190, 106, 'n.d.', 'n.d.', 45, 70, 120, 28, 12, 10],
  neo_arrivato: [62, 42, 'n.d.', '<10', 30, 14, 'n.d.', '<10', 15, 20, 40, 12, '<10', '<10'],
};
export const groupRows: AggregateRow[] = Object.entries(groupCore).map(([code, core]) =>
  row({ citizenshipGroup: code }, { citizenshipGroup: code }, cells(CORE, core)),
);

const TIER_COLS = ['students', 'tier1', 'tier2', 'tier3'] as const satisfies readonly Measure[];
const cross: Record<string, Record<string, Cell[]>> = {
  AN: {
    italiano: [950, 800, 110, 40],
    straniero_nato_in_italia: [160, 125, 25, 10],
    straniero_nato_all_estero: [100, 70, 20, 10],
    neo_arrivato: [24, 17, '<10', '<10'],
  },
  AP: {
    italiano: [500, 445, 'n.d.', '<10'],
    straniero_nato_in_italia: [70, 60, '<10', '<10'],
    straniero_nato_all_estero: [62, 50, 'n.d.', 'n.d.'],
    neo_arrivato: ['<10', '<10', '<10', '<10'],
  },
  FM: {
    italiano: [330, 290, 'n.d.', 'n.d.'],
    straniero_nato_in_italia: [45, 38, '<10', '<10'],
    straniero_nato_all_estero: [30, 20, 'n.d.', '<10'],
    neo_arrivato: ['<10', '<10', '<10', '<10'],
  },
  MC: {
    italiano: [780, 650, 95, 35],
    straniero_nato_in_italia: [110, 85, 15, 10],
    straniero_nato_all_estero: [75, 55, 'n.d.', 'n.d.'],
    neo_arrivato: [15, 10, '<10', '<10'],
  },
  PU: {
    italiano: [840, 710, 100, 30],
    straniero_nato_in_italia: [135, 102, 23, 10],
    straniero_nato_all_estero: [110, 77, 'n.d.', 'n.d.'],
    neo_arrivato: [15, 11, '<10', '<10'],
  },
};
const crossRows: AggregateRow[] = Object.entries(cross).flatMap(([province, groups]) =>
  Object.entries(groups).map(([group, values]) =>
    row(
      { province, citizenshipGroup: group },
      { province: provinceNames[province]!, citizenshipGroup: group },
      cells(TIER_COLS, values),
    ),
  ),
);

/** Only the asked measures (and `students`, always counted), as the server answers. */
function only(values: Partial<Record<Measure, Cell>>, measures: Measure[]): Record<string, Cell> {
  return Object.fromEntries(measures.map((m) => [m, values[m] ?? 0]));
}

export function anAggregateResult(query: AggregateQuery): AggregateResult {
  const measures: Measure[] = query.measures?.length
    ? [...new Set<Measure>(['students', ...query.measures])]
    : [...CORE, ...INTERVENTIONS];
  const key = query.groupBy.join(',');
  const scoped = (rows: AggregateRow[]) =>
    rows.filter(
      (r) =>
        (!query.province || (r.group.province ?? provinceOfSchool.get(r.group.school ?? '')) === query.province) &&
        (!query.school || r.group.school === query.school),
    );
  const total = query.school
    ? (schoolRows.find((r) => r.group.school === query.school)?.values ?? {})
    : query.province
      ? (provinceRows.find((r) => r.group.province === query.province)?.values ?? {})
      : totalValues;
  const rows =
    {
      province: scoped(provinceRows),
      school: scoped(schoolRows),
      citizenshipGroup: groupRows,
      'province,citizenshipGroup': crossRows,
    }[key] ?? [];
  const trim = (r: AggregateRow) => ({ ...r, values: only(r.values, measures) });
  return {
    year: query.year ?? '2025/26',
    groupBy: query.groupBy,
    measures,
    threshold: 10,
    noise: 2,
    rows: rows.map(trim),
    margins:
      key === 'province,citizenshipGroup'
        ? { province: provinceRows.map(trim), citizenshipGroup: groupRows.map(trim) }
        : {},
    total: only(total, measures),
  };
}

/**
 * The previous year at the same date (`compare=previous`): the same table a year before, frozen at
 * the end of the first quadrimestre, with counts of 10 or more a tenth lower (a rounder region).
 */
export function aPreviousYear(query: AggregateQuery): PreviousAggregateTable {
  const { previous: _, ...result } = anAggregateResult({ ...query, year: '2024/25' });
  const lower = (values: Record<string, Cell>) =>
    Object.fromEntries(
      Object.entries(values).map(([m, v]) => [m, typeof v === 'number' && v >= 10 ? Math.round(v * 0.9) : v]),
    );
  const row = (r: AggregateRow) => ({ ...r, values: lower(r.values) });
  return {
    ...result,
    rows: result.rows.map(row),
    margins: Object.fromEntries(Object.entries(result.margins).map(([d, rows]) => [d, rows.map(row)])),
    total: lower(result.total),
    snapshot: { year: '2024/25', periodEnd: '2025-01-31', frozenOn: '2025-02-01', dataThrough: '2025-01-30' },
  };
}

const fairnessGroup = (overrides: Partial<FairnessGroup> & Pick<FairnessGroup, 'group'>): FairnessGroup => ({
  dimension: 'citizenshipGroup',
  students: 100,
  suppressed: false,
  shareFlagged: 0.05,
  shareTier2plus: 0.15,
  falsePositiveRate: 0.1,
  falseNegativeRate: 0.2,
  ...overrides,
});

export const aFairnessReport = (overrides: Partial<FairnessReport> = {}): FairnessReport => ({
  year: '2025/26',
  threshold: 10,
  noise: 2,
  outcomesAvailable: true,
  groups: [
    fairnessGroup({
      group: 'italiano',
      students: 3400,
      shareFlagged: 0.05,
      shareTier2plus: 0.147,
      falsePositiveRate: 0.09,
      falseNegativeRate: 0.22,
    }),
    fairnessGroup({
      group: 'straniero_nato_in_italia',
      students: 520,
      shareFlagged: 0.067,
      shareTier2plus: 0.212,
      falsePositiveRate: 0.14,
      falseNegativeRate: 0.2,
    }),
    fairnessGroup({
      group: 'straniero_nato_all_estero',
      students: 382,
      shareFlagged: 0.073,
      shareTier2plus: 0.293,
      falsePositiveRate: 0.21,
      falseNegativeRate: 0.18,
    }),
    // few final outcomes that went badly: no false negative rate (fewer than 10 to divide by)
    fairnessGroup({
      group: 'neo_arrivato',
      students: 62,
      shareFlagged: 0.19,
      shareTier2plus: 0.32,
      falsePositiveRate: 0.3,
      falseNegativeRate: null,
    }),
    fairnessGroup({
      dimension: 'sex',
      group: 'F',
      students: 2100,
      shareFlagged: 0.05,
      shareTier2plus: 0.15,
      falsePositiveRate: 0.1,
      falseNegativeRate: 0.25,
    }),
    fairnessGroup({
      dimension: 'sex',
      group: 'M',
      students: 2264,
      shareFlagged: 0.062,
      shareTier2plus: 0.19,
      falsePositiveRate: 0.12,
      falseNegativeRate: 0.2,
    }),
  ],
  ...overrides,
});

/**
 * The monthly trend of absences for the region, September → January; December's absences over
 * 25 % are few enough to be `<10`, and its over-10 count `n.d.` (it would give back a small band).
 */
export const aTrend = (overrides: Partial<AggregateTrend> = {}): AggregateTrend => ({
  year: '2025/26',
  threshold: 10,
  noise: 2,
  months: (
    [
      ['2025-09', 4310, 120, 15],
      ['2025-10', 4352, 410, 96],
      ['2025-11', 4360, 520, 130],
      ['2025-12', 4358, 'n.d.', '<10'],
      ['2026-01', 4364, 610, 172],
    ] as [string, Cell, Cell, Cell][]
  ).map(([month, students, absentOver10, absentOver25]) => ({
    month,
    values: { students, absentOver10, absentOver25 },
  })),
  ...overrides,
});

/** The previous year's fairness report at the same date: shares a little lower, the newly arrived under the threshold. */
export function aPreviousFairnessReport(): PreviousFairnessReport {
  const { previous: _, ...report } = aFairnessReport({ year: '2024/25' });
  return {
    ...report,
    groups: report.groups.map((g) =>
      g.group === 'neo_arrivato'
        ? {
            ...g,
            students: '<10',
            suppressed: true,
            shareFlagged: null,
            shareTier2plus: null,
            falsePositiveRate: null,
            falseNegativeRate: null,
          }
        : { ...g, shareFlagged: g.shareFlagged && g.shareFlagged * 0.8 },
    ),
    snapshot: { year: '2024/25', periodEnd: '2025-01-31', frozenOn: '2025-02-01', dataThrough: '2025-01-30' },
  };
}

/** The region's years from their latest snapshots: 2023/24 and 2024/25 whole, 2025/26 at its first period end. */
export function anAggregateHistory(): AggregateHistory {
  const year = (label: string, periodEnd: string, students: number, tiers: [number, number, number]) => {
    const { previous: _, ...result } = anAggregateResult({ groupBy: [], year: label });
    return {
      ...result,
      total: { ...result.total, students, tier1: tiers[0], tier2: tiers[1], tier3: tiers[2] },
      snapshot: { year: label, periodEnd, frozenOn: periodEnd, dataThrough: periodEnd },
    };
  };
  return {
    years: [
      year('2023/24', '2024-06-08', 41_200, [33_000, 5_000, 2_000]),
      year('2024/25', '2025-06-07', 42_010, [33_400, 5_200, 2_400]),
      year('2025/26', '2026-01-31', 42_500, [34_000, 4_000, 2_000]),
    ],
  };
}
