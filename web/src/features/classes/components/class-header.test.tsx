import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { ClassHeader } from './class-header';

test('ClassHeader: when the class exists, then school, year and the Monday–Saturday timetable are shown', async () => {
  renderWithProviders(<ClassHeader id={101} />);

  expect(await screen.findByRole('heading', { level: 1, name: 'Classe 3B' })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'IIS Vanvitelli Stracca Angelini' })).toHaveAttribute('href', '/scuole/ANIS00800L');
  expect(screen.getByText('2025/26')).toBeInTheDocument();
  const timetable = screen.getByRole('table', { name: 'Orario settimanale: ore di lezione per giorno' });
  expect(within(timetable).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
    'Lunedì',
    'Martedì',
    'Mercoledì',
    'Giovedì',
    'Venerdì',
    'Sabato',
  ]);
  expect(within(timetable).getAllByRole('cell').map((td) => td.textContent)).toEqual(['6', '6', '5', '5', '5', '5']);
});
