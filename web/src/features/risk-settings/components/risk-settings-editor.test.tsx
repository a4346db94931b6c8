import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { DEFAULT_RISK_SETTINGS } from '@primm/shared/risk/settings';
import { mockRecomputeSummary, mockRiskSettings } from '../../../testing/handlers/risk-settings';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { RiskSettingsEditor } from './risk-settings-editor';

const { version: _v, ...current } = mockRiskSettings.data;
const { version: _d, ...defaults } = DEFAULT_RISK_SETTINGS;

/** Keeps the bodies sent, then lets the default handlers answer. */
function recordSaves() {
  const sent: unknown[] = [];
  server.use(
    http.put('/api/settings/risk', async ({ request }) => {
      sent.push(await request.clone().json());
    }),
  );
  return sent;
}

async function renderEditor() {
  const view = renderWithProviders(<RiskSettingsEditor />);
  await screen.findByRole('group', { name: 'Presenza alle lezioni' });
  return view;
}

/** One value changed, so that saving has something to send. */
async function changeOneValue(user: ReturnType<typeof userEvent.setup>) {
  const attention = field('Presenza alle lezioni', 'Attenzione sotto (% di ore frequentate)');
  await user.clear(attention);
  await user.type(attention, '87');
}

function field(group: string, label: string) {
  return within(screen.getByRole('group', { name: group })).getByRole('textbox', { name: label });
}

test('RiskSettingsEditor: when loaded, then the version, who saved it and the values are shown, shares as percentages', async () => {
  await renderEditor();

  expect(
    screen.getByText('Versione 3, salvata da Amministratore dimostrativo il 12/01/2026 10:30:00.'),
  ).toBeInTheDocument();
  expect(field('Presenza alle lezioni', 'Presenza soddisfacente da (%)')).toHaveValue('95');
  const attention = field('Presenza alle lezioni', 'Attenzione sotto (% di ore frequentate)');
  expect(attention).toHaveValue('88');
  expect(attention).toHaveAccessibleDescription(
    /Assenza cronica = perdere almeno il 10 % delle lezioni .* Predefinito: 90 %\.$/,
  );
  expect(field('Voti', 'Attenzione: media generale sotto (voto)')).toHaveValue('6,8');
  expect(field('Voti', 'Materie fondamentali (una per riga)')).toHaveValue(
    'ITALIANO\nMATEMATICA\nLINGUA E LETTERATURA ITALIANA',
  );
  expect(screen.getAllByRole('group').map((g) => g.querySelector('legend')?.textContent)).toEqual([
    'Presenza alle lezioni',
    'Proiezione delle assenze sul limite legale',
    'Andamento recente delle assenze',
    'Entrate posticipate e uscite anticipate',
    'Voti',
    'Comportamento',
    'Percorso scolastico',
    'Disimpegno in corso (livello 3 subito)',
    'Livello complessivo',
  ]);
});

test('RiskSettingsEditor: when a value is out of range or not a number, then the errors sit by their fields, focus goes to the first and nothing is sent', async () => {
  const user = userEvent.setup();
  const sent = recordSaves();
  await renderEditor();
  const satisfactory = field('Presenza alle lezioni', 'Presenza soddisfacente da (%)');
  const recent = field('Andamento recente delle assenze', "Settimane recenti confrontate con l'anno (settimane)");

  await user.clear(satisfactory);
  await user.type(satisfactory, '120');
  await user.clear(recent);
  await user.type(recent, 'quattro');
  await user.click(screen.getByRole('button', { name: 'Salva una nuova versione' }));

  expect(screen.getByRole('alert')).toHaveTextContent(
    '2 valori non sono validi: correggili nei campi segnalati. Nulla è stato salvato.',
  );
  expect(satisfactory).toHaveAttribute('aria-invalid', 'true');
  expect(satisfactory).toHaveAccessibleDescription(/^Il valore massimo è 100 %\./);
  expect(satisfactory).toHaveFocus();
  expect(recent).toHaveAccessibleDescription(/^Inserisci un numero \(per esempio 6,5\)\./);
  expect(sent).toEqual([]);
});

test('RiskSettingsEditor: when a high threshold is milder than its attention threshold, then the contract refuses it by the field, in words, and nothing is sent', async () => {
  const user = userEvent.setup();
  const sent = recordSaves();
  await renderEditor();
  const high = field('Presenza alle lezioni', 'Rischio alto sotto (% di ore frequentate)');

  await user.clear(high);
  await user.type(high, '90');
  await user.click(screen.getByRole('button', { name: 'Salva una nuova versione' }));

  expect(high).toHaveAttribute('aria-invalid', 'true');
  expect(high).toHaveAccessibleDescription(/^La soglia alta deve essere più bassa o uguale a quella di attenzione\./);
  expect(high).toHaveFocus();
  expect(sent).toEqual([]);
});

test('RiskSettingsEditor: when saved, then percentages are sent as shares, the new version is announced and focused, and the header follows', async () => {
  const user = userEvent.setup();
  const sent = recordSaves();
  await renderEditor();
  const attention = field('Presenza alle lezioni', 'Attenzione sotto (% di ore frequentate)');
  const average = field('Voti', 'Attenzione: media generale sotto (voto)');

  await user.clear(attention);
  await user.type(attention, '85,5');
  await user.clear(average);
  await user.type(average, '7');
  await user.click(screen.getByRole('button', { name: 'Salva una nuova versione' }));

  const saved = await screen.findByText('Salvata la versione 4. Le nuove soglie valgono dal prossimo ricalcolo.');
  expect(saved.closest('[role="status"]')).toHaveFocus();
  expect(sent).toEqual([
    {
      ...current,
      attendance: { ...current.attendance, attentionBelowRate: 0.855 },
      grades: { ...current.grades, averageAttentionBelow: 7 },
    },
  ]);
  expect(screen.getByText(/^Versione 4, salvata da Amministratore dimostrativo il /)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Ricalcola ora il rischio della regione' })).toBeEnabled();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

test('RiskSettingsEditor: when the server refuses a field (400 with details), then its message sits by that field, which gets focus', async () => {
  const user = userEvent.setup();
  server.use(
    http.put('/api/settings/risk', () =>
      HttpResponse.json(
        {
          error: {
            code: 'validation_failed',
            message: 'Richiesta non valida',
            details: [{ path: 'grades.passMark', message: 'Troppo grande: previsto che number sia <=10' }],
          },
        },
        { status: 400 },
      ),
    ),
  );
  await renderEditor();
  await changeOneValue(user);

  await user.click(screen.getByRole('button', { name: 'Salva una nuova versione' }));

  const passMark = field('Voti', 'Sufficienza (voto)');
  expect(await screen.findByRole('alert')).toHaveTextContent('Un valore non è valido');
  expect(passMark).toHaveAttribute('aria-invalid', 'true');
  expect(passMark).toHaveAccessibleDescription(/^Troppo grande: previsto che number sia <=10 /);
  expect(passMark).toHaveFocus();
  expect(screen.queryByText(/Salvata la versione/)).not.toBeInTheDocument();
});

test('RiskSettingsEditor: when the server fails otherwise, then the translated error is shown and focused', async () => {
  const user = userEvent.setup();
  server.use(
    http.put('/api/settings/risk', () =>
      HttpResponse.json({ error: { code: 'unavailable', message: 'disk full' } }, { status: 503 }),
    ),
  );
  await renderEditor();
  await changeOneValue(user);

  await user.click(screen.getByRole('button', { name: 'Salva una nuova versione' }));

  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Il servizio non può salvare dati in questo momento');
  expect(alert).toHaveFocus();
});

test('RiskSettingsEditor: when the defaults are restored and saved, then the form shows them and sends exactly DEFAULT_RISK_SETTINGS', async () => {
  const user = userEvent.setup();
  const sent = recordSaves();
  await renderEditor();

  await user.click(screen.getByRole('button', { name: 'Ripristina i valori predefiniti' }));

  expect(screen.getByRole('status')).toHaveTextContent(
    'Valori predefiniti inseriti nel modulo: non sono ancora salvati.',
  );
  expect(field('Presenza alle lezioni', 'Attenzione sotto (% di ore frequentate)')).toHaveValue('90');
  expect(field('Voti', 'Attenzione: media generale sotto (voto)')).toHaveValue('6,5');

  await user.click(screen.getByRole('button', { name: 'Salva una nuova versione' }));

  await screen.findByText(/Salvata la versione 4/);
  expect(sent).toEqual([defaults]);
});

test('RiskSettingsEditor: when the recompute runs, then the button is disabled and the wait announced, then the summary is shown and focused', async () => {
  const user = userEvent.setup();
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  server.use(
    http.post('/api/risk/recompute', async () => {
      await done;
      return HttpResponse.json(mockRecomputeSummary);
    }),
  );
  await renderEditor();
  const recompute = await screen.findByRole('button', { name: 'Ricalcola ora il rischio della regione' });
  expect(recompute).toHaveAccessibleDescription(/può durare fino a un minuto/);

  await user.click(recompute);

  expect(recompute).toBeDisabled();
  expect(
    screen.getByText('Ricalcolo in corso su tutta la regione: può durare fino a un minuto…').closest('[role="status"]'),
  ).not.toBeNull();
  const section = screen.getByRole('region', { name: 'Ricalcolo del rischio' });
  expect(section.querySelector('[aria-busy="true"]')).not.toBeNull();

  finish();

  const summary = await screen.findByText('Ricalcolo completato in 12,3 s.');
  const status = summary.closest('[role="status"]');
  expect(status).toHaveFocus();
  expect(status).toHaveTextContent('Studenti valutati1.234');
  expect(status).toHaveTextContent('Risultati scritti (nuovi, cambiati o rimossi)321');
  expect(status).toHaveTextContent('Risultati invariati913');
  expect(status).toHaveTextContent('Studenti che hanno cambiato livello57');
  expect(status).not.toHaveTextContent(/tier/i);
  const moves = within(status as HTMLElement).getByRole('table', {
    name: 'Studenti che hanno cambiato livello, da prima a dopo',
  });
  expect(
    within(moves)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent),
  ).toEqual(['Livello 1→ Livello 230', 'Livello 2→ Livello 120', 'Livello 2→ Livello 37']);
  expect(recompute).toBeEnabled();
  expect(section.querySelector('[aria-busy="true"]')).toBeNull();
});

test('RiskSettingsEditor: when the recompute fails, then the error is shown with a retry', async () => {
  const user = userEvent.setup();
  server.use(
    http.post('/api/risk/recompute', () =>
      HttpResponse.json({ error: { code: 'internal', message: 'x' } }, { status: 500 }),
    ),
  );
  await renderEditor();

  await user.click(await screen.findByRole('button', { name: 'Ricalcola ora il rischio della regione' }));

  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Errore del servizio. Riprova tra qualche minuto.');
  expect(within(alert).getByRole('button', { name: 'Riprova' })).toBeInTheDocument();
});

test('RiskSettingsEditor: when saved with no change, then nothing is sent and the page says the version in force stays', async () => {
  const user = userEvent.setup();
  const sent = recordSaves();
  await renderEditor();

  await user.click(screen.getByRole('button', { name: 'Salva una nuova versione' }));

  expect(screen.getByRole('status')).toHaveTextContent('Nessuna modifica rispetto alla versione 3: nulla da salvare.');
  expect(sent).toEqual([]);
});
