// The language server's memory after indexing a workspace: start the bundled server on a folder, wait until
// it logs that it indexed the folder's modules, then read its resident set and V8 heap through
// `twelveFactor/serverStats` (after a short settle, and again after opening and analysing one file of the
// folder, which is what an editor does next). Prints JSON.
// Usage: node serverMemory.mjs <dist/server.js> <folder> [--heap-snapshot <file>]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileUri, startServer } from '../lib/lspClient.mjs';

const [server, folder, ...rest] = process.argv.slice(2);
const heapSnapshot = rest[0] === '--heap-snapshot' ? rest[1] : undefined;
const MB = 1024 * 1024;

const started = performance.now();
const lsp = await startServer(server, folder, { nodeArgs: heapSnapshot ? ['--heapsnapshot-signal=SIGUSR2'] : [] });
try {
  const indexed = await lsp.indexed;
  const indexedMs = performance.now() - started;
  // The index's own slices yield with setImmediate; a moment's pause lets the last allocations settle.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const afterIndex = await lsp.stats();
  const biggest = indexedModule(folder);
  let afterOpen = afterIndex;
  if (biggest) {
    const uri = fileUri(biggest);
    await lsp.open(uri, /\.tsx?$/.test(biggest) ? 'typescript' : 'javascript', readFileSync(biggest, 'utf8'));
    await lsp.diagnostics(uri);
    afterOpen = await lsp.stats();
  }
  if (heapSnapshot) {
    lsp.child.kill('SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 8000));
  }
  process.stdout.write(`${JSON.stringify({
    folder, modules: indexed.modules, indexMs: indexed.ms, indexedWallMs: indexedMs,
    rssMb: afterIndex.rss / MB, heapUsedMb: afterIndex.heapUsed / MB,
    rssAfterOpenMb: afterOpen.rss / MB, heapAfterOpenMb: afterOpen.heapUsed / MB,
    cpuMs: afterOpen.cpuMicros / 1000, opened: biggest ? path.relative(folder, biggest) : null,
  })}\n`);
} finally {
  await lsp.stop();
}

/** A source file to open: the first `src/` module found, else none. */
function indexedModule(root) {
  for (const candidate of ['src/index.ts', 'src/index.js', 'server/index.ts', 'server/index.js', 'index.js', 'app.js']) {
    try {
      readFileSync(path.join(root, candidate));
      return path.join(root, candidate);
    } catch {
      // Not there: try the next.
    }
  }
  return undefined;
}
