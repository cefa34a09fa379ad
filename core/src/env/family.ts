import type { EnvSchema } from './schema';

/**
 * Declaration files that only switch one optional feature on (every name commented out, all of one family:
 * `# CSP_DEFAULT_SRC=…`, `# CSP_SCRIPT_SRC=…`) document that feature, not the app's whole configuration:
 * wagtail/bakerydemo's `.env.example` holds its Content-Security-Policy switches and says so, while its
 * production settings read 30 other variables. Reads outside the family are not "undeclared in" that file;
 * reads inside it still are. A file with an active declaration is the app's contract, one family or not
 * (vercel/nextjs-subscription-payments declares only `SUPABASE_AUTH_*` and its Stripe keys are owed one).
 * A client-exposure prefix (`NEXT_PUBLIC_`, `VITE_`…) is no family: a package declaring only those still
 * owes a declaration for its server-side reads.
 */
const EXPOSURE_PREFIXES = ['NEXT_PUBLIC_', 'VITE_', 'REACT_APP_', 'EXPO_PUBLIC_', 'PUBLIC_', 'NUXT_', 'NUXT_PUBLIC_', 'GATSBY_', 'VUE_APP_', 'STORYBOOK_'];

/** The `PREFIX_` every declared name shares (at least two names), or undefined. */
export function declaredFamily(names: Iterable<string>): string | undefined {
  let prefix: string | undefined;
  let count = 0;
  for (const name of names) {
    count++;
    if (EXPOSURE_PREFIXES.some((e) => name.toUpperCase().startsWith(e))) return undefined;
    const first = /^[A-Za-z][A-Za-z0-9]*_/.exec(name)?.[0];
    if (!first) return undefined;
    if (prefix === undefined) prefix = first;
    else if (prefix !== first) return undefined;
  }
  return count >= 2 ? prefix : undefined;
}

/** The family of an opt-in feature's declaration files (nothing declared but commented names of one prefix), or undefined. */
export function optionalFamily(files: EnvSchema[]): string | undefined {
  if (files.some((f) => f.variables.size > 0 || f.source !== 'example')) return undefined;
  return declaredFamily(files.flatMap((f) => [...(f.commented ?? [])]));
}
