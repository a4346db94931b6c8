import { render, screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ChartBesideTable } from './chart-beside-table';

test('ChartBesideTable: when given columns and rows, then a captioned table with row headers and numeric cells beside the chart', () => {
  render(
    <ChartBesideTable
      chart={<p>grafico</p>}
      caption="Presenze per settimana"
      columns={[{ label: 'Settimana' }, { label: 'Ore', numeric: true }, { label: 'Nota' }]}
      rows={[
        { key: 'a', header: '06/10/2025', cells: [{ value: '30' }, { value: 'ok' }] },
        { key: 'b', header: '13/10/2025', cells: [{ value: '24' }, { value: 'sotto', className: 'below-pass' }] },
      ]}
    />,
  );

  expect(screen.getByText('grafico')).toBeTruthy();
  const table = screen.getByRole('table', { name: 'Presenze per settimana' });
  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
  ).toEqual(['Settimana', 'Ore', 'Nota']);
  expect(
    within(table)
      .getAllByRole('rowheader')
      .map((h) => h.textContent),
  ).toEqual(['06/10/2025', '13/10/2025']);
  expect(within(table).getByText('24').className).toBe('num');
  expect(within(table).getByText('ok').className).toBe('');
  expect(within(table).getByText('sotto').className).toBe('below-pass');
});
