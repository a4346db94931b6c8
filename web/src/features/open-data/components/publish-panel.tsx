import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OpenDataPreview } from '@primm/shared/contracts/open-data';
import { Confirmation } from '../../../components/confirmation';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { useOpenDataPreview } from '../api/get-preview';
import { usePublishOpenDataRelease } from '../api/publish-release';
import { ReleaseSections } from './release-sections';

/**
 * The admin's side of open data: the table that publishing now would publish, exactly (cells
 * suppressed, columns withheld against earlier releases and why), then the button that publishes
 * it. The button names the previewed data version: if the data moved meanwhile the server refuses.
 */
export function PublishPanel() {
  const { t } = useTranslation();
  const [year, setYear] = useState<string | undefined>(undefined);
  const preview = useOpenDataPreview(year);
  const publish = usePublishOpenDataRelease();
  const selectId = useId();

  if (preview.isPending) return <LoadingStatus />;
  if (preview.isError) return <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />;
  const { data } = preview;

  return (
    <>
      <div className="filters">
        <div className="field">
          <label htmlFor={selectId}>{t('openData.admin.year')}</label>
          <select
            id={selectId}
            value={data.data.schoolYear}
            onChange={(e) => {
              publish.reset();
              setYear(e.target.value);
            }}
          >
            {data.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Comparison preview={data} />
      <h2>{t('openData.admin.previewTitle', { year: data.data.schoolYear })}</h2>
      <p className="hint">{t('openData.symbols', { threshold: data.data.threshold })}</p>
      <ReleaseSections data={data.data} headingLevel={3} />
      <div className="field-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={publish.isPending}
          onClick={() => publish.mutate({ year: data.data.schoolYear, dataVersion: data.dataVersion })}
        >
          {t('openData.admin.publish', { year: data.data.schoolYear })}
        </button>
      </div>
      {publish.isError && <ErrorAlert error={publish.error} />}
      {publish.isSuccess && (
        <Confirmation key={publish.submittedAt}>
          <p className="callout-title">{t('openData.admin.published', { id: publish.data.id })}</p>
          <p>
            <Link to={`/dati?pubblicazione=${publish.data.id}`}>{t('openData.admin.seePublic')}</Link>
          </p>
        </Confirmation>
      )}
    </>
  );
}

/** What the audit against the year's earlier releases found, with the numbers (the admin's eyes only). */
function Comparison({ preview }: { preview: OpenDataPreview }) {
  const { t } = useTranslation();
  if (preview.comparedWith.length === 0) return <p>{t('openData.admin.first')}</p>;
  return (
    <div className={preview.data.withheld.length ? 'callout callout-warning' : 'callout callout-info'}>
      <p className="callout-title">
        {t('openData.admin.compared', { releases: preview.comparedWith.map((r) => r.id).join(', ') })}
      </p>
      {preview.data.withheld.length === 0 ? (
        <p>{t('openData.admin.noConflict')}</p>
      ) : (
        <>
          <p>
            {t('openData.admin.withheld', {
              measures: [...new Set(preview.data.withheld.flatMap((w) => w.measures))]
                .map((m) => t(`openData.measures.${m}`))
                .join(', '),
            })}
          </p>
          <ul>
            {preview.conflicts.slice(0, 10).map((c, i) => (
              <li key={i}>
                {t('openData.admin.conflict', {
                  provinces: c.provinces.join(', '),
                  measures: c.measures.map((m) => t(`openData.measures.${m}`)).join(' + '),
                  difference: c.difference,
                  release: c.releaseId,
                })}
              </li>
            ))}
          </ul>
          {preview.conflicts.length > 10 && <p>{t('openData.admin.more', { count: preview.conflicts.length - 10 })}</p>}
        </>
      )}
    </div>
  );
}
