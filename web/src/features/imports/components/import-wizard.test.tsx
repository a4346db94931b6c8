import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { anImportPreview, anImportResult, errorBody } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { ImportHistory } from './import-history';
import { ImportWizard } from './import-wizard';

function renderImportsPage() {
  return renderWithProviders(
    <>
      <ImportWizard />
      <ImportHistory />
    </>,
  );
}

/** A file as the folder picker gives it: its path inside the chosen folder in `webkitRelativePath`. */
function inFolder(path: string, content = 'Codice meccanografico;Denominazione\n') {
  const file = new File([content], path.split('/').at(-1)!, { type: 'text/csv' });
  Object.defineProperty(file, 'webkitRelativePath', { value: path });
  return file;
}

const twoSchools = [
  inFolder('regione/ANIS00800L/scuola.csv'),
  inFolder('regione/ANIS00800L/voti.csv'),
  inFolder('regione/MCPS02000B/scuola.csv'),
];

/** Keeps the file names of every upload, then lets the default handler answer. */
function recordUploads(): string[][] {
  const seen: string[][] = [];
  server.use(
    http.post('/api/imports', async ({ request }) => {
      const form = await request.clone().formData();
      seen.push(form.getAll('files').map((part) => (part as File).name));
    }),
  );
  return seen;
}

async function uploadTwoSchools(user: ReturnType<typeof userEvent.setup>) {
  await user.upload(screen.getByLabelText('Scegli cartella'), twoSchools);
  return screen.findByRole('heading', { level: 2, name: "Anteprima dell'importazione" });
}

test('ImportWizard: when a folder is chosen, then each file is sent with its relative path and the preview is shown and focused', async () => {
  const user = userEvent.setup();
  const seen = recordUploads();
  renderImportsPage();

  const heading = await uploadTwoSchools(user);

  expect(seen).toEqual([
    ['regione/ANIS00800L/scuola.csv', 'regione/ANIS00800L/voti.csv', 'regione/MCPS02000B/scuola.csv'],
  ]);
  expect(heading).toHaveFocus();
  expect(screen.getByText(/Non è stato ancora scritto nulla/)).toBeInTheDocument();
  const counts = screen.getByRole('list', { name: 'Cosa cambierebbe' });
  expect(
    within(counts)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(['Righe da inserire: 120', 'Righe da aggiornare: 4', 'Righe invariate: 30', 'Righe scartate: 2']);
  const files = screen.getByRole('table', { name: 'File ricevuti: 3' });
  expect(within(files).getByRole('rowheader', { name: 'regione/ANIS00800L/voti.csv' })).toBeInTheDocument();
  const errors = screen.getByRole('table', { name: 'Righe scartate: le prime segnalazioni' });
  const row = within(errors).getByRole('row', { name: /voti\.csv/ });
  expect(
    within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['ANIS00800L/voti.csv', '14', 'Voto', 'voto non riconosciuto: "ottimo+"']);
  expect(within(errors).getByRole('columnheader', { name: 'Riga' })).toHaveAttribute('scope', 'col');
  expect(screen.getByRole('button', { name: 'Conferma importazione senza le 2 righe scartate' })).toBeEnabled();
});

test('ImportWizard: when the import is confirmed, then progress is shown, then the result, and the history reloads', async () => {
  const user = userEvent.setup();
  renderImportsPage();
  const history = await screen.findByRole('table', { name: 'Importazioni, dalla più recente' });
  expect(within(history).getAllByRole('row')).toHaveLength(3); // header + 2
  await uploadTwoSchools(user);

  await user.click(screen.getByRole('button', { name: /Conferma importazione/ }));

  const bar = await screen.findByRole('progressbar', { name: "Avanzamento dell'importazione" });
  expect(bar).toHaveAttribute('max', '2');
  expect(await screen.findByText('Importazione della scuola MCPS02000B (1 di 2 completate)')).toBeInTheDocument();
  expect(bar).toHaveAttribute('value', '1');
  expect(
    await screen.findByText('Dati importati. Ricalcolo del rischio della scuola ANIS00800L (0 di 2 completate)'),
  ).toBeInTheDocument();
  const title = await screen.findByRole('heading', { name: 'Importazione completata' }, { timeout: 3000 });
  expect(title.closest('[role="status"]')).toHaveTextContent('Righe inserite: 120');
  expect(title).toHaveFocus();
  expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  expect(await within(history).findAllByRole('row')).toHaveLength(4);
  expect(within(history).getAllByRole('row')[1]).toHaveTextContent('120');
});

test('ImportWizard: when the preview and the result carry warnings about whole files, then both list them', async () => {
  const user = userEvent.setup();
  const warning = {
    file: 'bundle/manifest.csv',
    line: 0,
    column: '',
    message: 'OneRoster non porta le ore di lezione: usato l’orario predefinito',
  };
  server.use(
    http.post('/api/imports', () => HttpResponse.json(anImportPreview({ warnings: [warning] }), { status: 201 })),
    http.post('/api/imports/:id/commit', () =>
      HttpResponse.json(
        anImportResult({
          warnings: [{ file: '', line: 0, column: '', message: 'ricalcolo del rischio non riuscito: verrà ripetuto' }],
        }),
      ),
    ),
  );
  renderImportsPage();
  await uploadTwoSchools(user);

  expect(screen.getByRole('heading', { name: 'Un avviso' }).parentElement).toHaveTextContent(
    'bundle/manifest.csv: OneRoster non porta le ore di lezione',
  );
  await user.click(screen.getByRole('button', { name: /Conferma importazione/ }));

  await screen.findByRole('heading', { name: 'Importazione completata' }, { timeout: 3000 });
  expect(screen.getByRole('heading', { name: 'Un avviso' }).parentElement).toHaveTextContent(
    'ricalcolo del rischio non riuscito: verrà ripetuto',
  );
});

const transfers = [
  {
    file: 'ANIS00800L/studenti.csv',
    line: 4,
    status: 'accepted',
    school: { code: 'MCPS02000B', name: 'Liceo Galilei' },
  },
  { file: 'ANIS00800L/studenti.csv', line: 9, status: 'conflict', school: { code: 'PSIS00100A', name: 'IIS Mattei' } },
] as const;

test('ImportWizard: when the preview lists students from another school, then they are shown apart with that school only, and a referent is offered no confirmation', async () => {
  const user = userEvent.setup();
  server.use(
    http.post('/api/imports', () => HttpResponse.json(anImportPreview({ transfers: [...transfers] }), { status: 201 })),
  );
  renderImportsPage();

  await uploadTwoSchools(user);

  expect(
    screen.getByRole('heading', { name: "2 studenti arrivano da un'altra scuola" }).parentElement,
  ).toHaveTextContent('Uno studente risulta ancora iscritto');
  const table = screen.getByRole('table', { name: "Studenti da un'altra scuola" });
  expect(
    within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
  ).toEqual([
    ['ANIS00800L/studenti.csv', '4', 'Trasferimento accettato', 'MCPS02000B Liceo Galilei'],
    ['ANIS00800L/studenti.csv', '9', 'Ancora iscritto altrove', 'PSIS00100A IIS Mattei'],
  ]);
  expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
});

test('ImportWizard: when the admin confirms the transfer of a student still enrolled elsewhere, then the commit asks for it and the result lists it as confirmed', async () => {
  const user = userEvent.setup();
  const bodies: unknown[] = [];
  server.use(
    http.post('/api/imports', () => HttpResponse.json(anImportPreview({ transfers: [...transfers] }), { status: 201 })),
    http.post('/api/imports/:id/commit', async ({ request }) => {
      bodies.push(await request.json());
      return HttpResponse.json(anImportResult({ transfers: [transfers[0], { ...transfers[1], status: 'confirmed' }] }));
    }),
  );
  renderWithProviders(<ImportWizard canConfirmTransfers />);
  await uploadTwoSchools(user);

  await user.click(
    screen.getByRole('checkbox', { name: 'Confermo il trasferimento dello studente ancora iscritto altrove' }),
  );
  await user.click(screen.getByRole('button', { name: /Conferma importazione/ }));

  await screen.findByRole('heading', { name: 'Importazione completata' });
  expect(bodies).toEqual([{ allowPartial: true, confirmTransfers: true }]);
  const table = screen.getByRole('table', { name: "Studenti da un'altra scuola" });
  expect(within(table).getByRole('row', { name: /PSIS00100A/ })).toHaveTextContent("Confermato dall'amministratore");
});

test('ImportWizard: when Annulla is pressed on the preview, then the drop zone is back', async () => {
  const user = userEvent.setup();
  renderImportsPage();
  await uploadTwoSchools(user);

  await user.click(screen.getByRole('button', { name: 'Annulla' }));

  expect(screen.getByLabelText('Scegli cartella')).toBeInTheDocument();
  expect(screen.queryByRole('heading', { name: "Anteprima dell'importazione" })).not.toBeInTheDocument();
});

test('ImportWizard: when the server refuses the upload (403), then its message, naming the refused schools, is shown', async () => {
  const user = userEvent.setup();
  const message =
    "Non potete importare dati di scuole non vostre: PSIS00100A. Scuole non ancora registrate: MCPS02000B; le aggiunge l'amministratore";
  server.use(http.post('/api/imports', () => HttpResponse.json(errorBody('forbidden', message), { status: 403 })));
  renderImportsPage();

  await user.upload(screen.getByLabelText('Scegli cartella'), twoSchools);

  // The referent must know which school folder to take out: the generic sentence does not say.
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent(message);
  expect(screen.queryByRole('heading', { name: "Anteprima dell'importazione" })).not.toBeInTheDocument();
});

test('ImportWizard: when a 403 comes without a message, then the translated reason is shown', async () => {
  const user = userEvent.setup();
  server.use(http.post('/api/imports', () => HttpResponse.json(errorBody('forbidden', ''), { status: 403 })));
  renderImportsPage();

  await user.upload(screen.getByLabelText('Scegli cartella'), twoSchools);

  expect(await screen.findByRole('alert')).toHaveTextContent('Puoi importare solo i dati delle tue scuole');
});

test('ImportWizard: when a folder holds a photo, then it is listed as not sent and the CSV files go', async () => {
  const user = userEvent.setup();
  const seen = recordUploads();
  renderImportsPage();

  await user.upload(screen.getByLabelText('Scegli cartella'), [...twoSchools, inFolder('regione/ANIS00800L/foto.png')]);

  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Questi file non sono stati inviati');
  expect(alert).toHaveTextContent('regione/ANIS00800L/foto.png: tipo non accettato (solo .csv, .txt o .zip)');
  await screen.findByRole('heading', { name: "Anteprima dell'importazione" });
  expect(seen[0]).toHaveLength(3);
});

test('ImportHistory: when batches load, then date, user, source, status and the shortened hashes are shown', async () => {
  renderWithProviders(<ImportHistory />);

  const table = await screen.findByRole('table', { name: 'Importazioni, dalla più recente' });
  const web = within(table).getByRole('row', { name: /12\/01\/2026 16:30:00/ });
  expect(
    within(web)
      .getAllByRole('cell')
      .map((c) => c.textContent)
      .slice(0, 7),
  ).toEqual(['referente@demo.primm.it', 'Web', 'Completata', '210', '12', '1.450', '3']);
  expect(within(web).getByText('2 file')).toBeInTheDocument();
  expect(within(web).getByTitle('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')).toHaveTextContent(
    '9f86d081884c',
  );
  const demo = within(table).getByRole('row', { name: /Dati dimostrativi/ });
  expect(within(demo).getAllByRole('cell')[0]).toHaveTextContent('—');
});

test('ImportHistory: when nothing was imported yet, then the empty state is shown', async () => {
  server.use(http.get('/api/imports', () => HttpResponse.json({ items: [] })));

  renderWithProviders(<ImportHistory />);

  expect(await screen.findByText('Nessuna importazione finora.')).toBeInTheDocument();
});

test('ImportWizard: when the preview would take no row, then the reason is shown as an alert and the commit is not offered', async () => {
  const user = userEvent.setup();
  const reason =
    'Nessuna riga importata: 3 righe lette, 0 scartate, 3 lasciate da parte (SCUANAAUTSTAT.csv: 3 fuori dalle Marche)';
  server.use(
    http.post('/api/imports', () =>
      HttpResponse.json(
        anImportPreview({
          schools: [],
          inserted: 0,
          updated: 0,
          unchanged: 0,
          rejected: 0,
          errors: [],
          fileSummaries: [],
          nothingImported: reason,
        }),
        { status: 201 },
      ),
    ),
  );
  renderImportsPage();

  await uploadTwoSchools(user);

  const alert = screen.getByRole('alert');
  expect(alert).toHaveTextContent('Questa importazione non prenderebbe nessuna riga');
  expect(alert).toHaveTextContent(reason);
  expect(screen.getByRole('button', { name: 'Conferma importazione' })).toBeDisabled();
});
