import { rule as inMemorySession } from '../../../../core/src/rules/processes/in-memory-session';
import { runIniRows } from '../iniCases';

// A shipped INI configuration (audit, held-out 8 Go: gogs's conf/app.ini, the default the server embeds,
// `[session] PROVIDER = memory`).
runIniRows(inMemorySession);
