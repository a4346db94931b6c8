import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Id } from '@primm/shared/contracts/domain';
import { useMe } from '../../features/auth/api/get-me';
import { OpenCaseButton } from '../../features/cases/components/open-case-button';
import { StudentCases } from '../../features/cases/components/student-cases';
import { StudentCompulsoryPanel } from '../../features/compulsory/components/student-compulsory-panel';
import { StudentFamilyPanel } from '../../features/family/components/student-family-panel';
import { studentFlagsQueryOptions } from '../../features/flags/api/get-student-flags';
import { StudentFlags } from '../../features/flags/components/student-flags';
import { StudentNotes } from '../../features/flags/components/student-notes';
import { StudentRiskDetail } from '../../features/risk/components/student-risk';
import { studentQueryOptions } from '../../features/students/api/get-student';
import { studentAccessView } from '../../features/students/api/use-student-access';
import { FormerAccessNotice } from '../../features/students/components/former-access-notice';
import { StudentHeader } from '../../features/students/components/student-header';
import { formatDateTime } from '../../lib/format';
import { Forbidden, isRefusal } from './forbidden';
import { NotFound } from './not-found';

/** Who may open a case (server: POST /api/cases); a teacher sees the cases of their students but opens none. */
const CASE_ROLES = ['mediatore', 'referente', 'admin'];
/** Who records notices and reports to the mayor (server: compulsory ACT_ROLES); a teacher reads the panel. */
const COMPULSORY_ACT_ROLES = ['mediatore', 'referente', 'admin'];

export function Component() {
  const { t, i18n } = useTranslation();
  const id = Id.safeParse(useParams().id);
  const me = useMe().data;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // the header's own query: a student out of scope is one refusal and the way home, not an alert per panel
  const student = useQuery({ ...studentQueryOptions(id.success ? id.data : 0), enabled: id.success && me?.role !== 'analista' });
  if (!id.success) return <NotFound />;
  if (!me || me.role === 'analista') return <Forbidden title={t('students.title')} />;
  if (student.isError && isRefusal(student.error)) return <Forbidden title={t('students.title')} error={student.error} />;
  const studentId = id.data;
  // A school or class the student has left reads what it recorded before: no new school's data, no writes.
  const access = studentAccessView(student.data);
  const canOpenCase = CASE_ROLES.includes(me.role) && access.canWrite;

  // the flag now points at its case: the list must say so when the user comes back
  async function opened(caseId: number) {
    await queryClient.invalidateQueries({ queryKey: studentFlagsQueryOptions(studentId).queryKey });
    await navigate(`/casi/${caseId}`);
  }

  return (
    <>
      <StudentHeader id={studentId} />
      <FormerAccessNotice studentId={studentId} />
      <StudentFamilyPanel studentId={studentId} />
      {/* "Obbligo e frequenza": the legal deadlines come first */}
      {access.showsNewSchoolData && <StudentCompulsoryPanel studentId={studentId} canAct={COMPULSORY_ACT_ROLES.includes(me.role)} />}
      {access.showsNewSchoolData && <StudentRiskDetail studentId={studentId} />}
      <StudentFlags
        studentId={studentId}
        canFlag={access.canWrite}
        renderFlagAction={
          canOpenCase
            ? (flag) =>
                // a flag answered by a case now closed (closing resolves the student's flags) needs no new case
                flag.resolvedAt ? (
                  <p className="hint">{t('cases.flagResolved', { at: formatDateTime(flag.resolvedAt, i18n.language) })}</p>
                ) : (
                  <OpenCaseButton studentId={studentId} flagId={flag.id} meId={me.id} label={t('cases.open.fromFlag')} onCreated={(c) => void opened(c.id)} />
                )
            : undefined
        }
      />
      <StudentNotes studentId={studentId} canWrite={access.canWrite} />
      <StudentCases
        studentId={studentId}
        openCase={canOpenCase ? <OpenCaseButton studentId={studentId} meId={me.id} label={t('cases.open.button')} onCreated={(c) => void opened(c.id)} /> : undefined}
      />
    </>
  );
}
