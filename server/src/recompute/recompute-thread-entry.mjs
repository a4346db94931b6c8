// Plain JavaScript on purpose: a worker thread of the recompute pool starts here. Running from the
// TypeScript source, a worker has no loader (Node 20 applies neither the parent's tsx nor
// `--import` to it), so this registers tsx in the thread, then runs the thread's code. Used only
// when the thread's code cannot be bundled (thread-script.ts): it starts ten times slower.
import { register } from 'tsx/esm/api';

register();
await import('./recompute-thread.ts');
