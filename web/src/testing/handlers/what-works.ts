import { http, HttpResponse } from 'msw';
import { WhatWorksQuery, type WhatWorks } from '@primm/shared/contracts/what-works';
import { errorBody } from '../fixtures';

/** A typed answer of GET /api/what-works: one published estimate, one suppressed row. */
export const aWhatWorks = (over: Partial<WhatWorks> = {}): WhatWorks => ({
  year: '2025/26',
  scope: 'region',
  by: 'none',
  threshold: 10,
  window: { beforeWeeks: 4, afterFromWeek: 2, afterToWeek: 8 },
  bootstrap: { iterations: 1000, seed: 20261206 },
  lastDay: '2026-03-31',
  effects: [
    {
      actionType: 'family_meeting',
      group: null,
      cases: 53,
      comparison: 113,
      attendance: { estimate: 0.021, low: -0.01, high: 0.052, cases: 53 },
      average: { estimate: -0.03, low: -0.16, high: 0.11, cases: 53 },
    },
    { actionType: 'reorient_work', group: null, cases: '<10', comparison: 25, attendance: null, average: null },
  ],
  outcomes: [
    {
      actionType: 'family_meeting',
      closed: 64,
      backOnTrack: 40,
      reorientedArrived: '<10',
      leftEducation: '<10',
      other: 'n.d.',
    },
  ],
  flagToAction: { cases: 140, days: { q1: 7, median: 14, q3: 22 } },
  participants: [
    {
      actionType: 'family_meeting',
      perspective: 'family',
      views: 30,
      averageHelped: 4.2,
      helpedMost: {
        listening: 0,
        family_contact: 21,
        study_support: '<10',
        language: 0,
        new_pathway: 0,
        services: 0,
        other: 0,
      },
    },
  ],
  ...over,
});

export const whatWorksHandlers = [
  http.get('/api/what-works', ({ request }) => {
    const query = WhatWorksQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    return HttpResponse.json(aWhatWorks({ by: query.data.by }));
  }),
];
