import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { errorBody } from '../../../testing/fixtures';
import { anIncomingArrival } from '../../../testing/handlers/arrivals';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { IncomingArrivals } from './incoming-arrivals';

test('IncomingArrivals: when the referent confirms with a date, then that date is sent and the item shows the enrolment', async () => {
  const user = userEvent.setup();
  const posted: unknown[] = [];
  server.use(
    http.post('/api/arrivals/:actionId/answer', async ({ request }) => {
      posted.push(await request.clone().json());
    }),
  );
  renderWithProviders(<IncomingArrivals />);
  const form = await screen.findByRole('form', { name: 'Risposta per Hoxha Ardit' });

  const date = within(form).getByLabelText('Iscritto/a dal');
  await user.clear(date);
  await user.type(date, '2026-01-19');
  await user.click(within(form).getByRole('button', { name: "Conferma l'iscrizione" }));

  expect(await screen.findByText('Iscritto/a dal 19/01/2026')).toBeInTheDocument();
  expect(posted).toEqual([{ answer: 'enrolled', enrolledOn: '2026-01-19' }]);
  expect(screen.queryByRole('form', { name: 'Risposta per Hoxha Ardit' })).not.toBeInTheDocument();
});

test('IncomingArrivals: when an arrival is past its 15 days, then it says so, and a no-show is one click', async () => {
  const user = userEvent.setup();
  renderWithProviders(<IncomingArrivals />);
  const form = await screen.findByRole('form', { name: 'Risposta per Rossi Giulia' });
  expect(screen.getByText('Nessuna risposta: scaduta il 16/12/2025')).toBeInTheDocument();

  await user.click(within(form).getByRole('button', { name: 'Non si è presentato/a' }));

  expect(await screen.findByText('Non si è presentato/a', { selector: 'p' })).toBeInTheDocument();
});

test('IncomingArrivals: when the school’s import already enrols the student, then the date is offered and explained', async () => {
  server.use(
    http.get('/api/arrivals', () =>
      HttpResponse.json({
        today: '2026-01-20',
        incoming: [anIncomingArrival({ importedEnrolmentOn: '2026-01-15' })],
        outgoing: [],
      }),
    ),
  );
  renderWithProviders(<IncomingArrivals />);

  expect(await screen.findByLabelText('Iscritto/a dal')).toHaveValue('2026-01-15');
  expect(screen.getByText(/lo\/la mostra già iscritto\/a dal 15\/01\/2026/)).toBeInTheDocument();
});

test('IncomingArrivals: when the server refuses the answer, then the error is shown', async () => {
  const user = userEvent.setup();
  server.use(
    http.post('/api/arrivals/:actionId/answer', () =>
      HttpResponse.json(errorBody('conflict', 'già risposto'), { status: 409 }),
    ),
  );
  renderWithProviders(<IncomingArrivals />);
  const form = await screen.findByRole('form', { name: 'Risposta per Hoxha Ardit' });

  await user.click(within(form).getByRole('button', { name: 'Non si è presentato/a' }));

  expect(await within(form).findByRole('alert')).toBeInTheDocument();
});
