import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { useStudentAccess } from '../api/use-student-access';

/**
 * Says, above the panels, that this is a former school's or class's read-only view, and since
 * when: without it the missing risk level and forms would look like a fault. Nothing otherwise.
 */
export function FormerAccessNotice({ studentId }: { studentId: number }) {
  const { t, i18n } = useTranslation();
  const access = useStudentAccess(studentId);
  if (access.kind !== 'former') return null;
  return (
    <div className="callout callout-info" role="note" aria-labelledby="former-access-title">
      <p className="callout-title" id="former-access-title">
        {t('formerAccess.title')}
      </p>
      <p>
        {access.until
          ? t('formerAccess.since', { date: formatDate(access.until, i18n.language) })
          : t('formerAccess.undated')}
      </p>
      <p className="hint">{t('formerAccess.hidden')}</p>
    </div>
  );
}
