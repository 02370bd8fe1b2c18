import { HashChainingEventStore } from '#aduan/audit';
import { PostgresEventStore, type EventStore } from '#aduan/event-store';
import type { Pool } from '#aduan/postgres';
import type { AppConfig } from './app-config.js';
import type { Logger } from './logger.js';

/**
 * Builds the event store EVENT_STORE names, with every stream hash-chained for tamper evidence. The
 * PostgreSQL one shares the read models' pool.
 */
export async function createConfiguredEventStore(config: AppConfig, pool: Pool, logger: Logger): Promise<EventStore> {
  return new HashChainingEventStore(await createAdapter(config, pool, logger));
}

async function createAdapter(config: AppConfig, pool: Pool, logger: Logger): Promise<EventStore> {
  switch (config.eventStore) {
    case 'postgres': {
      const store = new PostgresEventStore(pool, {
        onError: (error) => logger.error(`event store: ${(error as Error).message}`),
      });
      await store.migrate();
      return store;
    }
    case 'kurrentdb': {
      // Loaded only when chosen: the client brings a native library PostgreSQL deployments never need.
      const { createKurrentDbEventStore } = await import('#aduan/event-store/kurrentdb');
      return createKurrentDbEventStore(config.kurrentDbConnectionString ?? '', {
        onError: (error: unknown) => logger.error(`event store: ${(error as Error).message}`),
      });
    }
  }
}
