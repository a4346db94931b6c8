import { queryOptions, useQuery } from '@tanstack/react-query';
import { UserList } from '@primm/shared/contracts/users';
import { api } from '../../../lib/api-client';

export const getUsers = (signal?: AbortSignal) => api.get('/users', UserList, { signal });

export const usersQueryOptions = () => queryOptions({ queryKey: ['users'], queryFn: ({ signal }) => getUsers(signal) });

export const useUsers = () => useQuery(usersQueryOptions());
