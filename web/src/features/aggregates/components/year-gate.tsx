import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingStatus } from '../../../components/loading-status';
import { useAggregateYears } from '../api/get-years';

type Props = {
  year: string | undefined;
  /** The same page without the year (the latest with data), e.g. `/analisi?vista=cittadinanza`. */
  withoutYear: string;
  children: ReactNode;
};

/**
 * The page's numbers, unless its year has no data: then one plain sentence naming the years that
 * have some (issue 20: such a year ended on "Si è verificato un problema"). The tables wait for
 * the list of years (no request for a year without data); if it cannot be read, the page shows
 * as before and its own errors speak.
 */
export function YearGate({ year, withoutYear, children }: Props) {
  const { t } = useTranslation();
  const query = useAggregateYears();
  if (query.isPending) return <LoadingStatus />;
  const years = query.data?.years;
  if (!years) return children;
  if (years.length === 0) {
    return (
      <div className="callout callout-info" role="status">
        <p>{t('regional.years.none')}</p>
      </div>
    );
  }
  if (year === undefined || years.includes(year)) return children;
  return (
    <div className="callout callout-info" role="status">
      <p className="callout-title">{t('regional.years.noDataTitle', { year })}</p>
      <p>{t('regional.years.noData', { year, years: years.join(', '), count: years.length })}</p>
      <p>
        <Link to={withoutYear}>{t('regional.years.latest', { year: years[0] })}</Link>
      </p>
    </div>
  );
}
