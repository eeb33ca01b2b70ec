// Runs the TypeScript parser worker from source: registers tsx's loader on this worker thread,
// then loads parse-worker.ts. Used where the main process also runs from source (the command
// line, browser mode and tests); the built app starts the bundled parse-worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
