import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import type { Deadlines } from '@primm/shared/contracts/compulsory';
import { Component as DeadlinesPage } from '../../../app/routes/deadlines';
import { daysFromToday, demoMe } from '../../../testing/fixtures';
import { startMockSession } from '../../../testing/handlers/auth';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { DeadlinesView } from './deadlines-view';

test('DeadlinesView: when the school has one student in each state, then the three groups list them with links and the October card follows', async () => {
  renderWithProviders(<DeadlinesView schoolCode="ANIS00800L" canExport />);

  const toNotify = await screen.findByRole('table', { name: 'Famiglie da avvisare' });
  expect(screen.getByRole('heading', { level: 2, name: 'Famiglie da avvisare 1 da gestire' })).toBeInTheDocument();
  expect(within(toNotify).getByRole('link', { name: 'Marchetti Kevin' })).toHaveAttribute('href', '/studenti/1005');
  expect(within(toNotify).getByRole('row', { name: /Marchetti Kevin/ })).toHaveTextContent('16');
  const countdowns = screen.getByRole('table', { name: 'Conti alla rovescia' });
  expect(within(countdowns).getByRole('link', { name: 'Ricci Noemi' })).toHaveAttribute('href', '/studenti/1006');
  expect(within(countdowns).getByRole('row', { name: /Ricci Noemi/ })).toHaveTextContent('mancano 4 giorni'); // notified 3 days ago, 7 days to return
  const reports = screen.getByRole('table', { name: 'Segnalazioni al sindaco da inviare' });
  expect(within(reports).getByRole('link', { name: 'Diallo Aminata' })).toHaveAttribute('href', '/studenti/1007');
  const october = screen.getByRole('region', { name: 'Elenco di ottobre ai comuni' });
  expect(october).toHaveTextContent('mai esportato');
  expect(october).toHaveTextContent('Il codice fiscale non è conservato in primm-ews');
  expect(within(october).getByRole('button', { name: "Scarica l'elenco CSV (tutti i comuni)" })).toBeInTheDocument();
});

test('DeadlinesView: when nothing is due, then each group says so reassuringly', async () => {
  const empty: Deadlines = {
    schoolCode: 'ANIS00800L',
    asOf: daysFromToday(0),
    toNotify: [],
    countdowns: [],
    reportsDue: [],
    octoberList: { dueBy: '2026-10-31', studentsUnderObligation: 0, municipalities: 0, lastExportedAt: null },
  };
  server.use(http.get('/api/schools/:code/deadlines', () => HttpResponse.json(empty)));

  renderWithProviders(<DeadlinesView schoolCode="ANIS00800L" canExport={false} />);

  expect(await screen.findByText('Nessuna famiglia da avvisare: nessuna scadenza per ora.')).toBeInTheDocument();
  expect(screen.getByText('Nessun conto alla rovescia in corso: nessuna scadenza.')).toBeInTheDocument();
  expect(screen.getByText('Nessuna segnalazione da inviare: nessuna scadenza.')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Scarica/ })).not.toBeInTheDocument();
});

test('Deadlines page: when a mediator with two schools picks the other one, then the URL and the list follow', async () => {
  const user = userEvent.setup();
  startMockSession(demoMe.mediatore);
  const { router } = renderWithProviders(<DeadlinesPage />, { route: '/scadenze' });
  await screen.findByRole('table', { name: 'Famiglie da avvisare' });

  await user.selectOptions(screen.getByRole('combobox', { name: 'Scuola' }), 'MCPS02000B');

  expect(new URLSearchParams(router.state.location.search).get('scuola')).toBe('MCPS02000B');
  expect(await screen.findByText('Tutto in regola: nessuna scadenza aperta per questa scuola.')).toBeInTheDocument();
  expect(screen.getByText("L'elenco lo scarica il referente della scuola o l'amministratore.")).toBeInTheDocument();
});
