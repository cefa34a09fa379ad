import type { ScaffoldId } from './types';

/**
 * The scaffold commands: ids and titles only, so registering them loads no generator (and no TypeScript
 * compiler). The command id is `twelveFactor.scaffold.<id>`; titles are PRODUCT.md's, category Twelve-Factor.
 */
export const SCAFFOLD_CATALOG: ReadonlyArray<{ id: ScaffoldId; title: string }> = [
  { id: 'configModule', title: 'Scaffold: Config Module' },
  { id: 'gracefulShutdown', title: 'Scaffold: Graceful Shutdown' },
  { id: 'envExample', title: 'Scaffold: .env.example from Code' },
  { id: 'envSchema', title: 'Scaffold: .env Schema from Code' },
  { id: 'procfile', title: 'Scaffold: Procfile' },
  { id: 'dockerfile', title: 'Scaffold: Dockerfile' },
  { id: 'compose', title: 'Scaffold: docker-compose for Backing Services' },
  { id: 'logger', title: 'Scaffold: Stdout Logger' },
  { id: 'healthCheck', title: 'Scaffold: Health Check Endpoint' },
];

export const scaffoldCommandId = (id: ScaffoldId): string => `twelveFactor.scaffold.${id}`;
