import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { errorBody } from '../../../testing/fixtures';
import { aWhatWorks } from '../../../testing/handlers/what-works';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { WhatWorksView } from './what-works-view';

test('WhatWorksView: when the answer loads, then the warning, the estimate with its interval and the suppressed row are in the table', async () => {
  renderWithProviders(<WhatWorksView />);

  const table = await screen.findByRole('table', { name: /^Differenza nelle differenze/ });
  expect(screen.getByRole('note')).toHaveTextContent('non una sperimentazione');
  const meeting = within(table).getByRole('row', { name: /Colloquio con la famiglia/ });
  expect(
    within(meeting)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['53', '113', '+2,1 (da -1,0 a +5,2)', '-0,03 (da -0,16 a +0,11)']);
  const work = within(table).getByRole('row', { name: /lavoro/i });
  expect(
    within(work)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['<10', '25', 'non pubblicato', 'non pubblicato']);
  expect(screen.getByText(/^Mediana 14 giorni \(metà dei casi tra 7 e 22 giorni\)/)).toBeInTheDocument();
});

test('WhatWorksView: when the breakdown is changed to province, then the table has a group column', async () => {
  const user = userEvent.setup();
  server.use(
    http.get('/api/what-works', ({ request }) =>
      new URL(request.url).searchParams.get('by') === 'province'
        ? HttpResponse.json({
            ...aWhatWorks({ by: 'province' }),
            effects: [
              {
                actionType: 'tutoring',
                group: { key: 'AN', label: 'AN' },
                cases: '<10',
                comparison: 12,
                attendance: null,
                average: null,
              },
            ],
          })
        : HttpResponse.json(aWhatWorks()),
    ),
  );
  renderWithProviders(<WhatWorksView />);
  await screen.findByRole('table', { name: /^Differenza nelle differenze/ });

  await user.selectOptions(screen.getByRole('combobox', { name: 'Dettaglio per' }), 'Provincia');

  expect(await screen.findByRole('columnheader', { name: 'Gruppo' })).toBeInTheDocument();
});

test('WhatWorksView: when the server refuses, then the error is shown', async () => {
  server.use(http.get('/api/what-works', () => HttpResponse.json(errorBody('forbidden'), { status: 403 })));

  renderWithProviders(<WhatWorksView />);

  expect(await screen.findByRole('alert')).toBeInTheDocument();
});
