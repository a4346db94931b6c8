import { LevelChoice, type LevelPreview } from '@primm/shared/contracts/backtest';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { TableScroll } from '../../../components/table-scroll';
import { formatNumber } from '../../../lib/format';
import { usePreviewLevels } from '../api/preview-levels';
import { useSaveLevels } from '../api/save-levels';
import { CapacityField } from './capacity-field';

type Basis = LevelChoice['basis'];

/** Percent text → share, or null when it is not a number from 0 to 100. */
function shareOf(text: string): number | null {
  const v = Number(text.replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(v) && v >= 0 && v <= 100 ? v / 100 : null;
}

/**
 * The admin chooses how the level is decided, by the rules or by the model's probability with two
 * cut points, on a preview: per school, how many students of this year each level would hold (from
 * stored results, nothing recomputed) beside how many it holds now, and what the saved backtest
 * says each level would have meant. Saving stores a new settings version; each school's capacity
 * ("we can follow N students") is set beside its counts.
 */
export function LevelChooser({ current }: { current: LevelChoice }) {
  const { t, i18n } = useTranslation();
  const preview = usePreviewLevels();
  const save = useSaveLevels();
  const [basis, setBasis] = useState<Basis>(current.basis);
  const [from2, setFrom2] = useState(formatNumber(current.level2From * 100, i18n.language, 1));
  const [from3, setFrom3] = useState(formatNumber(current.level3From * 100, i18n.language, 1));
  const [invalid, setInvalid] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);
  const ids = { from2: useId(), from3: useId(), error: useId() };

  useEffect(() => {
    if (save.isSuccess) savedRef.current?.focus();
  }, [save.isSuccess]);

  const choice = (): LevelChoice | null => {
    const level2From = shareOf(from2);
    const level3From = shareOf(from3);
    const parsed = LevelChoice.safeParse({ basis, level2From, level3From });
    return parsed.success ? parsed.data : null;
  };

  function showPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const c = choice();
    setInvalid(c === null);
    save.reset();
    if (c) preview.mutate(c);
  }

  const shown = preview.data;
  const n = (v: number) => formatNumber(v, i18n.language);
  const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v * 100, i18n.language, 1)} %`);
  return (
    <section aria-labelledby="levels-heading" className="form-card">
      <h2 id="levels-heading">{t('backtest.levels.title')}</h2>
      <p>{t('backtest.levels.intro')}</p>
      <form onSubmit={showPreview} noValidate>
        <fieldset className="radio-group">
          <legend>{t('backtest.levels.basis')}</legend>
          {(['rules', 'probability'] as const).map((b) => (
            <label key={b} className="radio">
              <input type="radio" name="basis" value={b} checked={basis === b} onChange={() => setBasis(b)} />
              {t(`backtest.levels.basisOption.${b}`)}
            </label>
          ))}
        </fieldset>
        {basis === 'probability' && (
          <>
            <div className="field">
              <label htmlFor={ids.from2}>{t('backtest.levels.level2From')}</label>
              <input
                id={ids.from2}
                inputMode="decimal"
                value={from2}
                aria-invalid={invalid || undefined}
                aria-describedby={invalid ? ids.error : undefined}
                onChange={(e) => setFrom2(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.from3}>{t('backtest.levels.level3From')}</label>
              <input
                id={ids.from3}
                inputMode="decimal"
                value={from3}
                aria-invalid={invalid || undefined}
                aria-describedby={invalid ? ids.error : undefined}
                onChange={(e) => setFrom3(e.target.value)}
              />
            </div>
          </>
        )}
        {invalid && (
          <p id={ids.error} className="field-error" role="alert">
            {t('backtest.levels.invalid')}
          </p>
        )}
        <div className="field-actions">
          <button type="submit" className="btn btn-outline" disabled={preview.isPending}>
            {t('backtest.levels.preview')}
          </button>
        </div>
      </form>
      {preview.isError && <ErrorAlert error={preview.error} />}

      {shown && (
        <div aria-busy={preview.isPending}>
          <PreviewTables preview={shown} n={n} pct={pct} onCapacitySaved={() => preview.mutate(shown.choice)} />
          <div className="field-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={save.isPending}
              onClick={() => save.mutate(shown.choice)}
            >
              {t('backtest.levels.save')}
            </button>
          </div>
        </div>
      )}
      {save.isError && <ErrorAlert error={save.error} />}
      {save.isSuccess && (
        <div role="status" tabIndex={-1} ref={savedRef} className="callout callout-success">
          <p className="callout-title">{t('backtest.levels.saved', { version: save.data.version })}</p>
        </div>
      )}
    </section>
  );
}

function PreviewTables({
  preview,
  n,
  pct,
  onCapacitySaved,
}: {
  preview: LevelPreview;
  n: (v: number) => string;
  pct: (v: number | null) => string;
  onCapacitySaved: () => void;
}) {
  const { t } = useTranslation();
  const counts = (now: number, then: number) =>
    now === then ? n(then) : t('backtest.levels.countNow', { count: n(then), now: n(now) });
  return (
    <>
      {preview.backtest ? (
        <TableScroll labelledBy="levels-backtest-caption">
          <table>
            <caption id="levels-backtest-caption">
              {t('backtest.levels.backtestCaption', { year: preview.backtest.schoolYear })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('backtest.report.levels.level')}</th>
                <th scope="col">{t('backtest.report.levels.n')}</th>
                <th scope="col">{t('backtest.report.levels.badRate')}</th>
                <th scope="col">{t('backtest.report.levels.interval')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.backtest.levels.map((l) => (
                <tr key={l.level}>
                  <th scope="row">{t('backtest.levelName', { level: l.level })}</th>
                  <td>{n(l.n)}</td>
                  <td>{pct(l.bad_rate)}</td>
                  <td>{l.ci_low === null || l.ci_high === null ? '—' : `${pct(l.ci_low)} – ${pct(l.ci_high)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t('backtest.levels.noBacktest')}</p>
      )}
      <TableScroll labelledBy="levels-schools-caption">
        <table>
          <caption id="levels-schools-caption">{t('backtest.levels.schoolsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('backtest.levels.school')}</th>
              <th scope="col">{t('backtest.levels.students')}</th>
              {[1, 2, 3].map((level) => (
                <th key={level} scope="col">
                  {t('backtest.levelName', { level })}
                </th>
              ))}
              <th scope="col">{t('backtest.levels.capacity')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('backtest.levels.region')}</th>
              <td>{n(preview.region.students)}</td>
              {preview.region.levels.map((v, i) => (
                <td key={i}>{counts(preview.region.current[i]!, v)}</td>
              ))}
              <td />
            </tr>
            {preview.schools.map((s) => (
              <tr key={s.code}>
                <th scope="row">{`${s.name} (${s.code})`}</th>
                <td>{n(s.students)}</td>
                {s.levels.map((v, i) => (
                  <td key={i}>{counts(s.current[i]!, v)}</td>
                ))}
                <td>
                  <CapacityField code={s.code} name={s.name} capacity={s.capacity} onSaved={onCapacitySaved} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
