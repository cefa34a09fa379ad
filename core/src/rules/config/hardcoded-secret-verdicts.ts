/**
 * The rule's verdict on a literal the syntax tree found (`acceptJs`) depends on its kind, name and value, and
 * for a sink or a default sometimes on the project's product names. A keystroke finds the file's literals again
 * (most of them moved, none of them changed), and judging each again ran a few dozen regular expressions per
 * literal on every keystroke. Verdicts that did not read the product names are kept by kind (a default of a value
 * the code was given apart from an environment read's, a signing key's literal apart from a plain name's), name and value;
 * one that did is judged again each time (the names may change with the manifest).
 */
export interface Judged {
  kind: string;
  name: string;
  value: string;
  given?: boolean;
  signing?: boolean;
}

export class VerdictMemo<S extends Judged> {
  private readonly known = new Map<string, boolean>();
  /** Verdicts judged (not answered from the memo): tests count these, not milliseconds. */
  judged = 0;

  constructor(
    private readonly judge: (s: S, product: () => ReadonlySet<string>) => boolean,
    /** A long session meets many literals: the memo starts over past this many. */
    private readonly limit = 4096,
  ) {}

  accepts(s: S, product: () => ReadonlySet<string>): boolean {
    const key = `${s.kind}${s.given ? '+given' : ''}${s.signing ? '+signing' : ''}\u0000${s.name}\u0000${s.value}`;
    const known = this.known.get(key);
    if (known !== undefined) return known;
    this.judged++;
    let askedProduct = false;
    const verdict = this.judge(s, () => {
      askedProduct = true;
      return product();
    });
    if (!askedProduct) {
      if (this.known.size >= this.limit) this.known.clear();
      this.known.set(key, verdict);
    }
    return verdict;
  }

  clear(): void {
    this.known.clear();
  }
}
