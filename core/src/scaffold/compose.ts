import { defaultPort } from './dockerfile';
import { envLine } from './env-files';
import type { BackingService, EnvRead, GeneratedFile, ProjectInfo, ScaffoldPlan, ServiceKind } from './types';

interface Credential {
  name: string;
  example: string;
  secret: boolean;
}

interface ServiceSpec {
  image: string;
  port: number;
  extraPorts?: number[];
  environment: Array<[string, string]>;
  volume: string;
  healthcheck: string[];
  startPeriod?: string;
  credentials: Credential[];
  user?: string;
  password?: string;
  database?: string;
  url: string;
}

/** `${NAME:-default}`, or `${NAME:?…}` for a credential that must come from .env. */
const v = (name: string, fallback?: string) => (fallback === undefined ? `\${${name}:?set ${name} in .env}` : `\${${name}:-${fallback}}`);

const SPECS: Partial<Record<ServiceKind, ServiceSpec>> = {
  postgres: {
    image: 'postgres:16',
    port: 5432,
    environment: [['POSTGRES_USER', v('POSTGRES_USER', 'app')], ['POSTGRES_PASSWORD', v('POSTGRES_PASSWORD')], ['POSTGRES_DB', v('POSTGRES_DB', 'app')]],
    volume: '/var/lib/postgresql/data',
    healthcheck: ['CMD-SHELL', 'pg_isready -U $${POSTGRES_USER} -d $${POSTGRES_DB}'],
    credentials: [{ name: 'POSTGRES_USER', example: 'app', secret: false }, { name: 'POSTGRES_PASSWORD', example: '', secret: true }, { name: 'POSTGRES_DB', example: 'app', secret: false }],
    user: v('POSTGRES_USER', 'app'),
    password: '${POSTGRES_PASSWORD}',
    database: v('POSTGRES_DB', 'app'),
    url: `postgres://${v('POSTGRES_USER', 'app')}:\${POSTGRES_PASSWORD}@postgres:5432/${v('POSTGRES_DB', 'app')}`,
  },
  mysql: {
    image: 'mysql:8',
    port: 3306,
    environment: [['MYSQL_DATABASE', v('MYSQL_DATABASE', 'app')], ['MYSQL_USER', v('MYSQL_USER', 'app')], ['MYSQL_PASSWORD', v('MYSQL_PASSWORD')], ['MYSQL_ROOT_PASSWORD', v('MYSQL_ROOT_PASSWORD')]],
    volume: '/var/lib/mysql',
    healthcheck: ['CMD-SHELL', 'mysqladmin ping -h 127.0.0.1 -u root -p$${MYSQL_ROOT_PASSWORD} --silent'],
    startPeriod: '30s',
    credentials: [
      { name: 'MYSQL_DATABASE', example: 'app', secret: false }, { name: 'MYSQL_USER', example: 'app', secret: false },
      { name: 'MYSQL_PASSWORD', example: '', secret: true }, { name: 'MYSQL_ROOT_PASSWORD', example: '', secret: true },
    ],
    user: v('MYSQL_USER', 'app'),
    password: '${MYSQL_PASSWORD}',
    database: v('MYSQL_DATABASE', 'app'),
    url: `mysql://${v('MYSQL_USER', 'app')}:\${MYSQL_PASSWORD}@mysql:3306/${v('MYSQL_DATABASE', 'app')}`,
  },
  mongo: {
    image: 'mongo:7',
    port: 27017,
    environment: [['MONGO_INITDB_ROOT_USERNAME', v('MONGO_INITDB_ROOT_USERNAME', 'app')], ['MONGO_INITDB_ROOT_PASSWORD', v('MONGO_INITDB_ROOT_PASSWORD')]],
    volume: '/data/db',
    healthcheck: ['CMD', 'mongosh', '--quiet', '--eval', "db.adminCommand('ping')"],
    startPeriod: '20s',
    credentials: [{ name: 'MONGO_INITDB_ROOT_USERNAME', example: 'app', secret: false }, { name: 'MONGO_INITDB_ROOT_PASSWORD', example: '', secret: true }],
    user: v('MONGO_INITDB_ROOT_USERNAME', 'app'),
    password: '${MONGO_INITDB_ROOT_PASSWORD}',
    database: 'app',
    url: `mongodb://${v('MONGO_INITDB_ROOT_USERNAME', 'app')}:\${MONGO_INITDB_ROOT_PASSWORD}@mongo:27017/app?authSource=admin`,
  },
  redis: {
    image: 'redis:7',
    port: 6379,
    environment: [],
    volume: '/data',
    healthcheck: ['CMD', 'redis-cli', 'ping'],
    credentials: [],
    url: 'redis://redis:6379',
  },
  rabbitmq: {
    image: 'rabbitmq:3-management',
    port: 5672,
    extraPorts: [15672],
    environment: [['RABBITMQ_DEFAULT_USER', v('RABBITMQ_DEFAULT_USER', 'app')], ['RABBITMQ_DEFAULT_PASS', v('RABBITMQ_DEFAULT_PASS')]],
    volume: '/var/lib/rabbitmq',
    healthcheck: ['CMD', 'rabbitmq-diagnostics', '-q', 'ping'],
    startPeriod: '30s',
    credentials: [{ name: 'RABBITMQ_DEFAULT_USER', example: 'app', secret: false }, { name: 'RABBITMQ_DEFAULT_PASS', example: '', secret: true }],
    user: v('RABBITMQ_DEFAULT_USER', 'app'),
    password: '${RABBITMQ_DEFAULT_PASS}',
    url: `amqp://${v('RABBITMQ_DEFAULT_USER', 'app')}:\${RABBITMQ_DEFAULT_PASS}@rabbitmq:5672`,
  },
};

const q = (s: string) => JSON.stringify(s);

/** What the app's own variable for a service is set to inside compose, where services are reached by name. */
function appValue(read: EnvRead | undefined, name: string, kind: ServiceKind, spec: ServiceSpec): string | undefined {
  const upper = name.toUpperCase();
  if (read?.inferredType === 'url' || /(^|_)UR[LI]$/.test(upper)) return spec.url;
  if (/(^|_)HOST(NAME)?$/.test(upper) || upper === 'PGHOST') return kind;
  if (/(^|_)PORT$/.test(upper)) return String(spec.port);
  if (/(^|_)(USER|USERNAME)$/.test(upper) || upper === 'PGUSER') return spec.user;
  if (/(^|_)(PASSWORD|PASS|PWD)$/.test(upper) || upper === 'PGPASSWORD') return spec.password;
  if (/(^|_)(NAME|DATABASE|DB)$/.test(upper) || upper === 'PGDATABASE') return spec.database;
  return undefined;
}

/**
 * docker-compose.yml with the backing services the code uses (twelve-factor IV: attached resources, located
 * by config) and the app built from the Dockerfile. Credentials come from `.env` through `${VAR}`
 * interpolation, never written here; `.env.example` gets the variables the file needs.
 */
export function compose(project: ProjectInfo): ScaffoldPlan {
  const services = project.services.filter((s) => SPECS[s.kind]);
  const skipped = project.services.filter((s) => !SPECS[s.kind]);
  const reads = new Map(project.envReads.map((r) => [r.name, r]));
  const port = defaultPort(project) ?? 3000;
  const notes: string[] = [];

  const lines = [
    '# Generated by Twelve-Factor: the backing services this app uses, for local development (twelve-factor IV).',
    '# Credentials come from .env (compose reads it for ${VAR}); copy .env.example to .env and fill it in.',
    'services:',
    '  app:',
    '    build: .',
    '    env_file: .env',
  ];
  const appEnv: Array<[string, string]> = [];
  if (reads.has('PORT')) appEnv.push(['PORT', String(port)]);
  for (const service of services) {
    const spec = SPECS[service.kind] as ServiceSpec;
    for (const name of service.envVars) {
      const value = appValue(reads.get(name), name, service.kind, spec);
      if (value !== undefined && !appEnv.some(([n]) => n === name)) appEnv.push([name, value]);
    }
  }
  if (appEnv.length > 0) {
    lines.push('    environment:', '      # Inside compose the services are reached by their names, not localhost.');
    for (const [name, value] of appEnv) lines.push(`      ${name}: ${q(value)}`);
  }
  lines.push('    ports:', `      - ${q(`${port}:${port}`)}`);
  if (services.length > 0) {
    lines.push('    depends_on:');
    for (const s of services) lines.push(`      ${s.kind}:`, '        condition: service_healthy');
  }
  for (const service of services) lines.push('', ...serviceLines(service, SPECS[service.kind] as ServiceSpec));
  for (const s of skipped) {
    lines.push('', `  # ${s.kind}: used (${s.evidence.join(', ')}) but not generated; add a broker whose listeners fit your network.`);
    notes.push(`${s.kind} is used (${s.evidence.join(', ')}) but not added: its setup depends on your network.`);
  }
  if (services.length > 0) {
    lines.push('', 'volumes:');
    for (const s of services) lines.push(`  ${s.kind}-data:`);
  }
  if (services.length === 0) notes.push('No backing service was detected (database, cache, queue): the file holds the app only.');
  if (!project.files.includes('Dockerfile')) notes.push('The app service builds from a Dockerfile: run "Twelve-Factor: Scaffold: Dockerfile" to create one.');

  const files: GeneratedFile[] = [{ path: 'docker-compose.yml', content: `${lines.join('\n')}\n` }];
  const credentials = services.flatMap((s) => (SPECS[s.kind] as ServiceSpec).credentials);
  if (credentials.length > 0) {
    const example = ['# Credentials docker-compose.yml passes to the backing services.'];
    for (const c of credentials) example.push('', `# ${c.secret ? 'secret, required by docker-compose.yml' : 'docker-compose.yml'}`, envLine(c.name, c.secret ? undefined : c.example));
    files.push({ path: '.env.example', content: `${example.join('\n')}\n`, merge: 'append-missing-keys' });
  }
  return { files, main: 'docker-compose.yml', notes };
}

function serviceLines(service: BackingService, spec: ServiceSpec): string[] {
  const lines = [`  ${service.kind}:`, `    image: ${spec.image}`];
  if (spec.environment.length > 0) {
    lines.push('    environment:');
    for (const [name, value] of spec.environment) lines.push(`      ${name}: ${q(value)}`);
  }
  lines.push('    ports:');
  for (const p of [spec.port, ...(spec.extraPorts ?? [])]) lines.push(`      - ${q(`${p}:${p}`)}`);
  lines.push('    volumes:', `      - ${service.kind}-data:${spec.volume}`);
  lines.push('    healthcheck:', `      test: [${spec.healthcheck.map(q).join(', ')}]`, '      interval: 5s', '      timeout: 5s', '      retries: 10');
  if (spec.startPeriod) lines.push(`      start_period: ${spec.startPeriod}`);
  return lines;
}
