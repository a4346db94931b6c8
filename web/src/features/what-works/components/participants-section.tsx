import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cell } from '@primm/shared/contracts/aggregates';
import type { ParticipantRow } from '@primm/shared/contracts/what-works';
import { TableScroll } from '../../../components/table-scroll';

/**
 * The participants' views by action type and perspective: how many, the average "helped" (1–5)
 * and the answer chosen most, counts suppressed under the threshold by the server, never a
 * person's words (the views hold no free text). On "Cosa funziona" and in the printable report.
 */
export function ParticipantsSection({ participants, level = 2 }: { participants: ParticipantRow[]; level?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const Heading = `h${level}` as const;
  const cell = (c: Cell) => (typeof c === 'number' ? new Intl.NumberFormat(i18n.language).format(c) : c);
  const average = (v: number) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(v);
  return (
    <section aria-labelledby={`${id}-participants`} className="section">
      <Heading id={`${id}-participants`}>{t('whatWorks.participants.heading')}</Heading>
      {participants.length === 0 ? (
        <p>{t('whatWorks.participants.empty')}</p>
      ) : (
        <TableScroll labelledBy={`${id}-participants-caption`}>
          <table className="table table-compact">
            <caption id={`${id}-participants-caption`}>{t('whatWorks.participants.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('whatWorks.effects.type')}</th>
                <th scope="col">{t('whatWorks.participants.perspective')}</th>
                <th scope="col" className="num">
                  {t('whatWorks.participants.views')}
                </th>
                <th scope="col" className="num">
                  {t('whatWorks.participants.average')}
                </th>
                <th scope="col">{t('whatWorks.participants.mostChosen')}</th>
              </tr>
            </thead>
            <tbody>
              {participants.map((r) => {
                const top = Object.entries(r.helpedMost)
                  .filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0)
                  .sort((a, b) => b[1] - a[1])[0];
                return (
                  <tr key={`${r.actionType}|${r.perspective}`}>
                    <th scope="row">{t(`cases.actionType.${r.actionType}`)}</th>
                    <td>{t(`whatWorks.perspective.${r.perspective}`)}</td>
                    <td className="num">{cell(r.views)}</td>
                    <td className="num">{r.averageHelped === null ? '–' : average(r.averageHelped)}</td>
                    <td>{top ? `${t(`whatWorks.helpedMost.${top[0]}`)} (${cell(top[1])})` : '–'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
