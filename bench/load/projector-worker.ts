import { PostgresEventStore } from '#aduan/event-store';
import { createReadModelProjector } from '#aduan/infrastructure';
import { createPool } from '#aduan/postgres';

/**
 * The read-model projector alone in a process of its own, as the API would run it if its runtime
 * moved it out of the request-serving event loop. Started with the database URL as argument; says
 * "ready" once leader and caught up, and stops on "stop".
 */
const pool = createPool({ connectionString: process.argv[2]!, max: 4, applicationName: 'aduan-bench-projector' });
const store = new PostgresEventStore(pool);
const projector = createReadModelProjector(store, pool, { log: () => undefined, error: (m) => console.error(m) });
projector.start();

const readiness = setInterval(() => {
  const status = projector.status();
  if (status.role === 'leader' && status.ready) {
    clearInterval(readiness);
    process.send?.('ready');
  }
}, 20);

process.once('message', async () => {
  clearInterval(readiness);
  await projector.stop();
  await store.close();
  await pool.end();
  process.exit(0);
});
