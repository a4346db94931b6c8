import { queryOptions, useQuery } from '@tanstack/react-query';
import { SchoolDeliveries, StudentDeliveries } from '@primm/shared/contracts/municipality-inbox';
import { api } from '../../../lib/api-client';

/** What the school sent the municipalities: re-read on every mount (an acknowledgement may have come). */
const deliveriesKey = ['municipality-deliveries'] as const;

export const schoolDeliveriesQueryOptions = (schoolCode: string) =>
  queryOptions({
    queryKey: [...deliveriesKey, 'school', schoolCode],
    queryFn: ({ signal }) => api.get(`/schools/${schoolCode}/municipality-deliveries`, SchoolDeliveries, { signal }),
    staleTime: 0,
  });

export const studentDeliveriesQueryOptions = (studentId: number) =>
  queryOptions({
    queryKey: [...deliveriesKey, 'student', studentId],
    queryFn: ({ signal }) => api.get(`/students/${studentId}/municipality-deliveries`, StudentDeliveries, { signal }),
    staleTime: 0,
  });

export const useSchoolDeliveries = (schoolCode: string) => useQuery(schoolDeliveriesQueryOptions(schoolCode));
export const useStudentDeliveries = (studentId: number) => useQuery(studentDeliveriesQueryOptions(studentId));
