import { parseArgs } from 'node:util';
import { publishAnchor } from '#aduan/audit';
import { createConfiguredEventStore, loadConfig, openDatabase, type Logger } from '#aduan/infrastructure';
import { createPool } from '#aduan/postgres';

export const ANCHOR_USAGE = `anchor
  Publishes the head hash of every stream that changed since the last anchor (the API also does this
  every ANCHOR_INTERVAL), so a later truncation or rewrite is detectable by verify.`;

export async function anchorCommand(
  args: string[],
  logger: Logger,
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  parseArgs({ args, options: {}, strict: true });
  const config = loadConfig(env);
  const database = await openDatabase(config, logger, true);
  const pool = createPool({
    connectionString: database.url,
    max: 2,
    applicationName: 'aduan-cli',
    onError: () => undefined,
  });
  try {
    const store = await createConfiguredEventStore(config, pool, logger);
    try {
      const result = await publishAnchor(store, { id: 'aduan-cli', role: 'system', agencyCode: null }, new Date());
      out(result.streams === 0 ? 'nothing changed since the last anchor' : `anchored ${result.streams} stream heads`);
    } finally {
      await store.close();
    }
  } finally {
    await pool.end();
    await database.release();
  }
}
