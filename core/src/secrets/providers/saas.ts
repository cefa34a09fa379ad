import type { SecretProvider } from '../provider';
import { ALNUM, ASSIGN, B64URL, DIGITS, HEX, LOWER_ALNUM, mixedCase, plausible, rnd, uuid, words } from './util';

/** A value on a line that mentions `name` somewhere before it. */
function sameLine(name: string, value: string): RegExp {
  return new RegExp(`${name}[^\\n]{0,80}?['"\`=:\\s](?<secret>${value})(?![\\w.-])`, 'g');
}

export const saas: readonly SecretProvider[] = [
  {
    id: 'postman-api-key',
    name: 'Postman API key',
    envName: 'POSTMAN_API_KEY',
    keywords: ['pmak-'],
    pattern: /(?<![\w-])PMAK-[a-f0-9]{24}-[a-f0-9]{34}(?![\w-])/g,
    minEntropy: 3,
    tps: [`POSTMAN_API_KEY=${'PMAK-' + rnd(HEX, 24, 'pm-1') + '-' + rnd(HEX, 34, 'pm-2')}`, `headers: { 'X-Api-Key': '${'PMAK-' + rnd(HEX, 24, 'pm-3') + '-' + rnd(HEX, 34, 'pm-4')}' }`],
    fps: ['POSTMAN_API_KEY=PMAK-<your key>', `POSTMAN_API_KEY=PMAK-${rnd(HEX, 24, 'pm-5')}`],
  },
  {
    id: 'linear-api-key',
    name: 'Linear API key / OAuth token',
    envName: 'LINEAR_API_KEY',
    keywords: ['lin_api_', 'lin_oauth_'],
    pattern: /(?<![\w-])lin_(?:api_[A-Za-z0-9]{40}|oauth_[a-f0-9]{64})(?![\w-])/g,
    minEntropy: 3.5,
    validate: plausible,
    tps: [`LINEAR_API_KEY=${'lin_api_' + rnd(ALNUM, 40, 'ln-1')}`, `const linear = new LinearClient({ accessToken: '${'lin_oauth_' + rnd(HEX, 64, 'ln-2')}' });`],
    fps: ['LINEAR_API_KEY=lin_api_********', `const lin_api_version = 2;`],
  },
  {
    id: 'notion-integration-token',
    name: 'Notion integration token',
    envName: 'NOTION_TOKEN',
    keywords: ['ntn_', 'notion'],
    // Current tokens are `ntn_` + 11 digits + 35; legacy ones `secret_` + 43, a prefix far too
    // generic to trust unless the line mentions Notion.
    pattern: new RegExp(
      `(?:${words('notion')}[^\\n]{0,80}?['"\`=:\\s]|(?<![\\w-])(?=ntn_))(?<secret>ntn_\\d{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})(?![\\w-])`,
      'g',
    ),
    minEntropy: 4,
    validate: plausible,
    tps: [
      `NOTION_TOKEN=${'ntn_' + rnd(DIGITS, 11, 'nt-1') + rnd(ALNUM, 35, 'nt-2')}`,
      `const notion = new Client({ auth: "${'secret_' + rnd(ALNUM, 43, 'nt-3')}" });`,
    ],
    fps: [`const secret = 'secret_${rnd(ALNUM, 43, 'nt-4')}'; // no Notion here`, 'NOTION_TOKEN=secret_xxxxxxxx'],
  },
  {
    id: 'airtable-pat',
    name: 'Airtable personal access token',
    envName: 'AIRTABLE_API_KEY',
    keywords: ['airtable'],
    // `pat` + 14 + `.` + 64 hex. The only literal in it is `pat`, which is in every other line of
    // code, so the keyword (and the pattern) ask for a mention of Airtable on the same line instead.
    pattern: sameLine(words('airtable'), 'pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}'),
    minEntropy: 3.5,
    tps: [
      `AIRTABLE_API_KEY=${'pat' + rnd(ALNUM, 14, 'at-1') + '.' + rnd(HEX, 64, 'at-2')}`,
      `const base = new Airtable({ apiKey: '${'pat' + rnd(ALNUM, 14, 'at-3') + '.' + rnd(HEX, 64, 'at-4')}' }).base('app123');`,
    ],
    fps: [`AIRTABLE_API_KEY=pat${'X'.repeat(14)}.XXXX`, `const path = 'pattern.${rnd(HEX, 64, 'at-5')}';`],
  },
  {
    id: 'asana-pat',
    name: 'Asana personal access token',
    envName: 'ASANA_ACCESS_TOKEN',
    keywords: ['asana'],
    pattern: sameLine(words('asana'), '[0-2]\\/(?:\\d{1,20}(?:\\/\\d{1,20})?:)?[a-f0-9]{32}'),
    minEntropy: 3,
    tps: [
      `ASANA_ACCESS_TOKEN=2/${rnd(DIGITS, 16, 'as-1')}/${rnd(DIGITS, 16, 'as-2')}:${rnd(HEX, 32, 'as-3')}`,
      `const client = asana.Client.create().useAccessToken('1/${rnd(DIGITS, 16, 'as-4')}:${rnd(HEX, 32, 'as-5')}');`,
    ],
    fps: ['ASANA_ACCESS_TOKEN=<token>', `ASANA_WORKSPACE=${rnd(DIGITS, 16, 'as-6')}`],
  },
  {
    id: 'figma-pat',
    name: 'Figma personal access token',
    envName: 'FIGMA_TOKEN',
    keywords: ['figd_'],
    pattern: /(?<![\w-])figd_[\w-]{40}(?![\w-])/g,
    minEntropy: 3.5,
    validate: plausible,
    tps: [`FIGMA_TOKEN=${'figd_' + rnd(B64URL, 40, 'fg-1')}`, `headers: { 'X-Figma-Token': '${'figd_' + rnd(ALNUM, 40, 'fg-2')}' }`],
    fps: ['# FIGMA_TOKEN = figd_abc123def456ghi789jkl012mno345pqr678stu9', `if (!token.startsWith('figd_')) throw new Error('bad token');`],
  },
  {
    id: 'dropbox-token',
    name: 'Dropbox access token',
    envName: 'DROPBOX_ACCESS_TOKEN',
    keywords: ['sl.', 'dropbox'],
    // Short-lived tokens are `sl.` + 130+ characters (`sl.u.` + far more in the 2024 format) and
    // stand alone; long-lived ones have ten `A`s in the middle and need a dropbox name.
    pattern: new RegExp(
      `(?:${words('dropbox')}[\\w.-]{0,20}?(?:token|Token|TOKEN|key|Key|KEY)${ASSIGN}|(?<![\\w.-])(?=sl\\.))(?<secret>sl\\.(?:u\\.)?[\\w=-]{130,1400}|[A-Za-z0-9]{11}A{10}[\\w=-]{43})(?![\\w=-])`,
      'g',
    ),
    minEntropy: 4,
    validate: mixedCase,
    tps: [
      `DROPBOX_ACCESS_TOKEN=${'sl.' + 'B' + rnd(B64URL, 140, 'db-1')}`,
      `const dbx = new Dropbox({ accessToken: '${'sl.u.' + 'AF' + rnd(B64URL, 400, 'db-2')}' });`,
      `DROPBOX_TOKEN=${rnd(ALNUM, 11, 'db-3') + 'A'.repeat(10) + rnd(B64URL, 43, 'db-4')}`,
    ],
    fps: [`const cert = tls.${'x'.repeat(10)}; ssl.createSecureContext();`, `DROPBOX_APP_KEY=${rnd(LOWER_ALNUM, 15, 'db-5')}`],
  },
  {
    id: 'frameio-api-token',
    name: 'Frame.io API token',
    envName: 'FRAMEIO_TOKEN',
    keywords: ['fio-u-'],
    pattern: /(?<![\w-])fio-u-[\w=-]{64}(?![\w=-])/g,
    minEntropy: 4,
    tps: [`FRAMEIO_TOKEN=${'fio-u-' + rnd(B64URL, 64, 'fio-1')}`, `Authorization: Bearer ${'fio-u-' + rnd(ALNUM, 64, 'fio-2')}`],
    fps: ['FRAMEIO_TOKEN=fio-u-...', `FRAMEIO_TOKEN=fio-u-${rnd(ALNUM, 20, 'fio-3')}`],
  },
  {
    id: 'readme-api-key',
    name: 'ReadMe API key',
    envName: 'README_API_KEY',
    keywords: ['rdme_'],
    pattern: /(?<![\w-])rdme_[a-z0-9]{70}(?![\w-])/g,
    minEntropy: 3.5,
    tps: [`README_API_KEY=${'rdme_' + rnd(LOWER_ALNUM, 70, 'rd-1')}`, `rdme openapi ./spec.yaml --key=${'rdme_' + rnd(LOWER_ALNUM, 70, 'rd-2')}`],
    fps: ['README_API_KEY=rdme_xxx', `const rdme_version = '${rnd(DIGITS, 3, 'rd-3')}';`],
  },
  {
    id: 'typeform-api-token',
    name: 'Typeform personal access token',
    envName: 'TYPEFORM_TOKEN',
    keywords: ['tfp_'],
    pattern: /(?<![\w-])tfp_[\w.=-]{50,64}(?![\w.=-])/g,
    minEntropy: 4,
    validate: plausible,
    tps: [`TYPEFORM_TOKEN=${'tfp_' + rnd(ALNUM, 44, 'tf-1') + '_' + rnd(ALNUM, 14, 'tf-2')}`, `const typeform = createClient({ token: '${'tfp_' + rnd(B64URL, 59, 'tf-3')}' });`],
    fps: ['TYPEFORM_TOKEN=tfp_...', `const tfp_enabled = false;`],
  },
  {
    id: 'adafruit-io-key',
    name: 'Adafruit IO key',
    envName: 'ADAFRUIT_IO_KEY',
    keywords: ['aio_'],
    pattern: /(?<![\w-])aio_[A-Za-z0-9]{28}(?![\w-])/g,
    minEntropy: 3.5,
    validate: plausible,
    tps: [`ADAFRUIT_IO_KEY=${'aio_' + rnd(ALNUM, 28, 'aio-1')}`, `aio = Client('maker42', '${'aio_' + rnd(ALNUM, 28, 'aio-2')}')`],
    fps: [`import aio_pika`, `ADAFRUIT_IO_KEY=aio_${'x'.repeat(28)}`],
  },
  {
    id: 'launchdarkly-key',
    name: 'LaunchDarkly SDK key / access token',
    envName: 'LAUNCHDARKLY_SDK_KEY',
    keywords: ['launchdarkly', 'launch_darkly', 'ld_sdk_key', 'ld_api_key', 'ld_access_token'],
    // `sdk-<uuid>` server keys and `api-<uuid>` access tokens (mobile keys `mob-` are public). `api-`
    // plus a UUID is common enough in request ids that the line must name LaunchDarkly.
    pattern: sameLine(`(?:${words('launchdarkly')}|LaunchDarkly|LAUNCH_DARKLY|LD_SDK_KEY|LD_API_KEY|LD_ACCESS_TOKEN)`, '(?:sdk|api)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'),
    tps: [`LAUNCHDARKLY_SDK_KEY=sdk-${uuid('ld-1')}`, `const ldClient = LaunchDarkly.init('sdk-${uuid('ld-2')}');`],
    fps: [`const requestId = 'api-${uuid('ld-3')}';`, `LAUNCHDARKLY_MOBILE_KEY=mob-${uuid('ld-4')}`],
  },
  {
    id: 'contentful-token',
    name: 'Contentful management/delivery token',
    envName: 'CONTENTFUL_ACCESS_TOKEN',
    keywords: ['cfpat-', 'contentful'],
    // `CFPAT-` management tokens stand alone; delivery/preview tokens (43 characters) need the name.
    pattern: new RegExp(
      `(?:${words('contentful')}[\\w.-]{0,30}?(?:token|Token|TOKEN|key|Key|KEY)${ASSIGN}|(?<![\\w-])(?=CFPAT-))(?<secret>CFPAT-[\\w-]{43}|[\\w-]{43})(?![\\w-])`,
      'g',
    ),
    minEntropy: 4,
    validate: plausible,
    tps: [`CONTENTFUL_MANAGEMENT_TOKEN=${'CFPAT-' + rnd(B64URL, 43, 'cf-1')}`, `CONTENTFUL_DELIVERY_TOKEN=${rnd(B64URL, 43, 'cf-2')}`],
    fps: [`CONTENTFUL_SPACE_ID=${rnd(LOWER_ALNUM, 12, 'cf-3')}`, 'CONTENTFUL_DELIVERY_TOKEN=${CONTENTFUL_DELIVERY_TOKEN}'],
  },
  {
    id: 'algolia-admin-key',
    name: 'Algolia admin / write API key',
    envName: 'ALGOLIA_ADMIN_KEY',
    keywords: ['algolia'],
    // Search-only keys ship to browsers by design; only keys named admin/write are reported.
    pattern: new RegExp(`${words('algolia')}[\\w.-]{0,20}?${words('admin', 'write')}${ASSIGN}(?<secret>[a-f0-9]{32})(?![\\w-])`, 'g'),
    minEntropy: 3,
    validate: plausible,
    tps: [`ALGOLIA_ADMIN_KEY=${rnd(HEX, 32, 'al-1')}`, `const config = { algoliaAdminApiKey: '${rnd(HEX, 32, 'al-2')}' };`],
    fps: [`NEXT_PUBLIC_ALGOLIA_SEARCH_KEY=${rnd(HEX, 32, 'al-3')}`, `ALGOLIA_APP_ID=${rnd(ALNUM, 10, 'al-4').toUpperCase()}`],
  },
];
