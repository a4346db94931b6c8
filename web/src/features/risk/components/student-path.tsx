import { useTranslation } from 'react-i18next';
import type { IndicatorKey, StudentRisk } from '@primm/shared/contracts/risk';
import { IndicatorList } from './indicator-list';

/** Conduct, age-grade delay and school history have no series of their own: their indicators tell the story. */
const PATH_KEYS: readonly IndicatorKey[] = ['conduct', 'age_grade_delay', 'school_history'];

export function StudentPath({ indicators }: { indicators: StudentRisk['indicators'] }) {
  const { t } = useTranslation();
  const path = PATH_KEYS.flatMap((key) => indicators.filter((i) => i.key === key));
  if (path.length === 0) return null;
  return <IndicatorList indicators={path} headingId="path-heading" title={t('risk.path.title')} />;
}
