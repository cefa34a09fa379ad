import { words } from './names';
import { isEnvironmentWord, isWeakWord } from './placeholder';

/**
 * Credentials a third party issues, by their names: an OAuth client's secret (`GITHUB_CLIENT_SECRET`,
 * `AUTH_GOOGLE_SECRET`, `TWITTER_CONSUMER_SECRET`) or a named vendor's API key or token (`STRIPE_SECRET_KEY`,
 * `OPENAI_API_KEY`, `SENDGRID_API_KEY`, `TWITTER_BEARER_TOKEN`). The vendor's servers generate such a value and
 * check it; the app only sends it. A weak or mode word as its default (`process.env.GITHUB_CLIENT_SECRET || 'test'`)
 * is a stand-in that lets the strategy or client be built while the provider is not set up: the provider refuses
 * every call made with it, and nothing the app accepts can be forged with it.
 *
 * A key the app signs, encrypts or verifies with is chosen by whoever deploys it, whatever vendor it is named after
 * (`JWT_SECRET`, `SESSION_SECRET`, `STRIPE_WEBHOOK_SECRET`, `SLACK_SIGNING_SECRET`, a verify token): with a known
 * default, requests can be forged, so those stay reported; so does an account's password (a vendor's SMTP login is
 * the deployer's) and a random-looking or provider-format default under any name.
 */

// Vendors of hosted services whose credentials their own servers issue. Only hosted services: the API key of a
// server the deployer runs (MinIO, Meilisearch, Qdrant, Weaviate) is whatever its deployer set, and the app's
// default may well be the server's own default.
const ISSUERS = new Set([
  // Identity and OAuth providers.
  'github', 'gitlab', 'bitbucket', 'google', 'gmail', 'youtube', 'microsoft', 'azure', 'apple', 'facebook',
  'instagram', 'twitter', 'linkedin', 'discord', 'slack', 'notion', 'figma', 'dropbox', 'spotify', 'twitch',
  'reddit', 'zoom', 'atlassian', 'jira', 'trello', 'asana', 'linear', 'airtable', 'hubspot', 'salesforce',
  'auth0', 'okta', 'clerk', 'workos', 'feishu', 'lark', 'dingtalk', 'wechat', 'weixin', 'patreon', 'steam',
  // Payments.
  'stripe', 'paypal', 'braintree', 'paddle', 'lemonsqueezy', 'razorpay', 'alipay', 'shopify', 'plaid',
  // Language models and AI services.
  'openai', 'anthropic', 'cohere', 'mistral', 'groq', 'deepseek', 'gemini', 'perplexity', 'openrouter',
  'replicate', 'huggingface', 'hf', 'elevenlabs', 'deepgram', 'assemblyai', 'voyage', 'jina', 'tavily', 'serper',
  'serpapi', 'firecrawl', 'pinecone',
  // Mail, messaging and other hosted APIs.
  'sendgrid', 'mailgun', 'mailchimp', 'mandrill', 'postmark', 'resend', 'brevo', 'sendinblue', 'twilio', 'vonage',
  'nexmo', 'telegram', 'intercom', 'zendesk', 'algolia', 'mapbox', 'unsplash', 'pexels', 'giphy', 'cloudflare',
  'vercel', 'netlify', 'heroku', 'sentry', 'datadog',
]);

// Words that make the credential one the app chooses and checks itself, whoever it is named after.
const SELF_CHOSEN = new Set([
  'webhook', 'webhooks', 'signing', 'signature', 'sign', 'verify', 'verification', 'jwt', 'jws', 'session', 'cookie',
  'encryption', 'encrypt', 'hmac', 'master', 'csrf', 'password', 'passwd', 'pass', 'pwd', 'passphrase', 'private',
  'internal',
]);

// Vendors whose issued credential is also the key their webhooks are signed with (Twilio's auth token checks
// `X-Twilio-Signature`, Shopify's API secret the `X-Shopify-Hmac-Sha256` header, Mailgun's API key its events'
// signature): an app that verifies with a weak default accepts a request anyone signs with that word.
const SIGNS_WEBHOOKS = new Set(['twilio', 'shopify', 'mailgun']);

// The words of an issued credential after the vendor's name: `CLIENT_SECRET`, `CONSUMER_SECRET`, `SECRET_KEY`,
// `API_KEY`, `BEARER_TOKEN`, `BOT_TOKEN`, a bare `SECRET` (Auth.js's `AUTH_GITHUB_SECRET`). Not `APP_SECRET`:
// Facebook and others verify their webhooks' signatures with it.
const CREDENTIAL_WORDS = new Set(['client', 'consumer', 'oauth', 'oauth2', 'api', 'secret', 'key', 'token', 'access', 'auth', 'bearer', 'bot', 'personal', 'refresh']);
const LAST_WORDS = new Set(['secret', 'key', 'token']);

/** A name of a credential a hosted vendor issues (`GITHUB_CLIENT_SECRET`, `OPENAI_API_KEY`): see above. */
export function namesIssuedCredential(name: string): boolean {
  const ws = words(name);
  // The last vendor named: `AZURE_OPENAI_API_KEY`, `GOOGLE_GEMINI_API_KEY`.
  let at = -1;
  ws.forEach((w, i) => { if (ISSUERS.has(w)) at = i; });
  if (at < 0 || at === ws.length - 1 || ws.some((w) => SELF_CHOSEN.has(w)) || SIGNS_WEBHOOKS.has(ws[at])) return false;
  const rest = ws.slice(at + 1);
  return LAST_WORDS.has(rest[rest.length - 1]) && rest.every((w) => CREDENTIAL_WORDS.has(w));
}

// Words that name a mode or an environment rather than a value: what a config writes where the provider is not set up.
const MODE_WORDS = new Set(['demo', 'sandbox', 'staging']);

/**
 * A weak or mode word (`test`, `dev`, `secret`, `demo`) as the default of an issued credential: a stand-in the
 * provider refuses. A random-looking or provider-format default is judged as before.
 */
export function isIssuedCredentialStandIn(name: string, value: string): boolean {
  const v = value.trim();
  return namesIssuedCredential(name) && (isWeakWord(v) || isEnvironmentWord(v) || MODE_WORDS.has(v.toLowerCase()));
}
