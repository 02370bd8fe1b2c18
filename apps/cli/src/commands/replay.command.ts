import { parseArgs } from 'node:util';
import { complaintStreamName, replay, toComplaintEvent } from '#aduan/complaints';
import { createConfiguredEventStore, loadConfig, openDatabase, type Logger } from '#aduan/infrastructure';
import { createPool } from '#aduan/postgres';
import { contactToOpen, PostgresKeyVault, ReporterIdentities, type ContactView } from '#aduan/reporter-vault';
import { renderTimeline } from '../timeline.js';
import { UsageError } from '../usage-error.js';

export const REPLAY_USAGE = `replay --complaint ID [--show-reporter]
  Prints one complaint's history from the event store as a timeline, and the state it replays to.
  --show-reporter opens the reporter's contact with the key vault (REPORTER_KEY_ENCRYPTION_KEY) and
  prints the reporter's own texts (added information, comments, reasons to dispute or reopen).`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function replayCommand(
  args: string[],
  logger: Logger,
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { complaint: { type: 'string' }, 'show-reporter': { type: 'boolean', default: false } },
    strict: true,
  });
  const id = values.complaint;
  if (!id || !UUID.test(id)) throw new UsageError('--complaint must be a complaint id (a UUID)');
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
      const events = await store.readStream(complaintStreamName(id.toLowerCase()));
      if (events.length === 0) throw new Error(`no complaint has the id ${id}`);
      const decoded = events.flatMap((e) => {
        const event = toComplaintEvent({ type: e.type, schemaVersion: e.metadata.schemaVersion ?? 1, data: e.data });
        return event ? [event] : [];
      });
      const state = replay(decoded);
      let contact: ContactView | null = null;
      if (values['show-reporter'] && state.status !== 'NONE') {
        const vault = new PostgresKeyVault(pool, config.reporterKeyEncryptionKey);
        await vault.migrate();
        [contact = null] = await new ReporterIdentities(vault).open([contactToOpen(state, decoded)]);
      }
      for (const line of renderTimeline(events, { showReporter: values['show-reporter'], contact })) out(line);
      out(`now: ${state.status} at version ${events.at(-1)?.revision}`);
    } finally {
      await store.close();
    }
  } finally {
    await pool.end();
    await database.release();
  }
}
