// Secrets and source files shared by the language-server tests. Every secret is assembled at run time, so this
// repository holds no key literal that a secret scanner or push protection would (rightly) flag.
import type { Range } from 'vscode-languageserver-protocol';
import { rangeOf } from './client';

/** A Stripe live secret key (Stripe's public documentation key with the live prefix): 40 characters. */
export const STRIPE_KEY = 'sk_' + 'live_' + '4eC39HqLyjWDarjtT1zdp7dcTw3lveF4ct0r';
/** A password kept under a telling name. */
export const DB_PASSWORD = ['Tr0ub4dor', 'and', '3xQ9'].join('-');
/** A second password for files with two secrets. */
export const SESSION_SECRET = ['c0rrect', 'h0rse', 'Battery', 'st4ple'].join('_');

export const ALL_SECRETS = [STRIPE_KEY, DB_PASSWORD, SESSION_SECRET];

/** `src/pay.ts`: one Stripe key passed to the SDK, on line 2. */
export const PAY_TS = `import Stripe from 'stripe';\n\nconst stripe = new Stripe('${STRIPE_KEY}');\nexport default stripe;\n`;

/** The same file with the key read from the environment: nothing to report. */
export const PAY_TS_CLEAN = "import Stripe from 'stripe';\n\nconst stripe = new Stripe(process.env.STRIPE_API_KEY ?? '');\nexport default stripe;\n";

/** Two secrets in one file. */
export const TWO_SECRETS_TS = `import Stripe from 'stripe';\n\nexport const stripe = new Stripe('${STRIPE_KEY}');\nexport const sessionSecret = '${SESSION_SECRET}';\n`;

/** Where `needle` is in `text`: the range a diagnostic on it must have. */
export function expectedRange(text: string, needle: string): Range {
  return rangeOf(text, needle);
}
