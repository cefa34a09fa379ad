/** A schema of every type, beside the `.env` the rules check (env/missing-required, env/unknown-key, env/invalid-value). */
export const SCHEMA = `allowUnknown: false
variables:
  DATABASE_URL: { type: url, required: true, secret: true, protocols: [postgres, postgresql], description: Primary database }
  PORT:         { type: port, default: 3000 }
  LOG_LEVEL:    { type: enum, values: [debug, info, warn, error], default: info }
  SESSION_SECRET: { type: string, minLength: 32, secret: true }
  WORKERS:      { type: integer, min: 1, max: 16 }
  RATIO:        { type: number, max: 1 }
  DEBUG_SQL:    { type: boolean }
  ADMIN_EMAIL:  { type: email, required: true }
  FEATURES:     { type: json }
  REGION:       { type: string, pattern: "^[a-z]{2}-[a-z]+-\\\\d$", maxLength: 20 }
`;

/** The schema's required keys, set. */
export const GOOD_DB = 'DATABASE_URL=postgres://db.internal:5432/app\nADMIN_EMAIL=ops@example.com\n';

export const WITH_SCHEMA = { filename: '/ws/.env', files: { '/ws/.env.schema.yaml': SCHEMA } };

/** The `.env.schema.yaml` example of PRODUCT.md, as written there. */
export const PRODUCT_EXAMPLE = `allowUnknown: false          # unknown keys in .env are reported
variables:
  DATABASE_URL: { type: url, required: true, secret: true, protocols: [postgres, postgresql],
                  description: Primary database }
  PORT:         { type: port, default: 3000 }
  LOG_LEVEL:    { type: enum, values: [debug, info, warn, error], default: info }
  SESSION_SECRET: { type: string, minLength: 32, secret: true }
`;
