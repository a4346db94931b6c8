import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { LetterTemplatesAdmin } from './letter-templates-admin';

const meetingTable = () => screen.findByRole('table', { name: 'Modelli: Invito a un incontro' });

test('LetterTemplatesAdmin: when the admin types an unknown placeholder, then the Italian reason is shown and the form stays', async () => {
  const user = userEvent.setup();
  renderWithProviders(<LetterTemplatesAdmin />);

  await user.click(
    within(await meetingTable()).getByRole('button', { name: 'Modifica Invito a un incontro in arabo' }),
  );
  const body = screen.getByLabelText('Testo');
  expect(body).toHaveAttribute('dir', 'rtl');
  await user.clear(body);
  await user.type(body, 'اللقاء يوم {{{{meetingDate}} في الساعة {{{{ora}}');
  await user.click(screen.getByRole('button', { name: 'Salva' }));

  expect(await screen.findByRole('alert')).toHaveTextContent(
    /^Segnaposto sconosciuto: \{\{ora\}\}\. Per questa lettera sono ammessi: .*\{\{meetingTime\}\}/,
  );
  expect(screen.getByRole('heading', { name: 'Invito a un incontro – arabo' })).toBeInTheDocument();
});

test('LetterTemplatesAdmin: when the admin saves a verified translation, then the preview showed the sample facts and the row is no longer verified', async () => {
  const user = userEvent.setup();
  renderWithProviders(<LetterTemplatesAdmin />);
  const table = await meetingTable();
  await user.click(
    within(table).getByRole('button', { name: 'Segna come verificata: Invito a un incontro in romeno' }),
  );
  await screen.findByText('Traduzione segnata come verificata.');
  const row = () => within(table).getByRole('row', { name: /^romeno/ });
  expect(row()).toHaveTextContent(/Verificata da Amministratore dimostrativo il \d{2}\/\d{2}\/\d{4}/);

  await user.click(within(row()).getByRole('button', { name: 'Modifica Invito a un incontro in romeno' }));
  const body = screen.getByLabelText('Testo');
  await user.clear(body);
  await user.type(body, 'Întâlnirea cu {{{{studentName}} va avea loc pe {{{{meetingDate}}.');
  expect(screen.getByRole('region', { name: 'Anteprima con dati di esempio' })).toHaveTextContent(
    'Întâlnirea cu Rossi Mario va avea loc pe 17/03/2026.',
  );
  await user.click(screen.getByRole('button', { name: 'Salva' }));

  expect(await screen.findByText('Modello salvato: la verifica è stata annullata.')).toBeInTheDocument();
  expect(row()).toHaveTextContent('Non verificata');
  expect(within(row()).getByRole('button', { name: /Segna come verificata/ })).toBeInTheDocument();
});
