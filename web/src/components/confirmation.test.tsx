import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { Confirmation } from './confirmation';

test('Confirmation: when it appears, then it takes the focus and is announced as a status', () => {
  render(
    <>
      <button type="button">Salva</button>
      <Confirmation>Salvato.</Confirmation>
    </>,
  );

  expect(screen.getByRole('status')).toHaveTextContent('Salvato.');
  expect(screen.getByRole('status')).toHaveFocus();
});
