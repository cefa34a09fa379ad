import type { SecretProvider } from '../provider';
import { ALNUM, ASSIGN, B64, B64URL, DIGITS, HEX, assigned, plausible, rnd, word, words } from './util';

const TOKENISH = '(?:token|Token|TOKEN|key|Key|KEY|secret|Secret|SECRET)';

export const messaging: readonly SecretProvider[] = [
  {
    id: 'twilio-api-key',
    name: 'Twilio API key SID',
    envName: 'TWILIO_API_KEY',
    keywords: ['twilio'],
    // `SK` + 32 hex. Bare, "SK" + hex is too common a shape (and `sk` far too common a keyword) to
    // stand alone, so the key must follow a twilio name or a `twilio(` call.
    pattern: assigned(word('twilio'), 'SK[0-9a-f]{32}'),
    minEntropy: 3,
    tps: [
      `TWILIO_API_KEY=${'SK' + rnd(HEX, 32, 'tw-1')}`,
      `const client = twilio('${'SK' + rnd(HEX, 32, 'tw-2')}', apiSecret, { accountSid });`,
    ],
    fps: [
      `TWILIO_ACCOUNT_SID=${'AC' + rnd(HEX, 32, 'tw-3')}`,
      `const checksum = '${'SK' + rnd(HEX, 32, 'tw-4')}';`,
      `TWILIO_API_KEY=SK${'x'.repeat(32)}`,
    ],
  },
  {
    id: 'twilio-auth-token',
    name: 'Twilio auth token / API key secret',
    envName: 'TWILIO_AUTH_TOKEN',
    keywords: ['twilio'],
    // Auth tokens are 32 hex, API key secrets 32 alphanumerics; neither has a prefix, so the name
    // must say twilio…token/secret. Account SIDs (`AC…`) are identifiers and are not reported.
    pattern: new RegExp(`${word('twilio')}[\\w.-]{0,20}?(?:token|Token|TOKEN|secret|Secret|SECRET)${ASSIGN}(?<secret>[A-Za-z0-9]{32})(?![\\w-])`, 'g'),
    minEntropy: 3,
    validate: plausible,
    tps: [
      `TWILIO_AUTH_TOKEN=${rnd(HEX, 32, 'twa-1')}`,
      `const twilioConfig = { accountSid, twilioApiSecret: "${rnd(ALNUM, 32, 'twa-2')}" };`,
    ],
    fps: [
      `TWILIO_ACCOUNT_SID=${'AC' + rnd(HEX, 32, 'twa-3')}`,
      'TWILIO_AUTH_TOKEN=your_auth_token',
      `TWILIO_AUTH_TOKEN=${'0123456789abcdef'.repeat(2)}`,
    ],
  },
  {
    id: 'sendgrid-api-key',
    name: 'SendGrid API key',
    envName: 'SENDGRID_API_KEY',
    keywords: ['sg.'],
    pattern: /(?<![\w-])SG\.[\w-]{22}\.[\w-]{43}(?![\w-])/g,
    minEntropy: 4,
    tps: [
      `SENDGRID_API_KEY=${'SG.' + rnd(B64URL, 22, 'sg-1') + '.' + rnd(B64URL, 43, 'sg-2')}`,
      `sgMail.setApiKey('${'SG.' + rnd(ALNUM, 22, 'sg-3') + '.' + rnd(B64URL, 43, 'sg-4')}');`,
    ],
    fps: [
      `SENDGRID_API_KEY=SG.${'x'.repeat(22)}.${'x'.repeat(43)}`,
      `import SG.Mail from './mail'; // not a key`,
      `SENDGRID_API_KEY=SG.${rnd(ALNUM, 22, 'sg-5')}`,
    ],
  },
  {
    id: 'mailgun-api-key',
    name: 'Mailgun API key',
    envName: 'MAILGUN_API_KEY',
    keywords: ['mailgun'],
    // Old keys are `key-` + 32 hex, new ones 32 hex + two 8-hex groups. Distinctive enough that a
    // mention of mailgun anywhere before it on the line will do (`mailgun.client({ key: … })`).
    pattern: new RegExp(
      `${words('mailgun')}[^\\n]{0,80}?['"\`=:\\s](?<secret>key-[a-f0-9]{32}|[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})(?![\\w-])`,
      'g',
    ),
    minEntropy: 3,
    tps: [
      `MAILGUN_API_KEY=${'key-' + rnd(HEX, 32, 'mg-1')}`,
      `const mg = mailgun.client({ username: 'api', key: '${rnd(HEX, 32, 'mg-2')}-${rnd(HEX, 8, 'mg-3')}-${rnd(HEX, 8, 'mg-4')}' });`,
    ],
    fps: [
      `const cacheKey = 'key-${rnd(HEX, 32, 'mg-5')}';`,
      `MAILGUN_API_KEY=key-${'x'.repeat(32)}`,
      `MAILGUN_DOMAIN=mg.example.org`,
    ],
  },
  {
    id: 'mailchimp-api-key',
    name: 'Mailchimp API key',
    envName: 'MAILCHIMP_API_KEY',
    keywords: ['-us1', '-us2', '-us3', '-us4', '-us5', '-us6', '-us7', '-us8', '-us9'],
    // 32 hex and the data-centre suffix (`-us6`); the suffix is what makes a hex run a Mailchimp key.
    pattern: /(?<![\w-])[a-f0-9]{32}-us[1-9]\d?(?![\w-])/g,
    minEntropy: 3,
    validate: plausible,
    tps: [
      `MAILCHIMP_API_KEY=${rnd(HEX, 32, 'mc-1')}-us6`,
      `mailchimp.setConfig({ apiKey: '${rnd(HEX, 32, 'mc-2')}-us21', server: 'us21' });`,
    ],
    fps: [
      `MAILCHIMP_API_KEY=${'0'.repeat(32)}-us6`,
      `const locale = 'en-us'; const id = '${rnd(HEX, 32, 'mc-3')}';`,
      `MAILCHIMP_SERVER_PREFIX=us6`,
    ],
  },
  {
    id: 'brevo-api-key',
    name: 'Brevo (Sendinblue) API/SMTP key',
    envName: 'BREVO_API_KEY',
    keywords: ['sib-'],
    pattern: /(?<![\w-])x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}(?![\w-])/g,
    minEntropy: 3,
    tps: [
      `BREVO_API_KEY=${'xkeysib-' + rnd(HEX, 64, 'br-1') + '-' + rnd(ALNUM, 16, 'br-2')}`,
      `smtp_password: ${'xsmtpsib-' + rnd(HEX, 64, 'br-3') + '-' + rnd(ALNUM, 16, 'br-4')}`,
    ],
    fps: ['BREVO_API_KEY=xkeysib-...', `BREVO_API_KEY=xkeysib-${rnd(HEX, 32, 'br-5')}`],
  },
  {
    id: 'firebase-fcm-server-key',
    name: 'Firebase Cloud Messaging server key',
    envName: 'FCM_SERVER_KEY',
    keywords: ['apa91b'],
    // Legacy FCM server keys: `AAAA` + 7 characters, `:APA91b`, 134 more. Device registration tokens
    // also contain `:APA91b` but do not start with `AAAA…` and are not credentials.
    pattern: /(?<![\w-])AAAA[\w-]{7}:APA91b[\w-]{134}(?![\w-])/g,
    minEntropy: 4,
    tps: [
      `FCM_SERVER_KEY=${'AAAA' + rnd(B64URL, 7, 'fcm-1') + ':APA91b' + rnd(B64URL, 134, 'fcm-2')}`,
      `headers: { Authorization: 'key=${'AAAA' + rnd(ALNUM, 7, 'fcm-3') + ':APA91b' + rnd(B64URL, 134, 'fcm-4')}' }`,
    ],
    fps: [
      `const deviceToken = '${rnd(B64URL, 22, 'fcm-5')}:APA91b${rnd(B64URL, 134, 'fcm-6')}';`,
      'FCM_SERVER_KEY=AAAA...:APA91b...',
    ],
  },
  {
    id: 'intercom-access-token',
    name: 'Intercom access token',
    envName: 'INTERCOM_ACCESS_TOKEN',
    keywords: ['intercom'],
    // Intercom tokens are base64 of `tok:…` (hence `dG9rOj`) or, older, 60 URL-safe characters.
    pattern: new RegExp(
      `${word('intercom')}[\\w.-]{0,20}?${TOKENISH}${ASSIGN}(?<secret>dG9rOj[A-Za-z0-9+/]{40,80}={0,2}|[\\w=-]{60})(?![\\w+/=-])`,
      'g',
    ),
    minEntropy: 4,
    tps: [
      `INTERCOM_ACCESS_TOKEN=${'dG9rOj' + rnd(B64, 54, 'ic-1')}=`,
      `const intercomToken = "${rnd(B64URL, 60, 'ic-2')}";`,
    ],
    fps: ['INTERCOM_ACCESS_TOKEN=${INTERCOM_ACCESS_TOKEN}', `INTERCOM_APP_ID=${rnd(ALNUM, 8, 'ic-3')}`],
  },
  {
    id: 'zendesk-api-token',
    name: 'Zendesk API token',
    envName: 'ZENDESK_API_TOKEN',
    keywords: ['zendesk'],
    pattern: new RegExp(`${word('zendesk')}[\\w.-]{0,20}?${TOKENISH}${ASSIGN}(?<secret>[A-Za-z0-9]{40})(?![\\w-])`, 'g'),
    minEntropy: 3.5,
    validate: plausible,
    tps: [
      `ZENDESK_API_TOKEN=${rnd(ALNUM, 40, 'zd-1')}`,
      `const zendesk = createClient({ username, zendeskToken: '${rnd(ALNUM, 40, 'zd-2')}', remoteUri });`,
    ],
    fps: [`ZENDESK_SUBDOMAIN=acme`, `ZENDESK_API_TOKEN=${rnd(DIGITS, 40, 'zd-3')}`],
  },
];
