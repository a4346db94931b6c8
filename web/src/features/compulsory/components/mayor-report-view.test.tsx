import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { Component as MayorReportPage } from '../../../app/routes/mayor-report';
import { weekdaysBefore } from '../../../testing/fixtures';
import { formatDate } from '../../../lib/format';
import { renderWithProviders } from '../../../testing/render';

test('Mayor report page: when the report is due, then the letter lists the counted days and the legal basis, and the button prints', async () => {
  const user = userEvent.setup();
  const print = vi.spyOn(window, 'print').mockImplementation(() => {});
  renderWithProviders(<MayorReportPage />, {
    path: '/studenti/:id/segnalazione',
    route: '/studenti/1007/segnalazione',
  });

  const letter = await screen.findByRole('article', { name: 'Lettera al sindaco' });
  expect(letter).toHaveAttribute('lang', 'it');
  expect(within(letter).getByText('Al Sindaco del Comune di Falconara Marittima')).toBeInTheDocument();
  const days = within(letter)
    .getAllByRole('listitem')
    .map((li) => li.textContent);
  expect(days).toEqual(weekdaysBefore(-25, 16).map((d) => formatDate(d)));
  expect(letter).toHaveTextContent('art. 114 D.Lgs 16 aprile 1994, n. 297');
  expect(letter).toHaveTextContent('Il Dirigente scolastico');

  await user.click(screen.getByRole('button', { name: 'Stampa / salva in PDF' }));

  expect(print).toHaveBeenCalledOnce();
  print.mockRestore();
});

test('Mayor report page: when no report is due, then it says so instead of a letter', async () => {
  renderWithProviders(<MayorReportPage />, {
    path: '/studenti/:id/segnalazione',
    route: '/studenti/1005/segnalazione',
  });

  expect(await screen.findByText('Per questo studente non è dovuta una segnalazione al sindaco.')).toBeInTheDocument();
  expect(screen.queryByRole('article')).not.toBeInTheDocument();
});
