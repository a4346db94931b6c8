import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CalendarFeedCreated } from '@primm/shared/contracts/calendar-feed';
import { api } from '../../../lib/api-client';
import { calendarFeedQueryOptions } from './get-calendar-feed';

export const createCalendarFeed = () => api.post('/calendar-feed', {}, CalendarFeedCreated);

/** A new address (the old one stops working); the answer is the only time its secret is seen. */
export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCalendarFeed,
    onSuccess: ({ path: _path, ...status }) => queryClient.setQueryData(calendarFeedQueryOptions().queryKey, status),
  });
}
