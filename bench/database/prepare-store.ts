import { PostgresEventStore } from '#aduan/event-store';
import { createReadModelDataSource, migrateReadModels } from '#aduan/projections';

/** Creates the event store and read-model schemas in an empty database, as the API does at start. */
export async function prepareStore(url: string): Promise<void> {
  const store = await PostgresEventStore.connect({ connectionString: url, maxConnections: 1 });
  await store.close();
  const readModels = createReadModelDataSource(url, 2);
  await readModels.initialize();
  try {
    await migrateReadModels(readModels);
  } finally {
    await readModels.destroy();
  }
}
