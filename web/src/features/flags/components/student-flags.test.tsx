import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { errorBody } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { StudentFlags } from './student-flags';

test('StudentFlags: when a teacher flags the student, then the body follows the contract and the list reloads with it', async () => {
  const user = userEvent.setup();
  const posted: unknown[] = [];
  server.use(
    http.post('/api/students/:id/flags', async ({ request }) => {
      posted.push(await request.clone().json());
    }),
  );
  renderWithProviders(<StudentFlags studentId={1002} />);
  const list = await screen.findByRole('list', { name: 'Segnalazioni, dalla più recente' });
  expect(within(list).getAllByRole('listitem')).toHaveLength(1);
  const form = screen.getByRole('form', { name: 'Segnala come a rischio (borderline)' });

  await user.selectOptions(within(form).getByRole('combobox', { name: 'Motivo' }), 'Difficoltà con la lingua italiana');
  await user.type(within(form).getByRole('textbox', { name: 'Descrivi cosa hai notato' }), 'Non capisce le consegne scritte');
  await user.click(within(form).getByRole('button', { name: 'Segnala' }));

  expect(await within(form).findByRole('status')).toHaveTextContent('Segnalazione registrata.');
  expect(posted).toEqual([{ reasonCode: 'lingua', reason: 'Non capisce le consegne scritte' }]);
  expect(await within(list).findByText('Non capisce le consegne scritte')).toBeInTheDocument();
  expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Difficoltà con la lingua italiana');
});

test('StudentFlags: when the server refuses (403), then the translated error is shown', async () => {
  const user = userEvent.setup();
  server.use(http.post('/api/students/:id/flags', () => HttpResponse.json(errorBody('forbidden'), { status: 403 })));
  renderWithProviders(<StudentFlags studentId={1002} />);
  const form = screen.getByRole('form', { name: 'Segnala come a rischio (borderline)' });

  await user.type(within(form).getByRole('textbox', { name: 'Descrivi cosa hai notato' }), 'assenze');
  await user.click(within(form).getByRole('button', { name: 'Segnala' }));

  expect(await within(form).findByRole('alert')).toHaveTextContent('Non sei autorizzato a vedere questi dati.');
});

test('StudentFlags: when the page offers an action on a flag without a case, then it is shown on that flag', async () => {
  renderWithProviders(<StudentFlags studentId={1002} renderFlagAction={(f) => <button type="button">Apri da {f.id}</button>} />);

  expect(await screen.findByRole('button', { name: 'Apri da 1' })).toBeInTheDocument();
});
