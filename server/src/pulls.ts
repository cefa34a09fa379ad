import { LSPErrorCodes, ResponseError, type Diagnostic } from 'vscode-languageserver';

/**
 * Diagnostic pulls for one document must not pile up (issue 11: 30 outstanding pulls on a file with
 * thousands of findings took a minute to answer and held on to their results). As vscode-eslint does, a newer
 * pull for a document supersedes the older ones still waiting (for settings, say): those are answered
 * `ServerCancelled` without a retrigger, since the newer pull will carry the answer. The diagnostics of one
 * analysis are built once and shared by every pull that gets it; everything is dropped when the document closes.
 */
export class PullCoordinator {
  private readonly latest = new Map<string, number>();
  private next = 0;
  private readonly converted = new WeakMap<object, Diagnostic[]>();

  /** Registers a pull; the returned ticket says later whether a newer one arrived meanwhile. */
  begin(uri: string): number {
    const ticket = ++this.next;
    this.latest.set(uri, ticket);
    return ticket;
  }

  /** Throws the "superseded" answer when a newer pull for the document arrived after this one. */
  checkCurrent(uri: string, ticket: number): void {
    const latest = this.latest.get(uri);
    // No entry: the document closed meanwhile, which the caller answers with an empty report.
    if (latest !== undefined && latest !== ticket) {
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded by a newer diagnostic request', { retriggerRequest: false });
    }
  }

  /** The pull is answered: when it was the newest, nothing is kept for the document. */
  done(uri: string, ticket: number): void {
    if (this.latest.get(uri) === ticket) this.latest.delete(uri);
  }

  /** The diagnostics of one analysis result, converted once. */
  diagnosticsOf(result: object, convert: () => Diagnostic[]): Diagnostic[] {
    let items = this.converted.get(result);
    if (!items) {
      items = convert();
      this.converted.set(result, items);
    }
    return items;
  }

  forget(uri: string): void {
    this.latest.delete(uri);
  }

  get documents(): number {
    return this.latest.size;
  }
}
