import { http, HttpResponse } from 'msw';
import { CreateUserInput, type CreatedUser, type UserList } from '@primm/shared/contracts/users';
import { aUser, errorBody, mockUsers } from '../fixtures';

export const oneTimePassword = 'Kq7-mVx2-93dT';

export const usersHandlers = [
  http.get('/api/users', () => HttpResponse.json<UserList>({ items: mockUsers })),
  http.post('/api/users', async ({ request }) => {
    // Mocks honour the contract: a body the server would refuse is refused here too.
    const parsed = CreateUserInput.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    if (mockUsers.some((u) => u.email === parsed.data.email)) {
      return HttpResponse.json(errorBody('conflict', `Esiste già un utente ${parsed.data.email}`), { status: 409 });
    }
    const user = aUser({ id: 100, ...parsed.data, createdAt: new Date().toISOString(), disabled: false });
    return HttpResponse.json<CreatedUser>({ user, oneTimePassword }, { status: 201 });
  }),
];
