import { useTranslation } from 'react-i18next';
import type { Cell } from '@primm/shared/contracts/aggregates';
import { OPEN_DATA_SECTIONS, type OpenDataTable } from '@primm/shared/contracts/open-data';
import { ChartBesideTable } from '../../../components/chart-beside-table';
import { TableScroll } from '../../../components/table-scroll';
import { formatNumber } from '../../../lib/format';
import { shareBars } from './share-bars-data';
import { ShareBars } from './share-bars';
import './open-data.css';

type Section = keyof typeof OPEN_DATA_SECTIONS;
/** The partitions get a chart of shares beside their table; the others a table. */
const CHARTED: readonly Section[] = ['levels', 'attendance'];

/** The sections of a release (or of the admin's preview): one heading each, a table, a chart where shares mean something. */
export function ReleaseSections({ data, headingLevel = 2 }: { data: OpenDataTable; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const H = `h${headingLevel}` as const;
  const region = t('openData.region');
  const show = (c: Cell | undefined) => (typeof c === 'number' ? formatNumber(c, i18n.language) : (c ?? ''));
  const rows = [
    ...data.rows.map((r) => ({ key: r.province, label: r.provinceName, values: r.values })),
    { key: 'total', label: region, values: data.total },
  ];

  return (
    <>
      {(Object.keys(OPEN_DATA_SECTIONS) as Section[]).map((section) => {
        const measures = OPEN_DATA_SECTIONS[section];
        const caption = t('openData.tableCaption', { what: t(`openData.sections.${section}`), year: data.schoolYear });
        const columns = [
          { label: t('openData.province') },
          ...measures.map((m) => ({ label: t(`openData.measures.${m}`), numeric: true })),
        ];
        const tableRows = rows.map((r) => ({
          key: r.key,
          header: r.label,
          cells: measures.map((m) => ({ value: show(r.values[m]) })),
        }));
        return (
          <section key={section} aria-labelledby={`open-data-${section}`}>
            <H id={`open-data-${section}`}>{t(`openData.sections.${section}`)}</H>
            {CHARTED.includes(section) ? (
              <ChartBesideTable
                chart={
                  <ShareBars
                    title={t('openData.chart.title', { what: t(`openData.sections.${section}`) })}
                    bars={shareBars(data, measures, region)}
                    measures={measures}
                  />
                }
                caption={caption}
                columns={columns}
                rows={tableRows}
              />
            ) : (
              <PlainTable caption={caption} id={`open-data-${section}-caption`} columns={columns} rows={tableRows} />
            )}
          </section>
        );
      })}
    </>
  );
}

function PlainTable({
  caption,
  id,
  columns,
  rows,
}: {
  caption: string;
  id: string;
  columns: { label: string; numeric?: boolean }[];
  rows: { key: string; header: string; cells: { value: string | number }[] }[];
}) {
  return (
    <TableScroll labelledBy={id}>
      <table className="table table-compact">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.header}</th>
              {r.cells.map((cell, i) => (
                <td key={i} className="num">
                  {cell.value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
