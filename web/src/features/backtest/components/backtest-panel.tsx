import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useBacktest } from '../api/get-backtest';
import { useBacktestRun } from '../api/get-backtest-run';
import { useSaveBacktest } from '../api/save-backtest';
import { useStartBacktestRun } from '../api/start-backtest-run';
import { BacktestReportView } from './backtest-report';

const MONTH_DAY = /^\d{2}-\d{2}$/;

/**
 * Runs the backtest on a past year and shows its progress (the server works a school at a time and
 * the page polls), then its report, which the admin may save as the region's legend. The latest
 * run is shown on arrival, still running or not.
 */
export function BacktestPanel() {
  const { t, i18n } = useTranslation();
  const overview = useBacktest();
  const start = useStartBacktestRun();
  const save = useSaveBacktest();
  const [startedId, setStartedId] = useState<number | null>(null);
  const run = useBacktestRun(startedId ?? overview.data?.latestRun?.id ?? null);
  const [year, setYear] = useState('');
  const [monthDay, setMonthDay] = useState('');
  const [monthDayError, setMonthDayError] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);
  const ids = { year: useId(), day: useId(), dayHint: useId(), dayError: useId() };

  useEffect(() => {
    if (save.isSuccess) savedRef.current?.focus();
  }, [save.isSuccess]);

  if (overview.isPending) return <LoadingStatus />;
  if (overview.isError) return <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />;
  const years = overview.data.years;
  const chosenYear = year || years[0]?.schoolYear || '';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const day = monthDay.trim();
    if (day !== '' && !MONTH_DAY.test(day)) {
      setMonthDayError(true);
      document.getElementById(ids.day)?.focus();
      return;
    }
    setMonthDayError(false);
    save.reset();
    start.mutate(
      { schoolYear: chosenYear, ...(day ? { monthDay: day } : {}) },
      { onSuccess: (r) => setStartedId(r.id) },
    );
  }

  const current = run.data;
  const running = start.isPending || current?.status === 'running';
  return (
    <section aria-labelledby="backtest-heading" className="form-card">
      <h2 id="backtest-heading">{t('backtest.run.title')}</h2>
      <p>{t('backtest.run.intro')}</p>
      {years.length === 0 ? (
        <p>{t('backtest.run.noYears')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={ids.year}>{t('backtest.run.year')}</label>
            <select id={ids.year} value={chosenYear} onChange={(e) => setYear(e.target.value)}>
              {years.map((y) => (
                <option key={y.schoolYear} value={y.schoolYear}>
                  {t(`backtest.run.yearOption.${y.source}`, { year: y.schoolYear })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.day}>{t('backtest.run.monthDay')}</label>
            <input
              id={ids.day}
              value={monthDay}
              inputMode="numeric"
              placeholder={t('backtest.run.monthDayPlaceholder')}
              aria-describedby={monthDayError ? `${ids.dayError} ${ids.dayHint}` : ids.dayHint}
              aria-invalid={monthDayError || undefined}
              onChange={(e) => setMonthDay(e.target.value)}
            />
            {monthDayError && (
              <p id={ids.dayError} className="field-error">
                {t('backtest.run.monthDayInvalid')}
              </p>
            )}
            <p id={ids.dayHint} className="hint">
              {t('backtest.run.monthDayHint')}
            </p>
          </div>
          <div className="field-actions">
            <button type="submit" className="btn btn-primary" disabled={running}>
              {t('backtest.run.button')}
            </button>
          </div>
        </form>
      )}
      {start.isError && <ErrorAlert error={start.error} />}
      {run.isError && <ErrorAlert error={run.error} onRetry={() => void run.refetch()} />}

      {current?.status === 'running' && (
        <div role="status" className="backtest-progress">
          <label>
            {t('backtest.run.progress', { done: current.done, total: current.total, year: current.schoolYear })}
            <progress value={current.done} max={Math.max(current.total, 1)} />
          </label>
        </div>
      )}
      {current?.status === 'failed' && (
        <div role="alert" className="callout callout-danger">
          <p className="callout-title">{t('backtest.run.failed', { year: current.schoolYear })}</p>
        </div>
      )}
      {current?.status === 'done' && current.report && (
        <section aria-labelledby="backtest-result-heading">
          <h3 id="backtest-result-heading">
            {t('backtest.run.result', {
              year: current.schoolYear,
              at: formatDateTime(current.finishedAt ?? current.startedAt, i18n.language),
            })}
          </h3>
          <BacktestReportView report={current.report} />
          {current.savedAt ? (
            <div role="status" tabIndex={-1} ref={savedRef} className="callout callout-success">
              <p className="callout-title">
                {t('backtest.run.saved', { at: formatDateTime(current.savedAt, i18n.language) })}
              </p>
              {current.savedVersion !== null && (
                <p>{t('backtest.run.savedModel', { version: current.savedVersion })}</p>
              )}
            </div>
          ) : (
            <div className="field-actions">
              <button
                type="button"
                className="btn btn-primary"
                disabled={save.isPending}
                onClick={() => save.mutate(current.id)}
              >
                {t('backtest.run.save')}
              </button>
            </div>
          )}
          {save.isError && <ErrorAlert error={save.error} />}
          <p className="hint">{t('backtest.run.students', { n: formatNumber(current.report.n, i18n.language) })}</p>
        </section>
      )}
    </section>
  );
}
