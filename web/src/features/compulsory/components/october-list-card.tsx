import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deadlines } from '@primm/shared/contracts/compulsory';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format';
import { useDownloadOctoberList } from '../api/download-october-list';
import { useLoadMunicipalities } from '../api/load-municipalities';

type Props = { schoolCode: string; status: Deadlines['octoberList']; canExport: boolean };

/** The October list (by 31 October, to each municipality of residence): its status and the CSV downloads. */
export function OctoberListCard({ schoolCode, status, canExport }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const download = useDownloadOctoberList();
  const municipalities = useLoadMunicipalities(schoolCode);
  const [municipality, setMunicipality] = useState('');
  const n = (v: number) => formatNumber(v, i18n.language);
  const selectRef = useRef<HTMLSelectElement>(null);

  // the button that loaded the municipalities is gone: the focus goes to the choice it revealed
  useEffect(() => {
    if (municipalities.isSuccess) selectRef.current?.focus();
  }, [municipalities.isSuccess]);

  function downloadOne(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (municipality) download.mutate({ schoolCode, municipality });
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="section card october-card">
      <h2 id={`${id}-heading`}>{t('compulsory.october.title')}</h2>
      <p>{t('compulsory.october.intro')}</p>
      <dl className="facts">
        <div>
          <dt>{t('compulsory.october.dueBy')}</dt>
          <dd>{formatDate(status.dueBy, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('compulsory.october.students')}</dt>
          <dd>{n(status.studentsUnderObligation)}</dd>
        </div>
        <div>
          <dt>{t('compulsory.october.municipalities')}</dt>
          <dd>{n(status.municipalities)}</dd>
        </div>
        <div>
          <dt>{t('compulsory.october.lastExport')}</dt>
          <dd>
            {status.lastExportedAt
              ? formatDateTime(status.lastExportedAt, i18n.language)
              : t('compulsory.october.never')}
          </dd>
        </div>
      </dl>
      <p className="callout callout-info">{t('compulsory.october.taxCodeNote')}</p>
      {!canExport ? (
        <p className="hint">{t('compulsory.october.referentOnly')}</p>
      ) : (
        <>
          <div role="status" className="status-line">
            {download.isPending && t('compulsory.october.downloading')}
            {download.isSuccess && t('compulsory.october.downloaded')}
          </div>
          {(download.isError || municipalities.isError) && (
            <ErrorAlert error={download.error ?? municipalities.error} />
          )}
          <div className="field-actions wrap">
            <button
              type="button"
              className="btn btn-primary"
              disabled={download.isPending}
              onClick={() => download.mutate({ schoolCode })}
            >
              {t('compulsory.october.downloadAll')}
            </button>
            {!municipalities.isSuccess && (
              <button
                type="button"
                className="btn btn-outline"
                aria-describedby={`${id}-load-hint`}
                disabled={municipalities.isPending}
                onClick={() => municipalities.mutate()}
              >
                {t('compulsory.october.chooseMunicipalities')}
              </button>
            )}
          </div>
          {!municipalities.isSuccess && (
            <p id={`${id}-load-hint`} className="hint">
              {t('compulsory.october.loadHint')}
            </p>
          )}
          {municipalities.isSuccess &&
            (municipalities.data.length === 0 ? (
              <p className="hint">{t('compulsory.october.noMunicipalities')}</p>
            ) : (
              <form onSubmit={downloadOne} className="filters" aria-label={t('compulsory.october.downloadOne')}>
                <div className="field field-grow">
                  <label htmlFor={`${id}-municipality`}>{t('compulsory.october.municipality')}</label>
                  <select
                    ref={selectRef}
                    id={`${id}-municipality`}
                    value={municipality}
                    onChange={(e) => setMunicipality(e.target.value)}
                  >
                    {/* first option empty on purpose: nothing downloads before a choice */}
                    <option value="">{t('common.none')}</option>
                    {municipalities.data.map((m) => (
                      <option key={m.istat} value={m.istat}>
                        {t('compulsory.october.municipalityOption', {
                          name: m.name,
                          count: m.students,
                          n: formatNumber(m.students, i18n.language),
                        })}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="btn btn-outline" disabled={!municipality || download.isPending}>
                  {t('compulsory.october.downloadOne')}
                </button>
              </form>
            ))}
        </>
      )}
    </section>
  );
}
