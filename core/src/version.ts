declare const TWELVE_FACTOR_VERSION: string | undefined;

/** Set by esbuild from package.json; the unbundled test build says `dev`. */
export const VERSION: string = typeof TWELVE_FACTOR_VERSION === 'string' ? TWELVE_FACTOR_VERSION : '0.0.0-dev';
