/**
 * The lesson calendar of the fixture school (fixtures/import/generator-format, ANPS03000E), for
 * the pure tests of school-data/: lessons 15/09/2025–06/06/2026, closed 01/11 (a Saturday), 08/12,
 * 23/12–06/01, 02/04–07/04, 25/04 (a Saturday), 01/05 and 02/06. The hours the tests expect are
 * counted by hand from these dates (lesson-calendar.test.ts).
 */
export const FIXTURE_CALENDAR = {
  lessonsStart: '2025-09-15',
  lessonsEnd: '2026-06-06',
  closures: [
    ['2025-11-01', '2025-11-01'],
    ['2025-12-08', '2025-12-08'],
    ['2025-12-23', '2026-01-06'],
    ['2026-04-02', '2026-04-07'],
    ['2026-04-25', '2026-04-25'],
    ['2026-05-01', '2026-05-01'],
    ['2026-06-02', '2026-06-02'],
  ].map(([startsOn, endsOn]) => ({ startsOn: startsOn!, endsOn: endsOn! })),
};
