import { http, HttpResponse } from 'msw';
import {
  IstatCodeParam,
  UpdateMunicipalityContactInput,
  type MunicipalityContact,
  type MunicipalityContactList,
} from '@primm/shared/contracts/contacts';
import { errorBody } from '../fixtures';
import { currentMockSession } from './auth';

const initial = (): MunicipalityContact[] => [
  { istatCode: '042002', name: 'Ancona', province: 'AN', pec: null, office: null, updatedAt: null },
  {
    istatCode: '042018',
    name: 'Falconara Marittima',
    province: 'AN',
    pec: 'comune.falconara@emarche.it',
    office: 'Servizi sociali',
    updatedAt: '2026-02-10T09:00:00.000Z',
  },
  { istatCode: '042021', name: 'Jesi', province: 'AN', pec: null, office: null, updatedAt: null },
  { istatCode: '043023', name: 'Macerata', province: 'MC', pec: null, office: null, updatedAt: null },
];

/** The admin's contacts, changed by PUT within a test or a `pnpm dev:mock` session; reset after each test. */
let contacts = initial();

export function resetMockContacts(): void {
  contacts = initial();
}

export const contactsHandlers = [
  http.get('/api/municipality-contacts', () => {
    if (currentMockSession()?.role !== 'admin') return HttpResponse.json(errorBody('forbidden'), { status: 403 });
    return HttpResponse.json<MunicipalityContactList>({ items: contacts });
  }),
  http.put('/api/municipality-contacts/:istat', async ({ params, request }) => {
    if (currentMockSession()?.role !== 'admin') return HttpResponse.json(errorBody('forbidden'), { status: 403 });
    const { istat } = IstatCodeParam.parse(params);
    // Mocks honour the contract: the PEC must be an e-mail address.
    const input = UpdateMunicipalityContactInput.safeParse(await request.json().catch(() => undefined));
    if (!input.success) {
      return HttpResponse.json(
        {
          error: {
            code: 'validation_failed',
            message: 'Richiesta non valida',
            details: input.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          },
        },
        { status: 400 },
      );
    }
    const found = contacts.find((c) => c.istatCode === istat);
    if (!found) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    const saved = { ...found, ...input.data, updatedAt: new Date().toISOString() };
    contacts = contacts.map((c) => (c.istatCode === istat ? saved : c));
    return HttpResponse.json<MunicipalityContact>(saved);
  }),
];
