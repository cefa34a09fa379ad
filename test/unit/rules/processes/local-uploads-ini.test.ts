import { rule as localUploads } from '../../../../core/src/rules/processes/local-uploads';
import { runIniRows } from '../iniCases';

// A shipped INI configuration (audit, held-out 10 Go: ezbookkeeping's conf/ezbookkeeping.ini, `[storage] type =
// local_filesystem`).
runIniRows(localUploads);
