import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { endMockSession } from '../../testing/handlers/auth';
import { renderRoutes } from '../../testing/render';
import { routes } from '../router';

test('Login page: when the demo credentials are submitted, then the user lands on the next page', async () => {
  const user = userEvent.setup();
  endMockSession();
  const { router } = renderRoutes(routes, { route: '/accesso?next=%2Fscuole%3Fprovince%3DMC' });

  await user.type(await screen.findByLabelText('Email'), 'referente@demo.primm.it');
  await user.type(screen.getByLabelText('Password'), 'demo-primm');
  await user.click(screen.getByRole('button', { name: 'Accedi' }));

  expect(await screen.findByRole('heading', { level: 1, name: 'Scuole' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/scuole');
  expect(router.state.location.search).toBe('?province=MC');
  expect(within(screen.getByRole('banner')).getByText(/Referente dimostrativo/)).toHaveTextContent(
    'Referente dimostrativo (Referente)',
  );
  expect(screen.getByRole('link', { name: 'Utenti' })).toBeInTheDocument();
});

test('Login page: when next points outside the app, then the user lands on the home page', async () => {
  const user = userEvent.setup();
  endMockSession();
  const { router } = renderRoutes(routes, { route: '/accesso?next=%2F%2Fevil.example' });

  await user.type(await screen.findByLabelText('Email'), 'admin@demo.primm.it');
  await user.type(screen.getByLabelText('Password'), 'demo-primm');
  await user.click(screen.getByRole('button', { name: 'Accedi' }));

  expect(await screen.findByRole('heading', { level: 1, name: 'Panoramica regionale' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/');
});

test('Login page: when "Usa" is pressed for a demo account, then the form is filled and focus is on Accedi', async () => {
  const user = userEvent.setup();
  endMockSession();
  renderRoutes(routes, { route: '/accesso' });
  const table = await screen.findByRole('table', { name: 'Account dimostrativi' });
  expect(within(table).getAllByRole('row')).toHaveLength(6); // header + 5 roles
  expect(screen.getByText('demo-primm')).toBeInTheDocument();

  await user.click(within(table).getByRole('button', { name: 'Usa analista@demo.primm.it' }));

  expect(screen.getByLabelText('Email')).toHaveValue('analista@demo.primm.it');
  expect(screen.getByLabelText('Password')).toHaveValue('demo-primm');
  expect(screen.getByRole('button', { name: 'Accedi' })).toHaveFocus();
});

test('Login page: when "Usa" is reached by keyboard, then Enter fills the form', async () => {
  const user = userEvent.setup();
  endMockSession();
  renderRoutes(routes, { route: '/accesso' });
  const use = await screen.findByRole('button', { name: 'Usa docente@demo.primm.it' });

  use.focus();
  await user.keyboard('{Enter}');

  expect(screen.getByLabelText('Email')).toHaveValue('docente@demo.primm.it');
});

test('Login page: when an already signed-in user opens it, then they are sent on to next', async () => {
  const { router } = renderRoutes(routes, { route: '/accesso?next=%2Fscuole' });

  expect(await screen.findByRole('heading', { level: 1, name: 'Scuole' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/scuole');
});
