import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { MunicipalityContacts } from './municipality-contacts';

test('MunicipalityContacts: when the admin records the PEC of a municipality, then the table shows it and says it was saved', async () => {
  const user = userEvent.setup();
  renderWithProviders(<MunicipalityContacts />);
  await user.type(await screen.findByLabelText('Cerca un comune'), 'anco');
  const table = screen.getByRole('table', { name: 'Comuni: 1 mostrato' });

  await user.click(within(table).getByRole('button', { name: 'Modifica i contatti di Ancona' }));
  const pec = screen.getByLabelText('PEC');
  expect(pec).toHaveFocus();
  await user.type(pec, 'Comune.Ancona@Emarche.it');
  await user.type(screen.getByLabelText('Ufficio destinatario'), 'Servizi sociali');
  await user.click(screen.getByRole('button', { name: 'Salva' }));

  expect(await screen.findByText('Contatti di Ancona salvati.')).toBeInTheDocument();
  const row = within(table).getByRole('row', { name: /Ancona/ });
  expect(
    within(row)
      .getAllByRole('cell')
      .slice(0, 3)
      .map((c) => c.textContent),
  ).toEqual(['AN', 'comune.ancona@emarche.it', 'Servizi sociali']);
  expect(within(table).getByRole('button', { name: 'Modifica i contatti di Ancona' })).toHaveFocus();
});

test("MunicipalityContacts: when the PEC is not an e-mail address, then the server's reason is shown and the form stays", async () => {
  const user = userEvent.setup();
  renderWithProviders(<MunicipalityContacts />);

  await user.click(await screen.findByRole('button', { name: 'Modifica i contatti di Jesi' }));
  await user.type(screen.getByLabelText('PEC'), 'comune di jesi');
  await user.click(screen.getByRole('button', { name: 'Salva' }));

  expect(await screen.findByRole('alert')).toHaveTextContent('indirizzo PEC non valido');
  expect(screen.getByRole('heading', { name: 'Contatti di Jesi' })).toBeInTheDocument();
});
