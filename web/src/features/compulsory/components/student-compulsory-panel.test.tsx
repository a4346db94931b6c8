import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { Component as StudentPage } from '../../../app/routes/student';
import { errorBody, daysFromToday, demoMe } from '../../../testing/fixtures';
import { startMockSession } from '../../../testing/handlers/auth';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { formatDate } from '../../../lib/format';
import { todayIso } from '../days-left';
import { StudentCompulsoryPanel } from './student-compulsory-panel';

test('StudentCompulsoryPanel: when the referent records the notice, then the date is posted, the panel turns to the countdown and says so', async () => {
  const user = userEvent.setup();
  const posted: unknown[] = [];
  server.use(
    http.post('/api/students/:id/compulsory/notice', async ({ request }) => {
      posted.push(await request.clone().json());
    }),
  );
  renderWithProviders(<StudentCompulsoryPanel studentId={1005} canAct />);
  const form = await screen.findByRole('form', { name: 'Registra la comunicazione alla famiglia' });
  expect(within(form).getByLabelText('Data della comunicazione')).toHaveValue(todayIso());

  await user.type(within(form).getByRole('textbox', { name: 'Nota (facoltativa)' }), 'Telefonata alla madre');
  await user.click(within(form).getByRole('button', { name: 'Registra la comunicazione' }));

  const saved = await screen.findByText(
    `Comunicazione del ${formatDate(todayIso())} registrata: partono i sette giorni per il rientro.`,
  );
  expect(saved).toHaveFocus();
  expect(posted).toEqual([{ notifiedOn: todayIso(), note: 'Telefonata alla madre' }]);
  expect(screen.getByText(/Lo studente deve tornare entro il/)).toHaveTextContent(
    `entro il ${formatDate(daysFromToday(7))} (mancano 7 giorni)`,
  );
  expect(screen.queryByRole('form', { name: 'Registra la comunicazione alla famiglia' })).not.toBeInTheDocument();
  expect(
    screen.getByRole('list', { name: 'Fasi della procedura' }).querySelector('[aria-current="step"]'),
  ).toHaveTextContent('Sette giorni per il rientro');
});

test('StudentCompulsoryPanel: when the server answers 409, then the translated message is shown as an alert', async () => {
  const user = userEvent.setup();
  server.use(
    http.post('/api/students/:id/compulsory/notice', () => HttpResponse.json(errorBody('conflict'), { status: 409 })),
  );
  renderWithProviders(<StudentCompulsoryPanel studentId={1005} canAct />);
  const form = await screen.findByRole('form', { name: 'Registra la comunicazione alla famiglia' });

  await user.click(within(form).getByRole('button', { name: 'Registra la comunicazione' }));

  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent("Non c'è una comunicazione da registrare: la situazione è cambiata nel frattempo.");
  expect(alert).toHaveFocus();
});

test('StudentCompulsoryPanel: when the student is under the obligation, then days, counted dates and hours still available are shown', async () => {
  renderWithProviders(<StudentCompulsoryPanel studentId={1005} canAct />);

  expect(await screen.findByText('16 giorni negli ultimi 3 mesi: oltre il limite di 15')).toBeInTheDocument();
  expect(screen.getByText('Giorni contati (16)')).toBeInTheDocument();
  expect(screen.getByText('In obbligo di istruzione (fino a 16 anni)')).toBeInTheDocument();
  expect(screen.getByText('146')).toBeInTheDocument();
  expect(screen.getByRole('table', { name: 'Deroghe deliberate' })).toHaveTextContent('motivi di salute documentati');
});

test('Student page: when a teacher opens it, then the panel is read-only and shows no deroga reasons', async () => {
  startMockSession(demoMe.docente);

  renderWithProviders(<StudentPage />, { path: '/studenti/:id', route: '/studenti/1007' });

  const panel = await screen.findByRole('region', { name: 'Obbligo e frequenza' });
  expect(await within(panel).findByText(/Nessun rientro entro il/)).toBeInTheDocument();
  expect(
    within(panel).getByText(
      "Le comunicazioni e le segnalazioni le registrano il referente, il mediatore o l'amministratore.",
    ),
  ).toBeInTheDocument();
  expect(within(panel).queryByRole('button')).not.toBeInTheDocument();
  expect(within(panel).queryByRole('link', { name: 'Apri la segnalazione da stampare' })).not.toBeInTheDocument();
  expect(within(panel).queryByRole('table', { name: 'Deroghe deliberate' })).not.toBeInTheDocument();
  expect(within(panel).getByText('Evasione (¼ ingiustificato)')).toBeInTheDocument();
});

test('Student page: when the referent opens a student whose report is due, then the report form and the printable report link are offered', async () => {
  startMockSession(demoMe.referente);

  renderWithProviders(<StudentPage />, { path: '/studenti/:id', route: '/studenti/1007' });

  const panel = await screen.findByRole('region', { name: 'Obbligo e frequenza' });
  expect(await within(panel).findByRole('form', { name: "Registra l'invio della segnalazione" })).toBeInTheDocument();
  expect(within(panel).getByRole('link', { name: 'Apri la segnalazione da stampare' })).toHaveAttribute(
    'href',
    '/studenti/1007/segnalazione',
  );
});
