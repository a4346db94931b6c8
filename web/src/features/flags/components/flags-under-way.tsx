import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { useStudentFlags } from '../api/get-student-flags';

/** The summary's line on flags: how many are open (a case closing resolves its flag) and the latest. */
export function FlagsUnderWay({ studentId }: { studentId: number }) {
  const { t, i18n } = useTranslation();
  const flags = useStudentFlags(studentId);
  if (!flags.isSuccess) return null; // the list below shows loading and errors
  const open = flags.data.items.filter((f) => f.resolvedAt === null);
  const latest = open[0];
  return (
    <p>
      <strong>{t('flags.underWay.label')}</strong>{' '}
      {latest
        ? t('flags.underWay.open', {
            count: open.length,
            by: latest.createdBy.name,
            at: formatDate(latest.createdAt.slice(0, 10), i18n.language),
            reason: t(`flags.reason.${latest.reasonCode}`),
          })
        : t('flags.underWay.none')}
    </p>
  );
}
