import type { SecretProvider } from '../provider';
import { ALNUM, ASSIGN, B64, HEX, LOWER_ALNUM, UPPER_ALNUM, plausible, rnd, uuid, word, words } from './util';

export const observability: readonly SecretProvider[] = [
  {
    id: 'datadog-api-key',
    name: 'Datadog API key',
    envName: 'DD_API_KEY',
    keywords: ['datadog', 'dd_api_key'],
    // 32 hex with no prefix: it must be stored under datadog…api…key or DD_API_KEY. (Browser
    // "client tokens" start with `pub` and are public.)
    pattern: new RegExp(`(?:${word('datadog')}[\\w.-]{0,20}?(?:api|Api|API)[\\w.-]{0,5}?(?:key|Key|KEY)|DD_API_KEY)${ASSIGN}(?<secret>[a-f0-9]{32})(?![\\w-])`, 'g'),
    minEntropy: 3,
    validate: plausible,
    tps: [`DD_API_KEY=${rnd(HEX, 32, 'dd-1')}`, `const datadogApiKey = '${rnd(HEX, 32, 'dd-2')}';`],
    fps: [`DD_CLIENT_TOKEN=pub${rnd(HEX, 32, 'dd-3')}`, 'DD_API_KEY=${DD_API_KEY}', `DATADOG_API_KEY=${'0123456789abcdef'.repeat(2)}`],
  },
  {
    id: 'datadog-app-key',
    name: 'Datadog application key',
    envName: 'DD_APP_KEY',
    keywords: ['datadog', 'dd_app_key', 'dd_application_key'],
    pattern: new RegExp(
      `(?:${word('datadog')}[\\w.-]{0,20}?(?:app|App|APP)[\\w.-]{0,12}?(?:key|Key|KEY)|DD_APP(?:LICATION)?_KEY)${ASSIGN}(?<secret>[a-f0-9]{40})(?![\\w-])`,
      'g',
    ),
    minEntropy: 3,
    validate: plausible,
    tps: [`DD_APP_KEY=${rnd(HEX, 40, 'dda-1')}`, `datadog:\n  datadogApplicationKey: "${rnd(HEX, 40, 'dda-2')}"`],
    fps: [`DATADOG_APP_NAME=checkout`, `DATADOG_COMMIT_SHA=${rnd(HEX, 40, 'dda-3')}`],
  },
  {
    id: 'new-relic-user-key',
    name: 'New Relic user / admin API key',
    envName: 'NEW_RELIC_API_KEY',
    keywords: ['nrak-', 'nraa-'],
    // NRJS- browser keys are embedded in every page that loads the browser agent: not reported.
    pattern: /(?<![\w-])NRA[AK]-[A-Z0-9]{27}(?![\w-])/g,
    minEntropy: 3.5,
    validate: plausible,
    tps: [`NEW_RELIC_API_KEY=${'NRAK-' + rnd(UPPER_ALNUM, 27, 'nr-1')}`, `headers: { 'Api-Key': '${'NRAK-' + rnd(UPPER_ALNUM, 27, 'nr-2')}' }`],
    fps: [`NEW_RELIC_BROWSER_KEY=NRJS-${rnd(HEX, 19, 'nr-3')}`, `NEW_RELIC_API_KEY=NRAK-${'X'.repeat(27)}`],
  },
  {
    id: 'new-relic-license-key',
    name: 'New Relic ingest license / insert key',
    envName: 'NEW_RELIC_LICENSE_KEY',
    keywords: ['nral', 'nrii-'],
    // License keys are 40 characters ending in `NRAL` (regional ones start `eu01xx`); insert keys `NRII-`.
    pattern: /(?<![\w-])(?:[a-z0-9]{36}NRAL|NRII-[\w-]{32})(?![\w-])/g,
    minEntropy: 3.5,
    validate: plausible,
    tps: [`NEW_RELIC_LICENSE_KEY=${'eu01xx' + rnd(HEX, 30, 'nrl-1')}NRAL`, `license_key: ${rnd(HEX, 36, 'nrl-2')}NRAL`, `insertKey: "${'NRII-' + rnd(ALNUM, 32, 'nrl-3')}"`],
    fps: ['NEW_RELIC_LICENSE_KEY=<license key ending in NRAL>', `NEW_RELIC_LICENSE_KEY=${rnd(HEX, 40, 'nrl-4')}`],
  },
  {
    id: 'sentry-auth-token',
    name: 'Sentry auth token',
    envName: 'SENTRY_AUTH_TOKEN',
    keywords: ['sntrys_', 'sntryu_'],
    // Organization tokens (`sntrys_` + base64 JSON + `_` + 43) and user tokens (`sntryu_` + 64 hex).
    // DSNs are not reported: their key is public by design and ships in every browser bundle.
    pattern: /(?<![\w-])(?:sntrys_eyJ[A-Za-z0-9+/]{30,600}={0,2}_[A-Za-z0-9+/]{43}|sntryu_[a-f0-9]{64})(?![\w+/=-])/g,
    minEntropy: 4,
    tps: [
      `SENTRY_AUTH_TOKEN=${'sntrys_' + 'eyJpYXQiOjE3MDAwMDAwMDAuMCwidXJsIjoiaHR0cHM6Ly9zZW50cnkuaW8iLCJyZWdpb25fdXJsIjoiaHR0cHM6Ly91cy5zZW50cnkuaW8iLCJvcmciOiJhY21lIn0' + '_' + rnd(B64, 43, 'se-1')}`,
      `authToken: "${'sntryu_' + rnd(HEX, 64, 'se-2')}",`,
    ],
    fps: [
      `Sentry.init({ dsn: 'https://${rnd(HEX, 32, 'se-3')}@o4504.ingest.sentry.io/4505' });`,
      'SENTRY_AUTH_TOKEN=sntrys_...',
      `SENTRY_AUTH_TOKEN=sntryu_${'0'.repeat(64)}`,
    ],
  },
  {
    id: 'grafana-token',
    name: 'Grafana Cloud / service account token',
    envName: 'GRAFANA_TOKEN',
    keywords: ['glc_', 'glsa_', 'eyj'],
    // Cloud access policy tokens (glc_ + base64 JSON), service account tokens (glsa_ + 32 + _ + 8 hex)
    // and legacy API keys (base64 of `{"k":"…`).
    pattern: /(?<![\w-])(?:glc_[A-Za-z0-9+/]{32,400}={0,3}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|eyJrIjoi[A-Za-z0-9]{70,400}={0,3})(?![\w+/=-])/g,
    minEntropy: 4,
    tps: [
      `GRAFANA_SERVICE_ACCOUNT_TOKEN=${'glsa_' + rnd(ALNUM, 32, 'gf-1') + '_' + rnd(HEX, 8, 'gf-2')}`,
      `GRAFANA_CLOUD_TOKEN=${'glc_' + 'eyJvIjoi' + rnd(B64, 120, 'gf-3')}==`,
      `grafana_api_key = "${'eyJrIjoi' + rnd(ALNUM, 90, 'gf-4')}"`,
    ],
    fps: [`GRAFANA_TOKEN=glsa_${'x'.repeat(32)}_${'x'.repeat(8)}`, `const glc_version = '${rnd(LOWER_ALNUM, 6, 'gf-5')}';`],
  },
  {
    id: 'dynatrace-api-token',
    name: 'Dynatrace API token',
    envName: 'DT_API_TOKEN',
    keywords: ['dt0c01.'],
    pattern: /(?<![\w.-])dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}(?![\w.-])/g,
    minEntropy: 4,
    tps: [`DT_API_TOKEN=${'dt0c01.' + rnd(UPPER_ALNUM, 24, 'dt-1') + '.' + rnd(UPPER_ALNUM, 64, 'dt-2')}`, `headers: { Authorization: 'Api-Token ${'dt0c01.' + rnd(UPPER_ALNUM, 24, 'dt-3') + '.' + rnd(UPPER_ALNUM, 64, 'dt-4')}' }`],
    fps: [`DT_API_TOKEN=dt0c01.${'X'.repeat(8)}.${'X'.repeat(8)}`, `DT_API_TOKEN=dt0c01.${rnd(UPPER_ALNUM, 24, 'dt-5')}`],
  },
  {
    id: 'sumologic-access-key',
    name: 'Sumo Logic access key',
    envName: 'SUMO_ACCESS_KEY',
    keywords: ['sumo'],
    // 64 alphanumerics under a sumo…key name (the `su…` access id beside it is an identifier).
    pattern: new RegExp(`${words('sumo', 'sumologic')}[\\w.-]{0,20}?(?:key|Key|KEY|secret|Secret|SECRET)${ASSIGN}(?<secret>[A-Za-z0-9]{64})(?![\\w-])`, 'g'),
    minEntropy: 4,
    validate: plausible,
    tps: [`SUMO_ACCESS_KEY=${rnd(ALNUM, 64, 'sumo-1')}`, `sumologic:\n  sumoAccessKey: ${rnd(ALNUM, 64, 'sumo-2')}`],
    fps: [`SUMO_ACCESS_ID=su${rnd(ALNUM, 12, 'sumo-3')}`, 'SUMO_ACCESS_KEY=${SUMO_ACCESS_KEY}'],
  },
  {
    id: 'okta-api-token',
    name: 'Okta API token',
    envName: 'OKTA_API_TOKEN',
    keywords: ['okta'],
    // SSWS tokens: `00` + 40 URL-safe characters, under an okta…token name.
    pattern: new RegExp(`${word('okta')}[\\w.-]{0,20}?(?:token|Token|TOKEN|key|Key|KEY)${ASSIGN}(?<secret>00[\\w-]{40})(?![\\w-])`, 'g'),
    minEntropy: 4,
    validate: plausible,
    tps: [`OKTA_API_TOKEN=00${rnd(ALNUM, 40, 'okta-1')}`, `const client = new okta.Client({ orgUrl, oktaToken: '00${rnd(ALNUM, 38, 'okta-2')}-_' });`],
    fps: [`OKTA_CLIENT_ID=0oa${rnd(ALNUM, 17, 'okta-3')}`, `OKTA_API_TOKEN=00${'x'.repeat(40)}`],
  },
  {
    id: 'segment-write-key',
    name: 'Segment Public API or access token',
    envName: 'SEGMENT_WRITE_KEY',
    keywords: ['segment'],
    // Write keys are public by design (`secrets/publicNames.ts`: a source's identifier, sent from every browser,
    // app and CLI that reports events), so only Segment's secret kinds count: `sgp_` Public API tokens and
    // tokens or secrets kept under a segment…token / secret name.
    pattern: new RegExp(`(?<!(?:PUBLIC|VITE|REACT_APP|GATSBY)_)${word('segment')}[\\w.-]{0,20}?(?:token|Token|TOKEN|secret|Secret|SECRET)[\\w.-]{0,10}${ASSIGN}(?<secret>[A-Za-z0-9]{32}|sgp_[A-Za-z0-9]{64})(?![\\w-])`, 'g'),
    minEntropy: 3.5,
    validate: plausible,
    tps: [`SEGMENT_ACCESS_TOKEN=${rnd(ALNUM, 32, 'seg-1')}`, `SEGMENT_PUBLIC_API_TOKEN=${'sgp_' + rnd(ALNUM, 64, 'seg-2')}`],
    fps: [
      `SEGMENT_SOURCE_ID=${rnd(ALNUM, 32, 'seg-3')}`,
      `segmentWriteKey: process.env.SEGMENT_WRITE_KEY`,
      `NEXT_PUBLIC_SEGMENT_WRITE_KEY=${rnd(ALNUM, 32, 'seg-4')}`,
      `"start:dev": "cross-env NODE_ENV=dev CLI_SEGMENT_WRITE_KEY=${rnd(ALNUM, 32, 'seg-5')} nodemon init"`,
    ],
  },
  {
    id: 'mux-token-secret',
    name: 'Mux access token secret',
    envName: 'MUX_TOKEN_SECRET',
    keywords: ['mux'],
    // Mux pairs a token id (a UUID, not secret) with a base64 secret of about 75 characters.
    pattern: new RegExp(`${word('mux')}[\\w.-]{0,20}?(?:secret|Secret|SECRET)${ASSIGN}(?<secret>[A-Za-z0-9+/]{60,100}={0,2})(?![\\w+/=-])`, 'g'),
    minEntropy: 4.5,
    validate: plausible,
    tps: [`MUX_TOKEN_SECRET=${rnd(B64, 75, 'mux-1')}`, `const mux = new Mux({ tokenId: '${uuid('mux-2')}', muxTokenSecret: '${rnd(B64, 76, 'mux-3')}' });`],
    fps: [`MUX_TOKEN_ID=${uuid('mux-4')}`, 'MUX_TOKEN_SECRET=${MUX_TOKEN_SECRET}'],
  },
];
