import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { WorklistQuery, WorklistReason } from '@primm/shared/contracts/worklist';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { SelectFilter } from '../../../components/select-filter';
import { TableScroll } from '../../../components/table-scroll';
import { formatDate } from '../../../lib/format';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useWorklist } from '../api/get-worklist';

const PARAM = { school: 'scuola', reason: 'motivo' } as const;

/** `?scuola=3&motivo=tier3`, each read on its own: a bad value drops only itself. */
function readQuery(params: URLSearchParams): WorklistQuery {
  const school = WorklistQuery.shape.school.safeParse(params.get(PARAM.school) ?? undefined);
  const reason = WorklistReason.safeParse(params.get(PARAM.reason));
  return {
    ...(school.success && school.data !== undefined ? { school: school.data } : {}),
    ...(reason.success ? { reason: reason.data } : {}),
  };
}

/**
 * Level 3 and newly arrived students of the user's schools that nobody has flagged or taken up
 * (issue 19), school by school: each row leads to the student, where a case can be opened.
 */
export function Worklist() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { params, set } = useUrlFilters(PARAM);
  const query = readQuery(params);
  const worklist = useWorklist(query);

  const col = {
    class: t('worklist.class'),
    school: t('worklist.school'),
    why: t('worklist.why'),
    history: t('worklist.history'),
  };
  return (
    <>
      <form className="filters" aria-label={t('worklist.filters.label')} onSubmit={(e) => e.preventDefault()}>
        <SelectFilter
          id={`${id}-school`}
          label={t('worklist.filters.school')}
          allLabel={t('worklist.filters.allSchools')}
          value={query.school}
          options={(worklist.data?.schools ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }))}
          onChange={(value) => set('school', value)}
        />
        <SelectFilter
          id={`${id}-reason`}
          label={t('worklist.filters.reason')}
          allLabel={t('worklist.filters.allReasons')}
          value={query.reason}
          options={WorklistReason.options.map((r) => ({ value: r, label: t(`worklist.reason.${r}`) }))}
          onChange={(value) => set('reason', value)}
        />
      </form>
      {worklist.isPending && <LoadingStatus />}
      {worklist.isError && <ErrorAlert error={worklist.error} onRetry={() => void worklist.refetch()} />}
      {worklist.isSuccess && (
        <>
          {worklist.data.schoolYear && (
            <p className="hint">{t('worklist.schoolYear', { year: worklist.data.schoolYear })}</p>
          )}
          {worklist.data.truncated && (
            <p className="callout callout-warning">{t('worklist.truncated', { count: worklist.data.items.length })}</p>
          )}
          {worklist.data.items.length === 0 ? (
            <EmptyState>{t('worklist.empty')}</EmptyState>
          ) : (
            <TableScroll labelledBy={`${id}-caption`}>
              <table className="table table-cards" aria-busy={worklist.isPlaceholderData}>
                <caption id={`${id}-caption`}>{t('worklist.caption', { count: worklist.data.items.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('worklist.student')}</th>
                    <th scope="col">{col.class}</th>
                    <th scope="col">{col.school}</th>
                    <th scope="col">{col.why}</th>
                    <th scope="col">{col.history}</th>
                  </tr>
                </thead>
                <tbody>
                  {worklist.data.items.map((s) => (
                    <tr key={s.studentId}>
                      <th scope="row">
                        <Link to={`/studenti/${s.studentId}`}>
                          {s.lastName} {s.firstName}
                        </Link>
                      </th>
                      <td data-label={col.class}>
                        <Link to={`/classi/${s.classId}`}>{s.className}</Link>
                      </td>
                      <td data-label={col.school}>
                        {s.school.name} <span className="school-code code">({s.school.code})</span>
                      </td>
                      <td data-label={col.why}>
                        <ul className="plain-list">
                          {s.reasons.map((r) => (
                            <li key={r}>
                              <span className={r === 'tier3' ? 'tier tier-3' : undefined}>
                                {t(`worklist.reason.${r}`)}
                              </span>
                              {r === 'newly_arrived' && s.arrivalDate && (
                                <span className="hint">
                                  {' '}
                                  – {t('worklist.arrived', { date: formatDate(s.arrivalDate, i18n.language) })}
                                </span>
                              )}
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td data-label={col.history}>
                        {s.closedCases > 0
                          ? t('worklist.pastCases', { count: s.closedCases })
                          : t('worklist.noPastCases')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
    </>
  );
}
