import type { RiskSettings } from '@primm/shared/risk/settings';

/**
 * The form's view of RiskSettings: every field with its kind, in the order of the page. Shares
 * (0–1 on the wire) are typed as percentages; `subjects` is one subject per line. The
 * `satisfies` clause makes the compiler list a field added to the schema but not to the page.
 */
export type FieldKind = 'share' | 'number' | 'integer' | 'subjects';
/** The threshold groups; the fitted model and the level cut points are not edited on this page (the server keeps them). */
export type Group = Exclude<keyof RiskSettings, 'version' | 'levels' | 'model'>;

export const FIELDS = {
  attendance: { satisfactoryRate: 'share', attentionBelowRate: 'share', highBelowRate: 'share' },
  projection: { maxAbsenceShare: 'share', attentionAboveShare: 'share', minHoursHeld: 'number' },
  trend: {
    recentWeeks: 'integer',
    minWeeks: 'integer',
    attentionDeltaPoints: 'number',
    attentionMinRecentShare: 'share',
    highDeltaPoints: 'number',
    highMinRecentShare: 'share',
  },
  lateEntries: {
    attentionPerWeek: 'number',
    highPerWeek: 'number',
    minWeeks: 'integer',
    weekdayPatternMinEvents: 'integer',
  },
  grades: {
    passMark: 'number',
    coreSubjects: 'subjects',
    highFailingCount: 'integer',
    highCoreFailingCount: 'integer',
    averageAttentionBelow: 'number',
    averageHighBelow: 'number',
    zAttentionBelow: 'number',
    minClassSize: 'integer',
    slopeAttentionBelow: 'number',
    slopeHighBelow: 'number',
    slopeMinGrades: 'integer',
    slopeMinSpanDays: 'integer',
  },
  conduct: { highAtOrBelow: 'number', attentionAtOrBelow: 'number' },
  history: {
    repeatedAttention: 'integer',
    repeatedHigh: 'integer',
    suspendedAttention: 'integer',
    suspendedHigh: 'integer',
  },
  disengagement: { windowWeeks: 'integer', minShare: 'share', minConsecutiveDays: 'integer' },
  tier: { tier3MinHighDomains: 'integer', tier2MinHighDomains: 'integer', tier2MinAttentionDomains: 'integer' },
} as const satisfies { [G in Group]: { [K in keyof RiskSettings[G]]-?: FieldKind } };

export const GROUPS = Object.keys(FIELDS) as Group[];

/** `attendance.satisfactoryRate`: the same path the server's 400 names in `details`. */
export type FieldPath = string;
export type FormValues = Record<FieldPath, string>;

export type Field = { group: Group; key: string; path: FieldPath; kind: FieldKind };

export function fieldsOf(group: Group): Field[] {
  return Object.entries(FIELDS[group]).map(([key, kind]) => ({ group, key, path: `${group}.${key}`, kind }));
}

export const ALL_FIELDS: Field[] = GROUPS.flatMap(fieldsOf);

/** The stored value of a field, read by path. */
export function valueAt(settings: Pick<RiskSettings, Group>, field: Field): number | string[] {
  return (settings[field.group] as Record<string, number | string[]>)[field.key]!;
}

/** `0.95` → `95`, `6.5` → `6,5` in Italian; four decimals at most (0.07 × 100 is 7.000000000000001). */
export function formatNumberField(value: number, language: string): string {
  const text = String(Number(value.toFixed(4)));
  return language.startsWith('it') ? text.replace('.', ',') : text;
}

export function formatFieldValue(field: Field, value: number | string[], language: string): string {
  if (Array.isArray(value)) return value.join('\n');
  return formatNumberField(field.kind === 'share' ? value * 100 : value, language);
}

/** Comma or point as decimal separator, a typographic minus too; anything else is NaN (zod says "not a number"). */
export function parseNumberField(text: string): number {
  const normalised = text.trim().replace(',', '.').replace('−', '-');
  return /^-?(\d+\.?\d*|\.\d+)$/.test(normalised) ? Number(normalised) : Number.NaN;
}

/** One subject a line; blank lines dropped. The engine compares them trimmed and upper-case. */
export function parseSubjects(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function toFormValues(settings: Pick<RiskSettings, Group>, language: string): FormValues {
  return Object.fromEntries(ALL_FIELDS.map((f) => [f.path, formatFieldValue(f, valueAt(settings, f), language)]));
}

/**
 * The PUT body before validation: percentages become shares (95 → 0.95, rounded to 12 digits so
 * 33.3 → 0.333 exactly), unparseable text becomes NaN for zod to refuse.
 */
export function toSettingsInput(values: FormValues): Record<Group, Record<string, number | string[]>> {
  const input = Object.fromEntries(GROUPS.map((g) => [g, {}])) as Record<Group, Record<string, number | string[]>>;
  for (const f of ALL_FIELDS) {
    const text = values[f.path] ?? '';
    if (f.kind === 'subjects') input[f.group][f.key] = parseSubjects(text);
    else {
      // "95 %" is what the page shows beside the field: a typed sign is accepted.
      const n = parseNumberField(f.kind === 'share' ? text.replace(/\s*%\s*$/, '') : text);
      input[f.group][f.key] = f.kind === 'share' ? Number((n / 100).toPrecision(12)) : n;
    }
  }
  return input;
}

/**
 * What the form shows under a refused field: an i18n key with the bound it names (in the
 * field's stored units; the form shows a share's as a percentage), or the server's own sentence.
 */
export type FieldError = { key: string; bound?: number } | { text: string };

type Issue = {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
};

function describeIssue(issue: Issue): FieldError {
  if (issue.code === 'invalid_type')
    return { key: issue.expected === 'int' ? 'riskSettings.errors.integer' : 'riskSettings.errors.number' };
  if (issue.code === 'too_small')
    return {
      key: issue.inclusive ? 'riskSettings.errors.min' : 'riskSettings.errors.above',
      bound: Number(issue.minimum),
    };
  if (issue.code === 'too_big')
    return {
      key: issue.inclusive ? 'riskSettings.errors.max' : 'riskSettings.errors.below',
      bound: Number(issue.maximum),
    };
  return { text: issue.message };
}

/** The field a path names; an issue inside the subject list (`grades.coreSubjects.0`) belongs to the list. */
function fieldAt(path: string): Field | undefined {
  return ALL_FIELDS.find((f) => f.path === path || path.startsWith(`${f.path}.`));
}

/** The first zod issue of each field, by path. */
export function errorsByField(issues: Issue[]): Record<FieldPath, FieldError> {
  const errors: Record<FieldPath, FieldError> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    errors[fieldAt(path)?.path ?? path] ??= describeIssue(issue);
  }
  return errors;
}

/**
 * A server 400's `details` (`[{ path: 'attendance.satisfactoryRate', message }]`, messages in
 * Italian from the server's zod locale), by field; unknown paths are kept under their own path.
 */
export function serverErrorsByField(details: unknown): Record<FieldPath, FieldError> {
  const errors: Record<FieldPath, FieldError> = {};
  if (!Array.isArray(details)) return errors;
  for (const d of details as unknown[]) {
    if (typeof d !== 'object' || d === null) continue;
    const { path, message } = d as Record<string, unknown>;
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    errors[fieldAt(path)?.path ?? path] ??= { text: message };
  }
  return errors;
}
