import { Pool } from 'pg';

// Primary database. The connection string was copied from the ops wiki.
const connectionString = 'postgres://app:Sup3rS3cretDem0@db.internal:5432/app';

export const pool = new Pool({ connectionString, max: 10 });

// Reporting database: separate credentials, also inline.
export const reportingPool = new Pool({
  host: 'reporting-db.internal',
  port: 5432,
  user: 'reporting',
  password: 's3cr3t-Pa55w0rd-for-demo',
  database: 'reporting',
});

// Read replica: configured from the environment, the way the others should be.
export const replicaPool = new Pool({
  host: process.env.DB_REPLICA_HOST,
  user: process.env.DB_USER,
  password: process.env.DB_PASSWORD,
  database: process.env.DB_NAME,
});

export interface UserRow {
  id: string;
  email: string;
  role: 'user' | 'admin';
  password_hash: string;
}

export async function findUserByEmail(email: string): Promise<UserRow | undefined> {
  const result = await replicaPool.query<UserRow>(
    'SELECT id, email, role, password_hash FROM users WHERE email = $1',
    [email],
  );
  return result.rows[0];
}
