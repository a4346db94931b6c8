import { useTranslation } from 'react-i18next';
import type { MayorReport } from '@primm/shared/contracts/compulsory';
import { formatDate } from '../../../lib/format';
import { todayIso } from '../days-left';

/** `M` → `male`, `F` → `female`: the i18next context that picks the letter's wording. */
export const sexContext = (sex: 'M' | 'F') => (sex === 'F' ? 'female' : 'male');

/**
 * The letter to the mayor (art. 114 c. 2): always in Italian, whatever the interface language,
 * since it is an act of the school; only the facts and dates of the response, nothing more. The
 * wording follows the student's sex; the protocol number is typed at print time.
 */
export function MayorReportLetter({ report, protocol = '' }: { report: MayorReport; protocol?: string }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('it');
  const date = (d: string) => formatDate(d, 'it');
  const name = `${report.student.lastName} ${report.student.firstName}`;
  const context = sexContext(report.student.sex);
  const letterDate = date(report.reportedOn ?? todayIso());

  return (
    <article className="letter" lang="it" aria-label={t('compulsory.report.letterLabel')}>
      <header className="letter-from">
        <p className="letter-school">{report.school.name}</p>
        <p>{t('compulsory.report.schoolCode', { code: report.school.code })}</p>
        <p>{report.school.municipality}</p>
      </header>
      <p className="letter-protocol">
        {t('compulsory.letter.protocolLine', { protocol: protocol.trim() || '________', date: letterDate })}
      </p>
      <div className="letter-to">
        <p>
          {report.municipality
            ? t('compulsory.report.to', { municipality: report.municipality.name })
            : t('compulsory.report.toUnknown')}
        </p>
        {report.municipality?.office && <p>{report.municipality.office}</p>}
        <p>
          {report.municipality?.pec
            ? t('compulsory.report.pec', { pec: report.municipality.pec })
            : t('compulsory.report.pecMissing')}
        </p>
      </div>
      <p className="letter-subject">
        <strong>{t('compulsory.report.subject')}</strong> {t('compulsory.report.subjectText', { name, context })}
      </p>
      <p>
        {t('compulsory.report.intro', {
          context,
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
      <p>{t('compulsory.report.noReturn', { context, countdownEndsOn: date(report.countdownEndsOn) })}</p>
      <p>{t('compulsory.report.basis', { legalBasis: report.legalBasis })}</p>
      <p className="letter-place">
        {t('compulsory.report.placeDate', { place: report.school.municipality, date: letterDate })}
      </p>
      <div className="letter-signature">
        <p>{t('compulsory.report.signer')}</p>
        <p className="signature-line" aria-hidden="true" />
        <p className="hint">({t('compulsory.report.signature')})</p>
      </div>
    </article>
  );
}
