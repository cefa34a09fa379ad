import { Pool } from 'pg';

/**
 * One-off admin process: `npm run seed` against a fresh database.
 * The values below are bcrypt digests, not passwords; the plain text is not stored anywhere.
 */
const users = [
  {
    email: 'admin@orders-demo.io',
    role: 'admin',
    passwordHash: '$2b$10$ZRs6hBvK3BGei5GtTKYrZu17VP/voxZ5ybEad3yVJEinJnF6DxEOC',
  },
  {
    email: 'support@orders-demo.io',
    role: 'user',
    passwordHash: '$2b$10$xGuoabSJqaa9jaaZiFzq/OCn72zd9VCsJDdm3CiQE154bqlX2cXc2',
  },
];

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  try {
    for (const user of users) {
      await pool.query(
        `INSERT INTO users (email, role, password_hash) VALUES ($1, $2, $3)
         ON CONFLICT (email) DO UPDATE SET role = EXCLUDED.role, password_hash = EXCLUDED.password_hash`,
        [user.email, user.role, user.passwordHash],
      );
    }
    console.log(`seeded ${users.length} users`);
  } finally {
    await pool.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
