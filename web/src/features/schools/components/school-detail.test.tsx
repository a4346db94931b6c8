import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { aClass, aSchoolDetail } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { SchoolDetail } from './school-detail';

test('SchoolDetail: when the school has classes, then they are listed with links to the class pages', async () => {
  renderWithProviders(<SchoolDetail code="ANIS00800L" />);

  expect(await screen.findByRole('heading', { level: 1, name: 'IIS Vanvitelli Stracca Angelini' })).toBeInTheDocument();
  const table = screen.getByRole('table', { name: 'Classi della scuola' });
  const row = within(table).getByRole('row', { name: /3B/ });
  expect(within(row).getByRole('link', { name: '3B' })).toHaveAttribute('href', '/classi/101');
  expect(within(row).getByRole('cell', { name: 'Istituto tecnico' })).toBeInTheDocument();
  expect(within(row).getByRole('cell', { name: '1.056' })).toBeInTheDocument();
  expect(within(table).getAllByRole('row')).toHaveLength(3);
});

test("SchoolDetail: when the school's total is shown, then the definition of students counted is under it and a class counts who is enrolled now", async () => {
  renderWithProviders(<SchoolDetail code="ANIS00800L" />);

  await screen.findByRole('heading', { level: 1, name: 'IIS Vanvitelli Stracca Angelini' });

  expect(
    screen.getByText(/^Studenti contati: chi è stato iscritto almeno un giorno nell’anno scolastico/),
  ).toBeInTheDocument();
  expect(
    within(screen.getByRole('table', { name: 'Classi della scuola' })).getByRole('columnheader', {
      name: 'Iscritti ora',
    }),
  ).toBeInTheDocument();
});

test('SchoolDetail: when the school has no classes, then the empty state says so', async () => {
  renderWithProviders(<SchoolDetail code="MCPS02000B" />);

  expect(await screen.findByText('Nessuna classe registrata per questa scuola.')).toBeInTheDocument();
});

test('SchoolDetail: when the code is unknown, then "not found" is shown in an alert', async () => {
  renderWithProviders(<SchoolDetail code="ANIS99999X" />);

  expect(await screen.findByRole('alert')).toHaveTextContent('Non abbiamo trovato quello che cerchi.');
});

test('SchoolDetail: when the role sees aggregates only, then the classes are listed without links', async () => {
  renderWithProviders(<SchoolDetail code="ANIS00800L" aggregatesOnly />);

  const table = await screen.findByRole('table', { name: 'Classi della scuola' });
  expect(within(table).getByRole('rowheader', { name: '3B' })).toBeInTheDocument();
  expect(within(table).queryByRole('link')).not.toBeInTheDocument();
});

test("SchoolDetail: when a teacher sees 2 of the school's 10 classes, then the page says they are theirs and why the other 8 are not shown", async () => {
  server.use(
    http.get('/api/schools/:code', () =>
      HttpResponse.json(
        aSchoolDetail({ classes: 10, students: 264, classList: [aClass(), aClass({ id: 102, name: '1A' })] }),
      ),
    ),
  );
  renderWithProviders(<SchoolDetail code="ANIS00800L" ownClassesOnly />);

  const table = await screen.findByRole('table', { name: 'Le tue classi in questa scuola' });
  expect(
    within(table)
      .getAllByRole('link')
      .map((a) => a.textContent),
  ).toEqual(['3B', '1A']);
  expect(screen.getByText(/Vedi le tue 2 classi delle 10 della scuola\./)).toHaveTextContent(
    'Vedi le tue 2 classi delle 10 della scuola. Le altre 8 non sono mostrate: un docente vede solo gli studenti delle classi che gli sono assegnate. Se ne manca una, chiedi al referente della scuola.',
  );
});
