import { parseArgs } from 'node:util';
import {
  createConfiguredEventStore,
  createReadModelProjector,
  loadConfig,
  openDatabase,
  type Logger,
} from '#aduan/infrastructure';
import { createPool } from '#aduan/postgres';
import { createReadModelDataSource, migrateReadModels } from '#aduan/projections';
import { ProgressLine } from '../progress-line.js';

export const REBUILD_USAGE = `rebuild-projections
  Replays the whole event store into fresh copies of the read models, showing progress, and swaps
  them in; until then, and if it fails or is interrupted, the read models stay as they were.
  Stop the API first: the rebuild refuses while an API instance runs the projector.`;

export async function rebuildProjectionsCommand(args: string[], logger: Logger): Promise<void> {
  parseArgs({ args, options: {}, strict: true });
  const config = loadConfig();
  const database = await openDatabase(config, logger, true);
  const pool = createPool({ connectionString: database.url, applicationName: 'aduan-cli', onError: () => undefined });
  const readModels = createReadModelDataSource(database.url, 2);
  try {
    await readModels.initialize();
    await migrateReadModels(readModels);
    const store = await createConfiguredEventStore(config, pool, logger);
    try {
      const projector = createReadModelProjector(store, pool, logger);
      const progress = new ProgressLine('rebuilding read models');
      const applied = await projector.rebuild(({ applied, elapsedMs }) => progress.update(applied, elapsedMs));
      progress.done(applied);
    } finally {
      await store.close();
    }
  } finally {
    if (readModels.isInitialized) await readModels.destroy();
    await pool.end();
    await database.release();
  }
}
