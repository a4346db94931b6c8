import { useTranslation } from 'react-i18next';
import type { MayorReport } from '@primm/shared/contracts/compulsory';
import { formatDate } from '../../../lib/format';
import { todayIso } from '../days-left';

/**
 * The letter to the mayor (art. 114 c. 2): always in Italian, whatever the interface language,
 * since it is an act of the school; only the facts and dates of the response, nothing more.
 */
export function MayorReportLetter({ report }: { report: MayorReport }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('it');
  const date = (d: string) => formatDate(d, 'it');
  const name = `${report.student.lastName} ${report.student.firstName}`;

  return (
    <article className="letter" lang="it" aria-label={t('compulsory.report.letterLabel')}>
      <header className="letter-from">
        <p className="letter-school">{report.school.name}</p>
        <p>{t('compulsory.report.schoolCode', { code: report.school.code })}</p>
        <p>{report.school.municipality}</p>
      </header>
      <p className="letter-to">
        {report.student.residence ? t('compulsory.report.to', { municipality: report.student.residence }) : t('compulsory.report.toUnknown')}
      </p>
      <p className="letter-subject">
        <strong>{t('compulsory.report.subject')}</strong> {t('compulsory.report.subjectText', { name })}
      </p>
      <p>
        {t('compulsory.report.intro', {
          name,
          birthDate: date(report.student.birthDate),
          schoolYear: report.schoolYear,
          className: report.student.className,
          windowFrom: date(report.windowFrom),
          triggeredOn: date(report.triggeredOn),
          n: report.countedDays.length,
        })}
      </p>
      <ol className="letter-days">
        {report.countedDays.map((d) => (
          <li key={d}>{date(d)}</li>
        ))}
      </ol>
      <p>{t('compulsory.report.notice', { notifiedOn: date(report.notifiedOn) })}</p>
      <p>{t('compulsory.report.noReturn', { countdownEndsOn: date(report.countdownEndsOn) })}</p>
      <p>{t('compulsory.report.basis', { legalBasis: report.legalBasis })}</p>
      <p className="letter-place">{t('compulsory.report.placeDate', { place: report.school.municipality, date: date(report.reportedOn ?? todayIso()) })}</p>
      <div className="letter-signature">
        <p>{t('compulsory.report.signer')}</p>
        <p className="signature-line" aria-hidden="true" />
        <p className="hint">({t('compulsory.report.signature')})</p>
      </div>
    </article>
  );
}
