import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { renderWithProviders } from '../testing/render';
import { MainNav } from './main-nav';

// jsdom applies no styles.css: these tests hold the behaviour of the phone's fold-out menu (its
// button, state and closing); the e2e specs see it folded at 390 px and absent at 1366 px.

function renderNav(route: string) {
  return renderWithProviders(<MainNav role="admin" />, {
    route,
    path: '*',
  });
}

test('MainNav: when a page is open, then the menu button names it and the list starts folded', () => {
  renderNav('/utenti');

  const nav = screen.getByRole('navigation', { name: 'Navigazione principale' });
  const toggle = within(nav).getByRole('button', { name: 'Menu: Utenti' });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(nav).toHaveAttribute('data-open', 'false');
  expect(document.getElementById(toggle.getAttribute('aria-controls')!)).toContainElement(
    within(nav).getByRole('link', { name: 'Utenti' }),
  );
});

test('MainNav: when the page is under a longer link, then the button names that one (the archive, not the cases)', () => {
  renderWithProviders(<MainNav role="mediatore" />, { route: '/casi/archivio', path: '*' });

  expect(screen.getByRole('button', { name: 'Menu: Archivio casi' })).toBeInTheDocument();
});

test('MainNav: when the button is pressed, then the list unfolds; when a page is chosen, then it folds again', async () => {
  const user = userEvent.setup();
  renderNav('/utenti');
  const nav = screen.getByRole('navigation', { name: 'Navigazione principale' });

  await user.click(within(nav).getByRole('button', { name: 'Menu: Utenti' }));

  expect(nav).toHaveAttribute('data-open', 'true');
  expect(within(nav).getByRole('button', { name: 'Menu: Utenti' })).toHaveAttribute('aria-expanded', 'true');

  await user.click(within(nav).getByRole('link', { name: 'Comuni' }));

  const toggle = await within(nav).findByRole('button', { name: 'Menu: Comuni' });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(nav).toHaveAttribute('data-open', 'false');
});

test('MainNav: when Escape is pressed inside the open menu, then it folds and the focus returns to the button', async () => {
  const user = userEvent.setup();
  renderNav('/utenti');
  const toggle = screen.getByRole('button', { name: 'Menu: Utenti' });
  await user.click(toggle);
  await user.tab(); // the first link
  expect(screen.getByRole('link', { name: 'Panoramica regionale' })).toHaveFocus();

  await user.keyboard('{Escape}');

  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(toggle).toHaveFocus();
});

test('MainNav: when the current page is chosen again, then the menu folds too (the page does not change)', async () => {
  const user = userEvent.setup();
  renderNav('/utenti');
  const nav = screen.getByRole('navigation', { name: 'Navigazione principale' });
  await user.click(within(nav).getByRole('button', { name: 'Menu: Utenti' }));

  await user.click(within(nav).getByRole('link', { name: 'Utenti' }));

  expect(within(nav).getByRole('button', { name: 'Menu: Utenti' })).toHaveAttribute('aria-expanded', 'false');
});

test('MainNav: when the focus leaves the open menu (tabbing past its last link), then it folds', async () => {
  const user = userEvent.setup();
  renderWithProviders(
    <>
      <MainNav role="docente" />
      <button type="button">Dopo il menu</button>
    </>,
    { route: '/', path: '*' },
  );
  const toggle = screen.getByRole('button', { name: 'Menu: Le mie classi' });
  await user.click(toggle);
  await user.tab(); // Le mie classi
  await user.tab(); // Scuole
  expect(toggle).toHaveAttribute('aria-expanded', 'true');

  await user.tab();

  expect(screen.getByRole('button', { name: 'Dopo il menu' })).toHaveFocus();
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
});
