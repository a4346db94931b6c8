import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { CalendarFeedPanel } from './calendar-feed-panel';

test('CalendarFeedPanel: when an address is made, then it is shown once with a subscribe link, and focused; a new one replaces it; switching off ends it', async () => {
  const user = userEvent.setup();
  renderWithProviders(<CalendarFeedPanel />);
  expect(await screen.findByText('Nessun indirizzo attivo.')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: "Crea l'indirizzo del calendario" }));

  const made = await screen.findByRole('status');
  expect(made).toHaveFocus();
  const url = within(made).getByRole('textbox', { name: 'Indirizzo del calendario' });
  expect(url).toHaveValue(`${window.location.origin}/api/calendar/${'A'.repeat(43)}.ics`);
  expect(within(made).getByRole('link', { name: 'Aggiungi al calendario del telefono' })).toHaveAttribute(
    'href',
    `webcal://${window.location.host}/api/calendar/${'A'.repeat(43)}.ics`,
  );
  expect(screen.getByText(/Il calendario non l'ha ancora letto./)).toBeInTheDocument();

  const regenerate = screen.getByRole('button', { name: 'Crea un nuovo indirizzo' });
  expect(regenerate).toHaveAccessibleDescription(/Quello attuale smette subito di funzionare/);
  await user.click(regenerate);
  expect(
    await within(screen.getByRole('status')).findByDisplayValue(
      `${window.location.origin}/api/calendar/${'B'.repeat(43)}.ics`,
    ),
  ).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: "Disattiva l'indirizzo" }));
  expect(await screen.findByText(/Indirizzo disattivato/)).toHaveFocus();
  expect(screen.queryByRole('textbox', { name: 'Indirizzo del calendario' })).not.toBeInTheDocument();
  expect(screen.getByText('Nessun indirizzo attivo.')).toBeInTheDocument();
});
