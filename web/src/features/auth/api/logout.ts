import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../../lib/api-client';

export const logout = () => api.post('/auth/logout');

/** Nothing of the session stays in memory: the whole cache goes, then the login page. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      queryClient.clear();
      void navigate('/accesso', { replace: true });
    },
  });
}
