import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { REORIENTATION_TYPES } from '@primm/shared/contracts/cases';
import { Id } from '@primm/shared/contracts/domain';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingStatus } from '../../components/loading-status';
import { formatDate } from '../../lib/format';
import { useMe } from '../../features/auth/api/get-me';
import { caseQueryOptions } from '../../features/cases/api/get-case';
import { FamilyLetterPage } from '../../features/letters/components/family-letter-page';
import { Forbidden, isRefusal } from './forbidden';
import { NotFound } from './not-found';

/** The school's letters are the referents', mediators' and admin's (server: GET students/:id/letters/:kind). */
const LETTER_ROLES = ['admin', 'referente', 'mediatore'];

/**
 * A letter to the family from a case: the invitation to a meeting (`casi/:id/lettera-incontro`)
 * or, with an action id, the information on that reorientation. The facts are the case's.
 */
export function Component() {
  const { t } = useTranslation();
  const params = useParams();
  const id = Id.safeParse(params.id);
  const actionId = params.actionId === undefined ? undefined : Id.safeParse(params.actionId);
  const me = useMe().data;
  const allowed = Boolean(me && LETTER_ROLES.includes(me.role));
  const detail = useQuery({ ...caseQueryOptions(id.success ? id.data : 0), enabled: id.success && allowed });
  const title = t(actionId ? 'letters.page.reorientationTitle' : 'letters.page.meetingTitle');

  if (!id.success || (actionId && !actionId.success)) return <NotFound />;
  if (!allowed) return <Forbidden title={title} />;
  if (detail.isError)
    return isRefusal(detail.error) ? (
      <Forbidden title={title} error={detail.error} />
    ) : (
      <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
    );
  if (!detail.data) return <LoadingStatus />;
  const c = detail.data;
  const action = actionId?.success ? c.actions.find((a) => a.id === actionId.data) : undefined;
  const back = (
    <p className="back-link no-print">
      <Link to={`/casi/${c.id}`}>{t('letters.page.back')}</Link>
    </p>
  );
  if (actionId && (!action || !REORIENTATION_TYPES.includes(action.type) || !action.destination))
    return (
      <>
        {back}
        <h1>{title}</h1>
        <p className="callout callout-info">
          {t(action ? 'letters.page.notReorientation' : 'letters.page.actionMissing')}
        </p>
      </>
    );
  const studentName = `${c.student.lastName} ${c.student.firstName}`;
  return (
    <>
      {back}
      <FamilyLetterPage
        kind={action ? 'reorientation_info' : 'meeting_invitation'}
        studentId={c.student.id}
        title={title}
        label={t(action ? 'letters.page.reorientationLabel' : 'letters.page.meetingLabel')}
        school={{ name: c.schoolName, code: c.schoolCode, municipality: null }}
        studentName={studentName}
        values={{
          studentName,
          schoolName: c.schoolName,
          schoolCode: c.schoolCode,
          className: c.student.className ?? '',
          ...(action && { actionDate: formatDate(action.date, 'it'), destination: action.destination ?? '' }),
        }}
      />
    </>
  );
}
