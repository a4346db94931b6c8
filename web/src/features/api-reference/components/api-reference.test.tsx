import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { errorBody } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { ApiReference } from './api-reference';

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

test('ApiReference: when the document cannot be read, then the error is shown', async () => {
  server.use(http.get('/api/openapi.json', () => HttpResponse.json(errorBody('internal'), { status: 500 })));

  renderWithProviders(<ApiReference />);

  expect(await screen.findByRole('alert')).toBeInTheDocument();
});
