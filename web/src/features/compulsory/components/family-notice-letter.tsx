import { useTranslation } from 'react-i18next';
import type { FamilyNoticeLetter as Letter } from '@primm/shared/contracts/compulsory';
import { formatDate } from '../../../lib/format';
import { todayIso } from '../days-left';
import { sexContext } from './mayor-report-letter';

type Props = { letter: Letter; protocol?: string; address?: string };

/**
 * The notice to the family (art. 114 c. 2), in Italian like every act of the school: the days
 * counted, what the law asks next, an invitation to call the school. The family's address is the
 * one typed at print time (the data does not hold it); blank lines to fill in by hand otherwise.
 */
export function FamilyNoticeLetter({ letter, protocol = '', address = '' }: Props) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('it');
  const date = (d: string) => formatDate(d, 'it');
  const name = `${letter.student.lastName} ${letter.student.firstName}`;
  const context = sexContext(letter.student.sex);
  const letterDate = date(letter.notifiedOn ?? todayIso());
  const addressLines = address
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

  return (
    <article className="letter" lang="it" aria-label={t('compulsory.familyNotice.letterLabel')}>
      <header className="letter-from">
        <p className="letter-school">{letter.school.name}</p>
        <p>{t('compulsory.report.schoolCode', { code: letter.school.code })}</p>
        <p>{letter.school.municipality}</p>
      </header>
      <p className="letter-protocol">
        {t('compulsory.letter.protocolLine', { protocol: protocol.trim() || '________', date: letterDate })}
      </p>
      <div className="letter-to">
        <p>{t('compulsory.familyNotice.to', { name })}</p>
        {addressLines.length > 0 ? (
          addressLines.map((line, i) => <p key={i}>{line}</p>)
        ) : (
          <>
            <p className="visually-hidden">{t('compulsory.familyNotice.addressBlank')}</p>
            <p className="signature-line address-line" aria-hidden="true" />
            <p className="signature-line address-line" aria-hidden="true" />
          </>
        )}
      </div>
      <p className="letter-subject">
        <strong>{t('compulsory.report.subject')}</strong> {t('compulsory.familyNotice.subjectText', { name })}
      </p>
      <p>{t('compulsory.familyNotice.greeting')}</p>
      <p>
        {t('compulsory.familyNotice.intro', {
          context,
          name,
          schoolYear: letter.schoolYear,
          className: letter.student.className,
          windowFrom: date(letter.windowFrom),
          triggeredOn: date(letter.triggeredOn),
          n: letter.countedDays.length,
        })}
      </p>
      <ol className="letter-days">
        {letter.countedDays.map((d) => (
          <li key={d}>{date(d)}</li>
        ))}
      </ol>
      <p>{t('compulsory.familyNotice.law', { context, legalBasis: letter.legalBasis })}</p>
      <p>{t('compulsory.familyNotice.contact')}</p>
      <p className="letter-place">
        {t('compulsory.report.placeDate', { place: letter.school.municipality, date: letterDate })}
      </p>
      <div className="letter-signature">
        <p>{t('compulsory.report.signer')}</p>
        <p className="signature-line" aria-hidden="true" />
        <p className="hint">({t('compulsory.report.signature')})</p>
      </div>
    </article>
  );
}
