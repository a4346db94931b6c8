import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, expect, test } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { errorBody } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { ApiReference } from './api-reference';

afterEach(async () => {
  await i18n.changeLanguage('it');
});

test('ApiReference: when the document loads, then its routes are listed by tag with who may call them', async () => {
  renderWithProviders(<ApiReference />);

  const imports = await screen.findByRole('table', { name: 'Operazioni: Importazioni' });

  const upload = within(imports).getByRole('row', { name: /POST \/api\/imports/ });
  expect(upload).toHaveTextContent('Amministratore, Referente; anche un token di servizio');
  expect(within(imports).getByRole('row', { name: /GET \/api\/imports/ })).not.toHaveTextContent('token');
  expect(
    within(screen.getByRole('table', { name: 'Operazioni: Sistema' })).getByRole('row', { name: /\/api\/health/ }),
  ).toHaveTextContent('chiunque, senza accesso');
  expect(screen.getByRole('link', { name: 'Scarica il documento OpenAPI (JSON)' })).toHaveAttribute(
    'href',
    '/api/openapi.json',
  );
});

test('ApiReference: when the page switches to English, then each operation says what it does in English, from x-summary-en', async () => {
  renderWithProviders(<ApiReference />);
  const system = await screen.findByRole('table', { name: 'Operazioni: Sistema' });
  expect(within(system).getByRole('row', { name: /\/api\/health/ })).toHaveTextContent(
    'Stato del servizio e del database',
  );

  await i18n.changeLanguage('en');

  const health = within(await screen.findByRole('table', { name: 'Operations: System' })).getByRole('row', {
    name: /\/api\/health/,
  });
  expect(health).toHaveTextContent('Status of the service and of the database');
  expect(health).not.toHaveTextContent('Stato del servizio');
});

test('ApiReference: when the document cannot be read, then the error is shown', async () => {
  server.use(http.get('/api/openapi.json', () => HttpResponse.json(errorBody('internal'), { status: 500 })));

  renderWithProviders(<ApiReference />);

  expect(await screen.findByRole('alert')).toBeInTheDocument();
});
