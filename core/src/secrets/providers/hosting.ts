import type { SecretProvider } from '../provider';
import { ALNUM, ASSIGN, B64, B64URL, HEX, LOWER_ALNUM, plausible, rnd, uuid, word, words } from './util';

const KEY_OR_TOKEN = '(?:key|Key|KEY|token|Token|TOKEN)';

export const hosting: readonly SecretProvider[] = [
  {
    id: 'digitalocean-pat',
    name: 'DigitalOcean personal access token',
    envName: 'DIGITALOCEAN_TOKEN',
    keywords: ['dop_v1_'],
    pattern: /(?<![\w-])dop_v1_[a-f0-9]{64}(?![\w-])/g,
    minEntropy: 3,
    tps: [
      `DIGITALOCEAN_TOKEN=${'dop_v1_' + rnd(HEX, 64, 'do-1')}`,
      `provider "digitalocean" { token = "${'dop_v1_' + rnd(HEX, 64, 'do-2')}" }`,
    ],
    fps: [
      `DIGITALOCEAN_TOKEN=${'dop_v1_' + 'x'.repeat(64)}`,
      `DIGITALOCEAN_TOKEN=${'dop_v1_' + rnd(HEX, 40, 'do-3')}`,
      `image: node@sha256:${rnd(HEX, 64, 'do-4')}`,
    ],
  },
  {
    id: 'digitalocean-oauth-token',
    name: 'DigitalOcean OAuth access/refresh token',
    envName: 'DIGITALOCEAN_ACCESS_TOKEN',
    keywords: ['doo_v1_', 'dor_v1_'],
    pattern: /(?<![\w-])do[or]_v1_[a-f0-9]{64}(?![\w-])/g,
    minEntropy: 3,
    tps: [
      `DIGITALOCEAN_ACCESS_TOKEN=${'doo_v1_' + rnd(HEX, 64, 'doo-1')}`,
      `{ "refresh_token": "${'dor_v1_' + rnd(HEX, 64, 'doo-2')}" }`,
    ],
    fps: [
      `const prefix = 'doo_v1_';`,
      `{ "refresh_token": "${'dor_v1_' + rnd(HEX, 63, 'doo-3')}G" }`,
    ],
  },
  {
    id: 'heroku-api-key',
    name: 'Heroku API key',
    envName: 'HEROKU_API_KEY',
    keywords: ['heroku', 'hrku-'],
    // New keys carry their own `HRKU-AA` prefix. Old ones are bare UUIDs, and UUIDs are everywhere
    // (HEROKU_APP_ID is one), so a UUID counts only under a name that says heroku…key/token. The
    // lookahead lets the prefix-less branch admit nothing but the prefixed format.
    pattern: new RegExp(
      `(?:${word('heroku')}[\\w.-]{0,20}?(?:key|Key|KEY|token|Token|TOKEN|auth|Auth|AUTH)${ASSIGN}|(?<![\\w-])(?=HRKU-))` +
        '(?<secret>HRKU-AA[\\w-]{58}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\\w-])',
      'g',
    ),
    tps: [
      `HEROKU_API_KEY=${uuid('her-1')}`,
      `HEROKU_API_KEY: ${'HRKU-AA' + rnd(B64URL, 58, 'her-2')}`,
      `const heroku = new Heroku({ token: '${'HRKU-AA' + rnd(ALNUM, 58, 'her-3')}' });`,
    ],
    fps: [
      `HEROKU_APP_ID=${uuid('her-4')}`,
      `const requestId = '${uuid('her-5')}';`,
      'HEROKU_API_KEY=${{ secrets.HEROKU_API_KEY }}',
    ],
  },
  {
    id: 'cloudflare-api-token',
    name: 'Cloudflare API token',
    envName: 'CLOUDFLARE_API_TOKEN',
    keywords: ['cloudflare', 'cf_api_token', 'cfapitoken'],
    // API tokens are 40 URL-safe characters with no prefix: only the name tells them apart.
    pattern: new RegExp(
      `(?:${words('cloudflare')}[\\w.-]{0,20}?(?:token|Token|TOKEN)|CF_API_TOKEN|cfApiToken)${ASSIGN}(?<secret>[A-Za-z0-9_-]{40})(?![\\w-])`,
      'g',
    ),
    minEntropy: 3.5,
    validate: plausible,
    tps: [
      `CLOUDFLARE_API_TOKEN=${rnd(B64URL, 40, 'cf-1')}`,
      `- name: deploy\n  env:\n    CF_API_TOKEN: "${rnd(ALNUM, 40, 'cf-2')}"`,
    ],
    fps: [
      `CLOUDFLARE_ZONE_ID=${rnd(HEX, 32, 'cf-3')}`,
      'CLOUDFLARE_API_TOKEN=${{ secrets.CLOUDFLARE_API_TOKEN }}',
      `CLOUDFLARE_API_TOKEN=${rnd(ALNUM, 24, 'cf-4')}`,
    ],
  },
  {
    id: 'cloudflare-global-api-key',
    name: 'Cloudflare global API key',
    envName: 'CLOUDFLARE_API_KEY',
    keywords: ['cloudflare', 'cf_api_key', 'x-auth-key'],
    // The legacy global key: 37 lower-case hex characters, sent as `X-Auth-Key` with `X-Auth-Email`.
    pattern: new RegExp(
      `(?:${words('cloudflare')}[\\w.-]{0,20}?(?:key|Key|KEY)|CF_API_KEY|X-Auth-Key)${ASSIGN}(?<secret>[a-f0-9]{37})(?![\\w-])`,
      'g',
    ),
    minEntropy: 3,
    validate: plausible,
    tps: [
      `CLOUDFLARE_API_KEY=${rnd(HEX, 37, 'cfg-1')}`,
      `headers: { 'X-Auth-Email': 'ops@shop.io', 'X-Auth-Key': '${rnd(HEX, 37, 'cfg-2')}' }`,
    ],
    fps: [
      `CLOUDFLARE_API_KEY=${rnd(HEX, 40, 'cfg-3')}`,
      `'X-Auth-Key': process.env.CLOUDFLARE_API_KEY`,
    ],
  },
  {
    id: 'cloudflare-origin-ca-key',
    name: 'Cloudflare Origin CA key',
    envName: 'CLOUDFLARE_ORIGIN_CA_KEY',
    keywords: ['v1.0-'],
    pattern: /(?<![\w.-])v1\.0-[a-f0-9]{24}-[a-f0-9]{146}(?![\w-])/g,
    minEntropy: 3,
    tps: [
      `CLOUDFLARE_ORIGIN_CA_KEY=${'v1.0-' + rnd(HEX, 24, 'cfo-1') + '-' + rnd(HEX, 146, 'cfo-2')}`,
      `origin_ca_key = "${'v1.0-' + rnd(HEX, 24, 'cfo-3') + '-' + rnd(HEX, 146, 'cfo-4')}"`,
    ],
    fps: [
      `"version": "v1.0-${rnd(HEX, 24, 'cfo-5')}"`,
      `image: registry.local/app:v1.0-rc1`,
    ],
  },
  {
    id: 'flyio-token',
    name: 'Fly.io access token',
    envName: 'FLY_API_TOKEN',
    keywords: ['fo1_', 'fm1a_', 'fm1r_', 'fm2_'],
    // `fo1_` are OAuth tokens; `fm1a_`/`fm1r_`/`fm2_` are base64 macaroons (often after `FlyV1 `).
    pattern: /(?<![\w-])(?:fo1_[\w-]{43}|fm1[ar]_[A-Za-z0-9+/]{100,2000}={0,3}|fm2_[A-Za-z0-9+/]{100,2000}={0,3})(?![\w+/=-])/g,
    minEntropy: 4,
    tps: [
      `FLY_API_TOKEN="FlyV1 ${'fm2_' + rnd(B64, 180, 'fly-1')}=="`,
      `FLY_ACCESS_TOKEN=${'fo1_' + rnd(B64URL, 43, 'fly-2')}`,
    ],
    fps: [
      'FLY_API_TOKEN="FlyV1 fm2_..."',
      `const tag = 'fm2_${rnd(LOWER_ALNUM, 20, 'fly-3')}';`,
    ],
  },
  {
    id: 'scalingo-api-token',
    name: 'Scalingo API token',
    envName: 'SCALINGO_API_TOKEN',
    keywords: ['tk-us-'],
    pattern: /(?<![\w-])tk-us-[\w-]{48}(?![\w-])/g,
    minEntropy: 3.5,
    tps: [
      `SCALINGO_API_TOKEN=${'tk-us-' + rnd(B64URL, 48, 'scl-1')}`,
      `scalingo login --api-token ${'tk-us-' + rnd(ALNUM, 48, 'scl-2')}`,
    ],
    fps: [`SCALINGO_API_TOKEN=tk-us-${'x'.repeat(48)}`, `const region = 'tk-us-east';`],
  },
  {
    id: 'vercel-token',
    name: 'Vercel token',
    envName: 'VERCEL_TOKEN',
    keywords: ['vercel', 'vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
    // Since 2025 tokens carry a type prefix (`vcp_` personal, `vci_` integration, `vca_`/`vcr_` app
    // access/refresh, `vck_` AI gateway) and stand on their own; the older 24-character tokens have
    // none and count only under a vercel…token/key name.
    pattern: new RegExp(
      `(?:${word('vercel')}[\\w.-]{0,20}?${KEY_OR_TOKEN}${ASSIGN}|(?<![\\w-])(?=vc[pikar]_))` +
        '(?<secret>vc[pikar]_[A-Za-z0-9_-]{56}|[A-Za-z0-9]{24})(?![\\w-])',
      'g',
    ),
    minEntropy: 3.5,
    validate: plausible,
    tps: [
      `VERCEL_TOKEN=${rnd(ALNUM, 20, 'vc-1')}7Q2x`,
      `vercel deploy --prod --token ${'vcp_' + rnd(B64URL, 56, 'vc-2')}`,
    ],
    fps: [
      `VERCEL_PROJECT_ID=prj_${rnd(ALNUM, 28, 'vc-3')}`,
      'VERCEL_TOKEN=${{ secrets.VERCEL_TOKEN }}',
      `const vcp_count = 3;`,
    ],
  },
  {
    id: 'netlify-token',
    name: 'Netlify access token',
    envName: 'NETLIFY_AUTH_TOKEN',
    keywords: ['netlify', 'nfp_'],
    // `nfp_` personal access tokens stand on their own; older tokens (43 URL-safe characters) need the name.
    pattern: new RegExp(
      `(?:${word('netlify')}[\\w.-]{0,20}?${KEY_OR_TOKEN}${ASSIGN}|(?<![\\w-])(?=nfp_))` +
        '(?<secret>nfp_[A-Za-z0-9]{40,48}|[A-Za-z0-9_-]{40,46})(?![\\w-])',
      'g',
    ),
    minEntropy: 3.5,
    validate: plausible,
    tps: [
      `NETLIFY_AUTH_TOKEN=${'nfp_' + rnd(ALNUM, 40, 'nf-1')}`,
      `netlifyToken: "${rnd(B64URL, 43, 'nf-2')}"`,
    ],
    fps: [
      `NETLIFY_SITE_ID=${uuid('nf-3')}`,
      'NETLIFY_AUTH_TOKEN=${NETLIFY_AUTH_TOKEN}',
    ],
  },
];
