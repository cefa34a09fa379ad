import './memory';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// `--stdio`, `--node-ipc` or `--socket=N`: createConnection reads the transport from the command line.
startServer(createConnection(ProposedFeatures.all));
