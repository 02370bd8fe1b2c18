import { HashChainingEventStore } from '#aduan/audit';
import { PostgresEventStore, type EventStore } from '#aduan/event-store';
import type { Pool } from '#aduan/postgres';
import type { AppConfig } from './app-config.js';
import type { Logger } from './logger.js';
import { describeErrorBriefly } from '#aduan/postgres';

/**
 * Builds the event store EVENT_STORE names, with every stream hash-chained for tamper evidence. The
 * PostgreSQL one shares the read models' pool. `migrate: false` is for a second store on a schema the
 * process already migrated (the projector's thread).
 */
export async function createConfiguredEventStore(
  config: EventStoreSelection,
  pool: Pool,
  logger: Logger,
  options: { readonly migrate?: boolean } = {},
): Promise<EventStore> {
  return new HashChainingEventStore(await createAdapter(config, pool, logger, options.migrate ?? true));
}

/** The settings that choose and reach the event store. */
export type EventStoreSelection = Pick<AppConfig, 'eventStore' | 'kurrentDbConnectionString'>;

async function createAdapter(
  config: EventStoreSelection,
  pool: Pool,
  logger: Logger,
  migrate: boolean,
): Promise<EventStore> {
  switch (config.eventStore) {
    case 'postgres': {
      const store = new PostgresEventStore(pool, {
        onError: (error) => logger.error(`event store: ${describeErrorBriefly(error)}`),
      });
      if (migrate) await store.migrate();
      return store;
    }
    case 'kurrentdb': {
      // Loaded only when chosen: the client brings a native library PostgreSQL deployments never need.
      const { createKurrentDbEventStore } = await import('#aduan/event-store/kurrentdb');
      return createKurrentDbEventStore(config.kurrentDbConnectionString ?? '', {
        onError: (error: unknown) => logger.error(`event store: ${describeErrorBriefly(error)}`),
      });
    }
  }
}
