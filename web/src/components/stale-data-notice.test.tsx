import { useQuery } from '@tanstack/react-query';
import { act, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, test } from 'vitest';
import { api } from '../lib/api-client';
import { clearStaleAnswers, staleAnswerCount } from '../lib/stale-answers';
import { renderWithProviders } from '../testing/render';
import { server } from '../testing/server';
import { StaleDataNotice } from './stale-data-notice';

const passThrough = { parse: (data: unknown) => data as { students: number } };

/** A page asking `/api/prova` once (and again when its query is invalidated). */
function Page() {
  const { data } = useQuery({ queryKey: ['prova'], queryFn: () => api.get('/prova', passThrough) });
  return <p>{data ? `studenti ${data.students}` : 'caricamento'}</p>;
}

/** Answers in turn: `true` marks the answer stale, as the server does during its warm-up. */
function answers(...stale: boolean[]) {
  const asked: number[] = [];
  server.use(
    http.get('/api/prova', () => {
      const round = asked.push(asked.length);
      const isStale = stale[Math.min(round, stale.length) - 1]!;
      return HttpResponse.json({ students: round }, isStale ? { headers: { 'Primm-Stale': '1' } } : {});
    }),
  );
  return asked;
}

const notice = /Dati in aggiornamento/;

afterEach(clearStaleAnswers);

describe('StaleDataNotice', () => {
  test('when an answer is marked stale, then the notice says so and the page asks again until a fresh answer clears it', async () => {
    const asked = answers(true, true, false);
    renderWithProviders(
      <>
        <StaleDataNotice retryMs={20} />
        <Page />
      </>,
    );
    expect(await screen.findByText(notice)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(notice);
    await screen.findByText('studenti 3');
    await waitFor(() => expect(screen.queryByText(notice)).not.toBeInTheDocument());
    expect(asked).toHaveLength(3);
    expect(staleAnswerCount()).toBe(0);
  });

  test('when every answer is fresh, then there is no notice and no second request', async () => {
    const asked = answers(false);
    renderWithProviders(
      <>
        <StaleDataNotice retryMs={20} />
        <Page />
      </>,
    );
    await screen.findByText('studenti 1');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(asked).toHaveLength(1);
  });

  test('when the user moves to another page, then what the last page left stale is forgotten', async () => {
    answers(true);
    const { router } = renderWithProviders(
      <>
        <StaleDataNotice retryMs={60_000} />
        <Page />
      </>,
      { route: '/analisi' },
    );
    expect(await screen.findByText(notice)).toBeInTheDocument();
    await act(() => router.navigate('/scuole'));
    expect(screen.queryByText(notice)).not.toBeInTheDocument();
  });

  test('when a write is answered with the header, then nothing is noted (only reads are)', async () => {
    server.use(http.post('/api/prova', () => new HttpResponse(null, { status: 204, headers: { 'Primm-Stale': '1' } })));
    await api.post('/prova', {});
    expect(staleAnswerCount()).toBe(0);
  });
});
