import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { anImportBatch } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { ImportHistoryTable } from './import-history-table';

test('ImportHistoryTable: when an import came from the drop folder, then its folder and origin are shown', () => {
  renderWithProviders(
    <ImportHistoryTable
      batches={[anImportBatch({ source: 'inbox', inboxFolder: 'ANIS00800L-2026-12-06', userEmail: null })]}
    />,
  );

  const row = within(screen.getByRole('table', { name: 'Importazioni, dalla più recente' })).getAllByRole('row')[1]!;
  expect(row).toHaveTextContent('Cartella ANIS00800L-2026-12-06');
  expect(row).toHaveTextContent('Cartella di deposito');
});
