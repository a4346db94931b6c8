import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/api/get-me';

/**
 * A referent's analysis counts their own schools only (the server scopes /api/aggregates), yet the
 * pages speak of "the region" and "the five provinces": said at the top of each, with the schools'
 * names, so that nobody takes one school's figures for the region's.
 */
export function OwnSchoolsNotice() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (me?.role !== 'referente') return null;
  const schools = me.schools.map((s) => s.name).join(', ');
  return (
    <p className="callout callout-info" role="note">
      {t('regional.ownSchools', { count: me.schools.length, schools })}
    </p>
  );
}
