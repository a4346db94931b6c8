import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Id } from '@primm/shared/contracts/domain';
import { useMe } from '../../features/auth/api/get-me';
import { CasesUnderWay } from '../../features/cases/components/cases-under-way';
import { OpenCaseButton } from '../../features/cases/components/open-case-button';
import { StudentCases } from '../../features/cases/components/student-cases';
import { CompulsoryUnderWay } from '../../features/compulsory/components/compulsory-under-way';
import { studentCompulsoryQueryOptions } from '../../features/compulsory/api/get-student-compulsory';
import { StudentCompulsoryPanel } from '../../features/compulsory/components/student-compulsory-panel';
import { StudentFamilyPanel } from '../../features/family/components/student-family-panel';
import { StudentDeliveries } from '../../features/municipality-inbox/components/student-deliveries';
import { studentFlagsQueryOptions } from '../../features/flags/api/get-student-flags';
import { FlagStudentForm } from '../../features/flags/components/flag-student-form';
import { FlagsUnderWay } from '../../features/flags/components/flags-under-way';
import { NoteForm } from '../../features/flags/components/note-form';
import { StudentFlags } from '../../features/flags/components/student-flags';
import { StudentNotes } from '../../features/flags/components/student-notes';
import { preloadRiskCharts } from '../../features/risk/components/preload-risk-charts';
import { ReviewForm } from '../../features/risk/components/review-form';
import { StudentRiskSummary } from '../../features/risk/components/risk-summary';
import { StudentRiskSections } from '../../features/risk/components/student-risk';
import { RiskLegendNote } from '../../features/risk-legend/components/risk-legend-note';
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

/**
 * The student page (issue 19): the summary (level and why, hours left, what is under way) with
 * the actions and the levels' legend beside it, then the family and the art. 114 panel, and the
 * series in sections that open on demand. A former school's or class's view is read-only: no actions.
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const id = Id.safeParse(useParams().id);
  const me = useMe().data;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // the header's own query: a student out of scope is one refusal and the way home, not an alert per panel
  const student = useQuery({
    ...studentQueryOptions(id.success ? id.data : 0),
    enabled: id.success && me?.role !== 'analista',
  });
  // the chart's code downloads while the data is asked for, not after it arrives
  useEffect(preloadRiskCharts, []);
  if (!id.success) return <NotFound />;
  if (!me || me.role === 'analista') return <Forbidden title={t('students.title')} />;
  if (student.isError && isRefusal(student.error))
    return <Forbidden title={t('students.title')} error={student.error} />;
  const studentId = id.data;
  // read-only once the student left the reader's school or class (docs/privacy.md "Dopo un trasferimento"):
  // no action, no risk and no compulsory clock (the new school's data) until the detail says which,
  // so a former school never sees them flash nor asks and is refused
  const access = studentAccessView(student.data);
  const canWrite = access.canWrite;
  const canOpenCase = canWrite && CASE_ROLES.includes(me.role);

  // the flag now points at its case: the list must say so when the user comes back
  async function opened(caseId: number) {
    await queryClient.invalidateQueries({ queryKey: studentFlagsQueryOptions(studentId).queryKey });
    await navigate(`/casi/${caseId}`);
  }

  return (
    <>
      <StudentHeader id={studentId} />
      <FormerAccessNotice studentId={studentId} />
      {access.showsNewSchoolData && (
        <div className="student-top">
          <StudentRiskSummary
            studentId={studentId}
            underWay={
              <>
                <FlagsUnderWay studentId={studentId} />
                <CasesUnderWay studentId={studentId} />
                <CompulsoryUnderWay studentId={studentId} />
              </>
            }
          />
          <div className="student-side">
            {canWrite && (
              <aside className="student-actions" aria-labelledby="student-actions-heading">
                <h2 id="student-actions-heading">{t('studentPage.actionsTitle')}</h2>
                <FlagStudentForm studentId={studentId} />
                <NoteForm studentId={studentId} />
                <ReviewForm studentId={studentId} />
                {canOpenCase && (
                  <OpenCaseButton
                    studentId={studentId}
                    meId={me.id}
                    label={t('cases.open.button')}
                    onCreated={(c) => void opened(c.id)}
                    block
                  />
                )}
              </aside>
            )}
            {/* what each level means, beside the level */}
            <RiskLegendNote />
          </div>
        </div>
      )}
      <StudentFamilyPanel studentId={studentId} />
      {/* "Obbligo e frequenza": the legal deadlines before the series */}
      {access.showsNewSchoolData && (
        <StudentCompulsoryPanel studentId={studentId} canAct={COMPULSORY_ACT_ROLES.includes(me.role)} />
      )}
      {/* the report's way to the municipality: delivered, acknowledged or overdue (issue 21) */}
      {access.showsNewSchoolData && COMPULSORY_ACT_ROLES.includes(me.role) && (
        <DeliveriesAfterReport studentId={studentId} />
      )}
      {access.showsNewSchoolData && <StudentRiskSections studentId={studentId} />}
      <StudentFlags
        studentId={studentId}
        renderFlagAction={
          canOpenCase
            ? (flag) =>
                // a flag answered by a case now closed (closing resolves the student's flags) needs no new case
                flag.resolvedAt ? (
                  <p className="hint">
                    {t('cases.flagResolved', { at: formatDateTime(flag.resolvedAt, i18n.language) })}
                  </p>
                ) : (
                  <OpenCaseButton
                    studentId={studentId}
                    flagId={flag.id}
                    meId={me.id}
                    label={t('cases.open.fromFlag')}
                    onCreated={(c) => void opened(c.id)}
                  />
                )
            : undefined
        }
      />
      <StudentNotes studentId={studentId} />
      <StudentCases studentId={studentId} />
    </>
  );
}

/** Recording the report delivers it: the deliveries are read again once the clock says it was sent. */
function DeliveriesAfterReport({ studentId }: { studentId: number }) {
  const reportedOn = useQuery(studentCompulsoryQueryOptions(studentId)).data?.clock?.reportedOn;
  return <StudentDeliveries key={reportedOn ?? 'none'} studentId={studentId} />;
}
