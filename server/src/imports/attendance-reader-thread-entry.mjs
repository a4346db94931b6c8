// Plain JavaScript on purpose: a reader thread of assenze.csv starts here when its code cannot be
// bundled (thread-script.ts, as for the recompute's threads): from the TypeScript source a worker
// has no loader, so this registers tsx in the thread, then runs the thread's code.
import { register } from 'tsx/esm/api';

register();
await import('./attendance-reader-thread.ts');
