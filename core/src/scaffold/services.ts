import type { BackingService, EnvRead, ServiceKind } from './types';

const ORDER: ServiceKind[] = ['postgres', 'mysql', 'mongo', 'redis', 'rabbitmq', 'kafka'];

/** Client libraries, by the service they attach to. */
const CLIENTS: Array<[RegExp, ServiceKind]> = [
  [/^(pg|postgres|pg-promise|slonik|@neondatabase\/serverless)$/, 'postgres'],
  [/^(mysql|mysql2|mariadb)$/, 'mysql'],
  [/^(mongodb|mongoose)$/, 'mongo'],
  [/^(redis|ioredis|@redis\/client|bullmq|bull|bee-queue|connect-redis|rate-limit-redis)$/, 'redis'],
  [/^(amqplib|amqp-connection-manager)$/, 'rabbitmq'],
  [/^(kafkajs|node-rdkafka|@confluentinc\/kafka-javascript)$/, 'kafka'],
];

const BY_NAME: Array<[RegExp, ServiceKind]> = [
  [/POSTGRES|^PG[A-Z]*$|^PG_|_PG_|_PG$|PSQL/, 'postgres'],
  [/MYSQL|MARIADB/, 'mysql'],
  [/MONGO/, 'mongo'],
  [/REDIS|VALKEY/, 'redis'],
  [/RABBIT|AMQP/, 'rabbitmq'],
  [/KAFKA/, 'kafka'],
];

/** `DATABASE_URL`, `DB_HOST`, `DB_REPLICA_PASSWORD`: a database, which one the dependencies say. */
const GENERIC_DB = /^(DATABASE|DB)(_[A-Z0-9]+)*_(URL|URI|HOST|HOSTNAME|PORT|USER|USERNAME|PASSWORD|PASS|NAME)$|^DATABASE_UR[LI]$/;

export function serviceOfDependency(dependency: string): ServiceKind | undefined {
  return CLIENTS.find(([re]) => re.test(dependency))?.[1];
}

/** The backing service a variable points to, from its name (and, for generic names, the dependencies). */
export function serviceForVariable(name: string, dependencies: ReadonlySet<string>): ServiceKind | undefined {
  const upper = name.toUpperCase();
  const named = BY_NAME.find(([re]) => re.test(upper))?.[1];
  if (named) return named;
  if (!GENERIC_DB.test(upper)) return undefined;
  const databases = new Set([...dependencies].map(serviceOfDependency));
  return (['postgres', 'mysql', 'mongo'] as const).find((k) => databases.has(k));
}

/** URL schemes (without `:`) that a service, or a scheme seen in a default, allows. */
export function protocolsOf(serviceOrScheme: string): string[] {
  switch (serviceOrScheme.toLowerCase()) {
    case 'postgres': case 'postgresql': return ['postgres', 'postgresql'];
    case 'mysql': return ['mysql'];
    case 'mongo': case 'mongodb': case 'mongodb+srv': return ['mongodb', 'mongodb+srv'];
    case 'redis': case 'rediss': return ['redis', 'rediss'];
    case 'rabbitmq': case 'amqp': case 'amqps': return ['amqp', 'amqps'];
    case 'http': case 'https': return ['http', 'https'];
    case 'kafka': return [];
    default: return [serviceOrScheme.toLowerCase()];
  }
}

/** The backing services the code uses: a client library in the dependencies, or a variable named for one. */
export function detectServices(dependencies: ReadonlySet<string>, envReads: readonly EnvRead[]): BackingService[] {
  const found = new Map<ServiceKind, BackingService>();
  const get = (kind: ServiceKind): BackingService => {
    let s = found.get(kind);
    if (!s) found.set(kind, (s = { kind, evidence: [], envVars: [] }));
    return s;
  };
  for (const dep of [...dependencies].sort()) {
    const kind = serviceOfDependency(dep);
    if (kind) get(kind).evidence.push(dep);
  }
  for (const read of envReads) {
    const kind = serviceForVariable(read.name, dependencies);
    if (!kind) continue;
    const s = get(kind);
    s.envVars.push(read.name);
    s.evidence.push(read.name);
  }
  return ORDER.filter((k) => found.has(k)).map((k) => found.get(k) as BackingService);
}
