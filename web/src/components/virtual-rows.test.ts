import { expect, test } from 'vitest';
import { windowOf } from './virtual-rows';

test.each([
  // scrollTop, viewport, rowHeight, count, overscan → first, last, padTop, padBottom
  [0, 400, 40, 1000, 8, 0, 18, 0, 982 * 40], // 10 rows in view + 8 below
  [4000, 400, 40, 1000, 8, 92, 118, 92 * 40, 882 * 40], // row 100 at the top
  [39_600, 400, 40, 1000, 8, 982, 1000, 982 * 40, 0], // the end: nothing below
  [0, 400, 40, 5, 8, 0, 5, 0, 0], // fewer rows than the viewport
])(
  'windowOf: when scrolled to %i in a %ipx box of %ipx rows (%i rows), then rows %i…%i',
  (scrollTop, viewport, rowHeight, count, overscan, first, last, padTop, padBottom) => {
    expect(windowOf(scrollTop, viewport, rowHeight, count, overscan)).toEqual({ first, last, padTop, padBottom });
  },
);
