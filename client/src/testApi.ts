import type { ComplianceTree } from './compliance/tree';

/**
 * What `activate` returns: read by the integration tests (vscode.extensions.getExtension(…).exports), since
 * VS Code offers no API to read another extension's status item or tree view. Not a public API.
 */
export interface TestApi {
  status(): { text: string; tooltip: string; command: string };
  panel(): { message: string | undefined; description: string | undefined; tree: ComplianceTree };
  /** Error lines written to the Twelve-Factor output channel since activation. */
  outputErrors(): string[];
}
