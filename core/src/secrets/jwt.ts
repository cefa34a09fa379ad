/**
 * A JSON Web Token is a credential until it expires: one whose `exp` has passed (a token pasted into a
 * sample GraphQL query months ago) opens nothing. Tokens without `exp` never expire and stay credentials.
 */
export function isExpiredJwt(token: string, now: number = Date.now()): boolean {
  const payload = token.split('.')[1];
  if (!payload) return false;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
    const exp = typeof claims === 'object' && claims !== null ? (claims as { exp?: unknown }).exp : undefined;
    return typeof exp === 'number' && Number.isFinite(exp) && exp * 1000 < now;
  } catch {
    return false;
  }
}
