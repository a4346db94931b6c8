import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { ClassHeader } from './class-header';

test('ClassHeader: when the class exists, then school, year and hours are one line and the Monday–Saturday timetable opens on demand', async () => {
  const user = userEvent.setup();
  renderWithProviders(<ClassHeader id={101} />);

  expect(await screen.findByRole('heading', { level: 1, name: 'Classe 3B' })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'IIS Vanvitelli Stracca Angelini' })).toHaveAttribute(
    'href',
    '/scuole/ANIS00800L',
  );
  expect(screen.getByText('2025/26')).toBeInTheDocument();
  expect(screen.getByText('ANIS00800L')).toBeInTheDocument();
  const toggle = screen.getByText('Orario settimanale');
  expect(toggle.closest('details')).not.toHaveAttribute('open');

  await user.click(toggle);

  const timetable = screen.getByRole('table', { name: 'Orario settimanale: ore di lezione per giorno' });
  expect(
    within(timetable)
      .getAllByRole('columnheader')
      .map((th) => th.textContent),
  ).toEqual(['Lunedì', 'Martedì', 'Mercoledì', 'Giovedì', 'Venerdì', 'Sabato']);
  expect(
    within(timetable)
      .getAllByRole('cell')
      .map((td) => td.textContent),
  ).toEqual(['6', '6', '5', '5', '5', '5']);
});
