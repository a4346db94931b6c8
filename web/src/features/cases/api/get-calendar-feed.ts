import { queryOptions, useQuery } from '@tanstack/react-query';
import { CalendarFeedStatus } from '@primm/shared/contracts/calendar-feed';
import { api } from '../../../lib/api-client';

export const getCalendarFeed = (signal?: AbortSignal) => api.get('/calendar-feed', CalendarFeedStatus, { signal });

export const calendarFeedQueryOptions = () =>
  queryOptions({ queryKey: ['calendar-feed'], queryFn: ({ signal }) => getCalendarFeed(signal) });

export const useCalendarFeed = () => useQuery(calendarFeedQueryOptions());
