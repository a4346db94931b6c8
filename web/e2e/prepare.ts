/**
 * `pnpm test:e2e:prepare`: what the e2e global setup would make first (the built `pnpm primm`
 * and the demo database), made ahead, so `pnpm test` can overlap it with the typecheck.
 */
import { prepareRun } from './prepared-run';

const started = performance.now();
const run = await prepareRun();
console.log(
  `Percorsi nel browser preparati in ${((performance.now() - started) / 1000).toFixed(1)} s: ${run.template}`,
);
