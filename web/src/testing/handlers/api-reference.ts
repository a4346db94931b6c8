import { http, HttpResponse } from 'msw';
import type { OpenApiOverview } from '@primm/shared/contracts/openapi';

/** A few operations in the document's shape (the real one comes from the server's zod contracts). */
export const mockOpenApi: OpenApiOverview = {
  openapi: '3.1.0',
  info: { title: 'primm-ews API', version: '0.2.0', description: 'API' },
  tags: [{ name: 'system' }, { name: 'imports' }],
  paths: {
    '/health': {
      get: {
        summary: 'Stato del servizio e del database',
        'x-summary-en': 'Status of the service and of the database',
        tags: ['system'],
        'x-roles': 'public',
        security: [],
      },
    },
    '/imports': {
      get: {
        summary: 'Storico delle importazioni',
        'x-summary-en': 'Import history',
        tags: ['imports'],
        'x-roles': ['admin', 'referente'],
        security: [{ session: [] }],
      },
      post: {
        summary: "Carica i file e ne restituisce l'anteprima",
        'x-summary-en': 'Uploads the files and returns their preview',
        tags: ['imports'],
        'x-roles': ['admin', 'referente'],
        security: [{ session: [] }, { serviceToken: [] }],
      },
    },
  },
};

export const apiReferenceHandlers = [http.get('/api/openapi.json', () => HttpResponse.json(mockOpenApi))];
