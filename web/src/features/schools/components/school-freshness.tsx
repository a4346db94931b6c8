import { useTranslation } from 'react-i18next';
import type { SchoolFreshness as Freshness } from '@primm/shared/contracts/schools';
import { formatDate, formatDateTime } from '../../../lib/format';

/** The two dates of a school's data (issue 20), as items of a `<dl className="facts">`. */
export function SchoolFreshnessFacts({ freshness }: { freshness: Freshness }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <div>
        <dt>{t('schoolFreshness.latestData')}</dt>
        <dd>
          {freshness.latestDataOn ? formatDate(freshness.latestDataOn, i18n.language) : t('schoolFreshness.noData')}
        </dd>
      </div>
      <div>
        <dt>{t('schoolFreshness.latestImport')}</dt>
        <dd>
          {freshness.latestImportAt
            ? formatDateTime(freshness.latestImportAt, i18n.language)
            : t('schoolFreshness.noImport')}
        </dd>
      </div>
    </>
  );
}
