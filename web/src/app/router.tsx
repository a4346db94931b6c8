import { useState } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { LoadingStatus } from '../components/loading-status';
import { Layout } from './layout';
import { RequireSession } from './require-session';
import { RouteError } from './routes/route-error';

/** Pages are separate chunks: the first page loads only its own code (budget: 250 KB gzip). */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    hydrateFallbackElement: <LoadingStatus />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { path: 'accesso', lazy: () => import('./routes/login') },
          // Open data: public, no session (issue 22).
          { path: 'dati', lazy: () => import('./routes/open-data') },
          {
            element: <RequireSession />,
            children: [
              { index: true, lazy: () => import('./routes/home') },
              { path: 'scuole', lazy: () => import('./routes/schools') },
              { path: 'scuole/:code', lazy: () => import('./routes/school') },
              { path: 'classi/:id', lazy: () => import('./routes/class') },
              { path: 'studenti/:id', lazy: () => import('./routes/student') },
              { path: 'studenti/:id/segnalazione', lazy: () => import('./routes/mayor-report') },
              { path: 'studenti/:id/comunicazione-famiglia', lazy: () => import('./routes/family-notice') },
              { path: 'scadenze', lazy: () => import('./routes/deadlines') },
              { path: 'casella', lazy: () => import('./routes/municipality-inbox') },
              { path: 'casella/:id', lazy: () => import('./routes/municipality-inbox-item') },
              { path: 'casi', lazy: () => import('./routes/cases') },
              { path: 'casi/archivio', lazy: () => import('./routes/case-archive') },
              { path: 'da-seguire', lazy: () => import('./routes/worklist') },
              { path: 'cosa-funziona', lazy: () => import('./routes/what-works') },
              { path: 'casi/:id', lazy: () => import('./routes/case') },
              { path: 'invii', lazy: () => import('./routes/referrals') },
              { path: 'invii/:id', lazy: () => import('./routes/referral') },
              { path: 'casi/:id/lettera-incontro', lazy: () => import('./routes/case-letter') },
              { path: 'casi/:id/azioni/:actionId/lettera-riorientamento', lazy: () => import('./routes/case-letter') },
              { path: 'utenti', lazy: () => import('./routes/users') },
              { path: 'registro-accessi', lazy: () => import('./routes/audit') },
              { path: 'soglie', lazy: () => import('./routes/risk-settings') },
              { path: 'comuni', lazy: () => import('./routes/contacts') },
              { path: 'modelli-lettere', lazy: () => import('./routes/letter-templates') },
              { path: 'affidabilita', lazy: () => import('./routes/model-reliability') },
              { path: 'dati-aperti', lazy: () => import('./routes/open-data-admin') },
              { path: 'importazioni', lazy: () => import('./routes/imports') },
              { path: 'importazioni/formato', lazy: () => import('./routes/import-format') },
              { path: 'integrazione', lazy: () => import('./routes/api-reference') },
              { path: 'analisi', lazy: () => import('./routes/regional') },
              { path: 'analisi/provincia/:code', lazy: () => import('./routes/regional-province') },
              { path: 'analisi/rapporto', lazy: () => import('./routes/regional-report') },
              { path: 'password', lazy: () => import('./routes/password') },
              { path: '*', lazy: () => import('./routes/not-found') },
            ],
          },
        ],
      },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
