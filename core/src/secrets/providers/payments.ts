import type { SecretProvider } from '../provider';
import { ALNUM, ASSIGN, B64, B64URL, HEX, LOWER_ALNUM, plausible, rnd, uuid, words } from './util';

// Test keys that Stripe prints in its own documentation: public, and pasted into countless tutorials.
const STRIPE_DOC_KEYS = new Set(['sk_test_' + '4eC39HqLyjWDarjtT1zdp7dc', 'sk_test_' + 'BQokikJOvBiI2HlWgH4olfQ2']);

export const payments: readonly SecretProvider[] = [
  {
    id: 'stripe-secret-key',
    name: 'Stripe secret key',
    envName: 'STRIPE_SECRET_KEY',
    keywords: ['sk_live_', 'sk_test_'],
    // Publishable keys (`pk_live_`, `pk_test_`) are meant for the browser and are deliberately absent.
    pattern: /(?<![\w-])sk_(?:live|test)_[A-Za-z0-9]{24,247}(?![\w-])/g,
    minEntropy: 3.5,
    validate: (s) => plausible(s.slice(8)) && !STRIPE_DOC_KEYS.has(s),
    tps: [
      `STRIPE_SECRET_KEY=${'sk_live_' + '51' + rnd(ALNUM, 97, 'st-1')}`,
      `const stripe = new Stripe("${'sk_test_' + rnd(ALNUM, 24, 'st-2')}");`,
      `stripe:\n  secret_key: ${'sk_live_' + rnd(ALNUM, 24, 'st-3')}`,
    ],
    fps: [
      `STRIPE_PUBLISHABLE_KEY=${'pk_live_' + '51' + rnd(ALNUM, 97, 'st-4')}`,
      `STRIPE_SECRET_KEY=sk_live_${'x'.repeat(24)}`,
      'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "${STRIPE_KEY}");',
      `const stripe = new Stripe('${'sk_test_' + '4eC39HqLyjWDarjtT1zdp7dc'}'); // from the Stripe docs`,
      `STRIPE_SECRET_KEY=sk_live_${rnd(ALNUM, 10, 'st-5')}`,
      'STRIPE_SECRET_KEY=<your-stripe-secret-key>',
    ],
  },
  {
    id: 'stripe-restricted-key',
    name: 'Stripe restricted key',
    envName: 'STRIPE_RESTRICTED_KEY',
    keywords: ['rk_live_', 'rk_test_'],
    pattern: /(?<![\w-])rk_(?:live|test)_[A-Za-z0-9]{24,247}(?![\w-])/g,
    minEntropy: 3.5,
    validate: (s) => plausible(s.slice(8)),
    tps: [
      `STRIPE_RESTRICTED_KEY=${'rk_live_' + '51' + rnd(ALNUM, 97, 'rk-1')}`,
      `const stripe = require('stripe')('${'rk_test_' + rnd(ALNUM, 24, 'rk-2')}');`,
    ],
    fps: ['STRIPE_RESTRICTED_KEY=rk_live_<restricted key>', `const prefix = 'rk_live_';`],
  },
  {
    id: 'stripe-webhook-secret',
    name: 'Stripe (or Svix) webhook signing secret',
    envName: 'STRIPE_WEBHOOK_SECRET',
    keywords: ['whsec_'],
    // Stripe issues `whsec_` + 32+ alphanumerics; Svix (Clerk, Resend…) `whsec_` + base64. Both sign
    // webhooks, so both let a holder forge events.
    pattern: /(?<![\w-])whsec_[A-Za-z0-9+/]{32,88}={0,2}(?![\w+/=-])/g,
    minEntropy: 3.5,
    validate: (s) => plausible(s.slice(6)),
    tps: [
      `STRIPE_WEBHOOK_SECRET=${'whsec_' + rnd(ALNUM, 32, 'wh-1')}`,
      `const wh = new Webhook('${'whsec_' + rnd(B64, 32, 'wh-2')}=');`,
    ],
    fps: ['STRIPE_WEBHOOK_SECRET=whsec_...', `STRIPE_WEBHOOK_SECRET=whsec_${'x'.repeat(32)}`],
  },
  {
    id: 'square-access-token',
    name: 'Square access token',
    envName: 'SQUARE_ACCESS_TOKEN',
    keywords: ['sq0atp-', 'square'],
    // Legacy `sq0atp-` tokens stand alone. Current ones are `EAAA` + 60, a shape that needs a
    // square…token name (Facebook tokens start `EAA` too, but never `EAAA`).
    pattern: new RegExp(
      `(?:${words('square')}[\\w.-]{0,20}?(?:token|Token|TOKEN)${ASSIGN}|(?<![\\w-])(?=sq0atp-))(?<secret>sq0atp-[\\w-]{22}|EAAA[\\w-]{60})(?![\\w-])`,
      'g',
    ),
    minEntropy: 3.5,
    validate: plausible,
    tps: [
      `SQUARE_ACCESS_TOKEN=${'EAAA' + rnd(B64URL, 60, 'sq-1')}`,
      `const client = new Client({ accessToken: '${'sq0atp-' + rnd(B64URL, 22, 'sq-2')}' });`,
    ],
    fps: [
      `SQUARE_APPLICATION_ID=sq0idp-${rnd(B64URL, 22, 'sq-3')}`,
      `const blob = '${'EAAA' + rnd(B64URL, 60, 'sq-4')}'; // no square context`,
      `SQUARE_ACCESS_TOKEN=EAAA${'x'.repeat(60)}`,
    ],
  },
  {
    id: 'square-oauth-secret',
    name: 'Square OAuth application secret',
    envName: 'SQUARE_APPLICATION_SECRET',
    keywords: ['sq0csp-'],
    pattern: /(?<![\w-])sq0csp-[\w-]{43}(?![\w-])/g,
    minEntropy: 3.5,
    tps: [
      `SQUARE_APPLICATION_SECRET=${'sq0csp-' + rnd(B64URL, 43, 'sqs-1')}`,
      `oauth: { clientSecret: "${'sq0csp-' + rnd(ALNUM, 43, 'sqs-2')}" }`,
    ],
    fps: ['SQUARE_APPLICATION_SECRET=sq0csp-...', `SQUARE_APPLICATION_SECRET=sq0csp-${rnd(ALNUM, 20, 'sqs-3')}`],
  },
  {
    id: 'braintree-access-token',
    name: 'PayPal Braintree access token',
    envName: 'BRAINTREE_ACCESS_TOKEN',
    keywords: ['access_token$production$', 'access_token$sandbox$'],
    pattern: /(?<![\w$])access_token\$(?:production|sandbox)\$[a-z0-9]{16}\$[a-f0-9]{32}(?![\w$])/g,
    minEntropy: 3,
    tps: [
      `BRAINTREE_ACCESS_TOKEN=${'access_token$production$' + rnd(LOWER_ALNUM, 16, 'bt-1') + '$' + rnd(HEX, 32, 'bt-2')}`,
      `const gateway = new braintree.BraintreeGateway({ accessToken: '${'access_token$sandbox$' + rnd(LOWER_ALNUM, 16, 'bt-3') + '$' + rnd(HEX, 32, 'bt-4')}' });`,
    ],
    fps: ['BRAINTREE_ACCESS_TOKEN=access_token$production$<merchant>$<secret>', 'const s = "access_token$production$" + merchantId;'],
  },
  {
    id: 'shopify-access-token',
    name: 'Shopify access token',
    envName: 'SHOPIFY_ACCESS_TOKEN',
    keywords: ['shpat_', 'shpca_', 'shppa_'],
    // Admin API (shpat_), custom app (shpca_) and legacy private app (shppa_) tokens.
    pattern: /(?<![\w-])shp(?:at|ca|pa)_[a-fA-F0-9]{32}(?![\w-])/g,
    minEntropy: 3,
    tps: [
      `SHOPIFY_ACCESS_TOKEN=${'shpat_' + rnd(HEX, 32, 'sh-1')}`,
      `const session = { shop: 'acme.myshopify.com', accessToken: '${'shpca_' + rnd(HEX, 32, 'sh-2')}' };`,
    ],
    fps: [`SHOPIFY_ACCESS_TOKEN=shpat_${'0'.repeat(32)}`, `SHOPIFY_ACCESS_TOKEN=shpat_${rnd(ALNUM, 32, 'sh-3')}`],
  },
  {
    id: 'shopify-shared-secret',
    name: 'Shopify app shared secret',
    envName: 'SHOPIFY_API_SECRET',
    keywords: ['shpss_'],
    pattern: /(?<![\w-])shpss_[a-fA-F0-9]{32}(?![\w-])/g,
    minEntropy: 3,
    tps: [`SHOPIFY_API_SECRET=${'shpss_' + rnd(HEX, 32, 'shs-1')}`, `apiSecretKey: "${'shpss_' + rnd(HEX, 32, 'shs-2')}",`],
    fps: [`SHOPIFY_API_SECRET=shpss_${'x'.repeat(32)}`, `const p = 'shpss_';`],
  },
  {
    id: 'flutterwave-secret-key',
    name: 'Flutterwave secret key',
    envName: 'FLW_SECRET_KEY',
    keywords: ['flwseck'],
    pattern: /(?<![\w-])FLWSECK(?:_TEST)?-[a-zA-Z0-9]{32}-X(?![\w-])/g,
    minEntropy: 3,
    validate: plausible,
    tps: [
      `FLW_SECRET_KEY=${'FLWSECK-' + rnd(HEX, 32, 'flw-1')}-X`,
      `const flw = new Flutterwave(publicKey, '${'FLWSECK_TEST-' + rnd(HEX, 32, 'flw-2')}-X');`,
    ],
    fps: [`FLW_SECRET_KEY=FLWSECK-${'x'.repeat(32)}-X`, `FLW_PUBLIC_KEY=FLWPUBK-${rnd(HEX, 32, 'flw-3')}-X`],
  },
  {
    id: 'shippo-api-token',
    name: 'Shippo API token',
    envName: 'SHIPPO_API_TOKEN',
    keywords: ['shippo_live_', 'shippo_test_'],
    pattern: /(?<![\w-])shippo_(?:live|test)_[a-fA-F0-9]{40}(?![\w-])/g,
    minEntropy: 3,
    tps: [`SHIPPO_API_TOKEN=${'shippo_live_' + rnd(HEX, 40, 'shp-1')}`, `const shippo = new Shippo({ apiKeyHeader: 'ShippoToken ${'shippo_test_' + rnd(HEX, 40, 'shp-2')}' });`],
    fps: [`SHIPPO_API_TOKEN=shippo_live_${'x'.repeat(40)}`, `const env = 'shippo_live_' + suffix;`],
  },
  {
    id: 'easypost-api-key',
    name: 'EasyPost API key',
    envName: 'EASYPOST_API_KEY',
    keywords: ['ezak', 'eztk'],
    pattern: /(?<![\w-])EZ[AT]K[a-zA-Z0-9]{54}(?![\w-])/g,
    minEntropy: 3.5,
    validate: plausible,
    tps: [`EASYPOST_API_KEY=${'EZAK' + rnd(ALNUM, 54, 'ez-1')}`, `const client = new EasyPostClient('${'EZTK' + rnd(ALNUM, 54, 'ez-2')}');`],
    fps: ['EASYPOST_API_KEY=EZAK...', `EASYPOST_API_KEY=EZAK${rnd(ALNUM, 20, 'ez-3')}`],
  },
  {
    id: 'klaviyo-private-key',
    name: 'Klaviyo private API key',
    envName: 'KLAVIYO_PRIVATE_KEY',
    keywords: ['klaviyo'],
    // Klaviyo's private keys are `pk_` + 34 characters: the same prefix Stripe uses for its *public*
    // keys, so the key counts only on a line that mentions Klaviyo.
    pattern: new RegExp(`${words('klaviyo')}[^\\n]{0,80}?['"\`=:\\s](?<secret>pk_[A-Za-z0-9]{34})(?![\\w-])`, 'g'),
    minEntropy: 3.5,
    validate: (s) => plausible(s.slice(3)),
    tps: [
      `KLAVIYO_PRIVATE_KEY=${'pk_' + rnd(ALNUM, 34, 'kl-1')}`,
      `const klaviyo = new ApiKeySession('${'pk_' + rnd(HEX, 34, 'kl-2')}');`,
    ],
    fps: [`KLAVIYO_PUBLIC_KEY=${rnd(ALNUM, 6, 'kl-3')}`, `STRIPE_PUBLISHABLE_KEY=${'pk_live_' + rnd(ALNUM, 34, 'kl-4')}`],
  },
  {
    id: 'plaid-access-token',
    name: 'Plaid access token',
    envName: 'PLAID_ACCESS_TOKEN',
    keywords: ['access-production-', 'access-development-', 'access-sandbox-'],
    pattern: /(?<![\w-])access-(?:production|development|sandbox)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\w-])/g,
    tps: [`PLAID_ACCESS_TOKEN=${'access-production-' + uuid('pl-1')}`, `const { data } = await plaid.accountsGet({ access_token: '${'access-sandbox-' + uuid('pl-2')}' });`],
    fps: ['PLAID_ACCESS_TOKEN=access-sandbox-<uuid>', `const role = 'access-production-readers';`],
  },
];
