import { expect, test } from 'vitest';
import { initialScripts, staticImports } from './web';
import { summarizeTimings, type TimingRun } from './web-timing';

const INDEX = `<!doctype html>
<html lang="it">
  <head>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <script type="module" crossorigin src="/assets/index-DiKD_ZL5.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/rolldown-runtime-XKyaHtl9.js">
    <link rel="modulepreload" crossorigin href="/assets/jsx-runtime-_4P9hXhB.js">
    <link rel="stylesheet" crossorigin href="/assets/index-DrBo6RHo.css">
    <script src="/legacy.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>`;

test('initialScripts: when Vite lists an entry and modulepreloads, then those, in order, and no CSS, icon or classic script', () => {
  expect(initialScripts(INDEX)).toEqual([
    'assets/index-DiKD_ZL5.js',
    'assets/rolldown-runtime-XKyaHtl9.js',
    'assets/jsx-runtime-_4P9hXhB.js',
  ]);
});

test('initialScripts: when a chunk is both the entry and preloaded, then it is counted once', () => {
  const html = '<script type="module" src="/assets/a.js"></script><link rel="modulepreload" href="/assets/a.js">';

  expect(initialScripts(html)).toEqual(['assets/a.js']);
});

test('staticImports: when a chunk imports statically and lazily, then only the static imports', () => {
  const code =
    'import{j as e}from"./jsx-runtime-_4P9hXhB.js";import"./side-effect.js";const C=()=>import("./CartesianChart-s5wPO6u-.js");export{C};';

  expect(staticImports(code)).toEqual(['./jsx-runtime-_4P9hXhB.js', './side-effect.js']);
});

const run = (shell: number, summary: number, chart: number): TimingRun => ({
  shell_ms: shell,
  shell_nav_ms: shell + 40,
  class_list_ms: shell + 300,
  summary_ms: summary,
  chart_ms: chart,
});

test.each([
  // medians: shell 400, summary 300, chart 700 → 1.75 × the shell: both goals met
  [
    'both goals met',
    [run(380, 280, 650), run(400, 300, 700), run(900, 310, 720)],
    { summary: true, chart: true },
    1.75,
    300,
  ],
  // the summary waits for the chart: over 0.5 s; the chart 700 / 310 = 2.26 × the shell
  [
    'neither goal met',
    [run(300, 640, 650), run(320, 700, 710), run(310, 690, 700)],
    { summary: false, chart: false },
    2.26,
    690,
  ],
])('summarizeTimings: when %s, then the medians say so', (_name, runs, met, ratio, summary) => {
  const s = summarizeTimings(runs);

  expect(s.met).toEqual(met);
  expect(s.chart_to_shell).toBe(ratio);
  expect(s.median.summary_ms).toBe(summary);
});
