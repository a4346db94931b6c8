import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { routes } from '../../../app/router';
import { aSchoolDetail, demoMe } from '../../../testing/fixtures';
import { renderRoutes, renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { SchoolDetail } from './school-detail';

const facts = (dl: HTMLElement) =>
  Object.fromEntries([...dl.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));

test('SchoolDetail: when the school page loads, then it says up to which day the register data go and when the latest import ended', async () => {
  renderWithProviders(<SchoolDetail code="ANIS00800L" />);

  await screen.findByRole('heading', { level: 1, name: 'IIS Vanvitelli Stracca Angelini' });
  // 07:30 UTC is 09:30 in Italy (summer time).
  expect(facts(document.querySelector('dl.facts')!)).toMatchObject({
    'Dati del registro fino al': '31/03/2026',
    'Ultima importazione': '01/04/2026 09:30:00',
  });
});

test('SchoolDetail: when a school has never been imported, then the page says so instead of a date', async () => {
  server.use(
    http.get('/api/schools/:code', () =>
      HttpResponse.json(aSchoolDetail({ freshness: { latestDataOn: null, latestImportAt: null } })),
    ),
  );

  renderWithProviders(<SchoolDetail code="ANIS00800L" />);

  await screen.findByRole('heading', { level: 1, name: 'IIS Vanvitelli Stracca Angelini' });
  expect(facts(document.querySelector('dl.facts')!)).toMatchObject({
    'Dati del registro fino al': "nessun dato di quest'anno",
    'Ultima importazione': 'nessuna importazione',
  });
});

test('Home page: when a referent signs in, then their school is shown with the dates of its data and a way to import newer ones', async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.referente)));

  renderRoutes(routes, { route: '/' });

  const section = await screen.findByRole('region', { name: 'La tua scuola: dati aggiornati' });
  const card = (await within(section).findByRole('link', { name: 'IIS Vanvitelli Stracca Angelini' })).closest('li')!;
  await within(card).findByText('31/03/2026');
  expect(facts(card.querySelector('dl')!)).toEqual({
    'Dati del registro fino al': '31/03/2026',
    'Ultima importazione': '01/04/2026 09:30:00',
  });
  expect(within(card).getByRole('link', { name: 'Importa dati più recenti' })).toHaveAttribute('href', '/importazioni');
});
