import type { FixDescriptor } from './types';

/**
 * What a rule reports as a finding's fixes: the list, or a function computing it when someone asks. A fix can
 * cost a walk of the whole tree (a free name for a new `const`); diagnostics never need it, so on a keystroke
 * only a code action (or `cli --fix`) pays for it.
 */
export type FixesOf = FixDescriptor[] | (() => FixDescriptor[] | undefined);

let computed = 0;

/** How many deferred fix lists have been computed in this process (for tests of the laziness). */
export function deferredFixesComputed(): number {
  return computed;
}

/**
 * The fixes of each finding, as a Map; a deferred list is computed on the first read of its finding (or of
 * the whole map: size, iteration) and kept. A finding whose deferred list comes out empty has no entry.
 */
export class FindingFixes<K> extends Map<K, FixDescriptor[]> {
  private pending: Map<K, () => FixDescriptor[] | undefined> | undefined;

  add(key: K, fixes: FixesOf | undefined): void {
    if (typeof fixes === 'function') (this.pending ??= new Map()).set(key, fixes);
    else if (fixes && fixes.length > 0) this.set(key, fixes);
  }

  private resolve(key: K): void {
    const thunk = this.pending?.get(key);
    if (!thunk) return;
    this.pending?.delete(key);
    computed++;
    const fixes = thunk();
    if (fixes && fixes.length > 0) super.set(key, fixes);
  }

  private resolveAll(): void {
    if (!this.pending) return;
    for (const key of [...this.pending.keys()]) this.resolve(key);
  }

  override get(key: K): FixDescriptor[] | undefined {
    this.resolve(key);
    return super.get(key);
  }

  override has(key: K): boolean {
    this.resolve(key);
    return super.has(key);
  }

  override set(key: K, value: FixDescriptor[]): this {
    this.pending?.delete(key);
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    const was = this.pending?.delete(key) ?? false;
    return super.delete(key) || was;
  }

  override get size(): number {
    this.resolveAll();
    return super.size;
  }

  override entries(): MapIterator<[K, FixDescriptor[]]> {
    this.resolveAll();
    return super.entries();
  }

  override keys(): MapIterator<K> {
    this.resolveAll();
    return super.keys();
  }

  override values(): MapIterator<FixDescriptor[]> {
    this.resolveAll();
    return super.values();
  }

  override forEach(callback: (value: FixDescriptor[], key: K, map: Map<K, FixDescriptor[]>) => void, thisArg?: unknown): void {
    this.resolveAll();
    super.forEach(callback, thisArg);
  }

  override [Symbol.iterator](): MapIterator<[K, FixDescriptor[]]> {
    return this.entries();
  }
}
