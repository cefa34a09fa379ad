/**
 * The scaffold engine: detection, generators and the command logic. It carries the TypeScript parser, so it is
 * its own bundle (esbuild entry `client/src/scaffold/engine.ts` → `dist/scaffold.js`), loaded by index.ts on
 * the first scaffold command; dist/client.js stays free of the compiler and activation stays fast.
 */
export { runOptions, runScaffold, type RunOptions, type ScaffoldResult } from './run';
export { scaffoldById } from '../../../core/src/scaffold';
