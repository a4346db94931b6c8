import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OpenDataRelease } from '@primm/shared/contracts/open-data';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatDate, toLocale } from '../../../lib/format';
import { useOpenDataRelease } from '../api/get-release';
import { useOpenDataReleases } from '../api/get-releases';
import { ReleaseSections } from './release-sections';

/**
 * `/dati`, public: the releases the admin published, newest first, and one of them in full
 * (`selected`, or the newest), with its downloads. Everything here comes from the public API.
 */
export function OpenDataPage({ selected }: { selected: number | undefined }) {
  const { t, i18n } = useTranslation();
  const list = useOpenDataReleases();
  const releases = list.data?.releases ?? [];
  const id = selected ?? releases[0]?.id;
  const release = useOpenDataRelease(list.data ? id : undefined);
  const language = toLocale(i18n.language);

  if (list.isPending) return <LoadingStatus />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (releases.length === 0) return <EmptyState>{t('openData.none')}</EmptyState>;

  return (
    <>
      <section aria-labelledby="open-data-releases">
        <h2 id="open-data-releases">{t('openData.releases')}</h2>
        <ul className="release-list">
          {releases.map((r) => (
            <li key={r.id}>
              {r.id === id ? (
                <strong aria-current="true">{r.title[language]}</strong>
              ) : (
                <Link to={`/dati?pubblicazione=${r.id}`}>{r.title[language]}</Link>
              )}{' '}
              – {t('openData.publishedOn', { date: formatDate(r.publishedAt.slice(0, 10), i18n.language), id: r.id })}
            </li>
          ))}
        </ul>
      </section>
      {release.isPending ? (
        <LoadingStatus />
      ) : release.isError ? (
        <ErrorAlert error={release.error} onRetry={() => void release.refetch()} />
      ) : (
        <ReleaseDetail release={release.data} language={language} />
      )}
    </>
  );
}

function ReleaseDetail({ release, language }: { release: OpenDataRelease; language: 'it' | 'en' }) {
  const { t, i18n } = useTranslation();
  const { metadata } = release;
  const csv = metadata.distribution.find((d) => d.format === 'CSV')!;
  const json = metadata.distribution.find((d) => d.format === 'JSON')!;
  return (
    <section aria-labelledby="open-data-release">
      <h2 id="open-data-release">{metadata.title[language]}</h2>
      <p>{metadata.description[language]}</p>
      <dl className="facts">
        <dt>{t('openData.meta.publisher')}</dt>
        <dd>{metadata.publisher.name}</dd>
        <dt>{t('openData.meta.license')}</dt>
        <dd>
          <a href={metadata.license.uri} rel="license">
            {metadata.license.name}
          </a>
        </dd>
        <dt>{t('openData.meta.temporal')}</dt>
        <dd>
          {formatDate(metadata.temporal.startDate, i18n.language)} –{' '}
          {formatDate(metadata.temporal.endDate, i18n.language)}
        </dd>
        <dt>{t('openData.meta.frequency')}</dt>
        <dd>{t('openData.meta.irregular')}</dd>
        <dt>{t('openData.meta.modified')}</dt>
        <dd>{formatDate(metadata.modified.slice(0, 10), i18n.language)}</dd>
      </dl>
      <h3>{t('openData.downloads')}</h3>
      <ul className="downloads">
        <li>
          <a className="btn btn-primary" href={csv.downloadURL} download>
            {t('openData.download.csv')}
          </a>
        </li>
        <li>
          <a className="btn btn-outline" href={json.downloadURL}>
            {t('openData.download.json')}
          </a>
        </li>
        <li>
          <a className="btn btn-outline" href={`/api/open-data/releases/${release.id}/metadata`}>
            {t('openData.download.metadata')}
          </a>
        </li>
        <li>
          <a className="btn btn-outline" href="/api/open-data/schema">
            {t('openData.download.schema')}
          </a>
        </li>
      </ul>
      <p className="hint">{t('openData.symbols', { threshold: release.data.threshold })}</p>
      {release.data.withheld.map((w) => (
        <div key={w.measures.join()} className="callout callout-info">
          <p className="callout-title">{t('openData.withheld.title')}</p>
          <p>
            {t('openData.withheld.text', {
              measures: w.measures.map((m) => t(`openData.measures.${m}`)).join(', '),
              releases: w.releaseIds.join(', '),
              threshold: release.data.threshold,
            })}
          </p>
        </div>
      ))}
      <ReleaseSections data={release.data} headingLevel={3} />
    </section>
  );
}
