import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Confirmation } from '../../../components/confirmation';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatDateTime } from '../../../lib/format';
import { useCreateCalendarFeed } from '../api/create-calendar-feed';
import { useDeleteCalendarFeed } from '../api/delete-calendar-feed';
import { useCalendarFeed } from '../api/get-calendar-feed';

/**
 * The follow-ups in the phone's calendar: a secret address to subscribe to. It is shown once,
 * right after it is made (the server keeps only its hash); a new one ends the old one.
 */
export function CalendarFeedPanel() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const hintId = useId();
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const remove = useDeleteCalendarFeed();
  const [copied, setCopied] = useState(false);
  const url = create.data ? `${window.location.origin}${create.data.path}` : null;

  async function copy(text: string) {
    await navigator.clipboard?.writeText(text);
    setCopied(true);
  }

  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{t('followUps.feed.title')}</h2>
      <p>{t('followUps.feed.intro')}</p>
      {feed.isPending && <LoadingStatus />}
      {feed.isError && <ErrorAlert error={feed.error} onRetry={() => void feed.refetch()} />}
      {(create.isError || remove.isError) && <ErrorAlert error={create.error ?? remove.error} />}
      {url && create.isSuccess && (
        <Confirmation key={create.submittedAt}>
          <p>{t('followUps.feed.created')}</p>
          <div className="field">
            <label htmlFor={`${headingId}-url`}>{t('followUps.feed.urlLabel')}</label>
            <input
              id={`${headingId}-url`}
              type="text"
              readOnly
              value={url}
              className="feed-url"
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
          <div className="field-actions wrap">
            {/* webcal: opens the phone's calendar app on the subscription */}
            <a className="btn btn-primary link-button" href={url.replace(/^https?:/, 'webcal:')}>
              {t('followUps.feed.subscribe')}
            </a>
            <button type="button" className="btn btn-outline" onClick={() => void copy(url)}>
              {t('followUps.feed.copy')}
            </button>
          </div>
          {copied && <p className="hint">{t('followUps.feed.copied')}</p>}
        </Confirmation>
      )}
      {remove.isSuccess && !feed.data?.active && (
        <Confirmation key={remove.submittedAt}>{t('followUps.feed.deleted')}</Confirmation>
      )}
      {feed.isSuccess && (
        <>
          <p className="hint">
            {feed.data.active && feed.data.createdAt
              ? `${t('followUps.feed.active', { at: formatDateTime(feed.data.createdAt, i18n.language) })} ${
                  feed.data.lastUsedAt
                    ? t('followUps.feed.lastUsed', { at: formatDateTime(feed.data.lastUsedAt, i18n.language) })
                    : t('followUps.feed.neverUsed')
                }`
              : t('followUps.feed.inactive')}
          </p>
          <div className="field-actions wrap">
            <button
              type="button"
              className="btn btn-outline"
              aria-describedby={feed.data.active ? hintId : undefined}
              disabled={create.isPending}
              onClick={() => {
                setCopied(false);
                remove.reset();
                create.mutate();
              }}
            >
              {t(feed.data.active ? 'followUps.feed.regenerate' : 'followUps.feed.create')}
            </button>
            {feed.data.active && (
              <button
                type="button"
                className="btn btn-outline"
                disabled={remove.isPending}
                onClick={() => {
                  create.reset();
                  remove.mutate();
                }}
              >
                {t('followUps.feed.delete')}
              </button>
            )}
          </div>
          {feed.data.active && (
            <p id={hintId} className="hint">
              {t('followUps.feed.regenerateHint')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
