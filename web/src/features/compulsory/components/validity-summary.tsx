import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { YearValidity } from '@primm/shared/contracts/compulsory';
import { TableScroll } from '../../../components/table-scroll';
import { formatDate, formatNumber } from '../../../lib/format';

/** Colour is never the only cue (WCAG 1.4.1): each badge says its meaning in words, with an icon. */
function Badge({ level, children }: { level: 'ok' | 'attention' | 'high'; children: string }) {
  return (
    <li className={`status-badge level-${level}`}>
      <span aria-hidden="true">{level === 'ok' ? '✓' : level === 'high' ? '▲' : '!'}</span> {children}
    </li>
  );
}

/**
 * DPR 122/2009 art. 14 c. 7: the year counts with ¾ of the personalised hours attended. The hours
 * still available come first; `deroghe` is null for teachers, who never see the reasons.
 */
export function ValiditySummary({ validity: v }: { validity: YearValidity }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const n = (value: number, digits = 0) => formatNumber(value, i18n.language, digits);
  const hours = (value: number) => t('compulsory.panel.validity.hours', { n: n(value, 1) });
  const flagged = v.atRisk || v.invalid || v.evasion;

  return (
    <div className="validity">
      <h3>{t('compulsory.panel.validity.title')}</h3>
      <p className="big-number">
        <span className="big-number-value">{n(v.hoursStillAvailable, 1)}</span>{' '}
        <span>{t('compulsory.panel.validity.available')}</span>
      </p>
      <ul className="status-badges">
        {v.invalid && <Badge level="high">{t('compulsory.panel.validity.invalid')}</Badge>}
        {v.atRisk && !v.invalid && <Badge level="attention">{t('compulsory.panel.validity.atRisk')}</Badge>}
        {v.evasion && <Badge level="high">{t('compulsory.panel.validity.evasion')}</Badge>}
        {!flagged && <Badge level="ok">{t('compulsory.panel.validity.ok')}</Badge>}
      </ul>
      <dl className="inline-facts">
        <dt>{t('compulsory.panel.validity.attended')}</dt>
        <dd>
          {v.attendedShare === null
            ? t('common.none')
            : t('compulsory.panel.validity.attendedShare', { pct: n(v.attendedShare * 100, 1) })}
        </dd>
        <dt>{t('compulsory.panel.validity.annualHours')}</dt>
        <dd>{hours(v.annualHours)}</dd>
        <dt>{t('compulsory.panel.validity.limit')}</dt>
        <dd>{hours(v.limitHours)}</dd>
        <dt>{t('compulsory.panel.validity.counted')}</dt>
        <dd>{hours(v.countedHours)}</dd>
        <dt>{t('compulsory.panel.validity.derogated')}</dt>
        <dd>{hours(v.hoursDerogated)}</dd>
      </dl>
      <p className="hint">{t('compulsory.panel.validity.rule')}</p>
      {v.deroghe &&
        (v.deroghe.length === 0 ? (
          <p className="hint">{t('compulsory.panel.validity.noDeroghe')}</p>
        ) : (
          <TableScroll labelledBy={captionId}>
            <table className="table table-compact">
              <caption id={captionId}>{t('compulsory.panel.validity.deroghe')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('compulsory.panel.validity.derogaDate')}</th>
                  <th scope="col">{t('compulsory.panel.validity.derogaCategory')}</th>
                  <th scope="col" className="num">
                    {t('compulsory.panel.validity.derogaHours')}
                  </th>
                  <th scope="col">{t('compulsory.panel.validity.derogaDecided')}</th>
                </tr>
              </thead>
              <tbody>
                {v.deroghe.map((d, i) => (
                  <tr key={`${d.date}-${i}`}>
                    <th scope="row">{formatDate(d.date, i18n.language)}</th>
                    <td>{d.category}</td>
                    <td className="num">{n(d.hours, 1)}</td>
                    <td>{d.decidedOn ? formatDate(d.decidedOn, i18n.language) : t('common.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ))}
    </div>
  );
}
