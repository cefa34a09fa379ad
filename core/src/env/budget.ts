import type { Report } from '../rules/types';

/**
 * A generated or damaged file can hold a million problems of one kind. Past this many findings of one
 * message id in a file, the rest wait for the next run (after fixing), so neither the engine nor the
 * editor drowns; checks ask `open` first and skip the work (fixes, dotenv reads) for findings not reported.
 */
export const MAX_PER_CHECK = 1000;

export class ReportBudget {
  private readonly counts = new Map<string, number>();

  constructor(private readonly sink: (r: Report) => void, private readonly max = MAX_PER_CHECK) {}

  /** Whether another finding with this message id would still be reported. */
  open(messageId: string): boolean {
    return (this.counts.get(messageId) ?? 0) < this.max;
  }

  /** Whether every message id of the list is used up (a loop over entries may stop). */
  exhausted(...messageIds: string[]): boolean {
    return messageIds.every((id) => !this.open(id));
  }

  report(r: Report): void {
    const n = this.counts.get(r.messageId) ?? 0;
    if (n >= this.max) return;
    this.counts.set(r.messageId, n + 1);
    this.sink(r);
  }
}
