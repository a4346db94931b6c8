import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FollowUp } from '@primm/shared/contracts/cases';
import { EmptyState } from '../../../components/empty-state';
import { formatDate } from '../../../lib/format';
import { isPhoneScreen } from '../../../lib/phone-screen';
import { dayOfMonth, formatLongDay, formatMonth, weekdayNames } from './calendar-format';
import { addDays, mondayOf } from '@primm/shared/dates';
import { followUpsByDate, monthStart, monthWeeks, weekDays } from './follow-up-calendar-data';

type View = 'month' | 'week' | 'list';
const VIEWS: View[] = ['month', 'week', 'list'];

/** A phone starts on the list: seven columns of 50 px hold a day number, little more. */
function initialView(): View {
  return isPhoneScreen() ? 'list' : 'month';
}

/**
 * The follow-ups of the caseload as a month or week grid, or as a list. The grid is a plain table
 * (a caption naming the period, the weekdays as column headers, the days as cells) whose only
 * stops are the links of the days that have follow-ups: Tab walks the follow-ups in date order,
 * and a screen reader reads each with its weekday. The list says the same in reading order.
 */
export function FollowUpCalendar({ followUps, today }: { followUps: FollowUp[]; today: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const periodId = useId();
  const [view, setView] = useState<View>(initialView);
  const [cursor, setCursor] = useState(today);
  const byDate = followUpsByDate(followUps);
  const lang = i18n.language;

  const step = (direction: 1 | -1) =>
    setCursor((c) => (view === 'week' ? addDays(mondayOf(c), 7 * direction) : monthStart(c, direction)));
  const week = weekDays(cursor);
  const period =
    view === 'week'
      ? t('followUps.calendar.weekCaption', { from: formatDate(week[0]!, lang), to: formatDate(week[6]!, lang) })
      : t('followUps.calendar.monthCaption', { month: formatMonth(cursor, lang) });

  return (
    <section aria-labelledby={headingId} className="section follow-up-calendar">
      <h2 id={headingId}>{t('followUps.calendar.title')}</h2>
      <div className="calendar-toolbar">
        <div className="view-switch" role="group" aria-label={t('followUps.calendar.views.label')}>
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              className="btn btn-outline btn-small"
              aria-pressed={view === v}
              onClick={() => setView(v)}
            >
              {t(`followUps.calendar.views.${v}`)}
            </button>
          ))}
        </div>
        <div className="calendar-nav">
          <button type="button" className="btn btn-outline btn-small" onClick={() => step(-1)}>
            <span aria-hidden="true">‹ </span>
            {t(`followUps.calendar.previous.${view}`)}
          </button>
          <button type="button" className="btn btn-outline btn-small" onClick={() => setCursor(today)}>
            {t('followUps.calendar.today')}
          </button>
          <button type="button" className="btn btn-outline btn-small" onClick={() => step(1)}>
            {t(`followUps.calendar.next.${view}`)}
            <span aria-hidden="true"> ›</span>
          </button>
        </div>
      </div>
      {/* announced when the period changes, so the buttons say where they led */}
      <p id={periodId} className="calendar-period" aria-live="polite">
        {period}
      </p>
      {view === 'list' ? (
        <FollowUpList
          followUps={followUps.filter((f) => f.date >= monthStart(cursor) && f.date < monthStart(cursor, 1))}
        />
      ) : (
        <table className="calendar" aria-labelledby={periodId}>
          <thead>
            <tr>
              {weekdayNames(week, lang).map((d) => (
                <th key={d.long} scope="col">
                  <abbr title={d.long}>{d.short}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(view === 'week' ? [week.map((iso) => ({ iso, inMonth: true }))] : monthWeeks(cursor)).map((days) => (
              <tr key={days[0]!.iso}>
                {days.map(({ iso, inMonth }) => (
                  <DayCell
                    key={iso}
                    iso={iso}
                    inMonth={inMonth}
                    today={iso === today}
                    followUps={byDate.get(iso) ?? []}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function DayCell({
  iso,
  inMonth,
  today,
  followUps,
}: {
  iso: string;
  inMonth: boolean;
  today: boolean;
  followUps: FollowUp[];
}) {
  const { t, i18n } = useTranslation();
  const classes = [
    'calendar-day',
    inMonth ? '' : 'calendar-day-other',
    today ? 'calendar-day-today' : '',
    followUps.length > 0 ? 'calendar-day-busy' : '',
  ];
  return (
    <td className={classes.filter(Boolean).join(' ')} aria-current={today ? 'date' : undefined}>
      {/* the number for the eye; the full date for a screen reader, which reads the weekday from the column */}
      <span className="calendar-day-number" aria-hidden="true">
        {dayOfMonth(iso)}
      </span>
      <span className="visually-hidden">
        {formatLongDay(iso, i18n.language)}
        {today && `, ${t('followUps.calendar.todayMarker')}`}
        {followUps.length === 0 && `, ${t('followUps.calendar.noEvents')}`}
      </span>
      {followUps.length > 0 && (
        <ul className="calendar-events">
          {followUps.map((f) => (
            <li key={f.actionId}>
              <Link
                to={`/casi/${f.caseId}`}
                className="calendar-event"
                title={t('followUps.calendar.event', {
                  name: `${f.student.lastName} ${f.student.firstName}`,
                  id: f.caseId,
                })}
              >
                <span aria-hidden="true">{f.student.lastName}</span>
                <span className="visually-hidden">
                  {t('followUps.calendar.event', {
                    name: `${f.student.lastName} ${f.student.firstName}`,
                    id: f.caseId,
                  })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </td>
  );
}

function FollowUpList({ followUps }: { followUps: FollowUp[] }) {
  const { t, i18n } = useTranslation();
  if (followUps.length === 0) return <EmptyState>{t('followUps.calendar.empty')}</EmptyState>;
  const days = [...followUpsByDate(followUps)];
  return (
    <ol className="calendar-list">
      {days.map(([iso, items]) => (
        <li key={iso}>
          <p className="calendar-list-day">{formatLongDay(iso, i18n.language)}</p>
          <ul>
            {items.map((f) => (
              <li key={f.actionId}>
                <Link to={`/casi/${f.caseId}`}>
                  {t('followUps.calendar.event', {
                    name: `${f.student.lastName} ${f.student.firstName}`,
                    id: f.caseId,
                  })}
                </Link>
                {' – '}
                {t(`cases.actionType.${f.actionType}`)}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
