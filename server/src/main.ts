import './memory';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { CoalescingOutput, consoleToClient } from './transport';

// `--stdio`: the connection writes through `CoalescingOutput` (one write per message, see transport.ts).
// `--node-ipc` or `--socket=N`: createConnection reads the transport from the command line.
if (process.argv.includes('--stdio')) {
  const connection = createConnection(ProposedFeatures.all, process.stdin, new CoalescingOutput(process.stdout));
  consoleToClient(connection);
  startServer(connection);
} else startServer(createConnection(ProposedFeatures.all));
