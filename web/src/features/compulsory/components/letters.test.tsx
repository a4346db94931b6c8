import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { Component as FamilyNoticePage } from '../../../app/routes/family-notice';
import { Component as MayorReportPage } from '../../../app/routes/mayor-report';
import { aMayorReport } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { DeadlinesView } from './deadlines-view';

test('Mayor report: when the student is a girl, then the letter says alunna, nata, iscritta, tornata (never "alunno/a"), with the protocol number typed and the PEC', async () => {
  const user = userEvent.setup();
  renderWithProviders(<MayorReportPage />, {
    path: '/studenti/:id/segnalazione',
    route: '/studenti/1007/segnalazione',
  });
  const letter = await screen.findByRole('article', { name: 'Lettera al sindaco' });

  await user.type(screen.getByLabelText('Numero di protocollo'), '1234/A');

  expect(letter).toHaveTextContent("Si comunica che l'alunna Diallo Aminata, nata il");
  expect(letter).toHaveTextContent("iscritta per l'anno scolastico");
  expect(letter).toHaveTextContent("senza che l'alunna sia tornata a frequentare");
  expect(letter).not.toHaveTextContent(/alunno\/a|nato\/a|iscritto\/a/);
  expect(within(letter).getByText(/^Prot\. n\. 1234\/A del \d{2}\/\d{2}\/\d{4}$/)).toBeInTheDocument();
  expect(within(letter).getByText('Al Sindaco del Comune di Falconara Marittima')).toBeInTheDocument();
  expect(within(letter).getByText('PEC: comune.falconara@emarche.it')).toBeInTheDocument();
});

test('Mayor report: when the student is a boy and his municipality has no PEC recorded, then the letter leaves room for it and the page says who can add it', async () => {
  server.use(
    http.get('/api/students/:id/compulsory/report', () =>
      HttpResponse.json(
        aMayorReport({
          student: {
            lastName: 'Marchetti',
            firstName: 'Kevin',
            sex: 'M',
            birthDate: '2011-05-10',
            residence: 'Jesi',
            className: '1A',
          },
          municipality: { istatCode: '042021', name: 'Jesi', pec: null, office: null },
        }),
      ),
    ),
  );

  renderWithProviders(<MayorReportPage />, {
    path: '/studenti/:id/segnalazione',
    route: '/studenti/1005/segnalazione',
  });

  const letter = await screen.findByRole('article', { name: 'Lettera al sindaco' });
  expect(letter).toHaveTextContent("l'alunno Marchetti Kevin, nato il");
  expect(letter).toHaveTextContent('Prot. n. ________ del');
  expect(letter).toHaveTextContent('PEC: ______');
  expect(screen.getByText(/Per il Comune di Jesi non è registrata una PEC/)).toBeInTheDocument();
});

test('Family notice: when a family is to be told, then the letter (Italian template, issue 21) is addressed to the family at the address typed, with the days counted', async () => {
  const user = userEvent.setup();
  renderWithProviders(<FamilyNoticePage />, {
    path: '/studenti/:id/comunicazione-famiglia',
    route: '/studenti/1005/comunicazione-famiglia',
  });
  const letter = await screen.findByRole('article', { name: 'Lettera alla famiglia' });
  expect(letter).toHaveTextContent('Indirizzo della famiglia da scrivere a mano');

  await user.type(screen.getByLabelText('Numero di protocollo'), '77');
  await user.type(
    screen.getByLabelText('Indirizzo della famiglia (via, numero civico, CAP e comune)'),
    'Via Roma 1{Enter}60035 Jesi',
  );

  expect(within(letter).getByText('Alla famiglia di Marchetti Kevin')).toBeInTheDocument();
  expect(within(letter).getByText('Via Roma 1')).toBeInTheDocument();
  expect(within(letter).getByText('60035 Jesi')).toBeInTheDocument();
  // the template's wording holds for a boy or a girl: no "alunno/a"
  expect(letter).toHaveTextContent('vi informiamo che Marchetti Kevin (data di nascita:');
  expect(letter).toHaveTextContent(
    /ha fatto 16 giorni di assenza non giustificata, nelle date seguenti: (\d{2}\/\d{2}\/\d{4}, ){15}\d{2}\/\d{2}\/\d{4}\./,
  );
  expect(letter).toHaveTextContent('se la frequenza non riprende entro sette giorni');
  expect(letter).not.toHaveTextContent(/\{\{|alunno\/a/);
  expect(within(letter).getByText(/^Prot\. n\. 77 del/)).toBeInTheDocument();
});

test('October list: when a municipality has one student, then its option says "1 studente", not "1 studenti"', async () => {
  const user = userEvent.setup();
  server.use(
    http.get('/api/schools/:code/october-list', () =>
      HttpResponse.json({
        schoolYear: '2025/26',
        schoolCode: 'ANIS00800L',
        rows: [
          {
            lastName: 'A',
            firstName: 'B',
            birthDate: '2011-01-01',
            residenceIstat: '042021',
            residence: 'Jesi',
            className: '1A',
          },
          {
            lastName: 'C',
            firstName: 'D',
            birthDate: '2011-01-01',
            residenceIstat: '042002',
            residence: 'Ancona',
            className: '1A',
          },
          {
            lastName: 'E',
            firstName: 'F',
            birthDate: '2011-01-01',
            residenceIstat: '042002',
            residence: 'Ancona',
            className: '1A',
          },
        ],
      }),
    ),
  );
  renderWithProviders(<DeadlinesView schoolCode="ANIS00800L" canExport />);

  await user.click(await screen.findByRole('button', { name: 'Scarica per comune…' }));

  const select = await screen.findByLabelText('Comune di residenza');
  expect(
    within(select)
      .getAllByRole('option')
      .map((o) => o.textContent),
  ).toEqual(expect.arrayContaining(['Jesi (1 studente)', 'Ancona (2 studenti)']));
});
