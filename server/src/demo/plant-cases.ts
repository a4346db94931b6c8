import { addDays } from '@primm/shared/dates';
import type { Insertable } from 'kysely';
import type { CaseActionTable } from '../db/database';
import { findCurrentSchoolYear } from '../db/current-year';
import type { Db } from '../db/open-database';

type ActionType = CaseActionTable['type'];
type Outcome = 'back_on_track' | 'reoriented' | 'left_education' | 'moved_away';

/** One case's story, by its place in the list (a cycle: the same data give the same stories). */
interface Story {
  goal: string;
  actions: { type: ActionType; daysAfterOpening: number; destination?: string; arrived?: boolean }[];
  /** closed with this outcome this many days after opening; open otherwise */
  closed?: { outcome: Outcome; daysAfterOpening: number };
}

const STORIES: Story[] = [
  {
    goal: 'Capire le assenze e riallacciare i rapporti con la famiglia',
    actions: [
      { type: 'family_meeting', daysAfterOpening: 3 },
      { type: 'tutoring', daysAfterOpening: 10 },
    ],
    closed: { outcome: 'back_on_track', daysAfterOpening: 45 },
  },
  { goal: 'Sostenere lo studio nelle materie insufficienti', actions: [{ type: 'tutoring', daysAfterOpening: 5 }] },
  {
    goal: 'Valutare con la famiglia un percorso professionale',
    actions: [
      { type: 'family_meeting', daysAfterOpening: 4 },
      {
        type: 'reorient_iefp',
        daysAfterOpening: 20,
        destination: 'CFP della provincia – operatore meccanico',
        arrived: true,
      },
    ],
    closed: { outcome: 'reoriented', daysAfterOpening: 40 },
  },
  {
    goal: 'Incontrare la famiglia con un mediatore linguistico',
    actions: [
      { type: 'cultural_mediation', daysAfterOpening: 6 },
      { type: 'italian_l2', daysAfterOpening: 12 },
    ],
  },
  {
    goal: 'Accompagnare il rientro dopo un lungo periodo di assenza',
    actions: [
      { type: 'family_meeting', daysAfterOpening: 2 },
      { type: 'pua_referral', daysAfterOpening: 9 },
    ],
  },
  {
    goal: 'Orientare verso l’istruzione degli adulti',
    actions: [
      { type: 'family_meeting', daysAfterOpening: 5 },
      {
        type: 'reorient_cpia',
        daysAfterOpening: 25,
        destination: 'CPIA provinciale – percorso di primo livello',
        arrived: false,
      },
    ],
    closed: { outcome: 'left_education', daysAfterOpening: 60 },
  },
  {
    goal: 'Ridurre le assenze del lunedì',
    actions: [{ type: 'family_meeting', daysAfterOpening: 7 }],
    closed: { outcome: 'back_on_track', daysAfterOpening: 50 },
  },
  {
    goal: 'Consolidare l’italiano per lo studio',
    actions: [
      { type: 'italian_l2', daysAfterOpening: 4 },
      { type: 'tutoring', daysAfterOpening: 15 },
    ],
  },
];

/**
 * What every planted demo case needs: the admin who owns it, the current year, and the schools of
 * the demo mediator and referent, which get none (their journeys start from an empty caseload).
 * Null when the demo has no admin or no year yet.
 */
export async function demoCaseContext(db: Db, adminEmail: string) {
  const admin = await db.selectFrom('app_user').select('id').where('email', '=', adminEmail).executeTakeFirst();
  const year = await findCurrentSchoolYear(db);
  if (!admin || !year) return null;
  const busy = db
    .selectFrom('user_school')
    .innerJoin('app_user', 'app_user.id', 'user_school.user_id')
    .select('user_school.school_id')
    .where('app_user.email', 'in', ['mediatore@demo.primm.it', 'referente@demo.primm.it']);
  return { admin, year, busy };
}

export type DemoCaseContext = NonNullable<Awaited<ReturnType<typeof demoCaseContext>>>;

/**
 * Cases for the demo's intervention figures (issue 20): the analyst's charts of cases, actions
 * and outcomes were empty, and every count under 10 is suppressed, so a few cases show nothing.
 * Every third student at level 3 in the current year gets a case, owned by the admin, in the
 * schools outside the demo mediator's and referent's scope (their journeys start from an empty
 * caseload), with one of the stories above by turn: actions on dates before the data's last day,
 * up to half closed with an outcome (when the closing falls before that day). Deterministic: students by id. Returns the count.
 */
export async function plantDemoCases(db: Db, adminEmail = 'admin@demo.primm.it'): Promise<number> {
  const context = await demoCaseContext(db, adminEmail);
  if (!context) return 0;
  const { admin, year, busy } = context;
  const atLevel3 = await db
    .selectFrom('risk_result')
    .select(['student_id', 'school_id', 'as_of'])
    .where('school_year_id', '=', year.id)
    .where('tier', '=', 3)
    .where('school_id', 'not in', busy)
    .orderBy('student_id')
    .execute();
  const chosen = atLevel3.filter((_, i) => i % 3 === 0);
  if (chosen.length === 0) return 0;
  await db.transaction().execute(async (trx) => {
    for (const [i, r] of chosen.entries()) {
      const story = STORIES[i % STORIES.length]!;
      // opened 20 to 110 days before the data's last day
      const openedOn = addDays(r.as_of, -(110 - ((i * 37) % 90)));
      // only what falls on or before the data's last day is written (the filters below)
      const on = (days: number) => addDays(openedOn, days);
      const closed = story.closed && on(story.closed.daysAfterOpening) <= r.as_of ? story.closed : undefined;
      const { id: caseId } = await trx
        .insertInto('support_case')
        .values({
          student_id: r.student_id,
          school_id: r.school_id,
          flag_id: null,
          opened_by: admin.id,
          owner_id: admin.id,
          opened_at: `${openedOn}T09:00:00.000Z`,
          status: closed ? 'closed' : 'open',
          goal: story.goal,
          closed_at: closed ? `${on(closed.daysAfterOpening)}T12:00:00.000Z` : null,
          outcome: closed?.outcome ?? null,
          outcome_note: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const actions: Insertable<CaseActionTable>[] = story.actions
        .filter((a) => on(a.daysAfterOpening) <= r.as_of)
        .map((a) => ({
          case_id: caseId,
          type: a.type,
          date: on(a.daysAfterOpening),
          participants: 'studente, famiglia, referente',
          notes: null,
          follow_up_on: null,
          outcome: null,
          destination: a.destination ?? null,
          arrived: a.arrived === undefined ? null : a.arrived ? 1 : 0,
          work_kind: null,
          exceptional_reason: null,
          created_by: admin.id,
          created_at: `${on(a.daysAfterOpening)}T10:00:00.000Z`,
        }));
      if (actions.length > 0) await trx.insertInto('case_action').values(actions).execute();
    }
  });
  return chosen.length;
}
