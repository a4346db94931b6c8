import { http, HttpResponse } from 'msw';
import {
  BulkUsersInput,
  CreateUserInput,
  UpdateUserInput,
  type BulkUsersPreview,
  type BulkUsersResult,
  type CreatedUser,
  type MunicipalityOptionList,
  type User,
  type UserList,
} from '@primm/shared/contracts/users';
import { aUser, errorBody, mockUsers } from '../fixtures';
import { currentMockSession } from './auth';

export const oneTimePassword = 'Kq7-mVx2-93dT';

export const mockMunicipalities: MunicipalityOptionList['items'] = [
  { istatCode: '042002', name: 'Ancona', provinceCode: 'AN' },
  { istatCode: '042010', name: 'Castelfidardo', provinceCode: 'AN' },
  { istatCode: '042045', name: 'Senigallia', provinceCode: 'AN' },
  { istatCode: '044007', name: 'Ascoli Piceno', provinceCode: 'AP' },
];

/** The accounts as this test or `pnpm dev:mock` session changed them; reset after each test. */
let users: User[] = [...mockUsers];

export function resetMockUsers(): void {
  users = [...mockUsers];
}

const find = (id: unknown) => users.find((u) => u.id === Number(id));
const replace = (user: User) => {
  users = users.map((u) => (u.id === user.id ? user : u));
  return user;
};

/** `Email;Nome;Ruolo;…` rows as the mock reads them: the e-mail must look like one, the role be known. */
function previewRows(csv: string): BulkUsersPreview['rows'] {
  const [, ...lines] = csv.trim().split(/\r?\n/);
  return lines.map((line, i) => {
    const [email = '', displayName = '', role = '', schools = '', classes = ''] = line
      .split(/[;,]/)
      .map((f) => f.trim());
    const known = ['docente', 'mediatore', 'referente', 'analista', 'admin'].includes(role.toLowerCase())
      ? (role.toLowerCase() as User['role'])
      : null;
    const errors = [
      ...(/^\S+@\S+\.\S+$/.test(email) ? [] : ['email: indirizzo email non valido']),
      ...(known ? [] : [`ruolo non valido: "${role}"`]),
    ];
    return {
      line: i + 2,
      email: email.toLowerCase(),
      displayName,
      role: known,
      schools: schools ? schools.split(/\s+/) : [],
      classes: classes ? classes.split(/\s+/) : [],
      errors,
    };
  });
}

export const usersHandlers = [
  http.get('/api/users', () => HttpResponse.json<UserList>({ items: users })),
  http.get('/api/municipalities', () => HttpResponse.json<MunicipalityOptionList>({ items: mockMunicipalities })),
  http.post('/api/users', async ({ request }) => {
    // Mocks honour the contract: a body the server would refuse is refused here too.
    const parsed = CreateUserInput.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    if (users.some((u) => u.email === parsed.data.email)) {
      return HttpResponse.json(errorBody('conflict', `Esiste già un utente ${parsed.data.email}`), { status: 409 });
    }
    const user = aUser({ id: 100, ...parsed.data, classes: [], createdAt: new Date().toISOString(), disabled: false });
    users = [...users, user];
    return HttpResponse.json<CreatedUser>({ user, oneTimePassword }, { status: 201 });
  }),
  http.patch('/api/users/:id', async ({ params, request }) => {
    const user = find(params.id);
    if (!user) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    const parsed = UpdateUserInput.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    if (user.id === currentMockSession()?.id && parsed.data.role && parsed.data.role !== user.role) {
      return HttpResponse.json(errorBody('conflict', 'Non puoi cambiare il tuo ruolo'), { status: 409 });
    }
    const classIds = parsed.data.classIds ?? user.classIds;
    return HttpResponse.json<User>(
      replace({
        ...user,
        ...parsed.data,
        classIds,
        classes: classIds.map(
          (id) =>
            user.classes.find((c) => c.id === id) ?? {
              id,
              name: `${id}`,
              schoolCode: 'ANIS00800L',
              schoolYear: '2025/26',
            },
        ),
      }),
    );
  }),
  http.post('/api/users/:id/deactivate', ({ params }) => {
    const user = find(params.id);
    if (!user) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    if (user.id === currentMockSession()?.id)
      return HttpResponse.json(errorBody('conflict', 'Non puoi disattivare il tuo account'), { status: 409 });
    return HttpResponse.json<User>(replace({ ...user, disabled: true }));
  }),
  http.post('/api/users/:id/reactivate', ({ params }) => {
    const user = find(params.id);
    if (!user) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    return HttpResponse.json<User>(replace({ ...user, disabled: false }));
  }),
  http.post('/api/users/:id/one-time-password', ({ params }) => {
    const user = find(params.id);
    if (!user) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    return HttpResponse.json<CreatedUser>({ user, oneTimePassword });
  }),
  http.post('/api/users/bulk/preview', async ({ request }) => {
    const parsed = BulkUsersInput.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const rows = previewRows(parsed.data.csv);
    const invalid = rows.filter((r) => r.errors.length > 0).length;
    return HttpResponse.json<BulkUsersPreview>({ rows, valid: rows.length - invalid, invalid });
  }),
  http.post('/api/users/bulk', async ({ request }) => {
    const parsed = BulkUsersInput.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const rows = previewRows(parsed.data.csv);
    if (rows.some((r) => r.errors.length > 0))
      return HttpResponse.json(errorBody('validation_failed', 'Righe non valide'), { status: 400 });
    const created = rows.map((r, i) => ({
      user: aUser({
        id: 200 + i,
        email: r.email,
        displayName: r.displayName,
        role: r.role!,
        schools: r.schools,
        classIds: [],
        classes: [],
        createdAt: new Date().toISOString(),
      }),
      oneTimePassword: `Otp${i + 1}-aaaa-bbbb`,
    }));
    users = [...users, ...created.map((c) => c.user)];
    return HttpResponse.json<BulkUsersResult>({ created }, { status: 201 });
  }),
];
