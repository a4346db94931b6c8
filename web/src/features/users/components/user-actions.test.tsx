import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { expect, test, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { oneTimePassword } from '../../../testing/handlers/users';
import { server } from '../../../testing/server';
import { BulkCreateUsers } from './bulk-create-users';
import { UserList } from './user-list';

/** Keeps the bodies sent to a route, then lets the default handler answer. */
function record(method: 'patch' | 'post', path: string): unknown[] {
  const bodies: unknown[] = [];
  server.use(
    http[method](path, async ({ request }) => {
      bodies.push(
        await request
          .clone()
          .json()
          .catch(() => null),
      );
    }),
  );
  return bodies;
}

async function renderList() {
  renderWithProviders(<UserList actor={{ id: 1, role: 'admin' }} />);
  return screen.findByRole('table', { name: 'Utenti: 6' });
}

test("UserList: when the admin edits a teacher's name, then the change is sent, announced, and focus returns to the row", async () => {
  const user = userEvent.setup();
  const sent = record('patch', '/api/users/:id');
  const table = await renderList();

  await user.click(within(table).getByRole('button', { name: 'Modifica docente@demo.primm.it' }));
  const name = screen.getByRole('textbox', { name: 'Nome e cognome' });
  expect(name).toHaveFocus();
  await user.clear(name);
  await user.paste('Docente Rinominato');
  await user.click(screen.getByRole('button', { name: 'Salva le modifiche' }));

  expect(await screen.findByText(/Modifiche a docente@demo\.primm\.it salvate/)).toBeInTheDocument();
  expect(sent).toEqual([
    { displayName: 'Docente Rinominato', role: 'docente', schools: [], classIds: [101, 102], municipalities: [] },
  ]);
  expect(await within(table).findByRole('cell', { name: 'Docente Rinominato' })).toBeInTheDocument();
  expect(within(table).getByRole('button', { name: 'Modifica docente@demo.primm.it' })).toHaveFocus();
});

test('UserList: when the admin deactivates a mediator, then a confirmation explains the sessions end, and the row turns disabled', async () => {
  const user = userEvent.setup();
  const table = await renderList();

  await user.click(within(table).getByRole('button', { name: 'Disattiva mediatore@demo.primm.it' }));
  expect(screen.getByRole('heading', { name: 'Disattivare mediatore@demo.primm.it?' })).toHaveFocus();
  expect(screen.getByText(/le sue sessioni aperte terminano subito/)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: "Disattiva l'utente" }));

  expect(
    await screen.findByText('mediatore@demo.primm.it disattivato: le sue sessioni sono terminate.'),
  ).toBeInTheDocument();
  const row = within(table).getByRole('row', { name: /mediatore@demo/ });
  expect(await within(row).findByRole('cell', { name: 'Disattivato' })).toBeInTheDocument();
  expect(within(row).getByRole('button', { name: 'Riattiva mediatore@demo.primm.it' })).toBeInTheDocument();
});

test("UserList: when a new password is asked for, then it is shown once after the confirmation; the admin's own row offers no deactivation", async () => {
  const user = userEvent.setup();
  const table = await renderList();
  expect(within(table).queryByRole('button', { name: 'Disattiva admin@demo.primm.it' })).not.toBeInTheDocument();

  await user.click(within(table).getByRole('button', { name: 'Nuova password monouso per referente@demo.primm.it' }));
  await user.click(screen.getByRole('button', { name: 'Genera la nuova password' }));

  const shown = (await screen.findByText(oneTimePassword)).closest('[role="status"]');
  expect(shown).toHaveTextContent('Nuova password monouso per referente@demo.primm.it.');
  expect(screen.getAllByText(oneTimePassword)).toHaveLength(1);
});

test('BulkCreateUsers: when a CSV has a bad row, then the preview says which and nothing can be created; fixed, the users are created and their passwords can be saved', async () => {
  const user = userEvent.setup();
  const createObjectURL = vi.fn((_blob: Blob) => 'blob:passwords');
  Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {}); // jsdom does not navigate
  renderWithProviders(<BulkCreateUsers />);
  const text = screen.getByRole('textbox', { name: 'Oppure incolla qui il contenuto del CSV' });

  await user.click(text);
  await user.paste('Email;Nome;Ruolo\nanna.verdi@scuola.it;Anna Verdi;docente\nluca@scuola;Luca;bidello');
  await user.click(screen.getByRole('button', { name: 'Anteprima' }));

  expect(await screen.findByText('2 righe lette: 1 valide, 1 da correggere.')).toBeInTheDocument();
  const rows = within(screen.getByRole('table', { name: 'Utenti del file' }))
    .getAllByRole('row')
    .slice(1);
  expect(rows[1]).toHaveTextContent('email: indirizzo email non valido; ruolo non valido: "bidello"');
  expect(screen.getByRole('button', { name: 'Crea 1 utente' })).toBeDisabled();

  await user.clear(text);
  await user.paste('Email;Nome;Ruolo\nanna.verdi@scuola.it;Anna Verdi;docente\nluca@scuola.it;Luca Neri;mediatore');
  await user.click(screen.getByRole('button', { name: 'Anteprima' }));
  await user.click(await screen.findByRole('button', { name: 'Crea 2 utenti' }));

  expect(await screen.findByText('2 utenti creati.')).toBeInTheDocument();
  const passwords = screen.getByRole('table', { name: 'Password monouso degli utenti creati' });
  expect(
    within(passwords)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent),
  ).toEqual(['anna.verdi@scuola.itDocenteOtp1-aaaa-bbbb', 'luca@scuola.itMediatoreOtp2-aaaa-bbbb']);
  await user.click(screen.getByRole('button', { name: 'Scarica le password (CSV)' }));
  expect(click).toHaveBeenCalledOnce();
  const blob = createObjectURL.mock.calls[0]![0];
  const saved = await new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
  expect(saved).toContain('anna.verdi@scuola.it;Anna Verdi;docente;Otp1-aaaa-bbbb');
  click.mockRestore();
});
