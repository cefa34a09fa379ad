import Redis from 'ioredis';

// Shared cache for shipping quotes and rate limits.
export const redis = new Redis('redis://cache.internal:6379/0', {
  maxRetriesPerRequest: 3,
  lazyConnect: true,
});

const QUOTE_TTL_SECONDS = 10 * 60;

export async function getCachedQuote(key: string): Promise<number | undefined> {
  const value = await redis.get(`quote:${key}`);
  return value === null ? undefined : Number(value);
}

export async function cacheQuote(key: string, amount: number): Promise<void> {
  await redis.set(`quote:${key}`, String(amount), 'EX', QUOTE_TTL_SECONDS);
}

export async function hitRateLimit(clientId: string, limit = 100): Promise<boolean> {
  const key = `rate:${clientId}:${Math.floor(Date.now() / 60_000)}`;
  const count = await redis.incr(key);
  if (count === 1) await redis.expire(key, 60);
  return count > limit;
}
