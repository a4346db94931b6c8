import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { useClassRiskChanges } from '../api/get-class-risk-changes';

/** "Since last week" on a class card: who moved up or down a tier in the last 7 days of data. */
export function ClassTierChanges({ classId }: { classId: number }) {
  const { t, i18n } = useTranslation();
  const changes = useClassRiskChanges(classId);
  // Secondary information: while it loads or if it fails, the card's counts still stand.
  if (!changes.data?.asOf) return null;
  const { up, down, items, since } = changes.data;

  return (
    <div className="tier-changes">
      <p>
        {up === 0 && down === 0
          ? t('riskChanges.none', { since: formatDate(since!, i18n.language) })
          : t('riskChanges.summary', { up, down, since: formatDate(since!, i18n.language) })}
      </p>
      {items.length > 0 && (
        <ul>
          {items.map((i) => (
            <li key={i.studentId}>
              <Link to={`/studenti/${i.studentId}`}>{`${i.lastName} ${i.firstName}`}</Link>{' '}
              {t(i.toTier > i.fromTier ? 'riskChanges.up' : 'riskChanges.down', { from: i.fromTier, to: i.toTier })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
