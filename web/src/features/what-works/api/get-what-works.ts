import { queryOptions, useQuery } from '@tanstack/react-query';
import { WhatWorks, type WhatWorksBy } from '@primm/shared/contracts/what-works';
import { api } from '../../../lib/api-client';

export const getWhatWorks = (by: WhatWorksBy, signal?: AbortSignal) =>
  api.get(`/what-works?by=${by}`, WhatWorks, { signal });

export const whatWorksQueryOptions = (by: WhatWorksBy) =>
  queryOptions({ queryKey: ['what-works', by], queryFn: ({ signal }) => getWhatWorks(by, signal) });

export const useWhatWorks = (by: WhatWorksBy) => useQuery(whatWorksQueryOptions(by));
