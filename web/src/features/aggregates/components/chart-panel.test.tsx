import { screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import type { ChartModel } from './chart-model';
import { ChartPanel } from './chart-panel';

const years = (share: number | string): ChartModel => ({
  kind: 'line',
  rowHeader: 'Anno scolastico',
  series: [
    { key: 'students', label: 'Studenti', unit: 'count' },
    { key: 'tier2plusShare', label: 'Livello 2 o 3', unit: 'share' },
  ],
  drawn: ['tier2plusShare'],
  rows: [
    { key: '2024/25', label: '2024/25', values: { students: 3000, tier2plusShare: share } },
    { key: '2025/26', label: '2025/26', values: { students: 3100, tier2plusShare: share } },
  ],
});

test('when no value of the drawn series is published, then the table takes the chart’s place and says why', () => {
  renderWithProviders(<ChartPanel title="Andamento" fileName="a.csv" model={years('n.d.')} threshold={10} />);
  expect(screen.getByText('Nessun valore pubblicato da disegnare: ecco la tabella.')).toBeInTheDocument();
  expect(screen.getByRole('table', { name: 'Andamento' })).toBeInTheDocument();
  expect(screen.queryByRole('img')).not.toBeInTheDocument();
});

test('when a value is published, then the chart is drawn (no table until asked)', async () => {
  renderWithProviders(<ChartPanel title="Andamento" fileName="a.csv" model={years(0.2)} threshold={10} />);
  expect(await screen.findByRole('img', { name: /Andamento/ })).toBeInTheDocument();
  expect(screen.queryByText(/Nessun valore pubblicato da disegnare/)).not.toBeInTheDocument();
  expect(screen.queryByRole('table')).not.toBeInTheDocument();
});
