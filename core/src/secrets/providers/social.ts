import type { SecretProvider } from '../provider';
import { ALNUM, ASSIGN, B64URL, DIGITS, HEX, LOWER_ALNUM, mixedCase, plausible, rnd, words } from './util';

const FACEBOOK_PREFIXES = [...'BCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c) => 'eaa' + c.toLowerCase());

/** Mapbox tokens are `sk.` + base64url JSON naming the user (`{"u":…`) + `.` + a signature. */
function mapboxPayload(token: string): boolean {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as unknown;
    return typeof payload === 'object' && payload !== null && 'u' in payload;
  } catch {
    return false;
  }
}

export const social: readonly SecretProvider[] = [
  {
    id: 'twitter-bearer-token',
    name: 'X (Twitter) app bearer token',
    envName: 'TWITTER_BEARER_TOKEN',
    keywords: ['a'.repeat(20)],
    // App-only bearer tokens open with a run of about 22 `A`s, then URL-encoded base64 (`%2F`, `%3D`). Never next to a
    // raw `+` or `/`: such a run sits inside a longer base64 blob (bitcore's TSS key-share fixtures), where zero bytes
    // encode as `A`s.
    pattern: /(?<![\w%+/])A{20,24}[A-Za-z0-9%]{60,140}(?![\w%+/])/g,
    minEntropy: 3.5,
    validate: (s) => mixedCase(s.replace(/^A+/, '')),
    tps: [
      `TWITTER_BEARER_TOKEN=${'A'.repeat(22) + 'Mw' + rnd(ALNUM, 20, 'tw-1') + '%2F' + rnd(ALNUM, 40, 'tw-2') + '%3D' + rnd(ALNUM, 30, 'tw-3')}`,
      `const client = new TwitterApi('${'A'.repeat(22) + rnd(ALNUM, 90, 'tw-4')}');`,
    ],
    fps: [
      `const pad = '${'A'.repeat(120)}';`,
      `data:image/png;base64,iVBORw0KGgo${'A'.repeat(22)}${'A'.repeat(60)}`,
      `const share = Buffer.from('${rnd(ALNUM, 40, 'tw-5')}+${'A'.repeat(22) + rnd(ALNUM, 90, 'tw-6')}/${rnd(ALNUM, 40, 'tw-7')}', 'base64');`,
    ],
  },
  {
    id: 'twitter-api-secret',
    name: 'X (Twitter) API / access token secret',
    envName: 'TWITTER_API_SECRET',
    keywords: ['twitter'],
    pattern: new RegExp(`${words('twitter')}[\\w.-]{0,20}?(?:secret|Secret|SECRET)${ASSIGN}(?<secret>[A-Za-z0-9]{45,50})(?![\\w-])`, 'g'),
    minEntropy: 4,
    validate: plausible,
    tps: [`TWITTER_API_SECRET=${rnd(ALNUM, 50, 'tws-1')}`, `const cfg = { twitterAccessTokenSecret: '${rnd(ALNUM, 45, 'tws-2')}' };`],
    fps: [`TWITTER_API_KEY=${rnd(ALNUM, 25, 'tws-3')}`, 'TWITTER_API_SECRET=${TWITTER_API_SECRET}'],
  },
  {
    id: 'facebook-access-token',
    name: 'Facebook / Meta access token',
    envName: 'FACEBOOK_ACCESS_TOKEN',
    keywords: FACEBOOK_PREFIXES,
    // User, page and system-user tokens all start `EAA` + one more letter (`EAACEdEose0cBA` for the
    // Graph API Explorer). `EAAA` is excluded: that is Square's prefix.
    pattern: /(?<![\w-])EAA[B-Z][A-Za-z0-9]{100,400}(?![\w-])/g,
    minEntropy: 4,
    validate: mixedCase,
    tps: [
      `FACEBOOK_ACCESS_TOKEN=${'EAAG' + rnd(ALNUM, 180, 'fb-1')}`,
      `const url = \`https://graph.facebook.com/v19.0/me?access_token=${'EAACEdEose0cBA' + rnd(ALNUM, 160, 'fb-2')}\`;`,
    ],
    fps: [`const token = 'EAAG' + suffix;`, `SQUARE_ACCESS_TOKEN_PREFIX=EAAA`, `FACEBOOK_ACCESS_TOKEN=EAAG${rnd(ALNUM, 40, 'fb-3')}`],
  },
  {
    id: 'facebook-app-secret',
    name: 'Facebook / Meta app secret',
    envName: 'FACEBOOK_APP_SECRET',
    keywords: ['facebook', 'fb_'],
    pattern: new RegExp(`(?:${words('facebook')}|(?<![A-Za-z])(?:FB|fb)_)[\\w.-]{0,20}?(?:secret|Secret|SECRET)${ASSIGN}(?<secret>[a-f0-9]{32})(?![\\w-])`, 'g'),
    minEntropy: 3,
    validate: plausible,
    tps: [`FB_APP_SECRET=${rnd(HEX, 32, 'fbs-1')}`, `facebook:\n  app_id: "${rnd(DIGITS, 15, 'fbs-2')}"\n  facebookAppSecret: "${rnd(HEX, 32, 'fbs-3')}"`],
    fps: [`FACEBOOK_APP_ID=${rnd(DIGITS, 15, 'fbs-4')}`, 'FB_APP_SECRET=<app secret>'],
  },
  {
    id: 'mapbox-secret-token',
    name: 'Mapbox secret access token',
    envName: 'MAPBOX_SECRET_TOKEN',
    keywords: ['eyj'],
    // `sk.` tokens are secret (`pk.` ones are public and meant for browsers).
    pattern: /(?<![\w.-])sk\.eyJ[A-Za-z0-9_-]{20,400}\.[A-Za-z0-9_-]{20,40}(?![\w.-])/g,
    minEntropy: 4,
    validate: mapboxPayload,
    tps: [
      `MAPBOX_SECRET_TOKEN=sk.${Buffer.from(JSON.stringify({ u: 'acme-maps', a: 'cl' + rnd(LOWER_ALNUM, 23, 'mb-1') })).toString('base64url')}.${rnd(B64URL, 22, 'mb-2')}`,
      `MAPBOX_DOWNLOADS_TOKEN=sk.${Buffer.from(JSON.stringify({ u: 'fleet', a: 'cm' + rnd(LOWER_ALNUM, 23, 'mb-3') })).toString('base64url')}.${rnd(B64URL, 22, 'mb-4')}`,
    ],
    fps: [
      `mapboxgl.accessToken = 'pk.${Buffer.from(JSON.stringify({ u: 'acme-maps', a: 'cl' + rnd(LOWER_ALNUM, 23, 'mb-5') })).toString('base64url')}.${rnd(B64URL, 22, 'mb-6')}';`,
      `MAPBOX_SECRET_TOKEN=sk.eyJ${rnd(B64URL, 40, 'mb-7')}.${rnd(B64URL, 22, 'mb-8')}`,
    ],
  },
  {
    id: 'twitch-token',
    name: 'Twitch OAuth token / client secret',
    envName: 'TWITCH_CLIENT_SECRET',
    keywords: ['twitch'],
    // 30 lower-case alphanumerics; client *ids* have the same shape, so only token/secret names count.
    // Chat tokens are written `oauth:<token>`.
    pattern: new RegExp(`${words('twitch')}[\\w.-]{0,20}?(?:token|Token|TOKEN|secret|Secret|SECRET|password|Password|PASSWORD)${ASSIGN}(?:oauth:)?(?<secret>[a-z0-9]{30})(?![\\w-])`, 'g'),
    minEntropy: 3.5,
    validate: plausible,
    tps: [`TWITCH_CLIENT_SECRET=${rnd(LOWER_ALNUM, 30, 'tc-1')}`, `const twitchPassword = 'oauth:${rnd(LOWER_ALNUM, 30, 'tc-2')}';`],
    fps: [`TWITCH_CLIENT_ID=${rnd(LOWER_ALNUM, 30, 'tc-3')}`, 'TWITCH_CLIENT_SECRET=${TWITCH_CLIENT_SECRET}'],
  },
  {
    id: 'yandex-cloud-credential',
    name: 'Yandex Cloud API key / IAM token / static key',
    envName: 'YC_TOKEN',
    keywords: ['yandex'],
    pattern: new RegExp(
      `${words('yandex')}[^\\n]{0,80}?['"\`=:\\s](?<secret>AQVN[\\w-]{35,38}|t1\\.[\\w-]{10,200}={0,2}\\.[\\w-]{86}={0,2}|YC[\\w-]{38})(?![\\w=-])`,
      'g',
    ),
    minEntropy: 4,
    validate: plausible,
    tps: [`YANDEX_CLOUD_API_KEY=${'AQVN' + rnd(B64URL, 36, 'ya-1')}`, `yandex_secret_key = "${'YC' + rnd(B64URL, 38, 'ya-2')}"`],
    fps: ['YANDEX_CLOUD_API_KEY=AQVN...', `YANDEX_FOLDER_ID=b1g${rnd(LOWER_ALNUM, 17, 'ya-3')}`],
  },
  {
    id: 'beamer-api-key',
    name: 'Beamer API key',
    envName: 'BEAMER_API_KEY',
    keywords: ['beamer'],
    pattern: new RegExp(`${words('beamer')}[^\\n]{0,80}?['"\`=:\\s](?<secret>b_[\\w=-]{44})(?![\\w=-])`, 'g'),
    minEntropy: 4,
    validate: plausible,
    tps: [`BEAMER_API_KEY=${'b_' + rnd(B64URL, 44, 'bm-1')}`, `headers: { 'Beamer-Api-Key': '${'b_' + rnd(ALNUM, 44, 'bm-2')}' }`],
    fps: ['BEAMER_API_KEY=b_...', `BEAMER_PRODUCT_ID=${rnd(ALNUM, 8, 'bm-3')}`],
  },
];
