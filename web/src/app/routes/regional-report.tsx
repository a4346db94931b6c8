import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ProvinceCode, SchoolCode, SchoolYearLabel } from '@primm/shared/contracts/domain';
import { useMe } from '../../features/auth/api/get-me';
import { OwnSchoolsNotice } from '../../features/aggregates/components/own-schools-notice';
import { RegionHistory } from '../../features/aggregates/components/region-history';
import { RegionalReport, type ReportScope } from '../../features/aggregates/components/regional-report';
import { YearGate } from '../../features/aggregates/components/year-gate';
import { ReportParticipants } from '../../features/what-works/components/report-participants';
import { Forbidden } from './forbidden';
import { REGIONAL_ROLES } from './regional';

/** `/analisi/rapporto?province=AN` or `?school=ANIS00800L` (+ `year`); without either, the region. */
function readScope(params: URLSearchParams): ReportScope {
  const province = ProvinceCode.safeParse(params.get('province')?.toUpperCase());
  if (province.success) return { province: province.data };
  const school = SchoolCode.safeParse(params.get('school') ?? undefined);
  return school.success ? { school: school.data } : {};
}

export function Component() {
  const { t } = useTranslation();
  const role = useMe().data?.role;
  const [params, setParams] = useSearchParams();
  if (!role || !REGIONAL_ROLES.includes(role)) return <Forbidden title={t('regional.title')} />;

  const scope = readScope(params);
  const year = SchoolYearLabel.safeParse(params.get('year') ?? undefined).data;
  const scopeParams = new URLSearchParams(Object.entries(scope)).toString();
  const region = Object.keys(scope).length === 0;
  // In the address, so the printed page, a reload and a shared link compare like the screen.
  const compare = params.get('compare') === 'previous';
  const setCompare = (next: boolean) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next) updated.set('compare', 'previous');
        else updated.delete('compare');
        return updated;
      },
      { replace: true },
    );
  const place = new URLSearchParams(params);
  place.delete('compare');
  // The region's report (issue 22): its years from the snapshots (the analyst's and the admin's:
  // snapshots keep the whole region only) and the participants' views, counts and averages only.
  const extra = region ? (
    <>
      {(role === 'analista' || role === 'admin') && <RegionHistory compare={compare} />}
      <ReportParticipants year={year} compare={compare} />
    </>
  ) : undefined;
  return (
    <>
      <p className="back-link no-print">
        <Link to="/analisi">{t('regional.report.back')}</Link>
      </p>
      <OwnSchoolsNotice />
      <YearGate year={year} withoutYear={`/analisi/rapporto${scopeParams ? `?${scopeParams}` : ''}`}>
        <RegionalReport
          key={place.toString()}
          scope={scope}
          year={year}
          extra={extra}
          compare={compare}
          onCompareChange={setCompare}
        />
      </YearGate>
    </>
  );
}
