import type { Role } from '@primm/shared/contracts/auth';
import { compiledOnce } from '../db/compiled-once';
import type { Db } from '../db/open-database';

/** The signed-in user with the scope every permission check reads. */
export interface AuthUser {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  /** Schools held directly (referente, mediatore). */
  schoolIds: number[];
  /** Classes held (docente). */
  classIds: number[];
  /** Municipalities served, by ISTAT code (pua, comune; issue 21). */
  municipalityCodes: string[];
  mustChangePassword: boolean;
}

export async function loadAuthUser(db: Db, userId: number): Promise<AuthUser | undefined> {
  const [user] = (await db.executeQuery(userStatement(db, userId))).rows;
  if (!user) return undefined;
  const [schools, classes, municipalities] = await Promise.all([
    db.executeQuery(schoolsStatement(db, userId)),
    db.executeQuery(classesStatement(db, userId)),
    db.executeQuery(municipalitiesStatement(db, userId)),
  ]);
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role,
    schoolIds: schools.rows.map((s) => s.school_id),
    classIds: classes.rows.map((c) => c.class_id),
    municipalityCodes: municipalities.rows.map((m) => m.municipality_istat).sort(),
    mustChangePassword: user.must_change_password === 1,
  };
}

// Read by every request: built and compiled once (compiled-once.ts).
const userStatement = compiledOnce((db: Db, userId: number) =>
  db.selectFrom('app_user').selectAll().where('id', '=', userId).where('disabled_at', 'is', null),
);
const schoolsStatement = compiledOnce((db: Db, userId: number) =>
  db.selectFrom('user_school').select('school_id').where('user_id', '=', userId),
);
const classesStatement = compiledOnce((db: Db, userId: number) =>
  db.selectFrom('user_class').select('class_id').where('user_id', '=', userId),
);
const municipalitiesStatement = compiledOnce((db: Db, userId: number) =>
  db.selectFrom('user_municipality').select('municipality_istat').where('user_id', '=', userId),
);
