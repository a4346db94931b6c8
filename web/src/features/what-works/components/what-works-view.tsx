import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cell } from '@primm/shared/contracts/aggregates';
import { WhatWorksBy, type EffectEstimate, type EffectRow, type WhatWorks } from '@primm/shared/contracts/what-works';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { TableScroll } from '../../../components/table-scroll';
import { useWhatWorks } from '../api/get-what-works';
import { attendanceIntervals } from './effect-chart-data';
import { EffectChart } from './effect-chart';
import { ParticipantsSection } from './participants-section';

/** "Cosa funziona" (issue 22): estimates with intervals, outcomes, timing and participants' views. */
export function WhatWorksView() {
  const { t } = useTranslation();
  const id = useId();
  const [by, setBy] = useState<WhatWorksBy>('none');
  const query = useWhatWorks(by);
  return (
    <>
      <p className="callout callout-danger" role="note">
        {t('whatWorks.warning')}
      </p>
      <div className="field">
        <label htmlFor={`${id}-by`}>{t('whatWorks.by')}</label>
        <select id={`${id}-by`} value={by} onChange={(e) => setBy(WhatWorksBy.parse(e.target.value))}>
          {WhatWorksBy.options.map((o) => (
            <option key={o} value={o}>
              {t(`whatWorks.byOptions.${o}`)}
            </option>
          ))}
        </select>
      </div>
      {query.isPending ? (
        <LoadingStatus />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <WhatWorksBody data={query.data} />
      )}
    </>
  );
}

function WhatWorksBody({ data }: { data: WhatWorks }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const number = (v: number, digits: number) =>
    new Intl.NumberFormat(i18n.language, {
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
      signDisplay: 'exceptZero',
    }).format(v);
  const cell = (c: Cell) => (typeof c === 'number' ? new Intl.NumberFormat(i18n.language).format(c) : c);
  const estimate = (e: EffectEstimate | null, scale: number, digits: number) =>
    e
      ? t('whatWorks.effects.interval', {
          estimate: number(e.estimate * scale, digits),
          low: number(e.low * scale, digits),
          high: number(e.high * scale, digits),
        })
      : t('whatWorks.effects.notShown');
  const typeLabel = (r: { actionType: string }) => t(`cases.actionType.${r.actionType}`);
  const groupLabel = (r: EffectRow) =>
    r.group === null
      ? ''
      : data.by === 'citizenship'
        ? t(`regional.domain.citizenshipGroup.${r.group.key}`, { defaultValue: r.group.label })
        : r.group.label;
  const rowLabel = (r: EffectRow) => (r.group ? `${typeLabel(r)} – ${groupLabel(r)}` : typeLabel(r));
  const chart = attendanceIntervals(data.effects, rowLabel);
  const ftaDays = data.flagToAction.days;

  return (
    <>
      <p>
        {data.scope === 'region' ? t('whatWorks.scopeRegion') : t('whatWorks.scopeSchools')} · {t('whatWorks.year')}{' '}
        {data.year}
      </p>
      <p className="hint">
        {t('whatWorks.suppression', {
          threshold: data.threshold,
          iterations: data.bootstrap.iterations,
          seed: data.bootstrap.seed,
        })}{' '}
        {data.lastDay && t('whatWorks.lastDay', { date: new Date(data.lastDay).toLocaleDateString(i18n.language) })}
      </p>

      <section aria-labelledby={`${id}-effects`} className="section">
        <h2 id={`${id}-effects`}>{t('whatWorks.effects.heading')}</h2>
        {data.effects.length === 0 ? (
          <p>{t('whatWorks.effects.empty')}</p>
        ) : (
          <>
            {chart.points.length > 0 && (
              <>
                <h3>{t('whatWorks.effects.chartHeading')}</h3>
                <EffectChart {...chart} />
              </>
            )}
            <TableScroll labelledBy={`${id}-effects-caption`}>
              <table className="table table-compact">
                <caption id={`${id}-effects-caption`}>{t('whatWorks.effects.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('whatWorks.effects.type')}</th>
                    {data.by !== 'none' && <th scope="col">{t('whatWorks.effects.group')}</th>}
                    <th scope="col" className="num">
                      {t('whatWorks.effects.cases')}
                    </th>
                    <th scope="col" className="num">
                      {t('whatWorks.effects.comparison')}
                    </th>
                    <th scope="col">{t('whatWorks.effects.attendance')}</th>
                    <th scope="col">{t('whatWorks.effects.average')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.effects.map((r) => (
                    <tr key={`${r.actionType}|${r.group?.key ?? ''}`}>
                      <th scope="row">{typeLabel(r)}</th>
                      {data.by !== 'none' && <td>{groupLabel(r)}</td>}
                      <td className="num">{cell(r.cases)}</td>
                      <td className="num">{cell(r.comparison)}</td>
                      <td>{estimate(r.attendance, 100, 1)}</td>
                      <td>{estimate(r.average, 1, 2)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        )}
      </section>

      <section aria-labelledby={`${id}-outcomes`} className="section">
        <h2 id={`${id}-outcomes`}>{t('whatWorks.outcomes.heading')}</h2>
        <TableScroll labelledBy={`${id}-outcomes-caption`}>
          <table className="table table-compact">
            <caption id={`${id}-outcomes-caption`}>{t('whatWorks.outcomes.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('whatWorks.effects.type')}</th>
                {(['closed', 'backOnTrack', 'reorientedArrived', 'leftEducation', 'other'] as const).map((k) => (
                  <th key={k} scope="col" className="num">
                    {t(`whatWorks.outcomes.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.outcomes.map((r) => (
                <tr key={r.actionType}>
                  <th scope="row">{typeLabel(r)}</th>
                  <td className="num">{cell(r.closed)}</td>
                  <td className="num">{cell(r.backOnTrack)}</td>
                  <td className="num">{cell(r.reorientedArrived)}</td>
                  <td className="num">{cell(r.leftEducation)}</td>
                  <td className="num">{cell(r.other)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby={`${id}-fta`} className="section">
        <h2 id={`${id}-fta`}>{t('whatWorks.flagToAction.heading')}</h2>
        <p>
          {ftaDays
            ? t('whatWorks.flagToAction.text', {
                median: number(ftaDays.median, 0).replace('+', ''),
                q1: number(ftaDays.q1, 0).replace('+', ''),
                q3: number(ftaDays.q3, 0).replace('+', ''),
                cases: cell(data.flagToAction.cases),
              })
            : t('whatWorks.flagToAction.suppressed', { threshold: data.threshold })}
        </p>
      </section>

      <ParticipantsSection participants={data.participants} />
    </>
  );
}
