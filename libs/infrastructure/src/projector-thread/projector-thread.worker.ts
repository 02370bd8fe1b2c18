import { parentPort, workerData } from 'node:worker_threads';
import { createPool, describeErrorBriefly, type Pool } from '#aduan/postgres';
import type { ProjectorStatus } from '#aduan/projections';
import { createConfiguredEventStore } from '../event-store.factory.js';
import { FaultInjector } from '../fault-injection.js';
import type { Logger } from '../logger.js';
import { createReadModelProjector } from '../read-model-projector.js';
import type { FromProjectorThread, ProjectorThreadSettings, ToProjectorThread } from './projector-thread.messages.js';
import { WokenEventStore } from './woken-event-store.js';

/**
 * The read-model projector in a worker thread of the API (ProjectorThread starts it): the same
 * projector the API would run in-process, on a pool and a store of its own, reporting its status
 * and its log lines to the API over the thread's message port.
 */
const port = parentPort;
if (!port) throw new Error('projector-thread.worker runs as a worker thread (ProjectorThread starts it)');
const settings = workerData as ProjectorThreadSettings;
const send = (message: FromProjectorThread): void => port.postMessage(message);
const logger: Logger = {
  log: (message) => send({ kind: 'log', level: 'log', message }),
  error: (message) => send({ kind: 'log', level: 'error', message }),
};

const pool: Pool = createPool({
  connectionString: settings.databaseUrl,
  // The lock (and writing) connection, the catch-up read-ahead, the checkpoint read.
  max: 3,
  applicationName: 'aduan-projector',
  ...settings.databaseTimeouts,
  onError: (error) => {
    if (!pool.ending) logger.error(`PostgreSQL connection error (projector): ${describeErrorBriefly(error)}`);
  },
});
const wakeups = new Set<() => void>();
// The API migrated the store before it started this thread.
const configured = await createConfiguredEventStore(settings, pool, logger, { migrate: false });
// KurrentDB subscriptions are pushed by the server; PostgreSQL ones poll and need the API's signals.
const store =
  settings.eventStore === 'postgres'
    ? new WokenEventStore(configured, (wake) => {
        wakeups.add(wake);
        return () => wakeups.delete(wake);
      })
    : configured;
const reportStatus = (status: ProjectorStatus): void => send({ kind: 'status', status });
const projector = createReadModelProjector(store, pool, logger, {
  faults: new FaultInjector(settings.faultInjection),
  onStatus: reportStatus,
});
// Every change is reported as it happens; the heartbeat repeats the status, as a sign the loop turns.
const heartbeat = setInterval(() => reportStatus(projector.status()), settings.heartbeatMs);

let stopping: Promise<void> | null = null;
port.on('message', (message: ToProjectorThread) => {
  if (message.kind === 'appended') {
    for (const wake of wakeups) wake();
    return;
  }
  stopping ??= stop();
});

/** Commits the batch in hand, releases leadership, closes everything; the thread then ends by itself. */
async function stop(): Promise<void> {
  try {
    await projector.stop();
  } catch (error) {
    logger.error(`stopping projector: ${describeErrorBriefly(error)}`);
  }
  clearInterval(heartbeat);
  reportStatus(projector.status());
  await store
    .close()
    .catch((error: Error) => logger.error(`closing event store (projector): ${describeErrorBriefly(error)}`));
  await pool.end().catch(() => undefined);
  port!.close();
}

projector.start();
