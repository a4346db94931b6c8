import { addDays } from '@primm/shared/dates';
import type { Insertable } from 'kysely';
import type { CaseActionTable, CaseParticipantViewTable } from '../db/database';
import { demoCaseContext } from './plant-cases';
import type { Db } from '../db/open-database';

type ActionType = CaseActionTable['type'];
type Outcome = 'back_on_track' | 'reoriented' | 'left_education' | 'moved_away' | 'other';

/** The first action of each case by turn, with where a reorientation sends the young person. */
const FIRST_ACTIONS: { type: ActionType; destination?: string; workKind?: string }[] = [
  { type: 'family_meeting' },
  { type: 'tutoring' },
  { type: 'cultural_mediation' },
  { type: 'italian_l2' },
  { type: 'pua_referral', destination: 'PUA dell’ambito sociale – servizi sociali' },
  { type: 'reorient_school', destination: 'Istituto tecnico della stessa città' },
  { type: 'reorient_iefp', destination: 'CFP della provincia – operatore della ristorazione' },
  { type: 'reorient_work', destination: 'Centro per l’impiego – apprendistato', workKind: 'apprendistato' },
  { type: 'reorient_cpia', destination: 'CPIA provinciale – percorso di primo livello' },
  { type: 'other' },
];
const REORIENTING: readonly ActionType[] = ['reorient_school', 'reorient_iefp', 'reorient_work', 'reorient_cpia'];
const REASONS = ['assenze', 'rendimento', 'famiglia', 'lingua', 'benessere', 'comportamento'] as const;
const HELPED_MOST: Record<ActionType, CaseParticipantViewTable['helped_most']> = {
  family_meeting: 'family_contact',
  tutoring: 'study_support',
  cultural_mediation: 'language',
  italian_l2: 'language',
  pua_referral: 'services',
  reorient_school: 'new_pathway',
  reorient_iefp: 'new_pathway',
  reorient_work: 'new_pathway',
  reorient_cpia: 'new_pathway',
  other: 'listening',
};

/**
 * A school year of case work for "Cosa funziona" (issue 22): flags, cases, first actions of every
 * type spread from the fifth week of lessons to nine weeks before the data's last day (so weeks
 * 2–8 after each are in the data), a follow-up family meeting in one case of three, closings with
 * outcomes and the participants' own views. Only the actions are placed: every effect the page
 * shows is computed from the demo's own attendance and grades, against its own similar students.
 *
 * Half of the level-2 and level-3 students with no case yet, outside the demo mediator's and
 * referent's schools (their journeys start from an empty caseload), owned by the admin.
 * Deterministic: students by id. Returns the count of cases.
 */
export async function plantDemoEvaluation(db: Db, adminEmail = 'admin@demo.primm.it'): Promise<number> {
  const context = await demoCaseContext(db, adminEmail);
  if (!context) return 0;
  const { admin, year, busy } = context;
  const candidates = await db
    .selectFrom('risk_result as r')
    .innerJoin('school_calendar as k', (j) =>
      j.onRef('k.school_id', '=', 'r.school_id').onRef('k.school_year_id', '=', 'r.school_year_id'),
    )
    .select(['r.student_id', 'r.school_id', 'r.as_of', 'k.lessons_start'])
    .where('r.school_year_id', '=', year.id)
    .where('r.tier', '>=', 2)
    .where('r.school_id', 'not in', busy)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('support_case as c').select('c.id').whereRef('c.student_id', '=', 'r.student_id'))),
    )
    .orderBy('r.student_id')
    .execute();
  const chosen = candidates.filter((_, i) => i % 2 === 0);
  let planted = 0;
  await db.transaction().execute(async (trx) => {
    for (const [i, r] of chosen.entries()) {
      const first = addDays(r.lessons_start, 28); // the fifth week of lessons
      const last = addDays(r.as_of, -63); // weeks 2–8 after it end before the data's last day
      const span = (Date.parse(last) - Date.parse(first)) / 86_400_000;
      if (span < 0) continue;
      const on = addDays(first, Math.floor((((i * 53) % 97) / 97) * span));
      const kind = FIRST_ACTIONS[i % FIRST_ACTIONS.length]!;
      const flaggedOn = addDays(on, -(2 + ((i * 7) % 26)));
      const closedOn = addDays(on, 56 + ((i * 11) % 35));
      const closes = i % 5 !== 4 && closedOn <= r.as_of;
      const outcome = closes ? outcomeOf(kind.type, i) : null;
      const { id: flagId } = await trx
        .insertInto('flag')
        .values({
          student_id: r.student_id,
          reason_code: REASONS[i % REASONS.length]!,
          reason: 'Segnalazione del consiglio di classe',
          created_by: admin.id,
          created_at: `${flaggedOn}T08:30:00.000Z`,
          resolved_at: closes ? `${closedOn}T12:00:00.000Z` : null,
          resolved_by: closes ? admin.id : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id: caseId } = await trx
        .insertInto('support_case')
        .values({
          student_id: r.student_id,
          school_id: r.school_id,
          flag_id: flagId,
          opened_by: admin.id,
          owner_id: admin.id,
          opened_at: `${addDays(on, -1)}T09:00:00.000Z`,
          status: closes ? 'closed' : 'open',
          goal: 'Accompagnare lo studente nel percorso scelto con la famiglia',
          closed_at: closes ? `${closedOn}T12:00:00.000Z` : null,
          outcome,
          outcome_note: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const action = (type: ActionType, date: string, extra: Partial<Insertable<CaseActionTable>> = {}) => ({
        case_id: caseId,
        type,
        date,
        participants: 'studente, famiglia, mediatore',
        notes: null,
        follow_up_on: null,
        outcome: null,
        destination: null,
        arrived: null,
        work_kind: null,
        exceptional_reason: null,
        created_by: admin.id,
        created_at: `${date}T10:00:00.000Z`,
        ...extra,
      });
      const actions: Insertable<CaseActionTable>[] = [
        action(kind.type, on, {
          destination: kind.destination ?? null,
          arrived: REORIENTING.includes(kind.type) ? (outcome === 'reoriented' ? 1 : closes ? 0 : null) : null,
          work_kind: kind.workKind ?? null,
        }),
      ];
      if (i % 3 === 0 && kind.type !== 'family_meeting') actions.push(action('family_meeting', addDays(on, 14)));
      await trx.insertInto('case_action').values(actions).execute();
      if (outcome)
        await trx
          .insertInto('case_participant_view')
          .values(viewsOf(caseId, kind.type, outcome, i, admin.id, closedOn))
          .execute();
      planted++;
    }
  });
  return planted;
}

/** Reorientations mostly end reoriented, support mostly back on track; one in seven leaves. */
function outcomeOf(type: ActionType, i: number): Outcome {
  if (i % 7 === 3) return 'left_education';
  if (i % 11 === 5) return 'moved_away';
  return REORIENTING.includes(type) && i % 4 !== 1 ? 'reoriented' : 'back_on_track';
}

function viewsOf(
  caseId: number,
  type: ActionType,
  outcome: Outcome,
  i: number,
  by: number,
  closedOn: string,
): Insertable<CaseParticipantViewTable>[] {
  // Those who left rate it lower; the score varies with the case, never with the group.
  const base = outcome === 'left_education' ? 2 : outcome === 'moved_away' ? 3 : 4;
  const at = `${closedOn}T12:00:00.000Z`;
  const row = (
    perspective: CaseParticipantViewTable['perspective'],
    helped: number,
    helpedMost = HELPED_MOST[type],
  ) => ({
    case_id: caseId,
    perspective,
    helped: Math.max(1, Math.min(5, helped)),
    helped_most: helpedMost,
    comment: null,
    recorded_by: by,
    recorded_at: at,
  });
  const views = [row('young_person', base + ((i % 3) - 1), i % 4 === 0 ? 'listening' : HELPED_MOST[type])];
  if (i % 4 !== 2) views.push(row('family', base + (i % 2), i % 5 === 0 ? 'family_contact' : HELPED_MOST[type]));
  if (outcome === 'reoriented') views.push(row('receiving_org', base + ((i + 1) % 2)));
  return views;
}
