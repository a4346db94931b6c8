import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { clearStaleAnswers, staleAnswerCount, subscribeStaleAnswers } from '../lib/stale-answers';

/**
 * Seconds between two requests while an answer is stale. The server's warm-up after a change
 * takes about 22 s at 200 000 students (docs/performance.md), so a few rounds at most.
 */
export const STALE_RETRY_MS = 5000;

/**
 * Says when some figures on the page are from just before a data change (the server answered
 * `Primm-Stale: 1`), and asks again every few seconds until they are fresh; then it goes away.
 * The live region is always there, so a screen reader hears the sentence when it appears.
 */
export function StaleDataNotice({ retryMs = STALE_RETRY_MS }: { retryMs?: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { pathname } = useLocation();
  const count = useSyncExternalStore(subscribeStaleAnswers, staleAnswerCount);

  // a new page asks its own questions: what the last one left stale says nothing about it
  useEffect(() => clearStaleAnswers, [pathname]);

  useEffect(() => {
    if (count === 0) return;
    const timer = setInterval(() => void queryClient.invalidateQueries({ refetchType: 'active' }), retryMs);
    return () => clearInterval(timer);
  }, [count, queryClient, retryMs]);

  return (
    <div role="status" className="stale-data-notice">
      {count > 0 && <p className="callout callout-info">{t('staleData.notice')}</p>}
    </div>
  );
}
