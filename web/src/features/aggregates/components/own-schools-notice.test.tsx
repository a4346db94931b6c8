import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { demoMe } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { useMe } from '../../auth/api/get-me';
import { OwnSchoolsNotice } from './own-schools-notice';

/** The notice, and the role once /api/me answered (so "no notice" is not "not loaded yet"). */
function WithRole() {
  const role = useMe().data?.role;
  return (
    <>
      {role && <span>ruolo: {role}</span>}
      <OwnSchoolsNotice />
    </>
  );
}

test('when a referent reads the analysis, then the page says it counts their schools only, by name', async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.referente)));
  renderWithProviders(<WithRole />);
  const note = await screen.findByRole('note');
  expect(note).toHaveTextContent(/non quelli di tutta la regione/);
  for (const s of demoMe.referente.schools) expect(note).toHaveTextContent(s.name);
});

test('when an analyst reads it, then nothing is said: the figures are the region’s', async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.analista)));
  renderWithProviders(<WithRole />);
  await screen.findByText('ruolo: analista');
  expect(screen.queryByRole('note')).not.toBeInTheDocument();
});
