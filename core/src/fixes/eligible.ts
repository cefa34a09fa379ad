import * as path from 'node:path';
import { isTestFile } from '../fileKinds';
import type { Finding } from '../types';

/**
 * Which findings fix-all (`source.fixAll.twelveFactor`, fix-all on save) and `cli --fix` change unasked: only
 * errors and warnings, and never in test code. A hint or an info is advice, not a defect to rewrite, and a
 * test's literal password or in-memory session is usually the point of the test. A quick fix the user picks
 * for one finding is still offered everywhere.
 */
export function fixedUnasked(finding: Finding, filePath: string, root: string | undefined): boolean {
  if (finding.severity !== 'error' && finding.severity !== 'warning') return false;
  const relative = root ? path.relative(root, filePath) : filePath;
  // Judged inside the project, like the engine does: a project kept under `~/test/` is not test code.
  return !isTestFile(relative.startsWith('..') ? filePath : relative);
}
