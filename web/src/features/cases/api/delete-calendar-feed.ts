import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { calendarFeedQueryOptions } from './get-calendar-feed';

export const deleteCalendarFeed = () => api.delete('/calendar-feed');

export function useDeleteCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCalendarFeed,
    onSuccess: () =>
      queryClient.setQueryData(calendarFeedQueryOptions().queryKey, {
        active: false,
        createdAt: null,
        lastUsedAt: null,
      }),
  });
}
