import { expect, test } from 'vitest';
import { initialScripts, staticImports } from './web';

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
  expect(initialScripts(INDEX)).toEqual(['assets/index-DiKD_ZL5.js', 'assets/rolldown-runtime-XKyaHtl9.js', 'assets/jsx-runtime-_4P9hXhB.js']);
});

test('initialScripts: when a chunk is both the entry and preloaded, then it is counted once', () => {
  const html = '<script type="module" src="/assets/a.js"></script><link rel="modulepreload" href="/assets/a.js">';

  expect(initialScripts(html)).toEqual(['assets/a.js']);
});

test('staticImports: when a chunk imports statically and lazily, then only the static imports', () => {
  const code = 'import{j as e}from"./jsx-runtime-_4P9hXhB.js";import"./side-effect.js";const C=()=>import("./CartesianChart-s5wPO6u-.js");export{C};';

  expect(staticImports(code)).toEqual(['./jsx-runtime-_4P9hXhB.js', './side-effect.js']);
});
