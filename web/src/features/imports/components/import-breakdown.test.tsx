import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { anImportFileSummary, anImportPreview } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { ImportWizard } from './import-wizard';

async function uploadSchool() {
  const user = userEvent.setup();
  renderWithProviders(<ImportWizard />);
  const file = new File(['Codice meccanografico;Denominazione\n'], 'scuola.csv', { type: 'text/csv' });
  Object.defineProperty(file, 'webkitRelativePath', { value: 'ANIS00800L/scuola.csv' });
  await user.upload(screen.getByLabelText('Scegli cartella'), [file]);
  await screen.findByRole('heading', { level: 2, name: "Anteprima dell'importazione" });
}

const cells = (row: HTMLElement) => [
  within(row).getByRole('rowheader').textContent,
  ...within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent),
];

test('ImportPreview: when the preview loads, then each file shows its kind, counts and the days it covers', async () => {
  await uploadSchool();

  const table = screen.getByRole('table', { name: 'Cosa cambierebbe, file per file' });
  expect(within(table).getAllByRole('row').slice(1).map(cells)).toEqual([
    ['ANIS00800L/studenti.csv', 'Studenti (iscrizioni)', '3', '1', '260', '0', 'dal 15/09/2025 al 02/02/2026'],
    ['ANIS00800L/assenze.csv', 'Assenze', '117', '3', '0', '1', 'dal 15/09/2025 al 31/03/2026'],
    ['ANIS00800L/voti.csv', 'Voti', '0', '0', '30', '1', 'dal 25/09/2025 al 31/03/2026'],
  ]);
});

test('ImportPreview: when a file has updates, then their reason is shown: the columns, and the first rows old → new', async () => {
  await uploadSchool();

  const reasons = screen.getByRole('region', { name: 'Perché 3 righe di ANIS00800L/assenze.csv cambierebbero' });
  expect(within(reasons).getByRole('listitem')).toHaveTextContent('Giustificata: in 3 righe');
  const samples = within(reasons).getByRole('table', { name: 'La riga cambiata, col valore di prima e quello nuovo' });
  expect(within(samples).getAllByRole('row').slice(1).map(cells)).toEqual([['7', 'Giustificata', 'N', 'S']]);
  // An empty old value is said, not left blank.
  const students = screen.getByRole('region', { name: 'Perché una riga di ANIS00800L/studenti.csv cambierebbe' });
  expect(within(students).getAllByRole('row').slice(1).map(cells)).toEqual([
    ['42', 'Data uscita', 'vuoto', '02/02/2026'],
  ]);
});

test('ImportPreview: when the new studenti.csv leaves out students the school holds, then a warning names them with their class', async () => {
  server.use(
    http.post('/api/imports', () =>
      HttpResponse.json(
        anImportPreview({
          missingStudents: [
            {
              file: 'ANIS00800L/studenti.csv',
              school: { code: 'ANIS00800L', name: 'IIS Vanvitelli' },
              count: 2,
              students: [
                { lastName: 'Rossi', firstName: 'Giulia', className: '3A' },
                { lastName: 'Bianchi', firstName: 'Luca', className: '4B' },
              ],
            },
          ],
        }),
        { status: 201 },
      ),
    ),
  );

  await uploadSchool();

  const warning = screen.getByRole('region', { name: 'Studenti assenti dal nuovo elenco' });
  expect(
    within(warning).getByRole('heading', {
      name: '2 studenti iscritti a ANIS00800L IIS Vanvitelli non compaiono nel nuovo studenti.csv',
    }),
  ).toBeInTheDocument();
  expect(warning).toHaveTextContent("L'importazione non li toglie: restano iscritti come prima.");
  expect(within(warning).getAllByRole('row').slice(1).map(cells)).toEqual([
    ['Rossi Giulia', '3A'],
    ['Bianchi Luca', '4B'],
  ]);
});

test('ImportPreview: when a file has rows left aside, then a column gives them with their reasons', async () => {
  server.use(
    http.post('/api/imports', () =>
      HttpResponse.json(
        anImportPreview({
          fileSummaries: [
            anImportFileSummary({
              file: 'SCUANAGRAFEPAR.csv',
              kind: 'altro',
              inserted: 2,
              read: 4,
              skipped: [
                { reason: 'fuori dalle Marche', rows: 1 },
                { reason: 'di una tipologia non seguita', rows: 1 },
              ],
            }),
            anImportFileSummary({ file: 'ANIS00800L/scuola.csv', kind: 'scuola', unchanged: 1, read: 1, skipped: [] }),
          ],
        }),
        { status: 201 },
      ),
    ),
  );

  await uploadSchool();

  const table = screen.getByRole('table', { name: 'Cosa cambierebbe, file per file' });
  expect(within(table).getByRole('columnheader', { name: 'Lasciate da parte' })).toBeInTheDocument();
  expect(
    within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => cells(row)[6]),
  ).toEqual(['1 fuori dalle Marche, 1 di una tipologia non seguita', '0']);
});
