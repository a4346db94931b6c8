import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { expect, test } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { ClassRiskList } from './class-risk-list';

/** The query strings the list asked for, then the default handler answers. */
function recordRiskRequests() {
  const seen: URLSearchParams[] = [];
  server.use(
    http.get('/api/classes/:id/risk', ({ request }) => {
      seen.push(new URL(request.url).searchParams);
    }),
  );
  return seen;
}

test('ClassRiskList: when the Livello header is pressed, then aria-sort moves to it and the request sorts by tier', async () => {
  const user = userEvent.setup();
  const seen = recordRiskRequests();
  const { router } = renderWithProviders(<ClassRiskList classId={101} className="3B" />, { route: '/classi/101?sort=name' });
  const table = await screen.findByRole('table', { name: 'Rischio degli studenti: 2' });
  const tierHeader = within(table).getByRole('columnheader', { name: /Livello/ });
  expect(within(table).getByRole('columnheader', { name: /Studente/ })).toHaveAttribute('aria-sort', 'ascending');
  expect(tierHeader).toHaveAttribute('aria-sort', 'none');

  await user.click(within(tierHeader).getByRole('button', { name: /Livello/ }));

  expect(await within(table).findByRole('columnheader', { name: /Livello/ })).toHaveAttribute('aria-sort', 'descending');
  expect(within(table).getByRole('columnheader', { name: /Studente/ })).toHaveAttribute('aria-sort', 'none');
  expect(seen.at(-1)?.get('sort')).toBe('tier');
  expect(seen.at(-1)?.get('order')).toBe('desc');
  expect(new URLSearchParams(router.state.location.search).get('sort')).toBe('tier');
  expect(within(tierHeader).getByRole('button', { name: /Livello/ })).toHaveFocus();
});

test('ClassRiskList: when tier 3 is chosen, then the URL and the request carry tier=3 and only that row stays', async () => {
  const user = userEvent.setup();
  const seen = recordRiskRequests();
  const { router } = renderWithProviders(<ClassRiskList classId={101} className="3B" />, { route: '/classi/101' });
  await screen.findByRole('table', { name: 'Rischio degli studenti: 2' });

  await user.selectOptions(screen.getByRole('combobox', { name: 'Livello' }), 'Livello 3');

  const table = await screen.findByRole('table', { name: 'Rischio degli studenti: 1' });
  expect(within(table).getByRole('link', { name: 'Hoxha Arben' })).toHaveAttribute('href', '/studenti/1002');
  expect(new URLSearchParams(router.state.location.search).get('tier')).toBe('3');
  expect(seen.at(-1)?.get('tier')).toBe('3');
});

test('ClassRiskList: when a badge is reached with Tab, then its explanation is shown and describes it', async () => {
  const user = userEvent.setup();
  renderWithProviders(<ClassRiskList classId={101} className="3B" />, { route: '/classi/101?tier=3' });
  const table = await screen.findByRole('table', { name: 'Rischio degli studenti: 1' });
  const badge = within(table).getByRole('button', { name: /Proiezione delle assenze: alto/ });
  expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();

  while (document.activeElement !== badge) await user.tab();

  expect(badge).toHaveAccessibleDescription(/oltre il limite di 264/);
  expect(screen.getByRole('tooltip')).toHaveTextContent(/oltre il limite di 264/);
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
});

test('ClassRiskList: when a tier was overridden, then both tiers are shown and the reason describes them', async () => {
  renderWithProviders(<ClassRiskList classId={101} className="3B" />, { route: '/classi/101' });

  const row = await screen.findByRole('row', { name: /Hoxha/ });

  const tier = within(row).getByRole('button', { name: 'Livello calcolato 2, modificato in 3' });
  expect(tier).toHaveTextContent('2 → 3');
  expect(tier).toHaveAccessibleDescription(/assenze in aumento a gennaio/);
  expect(within(row).getByText('in aumento di 6 punti')).toBeInTheDocument();
});
