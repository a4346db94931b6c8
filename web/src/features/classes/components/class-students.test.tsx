import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { errorBody } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { ClassStudents } from './class-students';

test('ClassStudents: when the class has students, then the roster lists them with Italian dates', async () => {
  renderWithProviders(<ClassStudents id={101} />);

  const table = await screen.findByRole('table', { name: 'Studenti della classe' });
  const hoxha = within(table).getByRole('row', { name: /Hoxha/ });
  expect(within(hoxha).getByRole('cell', { name: '21/11/2008' })).toBeInTheDocument();
  expect(within(hoxha).getByRole('cell', { name: 'B1' })).toBeInTheDocument();
  const bianchi = within(table).getByRole('row', { name: /Bianchi/ });
  expect(within(bianchi).getByRole('cell', { name: '31/01/2026 (trasferito)' })).toBeInTheDocument();
  expect(within(table).getAllByRole('row')).toHaveLength(4); // header + 3 students
});

test('ClassStudents: when the class has no students, then the empty state says so', async () => {
  renderWithProviders(<ClassStudents id={201} />);

  expect(await screen.findByText('Nessuno studente iscritto in questa classe.')).toBeInTheDocument();
  expect(screen.queryByRole('table')).not.toBeInTheDocument();
});

test('ClassStudents: when the server refuses, then the translated error and no retry (retrying cannot help)', async () => {
  server.use(http.get('/api/classes/:id/students', () => HttpResponse.json(errorBody('forbidden'), { status: 403 })));

  renderWithProviders(<ClassStudents id={101} />);

  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Non sei autorizzato a vedere questi dati.');
  expect(within(alert).queryByRole('button', { name: 'Riprova' })).not.toBeInTheDocument();
});

test('ClassStudents: when the server fails, then the translated error and a retry are shown', async () => {
  server.use(http.get('/api/classes/:id/students', () => HttpResponse.json(errorBody('internal'), { status: 500 })));

  renderWithProviders(<ClassStudents id={101} />);

  const alert = await screen.findByRole('alert');
  expect(within(alert).getByRole('button', { name: 'Riprova' })).toBeInTheDocument();
});
