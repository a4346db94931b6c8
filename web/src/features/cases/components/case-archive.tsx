import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CaseArchiveQuery, CaseOutcome } from '@primm/shared/contracts/cases';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { SelectFilter } from '../../../components/select-filter';
import { TableScroll } from '../../../components/table-scroll';
import { formatDate } from '../../../lib/format';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useCaseArchive } from '../api/get-case-archive';
import { SchoolName } from './school-name';

const PARAM = { school: 'scuola', outcome: 'esito', from: 'dal', to: 'al' } as const;

/**
 * The filters live in the URL (`?scuola=3&esito=reoriented&dal=…&al=…`): a filtered archive can
 * be bookmarked and shared. Each is read on its own, so one bad value drops only itself.
 */
function readQuery(params: URLSearchParams): CaseArchiveQuery {
  const one = <K extends keyof typeof PARAM>(key: K) => {
    const parsed = CaseArchiveQuery.safeParse({ [key]: params.get(PARAM[key]) ?? undefined });
    return parsed.success ? parsed.data[key] : undefined;
  };
  const query: CaseArchiveQuery = { school: one('school'), outcome: one('outcome'), from: one('from'), to: one('to') };
  if (query.from && query.to && query.from > query.to) query.to = undefined;
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as CaseArchiveQuery;
}

/** Closed cases of the user's schools, by school, outcome and closing period (issue 19: closed cases vanished). */
export function CaseArchive() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { params, set, reset } = useUrlFilters(PARAM);
  const query = readQuery(params);
  const archive = useCaseArchive(query);

  const col = {
    closedAt: t('caseArchive.closedAt'),
    outcome: t('caseArchive.outcome'),
    school: t('caseArchive.school'),
    owner: t('caseArchive.owner'),
    case: t('caseArchive.case'),
  };
  return (
    <>
      <form className="filters" aria-label={t('caseArchive.filters.label')} onSubmit={(e) => e.preventDefault()}>
        <SelectFilter
          id={`${id}-school`}
          label={t('caseArchive.filters.school')}
          allLabel={t('caseArchive.filters.allSchools')}
          value={query.school}
          options={(archive.data?.schools ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }))}
          onChange={(value) => set('school', value)}
        />
        <SelectFilter
          id={`${id}-outcome`}
          label={t('caseArchive.filters.outcome')}
          allLabel={t('caseArchive.filters.allOutcomes')}
          value={query.outcome}
          options={CaseOutcome.options.map((o) => ({ value: o, label: t(`cases.outcome.${o}`) }))}
          onChange={(value) => set('outcome', value)}
        />
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('caseArchive.filters.from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={query.from ?? ''}
            max={query.to}
            onChange={(e) => set('from', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('caseArchive.filters.to')}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={query.to ?? ''}
            min={query.from}
            onChange={(e) => set('to', e.target.value)}
          />
        </div>
        <div className="field-actions">
          <button type="button" className="btn btn-outline" onClick={reset}>
            {t('caseArchive.filters.reset')}
          </button>
        </div>
      </form>
      {archive.isPending && <LoadingStatus />}
      {archive.isError && <ErrorAlert error={archive.error} onRetry={() => void archive.refetch()} />}
      {archive.isSuccess &&
        (archive.data.items.length === 0 ? (
          <EmptyState>{t(Object.keys(query).length > 0 ? 'caseArchive.empty' : 'caseArchive.emptyAll')}</EmptyState>
        ) : (
          <>
            {archive.data.truncated && (
              <p className="callout callout-warning">
                {t('caseArchive.truncated', { count: archive.data.items.length })}
              </p>
            )}
            <TableScroll labelledBy={`${id}-caption`}>
              <table className="table table-cards" aria-busy={archive.isPlaceholderData}>
                <caption id={`${id}-caption`}>{t('caseArchive.caption', { count: archive.data.items.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('caseArchive.student')}</th>
                    <th scope="col">{col.closedAt}</th>
                    <th scope="col">{col.outcome}</th>
                    <th scope="col">{col.school}</th>
                    <th scope="col">{col.owner}</th>
                    <th scope="col">{col.case}</th>
                  </tr>
                </thead>
                <tbody>
                  {archive.data.items.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link to={`/studenti/${c.student.id}`}>
                          {c.student.lastName} {c.student.firstName}
                        </Link>
                        {c.student.className && <span className="hint"> ({c.student.className})</span>}
                      </th>
                      <td data-label={col.closedAt}>
                        {c.closedAt ? formatDate(c.closedAt.slice(0, 10), i18n.language) : t('common.none')}
                      </td>
                      <td data-label={col.outcome}>{c.outcome ? t(`cases.outcome.${c.outcome}`) : t('common.none')}</td>
                      <td data-label={col.school}>
                        <SchoolName name={c.schoolName} code={c.schoolCode} />
                      </td>
                      <td data-label={col.owner}>{c.owner.name}</td>
                      <td data-label={col.case}>
                        <Link to={`/casi/${c.id}`}>{t('cases.caseN', { id: c.id })}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        ))}
    </>
  );
}
