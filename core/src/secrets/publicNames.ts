import { ALNUM, HEX, rnd } from './providers/util';

/**
 * Names of keys that are public by design: an analytics service's write key or project token only adds
 * events to the project it names, reads nothing back, and ships inside every browser page, mobile app and
 * installed command-line tool that reports usage. A value kept under such a name is configuration, not a
 * secret (the same reason PostHog's `phc_` keys and Stripe's `pk_` keys are not reported, `value.ts`).
 * Only the name is excused: a provider's secret format kept there (a Stripe `sk_live_…` by mistake) is still
 * found by its provider, which does not read names. Data as a table, gitleaks-style: each row names its
 * documentation and has examples that must stay quiet (`fps`) and near misses still reported (`tps`).
 */
export interface PublicNameRow {
  id: string;
  /** Where the vendor says the key is public. */
  docs: string;
  /** The name's words, lower case, joined by `_` (`CLI_SEGMENT_WRITE_KEY`, `segmentWriteKey` → `cli_segment_write_key`). */
  name: RegExp;
  fps: readonly string[];
  tps: readonly string[];
}

export const PUBLIC_NAMES: readonly PublicNameRow[] = [
  {
    // "The write key is a unique identifier for each source" (Segment, Locate your Write Key); analytics.js and
    // the mobile SDKs send it from every client. Segment's Public API tokens (`sgp_`) and access tokens are secret.
    id: 'segment-write-key',
    docs: 'https://segment.com/docs/connections/find-writekey/',
    name: /(?:^|_)segments?_(?:[a-z]+_)?write_?key$/,
    fps: [
      `export const ANALYTICS_WRITE_KEY = process.env.CLI_SEGMENT_WRITE_KEY || '${rnd(ALNUM, 32, 'pn-seg-1')}';`,
      `const segmentWriteKey = process.env.SEGMENT_WRITE_KEY ?? '${rnd(ALNUM, 32, 'pn-seg-2')}';`,
    ],
    tps: [
      // A Stripe secret key kept under the write key's name by mistake: its provider finds it.
      `const SEGMENT_WRITE_KEY = process.env.SEGMENT_WRITE_KEY || '${'sk_' + 'live_' + rnd(ALNUM, 24, 'pn-seg-3')}';`,
      `const SEGMENT_ACCESS_TOKEN = process.env.SEGMENT_ACCESS_TOKEN || '${rnd(ALNUM, 32, 'pn-seg-4')}';`,
    ],
  },
  {
    // "Your project token is not a secret value" (Mixpanel, Project Token): the browser SDK is initialised with it.
    // The project's API secret and service accounts are other names.
    id: 'mixpanel-project-token',
    docs: 'https://docs.mixpanel.com/docs/orgs-and-projects/managing-projects#project-token',
    name: /(?:^|_)mixpanel_(?:project_)?token$/,
    fps: [`const MIXPANEL_TOKEN = process.env.MIXPANEL_TOKEN || '${rnd(HEX, 32, 'pn-mp-1')}';`],
    tps: [`const MIXPANEL_API_SECRET = process.env.MIXPANEL_API_SECRET || '${rnd(HEX, 32, 'pn-mp-2')}';`],
  },
  {
    // "Publishable keys … can be publicly accessible in your web or mobile app's client-side code" (Stripe, API
    // keys); Clerk's publishable key is "safe to expose" in the same way. The secret keys (`sk_`, `rk_`) are found
    // by their provider format under any name.
    id: 'publishable-key',
    docs: 'https://docs.stripe.com/keys',
    name: /(?:^|_)(?:publishable_?key|stripe_(?:[a-z]+_)?public_?key)$/,
    fps: [
      `const key = import.meta.env.VITE_STRIPE_PUBLIC_KEY ?? '${'pk_' + 'live_' + rnd(ALNUM, 24, 'pn-pk-1')}';`,
      `const clerk = process.env.NEXT_CLERK_PUBLISHABLE_KEY || '${rnd(ALNUM, 32, 'pn-pk-2')}';`,
    ],
    tps: [
      `const key = process.env.STRIPE_PUBLIC_KEY || '${'sk_' + 'live_' + rnd(ALNUM, 24, 'pn-pk-3')}';`,
      `const key = process.env.STRIPE_WEBHOOK_KEY || '${rnd(ALNUM, 32, 'pn-pk-4')}';`,
    ],
  },
];

/** The row whose name this is: a key the vendor publishes in every client. */
export function publicNameOf(name: string): PublicNameRow | undefined {
  const joined = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .join('_')
    .toLowerCase();
  return PUBLIC_NAMES.find((row) => row.name.test(joined));
}
