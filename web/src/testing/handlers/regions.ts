import { http, HttpResponse } from 'msw';
import type { ProvinceList } from '@primm/shared/contracts/provinces';
import { mockData } from '../fixtures';

export const regionsHandlers = [
  http.get('/api/provinces', () => HttpResponse.json<ProvinceList>({ items: mockData.provinces })),
];
