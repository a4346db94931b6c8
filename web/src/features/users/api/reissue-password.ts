import { useMutation } from '@tanstack/react-query';
import { CreatedUser } from '@primm/shared/contracts/users';
import { api } from '../../../lib/api-client';

/** A new one-time password: it lives only in this mutation's result, never in the query cache. */
export const reissuePassword = (id: number) => api.post(`/users/${id}/one-time-password`, {}, CreatedUser);

export const useReissuePassword = () => useMutation({ mutationFn: reissuePassword });
