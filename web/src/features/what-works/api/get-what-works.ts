import { queryOptions, useQuery } from '@tanstack/react-query';
import { WhatWorks, type WhatWorksBy } from '@primm/shared/contracts/what-works';
import { api } from '../../../lib/api-client';

/** `year`: a school year's label; none, the latest with data (the server's choice). */
export const getWhatWorks = (by: WhatWorksBy, year?: string, signal?: AbortSignal) =>
  api.get('/what-works', WhatWorks, { params: { by, year }, signal });

export const whatWorksQueryOptions = (by: WhatWorksBy, year?: string) =>
  queryOptions({ queryKey: ['what-works', by, { year }], queryFn: ({ signal }) => getWhatWorks(by, year, signal) });

export const useWhatWorks = (by: WhatWorksBy, year?: string) => useQuery(whatWorksQueryOptions(by, year));
