import type { SecretProvider } from '../provider';
import { ALNUM, ASSIGN, B64URL, DIGITS, HEX, UPPER_ALNUM, plausible, rnd, uuid, words } from './util';

/** A random number of `n` digits (no leading zero), for Slack/Discord/Telegram ids. */
const digits = (n: number, seed: string) => rnd('123456789', 1, seed) + rnd(DIGITS, n - 1, seed + 'd');

/** A Discord bot token: the bot's snowflake id in base64, a timestamp part, an HMAC part. */
const discordToken = (seed: string) =>
  Buffer.from(digits(19, seed)).toString('base64').replace(/=+$/, '') + '.' + rnd(B64URL, 6, seed + 't') + '.' + rnd(B64URL, 38, seed + 'h');

/** True when the first part of a Discord token decodes to a snowflake id, which random look-alikes do not. */
function discordIdPart(token: string): boolean {
  const id = Buffer.from(token.slice(0, token.indexOf('.')), 'base64').toString('latin1');
  return /^\d{17,20}$/.test(id);
}

export const chat: readonly SecretProvider[] = [
  {
    id: 'slack-bot-token',
    name: 'Slack bot token',
    envName: 'SLACK_BOT_TOKEN',
    keywords: ['xoxb-'],
    // xoxb-<team id>-<bot id>-<24 chars>; legacy bot tokens lack the middle number.
    pattern: /(?<![\w-])xoxb-\d{8,14}-(?:\d{8,14}-)?[A-Za-z0-9]{18,34}(?![\w-])/g,
    minEntropy: 3,
    validate: plausible,
    tps: [
      `SLACK_BOT_TOKEN=${'xoxb-' + digits(12, 'sb-1') + '-' + digits(13, 'sb-2') + '-' + rnd(ALNUM, 24, 'sb-3')}`,
      `const app = new App({ token: '${'xoxb-' + digits(11, 'sb-4') + '-' + digits(12, 'sb-5') + '-' + rnd(ALNUM, 24, 'sb-6')}', signingSecret });`,
    ],
    fps: [
      'SLACK_BOT_TOKEN=xoxb-your-bot-token',
      `SLACK_BOT_TOKEN=xoxb-${'0'.repeat(12)}-${'0'.repeat(13)}-${'x'.repeat(24)}`,
      `if (token.startsWith('xoxb-')) kind = 'bot';`,
    ],
  },
  {
    id: 'slack-user-token',
    name: 'Slack user token',
    envName: 'SLACK_USER_TOKEN',
    keywords: ['xoxp-'],
    pattern: /(?<![\w-])xoxp-(?:\d{8,14}-){3}[A-Za-z0-9]{28,34}(?![\w-])/g,
    minEntropy: 3,
    tps: [
      `SLACK_USER_TOKEN=${'xoxp-' + digits(12, 'su-1') + '-' + digits(12, 'su-2') + '-' + digits(13, 'su-3') + '-' + rnd(HEX, 32, 'su-4')}`,
      `curl -H "Authorization: Bearer ${'xoxp-' + digits(11, 'su-5') + '-' + digits(11, 'su-6') + '-' + digits(12, 'su-7') + '-' + rnd(HEX, 32, 'su-8')}" https://slack.com/api/auth.test`,
    ],
    fps: ['SLACK_USER_TOKEN=xoxp-...', `SLACK_USER_TOKEN=xoxp-${digits(12, 'su-9')}-${rnd(HEX, 32, 'su-10')}`],
  },
  {
    id: 'slack-app-token',
    name: 'Slack app-level token',
    envName: 'SLACK_APP_TOKEN',
    keywords: ['xapp-'],
    pattern: /(?<![\w-])xapp-\d-[A-Z0-9]{8,14}-\d{8,16}-[a-f0-9]{32,80}(?![\w-])/g,
    minEntropy: 3,
    tps: [
      `SLACK_APP_TOKEN=${'xapp-1-A' + rnd(UPPER_ALNUM, 10, 'sa-1') + '-' + digits(13, 'sa-2') + '-' + rnd(HEX, 64, 'sa-3')}`,
      `const app = new App({ socketMode: true, appToken: "${'xapp-1-A' + rnd(UPPER_ALNUM, 10, 'sa-4') + '-' + digits(13, 'sa-5') + '-' + rnd(HEX, 64, 'sa-6')}" });`,
    ],
    fps: [`SLACK_APP_TOKEN=xapp-1-${'X'.repeat(8)}`, `appToken: process.env.SLACK_APP_TOKEN, // xapp-…`],
  },
  {
    id: 'slack-config-token',
    name: 'Slack configuration access/refresh token',
    envName: 'SLACK_CONFIG_TOKEN',
    keywords: ['xoxe.', 'xoxe-'],
    pattern: /(?<![\w-])(?:xoxe\.xox[bp]-\d-[A-Za-z0-9]{163,166}|xoxe-\d-[A-Za-z0-9]{146})(?![\w-])/g,
    minEntropy: 4,
    tps: [
      `SLACK_CONFIG_TOKEN=${'xoxe.xoxp-1-' + rnd(ALNUM, 164, 'sc-1')}`,
      `refresh_token: ${'xoxe-1-' + rnd(ALNUM, 146, 'sc-2')}`,
    ],
    fps: ['SLACK_CONFIG_TOKEN=xoxe.xoxp-1-...', `refresh_token: xoxe-1-${rnd(ALNUM, 40, 'sc-3')}`],
  },
  {
    id: 'slack-legacy-token',
    name: 'Slack legacy/workspace token',
    envName: 'SLACK_TOKEN',
    keywords: ['xoxa-', 'xoxr-', 'xoxs-', 'xoxo-'],
    // Workspace (xoxa-2), refresh (xoxr), session (xoxs) and legacy (xoxo) tokens: a few numeric
    // segments, then the random part.
    pattern: /(?<![\w-])xox[aors]-(?:\d{1,14}-){0,4}[A-Za-z0-9]{8,64}(?![\w-])/g,
    minEntropy: 3,
    validate: plausible,
    tps: [
      `SLACK_TOKEN=${'xoxa-2-' + digits(12, 'sl-1') + '-' + digits(12, 'sl-2') + '-' + rnd(HEX, 32, 'sl-3')}`,
      `{ "refresh_token": "${'xoxr-' + rnd(ALNUM, 40, 'sl-4')}" }`,
    ],
    fps: [`SLACK_TOKEN=xoxa-${'x'.repeat(10)}`, `const prefixes = ['xoxa-', 'xoxr-', 'xoxs-'];`],
  },
  {
    id: 'slack-webhook-url',
    name: 'Slack incoming webhook URL',
    envName: 'SLACK_WEBHOOK_URL',
    keywords: ['hooks.slack.com'],
    // The whole URL is the credential: anyone holding it can post to the channel.
    pattern: /https?:\/\/hooks\.slack\.com\/(?:services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/[A-Za-z0-9]{20,32}|(?:workflows|triggers)\/T[A-Z0-9]{6,12}\/A[A-Z0-9]{6,12}\/\d{6,20}\/[A-Za-z0-9]{20,40})(?![\w-])/g,
    validate: (url) => plausible(url.slice(url.lastIndexOf('/') + 1)),
    tps: [
      `SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T${rnd(UPPER_ALNUM, 8, 'sw-1')}/B${rnd(UPPER_ALNUM, 10, 'sw-2')}/${rnd(ALNUM, 24, 'sw-3')}`,
      `await fetch('https://hooks.slack.com/services/T${rnd(UPPER_ALNUM, 10, 'sw-4')}/B${rnd(UPPER_ALNUM, 10, 'sw-5')}/${rnd(ALNUM, 24, 'sw-6')}', { method: 'POST', body });`,
    ],
    fps: [
      `SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T${'0'.repeat(8)}/B${'0'.repeat(8)}/${'X'.repeat(24)}`,
      '// see https://hooks.slack.com/services for the format',
      'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/${SLACK_WEBHOOK_PATH}',
    ],
  },
  {
    id: 'discord-bot-token',
    name: 'Discord bot token',
    envName: 'DISCORD_TOKEN',
    keywords: ['discord', '.login(', '.run(', 'authorization'],
    // Bot tokens have no fixed prefix, so the pattern wants a discord…token name, discord.js'
    // `client.login('…')`, discord.py's `bot.run('…')`, or an `Authorization: Bot …` header; the
    // validator then checks that the first part really is a base64 snowflake id.
    pattern: new RegExp(
      `(?:${words('discord')}[\\w.-]{0,20}?(?:token|Token|TOKEN)${ASSIGN}|\\.(?:login|run)\\(\\s{0,4}['"\`]|[Aa]uthorization['"]?\\s{0,4}[:=,]\\s{0,4}['"\`]Bot\\s)` +
        '(?<secret>[MNO][\\w-]{23,27}\\.[\\w-]{6}\\.[\\w-]{27,40})(?![\\w.-])',
      'g',
    ),
    minEntropy: 4,
    validate: discordIdPart,
    tps: [
      `DISCORD_TOKEN=${discordToken('dc-1')}`,
      `client.login('${discordToken('dc-2')}');`,
      `bot.run("${discordToken('dc-8')}")`,
      `headers: { Authorization: 'Bot ${discordToken('dc-3')}' }`,
    ],
    fps: [
      `DISCORD_TOKEN=M${rnd(ALNUM, 23, 'dc-4')}.${rnd(ALNUM, 6, 'dc-5')}.${rnd(ALNUM, 27, 'dc-6')}`,
      'client.login(process.env.DISCORD_TOKEN);',
      `auth.login('${rnd(ALNUM, 8, 'dc-7')}', password);`,
    ],
  },
  {
    id: 'discord-webhook-url',
    name: 'Discord webhook URL',
    envName: 'DISCORD_WEBHOOK_URL',
    keywords: ['discord'],
    pattern: /https:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api(?:\/v\d{1,2})?\/webhooks\/\d{17,20}\/[\w-]{60,68}(?![\w-])/g,
    validate: (url) => plausible(url.slice(url.lastIndexOf('/') + 1)),
    tps: [
      `DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/${digits(19, 'dw-1')}/${rnd(B64URL, 68, 'dw-2')}`,
      `const hook = new WebhookClient({ url: 'https://discordapp.com/api/webhooks/${digits(18, 'dw-3')}/${rnd(B64URL, 68, 'dw-4')}' });`,
    ],
    fps: [
      'DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/{id}/{token}',
      `https://discord.com/api/webhooks/${digits(18, 'dw-5')}/${'x'.repeat(68)}`,
    ],
  },
  {
    id: 'telegram-bot-token',
    name: 'Telegram bot token',
    envName: 'TELEGRAM_BOT_TOKEN',
    keywords: [':aa'],
    // `<bot id>:AA<33>`. The shape is fairly distinctive but not unique, so it must follow a
    // telegram/bot name, a `new TelegramBot(`/`Telegraf(` call, or sit in an api.telegram.org/bot URL.
    pattern: new RegExp(
      `(?:${words('telegram', 'telegraf', 'bot')}${ASSIGN}|api\\.telegram\\.org\\/bot)(?<secret>\\d{8,10}:AA[\\w-]{33})(?![\\w-])`,
      'g',
    ),
    minEntropy: 3.5,
    tps: [
      `TELEGRAM_BOT_TOKEN=${digits(10, 'tg-1')}:AA${rnd(B64URL, 33, 'tg-2')}`,
      `const bot = new Telegraf('${digits(9, 'tg-3')}:AA${rnd(B64URL, 33, 'tg-4')}');`,
      `curl https://api.telegram.org/bot${digits(10, 'tg-5')}:AA${rnd(ALNUM, 33, 'tg-6')}/getMe`,
    ],
    fps: [
      `const time = '${digits(9, 'tg-7')}:AA${rnd(B64URL, 33, 'tg-8')}'; // no context`,
      `TELEGRAM_BOT_TOKEN=123456789:AA${'x'.repeat(33)}`,
      'TELEGRAM_BOT_TOKEN=<bot-token>',
    ],
  },
  {
    id: 'microsoft-teams-webhook-url',
    name: 'Microsoft Teams incoming webhook URL',
    envName: 'TEAMS_WEBHOOK_URL',
    keywords: ['webhook.office.com'],
    pattern: /https:\/\/[a-z0-9-]{1,60}\.webhook\.office\.com\/webhookb2\/[a-f0-9-]{36}@[a-f0-9-]{36}\/IncomingWebhook\/[a-f0-9]{32}\/[a-f0-9-]{36}(?:\/[\w-]{10,80})?/g,
    tps: [
      `TEAMS_WEBHOOK_URL=https://acme.webhook.office.com/webhookb2/${uuid('tm-1')}@${uuid('tm-2')}/IncomingWebhook/${rnd(HEX, 32, 'tm-3')}/${uuid('tm-4')}`,
      `axios.post("https://contoso.webhook.office.com/webhookb2/${uuid('tm-5')}@${uuid('tm-6')}/IncomingWebhook/${rnd(HEX, 32, 'tm-7')}/${uuid('tm-8')}/V2${rnd(B64URL, 40, 'tm-9')}", card);`,
    ],
    fps: ['TEAMS_WEBHOOK_URL=https://acme.webhook.office.com/webhookb2/...', 'docs: https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/'],
  },
];
