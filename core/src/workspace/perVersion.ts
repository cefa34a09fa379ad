/**
 * Answers kept per host while its version stays put. The server's host has a version that moves when a file
 * rules read across folders changes (on disk, or a manifest or a doc page edited in the editor): until then an
 * answer stands, and a keystroke does not walk and read the same folders again. A host without a version (the
 * CLI's one-shot scan, tests) computes every time. Keys must be strings of their own (`folderKeyOf`): a
 * substring view would keep its whole parent, a closed document's URI, alive.
 */
export class PerVersion<T> {
  private readonly byHost = new WeakMap<object, { version: number; byKey: Map<string, T> }>();

  get(host: object & { readonly version?: number }, key: string | undefined, compute: () => T): T {
    const version = host.version;
    if (version === undefined || key === undefined) return compute();
    let cache = this.byHost.get(host);
    if (!cache || cache.version !== version) this.byHost.set(host, (cache = { version, byKey: new Map() }));
    if (cache.byKey.has(key)) return cache.byKey.get(key) as T;
    const value = compute();
    cache.byKey.set(key, value);
    return value;
  }
}
