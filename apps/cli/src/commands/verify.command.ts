import { parseArgs } from 'node:util';
import { verifyStore, verifyStream } from '#aduan/audit';
import { complaintStreamName } from '#aduan/complaints';
import { createConfiguredEventStore, loadConfig, openDatabase, type Logger } from '#aduan/infrastructure';
import { createPool } from '#aduan/postgres';
import { ProgressLine } from '../progress-line.js';
import { UsageError } from '../usage-error.js';

export const VERIFY_USAGE = `verify [--complaint ID]
  Checks the hash chain of every stream (or one complaint's) and every published anchor; names the
  first broken link of each broken stream. Exit code 1 when anything does not hold.`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Answers whether the store verified, after printing what was found. */
export async function verifyCommand(
  args: string[],
  logger: Logger,
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  const { values } = parseArgs({ args, options: { complaint: { type: 'string' } }, strict: true });
  if (values.complaint !== undefined && !UUID.test(values.complaint)) {
    throw new UsageError('--complaint must be a complaint id (a UUID)');
  }
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
      if (values.complaint) {
        const stream = complaintStreamName(values.complaint.toLowerCase());
        const events = await store.readStream(stream);
        if (events.length === 0) throw new Error(`no complaint has the id ${values.complaint}`);
        const result = verifyStream(events);
        if (result.firstBroken) {
          const b = result.firstBroken;
          out(`BROKEN ${stream} at revision ${b.revision} (event ${b.eventId}): ${b.reason}`);
        } else {
          out(`ok: ${stream}, ${result.events} events, head hash ${result.head.hash}`);
        }
        return result.ok;
      }
      const progress = new ProgressLine('verifying');
      const started = Date.now();
      const result = await verifyStore(store, {
        onProgress: (events) => progress.update(events, Date.now() - started),
      });
      progress.done(result.events);
      for (const b of result.brokenLinks) {
        out(`BROKEN ${b.streamName} at revision ${b.revision} (event ${b.eventId}): ${b.reason}`);
      }
      for (const m of result.anchorMismatches) out(`ANCHOR ${m.streamName} at revision ${m.revision}: ${m.reason}`);
      out(
        result.ok
          ? `ok: ${result.events} events in ${result.streams} streams, every chain and anchor holds`
          : `FAILED: ${result.brokenLinks.length} broken streams, ${result.anchorMismatches.length} anchor mismatches`,
      );
      return result.ok;
    } finally {
      await store.close();
    }
  } finally {
    await pool.end();
    await database.release();
  }
}
