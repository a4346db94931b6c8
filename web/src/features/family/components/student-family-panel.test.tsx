import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { aStudentFamily } from '../../../testing/mediator-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { StudentFamilyPanel } from './student-family-panel';

test('StudentFamilyPanel: when recorded, then the language in Italian and in its own name (marked as that language), the interpreter, who and when', async () => {
  renderWithProviders(<StudentFamilyPanel studentId={1002} />);

  const panel = await screen.findByRole('region', { name: 'Famiglia' });
  const facts = await within(panel).findAllByRole('definition');
  expect(facts.map((dd) => dd.textContent)).toEqual(['albanese (shqip)', 'No']);
  expect(within(panel).getByText('shqip')).toHaveAttribute('lang', 'sq');
  expect(within(panel).getByText(/Aggiornato da Mediatore dimostrativo il 20\/01\/2026/)).toBeInTheDocument();
});

test('StudentFamilyPanel: when a mediator changes the language and the interpreter, then they are saved and the confirmation takes the focus', async () => {
  const user = userEvent.setup();
  let sent: unknown;
  server.use(
    http.put('/api/students/:id/family', async ({ request }) => {
      sent = await request.json();
      return HttpResponse.json(
        aStudentFamily({
          language: 'ar',
          interpreterNeeded: true,
          updatedAt: '2026-03-10T09:00:00.000Z',
          updatedBy: { id: 4, name: 'Mediatore dimostrativo' },
        }),
      );
    }),
  );
  renderWithProviders(<StudentFamilyPanel studentId={1002} />);
  await user.click(await screen.findByRole('button', { name: 'Modifica' }));
  const form = screen.getByRole('form', { name: 'Famiglia' });

  await user.selectOptions(within(form).getByRole('combobox', { name: 'Lingua in cui legge la famiglia' }), 'arabo');
  await user.click(within(form).getByRole('radio', { name: 'Sì' }));
  await user.click(within(form).getByRole('button', { name: 'Salva' }));

  expect(await screen.findByRole('status')).toHaveFocus();
  expect(screen.getByRole('status')).toHaveTextContent('Dati della famiglia salvati.');
  expect(sent).toEqual({ language: 'ar', interpreterNeeded: true });
  expect(screen.getAllByRole('definition').map((dd) => dd.textContent)).toEqual(['arabo (العربية)', 'Sì']);
});

test('StudentFamilyPanel: when the user may not change it (a teacher), then no edit button, and who does is said', async () => {
  server.use(http.get('/api/students/:id/family', () => HttpResponse.json(aStudentFamily({ canEdit: false }))));

  renderWithProviders(<StudentFamilyPanel studentId={1002} />);

  expect(
    await screen.findByText('Li aggiornano i mediatori e i referenti della scuola dello studente.'),
  ).toBeInTheDocument();
  expect(screen.getAllByRole('definition').map((dd) => dd.textContent)).toEqual(['non indicato', 'non indicato']);
  expect(screen.queryByRole('button', { name: 'Modifica' })).not.toBeInTheDocument();
});

test('StudentFamilyPanel: when the edit is cancelled, then nothing is sent and the focus returns to Modifica', async () => {
  const user = userEvent.setup();
  renderWithProviders(<StudentFamilyPanel studentId={1002} />);
  await user.click(await screen.findByRole('button', { name: 'Modifica' }));

  await user.click(screen.getByRole('button', { name: 'Annulla' }));

  expect(screen.getByRole('button', { name: 'Modifica' })).toHaveFocus();
  expect(screen.queryByRole('form', { name: 'Famiglia' })).not.toBeInTheDocument();
});
