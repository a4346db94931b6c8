import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REORIENTATION_TYPES, type CaseDetail } from '@primm/shared/contracts/cases';
import { formatDate } from '../../../lib/format';

/**
 * From a case, the letters to the family it can print: an invitation to a meeting, and the
 * information on each reorientation recorded (a PUA referral is not one: it is not the family's
 * new school).
 */
export function CaseLetterLinks({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const reorientations = detail.actions.filter(
    (a) => REORIENTATION_TYPES.includes(a.type) && a.type !== 'pua_referral' && a.destination,
  );
  return (
    <section className="section no-print" aria-labelledby="case-letters-heading">
      <h2 id="case-letters-heading">{t('letters.caseLinks.title')}</h2>
      <p className="hint">{t('letters.caseLinks.intro')}</p>
      <ul className="link-list">
        <li>
          <Link to={`/casi/${detail.id}/lettera-incontro`}>{t('letters.caseLinks.meeting')}</Link>
        </li>
        {reorientations.map((a) => (
          <li key={a.id}>
            <Link to={`/casi/${detail.id}/azioni/${a.id}/lettera-riorientamento`}>
              {t('letters.caseLinks.reorientation', {
                date: formatDate(a.date, i18n.language),
                destination: a.destination,
              })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
