/**
 * One throwaway PostgreSQL cluster for the whole server run (starting one takes seconds); each
 * test file makes its own database in it. The superuser URL is provided as `postgresAdminUrl`.
 */
import type { TestProject } from 'vitest/node';
import type {} from 'vitest';
import { startPostgres, type PostgresCluster } from '../support/postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

let cluster: PostgresCluster | null = null;

export async function setup(project: TestProject): Promise<void> {
  cluster = await startPostgres();
  project.provide('postgresAdminUrl', cluster.adminUrl);
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
  cluster = null;
}
