import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { errorBody } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { FlagStudentForm } from './flag-student-form';
import { FlagsUnderWay } from './flags-under-way';
import { NoteForm } from './note-form';
import { StudentFlags } from './student-flags';
import { StudentNotes } from './student-notes';

test('FlagStudentForm: when a teacher flags the student, then the body follows the contract, the form closes, its confirmation takes the focus and the list reloads', async () => {
  const user = userEvent.setup();
  const posted: unknown[] = [];
  server.use(
    http.post('/api/students/:id/flags', async ({ request }) => {
      posted.push(await request.clone().json());
    }),
  );
  renderWithProviders(
    <>
      <FlagsUnderWay studentId={1002} />
      <FlagStudentForm studentId={1002} />
      <StudentFlags studentId={1002} />
    </>,
  );
  const list = await screen.findByRole('list', { name: 'Segnalazioni, dalla più recente' });
  expect(within(list).getAllByRole('listitem')).toHaveLength(1);
  expect(screen.queryByRole('form', { name: 'Segnala come a rischio (borderline)' })).not.toBeInTheDocument(); // hidden until asked for
  await user.click(screen.getByRole('button', { name: 'Segnala come a rischio…' }));
  const form = screen.getByRole('form', { name: 'Segnala come a rischio (borderline)' });

  await user.selectOptions(within(form).getByRole('combobox', { name: 'Motivo' }), 'Difficoltà con la lingua italiana');
  await user.click(within(form).getByRole('textbox', { name: 'Descrivi cosa hai notato' }));
  await user.paste('Non capisce le consegne scritte');
  await user.click(within(form).getByRole('button', { name: 'Segnala' }));

  const saved = await screen.findByRole('status');
  expect(saved).toHaveTextContent('Segnalazione registrata.');
  expect(saved).toHaveFocus();
  expect(screen.queryByRole('form', { name: 'Segnala come a rischio (borderline)' })).not.toBeInTheDocument();
  expect(posted).toEqual([{ reasonCode: 'lingua', reason: 'Non capisce le consegne scritte' }]);
  expect(await within(list).findByText('Non capisce le consegne scritte')).toBeInTheDocument();
  expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Difficoltà con la lingua italiana');
  expect(screen.getByText(/^2 aperte; l’ultima: Difficoltà con la lingua italiana/)).toBeInTheDocument();
});

test('FlagStudentForm: when the server refuses (403), then the translated error is shown in the open form', async () => {
  const user = userEvent.setup();
  server.use(http.post('/api/students/:id/flags', () => HttpResponse.json(errorBody('forbidden'), { status: 403 })));
  renderWithProviders(<FlagStudentForm studentId={1002} />);
  await user.click(screen.getByRole('button', { name: 'Segnala come a rischio…' }));
  const form = screen.getByRole('form', { name: 'Segnala come a rischio (borderline)' });

  await user.type(within(form).getByRole('textbox', { name: 'Descrivi cosa hai notato' }), 'assenze');
  await user.click(within(form).getByRole('button', { name: 'Segnala' }));

  expect(await within(form).findByRole('alert')).toHaveTextContent('Non sei autorizzato a vedere questi dati.');
  expect(screen.queryByRole('status')).not.toBeInTheDocument();
});

test('FlagStudentForm: when cancelled, then the form hides and the focus goes back to its button', async () => {
  const user = userEvent.setup();
  renderWithProviders(<FlagStudentForm studentId={1002} />);
  const toggle = screen.getByRole('button', { name: 'Segnala come a rischio…' });
  await user.click(toggle);

  await user.click(screen.getByRole('button', { name: 'Annulla' }));

  expect(screen.queryByRole('form', { name: 'Segnala come a rischio (borderline)' })).not.toBeInTheDocument();
  expect(toggle).toHaveFocus();
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
});

test('NoteForm: when a note is added, then the form closes, its confirmation takes the focus and the list shows it', async () => {
  const user = userEvent.setup();
  renderWithProviders(
    <>
      <NoteForm studentId={1002} />
      <StudentNotes studentId={1002} />
    </>,
  );
  await user.click(screen.getByRole('button', { name: 'Aggiungi una nota…' }));
  const form = screen.getByRole('form', { name: 'Nuova nota' });

  await user.click(within(form).getByRole('textbox', { name: 'Testo della nota' }));
  await user.paste('Colloquio con il padre il 12 marzo');
  await user.click(within(form).getByRole('button', { name: 'Aggiungi la nota' }));

  const saved = await screen.findByRole('status');
  expect(saved).toHaveTextContent('Nota aggiunta.');
  expect(saved).toHaveFocus();
  expect(await screen.findByText('Colloquio con il padre il 12 marzo')).toBeInTheDocument();
});

test('StudentFlags: when the page offers an action on a flag without a case, then it is shown on that flag', async () => {
  renderWithProviders(
    <StudentFlags studentId={1002} renderFlagAction={(f) => <button type="button">Apri da {f.id}</button>} />,
  );

  expect(await screen.findByRole('button', { name: 'Apri da 1' })).toBeInTheDocument();
});
