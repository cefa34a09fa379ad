import 'dotenv/config';

/**
 * Application settings. Most values come from the environment, but a few
 * defaults were "temporarily" hardcoded for the first release and never removed.
 */
const {
  NODE_ENV = 'development',
  LOG_LEVEL = 'info',
  PORT = '3000',
  SESSION_SECRET = 'kettle-Amber-93-sess10n-k3y',
} = process.env;

export const config = {
  env: NODE_ENV,
  isProduction: NODE_ENV === 'production',
  logLevel: LOG_LEVEL,
  port: Number(PORT),

  sessionSecret: SESSION_SECRET,
  jwtSecret: process.env.JWT_SECRET || 'jwt-demo-signing-key-4f9a',
  jwtIssuer: process.env.JWT_ISSUER ?? 'orders-api',

  // Partner API key for the shipping quotes endpoint.
  apiKey: process.env.API_KEY,
  stripeWebhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? '',

  databaseUrl: process.env.DATABASE_URL,
  redisUrl: process.env.REDIS_URL,
};

export type Config = typeof config;

export function requireSetting(name: keyof Config): string {
  const value = config[name];
  if (value === undefined || value === '') {
    throw new Error(`Missing required setting: ${name}`);
  }
  return String(value);
}
