import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { expect, test } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { CaseDetailView } from './case-detail';

test('NewActionForm: when a reorientation has no destination, then nothing is posted and the field asks for it', async () => {
  const user = userEvent.setup();
  let posted = 0;
  server.use(
    http.post('/api/cases/:id/actions', () => {
      posted += 1;
    }),
  );
  renderWithProviders(<CaseDetailView id={7} canManage />);
  const form = await screen.findByRole('form', { name: 'Nuova azione' });

  await user.selectOptions(
    within(form).getByRole('combobox', { name: 'Tipo di azione' }),
    'Riorientamento verso la formazione professionale (IeFP / CFP)',
  );
  await user.type(within(form).getByRole('textbox', { name: 'Partecipanti' }), 'studente, madre');
  await user.click(within(form).getByRole('button', { name: "Registra l'azione" }));

  const destination = within(form).getByRole('textbox', { name: 'Destinazione (obbligatoria)' });
  expect(destination).toHaveAttribute('aria-invalid', 'true');
  expect(destination).toHaveAccessibleDescription("Indica la destinazione del riorientamento o dell'invio.");
  expect(posted).toBe(0);
});

test('NewActionForm: when a reorientation with destination and follow-up is recorded, then it joins the timeline', async () => {
  const user = userEvent.setup();
  renderWithProviders(<CaseDetailView id={7} canManage />);
  const form = await screen.findByRole('form', { name: 'Nuova azione' });

  await user.selectOptions(
    within(form).getByRole('combobox', { name: 'Tipo di azione' }),
    'Riorientamento verso la formazione professionale (IeFP / CFP)',
  );
  await user.type(within(form).getByRole('textbox', { name: 'Partecipanti' }), 'studente, madre');
  await user.type(
    within(form).getByRole('textbox', { name: 'Destinazione (obbligatoria)' }),
    'CFP Ancona, operatore meccanico',
  );
  await user.click(within(form).getByRole('radio', { name: 'Non ancora noto' }));
  await user.type(within(form).getByLabelText('Data della verifica successiva'), '2099-03-02');
  await user.click(within(form).getByRole('button', { name: "Registra l'azione" }));

  const saved = await within(form).findByRole('status');
  expect(saved).toHaveTextContent('Azione registrata.');
  expect(saved).toHaveFocus();
  const timeline = screen.getByRole('list', { name: 'Azioni del caso, in ordine di data' });
  expect(await within(timeline).findByText('CFP Ancona, operatore meccanico – Non ancora noto')).toBeInTheDocument();
  expect(within(timeline).getByText('02/03/2099')).toBeInTheDocument();
});

test('CloseCaseForm: when closing without an outcome, then it asks for one; with one, the case is closed', async () => {
  const user = userEvent.setup();
  renderWithProviders(<CaseDetailView id={7} canManage />);
  const toggle = await screen.findByRole('button', { name: 'Chiudi il caso…' });
  expect(screen.queryByRole('form', { name: 'Chiudi il caso' })).not.toBeInTheDocument(); // hidden until asked for
  await user.click(toggle);
  const form = screen.getByRole('form', { name: 'Chiudi il caso' });

  await user.click(within(form).getByRole('button', { name: 'Chiudi il caso' }));

  const outcome = within(form).getByRole('combobox', { name: 'Esito' });
  expect(outcome).toHaveAccessibleDescription("Scegli l'esito prima di chiudere il caso.");
  expect(outcome).toHaveFocus();

  await user.selectOptions(outcome, 'Tornato/a in pari');
  await user.click(within(form).getByRole('button', { name: 'Chiudi il caso' }));

  const closed = await screen.findByRole('status');
  expect(closed).toHaveTextContent('Chiuso con esito: Tornato/a in pari');
  expect(closed).toHaveFocus(); // the form is gone: the outcome takes the focus
  expect(screen.queryByRole('form', { name: 'Nuova azione' })).not.toBeInTheDocument();
});

test('CaseEffectPanel: when the effect loads, then before and after are numbers in a table, with the weeks as a table too', async () => {
  renderWithProviders(<CaseDetailView id={7} canManage={false} />);

  const summary = await screen.findByRole('table', { name: 'Prima e dopo la prima azione' });
  const attendance = within(summary).getByRole('row', { name: /Frequenza/ });
  expect(
    within(attendance)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['75 %', '93,8 %', '+18,8 punti']);
  expect(screen.getByRole('table', { name: 'Settimane prima e dopo' })).toBeInTheDocument();
  expect(screen.queryByRole('form', { name: 'Nuova azione' })).not.toBeInTheDocument();
});

test('ActionUpdateForm: when an outcome is saved, then the form closes and its confirmation takes the focus; reopened, it shows the stored outcome', async () => {
  const user = userEvent.setup();
  renderWithProviders(<CaseDetailView id={7} canManage />);
  const toggle = await screen.findByRole('button', { name: /^Aggiorna esito/ });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');

  await user.click(toggle);
  const form = screen.getByRole('form', { name: toggle.textContent! });
  await user.type(within(form).getByRole('textbox', { name: 'Esito' }), 'la madre verrà al consiglio di classe');
  await user.click(within(form).getByRole('button', { name: 'Salva' }));

  const saved = await screen.findByText('Esito aggiornato.');
  expect(saved).toHaveFocus();
  expect(screen.queryByRole('form', { name: toggle.textContent! })).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: /^Aggiorna esito/ }));
  expect(
    within(screen.getByRole('form', { name: toggle.textContent! })).getByRole('textbox', { name: 'Esito' }),
  ).toHaveValue('la madre verrà al consiglio di classe');
});

test('CaseStatusForm: when the status changes, then the confirmation shows and takes the focus', async () => {
  const user = userEvent.setup();
  renderWithProviders(<CaseDetailView id={7} canManage />);
  const form = await screen.findByRole('form', { name: 'Stato del caso' });

  await user.selectOptions(within(form).getByRole('combobox', { name: 'Stato' }), 'In monitoraggio');
  await user.click(within(form).getByRole('button', { name: 'Cambia stato' }));

  expect(await within(form).findByRole('status')).toHaveTextContent('Stato aggiornato.');
  expect(within(form).getByRole('status')).toHaveFocus();
});

test('NewActionForm: when the destination is picked from the registry, then its code is sent and the timeline waits for the school', async () => {
  const user = userEvent.setup();
  const posted: unknown[] = [];
  server.use(
    http.post('/api/cases/:id/actions', async ({ request }) => {
      posted.push(await request.clone().json());
    }),
  );
  renderWithProviders(<CaseDetailView id={7} canManage />);
  const form = await screen.findByRole('form', { name: 'Nuova azione' });

  await user.selectOptions(
    within(form).getByRole('combobox', { name: 'Tipo di azione' }),
    "Riorientamento verso un'altra scuola",
  );
  await user.type(within(form).getByRole('textbox', { name: 'Partecipanti' }), 'studente, madre');
  await user.type(within(form).getByRole('searchbox', { name: /Cerca la scuola nell'anagrafe/ }), 'cappa');
  await user.click(await within(form).findByRole('button', { name: 'Scegli IPSIA CAPPANNARI (ANRI01000X)' }));
  expect(within(form).queryByRole('textbox', { name: 'Destinazione (obbligatoria)' })).not.toBeInTheDocument();
  expect(within(form).queryByRole('group', { name: 'Arrivato/a a destinazione?' })).not.toBeInTheDocument();
  await user.click(within(form).getByRole('button', { name: "Registra l'azione" }));

  const timeline = screen.getByRole('list', { name: 'Azioni del caso, in ordine di data' });
  expect(
    await within(timeline).findByText(/IPSIA CAPPANNARI \(ANRI01000X\) – In attesa di risposta entro il/),
  ).toBeInTheDocument();
  expect(posted).toEqual([expect.objectContaining({ type: 'reorient_school', destinationSchoolCode: 'ANRI01000X' })]);
  expect(posted[0]).not.toHaveProperty('destination');
});

test('NewActionForm: when a CFP arrival is confirmed by hand with its day, then the day is sent and the timeline says it', async () => {
  const user = userEvent.setup();
  renderWithProviders(<CaseDetailView id={7} canManage />);
  const form = await screen.findByRole('form', { name: 'Nuova azione' });

  await user.selectOptions(
    within(form).getByRole('combobox', { name: 'Tipo di azione' }),
    'Riorientamento verso la formazione professionale (IeFP / CFP)',
  );
  await user.type(within(form).getByRole('textbox', { name: 'Partecipanti' }), 'studente, madre');
  await user.type(within(form).getByRole('textbox', { name: 'Destinazione (obbligatoria)' }), 'CFP Ancona');
  await user.click(within(form).getByRole('radio', { name: 'Sì, arrivato/a' }));
  // after the action's date, today by default
  await user.type(within(form).getByLabelText('Arrivato/a il (facoltativo)'), '2099-01-28');
  await user.click(within(form).getByRole('button', { name: "Registra l'azione" }));

  const timeline = screen.getByRole('list', { name: 'Azioni del caso, in ordine di data' });
  expect(await within(timeline).findByText('CFP Ancona – Sì, arrivato/a il 28/01/2099')).toBeInTheDocument();
});
