import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { demoMe } from '../../testing/fixtures';
import { renderRoutes } from '../../testing/render';
import { server } from '../../testing/server';
import { routes } from '../router';

test('Format page: when a referent opens it, then the document is shown with its contents and a template per file', async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.referente)));

  renderRoutes(routes, { route: '/importazioni/formato' });

  expect(await screen.findByRole('heading', { level: 1, name: 'Formato dei file' })).toBeInTheDocument();
  const contents = screen.getByRole('navigation', { name: 'Indice del documento' });
  expect(within(contents).getByRole('link', { name: 'studenti.csv' })).toHaveAttribute('href', '#studenti-csv');
  expect(screen.getByRole('heading', { level: 2, name: 'studenti.csv' })).toHaveAttribute('id', 'studenti-csv');
  const studentColumns = screen.getByRole('table', { name: 'Tabella della sezione «studenti.csv»' });
  expect(within(studentColumns).getByRole('rowheader', { name: 'Data di nascita' })).toBeInTheDocument();
  const templates = screen.getByRole('region', { name: 'Modelli da scaricare' });
  expect(
    within(templates)
      .getAllByRole('link')
      .map((a) => a.getAttribute('href')),
  ).toEqual(
    ['scuola', 'calendario', 'classi', 'studenti', 'assenze', 'voti', 'esiti'].map(
      (f) => `/api/imports/templates/${f}.csv`,
    ),
  );
});

test('Imports page: when a referent opens it, then the format help links to the page inside the app, not to a file of the repository', async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.referente)));

  renderRoutes(routes, { route: '/importazioni' });

  expect(await screen.findByRole('link', { name: 'Formato dei file' })).toHaveAttribute(
    'href',
    '/importazioni/formato',
  );
  expect(screen.queryByText(/docs\/data-format\.md/)).not.toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Scarica studenti.csv' })).toHaveAttribute('download', 'studenti.csv');
});
